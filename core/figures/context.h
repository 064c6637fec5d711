#pragma once
// Around a figure: who it is attributed to, what it counts, when it holds.

#include "lexer.h"

#include <string>
#include <vector>

namespace claimtrack::figures {

// The party a figure in `sentence` is attributed to ("according to X", "X said",
// "a study led by X", "X's report", "X estimate", "X:"), looking in the sentence,
// then in `previous` (may be empty). Empty when none is found.
std::string sourceOf(const std::vector<Token>& sentence, const std::vector<Token>& previous);

// The noun phrase a figure counts or measures, starting at tokens[after]
// ("surveillance cameras", "respondents"); for shares, after "of".
std::string subjectAt(std::string_view text, const std::vector<Token>& tokens, std::size_t after);

// Words that say "now": "today", "now", "currently".
bool isNowWord(const Token& token);

}  // namespace claimtrack::figures
