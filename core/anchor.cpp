#include "anchor.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <vector>

namespace claimtrack {

namespace {

// Text with every run of white space folded to one ' ', and for each folded
// code point the code point offset it came from in the original.
struct FoldedText {
    std::u32string chars;
    std::vector<std::int64_t> origin;
};

FoldedText foldSpaces(std::u32string_view text) {
    FoldedText folded;
    folded.chars.reserve(text.size());
    folded.origin.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isUnicodeSpace(text[i])) {
            if (!folded.chars.empty() && folded.chars.back() == U' ')
                continue;
            folded.chars.push_back(U' ');
        } else {
            folded.chars.push_back(text[i]);
        }
        folded.origin.push_back(static_cast<std::int64_t>(i));
    }
    return folded;
}

std::u32string_view trimSpaces(std::u32string_view s) {
    while (!s.empty() && isUnicodeSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isUnicodeSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

}  // namespace

Result<Anchor> anchorAt(const CodePointIndex& text, CodePointRange range) {
    if (range.start < 0 || range.end > text.size() || range.end <= range.start)
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("range [{}, {}) is not inside the text (0 to {} code points) or is "
                                     "empty; end must be greater than start",
                                     range.start, range.end, text.size()));
    Anchor anchor;
    anchor.range = range;
    anchor.quote.exact = text.slice(range);
    anchor.quote.prefix =
        text.slice({std::max<std::int64_t>(0, range.start - kQuoteContextLength), range.start});
    anchor.quote.suffix = text.slice({range.end, std::min(text.size(), range.end + kQuoteContextLength)});
    return anchor;
}

Result<Anchor> findQuote(const CodePointIndex& text, std::string_view quote, int occurrence) {
    if (occurrence < 1)
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("occurrence must be 1 or more, not {}", occurrence));
    const std::u32string needleChars = toCodePoints(normalizeField(quote));
    const FoldedText needle = foldSpaces(trimSpaces(needleChars));
    if (needle.chars.empty())
        return makeError(ErrorCode::InvalidInput, "the quote is empty");

    const FoldedText haystack = foldSpaces(toCodePoints(text.text()));
    const std::boyer_moore_horspool_searcher searcher(needle.chars.begin(), needle.chars.end());
    auto from = haystack.chars.begin();
    for (int found = 0;;) {
        const auto match = std::search(from, haystack.chars.end(), searcher);
        if (match == haystack.chars.end()) {
            if (found == 0)
                return makeError(ErrorCode::InvalidInput, fmt::format("quote \"{}\" not found", quote));
            return makeError(ErrorCode::InvalidInput,
                             fmt::format("quote \"{}\" occurs {} time{}, so there is no occurrence {}", quote,
                                         found, found == 1 ? "" : "s", occurrence));
        }
        if (++found == occurrence) {
            const auto first = static_cast<std::size_t>(match - haystack.chars.begin());
            const std::size_t last =
                first + needle.chars.size() - 1;  // never white space: the quote is trimmed
            return anchorAt(text, {haystack.origin[first], haystack.origin[last] + 1});
        }
        from = match + 1;
    }
}

}  // namespace claimtrack
