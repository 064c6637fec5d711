#include "explain.h"

#include "claim_format.h"
#include "model.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace claimtrack {

std::string sayCount(double value) {
    constexpr std::array<std::pair<double, const char*>, 3> kScales{
        {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}}};
    for (const auto& [scale, word] : kScales) {
        if (std::abs(value) < scale)
            continue;
        const double hundredths = std::round(value / scale * 100);
        if (hundredths * scale / 100 == value)
            return fmt::format("{} {}", formatNumber(hundredths / 100), word);
        break;
    }
    return readableNumber(value);
}

std::string sayNumber(double value, const Scale& scale) {
    if (std::isinf(value))
        return value > 0 ? "no upper limit" : "no lower limit";
    switch (scale.kind) {
    case UnitKind::Count:
        return sayCount(value);
    case UnitKind::Percent:
        return scale.base == "percent" ? formatNumber(value) + "%" : formatNumber(value) + " " + scale.base;
    case UnitKind::Money:
        return scale.base + " " + sayCount(value);
    case UnitKind::Duration:
        if (scale.base == "months" && std::fmod(value, 12) == 0)
            return fmt::format("{} years", formatNumber(value / 12));
        if (scale.base == "hours" && std::fmod(value, 24) == 0)
            return fmt::format("{} days", formatNumber(value / 24));
        return formatNumber(value) + " " + scale.base;
    case UnitKind::Score:
        return readableNumber(value) + " " + scale.base;
    }
    return formatNumber(value);
}

std::string sayFigure(const RepeatGroup& group, const Scale& scale) {
    const Interval& stated = group.stated;
    const std::string approximately = group.approximate ? "about " : "";
    if (stated.low == stated.high)
        return approximately + sayNumber(stated.low, scale);
    if (std::isinf(stated.high))
        return "at least " + approximately + sayNumber(stated.low, scale);
    if (std::isinf(stated.low))
        return "at most " + approximately + sayNumber(stated.high, scale);
    return approximately + sayNumber(stated.low, scale) + " to " + sayNumber(stated.high, scale);
}

std::string sayGap(double gap) {
    // As a person says it: "2.5 times" below ten, whole times above ("900 times", "1,000,000 times"),
    // never in a number's scientific form.
    if (gap >= 1) {
        const double ratio = gap + 1;
        return readableNumber(ratio < 10 ? std::round(ratio * 10) / 10 : std::round(ratio)) + " times";
    }
    return fmt::format("{}%",
                       formatNumber(gap >= 0.095 ? std::round(gap * 100) : std::round(gap * 1000) / 10));
}

std::string explainConflict(const CrossCheck& check, const Conflict& conflict) {
    const MetricCheck* metric = check.metric(conflict.metricId);
    const Scale scale = metric ? metric->scale : Scale{};
    const RepeatGroup& lower = check.groups[conflict.lower];
    const RepeatGroup& higher = check.groups[conflict.higher];
    const std::string high = sayFigure(higher, scale);
    const std::string low = sayFigure(lower, scale);

    // Where a figure is a bound, the gap to its nearer end is the least the two differ by.
    const bool bounded = higher.stated.low != higher.stated.high || lower.stated.low != lower.stated.high;
    std::string text;
    if (!conflict.gap)
        text = fmt::format("{} is {}{} above {}", high, bounded ? "at least " : "",
                           sayNumber(higher.stated.low - lower.stated.high, scale), low);
    else if (*conflict.gap >= 1)
        text = fmt::format("{} is {}{} {}", high, bounded ? "at least " : "", sayGap(*conflict.gap), low);
    else
        text =
            fmt::format("{} is {}{} above {}", high, bounded ? "at least " : "", sayGap(*conflict.gap), low);
    if ((lower.approximate || higher.approximate) && metric)
        text += fmt::format(", beyond the {}% allowed for approximate figures",
                            formatNumber(metric->tolerance * 100));
    return text;
}

std::string explainUnlikeBases(const CrossCheck& check, const Conflict& pair) {
    const MetricCheck* metric = check.metric(pair.metricId);
    const Scale scale = metric ? metric->scale : Scale{};
    const RepeatGroup& lower = check.groups[pair.lower];
    const RepeatGroup& higher = check.groups[pair.higher];
    return fmt::format("{} of {} and {} of {} are not compared: they are of different bases",
                       sayFigure(lower, scale), lower.base, sayFigure(higher, scale), higher.base);
}

}  // namespace claimtrack
