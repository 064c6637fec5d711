#pragma once
// What a figure is counted in, and how to bring figures of one metric onto a
// common scale. Only exact conversions: thousand/million/billion, percent and
// fraction, years and months, weeks, days and hours. Currencies and calendar
// lengths (a month is not a fixed number of days) are never converted.

#include "result.h"

#include <string>
#include <string_view>

namespace claimtrack {

enum class UnitKind { Count, Percent, Money, Duration, Score };

std::string_view toString(UnitKind kind);
Result<UnitKind> parseUnitKind(std::string_view text);

// Where a unit puts a figure: multiply by `factor` to express it in `base`.
// Two figures can be compared exactly when their bases are equal.
struct Scale {
    UnitKind kind = UnitKind::Count;
    std::string base;  // "" for counts, "percent", "percentage points", "USD", "months", "hours", "points"
    double factor = 1;
};

// The scale of a claim's unit as the researcher typed it: "cameras",
// "million people", "%", "per cent", "share", "USD", "yuan", "years", "points".
Scale scaleOf(std::string_view unit);

// "a count", "percent", "USD", "months": the base as a reader names it.
std::string describeBase(const Scale& scale);

}  // namespace claimtrack
