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

// What a figure at tokens[first] with nothing counted after it (tokens[after] on) counts, when its sentence
// names it elsewhere or refers back to `previousSubject`, what the sentence before counted: "the number
// of surveillance cameras … at 176 million", "10 of them", "expects the total to reach 626 million".
// Tokens before `from` belong to another figure. Empty when nothing is referred to.
std::string subjectReferredTo(std::string_view text, const std::vector<Token>& tokens, std::size_t from,
                              std::size_t first, std::size_t after, std::string_view previousSubject);

// Does the sentence go on with what the one before said ("It expects …", "For instance, …")?
bool continuesPrevious(const std::vector<Token>& sentence);

// Does it go on with it, or speak of its report ("his estimate amounts to …")? Its source and its time are
// then the sentence before's, when it names none of its own.
bool refersToPrevious(const std::vector<Token>& sentence);

// Words that say "now": "today", "now", "currently".
bool isNowWord(const Token& token);

}  // namespace claimtrack::figures
