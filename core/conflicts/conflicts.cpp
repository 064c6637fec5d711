#include "conflicts.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace claimtrack {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

int parseInt(std::string_view digits) {
    int number = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), number);
    return number;
}

// Open (infinite) ends stay open: inf * 0 would be NaN.
Interval widened(Interval interval, double tolerance) {
    if (std::isfinite(interval.low))
        interval.low -= std::abs(interval.low) * tolerance;
    if (std::isfinite(interval.high))
        interval.high += std::abs(interval.high) * tolerance;
    return interval;
}

// The base most of the metric's figures are counted in (the first seen wins a
// tie); only bases of `kind` count when the researcher set the metric's kind.
Scale commonScale(const std::vector<Scale>& scales, std::optional<UnitKind> kind) {
    std::vector<std::pair<const Scale*, int>> counts;
    for (const Scale& scale : scales) {
        if (kind && scale.kind != *kind)
            continue;
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const auto& entry) { return entry.first->base == scale.base; });
        if (it == counts.end())
            counts.emplace_back(&scale, 1);
        else
            ++it->second;
    }
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best != counts.end())
        return {best->first->kind, best->first->base, 1};
    return {*kind,
            std::string(*kind == UnitKind::Percent    ? "percent"
                        : *kind == UnitKind::Duration ? "months"
                        : *kind == UnitKind::Score    ? "points"
                                                      : ""),
            1};
}

std::string setAsideReason(const Scale& scale, const Scale& common, std::string_view unit) {
    if (scale.kind != common.kind)
        return fmt::format("'{}' is {}, but the metric is compared as {}; they cannot be converted", unit,
                           toString(scale.kind) == "count" ? "a count" : toString(scale.kind),
                           describeBase(common));
    return fmt::format("'{}' cannot be converted exactly to {}", unit, describeBase(common));
}

// Finds the conflicting pairs among one metric's groups, `groups[first, last)`.
//
// Calendar periods nest (day in month in year in "undated"), so two claims'
// periods overlap exactly when one contains the other. Sorted by period, the
// groups a period contains form one contiguous run; each group is compared
// with the run of its own period, where the groups entirely above it are a
// suffix when sorted by low end and those entirely below a prefix when
// sorted by high end. Every group lies in at most four runs (undated, year,
// month, day), so sorting costs O(n log n) and the pairs come out one step each.
class PairFinder {
public:
    PairFinder(const std::vector<RepeatGroup>& groups, std::size_t first, std::size_t last)
        : m_groups(groups) {
        for (std::size_t g = first; g < last; ++g)
            m_byPeriod.push_back(g);
        std::sort(m_byPeriod.begin(), m_byPeriod.end(),
                  [&](std::size_t a, std::size_t b) { return groups[a].period < groups[b].period; });
    }

    template <typename Emit>
    void forEachPair(Emit emit) {
        for (std::size_t at = 0; at < m_byPeriod.size();) {
            const Period period = m_groups[m_byPeriod[at]].period;
            std::size_t end = at;
            while (end < m_byPeriod.size() && m_groups[m_byPeriod[end]].period == period)
                ++end;
            const Run run = runOf(period);
            for (std::size_t i = at; i < end; ++i)
                compare(m_byPeriod[i], run, emit);
            at = end;
        }
    }

private:
    struct Run {
        std::vector<std::size_t> byLow;
        std::vector<std::size_t> byHigh;
    };

    // The groups whose period `period` contains, sorted both ways.
    Run runOf(const Period& period) const {
        const auto inside = [&](std::size_t g) { return period.contains(m_groups[g].period); };
        // The run starts at the first group not before `period` and is contiguous.
        auto begin = std::lower_bound(m_byPeriod.begin(), m_byPeriod.end(), period,
                                      [&](std::size_t g, const Period& p) { return m_groups[g].period < p; });
        auto end = std::find_if_not(begin, m_byPeriod.end(), inside);
        if (!period.dated())
            begin = m_byPeriod.begin(), end = m_byPeriod.end();
        Run run{{begin, end}, {begin, end}};
        std::sort(run.byLow.begin(), run.byLow.end(), [&](std::size_t a, std::size_t b) {
            return m_groups[a].interval.low < m_groups[b].interval.low;
        });
        std::sort(run.byHigh.begin(), run.byHigh.end(), [&](std::size_t a, std::size_t b) {
            return m_groups[a].interval.high < m_groups[b].interval.high;
        });
        return run;
    }

    template <typename Emit>
    void compare(std::size_t g, const Run& run, Emit& emit) const {
        const RepeatGroup& group = m_groups[g];
        const auto above = std::upper_bound(
            run.byLow.begin(), run.byLow.end(), group.interval.high,
            [&](double high, std::size_t other) { return high < m_groups[other].interval.low; });
        for (auto it = above; it != run.byLow.end(); ++it)
            emit(g, *it);
        const auto below = std::lower_bound(
            run.byHigh.begin(), run.byHigh.end(), group.interval.low,
            [&](std::size_t other, double low) { return m_groups[other].interval.high < low; });
        for (auto it = run.byHigh.begin(); it != below; ++it)
            if (m_groups[*it].period != group.period)  // a pair in one period is found from its lower side
                emit(*it, g);
    }

    const std::vector<RepeatGroup>& m_groups;
    std::vector<std::size_t> m_byPeriod;
};

std::optional<double> gapBetween(const RepeatGroup& lower, const RepeatGroup& higher) {
    const double below = lower.stated.high;
    const double above = higher.stated.low;
    if (!(below > 0) || !std::isfinite(below) || !std::isfinite(above))
        return std::nullopt;
    return above / below - 1;
}

void checkMetric(std::span<const ClaimFigure* const> claims, const MetricRules& rules, CrossCheck& result) {
    MetricCheck check{claims.front()->metricId, {}, rules.tolerance, claims.size(), 0};

    std::vector<Scale> scales;
    std::vector<const ClaimFigure*> withFigure;
    for (const ClaimFigure* figure : claims) {
        const ClaimFigure& claim = *figure;
        if (!statedInterval(claim)) {
            result.setAside.push_back({claim.claimId, claim.metricId, "no figure recorded"});
            continue;
        }
        // Most claims of a metric share a unit: read each unit once.
        const bool sameUnit = !withFigure.empty() && withFigure.back()->unit == claim.unit;
        scales.push_back(sameUnit ? scales.back() : scaleOf(claim.unit));
        withFigure.push_back(&claim);
    }
    if (withFigure.empty() && !rules.kind) {
        result.metrics.push_back(check);
        return;
    }
    check.scale = commonScale(scales, rules.kind);

    // Place each claim on the common scale, keyed for grouping repeats.
    // The grouping key is copied out of the claim: sorting through the pointer was a cache miss a
    // comparison once the claims are scattered in memory.
    struct Placed {
        const ClaimFigure* claim;
        std::int64_t sourceId;
        Interval stated;
        Period period;
        bool approximate;
        std::size_t base;  // an index into `bases`; 0: unknown
    };
    std::vector<Placed> placed;
    std::vector<std::string_view> bases{std::string_view()};  // few: a metric's figures share a handful
    for (std::size_t i = 0; i < withFigure.size(); ++i) {
        const ClaimFigure& claim = *withFigure[i];
        if (scales[i].base != check.scale.base || scales[i].kind != check.scale.kind) {
            result.setAside.push_back(
                {claim.claimId, claim.metricId, setAsideReason(scales[i], check.scale, claim.unit)});
            continue;
        }
        Interval stated = *statedInterval(claim);
        stated.low *= scales[i].factor;
        stated.high *= scales[i].factor;
        std::size_t base = 0;
        if (!claim.base.empty()) {
            const auto known = std::find_if(bases.begin() + 1, bases.end(), [&](std::string_view b) {
                return comparableBases(b, claim.base);
            });
            base = static_cast<std::size_t>(known - bases.begin());
            if (known == bases.end())
                bases.push_back(claim.base);
        }
        placed.push_back({&claim, claim.sourceId, stated, parsePeriod(claim.asOf), claim.approximate, base});
    }
    const auto key = [](const Placed& p) {
        return std::tuple(p.sourceId, p.period, p.stated.low, p.stated.high, p.approximate, p.base);
    };
    // Within a group, claims keep the order they were given in (their addresses ascend with it).
    std::sort(placed.begin(), placed.end(), [&](const Placed& a, const Placed& b) {
        return std::tuple(key(a), a.claim) < std::tuple(key(b), b.claim);
    });

    const std::size_t firstGroup = result.groups.size();
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const Placed& p = placed[i];
        const bool repeats = i > 0 && p.claim->sourceId != 0 && key(placed[i - 1]) == key(p);
        if (repeats) {
            result.groups.back().claimIds.push_back(p.claim->claimId);
            continue;
        }
        RepeatGroup group{check.metricId,       {p.claim->claimId}, p.stated,     p.stated,
                          p.claim->approximate, p.period,           p.claim->base};
        if (group.approximate)
            group.interval = widened(p.stated, rules.tolerance);
        result.groups.push_back(std::move(group));
    }

    const std::size_t firstConflict = result.conflicts.size();
    PairFinder(result.groups, firstGroup, result.groups.size())
        .forEachPair([&](std::size_t lower, std::size_t higher) {
            const RepeatGroup& a = result.groups[lower];
            const RepeatGroup& b = result.groups[higher];
            (comparableBases(a.base, b.base) ? result.conflicts : result.unlikeBases)
                .push_back({check.metricId, lower, higher, gapBetween(a, b),
                            !a.period.dated() || !b.period.dated()});
        });
    // Largest gap first; the rest of the key only makes the order the same on every run.
    std::sort(result.conflicts.begin() + static_cast<std::ptrdiff_t>(firstConflict), result.conflicts.end(),
              [](const Conflict& a, const Conflict& b) {
                  const double gapA = a.gap.value_or(-kInfinity);
                  const double gapB = b.gap.value_or(-kInfinity);
                  return std::tie(gapB, a.lower, a.higher) < std::tie(gapA, b.lower, b.higher);
              });
    check.conflicts = result.conflicts.size() - firstConflict;
    result.metrics.push_back(check);
}

}  // namespace

bool comparableBases(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.empty() || b.empty() || std::equal(a.begin(), a.end(), b.begin(), b.end(), [&](char x, char y) {
               return lower(x) == lower(y);
           });
}

bool Period::contains(const Period& other) const {
    if (!dated())
        return true;
    return year == other.year && (month == 0 || (month == other.month && (day == 0 || day == other.day)));
}

Period parsePeriod(std::string_view asOf) {
    Period period;
    if (asOf.size() >= 4)
        period.year = parseInt(asOf.substr(0, 4));
    if (asOf.size() >= 7)
        period.month = parseInt(asOf.substr(5, 2));
    if (asOf.size() >= 10)
        period.day = parseInt(asOf.substr(8, 2));
    return period;
}

std::optional<Interval> statedInterval(const ClaimFigure& claim) {
    if (claim.low || claim.high)
        return Interval{claim.low.value_or(-kInfinity), claim.high.value_or(kInfinity)};
    if (claim.value)
        return Interval{*claim.value, *claim.value};
    return std::nullopt;
}

const MetricCheck* CrossCheck::metric(std::int64_t metricId) const {
    const auto it = std::lower_bound(metrics.begin(), metrics.end(), metricId,
                                     [](const MetricCheck& m, std::int64_t id) { return m.metricId < id; });
    return it != metrics.end() && it->metricId == metricId ? &*it : nullptr;
}

namespace {

// Checks the metrics of `byMetric[first, last)`, whole metrics, into `result`.
void checkMetrics(std::span<const ClaimFigure* const> byMetric, const std::vector<const MetricRules*>& rules,
                  CrossCheck& result) {
    for (std::size_t at = 0; at < byMetric.size();) {
        const std::int64_t metricId = byMetric[at]->metricId;
        std::size_t end = at;
        while (end < byMetric.size() && byMetric[end]->metricId == metricId)
            ++end;
        if (metricId != 0) {
            const auto rule =
                std::lower_bound(rules.begin(), rules.end(), metricId,
                                 [](const MetricRules* r, std::int64_t id) { return r->metricId < id; });
            const MetricRules defaults{metricId, std::nullopt, kDefaultTolerance};
            checkMetric(byMetric.subspan(at, end - at),
                        rule != rules.end() && (*rule)->metricId == metricId ? **rule : defaults, result);
        }
        at = end;
    }
}

}  // namespace

CrossCheck crossCheckMetric(std::span<const ClaimFigure> claims, const MetricRules& rules) {
    CrossCheck result;
    if (claims.empty())
        return result;
    std::vector<const ClaimFigure*> pointers;
    pointers.reserve(claims.size());
    for (const ClaimFigure& claim : claims)
        pointers.push_back(&claim);
    checkMetric(pointers, rules, result);
    return result;
}

CrossCheck crossCheck(const std::vector<ClaimFigure>& claims, const std::vector<MetricRules>& rules) {
    // Grouped by metric, each group in the order given: a counting sort of pointers, as there are
    // few metrics. The claims themselves stay where they are (a million are 144 MB).
    std::unordered_map<std::int64_t, std::size_t> place;
    for (const ClaimFigure& claim : claims)
        ++place[claim.metricId];
    std::vector<std::pair<std::int64_t, std::size_t*>> metrics;  // each one's count, then its next place
    for (auto& [metricId, count] : place)
        metrics.emplace_back(metricId, &count);
    std::sort(metrics.begin(), metrics.end());
    std::size_t next = 0;
    for (const auto& [metricId, count] : metrics)
        next += std::exchange(*count, next);
    std::vector<const ClaimFigure*> byMetric(claims.size());
    for (const ClaimFigure& claim : claims)
        byMetric[place[claim.metricId]++] = &claim;
    std::vector<const MetricRules*> sortedRules;
    for (const MetricRules& r : rules)
        sortedRules.push_back(&r);
    std::sort(sortedRules.begin(), sortedRules.end(),
              [](const MetricRules* a, const MetricRules* b) { return a->metricId < b->metricId; });

    CrossCheck result;
    checkMetrics(byMetric, sortedRules, result);
    return result;
}

}  // namespace claimtrack
