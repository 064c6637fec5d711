#pragma once
// Article text: validation, normalisation and code point offsets.
//
// Article text is stored as UTF-8 and addressed in Unicode code points
// (CodePointRange), the unit the project file, the command line and the CSV
// speak. Widgets speak UTF-16 (Utf16Range); conversions happen only here.

#include "result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

// Half-open [start, end) in Unicode code points.
struct CodePointRange {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t length() const { return end - start; }
    friend bool operator==(const CodePointRange&, const CodePointRange&) = default;
};

// Half-open [start, end) in UTF-16 code units (QString / Qt widget positions).
struct Utf16Range {
    std::int64_t start = 0;
    std::int64_t end = 0;
    friend bool operator==(const Utf16Range&, const Utf16Range&) = default;
};

// Checks that bytes are well-formed UTF-8 (no overlongs, surrogates or values
// past U+10FFFF). The error names `what` and the byte offset of the first bad byte.
Result<void> validateUtf8(std::string_view bytes, std::string_view what);

// Turns the raw bytes of a text file into article text: refuses empty files,
// files with NUL bytes and invalid UTF-8; drops a UTF-8 byte-order mark; turns
// CRLF and lone CR into LF; applies Unicode NFC. No-break spaces are kept.
Result<std::string> normalizeArticleText(std::string_view bytes, std::string_view what);

// NFC, LF line endings and no white space at either end, for a short field
// typed by the user (quote, note, names).
std::string normalizeField(std::string_view utf8);

// Lowercase hex SHA-256 of the bytes.
std::string sha256Hex(std::string_view bytes);

// The bytes as lowercase hex, two digits each.
std::string hexEncode(std::span<const unsigned char> bytes);

// Valid UTF-8 in double quotes for a one-line message: control characters escaped as in JSON, and cut to
// its first `maxCodePoints` code points with "…" when longer.
std::string quotedExcerpt(std::string_view utf8, std::size_t maxCodePoints = 40);

// Bytes as base64 (RFC 4648, padded), and back; none for text that is not base64.
std::string base64Encode(std::string_view bytes);
std::optional<std::string> base64Decode(std::string_view text);

// Whether `text` is an absolute http or https address with a host and no space or control character in it
// ("https://example.org/fact-checks/cameras"): what a published page's URL must be.
bool isWebAddress(std::string_view text);

// Text for HTML or XML content and attribute values: & < > " ' as character references.
std::string markupEscaped(std::string_view text);

// Number of code points in valid UTF-8.
std::int64_t codePointCount(std::string_view utf8);

// Decodes valid UTF-8 to code points, and back.
std::u32string toCodePoints(std::string_view utf8);
std::string toUtf8(std::u32string_view codePoints);

// White space in the sense of quote matching: Unicode White_Space, which
// includes no-break space (U+00A0), U+202F and the thin spaces.
bool isUnicodeSpace(char32_t c);

// The byte offset of every code point of a UTF-8 text, so slicing by code
// point is O(1). Built once per article when many anchors are resolved.
class CodePointIndex {
public:
    explicit CodePointIndex(std::string_view utf8);

    std::string_view text() const { return m_text; }
    std::int64_t size() const { return static_cast<std::int64_t>(m_offsets.size()) - 1; }
    std::size_t byteOffset(std::int64_t codePoint) const {
        return m_offsets[static_cast<std::size_t>(codePoint)];
    }
    std::string_view slice(CodePointRange range) const;

private:
    std::string_view m_text;
    std::vector<std::uint32_t> m_offsets;  // size() + 1 entries; articles are far below 4 GiB
};

// `range` grown at either end to a whole word, where it cuts one ("00 million ca" to "200 million
// cameras"); letters and digits make words.
CodePointRange wholeWords(const CodePointIndex& text, CodePointRange range);

// Converts between code point and UTF-16 offsets over one text. Built once
// per article (it remembers where the characters outside the BMP are, which
// take two UTF-16 units), then each conversion is a binary search.
class OffsetConverter {
public:
    explicit OffsetConverter(std::string_view utf8);

    std::int64_t toUtf16(std::int64_t codePoint) const;
    // A UTF-16 offset inside a surrogate pair maps to the code point it belongs to.
    std::int64_t toCodePoint(std::int64_t utf16) const;
    Utf16Range toUtf16(CodePointRange range) const { return {toUtf16(range.start), toUtf16(range.end)}; }
    CodePointRange toCodePoints(Utf16Range range) const {
        return {toCodePoint(range.start), toCodePoint(range.end)};
    }

private:
    std::vector<std::int64_t> m_astral;  // code point offsets of characters outside the BMP, ascending
};

}  // namespace claimtrack
