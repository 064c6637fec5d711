#include "html.h"
#include "text.h"

#include <fmt/format.h>
#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

namespace claimtrack {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string attribute(const GumboNode* node, const char* name) {
    if (node->type != GUMBO_NODE_ELEMENT)
        return {};
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? std::string(a->value) : std::string();
}

GumboTag tagOf(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector& childrenOf(const GumboNode* node) {
    static const GumboVector kNone{nullptr, 0, 0};
    if (node->type == GUMBO_NODE_ELEMENT)
        return node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT)
        return node->v.document.children;
    return kNone;
}

// Calls `visit(node)` for every node under `root` in document order, without recursion (pages may be
// deep); `visit` returns false to skip a node's children.
template <typename Visit>
void walk(const GumboNode* root, Visit visit) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (!visit(node))
            continue;
        const GumboVector& children = childrenOf(node);
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
}

// --- Boilerplate -------------------------------------------------------------------------------------

// Class and id words that mark what is not the article. Matched as whole words of the attribute
// ("share-buttons" has "share"), so "shared" or "adrian" do not match.
const std::set<std::string, std::less<>> kBoilerplateWords = {
    "ad",          "ads",           "advert",      "byline",    "dateline",     "kicker",
    "meta",        "advertisement", "advertising", "banner",    "breadcrumb",   "breadcrumbs",
    "comment",     "comments",      "consent",     "cookie",    "cookies",      "disqus",
    "footer",      "gdpr",          "masthead",    "menu",      "modal",        "nav",
    "navbar",      "navigation",    "newsletter",  "outbrain",  "popup",        "promo",
    "recommended", "related",       "share",       "sharing",   "sidebar",      "signup",
    "social",      "sponsor",       "sponsored",   "subscribe", "subscription", "taboola",
    "toolbar",     "widget"};

bool hasBoilerplateWord(const std::string& value) {
    std::string word;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? value[i] : ' ';
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        if (kBoilerplateWords.contains(word))
            return true;
        word.clear();
    }
    return false;
}

bool isDropped(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT)
        return node->type == GUMBO_NODE_COMMENT;
    switch (tagOf(node)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
        return true;
    default:
        break;
    }
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden") ||
        attribute(node, "aria-hidden") == "true")
        return true;
    // Custom elements say what they are in their names: <amp-ad>, <cookie-consent>, <share-bar>.
    if (tagOf(node) == GUMBO_TAG_UNKNOWN) {
        GumboStringPiece name = node->v.element.original_tag;
        gumbo_tag_from_original_text(&name);
        if (hasBoilerplateWord(std::string(name.data, name.length)))
            return true;
    }
    const std::string style = lower(attribute(node, "style"));
    if (style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
        return true;
    static const std::set<std::string, std::less<>> kRoles = {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu"};
    if (kRoles.contains(lower(attribute(node, "role"))))
        return true;
    // The article's own container keeps its words even when its class says "article-share-free" and the like.
    if (tagOf(node) == GUMBO_TAG_ARTICLE || tagOf(node) == GUMBO_TAG_MAIN || tagOf(node) == GUMBO_TAG_BODY)
        return false;
    return hasBoilerplateWord(attribute(node, "class")) || hasBoilerplateWord(attribute(node, "id"));
}

bool isBlock(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY:
        return true;
    default:
        return false;
    }
}

// --- Text --------------------------------------------------------------------------------------------

// Text with runs of white space collapsed to one space, as a browser shows it.
void appendCollapsed(std::string& out, std::string_view text) {
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n')
                out += ' ';
        } else {
            out += c;
        }
    }
}

// The visible text under a node, collapsed; and how much of it is inside links.
std::pair<std::string, std::size_t> textOf(const GumboNode* root) {
    std::string text;
    std::size_t linked = 0;
    std::vector<const GumboNode*> links;
    walk(root, [&](const GumboNode* node) {
        if (node != root && isDropped(node))
            return false;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
            const std::size_t before = text.size();
            appendCollapsed(text, node->v.text.text);
            for (const GumboNode* p = node->parent; p && p != root->parent; p = p->parent)
                if (tagOf(p) == GUMBO_TAG_A) {
                    linked += text.size() - before;
                    break;
                }
        }
        return true;
    });
    return {text, linked};
}

std::string trimmed(std::string s) {
    const auto notSpace = [](char c) { return c != ' ' && c != '\n'; };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

// The article: the deepest element holding most of the page's paragraph text that is not links.
const GumboNode* contentRoot(const GumboNode* body) {
    std::unordered_map<const GumboNode*, double> beneath;
    double total = 0;
    walk(body, [&](const GumboNode* node) {
        if (isDropped(node))
            return false;
        const GumboTag tag = tagOf(node);
        if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_PRE && tag != GUMBO_TAG_BLOCKQUOTE && tag != GUMBO_TAG_LI)
            return true;
        const auto [text, linked] = textOf(node);
        constexpr std::size_t kShortest = 25;  // captions and labels are not the article's prose
        if (text.size() < kShortest)
            return false;
        const double score =
            static_cast<double>(text.size() - linked) * (linked * 2 > text.size() ? 0.1 : 1.0);
        total += score;
        for (const GumboNode* p = node->parent; p; p = p->parent)
            beneath[p] += score;
        return false;
    });
    constexpr double kMost = 0.8;
    const GumboNode* best = body;
    std::size_t bestDepth = 0;
    for (const auto& [node, score] : beneath) {
        if (score < kMost * total || node->type != GUMBO_NODE_ELEMENT)
            continue;
        std::size_t depth = 0;
        for (const GumboNode* p = node; p; p = p->parent)
            ++depth;
        if (depth > bestDepth)
            best = node, bestDepth = depth;
    }
    return best;
}

// The text under `root` as paragraphs: one per block element, blank lines between them.
std::string paragraphs(const GumboNode* root, const GumboNode* skip) {
    std::vector<std::string> blocks(1);
    // Open blocks are closed by what comes next; a marker on the stack says where a block element ended.
    std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
    while (!stack.empty()) {
        const auto [node, closing] = stack.back();
        stack.pop_back();
        if (closing) {
            if (!blocks.back().empty())
                blocks.emplace_back();
            continue;
        }
        if (node == skip || (node != root && isDropped(node)))
            continue;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
            if (tagOf(node->parent) == GUMBO_TAG_PRE)
                blocks.back() += node->v.text.text;
            else
                appendCollapsed(blocks.back(), node->v.text.text);
            continue;
        }
        if (tagOf(node) == GUMBO_TAG_BR) {
            blocks.back() += '\n';
            continue;
        }
        const bool block = isBlock(tagOf(node));
        if (block) {
            if (!trimmed(blocks.back()).empty())
                blocks.emplace_back();
            stack.push_back({node, true});
        }
        const GumboVector& children = childrenOf(node);
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
    }
    std::string text;
    for (std::string& block : blocks) {
        block = trimmed(std::move(block));
        // Lines between <br>s lose the spaces around them.
        std::string clean;
        for (std::size_t i = 0; i < block.size(); ++i) {
            if (block[i] == ' ' &&
                ((i + 1 < block.size() && block[i + 1] == '\n') || (i > 0 && block[i - 1] == '\n')))
                continue;
            clean += block[i];
        }
        if (!clean.empty())
            text += (text.empty() ? "" : "\n\n") + clean;
    }
    return text;
}

// --- Metadata ----------------------------------------------------------------------------------------

// "2018-03-12T08:00:00Z" -> "2018-03-12"; what is not a date -> "".
std::string dateOf(std::string_view value) {
    for (const std::size_t length : {10u, 7u, 4u}) {
        if (value.size() < length)
            continue;
        if (auto date = parsePartialDate(value.substr(0, length), "date"))
            return *date;
    }
    return {};
}

std::string nameIn(const nlohmann::json& value) {
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_object() && value.contains("name") && value["name"].is_string())
        return value["name"].get<std::string>();
    if (value.is_array()) {
        std::string names;
        for (const auto& item : value)
            if (const std::string name = nameIn(item); !name.empty())
                names += (names.empty() ? "" : "; ") + name;
        return names;
    }
    return {};
}

// The first JSON-LD object that is an article of some kind, looking into @graph lists.
const nlohmann::json* findArticle(const nlohmann::json& value) {
    static const std::set<std::string, std::less<>> kTypes = {"NewsArticle",          "Article",
                                                              "ReportageNewsArticle", "AnalysisNewsArticle",
                                                              "BlogPosting",          "OpinionNewsArticle"};
    if (value.is_array()) {
        for (const auto& item : value)
            if (const nlohmann::json* found = findArticle(item))
                return found;
        return nullptr;
    }
    if (!value.is_object())
        return nullptr;
    if (value.contains("@type")) {
        const auto& type = value["@type"];
        if ((type.is_string() && kTypes.contains(type.get<std::string>())) ||
            (type.is_array() && std::any_of(type.begin(), type.end(), [](const nlohmann::json& t) {
                 return t.is_string() && kTypes.contains(t.get<std::string>());
             })))
            return &value;
    }
    if (value.contains("@graph"))
        return findArticle(value["@graph"]);
    return nullptr;
}

ArticleMeta metadata(const GumboNode* document) {
    std::map<std::string, std::string> meta;  // og:title, article:published_time, author, ... (first wins)
    std::string titleTag, canonical;
    std::vector<std::string> jsonLd;
    walk(document, [&](const GumboNode* node) {
        switch (tagOf(node)) {
        case GUMBO_TAG_META: {
            std::string key = lower(attribute(node, "property"));
            if (key.empty())
                key = lower(attribute(node, "name"));
            if (!key.empty())
                meta.try_emplace(key, attribute(node, "content"));
            return false;
        }
        case GUMBO_TAG_TITLE:
            if (titleTag.empty())
                titleTag = trimmed(textOf(node).first);
            return false;
        case GUMBO_TAG_LINK:
            if (lower(attribute(node, "rel")) == "canonical" && canonical.empty())
                canonical = attribute(node, "href");
            return false;
        case GUMBO_TAG_SCRIPT:
            if (lower(attribute(node, "type")) == "application/ld+json" && childrenOf(node).length > 0)
                jsonLd.push_back(static_cast<const GumboNode*>(childrenOf(node).data[0])->v.text.text);
            return false;
        default:
            return true;
        }
    });

    ArticleMeta out;
    for (const std::string& script : jsonLd) {
        const nlohmann::json parsed = nlohmann::json::parse(script, nullptr, false);
        const nlohmann::json* article = parsed.is_discarded() ? nullptr : findArticle(parsed);
        if (!article)
            continue;
        const auto text = [&](const char* key) {
            return article->contains(key) ? nameIn((*article)[key]) : std::string();
        };
        out.title = text("headline");
        out.author = text("author");
        out.publisher = text("publisher");
        out.url = text("url");
        out.published = dateOf(text("datePublished"));
        break;
    }
    const auto fill = [&](std::string& field, std::initializer_list<const char*> keys) {
        for (const char* key : keys)
            if (field.empty() && meta.contains(key))
                field = meta[key];
    };
    fill(out.title, {"og:title", "twitter:title"});
    if (out.title.empty())
        out.title = titleTag;
    fill(out.author, {"author", "article:author", "byl"});
    fill(out.publisher, {"og:site_name", "publisher"});
    if (out.url.empty())
        out.url = canonical;
    fill(out.url, {"og:url"});
    if (out.published.empty())
        for (const char* key : {"article:published_time", "date", "pubdate", "publish-date", "dc.date"})
            if (meta.contains(key) && out.published.empty())
                out.published = dateOf(meta[key]);
    for (std::string* field : {&out.title, &out.author, &out.publisher, &out.url})
        *field = normalizeField(*field);
    return out;
}

// How deep the page's elements nest, counted on the raw markup without building a tree: start tags
// open (except void elements and those a sibling closes), end tags close.
int nestingDepth(std::string_view html) {
    static const std::set<std::string, std::less<>> kNotOpening = {
        "area",  "base", "br", "col", "embed", "hr", "img", "input",  "link", "meta", "param",   "source",
        "track", "wbr",  "p",  "li",  "td",    "th", "tr",  "option", "dt",   "dd",   "!doctype"};
    int depth = 0, deepest = 0;
    for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
        if (html.substr(i, 4) == "<!--") {
            i = html.find("-->", i);
            if (i == std::string_view::npos)
                break;
            continue;
        }
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t start = i + (closing ? 2 : 1), end = start;
        while (end < html.size() && (std::isalnum(static_cast<unsigned char>(html[end])) || html[end] == '!'))
            ++end;
        const std::string name = lower(html.substr(start, end - start));
        if (name.empty() || kNotOpening.contains(name))
            continue;
        if (closing) {
            depth = std::max(0, depth - 1);
            continue;
        }
        const std::size_t close = html.find('>', end);
        if (close != std::string_view::npos && close > 0 && html[close - 1] == '/')
            continue;                               // <tag/>
        if (name == "script" || name == "style") {  // their contents are not markup
            const std::size_t after = html.find("</" + name, end);
            if (after == std::string_view::npos)
                break;
            i = after;
            continue;
        }
        deepest = std::max(deepest, ++depth);
    }
    return deepest;
}

}  // namespace

bool looksLikeHtml(std::string_view bytes) {
    const std::string start = lower(bytes.substr(0, 1024));
    return start.find("<!doctype html") != std::string::npos || start.find("<html") != std::string::npos;
}

Result<HtmlArticle> extractHtmlArticle(std::string_view utf8, std::string_view what) {
    if (const int depth = nestingDepth(utf8); depth > kMaxHtmlDepth)
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("{}: its elements nest {} deep (more than {}); that is not a page to read", what,
                        depth, kMaxHtmlDepth));
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // parse errors are the rule on the web; recover, never list them
    const std::unique_ptr<GumboOutput, std::function<void(GumboOutput*)>> output(
        gumbo_parse_with_options(&options, utf8.data(), utf8.size()),
        [options](GumboOutput* o) { gumbo_destroy_output(&options, o); });
    if (!output)
        return makeError(ErrorCode::InvalidInput, fmt::format("{}: the page could not be read", what));

    HtmlArticle article;
    article.meta = metadata(output->document);
    const GumboNode* body = nullptr;
    walk(output->root, [&](const GumboNode* node) {
        if (tagOf(node) == GUMBO_TAG_BODY && !body)
            body = node;
        return body == nullptr;
    });
    if (!body)
        body = output->root;
    // The headline, then the article's paragraphs. The headline is the first <h1> that the page's
    // metadata title begins with (many pages put it inside a <header>), else the first outside boilerplate.
    const GumboNode* headline = nullptr;
    const GumboNode* firstKept = nullptr;
    const std::string title = lower(article.meta.title);
    walk(body, [&](const GumboNode* node) {
        if (headline || tagOf(node) != GUMBO_TAG_H1)
            return headline == nullptr && node->type == GUMBO_NODE_ELEMENT;
        const std::string text = lower(trimmed(textOf(node).first));
        if (!text.empty() && !title.empty() && title.starts_with(text))
            headline = node;
        else if (!firstKept) {
            bool dropped = false;
            for (const GumboNode* p = node; p && p != body; p = p->parent)
                dropped = dropped || isDropped(p);
            if (!dropped)
                firstKept = node;
        }
        return false;
    });
    if (!headline)
        headline = firstKept;
    const GumboNode* root = contentRoot(body);
    std::string text = headline ? trimmed(textOf(headline).first) : std::string();
    const std::string body_text = paragraphs(root, headline);
    text += (text.empty() || body_text.empty() ? "" : "\n\n") + body_text;
    if (trimmed(text).empty())
        return makeError(ErrorCode::InvalidInput, fmt::format("{}: the page has no article text", what));
    article.text = std::move(text);
    return article;
}

}  // namespace claimtrack
