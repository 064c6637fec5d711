#include "context.h"

#include <algorithm>
#include <array>

namespace claimtrack::figures {

namespace {

constexpr std::array kReportingVerbs{
    std::string_view("said"),       std::string_view("says"),       std::string_view("say"),
    std::string_view("estimated"),  std::string_view("estimates"),  std::string_view("estimate"),
    std::string_view("calculated"), std::string_view("calculates"), std::string_view("reported"),
    std::string_view("reports"),    std::string_view("found"),      std::string_view("finds"),
    std::string_view("warned"),     std::string_view("warns"),      std::string_view("told"),
    std::string_view("noted"),      std::string_view("notes"),      std::string_view("wrote"),
    std::string_view("writes"),     std::string_view("stated"),     std::string_view("states"),
    std::string_view("claimed"),    std::string_view("claims"),     std::string_view("concluded"),
    std::string_view("concludes"),  std::string_view("believes"),   std::string_view("believed"),
    std::string_view("argued"),     std::string_view("argues"),     std::string_view("announced"),
    std::string_view("predicted"),  std::string_view("predicts"),   std::string_view("projected"),
    std::string_view("projects"),   std::string_view("expects"),    std::string_view("expected"),
    std::string_view("showed"),     std::string_view("shows"),      std::string_view("counted"),
    std::string_view("puts"),       std::string_view("put"),        std::string_view("revealed"),
    std::string_view("published"),  std::string_view("suggests"),   std::string_view("suggested"),
    std::string_view("added"),      std::string_view("explained"),  std::string_view("pointed"),
    std::string_view("show"),       std::string_view("listed"),     std::string_view("lists"),
    std::string_view("repeated"),   std::string_view("cited"),      std::string_view("announces"),
    std::string_view("announce"),   std::string_view("confirmed"),  std::string_view("confirms"),
    std::string_view("confirm"),    std::string_view("revealed"),   std::string_view("reveals"),
    std::string_view("declared"),   std::string_view("declares"),   std::string_view("report")};

constexpr std::array kSourceNouns{
    std::string_view("report"),   std::string_view("study"),      std::string_view("survey"),
    std::string_view("estimate"), std::string_view("estimates"),  std::string_view("data"),
    std::string_view("analysis"), std::string_view("figures"),    std::string_view("research"),
    std::string_view("poll"),     std::string_view("statistics"), std::string_view("census"),
    std::string_view("plan"),     std::string_view("document"),   std::string_view("catalogue")};

// What a party that gives figures is called in lower case: "the ministry said", "according to the agency",
// "state media put", "analysts at the bank"; its reports (kSourceNouns) too: "the data show".
constexpr std::array kPartyNouns{
    std::string_view("ministry"),      std::string_view("government"),  std::string_view("agency"),
    std::string_view("police"),        std::string_view("regulator"),   std::string_view("mayor"),
    std::string_view("minister"),      std::string_view("newspaper"),   std::string_view("paper"),
    std::string_view("bank"),          std::string_view("company"),     std::string_view("firm"),
    std::string_view("court"),         std::string_view("commission"),  std::string_view("watchdog"),
    std::string_view("officials"),     std::string_view("official"),    std::string_view("analysts"),
    std::string_view("researchers"),   std::string_view("critics"),     std::string_view("media"),
    std::string_view("owner"),         std::string_view("tank"),        std::string_view("bureau"),
    std::string_view("spokesman"),     std::string_view("spokeswoman"), std::string_view("spokesperson"),
    std::string_view("authorities"),   std::string_view("council"),     std::string_view("department"),
    std::string_view("office"),        std::string_view("military"),    std::string_view("prosecutors"),
    std::string_view("investigators"), std::string_view("experts"),     std::string_view("economists"),
    std::string_view("scientists"),    std::string_view("group"),       std::string_view("organisation"),
    std::string_view("organization"),  std::string_view("union"),       std::string_view("administration"),
    std::string_view("institute"),     std::string_view("university"),  std::string_view("committee"),
    std::string_view("board"),         std::string_view("authority"),   std::string_view("operator"),
    std::string_view("outlets"),       std::string_view("panel"),       std::string_view("forces"),
    std::string_view("troops"),        std::string_view("monitor"),     std::string_view("enforcement"),
    std::string_view("groups"),        std::string_view("observatory"), std::string_view("journal")};

constexpr std::array kNotNames{
    std::string_view("the"),       std::string_view("this"),     std::string_view("that"),
    std::string_view("these"),     std::string_view("those"),    std::string_view("he"),
    std::string_view("she"),       std::string_view("it"),       std::string_view("they"),
    std::string_view("we"),        std::string_view("i"),        std::string_view("you"),
    std::string_view("however"),   std::string_view("but"),      std::string_view("and"),
    std::string_view("in"),        std::string_view("by"),       std::string_view("one"),
    std::string_view("some"),      std::string_view("many"),     std::string_view("a"),
    std::string_view("an"),        std::string_view("there"),    std::string_view("its"),
    std::string_view("his"),       std::string_view("her"),      std::string_view("their"),
    std::string_view("our"),       std::string_view("recently"), std::string_view("now"),
    std::string_view("meanwhile"), std::string_view("moreover"), std::string_view("also")};

constexpr std::array kStopWords{
    std::string_view("the"), std::string_view("a"), std::string_view("an"), std::string_view("and"),
    std::string_view("or"), std::string_view("but"), std::string_view("in"), std::string_view("on"),
    std::string_view("at"), std::string_view("by"), std::string_view("for"), std::string_view("with"),
    std::string_view("to"), std::string_view("from"), std::string_view("that"), std::string_view("which"),
    std::string_view("who"), std::string_view("was"), std::string_view("were"), std::string_view("is"),
    std::string_view("are"), std::string_view("be"), std::string_view("been"), std::string_view("has"),
    std::string_view("have"), std::string_view("had"), std::string_view("will"), std::string_view("would"),
    std::string_view("could"), std::string_view("can"), std::string_view("may"), std::string_view("might"),
    std::string_view("should"), std::string_view("as"), std::string_view("than"), std::string_view("of"),
    std::string_view("per"), std::string_view("each"), std::string_view("every"), std::string_view("this"),
    std::string_view("these"), std::string_view("those"), std::string_view("it"), std::string_view("its"),
    std::string_view("their"), std::string_view("his"), std::string_view("her"), std::string_view("they"),
    std::string_view("he"), std::string_view("she"), std::string_view("we"), std::string_view("you"),
    std::string_view("them"), std::string_view("not"), std::string_view("no"), std::string_view("also"),
    std::string_view("only"), std::string_view("now"), std::string_view("today"), std::string_view("already"),
    std::string_view("more"), std::string_view("less"), std::string_view("into"), std::string_view("over"),
    std::string_view("under"), std::string_view("since"), std::string_view("until"),
    std::string_view("during"), std::string_view("after"), std::string_view("before"),
    std::string_view("across"), std::string_view("about"), std::string_view("around"),
    std::string_view("there"), std::string_view("here"), std::string_view("so"), std::string_view("when"),
    std::string_view("where"), std::string_view("while"), std::string_view("if"), std::string_view("do"),
    std::string_view("did"), std::string_view("does"), std::string_view("then"), std::string_view("out"),
    std::string_view("up"), std::string_view("down"), std::string_view("own"), std::string_view("such"),
    std::string_view("annually"), std::string_view("yearly"), std::string_view("each"),
    std::string_view("all"), std::string_view("either"), std::string_view("neither"),
    std::string_view("both"), std::string_view("somewhat"), std::string_view("strongly"),
    std::string_view("merely"), std::string_view("just"), std::string_view("even"), std::string_view("still"),
    std::string_view("currently"), std::string_view("presently"), std::string_view("reportedly"),
    // Prepositions a subject never starts with: "10 percent between regions".
    std::string_view("between"), std::string_view("among"), std::string_view("against"),
    std::string_view("within"), std::string_view("through"), std::string_view("via"),
    // Common irregular verbs, which the "-ed" rule does not catch: "200 people lost their lives".
    std::string_view("lost"), std::string_view("made"), std::string_view("took"), std::string_view("became"),
    std::string_view("left"), std::string_view("gave"), std::string_view("saw"), std::string_view("got"),
    std::string_view("held"), std::string_view("kept"), std::string_view("paid"), std::string_view("ran"),
    std::string_view("told"), std::string_view("spent"), std::string_view("won"), std::string_view("fled"),
    std::string_view("fell"), std::string_view("rose"), std::string_view("grew"), std::string_view("went"),
    std::string_view("came"), std::string_view("say"), std::string_view("says"), std::string_view("said")};

template <std::size_t N>
bool oneOf(const Token& token, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return is(token, w); });
}

bool isNamePart(const Token& token) {
    return startsUpper(token) && !oneOf(token, kNotNames);
}

bool isConnector(const Token& token) {
    return isAnyOf(token, {"of", "for", "and", "de", "von", "van", "on"});
}

std::string joinSpan(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    std::string out;
    for (std::size_t i = first; i <= last; ++i) {
        if (i > first && tokens[i].spaceBefore)
            out.push_back(' ');
        out.append(tokens[i].text);
        out.append(tokens[i].suffix);
    }
    return out;
}

// The name ending at tokens[end] (a run of capitalised words with "of"/"for" inside), or empty.
std::string nameEndingAt(const std::vector<Token>& tokens, std::size_t end) {
    if (end >= tokens.size() || !isNamePart(tokens[end]))
        return {};
    std::size_t first = end;
    while (first > 0) {
        if (isNamePart(tokens[first - 1]) ||
            (startsUpper(tokens[first - 1]) && first - 1 > 0 && isNamePart(tokens[first - 2]) &&
             !is(tokens[first - 1], "the"))) {
            --first;
        } else if (first >= 2 && isConnector(tokens[first - 1]) && isNamePart(tokens[first - 2])) {
            first -= 2;
        } else {
            break;
        }
    }
    std::string name = joinSpan(tokens, first, end);
    if (name.ends_with("'s") || name.ends_with("\xE2\x80\x99s"))
        name.erase(name.size() - (name.ends_with("'s") ? 2 : 4));
    return name;
}

// The name starting at tokens[start] (skipping "the"), or empty.
std::string nameStartingAt(const std::vector<Token>& tokens, std::size_t start) {
    if (start < tokens.size() && is(tokens[start], "the"))
        ++start;
    if (start >= tokens.size() || !isNamePart(tokens[start]))
        return {};
    std::size_t last = start;
    while (last + 1 < tokens.size()) {
        if (isNamePart(tokens[last + 1]) || startsUpper(tokens[last + 1])) {
            ++last;
        } else if (last + 2 < tokens.size() && isConnector(tokens[last + 1]) &&
                   isNamePart(tokens[last + 2])) {
            last += 2;
        } else {
            break;
        }
    }
    return nameEndingAt(tokens, last);
}

bool isPossessive(const Token& token) {
    return token.text.ends_with("'s") || token.text.ends_with("\xE2\x80\x99s");
}

// A verb that reports: in lower case, as verbs run inside a sentence ("the United States" states nothing).
bool isReportingVerb(const Token& token) {
    return !startsUpper(token) && oneOf(token, kReportingVerbs);
}

bool isPartyNoun(const Token& token) {
    return oneOf(token, kPartyNouns) || oneOf(token, kSourceNouns);
}

bool isDeterminer(const Token& token) {
    return isAnyOf(token, {"the", "a", "an", "its", "their", "his", "her", "our"});
}

// A party named in lower case, its noun at tokens[end]: "the ministry", "state media", "the city government",
// "the newspaper's analysis", "analysts at the bank". Empty when tokens[end] names no party.
std::string partyPhraseEndingAt(const std::vector<Token>& tokens, std::size_t end) {
    if (end >= tokens.size() || tokens[end].kind != Token::Word)
        return {};
    Token noun = tokens[end];  // "the newspaper's analysis": the newspaper's
    for (const std::string_view possessive : {"'s", "\xE2\x80\x99s"})
        if (noun.text.ends_with(possessive))
            noun.text.remove_suffix(possessive.size());
    if (!isPartyNoun(noun))
        return {};
    std::size_t first = end;
    for (int words = 0; first > 0 && words < 4; ++words) {  // "a United Nations human rights panel"
        const Token& before = tokens[first - 1];
        if (before.kind != Token::Word)
            break;
        if (isDeterminer(before)) {
            --first;
            break;
        }
        if (oneOf(before, kStopWords) || oneOf(before, kReportingVerbs) ||
            (before.text.ends_with("ed") && !startsUpper(before)))  // "United Nations" is no verb
            break;
        --first;
    }
    // "analysts at the bank", "data from the statistics bureau": the people or data of a party.
    if (first >= 2 && isAnyOf(tokens[first - 1], {"at", "from", "of"}) && isPartyNoun(tokens[first - 2]))
        first -= 2;
    return joinSpan(tokens, first, end);
}

// A party, named or in lower case, ending at tokens[end].
std::string partyEndingAt(const std::vector<Token>& tokens, std::size_t end) {
    std::string name = nameEndingAt(tokens, end);
    return name.empty() ? partyPhraseEndingAt(tokens, end) : name;
}

// A party, named or in lower case, starting at tokens[start] ("the ministry", "two officials").
std::string partyStartingAt(const std::vector<Token>& tokens, std::size_t start) {
    if (std::string name = nameStartingAt(tokens, start); !name.empty())
        return name;
    for (std::size_t end = start; end < tokens.size() && end < start + 4 && tokens[end].kind != Token::Symbol;
         ++end) {
        if (!isPartyNoun(tokens[end]))
            continue;
        // "a report in the academic journal Science": the party whose report it is.
        if (oneOf(tokens[end], kSourceNouns) && end + 1 < tokens.size() &&
            isAnyOf(tokens[end + 1], {"in", "by", "from"}))
            if (std::string whose = partyStartingAt(tokens, end + 2); !whose.empty())
                return whose;
        // "the academic journal Science": the noun with the name that follows it.
        std::size_t last = end;
        while (last + 1 < tokens.size() && isNamePart(tokens[last + 1]))
            ++last;
        return joinSpan(tokens, start, last);
    }
    return {};
}

// ", the newspaper reported." closing a sentence: it gives the whole sentence, whoever its words name.
std::string closingAttribution(const std::vector<Token>& tokens) {
    std::size_t end = tokens.size();
    while (end > 0 && tokens[end - 1].kind == Token::Symbol)
        --end;  // the full stop, closing quotes
    for (std::size_t comma = end; comma > 0 && comma + 6 > end; --comma) {
        if (tokens[comma - 1].text != ",")
            continue;
        if (end > comma && isReportingVerb(tokens[end - 1]))  // ", the firm estimated."
            if (std::string party = partyEndingAt(tokens, end - 2); !party.empty())
                return party;
        if (isReportingVerb(tokens[comma]))  // ", said the minister."
            return partyStartingAt(tokens, comma + 1);
        break;
    }
    return {};
}

// The party before tokens[at], past a comma: "Reuters" in "Reuters, citing …".
std::string partyBefore(const std::vector<Token>& tokens, std::size_t at) {
    if (at > 0 && tokens[at - 1].text == ",")
        --at;
    return at > 0 ? partyEndingAt(tokens, at - 1) : std::string();
}

// "…, which quoted Y" or "…, which cited Y" after tokens[from]: Y, whom the party before quoted.
std::string quotedAfter(const std::vector<Token>& tokens, std::size_t from) {
    for (std::size_t k = from; k + 2 < tokens.size(); ++k)
        if (isAnyOf(tokens[k], {"which", "who"}) && isAnyOf(tokens[k + 1], {"quoted", "cited", "citing"}))
            return partyStartingAt(tokens, k + 2);
    return {};
}

// "…, reported by X" or "…, published by X" after tokens[from]: X, who passed it on.
std::string reportedByAfter(const std::vector<Token>& tokens, std::size_t from) {
    for (std::size_t k = from; k + 2 < tokens.size(); ++k)
        if (isAnyOf(tokens[k], {"reported", "published", "cited", "quoted"}) && is(tokens[k + 1], "by"))
            return partyStartingAt(tokens, k + 2);
    return {};
}

Attribution sourceIn(const std::vector<Token>& tokens) {
    if (std::string closing = closingAttribution(tokens); !closing.empty())
        return {closing, {}};
    // "according to X" and "citing X" say who gives a figure wherever they stand, before any subject that
    // "expects" it: "The same firm expects 626 million, according to the IHS".
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // "according to Xinhua, which quoted IHS Markit": IHS Markit's, through Xinhua.
        if (is(tokens[i], "according") && i + 2 < tokens.size() && is(tokens[i + 1], "to"))
            if (std::string name = partyStartingAt(tokens, i + 2); !name.empty()) {
                if (std::string quoted = quotedAfter(tokens, i + 3); !quoted.empty() && quoted != name)
                    return {quoted, name};
                return {name, {}};
            }
        // "Reuters, citing two officials": the officials give it, through Reuters.
        if (is(tokens[i], "citing"))
            if (std::string name = partyStartingAt(tokens, i + 1); !name.empty()) {
                std::string through = partyBefore(tokens, i);
                return {name, through == name ? std::string() : through};
            }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // "the regulator reportedly fined"
        if (is(tokens[i], "reportedly") && i > 0)
            if (std::string name = partyEndingAt(tokens, i - 1); !name.empty())
                return {name, {}};
        // "led by X", "a study by X", "conducted by X"
        if (is(tokens[i], "by") && i > 0 &&
            (isAnyOf(tokens[i - 1], {"led", "conducted", "commissioned", "published", "compiled", "released",
                                     "designed", "forecast", "estimated", "projected", "predicted", "named",
                                     "identified", "reported"}) ||
             oneOf(tokens[i - 1], kSourceNouns)))
            if (std::string name = partyStartingAt(tokens, i + 1); !name.empty())
                return {name, {}};
        // "X said", "X also said", "X (a researcher) concluded", "X has estimated"
        // (not "published by X", which the rule above reads)
        // (not "Trump's claims that …", a noun after a possessive)
        if (tokens[i].kind == Token::Word && isReportingVerb(tokens[i]) && i > 0 &&
            !(i + 1 < tokens.size() && is(tokens[i + 1], "by")) && !isPossessive(tokens[i - 1])) {
            std::size_t end = i - 1;
            while (end > 0 &&
                   (isAnyOf(tokens[end], {"also", "has", "have", "had", "recently", "once", "further"}) ||
                    (!startsUpper(tokens[end]) && tokens[end].text.ends_with("ly"))))  // "formally announces"
                --end;
            if (tokens[end].text == ")") {  // skip a parenthesis: "Genia Kostka (professor …) concluded"
                std::size_t open = end;
                while (open > 0 && tokens[open].text != "(")
                    --open;
                if (open > 0)
                    end = open - 1;
            }
            if (tokens[end].text == ",")
                end = end > 0 ? end - 1 : end;
            // "The newspaper's analysis of court records found": the party before "of".
            for (std::size_t k = end; k > 0 && k + 4 > end; --k)
                if (is(tokens[k], "of") && !partyPhraseEndingAt(tokens, k - 1).empty()) {
                    end = k - 1;
                    break;
                }
            if (std::string name = partyEndingAt(tokens, end); !name.empty())
                return {name, {}};
            // ", said X"
            if (is(tokens[i], "said") && i + 1 < tokens.size())
                if (std::string name = nameStartingAt(tokens, i + 1); !name.empty())
                    return {name, {}};
        }
        // "X's report", "an X estimate", "X data"; not a lone capitalised word opening the sentence
        // ("Industry figures suggest …")
        // "IHS Markit's estimate, reported by Xinhua": IHS Markit's, through Xinhua.
        if (oneOf(tokens[i], kSourceNouns) && i > 0 &&
            !(i == 1 && tokens[0].text.find('\'') == std::string_view::npos &&
              tokens[0].text.find("\xE2\x80\x99") == std::string_view::npos))
            if (std::string name = partyEndingAt(tokens, i - 1); !name.empty()) {
                std::string through =
                    isPossessive(tokens[i - 1]) ? reportedByAfter(tokens, i + 1) : std::string();
                return {name, through == name ? std::string() : through};
            }
        // "X: …" introducing a quotation
        if (tokens[i].text == ":" && i > 0 && i + 1 < tokens.size())
            if (std::string name = nameEndingAt(tokens, i - 1); !name.empty() && i - 1 < 6)
                return {name, {}};
    }
    return {};
}

}  // namespace

std::vector<Saying> sayingsIn(const std::vector<Token>& sentence) {
    std::vector<Saying> sayings;
    for (std::size_t i = 1; i < sentence.size(); ++i)
        if (is(sentence[i], "saying"))
            if (std::string party = partyEndingAt(sentence, i - 1); !party.empty())
                sayings.push_back({i, std::move(party)});
    return sayings;
}

bool estimatedByNoOne(const std::vector<Token>& tokens, std::size_t first, std::size_t after) {
    // "… with the value of BP's investment estimated at US$25 billion": estimated by no one named.
    if (first < 2 || !is(tokens[first - 1], "at") ||
        !isAnyOf(tokens[first - 2], {"estimated", "put", "valued", "reported", "projected"}))
        return false;
    if (first >= 3 && isAnyOf(tokens[first - 3], {"has", "have", "had", "was", "were"}) && first >= 4 &&
        !partyEndingAt(tokens, first - 4).empty())
        return false;  // "the ministry has estimated at …" names who
    if (first >= 3 && !partyEndingAt(tokens, first - 3).empty() && !isPossessive(tokens[first - 3]))
        return false;  // "the agency estimated at …"
    return !(after < tokens.size() && is(tokens[after], "by"));
}

bool reportedByNoOne(const std::vector<Token>& tokens, std::size_t after) {
    // Up to a noun the figure measures ("depth") and "as", then an adverb of when: "originally reported".
    for (std::size_t i = after; i < tokens.size() && i < after + 3 && tokens[i].kind == Token::Word; ++i)
        if (isAnyOf(tokens[i], {"originally", "initially", "first", "earlier", "previously"}))
            return i + 1 < tokens.size() && isAnyOf(tokens[i + 1], {"reported", "announced", "stated"}) &&
                   !(i + 2 < tokens.size() && is(tokens[i + 2], "by"));
    return false;
}

// "This figure is …", "That estimate …": a report or figure of the sentence before, which goes on with it;
// not "This piece marks …", a thing of its own.
bool isFigureNoun(const Token& token) {
    return oneOf(token, kSourceNouns) ||
           isAnyOf(token, {"figure", "number", "total", "count", "sum", "amount", "rate", "share", "forecast",
                           "tally", "toll", "level", "increase", "rise", "fall", "drop", "projection"});
}

// Does the sentence go on with what the one before said ("It expects …", "For instance, …", "About 1,000 of
// these …")? Only then is the source before carried over; never past "Separately" or a new subject.
bool continuesPrevious(const std::vector<Token>& sentence) {
    if (sentence.empty())
        return false;
    // "This" or "That" before a noun in the singular (a word in lower case, neither a verb's "-s" or "-ed"
    // nor an auxiliary) is about that noun: it goes on only when the noun is the figure or its report.
    if (isAnyOf(sentence[0], {"this", "that"}) && sentence.size() > 1 && sentence[1].kind == Token::Word &&
        !startsUpper(sentence[1]) && !sentence[1].text.ends_with('s') && !sentence[1].text.ends_with("ed") &&
        !oneOf(sentence[1], kStopWords))
        return isFigureNoun(sentence[1]);
    if (isAnyOf(sentence[0],
                {"it", "they", "he", "she", "this", "these", "that", "also", "its", "their", "of"}))
        return true;  // "Of its members, 72 percent …"
    if (sentence.size() > 1 && is(sentence[0], "for") && isAnyOf(sentence[1], {"instance", "example"}))
        return true;
    for (std::size_t i = 0; i + 1 < sentence.size() && i < 6; ++i)
        if (is(sentence[i], "of") && isAnyOf(sentence[i + 1], {"these", "them", "those"}))
            return true;
    return false;
}

bool refersToPrevious(const std::vector<Token>& sentence) {
    if (continuesPrevious(sentence))
        return true;
    // "his estimate amounts to …": the report of whoever the sentence before named.
    for (std::size_t i = 0; i + 1 < sentence.size(); ++i)
        if (isAnyOf(sentence[i], {"his", "her", "their", "its"}) && oneOf(sentence[i + 1], kSourceNouns))
            return true;
    return false;
}

Attribution sourceOf(const std::vector<Token>& sentence, const std::vector<Token>& previous) {
    Attribution attribution = sourceIn(sentence);
    const std::string& source = attribution.source;
    // "The same firm expects …": the party the sentence before named.
    const bool refersBack =
        source.size() > 9 && (source.starts_with("The same ") || source.starts_with("the same "));
    if (source.empty() ? refersToPrevious(sentence) : refersBack)
        if (Attribution before = sourceIn(previous); !before.source.empty())
            return before;
    return attribution;
}

bool isNowWord(const Token& token) {
    const char first = static_cast<char>(token.text[0] | 0x20);  // asked of every word: most start otherwise
    return (first == 't' || first == 'n' || first == 'c' || first == 'p') &&
           isAnyOf(token, {"today", "now", "currently", "presently", "current"});
}

std::string subjectAt(std::string_view text, const std::vector<Token>& tokens, std::size_t after) {
    std::size_t i = after;
    if (i < tokens.size() && is(tokens[i], "of")) {
        ++i;
        while (i < tokens.size() &&
               isAnyOf(tokens[i], {"the", "all", "its", "their", "our", "those", "these"}))
            ++i;
    }
    std::size_t first = i, last = i;
    // Up to four words, a name's capitalised ones not counted among them (up to eight in all): "3 Royal Air
    // Force Sea King helicopters".
    std::size_t words = 0, plainWords = 0;
    for (; i < tokens.size() && plainWords < 4 && words < 8; ++i) {
        const Token& token = tokens[i];
        if (token.kind != Token::Word || oneOf(token, kStopWords))
            break;
        // "cameras installed", "people behaving"; but "380 suspected detention facilities"
        const bool describes = words == 0 && i + 1 < tokens.size() && tokens[i + 1].kind == Token::Word &&
                               tokens[i + 1].spaceBefore && !oneOf(tokens[i + 1], kStopWords);
        // (A name's words are no verbs: "Sea King helicopters", "United Nations staff".)
        const bool verbLike =
            !startsUpper(token) && (token.text.ends_with("ed") || token.text.ends_with("ing"));
        if ((verbLike && token.text.ends_with("ed") && !describes) ||
            (words > 0 && (verbLike || !token.spaceBefore)))
            break;
        // "the 626 million forecast by IHS Markit": the report that gives it, not what it counts.
        if (words == 0 && i + 1 < tokens.size() && is(tokens[i + 1], "by") &&
            (oneOf(token, kSourceNouns) || isAnyOf(token, {"forecast", "projection", "prediction"})))
            break;
        last = i;
        ++words;
        plainWords += !startsUpper(token);
        // Plurals without an s end it too: "1.4 billion people means".
        if (!startsUpper(token) && isAnyOf(token, {"people", "children", "men", "women", "police"}))
            break;
        // A plural noun ends the phrase: "respondents approve", "cameras installed".
        const std::string_view w = token.text;
        if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("'s") &&
            !startsUpper(token))
            break;
    }
    if (words == 0)
        return {};
    return std::string(
        text.substr(tokens[first].span.begin, tokens[last].span.end - tokens[first].span.begin));
}

std::string subjectReferredTo(std::string_view text, const std::vector<Token>& tokens, std::size_t from,
                              std::size_t first, std::size_t after, std::string_view previousSubject) {
    // "fewer than 10 of them": of the things the sentence named before ("a survey of pilot cities").
    if (after + 1 < tokens.size() && is(tokens[after], "of") &&
        isAnyOf(tokens[after + 1], {"them", "these", "those"})) {
        for (std::size_t i = first; i-- > from;)
            if (is(tokens[i], "of"))
                if (std::string named = subjectAt(text, tokens, i); !named.empty())
                    return named;
        return std::string(previousSubject);
    }
    for (std::size_t i = first; i-- > from && i + 12 > first;) {
        // "put the number of surveillance cameras installed in China at 176 million"
        if (is(tokens[i], "number") && i + 1 < first && is(tokens[i + 1], "of"))
            return subjectAt(text, tokens, i + 1);
        // "expects the total to reach 626 million": the total the sentence before counted.
        if (isAnyOf(tokens[i], {"total", "figure", "number", "count", "tally"}) && i > 0 &&
            isAnyOf(tokens[i - 1], {"the", "that", "this", "its"}))
            return std::string(previousSubject);
    }
    // "That projection sits below the 626 million forecast by IHS Markit"
    return !previousSubject.empty() && continuesPrevious(tokens) ? std::string(previousSubject)
                                                                 : std::string();
}

}  // namespace claimtrack::figures
