// Numbers that are no figure: names with a number in them ("S&P 500", "iPhone 14", "Boeing 787", "Route 66"),
// labels ("platform 9", "room 101"), street numbers, times of day, telephone numbers, scores of matches and
// "half" as a part of a game or a year.
#include "draft.h"

namespace claimtrack::figures {

namespace {

// Words that begin a sentence before a figure and are no name: "About 300", "Only 12", "In 2019".
bool isSentenceWord(const Token& token) {
    return isAnyOf(token, {"about",
                           "some",
                           "nearly",
                           "only",
                           "just",
                           "roughly",
                           "around",
                           "over",
                           "under",
                           "almost",
                           "more",
                           "fewer",
                           "less",
                           "at",
                           "up",
                           "by",
                           "in",
                           "of",
                           "to",
                           "from",
                           "between",
                           "the",
                           "a",
                           "an",
                           "and",
                           "or",
                           "but",
                           "with",
                           "for",
                           "on",
                           "since",
                           "until",
                           "each",
                           "all",
                           "another",
                           "those",
                           "these",
                           "its",
                           "their",
                           "his",
                           "her",
                           "our",
                           "approximately",
                           "exactly",
                           "perhaps",
                           "every",
                           "last",
                           "barely",
                           "still",
                           "estimated",
                           "well",
                           "after",
                           "before",
                           "during",
                           "within",
                           "upwards",
                           "fully",
                           "precisely",
                           "there",
                           "here",
                           "that",
                           "this"});
}

// A capitalised or camel-case word: "Boeing", "FTSE", "iPhone", "P" of "S&P".
bool looksLikeName(const Token& token) {
    if (token.kind != Token::Word || token.text.ends_with("'s") || token.text.ends_with("\xE2\x80\x99s"))
        return false;  // "Beijing's 200 cameras"
    for (const char c : token.text)
        if (c >= 'A' && c <= 'Z')
            return true;
    return false;
}

// Lower-case words that number what follows them: "platform 9", "number 23", "room 101".
bool isLabelWord(const Token& token) {
    return isAnyOf(token, {"number",  "no",       "platform", "room",     "gate",  "page",     "chapter",
                           "section", "article",  "route",    "flight",   "bus",   "line",     "exit",
                           "level",   "row",      "seat",     "box",      "floor", "channel",  "version",
                           "phase",   "tier",     "grade",    "category", "stage", "item",     "paragraph",
                           "clause",  "terminal", "lane",     "highway",  "door",  "episode",  "game",
                           "model",   "series",   "size",     "type",     "ward",  "district", "zone",
                           "shirt"});
}

bool isStreetWord(const Token& token) {
    return isAnyOf(token, {"street", "st", "road", "rd", "avenue", "ave", "lane", "boulevard", "blvd",
                           "drive", "way", "place", "square", "court", "terrace", "crescent"});
}

// "11 a.m.", "3 pm", "0401 GMT": the tokens after a number that make it a time of day.
bool isTimeOfDay(const std::vector<Token>& tokens, std::size_t j) {
    if (j >= tokens.size())
        return false;
    if (isAnyOf(tokens[j], {"am", "pm", "gmt", "utc", "bst", "est", "edt", "cet", "cest", "o'clock"}))
        return true;
    // "a.m.", "p.m." are tokens "a", ".", "m".
    return (isWordAt(tokens, j, "a") || isWordAt(tokens, j, "p")) && isSymbol(tokens, j + 1, ".") &&
           isWordAt(tokens, j + 2, "m") && !tokens[j + 1].spaceBefore;
}

}  // namespace

bool namesSomething(const std::vector<Token>& tokens, const ParsedNumber& number) {
    const std::size_t i = number.first;
    const Token& digits = tokens[i];
    // "0401 GMT", "0800 123 456": a leading zero writes a code, and the numbers after it belong to it.
    for (std::size_t k = i; k > 0 && k + 4 > i && tokens[k - 1].kind == Token::Number; --k)
        if (tokens[k - 1].text.starts_with('0') && tokens[k - 1].digits > 1)
            return true;
    if (!isPlainInteger(digits) || number.last != i)
        return false;  // "1,200", "4.5", "3 million" are amounts
    if (digits.digits > 1 && digits.text[0] == '0' && i + 1 < tokens.size() &&
        tokens[i + 1].kind == Token::Number)
        return true;
    if (isTimeOfDay(tokens, i + 1))
        return true;
    if (i > 0 && tokens[i - 1].kind == Token::Word) {
        const Token& before = tokens[i - 1];
        if (isLabelWord(before))
            return true;
        // "Boeing 787", "FTSE 100", "iPhone 14", "Game 7", "Beijing 100081"; but a headline in title case
        // ("Has Beaten Girls 700 Times") goes on in capitals after the number.
        // A year after a name is its date: "the IHS Markit 2016 estimate".
        const bool titleCase = i + 1 < tokens.size() && startsUpper(tokens[i + 1]);
        if (looksLikeName(before) && !monthOf(before) && !(i == 1 && isSentenceWord(before)) && !titleCase &&
            !number.year)
            return true;
    }
    if (i > 0 && isSymbol(tokens, i - 1, "&"))
        return true;  // "S&P 500" when the letters are lower case
    // "10 Downing Street", "350 Fifth Avenue": a number before a street's name.
    for (std::size_t j = i + 1; j < tokens.size() && j <= i + 4 && looksLikeName(tokens[j]); ++j)
        if (isStreetWord(tokens[j]) && j > i + 1)
            return true;
    return false;
}

std::size_t scoreOfMatch(const std::vector<Token>& tokens, std::size_t i) {
    // "won 3-1", "ended 2-2", "beat the Celtics 112-104": two plain numbers joined by a dash, the first
    // no smaller than the second, or after a word of sport.
    if (!isPlainInteger(tokens[i]) || !isDash(tokens, i + 1) || tokens[i + 1].spaceBefore ||
        i + 2 >= tokens.size())
        return 0;
    const Token& second = tokens[i + 2];
    if (!isPlainInteger(second) || second.spaceBefore)
        return 0;
    const std::size_t after = i + 3;
    if (after < tokens.size() && (tokens[after].text == "%" || isAnyOf(tokens[after], {"percent", "per"})))
        return 0;
    const bool sport = tokens[i].number >= second.number ||
                       anyWordNear(tokens, i, 4, 0, {"won",   "win",      "wins",      "lost",    "lose",
                                                     "beat",  "beats",    "defeated",  "drew",    "draw",
                                                     "ended", "finished", "trailed",   "led",     "leading",
                                                     "score", "scored",   "scoreline", "victory", "defeat"});
    return sport ? i + 2 : 0;
}

bool isPartOfPeriod(const std::vector<Token>& tokens, std::size_t i) {
    // "the second half", "in the first half of the year", "in the half": a period, not a share.
    return is(tokens[i], "half") && i > 0 &&
           isAnyOf(tokens[i - 1], {"first", "second", "third", "final", "latter", "former", "other",
                                   "opening", "closing", "the", "this", "that", "each"});
}

}  // namespace claimtrack::figures
