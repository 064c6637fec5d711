#pragma once
// PDFs: the text of each page in reading order, with paragraph breaks, and the
// title and author from the document's information. Read by Poppler
// (Debian's libpoppler-cpp); lines and paragraphs are rebuilt from the words'
// positions, which Poppler gives in reading order but without paragraphs.

#include "model.h"
#include "result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

// PDFs whose compressed streams would inflate to more than this are refused
// before Poppler sees them (a "zip bomb" hidden in a page's content).
inline constexpr std::uint64_t kMaxPdfInflatedBytes = 512ull * 1024 * 1024;

struct PdfArticle {
    std::vector<std::string> pages;  // each page's text: paragraphs separated by blank lines
    ArticleMeta meta;
};

Result<PdfArticle> extractPdfArticle(std::string_view bytes, std::string_view what);

}  // namespace claimtrack
