#pragma once
// Around a figure: who it is attributed to, what it counts, when it holds.

#include "lexer.h"

#include <string>
#include <vector>

namespace claimtrack::figures {

// Who a figure is attributed to, and who it came through when the sentence says: "Xinhua, citing IHS
// Markit" is IHS Markit via Xinhua.
struct Attribution {
    std::string source;
    std::string via;
};

// The party a figure in `sentence` is attributed to ("according to X", "X said",
// "a study led by X", "X's report", "X estimate", "X:"), looking in the sentence,
// then in `previous` (may be empty), with the party it came through ("X, citing Y",
// "Y's estimate, reported by X", "according to X, which quoted Y"). Empty when none is found.
Attribution sourceOf(const std::vector<Token>& sentence, const std::vector<Token>& previous);

// Each "X saying" of a sentence, in order: the figures after it are X's ("with the lab's director Peng Bo
// saying its potential "will be 5 to 10 times" greater"), whoever gives the rest of the sentence.
struct Saying {
    std::size_t at = 0;  // the token "saying"
    std::string party;
};
std::vector<Saying> sayingsIn(const std::vector<Token>& sentence);

// Whether the words after a figure (from tokens[after]) say it is a report of no one named: "the 330 feet
// depth originally reported", "as first reported". Its source is then no one, whoever the sentence quotes.
bool reportedByNoOne(const std::vector<Token>& tokens, std::size_t after);
// Whether the words before a figure at tokens[first] put it at a value by no one named: "the value of the
// investment estimated at US$25 billion" (not "the agency estimated at …", nor "… by the ministry").
bool estimatedByNoOne(const std::vector<Token>& tokens, std::size_t first, std::size_t after);

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
