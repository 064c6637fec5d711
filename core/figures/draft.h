#pragma once
// What the parts of the figure finder share: the figure being assembled from
// a sentence's tokens, and the readers of units and bounds around a number.

#include "figures.h"
#include "lexer.h"
#include "numbers.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimtrack::figures {

inline bool isSymbol(const std::vector<Token>& tokens, std::size_t i, std::string_view text) {
    return i < tokens.size() && tokens[i].kind == Token::Symbol && tokens[i].text == text;
}

inline bool isDash(const std::vector<Token>& tokens, std::size_t i) {
    return isSymbol(tokens, i, "-") || isSymbol(tokens, i, "\xE2\x80\x93") ||
           isSymbol(tokens, i, "\xE2\x80\x94");
}

// Digits alone: no separators, no decimals, nothing glued ("787", not "1,200", "4.5" or "5G").
inline bool isPlainInteger(const Token& token) {
    return token.kind == Token::Number && !token.decimal && !token.separators && token.suffix.empty();
}

// A whole number written as part of a word, "six" in "sixfold", "one" in "one-year"; none for a share or a
// vague magnitude.
std::optional<double> countInWord(const Token& token, std::string_view part);

// A minus sign: the hyphen-minus or U+2212.
inline bool isMinusSign(const Token& token) {
    return token.text == "-" || token.text == "\xE2\x88\x92";
}

inline bool isWordAt(const std::vector<Token>& tokens, std::size_t i, std::string_view word) {
    return i < tokens.size() && tokens[i].kind == Token::Word && is(tokens[i], word);
}

// The figure being assembled from tokens [first, last].
struct Draft {
    std::size_t first = 0, last = 0;
    std::optional<double> value, low, high;
    bool approximate = false;
    std::string unit;
    FigureKind kind = FigureKind::Count;
    std::string_view role;  // "before", "after": the ends of a change
};

// What a sentence's percentages are of, read in its tokens: "80 percent of 2,209 respondents" (sample size
// 2209), "45% of internet users" (the figure's subject), "among the companies rated, 23 percent", "a poll of
// 1,000 adults"; when the sentence speaks of a survey, its fieldwork is when the figure holds. A survey the
// sentence before described (`previous`) gives its base to a share of a sentence that speaks of it or goes on
// with it ("The poll asked 1,000 adults in 2019. It found 62 percent …"). What is read of the whole sentence
// (a survey? whom did it ask?) is read once, for its first percentage.
class BaseReader {
public:
    BaseReader(std::string_view text, const std::vector<Token>& tokens, const std::vector<Draft>& drafts,
               const FigureBase& previous);
    // The base of drafts[at], given its `subject` and `time`; empty for figures other than percentages and
    // where nothing says.
    FigureBase baseOf(std::size_t at, std::string_view subject, std::string_view time);
    // The survey this sentence describes, for the sentence after: whom it asked, how many, and when (`time`,
    // the sentence's last date). Empty when it names no sample.
    FigureBase surveyDescribed(std::string_view time);

private:
    const Draft* countAt(std::size_t token) const;
    bool survey();
    const Draft* sample();

    std::string_view m_text;
    const std::vector<Token>& m_tokens;
    const std::vector<Draft>& m_drafts;
    const FigureBase& m_previous;
    std::optional<bool> m_survey;
    std::optional<const Draft*> m_sample;
};

struct Currency {
    std::string_view code;
};

// A currency sign or code right before tokens[i] ("$", "US$", "£", "RMB"), and how many tokens it takes.
std::optional<Currency> currencyBefore(const std::vector<Token>& tokens, std::size_t i, std::size_t& length);
// A currency named after the number from tokens[j] on ("dollars", "Hong Kong dollars", "yen", "AUD"); `last`
// is its last token.
std::optional<Currency> currencyAfter(const std::vector<Token>& tokens, std::size_t j, std::size_t& last);

struct MeasureUnit {
    std::string_view unit;  // "GB", "km", "km/h", "C"; "percent" for "24pc", "GBX" (pence) for "118.5p"
    FigureKind kind = FigureKind::Measure;
};
// A unit glued to the digits: "GB" in "256GB".
std::optional<MeasureUnit> unitSuffix(std::string_view suffix);
// A unit written after the number from tokens[j] on ("kilometres", "km/h", "degrees Celsius"); `last` is its
// last token.
std::optional<MeasureUnit> unitAfter(const std::vector<Token>& tokens, std::size_t j, std::size_t& last);
// Whether tokens[slash] and after read "/h", as in "km/h".
bool isPerHour(const std::vector<Token>& tokens, std::size_t slash);
// Whether the "m" glued to tokens[i] is metres ("a 100m sprint", "300m tall") rather than millions.
bool readsAsMetres(const std::vector<Token>& tokens, std::size_t i);
// "years" for "year"/"years" and so on, or empty.
std::string_view durationWord(const Token& token);
// Reads units after tokens[draft.last]: percent, currency, duration, points, "out of N".
void readUnit(const std::vector<Token>& tokens, Draft& draft, const ParsedNumber& number);
// "one-year" → (1, "years"); nothing for other words.
std::optional<std::pair<double, std::string>> hyphenatedDuration(const Token& token);

// Whether the number names or labels something ("Boeing 787", "platform 9", "10 Downing Street", "11 a.m.",
// "0800 123 456") rather than counting it.
bool namesSomething(const std::vector<Token>& tokens, const ParsedNumber& number);
// The last token of a match score starting at tokens[i] ("3-1", "112-104"), or 0 when there is none.
std::size_t scoreOfMatch(const std::vector<Token>& tokens, std::size_t i);
// Whether "half" at tokens[i] is a part of a game or a year ("the second half").
bool isPartOfPeriod(const std::vector<Token>& tokens, std::size_t i);

// A share or ratio written with two numbers at tokens[i] ("1/16", "2:1", "voted 11 to 2").
std::optional<Draft> readRatio(const std::vector<Token>& tokens, std::size_t i);
// A multiplier at tokens[i] ("sixfold", "12-fold", "three times as many", "twice as high"); `number` is the
// number starting there, if any.
std::optional<Draft> readMultiplier(const std::vector<Token>& tokens, std::size_t i,
                                    const std::optional<ParsedNumber>& number);
// A sign before the draft's number or currency: "-12,000", "−2.4", "minus 130", "$-50.8bn", "-$4.1 billion".
void readSign(const std::vector<Token>& tokens, Draft& draft, std::size_t digits);

// Applies a qualifier ("more than", "about", ">=", "or more") around the draft, widening it over it.
void readQualifier(const std::vector<Token>& tokens, Draft& draft);
// Applies "about", "some", "~" before a range ("about 2,000 - 2,500"), which keeps its bounds.
void readApproximation(const std::vector<Token>& tokens, Draft& draft);
// Whether a verb of change ("rose", "was cut", "went up") comes just before tokens[from].
bool followsChangeVerb(const std::vector<Token>& tokens, std::size_t from);
// Marks the ends of changes written "from A to B" after a verb of change: A before, B after (with A's
// unit when B has none: "from 208 pounds to 193").
void readChanges(const std::vector<Token>& tokens, std::vector<Draft>& drafts);
// "just under 296 hp (224 kW)": a conversion in brackets holds with the bound of the figure it converts.
void carryBoundsIntoConversions(const std::vector<Token>& tokens, std::vector<Draft>& drafts);
// A second number ending a range after tokens[draft.last]; `opener` is "between"/"from" when one came before.
bool readRange(const std::vector<Token>& tokens, Draft& draft, const ParsedNumber& firstNumber,
               std::string_view opener);
// Joins a lower and an upper bound written as two figures into one range.
void joinBounds(const std::vector<Token>& tokens, std::vector<Draft>& drafts);

}  // namespace claimtrack::figures
