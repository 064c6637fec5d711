#pragma once
// The cross-check: which figures for one metric disagree, and by how much.
//
// Pure computation over plain values (no storage, no GUI). Each claim's
// figure becomes an interval on its metric's common scale; claims whose
// as-of periods overlap are compared; claims that repeat one source's figure
// are grouped and counted once. Cost: O(n log n + k) for n claims and k
// conflicting pairs (see crossCheck()).

#include "units.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace claimtrack {

inline constexpr double kDefaultTolerance = 0.05;

// What the cross-check needs of a claim.
struct ClaimFigure {
    std::int64_t claimId = 0;
    std::int64_t metricId = 0;  // 0: no metric, never compared
    std::int64_t sourceId = 0;  // 0: unattributed, never grouped with another claim
    std::optional<double> value;
    std::optional<double> low;
    std::optional<double> high;
    bool approximate = false;  // "about", "some": widened by the metric's tolerance
    std::string unit;
    std::string asOf;  // "2020", "2020-06", "2020-06-30" or empty (undated)
    std::string base;  // what a percentage is of ("respondents"), or empty: unknown
};

// What the researcher said about a metric.
struct MetricRules {
    std::int64_t metricId = 0;
    std::optional<UnitKind> kind;  // unset: the kind most of its claims are counted in
    double tolerance = kDefaultTolerance;
};

// A closed interval on the metric's common scale; infinite where open.
struct Interval {
    double low = 0;
    double high = 0;
};

// When a claim holds, as precisely as it says; year 0 is undated.
struct Period {
    int year = 0;
    int month = 0;  // 0: the whole year
    int day = 0;    // 0: the whole month
    bool dated() const { return year != 0; }
    // Calendar periods either nest or are apart, so two overlap exactly when one contains the other.
    bool contains(const Period& other) const;
    bool overlaps(const Period& other) const { return contains(other) || other.contains(*this); }
    auto operator<=>(const Period&) const = default;
};
Period parsePeriod(std::string_view asOf);

// Claims that state the same figure for the same period on the same source's
// authority: one figure, told in several places.
struct RepeatGroup {
    std::int64_t metricId = 0;
    std::vector<std::int64_t> claimIds;  // in the order given; the first stands for the group
    Interval interval;                   // widened by the tolerance where approximate
    Interval stated;                     // as written, on the common scale
    bool approximate = false;
    Period period;
    std::string base;  // what its figure is of, as its first claim says; empty: unknown
};

// Whether two figures' bases let them be compared: equal but for letter case, or either unknown.
bool comparableBases(std::string_view a, std::string_view b);

// Two groups whose periods overlap and whose intervals do not.
struct Conflict {
    std::int64_t metricId = 0;
    std::size_t lower = 0;   // index into CrossCheck::groups: the group with the lower figure
    std::size_t higher = 0;  // the group with the higher figure
    // How far apart the stated figures are: higher's low end over lower's
    // high end, minus one (0.39: "39% above"); unset where that end is zero or
    // negative and a ratio would mislead.
    std::optional<double> gap;
    bool undated = false;  // one of the two has no as-of date
};

// A claim in a metric that could not be compared, and why.
struct SetAside {
    std::int64_t claimId = 0;
    std::int64_t metricId = 0;
    std::string reason;
};

// A metric as it was compared.
struct MetricCheck {
    std::int64_t metricId = 0;
    Scale scale;  // the common scale (factor 1) its figures were brought to
    double tolerance = kDefaultTolerance;
    std::size_t claims = 0;
    std::size_t conflicts = 0;
};

struct CrossCheck {
    std::vector<MetricCheck> metrics;  // sorted by metric id
    std::vector<RepeatGroup> groups;
    std::vector<Conflict>
        conflicts;  // metric by metric; in each, largest gap first, pairs without a ratio last
    std::vector<SetAside> setAside;
    // Pairs that would conflict but are percentages of different bases ("of respondents", "of adults"):
    // not compared, and said so. In the order found.
    std::vector<Conflict> unlikeBases;

    const MetricCheck* metric(std::int64_t metricId) const;
};

// Checks one metric's claims against one another: all of `claims` carry `rules.metricId`. What
// crossCheck() finds for that metric, for a caller that reads the claims metric by metric and so never
// holds more than one metric's.
CrossCheck crossCheckMetric(std::span<const ClaimFigure> claims, const MetricRules& rules);

// Checks every metric's claims against one another, metric by metric in id order. Metrics without
// rules get the defaults.
CrossCheck crossCheck(const std::vector<ClaimFigure>& claims, const std::vector<MetricRules>& rules);

// The interval a figure stands for, before widening: [value, value], or its
// bounds with open ends infinite. Unset when the claim holds no figure.
std::optional<Interval> statedInterval(const ClaimFigure& claim);

}  // namespace claimtrack
