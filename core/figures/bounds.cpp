// Bounds: qualifiers ("more than", "about"), comparison signs, trailing bounds ("or more"), ranges, and
// bounds written as two figures that make one range.
#include "draft.h"

namespace claimtrack::figures {

namespace {

enum class Bound { Lower, Upper, Approximate, Exact };

struct Qualifier {
    std::initializer_list<std::string_view> words;
    Bound bound;
};

// Longest phrases first, so "no more than" wins over "more than".
const Qualifier kQualifiers[] = {
    {{"greater", "than", "or", "equal", "to"}, Bound::Lower},
    {{"more", "than", "or", "equal", "to"}, Bound::Lower},
    {{"less", "than", "or", "equal", "to"}, Bound::Upper},
    {{"fewer", "than", "or", "equal", "to"}, Bound::Upper},
    {{"at", "least", "or", "equal", "to"}, Bound::Lower},
    {{"at", "most", "or", "equal", "to"}, Bound::Upper},
    {{"larger", "or", "equal", "than"}, Bound::Lower},
    {{"bigger", "or", "equal", "than"}, Bound::Lower},
    {{"higher", "or", "equal", "than"}, Bound::Lower},
    {{"greater", "or", "equal", "than"}, Bound::Lower},
    {{"more", "or", "equal", "than"}, Bound::Lower},
    {{"less", "or", "equal", "than"}, Bound::Upper},
    {{"smaller", "or", "equal", "than"}, Bound::Upper},
    {{"lower", "or", "equal", "than"}, Bound::Upper},
    {{"fewer", "or", "equal", "than"}, Bound::Upper},
    {{"larger", "than"}, Bound::Lower},
    {{"bigger", "than"}, Bound::Lower},
    {{"higher", "than"}, Bound::Lower},
    {{"smaller", "than"}, Bound::Upper},
    {{"lower", "than"}, Bound::Upper},
    {{"in", "excess", "of"}, Bound::Lower},
    {{"no", "fewer", "than"}, Bound::Lower},
    {{"no", "less", "than"}, Bound::Lower},
    {{"slightly", "more", "than"}, Bound::Lower},
    {{"no", "more", "than"}, Bound::Upper},
    {{"as", "many", "as"}, Bound::Upper},
    {{"as", "much", "as"}, Bound::Upper},
    {{"a", "maximum", "of"}, Bound::Upper},
    {{"more", "than"}, Bound::Lower},
    {{"greater", "than"}, Bound::Lower},
    {{"at", "least"}, Bound::Lower},
    {{"upwards", "of"}, Bound::Lower},
    {{"slightly", "above"}, Bound::Lower},
    {{"well", "over"}, Bound::Lower},
    {{"well", "past"}, Bound::Lower},
    {{"just", "past"}, Bound::Lower},
    {{"well", "under"}, Bound::Upper},
    {{"well", "below"}, Bound::Upper},
    {{"under", "age"}, Bound::Upper},
    {{"over", "age"}, Bound::Lower},
    {{"top", "out", "at"}, Bound::Upper},
    {{"tops", "out", "at"}, Bound::Upper},
    {{"topped", "out", "at"}, Bound::Upper},
    {{"just", "over"}, Bound::Lower},
    {{"well", "above"}, Bound::Lower},
    {{"fewer", "than"}, Bound::Upper},
    {{"less", "than"}, Bound::Upper},
    {{"up", "to"}, Bound::Upper},
    {{"at", "most"}, Bound::Upper},
    {{"just", "under"}, Bound::Upper},
    {{"close", "to"}, Bound::Approximate},
    {{"an", "estimated"}, Bound::Approximate},
    {{"over"}, Bound::Lower},
    {{"above"}, Bound::Lower},
    {{"exceeding"}, Bound::Lower},
    {{"under"}, Bound::Upper},
    {{"below"}, Bound::Upper},
    {{"about"}, Bound::Approximate},
    {{"around"}, Bound::Approximate},
    {{"some"}, Bound::Approximate},
    {{"roughly"}, Bound::Approximate},
    {{"nearly"}, Bound::Approximate},
    {{"almost"}, Bound::Approximate},
    {{"approximately"}, Bound::Approximate},
    {{"estimated"}, Bound::Approximate},
    {{"circa"}, Bound::Approximate},
    {{"equal", "to"}, Bound::Exact},
    {{"equaling", "to"}, Bound::Exact},
    {{"equals"}, Bound::Exact},
    {{"exceed"}, Bound::Lower},
    {{"exceeds"}, Bound::Lower},
    {{"exceeded"}, Bound::Lower},
    {{"surpass"}, Bound::Lower},
    {{"surpassed"}, Bound::Lower},
    {{"topped"}, Bound::Lower},
    {{"approx"}, Bound::Approximate},
};

void applyBound(Draft& draft, Bound bound) {
    if (bound == Bound::Lower)
        draft.low = draft.value;
    else if (bound == Bound::Upper)
        draft.high = draft.value;
    else if (bound == Bound::Exact)
        draft.low = draft.high = draft.value;  // "equal to 170": both ends
    else
        draft.approximate = true;
}

// Comparison signs right before the number: ">", ">=", "≥", "> =", "<", "<=", "≤".
bool readComparisonSign(const std::vector<Token>& tokens, Draft& draft) {
    std::size_t at = draft.first;
    if (at == 0 || tokens[at - 1].kind != Token::Symbol)
        return false;
    const std::string_view sign = tokens[at - 1].text;
    // "<>30", "=>30": not a comparison a writer means.
    if (at >= 2 && !tokens[at - 1].spaceBefore && tokens[at - 2].kind == Token::Symbol &&
        (tokens[at - 2].text == "<" || tokens[at - 2].text == ">" || tokens[at - 2].text == "=") &&
        sign != "=")
        return true;  // consumed: the number is left without a bound
    if (sign == "=" && at >= 2 && (tokens[at - 2].text == ">" || tokens[at - 2].text == "<")) {
        applyBound(draft, tokens[at - 2].text == ">" ? Bound::Lower : Bound::Upper);
        draft.first -= 2;
        return true;
    }
    if (sign == ">" || sign == "\xE2\x89\xA5") {
        applyBound(draft, Bound::Lower);
    } else if (sign == "<" || sign == "\xE2\x89\xA4") {
        applyBound(draft, Bound::Upper);
    } else {
        return false;
    }
    --draft.first;
    return true;
}

// "200 or more", "5,000 or less", "500 and above": a bound written after the number.
bool readTrailingBound(const std::vector<Token>& tokens, Draft& draft) {
    const std::size_t j = draft.last + 1;
    if (!(isWordAt(tokens, j, "or") || isWordAt(tokens, j, "and")) || j + 1 >= tokens.size())
        return false;
    const Token& word = tokens[j + 1];
    Bound bound;
    if (isAnyOf(word, {"more", "greater", "above", "higher", "over", "larger", "bigger"}))
        bound = Bound::Lower;
    else if (isAnyOf(word, {"less", "fewer", "below", "lower", "under", "smaller"}))
        bound = Bound::Upper;
    else
        return false;
    // "above 1000 and below 1500", "30 and less than or equal to 40": a second comparison, not a
    // trailing bound; only "than" at the very end stays with it ("200 or greater than").
    std::size_t k = j + 2;
    if (isWordAt(tokens, k, "than") && k + 1 >= tokens.size())
        ++k;
    if (k < tokens.size() && (tokens[k].kind == Token::Number || parseNumber(tokens, k) ||
                              isAnyOf(tokens[k], {"than", "or", "equal", "to", "and"})))
        return false;
    applyBound(draft, bound);
    draft.last = k - 1;  // "200 or greater than" at the end keeps its dangling "than"
    return true;
}

}  // namespace

// Applies a qualifier ending right before tokens[draft.first], widening the draft over it.
void readQualifier(const std::vector<Token>& tokens, Draft& draft) {
    if (readComparisonSign(tokens, draft))
        return;
    // "~80%"
    if (draft.first > 0 && isSymbol(tokens, draft.first - 1, "~") && !tokens[draft.first].spaceBefore) {
        draft.approximate = true;
        --draft.first;
        return;
    }
    const bool trailing = readTrailingBound(tokens, draft);
    if (draft.first == 0 || tokens[draft.first - 1].kind != Token::Word)
        return;  // every qualifier left ends in a word
    for (const Qualifier& qualifier : kQualifiers) {
        const std::size_t n = qualifier.words.size();
        if (draft.first < n)
            continue;
        std::size_t at = draft.first - n;
        bool match = true;
        for (const std::string_view word : qualifier.words)
            match = match && tokens[at].kind == Token::Word && is(tokens[at], word), ++at;
        if (!match)
            continue;
        draft.first -= n;
        applyBound(draft, qualifier.bound);
        if (!trailing)
            readTrailingBound(tokens, draft);  // "at least 20 or more"
        return;
    }
    // "crossed the 11 percent mark"
    if (draft.first >= 2 && isAnyOf(tokens[draft.first - 2], {"crossed", "passed", "topped", "surpassed"}) &&
        is(tokens[draft.first - 1], "the") && isWordAt(tokens, draft.last + 1, "mark")) {
        draft.low = draft.value;
        ++draft.last;
    }
}

void readApproximation(const std::vector<Token>& tokens, Draft& draft) {
    Draft qualified = draft;
    qualified.low = qualified.high = std::nullopt;
    readQualifier(tokens, qualified);
    if (qualified.approximate && !qualified.low && !qualified.high) {
        draft.approximate = true;
        draft.first = qualified.first;
    }
}

bool followsChangeVerb(const std::vector<Token>& tokens, std::size_t from) {
    return anyWordNear(tokens, from, 4, 0,
                       {"rose",      "risen",   "rise",    "rises",     "rising",   "fell",      "fallen",
                        "fall",      "falls",   "falling", "increased", "increase", "decreased", "dropped",
                        "drop",      "grew",    "grown",   "climbed",   "declined", "cut",       "reduced",
                        "raised",    "went",    "go",      "going",     "jumped",   "slipped",   "narrowed",
                        "widened",   "eased",   "moved",   "changed",   "lowered",  "slashed",   "soared",
                        "surged",    "plunged", "shrank",  "expanded",  "improved", "revised",   "up",
                        "down",      "slid",    "tumbled", "doubled",   "halved",   "swelled",   "ballooned",
                        "increases", "growth",  "decline", "drops",     "climb",    "gains",     "gained"});
}

// A second number ending a range after tokens[draft.last]: "10-20", "five to seven", "five or at the
// maximum seven"; `between` when "between" came before the first, so "and" joins them.
bool readRange(const std::vector<Token>& tokens, Draft& draft, const ParsedNumber& firstNumber,
               std::string_view opener) {
    std::size_t j = draft.last + 1;
    if (j >= tokens.size())
        return false;
    // "between … and …", "from … to …": the opening word joins the range.
    const bool joined = (opener == "between" && isWordAt(tokens, j, "and")) ||
                        (opener == "from" && isWordAt(tokens, j, "to"));
    // "rose from 12 to 19" is a change, two figures; "from 10 to 20 people" a range.
    if (opener == "from" && followsChangeVerb(tokens, draft.first - 1))
        return false;
    if (isDash(tokens, j) || isWordAt(tokens, j, "to") || isWordAt(tokens, j, "through") ||
        isSymbol(tokens, j, "~") || joined) {
        ++j;
    } else if (isWordAt(tokens, j, "or")) {
        ++j;
        if (isWordAt(tokens, j, "at") && isWordAt(tokens, j + 1, "the") && isWordAt(tokens, j + 2, "maximum"))
            j += 3;
        else if (isWordAt(tokens, j, "at") && isWordAt(tokens, j + 1, "most"))
            j += 2;
    } else {
        return false;
    }
    // "from $800,000 to $1.3 million", "€2m-€3m": the currency written on both ends.
    std::optional<Currency> currency;
    for (std::size_t length = 0, k = 1; k <= 2 && !currency; ++k)
        if (j + k < tokens.size() && (currency = currencyBefore(tokens, j + k, length)) && length == k)
            j += k;
        else
            currency.reset();
    if (currency && draft.kind == FigureKind::Money && draft.unit != currency->code)
        return false;
    if (j >= tokens.size())
        return false;
    const auto second = parseNumber(tokens, j);
    if (!second || second->year || second->bareOne || second->value < firstNumber.value * 0.0)
        return false;
    Draft upper;
    upper.first = j;
    upper.last = second->last;
    upper.value = second->value * (second->fraction ? 100 : 1);
    if (currency) {
        upper.kind = FigureKind::Money;
        upper.unit = currency->code;
    }
    readUnit(tokens, upper, *second);
    double low = *draft.value;
    // "10-20 million": the scale written once serves both ends.
    const double scale = second->gluedUnit.empty()
                             ? scaleOf(tokens[second->last].kind == Token::Word ? tokens[second->last].text
                                                                                : tokens[second->last].suffix)
                             : 0;
    if (scale > 0 && firstNumber.last == firstNumber.first && tokens[firstNumber.first].suffix.empty() &&
        low * scale <= *upper.value)
        low *= scale;
    if (low > *upper.value)
        return false;
    if (draft.unit.empty() && !upper.unit.empty()) {
        draft.unit = upper.unit;
        draft.kind = upper.kind;
    } else if (!upper.unit.empty() && upper.unit != draft.unit) {
        return false;  // "5 km to 3 miles": two figures
    }
    draft.low = low;
    draft.high = upper.value;
    draft.value = upper.value;
    draft.last = upper.last;
    if (joined)
        --draft.first;
    return true;
}

// "greater than 100 and smaller than 300": a lower and an upper bound joined by "and", "but" or a comma
// are one range.
void joinBounds(const std::vector<Token>& tokens, std::vector<Draft>& drafts) {
    for (std::size_t k = 0; k + 1 < drafts.size(); ++k) {
        Draft& a = drafts[k];
        const Draft& b = drafts[k + 1];
        const bool comma = isSymbol(tokens, a.last + 1, ",");
        const bool adjacent = b.first == a.last + 2 && (isWordAt(tokens, a.last + 1, "and") ||
                                                        isWordAt(tokens, a.last + 1, "but") || comma);
        const bool oneSidedEach =
            (a.low.has_value() != a.high.has_value()) && (b.low.has_value() != b.high.has_value());
        if (!adjacent || !oneSidedEach || a.low.has_value() == b.low.has_value())
            continue;
        const double low = a.low ? *a.low : *b.low, high = a.high ? *a.high : *b.high;
        if (low > high || (comma && low == high))
            continue;  // "less than 10, more than 10" are two figures
        a.low = low;
        a.high = high;
        a.value = high;
        a.last = b.last;
        if (a.unit.empty()) {
            a.unit = b.unit;
            a.kind = b.kind;
        }
        drafts.erase(drafts.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
}

void readChanges(const std::vector<Token>& tokens, std::vector<Draft>& drafts) {
    for (std::size_t k = 0; k + 1 < drafts.size(); ++k) {
        Draft& before = drafts[k];
        Draft& after = drafts[k + 1];
        if (before.first == 0 || !isWordAt(tokens, before.first - 1, "from") ||
            !followsChangeVerb(tokens, before.first - 1) || after.first == 0 ||
            !isWordAt(tokens, after.first - 1, "to"))
            continue;
        before.role = "before";
        after.role = "after";
        if (after.unit.empty() && !before.unit.empty()) {
            after.unit = before.unit;
            after.kind = before.kind;
        }
    }
}

void carryBoundsIntoConversions(const std::vector<Token>& tokens, std::vector<Draft>& drafts) {
    for (std::size_t k = 0; k + 1 < drafts.size(); ++k) {
        const Draft& figure = drafts[k];
        Draft& converted = drafts[k + 1];
        const bool bracketed = isSymbol(tokens, figure.last + 1, "(") && converted.first == figure.last + 2 &&
                               isSymbol(tokens, converted.last + 1, ")");
        const bool unqualified = !converted.low && !converted.high && !converted.approximate;
        if (!bracketed || !unqualified || converted.kind != figure.kind || converted.unit == figure.unit ||
            converted.unit.empty())
            continue;
        if (figure.low)
            converted.low = converted.value;
        if (figure.high)
            converted.high = converted.value;
        converted.approximate = figure.approximate;
    }
}

}  // namespace claimtrack::figures
