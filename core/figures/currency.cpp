// Currencies as news writes them: signs and codes before the number ("$", "US$", "$US", "A$", "HK$", "£",
// "Y=", "RM", "Rs", "USD", "EUR 50m"), and names after it ("dollars", "Hong Kong dollars", "U.S. dollars",
// "yen", "rupees", "AUD").
#include "draft.h"

#include <algorithm>
#include <array>

namespace claimtrack::figures {

namespace {

struct Code {
    std::string_view spelling;  // as written, compared without case
    std::string_view code;      // ISO 4217
};

// ISO codes written as words before or after the number, and the few local abbreviations news uses.
constexpr std::array kCodes{
    Code{"usd", "USD"}, Code{"eur", "EUR"}, Code{"gbp", "GBP"}, Code{"jpy", "JPY"}, Code{"cny", "CNY"},
    Code{"rmb", "CNY"}, Code{"inr", "INR"}, Code{"aud", "AUD"}, Code{"cad", "CAD"}, Code{"chf", "CHF"},
    Code{"hkd", "HKD"}, Code{"sgd", "SGD"}, Code{"nzd", "NZD"}, Code{"myr", "MYR"}, Code{"krw", "KRW"},
    Code{"brl", "BRL"}, Code{"twd", "TWD"}, Code{"rub", "RUB"}, Code{"zar", "ZAR"}, Code{"sek", "SEK"},
    Code{"nok", "NOK"}, Code{"dkk", "DKK"}, Code{"mxn", "MXN"}, Code{"rm", "MYR"},  Code{"rs", "INR"},
};

// The letters written with a dollar sign, before it ("A$", "HK$") or after it ("$A", "$US").
constexpr std::array kDollars{Code{"us", "USD"}, Code{"a", "AUD"},  Code{"au", "AUD"}, Code{"c", "CAD"},
                              Code{"ca", "CAD"}, Code{"s", "SGD"},  Code{"hk", "HKD"}, Code{"nz", "NZD"},
                              Code{"r", "BRL"},  Code{"nt", "TWD"}, Code{"m", "MXN"}};

// Currency signs other than the dollar.
constexpr std::array kSigns{Code{"\xC2\xA3", "GBP"}, Code{"\xE2\x82\xAC", "EUR"}, Code{"\xE2\x82\xB9", "INR"},
                            Code{"\xE2\x82\xA9", "KRW"}, Code{"\xE2\x82\xBD", "RUB"}};

// Names after the number: the word, and the words that may come before it to name another country's unit.
struct Name {
    std::string_view word;
    std::string_view code;
};
constexpr std::array kNames{
    Name{"dollars", "USD"}, Name{"dollar", "USD"},  Name{"yuan", "CNY"},   Name{"renminbi", "CNY"},
    Name{"euros", "EUR"},   Name{"euro", "EUR"},    Name{"pounds", "GBP"}, Name{"sterling", "GBP"},
    Name{"yen", "JPY"},     Name{"rupees", "INR"},  Name{"rupee", "INR"},  Name{"francs", "CHF"},
    Name{"ringgit", "MYR"}, Name{"roubles", "RUB"}, Name{"rubles", "RUB"}, Name{"reais", "BRL"},
};
struct Country {
    std::initializer_list<std::string_view> words;  // before "dollars"
    std::string_view code;
};
const Country kDollarCountries[] = {
    {{"hong", "kong"}, "HKD"}, {{"new", "zealand"}, "NZD"}, {{"australian"}, "AUD"},
    {{"canadian"}, "CAD"},     {{"singapore"}, "SGD"},      {{"taiwan"}, "TWD"},
    {{"us"}, "USD"},           {{"american"}, "USD"},       {{"u", ".", "s", "."}, "USD"},
};

std::string_view codeOf(const Token& token, const auto& table) {
    for (const Code& entry : table)
        if (is(token, entry.spelling))
            return entry.code;
    return {};
}

// "¥" is the yuan in reporting on China and the yen in reporting on Japan: the words around tokens[i] say
// which.
std::string_view yenOrYuan(const std::vector<Token>& tokens, std::size_t i) {
    return anyWordNear(tokens, i, 20, 20, {"japan", "japanese", "tokyo", "osaka", "yen", "nikkei"}) ? "JPY"
                                                                                                    : "CNY";
}

}  // namespace

std::optional<Currency> currencyBefore(const std::vector<Token>& tokens, std::size_t i, std::size_t& length) {
    if (i == 0)
        return std::nullopt;
    const Token& before = tokens[i - 1];
    length = 1;
    if (before.text == "$") {
        // "A$500", "HK$4.1", "US $89": letters before the sign name whose dollar it is.
        if (i >= 2 && tokens[i - 2].kind == Token::Word)
            if (const std::string_view code = codeOf(tokens[i - 2], kDollars);
                !code.empty() && (!before.spaceBefore || is(tokens[i - 2], "us"))) {
                length = 2;
                return Currency{code};
            }
        return Currency{"USD"};
    }
    if (before.kind == Token::Word) {
        // "$US4.2 billion", "$A3.1 billion": the letters glued between the sign and the digits.
        if (i >= 2 && tokens[i - 2].text == "$" && !before.spaceBefore && !tokens[i].spaceBefore)
            if (const std::string_view code = codeOf(before, kDollars); !code.empty()) {
                length = 2;
                return Currency{code};
            }
        if (const std::string_view code = codeOf(before, kCodes); !code.empty())
            return Currency{code};  // "USD10m", "EUR 50m", "RM2.5 million", "Rs 500"
        return std::nullopt;
    }
    // "Rs. 500"
    if (before.text == "." && i >= 2 && is(tokens[i - 2], "rs")) {
        length = 2;
        return Currency{"INR"};
    }
    // "Y=1.2 trillion": the wire services' yen.
    if (before.text == "=" && i >= 2 && tokens[i - 2].text == "Y" && !before.spaceBefore) {
        length = 2;
        return Currency{"JPY"};
    }
    if (before.text == "\xC2\xA5" || before.text == "\xEF\xBF\xA5")
        return Currency{yenOrYuan(tokens, i)};
    if (const std::string_view code = codeOf(before, kSigns); !code.empty())
        return Currency{code};
    return std::nullopt;
}

std::optional<Currency> currencyAfter(const std::vector<Token>& tokens, std::size_t j, std::size_t& last) {
    if (j >= tokens.size() || tokens[j].kind != Token::Word)
        return std::nullopt;
    // "Hong Kong dollars", "U.S. dollars", "Australian dollars".
    for (const Country& country : kDollarCountries) {
        std::size_t k = j;
        bool match = true;
        for (const std::string_view word : country.words)
            match = match && k < tokens.size() && is(tokens[k], word), ++k;
        if (match && isWordAt(tokens, k, "dollars")) {
            last = k;
            return Currency{country.code};
        }
    }
    if (isWordAt(tokens, j, "swiss") && isWordAt(tokens, j + 1, "francs")) {
        last = j + 1;
        return Currency{"CHF"};
    }
    last = j;
    if (is(tokens[j], "won") && j > 0 && scaleOf(tokens[j - 1].text) >= 1e3)
        return Currency{"KRW"};  // "2 million won"; after a bare number "won" is the verb
    // "208 pounds" is a weight where the sentence speaks of weight ("weighed", "heavier") or of what is
    // weighed ("pounds of beef"), and no scale makes it a sum ("40 million pounds").
    if (isAnyOf(tokens[j], {"pounds", "pound"}) &&
        (isWordAt(tokens, j + 1, "of") || anyWordNear(tokens, j, 12, 6,
                                                      {"weigh", "weighs", "weighed", "weighing", "weight",
                                                       "heavier", "lighter", "overweight"})) &&
        !(j > 0 && scaleOf(tokens[j - 1].text) >= 1e3))
        return std::nullopt;
    for (const Name& name : kNames)
        if (is(tokens[j], name.word))
            return Currency{name.code};
    // "400 million AUD": a code after the number, written in capitals.
    const bool capitals = std::all_of(tokens[j].text.begin(), tokens[j].text.end(),
                                      [](char c) { return c >= 'A' && c <= 'Z'; });
    if (capitals && tokens[j].text.size() == 3)
        if (const std::string_view code = codeOf(tokens[j], kCodes); !code.empty())
            return Currency{code};
    return std::nullopt;
}

}  // namespace claimtrack::figures
