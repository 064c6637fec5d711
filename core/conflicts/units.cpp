#include "units.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <utility>

namespace claimtrack {

namespace {

constexpr std::array<std::pair<UnitKind, std::string_view>, 5> kKindNames{{
    {UnitKind::Count, "count"},
    {UnitKind::Percent, "percent"},
    {UnitKind::Money, "money"},
    {UnitKind::Duration, "duration"},
    {UnitKind::Score, "score"},
}};

std::string lowercase(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

// Removes `word` and the spaces after it from the front of `text`.
bool consumeWord(std::string_view& text, std::string_view word) {
    if (!text.starts_with(word))
        return false;
    const std::string_view rest = text.substr(word.size());
    if (!rest.empty() && rest.front() != ' ')
        return false;
    text = rest.substr(std::min(rest.find_first_not_of(' '), rest.size()));
    return true;
}

bool isAnyOf(std::string_view text, std::initializer_list<std::string_view> words) {
    for (std::string_view word : words)
        if (text == word)
            return true;
    return false;
}

struct Currency {
    std::string_view code;
    std::array<std::string_view, 6> names;
};

constexpr std::array<Currency, 4> kCurrencies{{
    {"USD", {"usd", "$", "us$", "dollars", "dollar", "us dollars"}},
    {"CNY", {"cny", "rmb", "yuan", "renminbi", "\xC2\xA5", "\xEF\xBF\xA5"}},
    {"EUR", {"eur", "\xE2\x82\xAC", "euros", "euro", "", ""}},
    {"GBP", {"gbp", "\xC2\xA3", "pounds", "pound", "pounds sterling", ""}},
}};

}  // namespace

std::string_view toString(UnitKind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind)
            return name;
    return "count";
}

Result<UnitKind> parseUnitKind(std::string_view text) {
    for (const auto& [kind, name] : kKindNames)
        if (text == name)
            return kind;
    return makeError(
        ErrorCode::InvalidInput,
        fmt::format("unit kind '{}' is not one of count, percent, money, duration, score", text));
}

Scale scaleOf(std::string_view typed) {
    const std::string lower = lowercase(typed);
    std::string_view unit = lower;
    unit = unit.substr(std::min(unit.find_first_not_of(' '), unit.size()));
    while (!unit.empty() && unit.back() == ' ')
        unit.remove_suffix(1);

    double factor = 1;
    for (const auto& [word, multiplier] : std::array<std::pair<std::string_view, double>, 8>{{
             {"thousand", 1e3},
             {"k", 1e3},
             {"million", 1e6},
             {"mn", 1e6},
             {"m", 1e6},
             {"billion", 1e9},
             {"bn", 1e9},
             {"trillion", 1e12},
         }})
        if (consumeWord(unit, word)) {
            factor = multiplier;
            break;
        }

    if (isAnyOf(unit, {"percent", "%", "per cent", "pct", "percentage"}))
        return {UnitKind::Percent, "percent", factor};
    if (isAnyOf(unit, {"fraction", "share", "proportion", "ratio"}))
        return {UnitKind::Percent, "percent", factor * 100};
    if (isAnyOf(unit, {"percentage points", "percentage point", "pp"}))
        return {UnitKind::Percent, "percentage points", factor};
    // "out of 5": a score that is an exact share of its maximum.
    if (std::string_view of = unit; consumeWord(of, "out") && consumeWord(of, "of")) {
        double maximum = 0;
        const auto [end, error] = std::from_chars(of.data(), of.data() + of.size(), maximum);
        if (error == std::errc() && end == of.data() + of.size() && maximum > 0)
            return {UnitKind::Percent, "percent", factor * 100 / maximum};
    }
    for (const Currency& currency : kCurrencies)
        for (std::string_view name : currency.names)
            if (!name.empty() && unit == name)
                return {UnitKind::Money, std::string(currency.code), factor};
    if (typed.size() == 3 &&
        std::all_of(typed.begin(), typed.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return {UnitKind::Money, std::string(typed), factor};  // another ISO 4217 code
    if (isAnyOf(unit, {"decade", "decades"}))
        return {UnitKind::Duration, "months", factor * 120};
    if (isAnyOf(unit, {"year", "years", "yr"}))
        return {UnitKind::Duration, "months", factor * 12};
    if (isAnyOf(unit, {"month", "months"}))
        return {UnitKind::Duration, "months", factor};
    if (isAnyOf(unit, {"week", "weeks"}))
        return {UnitKind::Duration, "hours", factor * 168};
    if (isAnyOf(unit, {"day", "days"}))
        return {UnitKind::Duration, "hours", factor * 24};
    if (isAnyOf(unit, {"hour", "hours"}))
        return {UnitKind::Duration, "hours", factor};
    if (isAnyOf(unit, {"point", "points", "pts", "score"}))
        return {UnitKind::Score, "points", factor};
    return {UnitKind::Count, "",
            factor};  // "cameras", "people": what a count counts is the metric's business
}

std::string describeBase(const Scale& scale) {
    if (scale.kind == UnitKind::Count)
        return "a count";
    return scale.base;
}

}  // namespace claimtrack
