// claimtrack-conflicts-bench: the cross-check engine on generated claims,
// against comparing every pair of claims in a metric (the obvious way).
//
//   claimtrack-conflicts-bench CLAIMS METRICS [--pairwise | --agreeing]
//
// Claims cluster as real ones do: each metric has a few published estimates
// per year, each repeated by several articles on its source's authority,
// with a share of approximate figures, one-sided bounds and undated claims.
// Stress, not a typical project: five estimates a year that all disagree
// give about five conflicting pairs per claim.
//
// --agreeing: every claim a different source's approximate figure, all within
// the tolerance of one another, so nothing groups and nothing conflicts: the
// cost of the check itself, to see how it grows with the claims of a metric.
#include "conflicts/conflicts.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

std::vector<ClaimFigure> generate(std::size_t count, std::size_t metrics, bool agreeing) {
    std::mt19937_64 random(42);
    std::vector<ClaimFigure> claims(count);
    for (std::size_t i = 0; i < count; ++i) {
        ClaimFigure& claim = claims[i];
        claim.claimId = static_cast<std::int64_t>(i + 1);
        claim.metricId = static_cast<std::int64_t>(random() % metrics + 1);
        if (agreeing) {
            claim.sourceId = claim.claimId;
            claim.value = 1e8 * (1 + static_cast<double>(random() % 1000) / 1e5);  // within 1%
            claim.approximate = true;
            claim.asOf = std::to_string(2015 + random() % 8);
            continue;
        }
        const int year = 2015 + static_cast<int>(random() % 8);
        const std::uint64_t estimate = random() % 5;  // which of the year's published estimates
        claim.sourceId = static_cast<std::int64_t>(estimate + 1);
        const double truth = static_cast<double>(claim.metricId % 97 + 1) * 1e6 * (1 + (year - 2015) * 0.1);
        claim.value = truth * (0.8 + 0.1 * static_cast<double>(estimate));
        claim.unit = "cameras";
        claim.asOf = random() % 10 == 0 ? "" : std::to_string(year);
        switch (random() % 10) {
        case 0:
            claim.low = claim.value;
            break;  // "more than"
        case 1:
            claim.high = claim.value;
            break;  // "up to"
        case 2:
            claim.approximate = true;
            break;  // "about"
        default:
            break;
        }
    }
    // In the order the project hands them over: by metric (its claim_by_metric index).
    std::stable_sort(claims.begin(), claims.end(),
                     [](const ClaimFigure& a, const ClaimFigure& b) { return a.metricId < b.metricId; });
    return claims;
}

// Every pair in a metric, checked one by one.
std::size_t pairwise(std::vector<ClaimFigure> claims) {
    std::sort(claims.begin(), claims.end(),
              [](const ClaimFigure& a, const ClaimFigure& b) { return a.metricId < b.metricId; });
    std::size_t conflicts = 0;
    for (std::size_t at = 0; at < claims.size();) {
        std::size_t end = at;
        while (end < claims.size() && claims[end].metricId == claims[at].metricId)
            ++end;
        for (std::size_t a = at; a < end; ++a) {
            const Interval x = *statedInterval(claims[a]);
            const Period px = parsePeriod(claims[a].asOf);
            for (std::size_t b = a + 1; b < end; ++b) {
                const Interval y = *statedInterval(claims[b]);
                if (px.overlaps(parsePeriod(claims[b].asOf)) && (x.high < y.low || y.high < x.low))
                    ++conflicts;
            }
        }
        at = end;
    }
    return conflicts;
}

template <typename Work>
double medianSeconds(int runs, Work work) {
    std::vector<double> seconds;
    for (int run = 0; run < runs; ++run) {
        const auto begin = std::chrono::steady_clock::now();
        work();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return seconds[seconds.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: claimtrack-conflicts-bench CLAIMS METRICS [--pairwise | --agreeing]\n");
        return 2;
    }
    const std::size_t count = std::stoull(argv[1]);
    const std::size_t metrics = std::stoull(argv[2]);
    const std::string mode = argc > 3 ? argv[3] : "";
    const bool alsoPairwise = mode == "--pairwise";
    const std::vector<ClaimFigure> claims = generate(count, metrics, mode == "--agreeing");

    std::size_t conflicts = 0, groups = 0;
    const double engine = medianSeconds(5, [&] {
        const CrossCheck check = crossCheck(claims, {});
        conflicts = check.conflicts.size();
        groups = check.groups.size();
    });
    std::printf(
        "cross-check: %zu claims in %zu metrics: %.3f s (median of 5), %zu groups, %zu conflicting pairs\n",
        count, metrics, engine, groups, conflicts);
    if (alsoPairwise) {
        std::size_t pairs = 0;
        const double naive = medianSeconds(3, [&] { pairs = pairwise(claims); });
        std::printf(
            "every pair:  %.3f s (median of 3), %zu conflicting claim pairs; engine is %.1fx faster\n", naive,
            pairs, naive / engine);
    }
    return 0;
}
