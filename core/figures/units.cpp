// Units around a number: currency before it; percent, currency words, durations, points after it.
#include "draft.h"

#include <fmt/format.h>

namespace claimtrack::figures {

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

}  // namespace claimtrack::figures
