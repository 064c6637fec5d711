#pragma once
// Numbers as news articles write them: digits with separators and scales
// ("1,200", "4.5bn", "1.4 billion") and words ("one hundred", "a dozen",
// "twenty-five", "a third"), read from the tokens of one sentence.

#include "lexer.h"

#include <optional>
#include <vector>

namespace claimtrack::figures {

struct ParsedNumber {
    std::size_t first = 0;  // tokens [first, last] hold the number, scale words included
    std::size_t last = 0;
    double value = 0;
    bool spelled = false;   // written in words
    bool fraction = false;  // "half", "a third": a share, read as a percentage
    bool vague = false;     // "thousands", "dozens": a range from `value` to `vagueHigh`
    double vagueHigh = 0;
    bool bareOne = false;        // the word "one" and nothing more: usually not a figure
    bool year = false;           // four digits that read as a year
    std::string_view gluedUnit;  // a unit glued to the digits ("GB" in "256GB", "m" in "a 100m sprint")
};

// The number starting at tokens[i], if one does.
std::optional<ParsedNumber> parseNumber(const std::vector<Token>& tokens, std::size_t i);

// The value of a scale word: "million" 1e6, "bn" 1e9; 0 when it is none.
double scaleOf(std::string_view word);

// January = 1 … December = 12; 0 when the token is no month name.
int monthOf(const Token& token);

}  // namespace claimtrack::figures
