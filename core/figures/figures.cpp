#include "figures.h"
#include "context.h"
#include "lexer.h"
#include "numbers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace claimtrack {

using namespace figures;

std::string_view toString(FigureKind kind) {
    switch (kind) {
    case FigureKind::Count:
        return "count";
    case FigureKind::Percent:
        return "percent";
    case FigureKind::Money:
        return "money";
    case FigureKind::Duration:
        return "duration";
    case FigureKind::Score:
        return "score";
    case FigureKind::Date:
        return "date";
    }
    return "count";
}

namespace {

bool isSymbol(const std::vector<Token>& tokens, std::size_t i, std::string_view text) {
    return i < tokens.size() && tokens[i].kind == Token::Symbol && tokens[i].text == text;
}

bool isDash(const std::vector<Token>& tokens, std::size_t i) {
    return isSymbol(tokens, i, "-") || isSymbol(tokens, i, "\xE2\x80\x93") ||
           isSymbol(tokens, i, "\xE2\x80\x94");
}

bool isWordAt(const std::vector<Token>& tokens, std::size_t i, std::string_view word) {
    return i < tokens.size() && tokens[i].kind == Token::Word && is(tokens[i], word);
}

// Numbers that are part of something else: "24/7", "192.168.1.2", "A380", "v2.1", "555-1234", URLs.
bool isEmbedded(const std::vector<Token>& tokens, const ParsedNumber& number) {
    const Token& first = tokens[number.first];
    const std::size_t after = number.first + 1;  // the token glued to the digits, if any
    if (number.first > 0 && !first.spaceBefore) {
        const Token& before = tokens[number.first - 1];
        if (before.kind == Token::Word && !isAnyOf(before, {"us"}))
            return true;  // "A380", "G20", "COVID-19" (the dash), "v2"
        if (before.kind == Token::Number)
            return true;
        if (before.kind == Token::Symbol &&
            (before.text == "/" || before.text == ":" || before.text == "#" || before.text == "@" ||
             before.text == "_" || before.text == "." || before.text == "="))
            return true;
        if (isDash(tokens, number.first - 1) && number.first >= 2 && !tokens[number.first - 1].spaceBefore)
            // "COVID-19", the middle of "555-123-4567"; but "-5" is a sign
            return tokens[number.first - 2].kind == Token::Word ||
                   tokens[number.first - 2].kind == Token::Number;
    }
    if (first.kind == Token::Number && after < tokens.size() && !tokens[after].spaceBefore) {
        const Token& next = tokens[after];
        if (next.kind == Token::Symbol && (next.text == "/" || next.text == ":" || next.text == "_") &&
            after + 1 < tokens.size() && !tokens[after + 1].spaceBefore)
            return true;  // "24/7", "10:30", "4/5/2020"
        if (next.kind == Token::Symbol && next.text == "." && after + 1 < tokens.size() &&
            !tokens[after + 1].spaceBefore && tokens[after + 1].kind == Token::Number)
            return true;  // "1.2.3", "192.168.1.2"
        // "555-1234-…": numbers chained by dashes, none of them a year
        if (isDash(tokens, after) && after + 1 < tokens.size() && !tokens[after + 1].spaceBefore &&
            tokens[after + 1].kind == Token::Number && isDash(tokens, after + 2) &&
            !tokens[after + 2].spaceBefore)
            return true;
    }
    return false;
}

// An opening quote or bracket right before, a closing one right after: a title such as “1984”.
bool isQuoted(const std::vector<Token>& tokens, const ParsedNumber& number) {
    auto isQuote = [](const Token& t) {
        return t.kind == Token::Symbol &&
               (t.text == "\"" || t.text == "\xE2\x80\x9C" || t.text == "\xE2\x80\x9D" ||
                t.text == "\xE2\x80\x98" || t.text == "\xE2\x80\x99" || t.text == "'");
    };
    return number.first > 0 && isQuote(tokens[number.first - 1]) && !tokens[number.first].spaceBefore &&
           number.last + 1 < tokens.size() && isQuote(tokens[number.last + 1]) &&
           !tokens[number.last + 1].spaceBefore;
}

struct Currency {
    std::string_view code;
};

// A currency sign or code right before tokens[i] ("$", "US$", "£", "RMB"), and how many tokens it takes.
std::optional<Currency> currencyBefore(const std::vector<Token>& tokens, std::size_t i, std::size_t& length) {
    if (i == 0)
        return std::nullopt;
    const Token& before = tokens[i - 1];
    length = 1;
    if (before.text == "$") {
        if (i >= 2 && isWordAt(tokens, i - 2, "us") && !before.spaceBefore)
            length = 2;
        return Currency{"USD"};
    }
    if (before.text == "\xC2\xA3")
        return Currency{"GBP"};
    if (before.text == "\xE2\x82\xAC")
        return Currency{"EUR"};
    if (before.text == "\xC2\xA5" || before.text == "\xEF\xBF\xA5")
        return Currency{"CNY"};
    if (before.kind == Token::Word) {
        if (is(before, "usd"))
            return Currency{"USD"};
        if (is(before, "rmb") || is(before, "cny"))
            return Currency{"CNY"};
        if (is(before, "eur"))
            return Currency{"EUR"};
    }
    return std::nullopt;
}

std::string_view currencyWord(const Token& token) {
    if (isAnyOf(token, {"yuan", "renminbi", "rmb", "cny"}))
        return "CNY";
    if (isAnyOf(token, {"dollars", "dollar", "usd"}))
        return "USD";
    if (isAnyOf(token, {"euros", "euro", "eur"}))
        return "EUR";
    if (isAnyOf(token, {"pounds", "gbp"}))
        return "GBP";
    return {};
}

std::string_view durationWord(const Token& token) {
    if (isAnyOf(token, {"year", "years"}))
        return "years";
    if (isAnyOf(token, {"month", "months"}))
        return "months";
    if (isAnyOf(token, {"week", "weeks"}))
        return "weeks";
    if (isAnyOf(token, {"day", "days"}))
        return "days";
    if (isAnyOf(token, {"hour", "hours"}))
        return "hours";
    if (isAnyOf(token, {"decade", "decades"}))
        return "decades";
    return {};
}

// The figure being assembled from tokens [first, last].
struct Draft {
    std::size_t first = 0, last = 0;
    std::optional<double> value, low, high;
    bool approximate = false;
    std::string unit;
    FigureKind kind = FigureKind::Count;
};

// Reads units after tokens[draft.last]: percent, currency, duration, points, "out of N".
void readUnit(const std::vector<Token>& tokens, Draft& draft, const ParsedNumber& number) {
    std::size_t j = draft.last + 1;
    if (isSymbol(tokens, j, "%")) {
        draft.kind = FigureKind::Percent;
        draft.unit = "percent";
        draft.last = j;
    } else if (isWordAt(tokens, j, "percent") || isWordAt(tokens, j, "pct")) {
        draft.kind = FigureKind::Percent;
        draft.unit = "percent";
        draft.last = j;
    } else if (isWordAt(tokens, j, "per") && isWordAt(tokens, j + 1, "cent")) {
        draft.kind = FigureKind::Percent;
        draft.unit = "percent";
        draft.last = j + 1;
    } else if (isWordAt(tokens, j, "percentage") &&
               (isWordAt(tokens, j + 1, "points") || isWordAt(tokens, j + 1, "point"))) {
        draft.kind = FigureKind::Percent;
        draft.unit = "percentage points";
        draft.last = j + 1;
    } else if (isWordAt(tokens, j, "percentage")) {
        draft.kind = FigureKind::Percent;
        draft.unit = "percent";
        draft.last = j;
    } else if (j < tokens.size() && !currencyWord(tokens[j]).empty() && draft.kind != FigureKind::Money) {
        draft.kind = FigureKind::Money;
        draft.unit = currencyWord(tokens[j]);
        draft.last = j;
    } else if (j < tokens.size() && !durationWord(tokens[j]).empty()) {
        draft.kind = FigureKind::Duration;
        draft.unit = durationWord(tokens[j]);
        draft.last = j;
    } else if (isDash(tokens, j) && !tokens[j].spaceBefore && j + 1 < tokens.size() &&
               !tokens[j + 1].spaceBefore && !durationWord(tokens[j + 1]).empty()) {
        draft.kind = FigureKind::Duration;  // "a 10-year plan"
        draft.unit = durationWord(tokens[j + 1]);
        draft.last = j + 1;
    } else if (isWordAt(tokens, j, "points") || isWordAt(tokens, j, "point")) {
        draft.kind = FigureKind::Score;
        draft.unit = "points";
        draft.last = j;
    } else if (isWordAt(tokens, j, "out") && isWordAt(tokens, j + 1, "of") && j + 2 < tokens.size() &&
               tokens[j + 2].kind == Token::Number) {
        draft.kind = FigureKind::Score;
        draft.unit = fmt::format("out of {}", tokens[j + 2].text);
        draft.last = j + 2;
    }
    if (number.fraction && draft.kind == FigureKind::Count) {
        draft.kind = FigureKind::Percent;
        draft.unit = "percent";
    }
}

// Is the four-digit number a count after all: "1000 points", "2000 people", "1500 percent"?
bool countsSomething(const std::vector<Token>& tokens, const ParsedNumber& number) {
    if (number.value < 1500)
        return true;  // years before 1500 seldom appear in news about now
    if (number.first > 0 &&
        isAnyOf(tokens[number.first - 1],
                {"above", "below", "over", "under", "than", "least", "most", "about", "around", "nearly",
                 "almost", "approximately", "some", "exceeding", "exceed", "surpass", "roughly"}))
        return true;  // "below 1500", "more than 2000"
    if (number.first > 0 &&
        isAnyOf(tokens[number.first - 1], {"in", "by", "since", "until", "from", "before", "after", "during",
                                           "of", "to", "and", "between"}))
        return false;
    const std::size_t next = number.last + 1;
    if (next >= tokens.size() || tokens[next].kind != Token::Word)
        return next < tokens.size() && tokens[next].text == "%";
    const Token& word = tokens[next];
    const bool plural =
        word.text.size() > 3 && word.text.back() == 's' && !word.text.ends_with("ss") && !startsUpper(word);
    return plural || isAnyOf(word, {"percent", "per", "people", "yuan"}) || !durationWord(word).empty();
}

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

// Applies a qualifier ending right before tokens[draft.first], widening the draft over it.
void readQualifier(const std::vector<Token>& tokens, Draft& draft) {
    if (readComparisonSign(tokens, draft))
        return;
    const bool trailing = readTrailingBound(tokens, draft);
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
    if (j >= tokens.size())
        return false;
    const auto second = parseNumber(tokens, j);
    if (!second || second->year || second->bareOne || second->value < firstNumber.value * 0.0)
        return false;
    Draft upper;
    upper.first = j;
    upper.last = second->last;
    upper.value = second->value * (second->fraction ? 100 : 1);
    readUnit(tokens, upper, *second);
    double low = *draft.value;
    // "10-20 million": the scale written once serves both ends.
    const double scale = scaleOf(tokens[second->last].kind == Token::Word ? tokens[second->last].text
                                                                          : tokens[second->last].suffix);
    if (scale > 0 && firstNumber.last == firstNumber.first && tokens[firstNumber.first].suffix.empty() &&
        low * scale <= *upper.value)
        low *= scale;
    if (low > *upper.value)
        return false;
    if (draft.unit.empty() && !upper.unit.empty()) {
        draft.unit = upper.unit;
        draft.kind = upper.kind;
    }
    draft.low = low;
    draft.high = upper.value;
    draft.value = upper.value;
    draft.last = upper.last;
    if (joined)
        --draft.first;
    return true;
}

struct DateRef {
    std::size_t first = 0, last = 0;
    std::string time;  // "2020", "2018-04", "2016/2017"
    double year = 0;
};

// A time reference around the year at tokens[number.first]: "2014-2020", "from 2016 to 2017",
// "April 1999", "by the end of April, 2018", "June 4, 2019".
DateRef readDate(const std::vector<Token>& tokens, const ParsedNumber& number) {
    DateRef date{number.first, number.last, fmt::format("{}", static_cast<int>(number.value)), number.value};
    // Month (and day) before: "April 1999", "April, 2018", "June 4, 2019", "4 June 2019".
    std::size_t m = number.first;
    if (m > 0 && tokens[m - 1].text == ",")
        --m;
    int day = 0;
    if (m > 0 && tokens[m - 1].kind == Token::Number && tokens[m - 1].digits <= 2 && m >= 2 &&
        monthOf(tokens[m - 2])) {
        day = static_cast<int>(tokens[m - 1].number);
        --m;
    }
    if (m > 0 && monthOf(tokens[m - 1])) {
        const int month = monthOf(tokens[m - 1]);
        date.first = m - 1;
        if (day == 0 && date.first > 0 && tokens[date.first - 1].kind == Token::Number &&
            tokens[date.first - 1].digits <= 2) {
            day = static_cast<int>(tokens[date.first - 1].number);
            --date.first;
        }
        date.time = day >= 1 && day <= 31 ? fmt::format("{}-{:02}-{:02}", date.time, month, day)
                                          : fmt::format("{}-{:02}", date.time, month);
        return date;
    }
    // A range of years: "2014-2020", "2014-15", "from 2016 to 2017", "between 2001 and 2002".
    std::size_t j = number.last + 1;
    const bool between = number.first > 0 && isWordAt(tokens, number.first - 1, "between");
    if (j + 1 < tokens.size() &&
        (isDash(tokens, j) || isWordAt(tokens, j, "to") || (between && isWordAt(tokens, j, "and")))) {
        const Token& end = tokens[j + 1];
        if (end.kind == Token::Number && end.suffix.empty() && !end.separators && !end.decimal) {
            double endYear = end.number;
            if (end.digits == 2)
                endYear += std::floor(number.value / 100) * 100;
            if (end.digits == 4 || end.digits == 2)
                if (endYear > number.value && endYear <= 2100) {
                    date.last = j + 1;
                    date.time =
                        fmt::format("{}/{}", static_cast<int>(number.value), static_cast<int>(endYear));
                    date.year = endYear;
                }
        }
    }
    return date;
}

// "one-year" → (1, "years"); nothing for other words.
std::optional<std::pair<double, std::string>> hyphenatedDuration(const Token& token) {
    const auto dash = token.text.find('-');
    if (token.kind != Token::Word || dash == std::string_view::npos)
        return std::nullopt;
    Token left = token, right = token;
    left.text = token.text.substr(0, dash);
    right.text = token.text.substr(dash + 1);
    const std::string_view unit = durationWord(right);
    if (unit.empty())
        return std::nullopt;
    std::vector<Token> one{left};
    const auto number = parseNumber(one, 0);
    if (!number || number->fraction || number->vague)
        return std::nullopt;
    return std::pair{number->value, std::string(unit)};
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

// Is tokens[i] part of a web address (from "http", "https" or "www" to the next white space)?
bool insideUrl(const std::vector<Token>& tokens, std::size_t i) {
    for (std::size_t k = i + 1; k-- > 0;) {
        if (isAnyOf(tokens[k], {"http", "https", "www"}))
            return true;
        if (tokens[k].spaceBefore)
            return false;
    }
    return false;
}

std::string spanText(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                     std::size_t last) {
    const std::uint32_t end = tokens[last].span.end;
    return std::string(text.substr(tokens[first].span.begin, end - tokens[first].span.begin));
}

// Converts byte offsets to code points, for offsets that never go back before the last sentence start.
class CodePointCounter {
public:
    explicit CodePointCounter(std::string_view text) : m_text(text) {}
    std::int64_t at(std::size_t byte) {
        if (byte < m_byte) {  // inside the current sentence: count from its start
            return m_base + count(m_baseByte, byte);
        }
        m_codePoint += count(m_byte, byte);
        m_byte = byte;
        return m_codePoint;
    }
    void anchor(std::size_t byte) {
        m_base = at(byte);
        m_baseByte = byte;
    }

private:
    std::int64_t count(std::size_t from, std::size_t to) const {
        std::int64_t n = 0;
        for (std::size_t i = from; i < to; ++i)
            n += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80;
        return n;
    }
    std::string_view m_text;
    std::size_t m_byte = 0, m_baseByte = 0;
    std::int64_t m_codePoint = 0, m_base = 0;
};

}  // namespace

std::vector<Figure> extractFigures(std::string_view text) {
    std::vector<Figure> figures;
    const std::vector<Span> sentences = splitSentences(text);
    std::vector<Token> tokens, previous;
    CodePointCounter offsets(text);

    for (const Span& sentence : sentences) {
        previous.swap(tokens);
        tokenize(text, sentence, tokens);
        offsets.anchor(sentence.begin);
        const CodePointRange sentenceRange{offsets.at(sentence.begin), offsets.at(sentence.end)};
        std::vector<DateRef> dates;
        std::vector<Draft> drafts;

        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (insideUrl(tokens, i))
                continue;
            // "a one-year ban", "a ten-day visit": a duration in one word.
            if (const auto duration = hyphenatedDuration(tokens[i])) {
                Draft draft;
                draft.first = draft.last = i;
                draft.value = duration->first;
                draft.kind = FigureKind::Duration;
                draft.unit = duration->second;
                drafts.push_back(draft);
                continue;
            }
            const auto number = parseNumber(tokens, i);
            if (!number)
                continue;
            if (isEmbedded(tokens, *number) || isQuoted(tokens, *number)) {
                i = number->last;
                continue;
            }
            std::size_t currencyLength = 0;
            const auto currency = currencyBefore(tokens, number->first, currencyLength);
            if (number->year && !currency && !countsSomething(tokens, *number)) {
                DateRef date = readDate(tokens, *number);
                dates.push_back(date);
                i = date.last;
                continue;
            }
            // A day of a month ("June 4") belongs to the date; read it with its year, if any.
            if (!number->spelled && tokens[i].digits <= 2 &&
                ((i > 0 && monthOf(tokens[i - 1])) || (i + 1 < tokens.size() && monthOf(tokens[i + 1])))) {
                i = number->last + (i + 1 < tokens.size() && monthOf(tokens[i + 1]) ? 1 : 0);
                continue;
            }

            Draft draft;
            draft.first = number->first;
            draft.last = number->last;
            draft.value = number->value * (number->fraction ? 100 : 1);
            if (currency) {
                draft.kind = FigureKind::Money;
                draft.unit = currency->code;
                draft.first -= currencyLength;
            }
            // A sign glued to the digits.
            if (!currency && number->first > 0 && !tokens[number->first].spaceBefore &&
                (tokens[number->first - 1].text == "-" || tokens[number->first - 1].text == "\xE2\x88\x92") &&
                (number->first == 1 || tokens[number->first - 1].spaceBefore)) {
                draft.value = -*draft.value;
                draft.first -= 1;
            }
            readUnit(tokens, draft, *number);

            // "1 in 10", "one in ten": a share.
            if (draft.kind == FigureKind::Count && isWordAt(tokens, draft.last + 1, "in") &&
                draft.last + 2 < tokens.size()) {
                const auto of = parseNumber(tokens, draft.last + 2);
                if (of && of->value > *draft.value && !of->year) {
                    draft.value = *draft.value / of->value * 100;
                    draft.kind = FigureKind::Percent;
                    draft.unit = "percent";
                    draft.last = of->last;
                }
            }
            const std::string_view opener = draft.first == 0 ? std::string_view()
                                            : isWordAt(tokens, draft.first - 1, "between") ? "between"
                                            : isWordAt(tokens, draft.first - 1, "from")    ? "from"
                                                                                        : std::string_view();
            const bool range = readRange(tokens, draft, *number, opener);
            if (!range)
                readQualifier(tokens, draft);
            if (number->vague && !draft.low)
                draft.low = draft.value;

            // "one" alone is a pronoun or an article far more often than a figure.
            if (number->bareOne && draft.kind == FigureKind::Count && !range)
                continue;
            if (number->spelled && draft.kind == FigureKind::Count && !range &&
                draft.first == number->first &&
                (isWordAt(tokens, draft.last + 1, "of") && isWordAt(tokens, draft.last + 2, "the")))
                continue;  // "two of the", "one of the": a part, not a figure
            // A number in words that counts nothing named ("the two above-mentioned"), or "one day" meaning
            // some day, says too little to be a figure.
            const bool plain = draft.kind == FigureKind::Count && !range && draft.first == number->first &&
                               !draft.low && !draft.high && !draft.approximate;
            if (number->spelled && plain && !number->vague && *draft.value != 0 &&
                draft.last + 1 < tokens.size() && tokens[draft.last + 1].kind == Token::Word &&
                !isAnyOf(tokens[draft.last + 1], {"and", "or", "of", "to"}) &&
                subjectAt(text, tokens, draft.last + 1).empty())
                continue;
            // "1m", "2b" without a currency: metres and bytes as often as millions and billions; "10k",
            // "10M" and "5B" are read as thousands, millions and billions.
            const Token& digits = tokens[number->first];
            if (digits.kind == Token::Number && (digits.suffix == "m" || digits.suffix == "b") && !currency &&
                !(draft.last + 1 < tokens.size() && tokens[draft.last + 1].kind == Token::Word &&
                  !subjectAt(text, tokens, draft.last + 1).empty() &&
                  tokens[draft.last + 1].text.find('\'') == std::string_view::npos &&
                  tokens[draft.last + 1].text.find("\xE2\x80\x99") == std::string_view::npos))
                continue;
            if (number->bareOne && draft.unit == "days" && !range)
                continue;
            drafts.push_back(draft);
            i = draft.last;
        }

        joinBounds(tokens, drafts);
        for (const Draft& draft : drafts) {
            Figure figure;
            figure.range = {offsets.at(tokens[draft.first].span.begin),
                            offsets.at(tokens[draft.last].span.end)};
            figure.text = spanText(text, tokens, draft.first, draft.last);
            figure.value = draft.value;
            figure.low = draft.low;
            figure.high = draft.high;
            figure.approximate = draft.approximate;
            figure.unit = draft.unit;
            figure.kind = draft.kind;
            figure.subject = subjectAt(text, tokens, draft.last + 1);
            figure.source = sourceOf(tokens, previous);
            // The nearest time reference in the sentence: a date, or a word such as "today".
            std::size_t best = SIZE_MAX;
            for (const DateRef& date : dates) {
                const std::size_t distance = date.first > draft.last
                                                 ? date.first - draft.last
                                                 : draft.first - std::min(draft.first, date.last);
                if (distance < best) {
                    best = distance;
                    figure.time = date.time;
                }
            }
            for (std::size_t t = 0; t < tokens.size(); ++t) {
                const std::size_t distance =
                    t > draft.last ? t - draft.last : draft.first - std::min(draft.first, t);
                if (isNowWord(tokens[t]) && distance < best) {
                    best = distance;
                    figure.time = "today";
                }
            }
            figure.sentence = sentenceRange;
            figures.push_back(std::move(figure));
        }
        for (const DateRef& date : dates) {
            Figure figure;
            figure.range = {offsets.at(tokens[date.first].span.begin),
                            offsets.at(tokens[date.last].span.end)};
            figure.text = spanText(text, tokens, date.first, date.last);
            figure.value = date.year;
            figure.kind = FigureKind::Date;
            figure.time = date.time;
            figure.sentence = sentenceRange;
            figures.push_back(std::move(figure));
        }
        std::sort(figures.end() - static_cast<std::ptrdiff_t>(drafts.size() + dates.size()), figures.end(),
                  [](const Figure& a, const Figure& b) { return a.range.start < b.range.start; });
    }
    return figures;
}

}  // namespace claimtrack
