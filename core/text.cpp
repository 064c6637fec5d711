#include "text.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <openssl/sha.h>

namespace claimtrack {

namespace {

std::string hexByte(unsigned char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return {'0', 'x', digits[c >> 4], digits[c & 0xF]};
}

// Length of the UTF-8 sequence starting at bytes[i], or 0 when it is malformed.
// Written by hand because the error must name the byte offset, which neither
// QStringDecoder nor ICU's converters report.
std::size_t sequenceLength(std::string_view bytes, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char min = 0x80, max = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            min = 0xA0;  // overlong
        if (lead == 0xED)
            max = 0x9F;  // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            min = 0x90;  // overlong
        if (lead == 0xF4)
            max = 0x8F;  // past U+10FFFF
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    if (byte(i + 1) < min || byte(i + 1) > max)
        return 0;
    for (std::size_t k = 2; k < length; ++k)
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
    return length;
}

bool isAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string toNfc(std::string_view utf8) {
    if (isAscii(utf8))
        return std::string(utf8);  // ASCII is always NFC; skip the round trip through UTF-16
    const QString s = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    return s.normalized(QString::NormalizationForm_C).toStdString();
}

std::string toLf(std::string_view s) {
    if (s.find('\r') == std::string_view::npos)
        return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < s.size() && s[i + 1] == '\n')
                ++i;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

}  // namespace

CodePointRange wholeWords(const CodePointIndex& index, CodePointRange range) {
    const auto inWord = [&](std::int64_t at) {
        if (at < 0 || at >= index.size())
            return false;
        const std::string_view character = index.slice({at, at + 1});
        const QString decoded = QString::fromUtf8(character.data(), static_cast<qsizetype>(character.size()));
        return !decoded.isEmpty() && decoded.front().isLetterOrNumber();
    };
    while (range.start > 0 && inWord(range.start - 1) && inWord(range.start))
        --range.start;
    while (range.end < index.size() && inWord(range.end) && inWord(range.end - 1))
        ++range.end;
    return range;
}

Result<void> validateUtf8(std::string_view bytes, std::string_view what) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t length = sequenceLength(bytes, i);
        if (length == 0)
            return makeError(ErrorCode::InvalidInput,
                             fmt::format("{} is not valid UTF-8: byte {} at offset {} does not start a valid "
                                         "sequence (other encodings are not supported yet)",
                                         what, hexByte(static_cast<unsigned char>(bytes[i])), i));
        i += length;
    }
    return {};
}

Result<std::string> normalizeArticleText(std::string_view bytes, std::string_view what) {
    if (bytes.empty())
        return makeError(ErrorCode::InvalidInput, fmt::format("{} is empty", what));
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("{} is not a text file (NUL byte at offset {})", what, nul));
    if (auto valid = validateUtf8(bytes, what); !valid)
        return valid.error();
    if (bytes.starts_with("\xEF\xBB\xBF"))
        bytes.remove_prefix(3);
    std::string text = toNfc(toLf(bytes));
    const bool blank = std::all_of(text.begin(), text.end(), [](char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\v';
    });
    if (blank)
        return makeError(ErrorCode::InvalidInput, fmt::format("{} contains no text, only white space", what));
    return text;
}

std::string normalizeField(std::string_view utf8) {
    std::u32string chars = toCodePoints(toNfc(toLf(utf8)));
    std::u32string_view trimmed = chars;
    while (!trimmed.empty() && isUnicodeSpace(trimmed.front()))
        trimmed.remove_prefix(1);
    while (!trimmed.empty() && isUnicodeSpace(trimmed.back()))
        trimmed.remove_suffix(1);
    return toUtf8(trimmed);
}

// OpenSSL rather than QCryptographicHash: Qt 6.4 hashes with the portable
// reference code, which made hashing the largest cost of a bulk import;
// OpenSSL uses the CPU's SHA instructions where it has them.
std::string sha256Hex(std::string_view bytes) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data());
    return hexEncode(digest);
}

std::string quotedExcerpt(std::string_view utf8, std::size_t maxCodePoints) {
    std::size_t end = 0;
    for (std::size_t codePoints = 0; end < utf8.size() && codePoints < maxCodePoints; ++codePoints)
        do
            ++end;
        while (end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80);
    std::string quoted = "\"";
    for (const char c : utf8.substr(0, end)) {
        if (static_cast<unsigned char>(c) < 0x20)
            quoted += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        else if (c == '"' || c == '\\')
            quoted += std::string("\\") + c;
        else
            quoted += c;
    }
    return quoted + (end < utf8.size() ? "…\"" : "\"");
}

std::string base64Encode(std::string_view bytes) {
    const QByteArray encoded =
        QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())).toBase64();
    return encoded.toStdString();
}

std::optional<std::string> base64Decode(std::string_view text) {
    auto decoded = QByteArray::fromBase64Encoding(
        QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size())),
        QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    return decoded.decoded.toStdString();
}

std::string hexEncode(std::span<const unsigned char> bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * bytes.size());
    for (const unsigned char byte : bytes) {
        hex.push_back(kHex[byte >> 4]);
        hex.push_back(kHex[byte & 0xF]);
    }
    return hex;
}

std::string markupEscaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

bool isWebAddress(std::string_view text) {
    std::string_view rest;
    const auto startsWith = [&](std::string_view scheme) {  // a scheme is case-insensitive (RFC 3986)
        return text.size() > scheme.size() &&
               std::equal(scheme.begin(), scheme.end(), text.begin(),
                          [](char s, char t) { return s == (t >= 'A' && t <= 'Z' ? t - 'A' + 'a' : t); });
    };
    for (const std::string_view scheme : {"http://", "https://"})
        if (startsWith(scheme))
            rest = text.substr(scheme.size());
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    return !host.empty() && host.front() != '.' && std::none_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ';
    });
}

std::int64_t codePointCount(std::string_view utf8) {
    return std::count_if(utf8.begin(), utf8.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::u32string toCodePoints(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t c = length == 1   ? lead
                     : length == 2 ? (lead & 0x1F)
                     : length == 3 ? (lead & 0x0F)
                                   : (lead & 0x07);
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        out.push_back(c);
        i += length;
    }
    return out;
}

std::string toUtf8(std::u32string_view codePoints) {
    std::string out;
    out.reserve(codePoints.size());
    for (const char32_t c : codePoints) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

bool isUnicodeSpace(char32_t c) {
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

CodePointIndex::CodePointIndex(std::string_view utf8) : m_text(utf8) {
    m_offsets.reserve(utf8.size() + 1);
    for (std::size_t i = 0; i < utf8.size(); ++i)
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80)
            m_offsets.push_back(static_cast<std::uint32_t>(i));
    m_offsets.push_back(static_cast<std::uint32_t>(utf8.size()));
}

std::string_view CodePointIndex::slice(CodePointRange range) const {
    const std::size_t from = byteOffset(range.start);
    return m_text.substr(from, byteOffset(range.end) - from);
}

OffsetConverter::OffsetConverter(std::string_view utf8) {
    std::int64_t codePoint = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if ((byte & 0xC0) == 0x80)
            continue;
        if (byte >= 0xF0)
            m_astral.push_back(codePoint);
        ++codePoint;
    }
}

std::int64_t OffsetConverter::toUtf16(std::int64_t codePoint) const {
    const auto before = std::lower_bound(m_astral.begin(), m_astral.end(), codePoint) - m_astral.begin();
    return codePoint + before;
}

std::int64_t OffsetConverter::toCodePoint(std::int64_t utf16) const {
    // The k-th astral character (0-based) starts at UTF-16 offset m_astral[k] + k.
    std::size_t low = 0, high = m_astral.size();
    while (low < high) {
        const std::size_t mid = (low + high) / 2;
        if (m_astral[mid] + static_cast<std::int64_t>(mid) < utf16)
            low = mid + 1;
        else
            high = mid;
    }
    // `low` astral characters start before utf16; if utf16 falls inside the last one, it counts once.
    std::int64_t codePoint = utf16 - static_cast<std::int64_t>(low);
    if (low > 0 && m_astral[low - 1] + static_cast<std::int64_t>(low - 1) + 1 == utf16)
        codePoint = m_astral[low - 1];
    return codePoint;
}

}  // namespace claimtrack
