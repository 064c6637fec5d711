#pragma once
// Saved web pages: the article's own text, with its paragraph breaks, and its
// title, author, publisher, URL and date from the page's metadata (<title>,
// og: and article: meta tags, JSON-LD NewsArticle, <link rel=canonical>).
//
// Parsed by Gumbo, a complete HTML5 parser (Debian's libgumbo). Which part of
// a page is the article is not a parsing question and no Debian library
// answers it, so that part is ours: navigation, scripts, styles, cookie and
// consent banners, forms, share buttons, advertising and comments are dropped
// by element, role and class, and the article is the element that holds the
// most paragraph text that is not links (the idea of Arc90's Readability).

#include "model.h"
#include "result.h"

#include <string>
#include <string_view>

namespace claimtrack {

// Pages nested deeper than this are refused before parsing: the HTML5 tree
// builder's cost grows with the square of the depth.
inline constexpr int kMaxHtmlDepth = 1000;

struct HtmlArticle {
    std::string text;  // paragraphs separated by blank lines; UTF-8
    ArticleMeta meta;  // what the page says of itself; empty fields where it says nothing
};

// `utf8` is the page's text (decoded already); `what` names it in messages.
Result<HtmlArticle> extractHtmlArticle(std::string_view utf8, std::string_view what);

// Whether bytes look like an HTML page (a doctype or an <html> tag near the start).
bool looksLikeHtml(std::string_view bytes);

}  // namespace claimtrack
