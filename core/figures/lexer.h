#pragma once
// The figure finder's lexer: sentences, and the tokens of one sentence, as
// byte ranges into the text (no copies).

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace claimtrack::figures {

struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

// Sentence byte ranges: a line break always ends one; . ! ? end one when the
// next word starts like a sentence and the word before is no abbreviation.
std::vector<Span> splitSentences(std::string_view text);

struct Token {
    enum Kind : std::uint8_t { Word, Number, Symbol };
    Kind kind = Word;
    bool spaceBefore = false;  // white space between this token and the one before
    Span span;
    // Numbers: the value of the digits, and what was attached to them.
    double number = 0;
    bool separators = false;  // thousands separators ("1,200")
    bool decimal = false;     // a decimal point ("1.4")
    std::uint8_t digits = 0;  // digits before the decimal point
    std::string_view suffix;  // letters glued to the digits: "bn" in "4.5bn", "th" in "5th"
    std::string_view text;    // the token's bytes (for numbers: without the suffix)
};

// The tokens of text[sentence]. White space is not a token; `spaceBefore` says where it was.
void tokenize(std::string_view text, Span sentence, std::vector<Token>& tokens);

// ASCII case-insensitive comparison with a lowercase word, without the locale. Inline: it runs for many
// words of every article, often several times each, and a call into another file was a tenth of the time.
inline bool is(const Token& token, std::string_view lowercase) {
    if (token.text.size() != lowercase.size())
        return false;
    for (std::size_t i = 0; i < lowercase.size(); ++i) {
        const char c = token.text[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c) != lowercase[i])
            return false;
    }
    return true;
}

inline bool isAnyOf(const Token& token, std::initializer_list<std::string_view> words) {
    for (const std::string_view word : words)
        if (is(token, word))
            return true;
    return false;
}
bool startsUpper(const Token& token);

// Whether one of `words` stands among tokens[from - before, from + after), clamped to the sentence. Asked for
// each figure, the reach stays bounded so that a line of thousands of figures is still read in linear time.
bool anyWordNear(const std::vector<Token>& tokens, std::size_t from, std::size_t before, std::size_t after,
                 std::initializer_list<std::string_view> words);

}  // namespace claimtrack::figures
