#pragma once
// Anchors tie a claim to the exact words that carry it: code point offsets
// into the article's stored text, plus the W3C Web Annotation
// TextQuoteSelector (exact quote, and up to 32 code points of prefix and
// suffix) so a claim can be found again in a later version of the text.

#include "result.h"
#include "text.h"

#include <string>
#include <string_view>

namespace claimtrack {

inline constexpr std::int64_t kQuoteContextLength = 32;

struct TextQuote {
    std::string exact;
    std::string prefix;
    std::string suffix;
    friend bool operator==(const TextQuote&, const TextQuote&) = default;
};

struct Anchor {
    CodePointRange range;
    TextQuote quote;
    friend bool operator==(const Anchor&, const Anchor&) = default;
};

// The anchor for `range` in `text`; refuses ranges outside the text or empty ones.
Result<Anchor> anchorAt(const CodePointIndex& text, CodePointRange range);

// The anchor of the `occurrence`-th (1-based) match of `quote` in `text`.
// Any run of white space in the quote matches any run of white space in the
// text (no-break spaces and line breaks included); the quote is NFC-normalised
// and trimmed first, like the article text was at import.
Result<Anchor> findQuote(const CodePointIndex& text, std::string_view quote, int occurrence = 1);

}  // namespace claimtrack
