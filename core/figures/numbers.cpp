#include "numbers.h"
#include "draft.h"

#include <cmath>

#include <algorithm>
#include <array>
#include <string>

namespace claimtrack::figures {

namespace {

// value * scale, without the binary rounding error a decimal picks up on the way: 11.14 million is
// 11140000, not 11139999.999999998.
double scaled(double value, double scale) {
    const double product = value * scale;
    const double whole = std::round(product);
    return std::abs(product - whole) <= std::abs(product) * 1e-12 ? whole : product;
}

constexpr std::array<std::string_view, 20> kUnits{"zero",    "one",     "two",       "three",    "four",
                                                  "five",    "six",     "seven",     "eight",    "nine",
                                                  "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                                  "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens{"twenty", "thirty",  "forty",  "fifty",
                                                "sixty",  "seventy", "eighty", "ninety"};

// A word in lower case (ASCII), kept on the stack: this runs for many words of every article, and a
// std::string with the C library's tolower for each was a fifth of the finder's time. Words longer than any
// number word come out empty, which matches none.
class Lowered {
public:
    explicit Lowered(std::string_view text) {
        if (text.size() > sizeof m_buffer)
            return;
        for (const char c : text)
            m_buffer[m_size++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
    }
    std::string_view view() const { return {m_buffer, m_size}; }

private:
    char m_buffer[24];
    std::size_t m_size = 0;
};

bool endsWithS(std::string_view word) {
    return !word.empty() && (word.back() | 0x20) == 's';
}

// The value of a number word ("seven", "forty", "twenty-five"), or -1.
int wordValue(std::string_view word) {
    const Lowered lowered(word);
    const std::string_view w = lowered.view();
    // Number words start with one of these letters; most words of an article do not.
    if (w.empty() || std::string_view("zotfsen").find(w[0]) == std::string_view::npos)
        return -1;
    for (std::size_t i = 0; i < kUnits.size(); ++i)
        if (w[0] == kUnits[i][0] && w == kUnits[i])
            return static_cast<int>(i);
    for (std::size_t i = 0; i < kTens.size(); ++i) {
        if (w[0] != kTens[i][0])
            continue;
        if (w == kTens[i])
            return static_cast<int>(20 + 10 * i);
        if (w.starts_with(kTens[i]) && w.size() > kTens[i].size() + 1 && w[kTens[i].size()] == '-') {
            const int unit = wordValue(w.substr(kTens[i].size() + 1));
            if (unit >= 1 && unit <= 9)
                return static_cast<int>(20 + 10 * i) + unit;
        }
    }
    if (w == "nought" || w == "naught" || w == "nil")
        return 0;
    return -1;
}

// "half" 0.5, "third"/"thirds" 1/3, "quarter"/"quarters" 0.25; 0 when none.
double fractionOf(std::string_view word) {
    const Lowered lowered(word);
    const std::string_view w = lowered.view();
    if (w == "half" || w == "halves")
        return 0.5;
    if (w == "third" || w == "thirds")
        return 1.0 / 3;
    if (w == "quarter" || w == "quarters" || w == "fourth" || w == "fourths")
        return 0.25;
    static constexpr std::array<std::string_view, 6> kParts{"fifth",  "sixth", "seventh",
                                                            "eighth", "ninth", "tenth"};
    for (std::size_t i = 0; i < kParts.size(); ++i)
        if (w == kParts[i] ||
            (w.size() == kParts[i].size() + 1 && w.starts_with(kParts[i]) && w.back() == 's'))
            return 1.0 / static_cast<double>(i + 5);
    return 0;
}

// "hundreds" 100 … "billions" 1e9: numbers meant loosely, or 0.
double vagueScaleOf(std::string_view word) {
    const Lowered lowered(word);
    const std::string_view w = lowered.view();
    if (w == "dozens")
        return 12;
    if (w == "hundreds")
        return 100;
    if (w == "thousands")
        return 1e3;
    if (w == "millions")
        return 1e6;
    if (w == "billions")
        return 1e9;
    return 0;
}

bool isWord(const std::vector<Token>& tokens, std::size_t i) {
    return i < tokens.size() && tokens[i].kind == Token::Word;
}

}  // namespace

double scaleOf(std::string_view word) {
    const Lowered lowered(word);
    const std::string_view w = lowered.view();
    if (w == "thousand" || w == "k")
        return 1e3;
    if (w == "million" || w == "mn" || w == "m" || w == "mln")
        return 1e6;
    if (w == "billion" || w == "bn" || w == "b" || w == "bln")
        return 1e9;
    if (w == "trillion" || w == "tn" || w == "trn" || w == "tln")
        return 1e12;
    if (w == "crore")
        return 1e7;  // Indian numbering: "Rs 500 crore"
    if (w == "lakh")
        return 1e5;
    return 0;
}

namespace {

// The words a number in words can start with (for "twenty-five", "one-third": the part before the dash).
// Every word of an article is asked; looked up here, "the", "of" and "said" never reach the number-word
// readers.
constexpr std::array<std::string_view, 53> kNumberStarts{
    "a",       "an",       "billion",  "billions", "bln",    "dozens",   "eight",     "eighteen", "eighty",
    "eleven",  "few",      "fifteen",  "fifty",    "five",   "forty",    "four",      "fourteen", "half",
    "hundred", "hundreds", "million",  "millions", "mln",    "naught",   "nil",       "nine",     "nineteen",
    "ninety",  "nought",   "one",      "quarter",  "scores", "seven",    "seventeen", "seventy",  "several",
    "six",     "sixteen",  "sixty",    "ten",      "tens",   "thirteen", "thirty",    "thousand", "thousands",
    "three",   "tln",      "trillion", "trn",      "twelve", "twenty",   "two",       "zero"};
static_assert(std::is_sorted(kNumberStarts.begin(), kNumberStarts.end()));

bool mayStartNumber(std::string_view word) {
    const Lowered lowered(word.substr(0, word.find('-')));
    return std::binary_search(kNumberStarts.begin(), kNumberStarts.end(), lowered.view());
}

}  // namespace

int monthOf(const Token& token) {
    static constexpr std::array<std::string_view, 12> kMonths{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (token.kind != Token::Word || !startsUpper(token))
        return 0;  // "may" the verb, "march" the noun
    const Lowered lowered(token.text);
    const std::string_view w = lowered.view();
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (w == kMonths[i] || (w.size() == 3 && kMonths[i].starts_with(w) && w != "may") ||
            (w == "sept" && i == 8))
            return static_cast<int>(i + 1);
    return 0;
}

// Number words from tokens[at] on (digits of up to three figures may stand in for words):
// "one hundred and five", "twenty-five million", "two thirds", "hundred thousand", "3 hundred and 21".
// `number` holds what the caller read so far; `article` when "a"/"an" came first.
// "billions" → "billion": scale words after a count may be plural.
std::string_view singular(std::string_view word) {
    if (word.size() > 4 && (word.back() == 's' || word.back() == 'S'))
        word.remove_suffix(1);
    return word;
}

// "two thirds of a million": a share of a scale is a number, not a percentage.
ParsedNumber ofScale(const std::vector<Token>& tokens, ParsedNumber number) {
    const std::size_t j = number.last;
    if (j + 3 < tokens.size() && is(tokens[j + 1], "of") &&
        (is(tokens[j + 2], "a") || is(tokens[j + 2], "an")) && tokens[j + 3].text.size() > 2 &&
        scaleOf(tokens[j + 3].text) >= 1e3) {
        number.value = scaled(number.value, scaleOf(tokens[j + 3].text));
        number.fraction = false;
        number.last = j + 3;
    }
    return number;
}

std::optional<ParsedNumber> parseWords(const std::vector<Token>& tokens, std::size_t at, ParsedNumber number,
                                       bool article) {
    const std::size_t i = number.first;
    const Token& token = tokens[i];
    // Number words: "one hundred and five", "twenty-five million", "two thirds", "hundred thousand".
    double total = 0, current = article ? 1 : 0;
    bool any = article;
    std::size_t last = i;
    for (std::size_t j = at; j < tokens.size(); ++j) {
        const Token& word = tokens[j];
        const bool smallDigits = word.kind == Token::Number && !word.decimal && !word.separators &&
                                 word.suffix.empty() && word.digits <= 3;
        if (word.kind != Token::Word && !smallDigits)
            break;
        if (const int v = smallDigits ? static_cast<int>(word.number) : wordValue(word.text); v >= 0) {
            if (smallDigits && any && static_cast<long long>(current) % 100 != 0)
                break;
            const long long whole = static_cast<long long>(current);
            const bool tensThenUnit = whole % 10 == 0 && whole % 100 >= 20 && v < 10;
            if (any && whole != 0 && whole % 100 != 0 && !tensThenUnit)
                break;  // "five six" is two numbers
            if (any && whole % 100 != 0 && v >= 10)
                break;
            current += v;
        } else if (is(word, "hundred") &&
                   (current < 100 || (j == at + 1 && current < 1000))) {  // "322 hundred"
            current = (current == 0 ? 1 : current) * 100;
        } else if (const double scale = scaleOf(singular(word.text));
                   scale >= 1e3 && word.text.size() > 2 && (any || word.text.back() != 's')) {
            if (current == 0 && total > 0 && scale > total)
                total *= scale;  // "three thousand millions"
            else
                total += (current == 0 ? 1 : current) * scale;  // "three billions" too
            current = 0;
        } else if (isAnyOf(word, {"dozen", "dozens"}) && any) {
            current = (current == 0 ? 1 : current) * 12;  // "three dozen", "half a dozen" below
        } else if (is(word, "and") && j + 2 < tokens.size() && fractionOf(tokens[j + 2].text) > 0 &&
                   (is(tokens[j + 1], "a") || wordValue(tokens[j + 1].text) > 0)) {
            break;  // "two million and three fifths": the part is read after the whole number
        } else if (is(word, "and") && any && j + 1 < tokens.size() &&
                   (wordValue(tokens[j + 1].text) > 0 ||
                    (tokens[j + 1].kind == Token::Number && tokens[j + 1].digits <= 3 &&
                     !tokens[j + 1].decimal)) &&
                   (total > 0 || current >= 100)) {
            continue;  // "one hundred and five"
        } else if (const double fraction = fractionOf(word.text); fraction > 0 && any && total == 0 &&
                                                                  current > 0 && current < 1000 &&
                                                                  endsWithS(word.text) == (current > 1)) {
            number.value = current * fraction;  // "two thirds", "one third"
            number.fraction = true;
            number.last = j;
            return ofScale(tokens, number);
        } else {
            break;
        }
        any = true;
        last = j;
    }
    if (!any || (last == i && article))
        return std::nullopt;
    number.value = total + current;
    number.last = last;
    // "two and a half", "one and a half million", "twenty and three fifths", "six million and two thirds"
    if ((current > 0 || total > 0) && last + 3 < tokens.size() && is(tokens[last + 1], "and")) {
        const Token& count = tokens[last + 2];
        const double parts = is(count, "a") ? 1 : wordValue(count.text);
        const Token& part = tokens[last + 3];
        if (parts >= 1 && parts < 10 && fractionOf(part.text) > 0 && endsWithS(part.text) == (parts > 1)) {
            const double share = parts * fractionOf(part.text);
            const double unit = current > 0 ? 1 : scaleOf(tokens[last].text);  // "three million and a half"
            number.value += share * (unit > 0 ? unit : 1);
            number.last = last + 3;
            if (total == 0 && last + 4 < tokens.size() && tokens[last + 4].text.size() > 2 &&
                scaleOf(tokens[last + 4].text) >= 1e3) {
                number.value *= scaleOf(tokens[last + 4].text);  // "one and a half million"
                number.last = last + 4;
            }
        }
    }
    number.bareOne = number.last == i && is(token, "one");
    return number;
}

std::optional<ParsedNumber> parseNumber(const std::vector<Token>& tokens, std::size_t i) {
    const Token& token = tokens[i];
    ParsedNumber number;
    number.first = number.last = i;

    if (token.kind == Token::Number) {
        number.value = token.number;
        if (!token.suffix.empty()) {
            const double scale = scaleOf(token.suffix);
            if (unitSuffix(token.suffix) || (token.suffix == "m" && readsAsMetres(tokens, i)))
                number.gluedUnit = token.suffix;
            else if (scale == 0 || token.suffix.size() > 3)
                return std::nullopt;  // "5th", "1980s", "3D": not a number on its own
            else
                number.value = scaled(number.value, scale);
        } else if (i + 1 < tokens.size() && tokens[i + 1].kind == Token::Word) {
            const Token& next = tokens[i + 1];
            const double scale = scaleOf(next.text);
            if (!token.decimal && !token.separators && token.digits <= 3 &&
                (is(next, "hundred") || (scale >= 1e3 && next.text.size() > 2))) {
                // "3 hundred and 21", "4 thousand 3 hundred": digits inside number words
                if (auto mixed = parseWords(tokens, i, number, false))
                    return mixed;
            }
            // "1.4 billion", "8 B", "2 bn"; not "5 m" (metres) or "5 b"
            if (scale >= 1e3 &&
                (next.text.size() > 2 || isAnyOf(next, {"bn", "mn", "tn"}) || next.text == "B")) {
                number.value = scaled(number.value, scale);
                number.last = i + 1;
            } else if (is(next, "hundred") || isAnyOf(next, {"dozen", "dozens"})) {
                number.value *= is(next, "hundred") ? 100 : 12;
                number.last = i + 1;
            }
        }
        number.year = token.digits == 4 && !token.separators && !token.decimal && token.suffix.empty() &&
                      number.last == i && token.number >= 1000 && token.number <= 2100;
        return number;
    }
    if (token.kind != Token::Word)
        return std::nullopt;
    // Most words cannot start a number: their first letter, or one look-up, says so.
    const char first = static_cast<char>(token.text[0] | 0x20);
    if (std::string_view("abdefhmnoqstz").find(first) == std::string_view::npos ||
        !mayStartNumber(token.text))
        return std::nullopt;

    number.spelled = true;
    // "a million", "a dozen", "a third", "a half", "half"
    std::size_t at = i;
    const bool article = is(token, "a") || is(token, "an");
    if (article && !(isWord(tokens, i + 1) && is(tokens[i + 1], "few"))) {
        if (!isWord(tokens, i + 1))
            return std::nullopt;
        const Token& next = tokens[i + 1];
        if (const double fraction = fractionOf(next.text); fraction > 0 && !is(next, "halves")) {
            number.value = fraction;
            number.fraction = true;
            number.last = i + 1;
            return ofScale(tokens, number);
        }
        if (is(next, "dozen")) {
            number.value = 12;
            number.last = i + 1;
            return number;
        }
        if (!isAnyOf(next, {"hundred", "thousand", "million", "billion", "trillion"}))
            return std::nullopt;
        at = i + 1;
    }
    // "half a million", "half million", "quarter million"
    if (isAnyOf(token, {"half", "quarter"})) {
        std::size_t k = i + 1;
        if (k < tokens.size() && is(tokens[k], "a"))
            ++k;
        if (k < tokens.size() && tokens[k].text.size() > 2 && scaleOf(tokens[k].text) >= 1e3) {
            number.value = fractionOf(token.text) * scaleOf(tokens[k].text);
            number.last = k;
            return number;
        }
    }
    // "one-eighth", "three-quarters"
    if (const auto dash = token.text.find('-'); dash != std::string_view::npos) {
        const int count = wordValue(token.text.substr(0, dash));
        const double part = fractionOf(token.text.substr(dash + 1));
        if (count >= 1 && count < 10 && part > 0) {
            number.value = count * part;
            number.fraction = true;
            return number;
        }
    }
    if (is(token, "half")) {
        if (i + 2 < tokens.size() && is(tokens[i + 1], "a") && is(tokens[i + 2], "dozen")) {
            number.value = 6;
            number.last = i + 2;
            return number;
        }
        number.value = 0.5;
        number.fraction = true;
        return number;
    }
    // "thousands", "hundreds of millions", "tens of thousands", "several thousand", "a few hundred",
    // "dozens", "scores of": a range from two of the magnitude to ten ("hundreds": 200 to 1,000), dozens and
    // scores below a hundred.
    auto vagueRange = [&](double magnitude, std::size_t last) {
        number.value = 2 * magnitude;
        number.vagueHigh = magnitude < 100 ? 100 : 10 * magnitude;
        number.vague = true;
        number.last = last;
        return number;
    };
    if (const double vague = vagueScaleOf(token.text); vague > 0) {
        if (i + 2 < tokens.size() && is(tokens[i + 1], "of"))
            if (const double more = vagueScaleOf(tokens[i + 2].text); more >= 1e3)
                return vagueRange(vague * more, i + 2);
        return vagueRange(vague, i);
    }
    if (is(token, "tens") && i + 2 < tokens.size() && is(tokens[i + 1], "of") &&
        vagueScaleOf(tokens[i + 2].text) >= 1e3)
        return vagueRange(10 * vagueScaleOf(tokens[i + 2].text), i + 2);
    if (is(token, "scores") && isWord(tokens, i + 1) && is(tokens[i + 1], "of") &&
        (i == 0 || !isAnyOf(tokens[i - 1], {"the", "their", "its", "his", "her", "credit", "test", "our"})))
        return vagueRange(20, i);
    // "several thousand", "a few hundred"
    const std::size_t few = article && isWord(tokens, i + 1) && is(tokens[i + 1], "few") ? i + 1 : i;
    if ((is(token, "several") || is(tokens[few], "few")) && isWord(tokens, few + 1) &&
        (is(tokens[few + 1], "hundred") || scaleOf(tokens[few + 1].text) >= 1e3) &&
        tokens[few + 1].text.size() > 2)
        return vagueRange(is(tokens[few + 1], "hundred") ? 100 : scaleOf(tokens[few + 1].text), few + 1);

    if (auto words = parseWords(tokens, at, number, article))
        return words;
    return std::nullopt;
}

}  // namespace claimtrack::figures
