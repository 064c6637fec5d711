#include "lexer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace claimtrack::figures {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The length of a white space character at text[i] (ASCII, NBSP, U+2000–U+200A, U+202F, U+3000), or 0.
std::size_t spaceAt(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
        const auto d = static_cast<unsigned char>(text[i + 2]);
        if ((d >= 0x80 && d <= 0x8A) || d == 0xAF)
            return 3;
    }
    if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80)
        return 3;
    return 0;
}

// A thousands separator at text[i] followed by exactly three digits: its length, or 0.
std::size_t thousandsSeparatorAt(std::string_view text, std::size_t i) {
    std::size_t length = text[i] == ',' ? 1 : 0;
    if (length == 0) {
        length = spaceAt(text, i);
        if (length == 0 || (length == 1 && text[i] != ' '))
            return 0;  // a plain space, a no-break or a thin space; never a tab or a line break
    }
    const std::size_t j = i + length;
    if (j + 3 > text.size() || !isDigit(text[j]) || !isDigit(text[j + 1]) || !isDigit(text[j + 2]))
        return 0;
    if (j + 3 < text.size() && isDigit(text[j + 3]))
        return 0;
    return length;
}

// Is text[i] the start of a character that belongs in a word (letters, and any non-ASCII letter)?
std::size_t wordCharAt(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (isAsciiLetter(static_cast<char>(c)))
        return 1;
    if (c < 0x80)
        return 0;
    if (spaceAt(text, i))
        return 0;
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (c == 0xE2)
        return 0;  // U+2000–U+2FFF: punctuation, currency signs, maths (U+2212 minus), arrows, shapes
    if (c == 0xC2 || c == 0xC3) {
        const auto d = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c == 0xC2 || d == 0x97 || d == 0xB7)
            return 0;  // Latin-1 punctuation and symbols (£ ¥ « »), × and ÷
    }
    return std::min(length, text.size() - i);
}

bool isApostrophe(std::string_view text, std::size_t i, std::size_t& length) {
    if (text[i] == '\'') {
        length = 1;
        return true;
    }
    if (text.substr(i, 3) == "\xE2\x80\x99") {  // ’
        length = 3;
        return true;
    }
    return false;
}

constexpr std::array kAbbreviations{
    std::string_view("mr"),   std::string_view("mrs"), std::string_view("ms"),  std::string_view("dr"),
    std::string_view("prof"), std::string_view("st"),  std::string_view("vs"),  std::string_view("etc"),
    std::string_view("inc"),  std::string_view("ltd"), std::string_view("co"),  std::string_view("no"),
    std::string_view("jan"),  std::string_view("feb"), std::string_view("mar"), std::string_view("apr"),
    std::string_view("jun"),  std::string_view("jul"), std::string_view("aug"), std::string_view("sep"),
    std::string_view("sept"), std::string_view("oct"), std::string_view("nov"), std::string_view("dec"),
    std::string_view("gen"),  std::string_view("gov"), std::string_view("sen"), std::string_view("rep"),
    std::string_view("u.s"),  std::string_view("e.g"), std::string_view("i.e"), std::string_view("approx"),
    std::string_view("est")};

bool endsWithAbbreviation(std::string_view text, std::size_t dot) {
    std::size_t start = dot;
    while (start > 0 && (isAsciiLetter(text[start - 1]) || text[start - 1] == '.'))
        --start;
    std::string word(text.substr(start, dot - start));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    if (word.size() == 1)
        return true;  // an initial: "J. Smith"
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

}  // namespace

constexpr std::size_t kLongestSentence = 8192;  // bytes

std::vector<Span> splitSentences(std::string_view text) {
    std::vector<Span> sentences;
    std::size_t start = 0;
    auto close = [&](std::size_t end) {
        // Trim white space at both ends; drop empty sentences.
        std::size_t b = start, e = end;
        while (b < e && spaceAt(text, b))
            b += spaceAt(text, b);
        while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
            --e;
        if (b < e)
            sentences.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            close(i);
            start = i + 1;
            continue;
        }
        // A sentence this long is none (a pasted table, a page without punctuation): cut at a space, or past
        // twice the length at any punctuation, so that what is held for one sentence stays bounded.
        if (i - start >= kLongestSentence && (c == ' ' || (i - start >= 2 * kLongestSentence && c > ' ' &&
                                                           c < 0x7F && !isDigit(c) && !isAsciiLetter(c)))) {
            close(i + 1);
            start = i + 1;
            continue;
        }
        if (c != '.' && c != '!' && c != '?')
            continue;
        std::size_t j = i + 1;
        // Closing quotes and brackets stay with the sentence.
        while (j < text.size()) {
            if (text[j] == '"' || text[j] == '\'' || text[j] == ')')
                ++j;
            else if (text.substr(j, 3) == "\xE2\x80\x9D" || text.substr(j, 3) == "\xE2\x80\x99")
                j += 3;
            else
                break;
        }
        if (j >= text.size() || !spaceAt(text, j))
            continue;  // "1.4", "U.S.A", "www.example.org"
        std::size_t k = j;
        while (k < text.size() && spaceAt(text, k) && text[k] != '\n')
            k += spaceAt(text, k);
        if (k < text.size() && text[k] != '\n') {
            const auto next = static_cast<unsigned char>(text[k]);
            const bool startsSentence = (next >= 'A' && next <= 'Z') || isDigit(static_cast<char>(next)) ||
                                        next == '"' || next >= 0x80 || next == '(';
            if (!startsSentence || (c == '.' && endsWithAbbreviation(text, i)))
                continue;
        }
        close(j);
        start = j;
        i = j - 1;
    }
    close(text.size());
    return sentences;
}

void tokenize(std::string_view text, Span sentence, std::vector<Token>& tokens) {
    tokens.clear();
    std::size_t i = sentence.begin;
    const std::size_t end = sentence.end;
    bool space = false;
    while (i < end) {
        if (const std::size_t s = spaceAt(text, i)) {
            space = true;
            i += s;
            continue;
        }
        Token token;
        token.spaceBefore = space;
        space = false;
        const std::size_t begin = i;
        if (isDigit(text[i]) ||
            (text[i] == '.' && i + 1 < end && isDigit(text[i + 1]) && (i == 0 || !isDigit(text[i - 1])))) {
            token.kind = Token::Number;
            double value = 0;
            while (i < end) {
                if (isDigit(text[i])) {
                    value = value * 10 + (text[i] - '0');
                    ++token.digits;
                    ++i;
                } else if (std::size_t sep = token.decimal ? 0 : thousandsSeparatorAt(text, i);
                           sep && token.digits > 0 && (token.separators || token.digits <= 3)) {
                    // The first group has one to three digits: "2016 200" is a year and a number.
                    token.separators = true;
                    i += sep;
                } else {
                    break;
                }
            }
            if (i + 1 < end && text[i] == '.' && isDigit(text[i + 1])) {
                token.decimal = true;
                ++i;
                double scale = 0.1;
                while (i < end && isDigit(text[i])) {
                    value += (text[i] - '0') * scale;
                    scale /= 10;
                    ++i;
                }
            }
            token.number = value;
            token.text = text.substr(begin, i - begin);
            const std::size_t suffixBegin = i;
            while (i < end && isAsciiLetter(text[i]))
                ++i;
            token.suffix = text.substr(suffixBegin, i - suffixBegin);
        } else if (std::size_t w = wordCharAt(text, i)) {
            token.kind = Token::Word;
            i += w;
            while (i < end) {
                std::size_t length = 0;
                if ((length = wordCharAt(text, i))) {
                    i += length;
                } else if ((text[i] == '-' || isApostrophe(text, i, length)) &&
                           i + (length ? length : 1) < end && wordCharAt(text, i + (length ? length : 1))) {
                    i += length ? length : 1;  // "twenty-five", "China's", "don’t"
                } else {
                    break;
                }
            }
            token.text = text.substr(begin, i - begin);
        } else {
            token.kind = Token::Symbol;
            const auto c = static_cast<unsigned char>(text[i]);
            i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            i = std::min(i, end);
            token.text = text.substr(begin, i - begin);
        }
        token.span = {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i)};
        tokens.push_back(token);
    }
}

bool anyWordNear(const std::vector<Token>& tokens, std::size_t from, std::size_t before, std::size_t after,
                 std::initializer_list<std::string_view> words) {
    const std::size_t end = std::min(tokens.size(), from + after);
    for (std::size_t k = from - std::min(from, before); k < end; ++k)
        if (tokens[k].kind == Token::Word && isAnyOf(tokens[k], words))
            return true;
    return false;
}

bool startsUpper(const Token& token) {
    return token.kind == Token::Word && !token.text.empty() && token.text[0] >= 'A' && token.text[0] <= 'Z';
}

}  // namespace claimtrack::figures
