#include "figures.h"
#include "context.h"
#include "draft.h"
#include "lexer.h"
#include "numbers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>

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
    case FigureKind::Measure:
        return "measure";
    case FigureKind::Ratio:
        return "ratio";
    }
    return "count";
}

std::optional<FigureKind> figureKindNamed(std::string_view name) {
    for (const FigureKind kind :
         {FigureKind::Count, FigureKind::Percent, FigureKind::Money, FigureKind::Duration, FigureKind::Score,
          FigureKind::Date, FigureKind::Measure, FigureKind::Ratio})
        if (toString(kind) == name)
            return kind;
    return std::nullopt;
}

namespace {

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
            first.suffix.empty() && after + 1 < tokens.size() && !tokens[after + 1].spaceBefore)
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
        if (end.kind == Token::Number && end.suffix.empty() && !end.separators && !end.decimal &&
            (end.digits == 4 || isDash(tokens, j))) {  // "2014-15", but "from 20 mpg in 2008 to 29 mpg"
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

// Which tokens are part of a web address (from "http", "https" or "www" to the next white space), in one
// pass: asked token by token, looking back to the last space, a line of numbers without spaces took time
// in the square of its length.
std::vector<bool> tokensInUrls(const std::vector<Token>& tokens) {
    std::vector<bool> inUrl(tokens.size());
    bool open = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].spaceBefore)
            open = false;
        const char first = static_cast<char>(tokens[i].text[0] | 0x20);  // most words start otherwise
        open = open || ((first == 'h' || first == 'w') && isAnyOf(tokens[i], {"http", "https", "www"}));
        inUrl[i] = open;
    }
    return inUrl;
}

// Tokens between [first, last] and [otherFirst, otherLast]; none when they overlap.
std::size_t gap(std::size_t first, std::size_t last, std::size_t otherFirst, std::size_t otherLast) {
    return otherFirst > last ? otherFirst - last : first - std::min(first, otherLast);
}

// Which of `spans` (each with .first and .last: tokens, in order, none overlapping another) is nearest the
// tokens [first, last], the earlier of two as near; spans.size() when there are none. Found by binary search:
// looked for span by span for each figure, a sentence of many figures took time in the square of its length.
template <typename Spans>
std::size_t nearest(const Spans& spans, std::size_t first, std::size_t last) {
    // The spans that start at or before `last` end in order: the first of them to reach `first` overlaps.
    const auto after =
        std::partition_point(spans.begin(), spans.end(), [&](const auto& s) { return s.first <= last; });
    const auto overlapping =
        std::partition_point(spans.begin(), after, [&](const auto& s) { return s.last < first; });
    if (overlapping != after)
        return static_cast<std::size_t>(overlapping - spans.begin());
    std::size_t best = spans.size(), bestGap = SIZE_MAX;
    if (after != spans.begin()) {  // the nearest before
        best = static_cast<std::size_t>(after - spans.begin()) - 1;
        bestGap = gap(first, last, spans[best].first, spans[best].last);
    }
    if (after != spans.end() && gap(first, last, after->first, after->last) < bestGap)  // the nearest after
        best = static_cast<std::size_t>(after - spans.begin());
    return best;
}

std::string spanText(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                     std::size_t last) {
    const std::uint32_t end = tokens[last].span.end;
    return std::string(text.substr(tokens[first].span.begin, end - tokens[first].span.begin));
}

// Converts byte offsets to code points by walking from the last offset asked for, forward or back: asked in
// nearly increasing order (a sentence's figures, then its dates), the walks add up to a few passes over the
// text. Counting from the sentence's start for each figure took time in the square of a long sentence.
class CodePointCounter {
public:
    explicit CodePointCounter(std::string_view text) : m_text(text) {}
    std::int64_t at(std::size_t byte) {
        if (byte >= m_byte)
            m_codePoint += count(m_byte, byte);
        else
            m_codePoint -= count(byte, m_byte);
        m_byte = byte;
        return m_codePoint;
    }

private:
    std::int64_t count(std::size_t from, std::size_t to) const {
        std::int64_t n = 0;
        for (std::size_t i = from; i < to; ++i)
            n += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80;
        return n;
    }
    std::string_view m_text;
    std::size_t m_byte = 0;
    std::int64_t m_codePoint = 0;
};

}  // namespace

void forEachSentenceFigures(std::string_view text, const std::function<void(std::vector<Figure>&)>& found) {
    std::vector<Figure> figures;  // the sentence's
    const std::vector<Span> sentences = splitSentences(text);
    std::vector<Token> tokens, previous;
    // What the sentence before counted, and its last time, for a sentence that refers back to them ("the
    // total", "for the same year").
    std::string previousSubject, previousTime;
    FigureBase previousSurvey;  // the survey the sentence before described
    CodePointCounter offsets(text);

    for (const Span& sentence : sentences) {
        previous.swap(tokens);
        tokenize(text, sentence, tokens);
        const CodePointRange sentenceRange{offsets.at(sentence.begin), offsets.at(sentence.end)};
        std::vector<DateRef> dates;
        std::vector<Draft> drafts;
        figures.clear();

        const std::vector<bool> inUrl = tokensInUrls(tokens);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (inUrl[i])
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
            auto ratio = number ? readRatio(tokens, i) : std::nullopt;
            if (!ratio)
                ratio = readMultiplier(tokens, i, number);
            if (ratio) {
                readQualifier(tokens, *ratio);
                drafts.push_back(*ratio);
                i = ratio->last;
                continue;
            }
            if (!number)
                continue;
            std::size_t currencyLength = 0;
            auto currency = currencyBefore(tokens, number->first, currencyLength);
            // "$-50.8bn": the currency before the sign.
            if (!currency && number->first > 1 && isMinusSign(tokens[number->first - 1]) &&
                !tokens[number->first].spaceBefore && !tokens[number->first - 1].spaceBefore &&
                (currency = currencyBefore(tokens, number->first - 1, currencyLength)))
                ++currencyLength;
            // "USD10m", "$US4.2bn", "RM2.5": a currency glued to the digits is no identifier.
            if ((!currency && (isEmbedded(tokens, *number) || namesSomething(tokens, *number))) ||
                isQuoted(tokens, *number) || (number->spelled && isPartOfPeriod(tokens, i))) {
                i = number->last;
                continue;
            }
            if (const std::size_t score = scoreOfMatch(tokens, i)) {
                i = score;
                continue;
            }
            if (number->year && !currency && !countsSomething(tokens, *number)) {
                DateRef date = readDate(tokens, *number);
                dates.push_back(date);
                i = date.last;
                continue;
            }
            // A day of a month ("June 4") belongs to the date; read it with its year, if any.
            // "Oct. 31" too.
            const bool afterMonth = (i > 0 && monthOf(tokens[i - 1])) ||
                                    (i > 1 && isSymbol(tokens, i - 1, ".") && monthOf(tokens[i - 2]));
            if (!number->spelled && tokens[i].digits <= 2 &&
                (afterMonth || (i + 1 < tokens.size() && monthOf(tokens[i + 1])))) {
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
            readSign(tokens, draft, number->first);
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
            if (range)
                readApproximation(tokens, draft);
            else
                readQualifier(tokens, draft);
            // "aged 65 and over", "under age 18": years of age.
            if (draft.kind == FigureKind::Count && number->first > 0 &&
                isAnyOf(tokens[number->first - 1], {"age", "aged", "ages"})) {
                draft.kind = FigureKind::Duration;
                draft.unit = "years";
            }
            if (number->vague && !draft.low && !draft.high) {
                draft.low = draft.value;
                draft.high = draft.value = number->vagueHigh;
            }

            // "one" alone is a pronoun or an article far more often than a figure.
            if (number->bareOne && draft.kind == FigureKind::Count && !range)
                continue;
            if (number->spelled && draft.kind == FigureKind::Count && !range &&
                draft.first == number->first &&
                (isWordAt(tokens, draft.last + 1, "of") && isWordAt(tokens, draft.last + 2, "the")))
                continue;  // "two of the", "one of the": a part, not a figure
            // "the two cities", "these three firms": a reference back to things already named.
            if (number->spelled && draft.kind == FigureKind::Count && !range &&
                draft.first == number->first && number->value < 20 && number->first > 0 &&
                isAnyOf(tokens[number->first - 1], {"the", "these", "those", "both"}))
                continue;
            // A number in words that counts nothing named ("the two above-mentioned"), or "one day" meaning
            // some day, says too little to be a figure.
            const bool plain = draft.kind == FigureKind::Count && !range && draft.first == number->first &&
                               !draft.low && !draft.high && !draft.approximate;
            if (number->spelled && plain && !number->vague && *draft.value != 0 &&
                draft.last + 1 < tokens.size() && tokens[draft.last + 1].kind == Token::Word &&
                !isAnyOf(tokens[draft.last + 1], {"and", "or", "of", "to"}) &&
                subjectAt(text, tokens, draft.last + 1).empty())
                continue;
            // "1m", "2b" without a currency: metres and bytes as often as millions and billions, so only
            // before what they count ("2.7m viewers"); "a 100m sprint" is read as metres. "10k", "10M" and
            // "5B" are read as thousands, millions and billions.
            const Token& digits = tokens[number->first];
            if (digits.kind == Token::Number && (digits.suffix == "m" || digits.suffix == "b") && !currency &&
                number->gluedUnit.empty() &&
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
        readChanges(tokens, drafts);
        carryBoundsIntoConversions(tokens, drafts);
        // A figure in place: its words, its text, its sentence.
        auto placed = [&](std::size_t first, std::size_t last) {
            Figure figure;
            figure.range = {offsets.at(tokens[first].span.begin), offsets.at(tokens[last].span.end)};
            figure.text = spanText(text, tokens, first, last);
            figure.sentence = sentenceRange;
            return figure;
        };
        struct TokenSpan {
            std::size_t first, last;
        };
        std::vector<TokenSpan> nowWords, thenWords;  // "today"; "at the time" (the time just told)
        // Looked for only where there is a figure to give a time to: most sentences have none.
        for (std::size_t t = 0; t < (drafts.empty() ? 0 : tokens.size()); ++t)
            if (isNowWord(tokens[t]))
                nowWords.push_back({t, t});
            else if (is(tokens[t], "at") && isWordAt(tokens, t + 1, "the") && isWordAt(tokens, t + 2, "time"))
                thenWords.push_back({t, t + 2});
        const Attribution source = drafts.empty() ? Attribution() : sourceOf(tokens, previous);
        const std::vector<Saying> sayings = drafts.empty() ? std::vector<Saying>() : sayingsIn(tokens);
        std::size_t saying = 0;  // the sayings before the figure at hand: drafts come in text order
        // Whether a figure without a time of its own holds when the sentence before said: "for the same
        // year", or the sentence goes on with that one. Read once, and only when needed.
        std::optional<bool> takesPreviousTime;
        const auto previousTimeHolds = [&] {
            if (!takesPreviousTime) {
                bool sameYear = false;
                for (std::size_t t = 0; t + 1 < tokens.size() && !sameYear; ++t)
                    sameYear = is(tokens[t], "same") && is(tokens[t + 1], "year");
                takesPreviousTime = sameYear || refersToPrevious(tokens);
            }
            return *takesPreviousTime;
        };
        std::size_t previousLast = 0;  // where the words of the figure before end
        FigureBase sentenceBase;       // that of the last share with one
        BaseReader bases(text, tokens, drafts, previousSurvey);
        for (std::size_t at = 0; at < drafts.size(); ++at) {
            const Draft& draft = drafts[at];
            Figure figure = placed(draft.first, draft.last);
            figure.value = draft.value;
            figure.low = draft.low;
            figure.high = draft.high;
            figure.approximate = draft.approximate;
            figure.unit = draft.unit;
            figure.kind = draft.kind;
            figure.role = draft.role;
            // A share's subject is what it is a share of: "72 percent of respondents", "3 in 10 workers"; not
            // "60 percent perceive".
            const std::size_t next = draft.last + 1;
            const bool plural = next < tokens.size() && tokens[next].kind == Token::Word &&
                                tokens[next].text.ends_with('s') && !tokens[next].text.ends_with("ss");
            if (draft.kind != FigureKind::Percent || isWordAt(tokens, next, "of") || plural)
                figure.subject = subjectAt(text, tokens, next);
            if (figure.subject.empty() && draft.kind == FigureKind::Count)
                figure.subject =
                    subjectReferredTo(text, tokens, previousLast, draft.first, next, previousSubject);
            previousLast = draft.last + 1;
            while (saying < sayings.size() && sayings[saying].at < draft.first)
                ++saying;
            figure.source = reportedByNoOne(tokens, next) || estimatedByNoOne(tokens, draft.first, next)
                                ? std::string()
                            : saying > 0 ? sayings[saying - 1].party
                                         : source.source;
            if (figure.source == source.source)
                figure.via = source.via;
            // The nearest time reference in the sentence: a date, or a word such as "today" (the date, when
            // both are as near).
            std::size_t best = SIZE_MAX;
            if (const std::size_t d = nearest(dates, draft.first, draft.last); d < dates.size()) {
                best = gap(draft.first, draft.last, dates[d].first, dates[d].last);
                // "facilities built since 2017" are counted as they stand now
                figure.time = isWordAt(tokens, dates[d].first - 1, "since") ? "today" : dates[d].time;
            }
            if (const std::size_t n = nearest(nowWords, draft.first, draft.last);
                n < nowWords.size() &&
                gap(draft.first, draft.last, nowWords[n].first, nowWords[n].last) < best) {
                best = gap(draft.first, draft.last, nowWords[n].first, nowWords[n].last);
                figure.time = "today";
            }
            if (const std::size_t n = nearest(thenWords, draft.first, draft.last);
                n < thenWords.size() &&
                gap(draft.first, draft.last, thenWords[n].first, thenWords[n].last) < best)
                figure.time = previousTime.empty() ? "today" : previousTime;
            if (figure.time.empty() && !previousTime.empty() && previousTimeHolds())
                figure.time = previousTime;
            figure.base = bases.baseOf(at, figure.subject, figure.time);
            // "80 percent of respondents approve, 19 percent are neutral": a list of shares shares its base.
            if (draft.kind == FigureKind::Percent) {
                if (figure.base.of.empty())
                    figure.base = sentenceBase;
                else
                    sentenceBase = figure.base;
            }
            figures.push_back(std::move(figure));
        }
        previousSubject.clear();
        for (const Figure& figure : figures)
            if (figure.kind == FigureKind::Count && !figure.subject.empty())
                previousSubject = figure.subject;
        previousTime = dates.empty() ? std::string() : dates.back().time;
        previousSurvey = bases.surveyDescribed(previousTime);
        for (const DateRef& date : dates) {
            Figure figure = placed(date.first, date.last);
            figure.value = date.year;
            figure.kind = FigureKind::Date;
            figure.time = date.time;
            figures.push_back(std::move(figure));
        }
        // The sentence's figures and its dates, each in order: merged, not sorted (a list of 300,000 numbers
        // spent a tenth of its time sorting).
        std::inplace_merge(figures.begin(), figures.begin() + static_cast<std::ptrdiff_t>(drafts.size()),
                           figures.end(),
                           [](const Figure& a, const Figure& b) { return a.range.start < b.range.start; });
        if (!figures.empty())
            found(figures);
    }
}

std::vector<Figure> extractFigures(std::string_view text) {
    std::vector<Figure> all;
    forEachSentenceFigures(text, [&](std::vector<Figure>& figures) {
        all.insert(all.end(), std::make_move_iterator(figures.begin()),
                   std::make_move_iterator(figures.end()));
    });
    return all;
}

}  // namespace claimtrack
