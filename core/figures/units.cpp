// Units after a number: percent, currencies, durations, measures, points.
#include "draft.h"

#include <fmt/format.h>

namespace claimtrack::figures {

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
    if (isAnyOf(token, {"minute", "minutes"}))
        return "minutes";
    if (isAnyOf(token, {"second", "seconds"}))
        return "seconds";
    if (isAnyOf(token, {"decade", "decades"}))
        return "decades";
    return {};
}

// Reads units after tokens[draft.last]: percent, currency, duration, points, "out of N".
void readUnit(const std::vector<Token>& tokens, Draft& draft, const ParsedNumber& number) {
    // A unit glued to the digits: "256GB", "24pc", "118.5p", "120km/h".
    if (!number.gluedUnit.empty() && draft.kind == FigureKind::Count) {
        const auto glued =
            number.gluedUnit == "m" ? std::optional(MeasureUnit{"m"}) : unitSuffix(number.gluedUnit);
        draft.kind = glued->kind;
        draft.unit = glued->unit;
        const std::size_t slash = number.last + 1;
        if (glued->unit == "km" && isPerHour(tokens, slash) && !tokens[slash].spaceBefore) {
            draft.unit = "km/h";
            draft.last = slash + 1;
        }
        return;
    }
    std::size_t j = draft.last + 1;
    std::size_t last = j;
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
    } else if (const auto currency =
                   draft.kind == FigureKind::Money
                       ? std::nullopt
                       : currencyAfter(tokens, number.vague && isWordAt(tokens, j, "of") ? j + 1 : j,
                                       last)) {  // "millions of dollars" too
        draft.kind = FigureKind::Money;
        draft.unit = currency->code;
        draft.last = last;
    } else if (j < tokens.size() && !durationWord(tokens[j]).empty()) {
        draft.kind = FigureKind::Duration;
        draft.unit = durationWord(tokens[j]);
        draft.last = j;
    } else if (isDash(tokens, j) && !tokens[j].spaceBefore && j + 1 < tokens.size() &&
               !tokens[j + 1].spaceBefore && !durationWord(tokens[j + 1]).empty()) {
        draft.kind = FigureKind::Duration;  // "a 10-year plan"
        draft.unit = durationWord(tokens[j + 1]);
        draft.last = j + 1;
    } else if (const auto measure =
                   draft.kind == FigureKind::Count ? unitAfter(tokens, j, last) : std::nullopt) {
        draft.kind = measure->kind;
        draft.unit = measure->unit;
        draft.last = last;
    } else if (isWordAt(tokens, j, "points") || isWordAt(tokens, j, "point")) {
        draft.kind = FigureKind::Score;
        draft.unit = "points";
        draft.last = j;
    } else if (isWordAt(tokens, j, "out") && isWordAt(tokens, j + 1, "of") && j + 2 < tokens.size()) {
        // "nine out of ten shops" is a share; "scored 8 out of 10" a score.
        const auto of = parseNumber(tokens, j + 2);
        const std::size_t after = of ? of->last + 1 : j + 2;
        const bool counts =
            after < tokens.size() && tokens[after].kind == Token::Word &&
            !isAnyOf(tokens[after], {"points", "stars", "on", "in", "for", "at", "and", "or"});
        if (of && !of->year && of->value > 0 && (of->spelled || counts) && *draft.value <= of->value) {
            draft.kind = FigureKind::Percent;
            draft.unit = "percent";
            draft.value = *draft.value / of->value * 100;
            draft.last = of->last;
        } else if (tokens[j + 2].kind == Token::Number) {
            draft.kind = FigureKind::Score;
            draft.unit = fmt::format("out of {}", tokens[j + 2].text);
            draft.last = j + 2;
        }
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
    Token right = token;
    right.text = token.text.substr(dash + 1);
    const std::string_view unit = durationWord(right);
    if (unit.empty())
        return std::nullopt;
    const auto count = countInWord(token, token.text.substr(0, dash));
    if (!count)
        return std::nullopt;
    return std::pair{*count, std::string(unit)};
}

std::optional<double> countInWord(const Token& token, std::string_view part) {
    Token word = token;
    word.text = part;
    const std::vector<Token> one{word};
    const auto number = parseNumber(one, 0);
    if (!number || number->fraction || number->vague)
        return std::nullopt;
    return number->value;
}

void readSign(const std::vector<Token>& tokens, Draft& draft, std::size_t digits) {
    auto isSign = [&](std::size_t i) { return isMinusSign(tokens[i]); };
    // "$-50.8bn": the sign between the currency and the digits.
    if (draft.kind == FigureKind::Money && digits > draft.first && isSign(digits - 1) &&
        !tokens[digits].spaceBefore) {
        draft.value = -*draft.value;
        return;
    }
    const std::size_t first = draft.first;
    // "-12,000", "-$4.1 billion": a sign glued to what follows, after a space or at the start.
    if (first > 0 && isSign(first - 1) && !tokens[first].spaceBefore &&
        (first == 1 || tokens[first - 1].spaceBefore)) {
        draft.value = -*draft.value;
        draft.first -= 1;
    } else if (first > 0 && isWordAt(tokens, first - 1, "minus")) {
        draft.value = -*draft.value;
        draft.first -= 1;
    }
}

}  // namespace claimtrack::figures
