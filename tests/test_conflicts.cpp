// The cross-check engine: intervals, periods, repeats, units, explanations.

#include "conflicts/conflicts.h"
#include "conflicts/explain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

using namespace claimtrack;

namespace {

constexpr double kOpen = std::numeric_limits<double>::infinity();

struct Row {
    std::int64_t source;
    std::optional<double> value, low, high;
    bool approximate;
    std::string unit, asOf;
    std::string base = {};
};

// Claims 1, 2, ... in metric 7, one per row.
std::vector<ClaimFigure> claimsOf(const std::vector<Row>& rows) {
    std::vector<ClaimFigure> claims;
    for (const Row& row : rows)
        claims.push_back({static_cast<std::int64_t>(claims.size() + 1), 7, row.source, row.value, row.low,
                          row.high, row.approximate, row.unit, row.asOf, row.base});
    return claims;
}

// "1<2: explanation" for each conflict, naming groups by their first claim.
std::vector<std::string> describe(const CrossCheck& check) {
    std::vector<std::string> lines;
    for (const Conflict& c : check.conflicts)
        lines.push_back(std::to_string(check.groups[c.lower].claimIds.front()) + "<" +
                        std::to_string(check.groups[c.higher].claimIds.front()) +
                        (c.undated ? " undated" : "") + ": " + explainConflict(check, c));
    return lines;
}

struct Case {
    const char* name;
    std::vector<Row> rows;
    std::vector<std::string> expected;
    double tolerance = kDefaultTolerance;
};

class ConflictCases : public testing::TestWithParam<Case> {};

TEST_P(ConflictCases, ListsExactlyTheConflictingPairs) {
    const Case& c = GetParam();
    const CrossCheck check = crossCheck(claimsOf(c.rows), {{7, std::nullopt, c.tolerance}});
    EXPECT_EQ(describe(check), c.expected);
}

const std::vector<Case> kCases{
    {"DisagreeInOneYear",
     {{1, 626e6, {}, {}, false, "cameras", "2020"}, {2, 450e6, {}, {}, false, "cameras", "2020"}},
     {"2<1: 626 million is 39% above 450 million"}},
    {"EqualFiguresAgree",
     {{1, 1.4e9, {}, {}, false, "people", "2018"}, {2, 1.4e9, {}, {}, false, "people", "2018"}},
     {}},
    {"DifferentYearsAreNotCompared",
     {{1, 176e6, {}, {}, false, "cameras", "2016"}, {1, 626e6, {}, {}, false, "cameras", "2020"}},
     {}},
    {"AYearContainsItsMonths",
     {{1, 10, {}, {}, false, "", "2018"}, {2, 20, {}, {}, false, "", "2018-04"}},
     {"1<2: 20 is 2 times 10"}},
    {"DifferentMonthsAreNotCompared",
     {{1, 10, {}, {}, false, "", "2018-03"}, {2, 20, {}, {}, false, "", "2018-04"}},
     {}},
    {"AMonthContainsItsDays",
     {{1, 10, {}, {}, false, "", "2018-04-02"},
      {2, 12, {}, {}, false, "", "2018-04"},
      {3, 11, {}, {}, false, "", "2018-04-03"}},
     {"1<2: 12 is 20% above 10", "3<2: 12 is 9.1% above 11"}},
    {"UndatedIsComparedWithEveryPeriodAndFlagged",
     {{1, 100, {}, {}, false, "", ""},
      {2, 150, {}, {}, false, "", "2016"},
      {3, 100, {}, {}, false, "", "2021-02-03"}},
     {"1<2 undated: 150 is 50% above 100"}},
    {"ApproximateWithinTolerance",
     {{1, 1.4e9, {}, {}, true, "", "2018"}, {2, 1.45e9, {}, {}, false, "", "2018"}},
     {}},
    {"ApproximateBeyondTolerance",
     {{1, 1.4e9, {}, {}, true, "", "2018"}, {2, 1.5e9, {}, {}, false, "", "2018"}},
     {"1<2: 1.5 billion is 7.1% above about 1.4 billion, beyond the 5% allowed for approximate figures"}},
    {"ToleranceIsTheMetrics",
     {{1, 1.4e9, {}, {}, true, "", "2018"}, {2, 1.5e9, {}, {}, false, "", "2018"}},
     {},
     0.1},
    {"LowerBoundAbove",
     {{1, {}, 200e6, {}, false, "cameras", "2018"},
      {2, 176e6, {}, {}, false, "cameras", "2018"},
      {3, 250e6, {}, {}, false, "cameras", "2018"}},
     {"2<3: 250 million is 42% above 176 million",
      "2<1: at least 200 million is at least 14% above 176 million"}},
    {"UpperBoundBelow",
     {{1, {}, {}, 850, false, "points", "2018"}, {2, 900, {}, {}, false, "points", "2018"}},
     {"1<2: 900 points is at least 5.9% above at most 850 points"}},
    {"RangesThatOverlapAgree",
     {{1, {}, 10, 11, false, "percent", "2018"}, {2, 11, {}, {}, false, "%", "2018"}},
     {}},
    {"RangesApart",
     {{1, {}, 10, 11, false, "percent", "2018"}, {2, {}, 15, 20, false, "%", "2018"}},
     {"1<2: 15% to 20% is at least 36% above 10% to 11%"}},
    {"ScaleWordsConvert",
     {{1, 626, {}, {}, false, "million cameras", "2020"}, {2, 450e6, {}, {}, false, "cameras", "2020"}},
     {"2<1: 626 million is 39% above 450 million"}},
    {"FractionsArePercent",
     {{1, 0.11, {}, {}, false, "share", "2018"},
      {2, 11, {}, {}, false, "percent", "2018"},
      {3, 4, {}, {}, false, "out of 5", "2018"}},
     {"1<3: 80% is 7.3 times 11%", "2<3: 80% is 7.3 times 11%"}},
    {"YearsAndMonthsConvert",
     {{1, 5, {}, {}, false, "years", "2019"}, {2, 66, {}, {}, false, "months", "2019"}},
     {"1<2: 66 months is 10% above 5 years"}},
    {"ZeroHasNoRatio",
     {{1, 0, {}, {}, false, "", "2018"}, {2, 5, {}, {}, false, "", "2018"}},
     {"1<2: 5 is 5 above 0"}},
    {"LargestGapFirst",
     {{1, 100, {}, {}, false, "", "2018"},
      {2, 110, {}, {}, false, "", "2018"},
      {3, 300, {}, {}, false, "", "2018"}},
     {"1<3: 300 is 3 times 100", "2<3: 300 is 2.7 times 110", "1<2: 110 is 10% above 100"}},
};

INSTANTIATE_TEST_SUITE_P(CrossCheck, ConflictCases, testing::ValuesIn(kCases),
                         [](const auto& param) { return std::string(param.param.name); });

TEST(CrossCheck, RepeatsOfOneSourceCountOnce) {
    const CrossCheck check = crossCheck(claimsOf({{1, 626e6, {}, {}, false, "cameras", "2020"},
                                                  {2, 450e6, {}, {}, false, "cameras", "2020"},
                                                  {1, 626e6, {}, {}, false, "cameras", "2020"},
                                                  {1, 626e6, {}, {}, false, "cameras", "2020"}}),
                                        {});
    ASSERT_EQ(check.conflicts.size(), 1u);
    EXPECT_EQ(check.groups[check.conflicts[0].higher].claimIds, (std::vector<std::int64_t>{1, 3, 4}));
    EXPECT_EQ(check.groups[check.conflicts[0].lower].claimIds, (std::vector<std::int64_t>{2}));
    EXPECT_EQ(check.metric(7)->conflicts, 1u);
    EXPECT_EQ(check.metric(7)->claims, 4u);
}

TEST(CrossCheck, PercentagesOfDifferentBasesAreNotComparedAndSayWhy) {
    const CrossCheck check = crossCheck(claimsOf({{1, 80, {}, {}, false, "%", "2018", "respondents"},
                                                  {2, 62, {}, {}, false, "%", "2018", "adults online"},
                                                  {3, 45, {}, {}, false, "%", "2018", "Respondents"},
                                                  {4, 30, {}, {}, false, "%", "2018"}}),
                                        {});
    // 80% and 45% of respondents conflict; 62% of adults online is compared with neither of them, but
    // with the figure whose base is unknown (30%), as all three are.
    EXPECT_EQ(describe(check),
              (std::vector<std::string>{"4<1: 80% is 2.7 times 30%", "4<2: 62% is 2.1 times 30%",
                                        "3<1: 80% is 78% above 45%", "4<3: 45% is 50% above 30%"}));
    std::vector<std::string> unlike;
    for (const Conflict& pair : check.unlikeBases)
        unlike.push_back(explainUnlikeBases(check, pair));
    std::sort(unlike.begin(), unlike.end());
    EXPECT_EQ(unlike,
              (std::vector<std::string>{
                  "45% of Respondents and 62% of adults online are not compared: they are of different bases",
                  "62% of adults online and 80% of respondents are not compared: they are of different "
                  "bases"}));
}

TEST(CrossCheck, OneSourcesFigureOfTwoBasesIsTwoFigures) {
    const CrossCheck check = crossCheck(claimsOf({{1, 80, {}, {}, false, "%", "2018", "respondents"},
                                                  {1, 80, {}, {}, false, "%", "2018", "adults online"},
                                                  {1, 80, {}, {}, false, "%", "2018", "RESPONDENTS"}}),
                                        {});
    ASSERT_EQ(check.groups.size(), 2u);
    EXPECT_EQ(check.groups[0].claimIds.size() + check.groups[1].claimIds.size(), 3u);
    EXPECT_TRUE(check.conflicts.empty());
    EXPECT_TRUE(check.unlikeBases.empty()) << "the same figure of two bases is no disagreement";
}

TEST(CrossCheck, UnattributedFiguresAreNeverTakenForRepeats) {
    const CrossCheck check =
        crossCheck(claimsOf({{0, 5, {}, {}, false, "", "2020"}, {0, 5, {}, {}, false, "", "2020"}}), {});
    EXPECT_EQ(check.groups.size(), 2u);
    EXPECT_TRUE(check.conflicts.empty());
}

TEST(CrossCheck, FiguresThatCannotBeConvertedAreSetAsideWithTheReason) {
    const CrossCheck check = crossCheck(claimsOf({{1, 1e6, {}, {}, false, "people", "2018"},
                                                  {2, 2e6, {}, {}, false, "people", "2018"},
                                                  {3, 11, {}, {}, false, "percent", "2018"},
                                                  {4, {}, {}, {}, false, "people", "2018"},
                                                  {5, 3, {}, {}, false, "USD", "2018"}}),
                                        {});
    ASSERT_EQ(check.setAside.size(), 3u);
    EXPECT_EQ(check.setAside[0].claimId, 4);
    EXPECT_EQ(check.setAside[0].reason, "no figure recorded");
    EXPECT_EQ(check.setAside[1].claimId, 3);
    EXPECT_EQ(check.setAside[1].reason,
              "'percent' is percent, but the metric is compared as a count; they cannot be converted");
    EXPECT_EQ(check.setAside[2].claimId, 5);
    EXPECT_EQ(check.metric(7)->scale.kind, UnitKind::Count);
    EXPECT_EQ(check.conflicts.size(), 1u);
}

TEST(CrossCheck, TheMetricsKindDecidesTheScale) {
    const CrossCheck check = crossCheck(claimsOf({{1, 1e6, {}, {}, false, "people", "2018"},
                                                  {2, 2e6, {}, {}, false, "people", "2018"},
                                                  {3, 11, {}, {}, false, "percent", "2018"}}),
                                        {{7, UnitKind::Percent, kDefaultTolerance}});
    EXPECT_EQ(check.setAside.size(), 2u);
    EXPECT_EQ(check.metric(7)->scale.base, "percent");
}

TEST(CrossCheck, DurationsWithoutAnExactConversionAreNotCompared) {
    const CrossCheck check = crossCheck(claimsOf({{1, 2, {}, {}, false, "years", "2018"},
                                                  {2, 3, {}, {}, false, "years", "2018"},
                                                  {3, 700, {}, {}, false, "days", "2018"}}),
                                        {});
    ASSERT_EQ(check.setAside.size(), 1u);
    EXPECT_EQ(check.setAside[0].reason, "'days' cannot be converted exactly to months");
}

TEST(CrossCheck, ClaimsWithoutAMetricAreIgnored) {
    std::vector<ClaimFigure> claims =
        claimsOf({{1, 1, {}, {}, false, "", ""}, {2, 9, {}, {}, false, "", ""}});
    for (ClaimFigure& claim : claims)
        claim.metricId = 0;
    const CrossCheck check = crossCheck(claims, {});
    EXPECT_TRUE(check.conflicts.empty());
    EXPECT_TRUE(check.metrics.empty());
}

std::string describePair(const CrossCheck& check, std::pair<std::size_t, std::size_t> pair) {
    const auto one = [&](std::size_t g) {
        const RepeatGroup& group = check.groups[g];
        return testing::PrintToString(std::vector<double>{group.interval.low, group.interval.high}) + " in " +
               std::to_string(group.period.year) + "-" + std::to_string(group.period.month) + "-" +
               std::to_string(group.period.day);
    };
    return one(pair.first) + " < " + one(pair.second);
}

// Every pair the engine lists, and no other, is one a pairwise check finds:
// random metrics with nested periods, bounds, approximations and repeats.
TEST(CrossCheck, AgreesWithComparingEveryPair) {
    std::mt19937 random(20261123);
    const std::vector<std::string> periods{"",        "2019",       "2020",      "2020-03",
                                           "2020-04", "2020-03-01", "2020-03-02"};
    // Bases only split pairs between the two lists (conflicts, unlikeBases): together they are every pair.
    const std::vector<std::string> bases{"", "", "respondents", "Respondents", "adults online"};
    for (int round = 0; round < 200; ++round) {
        std::vector<ClaimFigure> claims;
        const int n = 1 + static_cast<int>(random() % 40);
        for (int i = 0; i < n; ++i) {
            ClaimFigure claim;
            claim.claimId = i + 1;
            claim.metricId = 1 + static_cast<std::int64_t>(random() % 3);
            claim.sourceId = static_cast<std::int64_t>(random() % 4);
            const double v = static_cast<double>(random() % 12);
            switch (random() % 4) {
            case 0:
                claim.value = v;
                break;
            case 1:
                claim.low = v;
                break;
            case 2:
                claim.high = v;
                break;
            default:
                claim.low = v, claim.high = v + static_cast<double>(random() % 3);
                break;
            }
            claim.approximate = random() % 5 == 0;
            claim.asOf = periods[random() % periods.size()];
            claim.base = bases[random() % bases.size()];
            claims.push_back(claim);
        }
        const std::vector<MetricRules> rules{{1, std::nullopt, 0.1}, {2, std::nullopt, 0.0}};
        const CrossCheck check = crossCheck(claims, rules);

        std::set<std::pair<std::size_t, std::size_t>> found;
        for (const auto* pairs : {&check.conflicts, &check.unlikeBases})
            for (const Conflict& c : *pairs)
                EXPECT_TRUE(found.insert({c.lower, c.higher}).second) << "listed twice";
        for (const Conflict& c : check.unlikeBases)
            EXPECT_FALSE(comparableBases(check.groups[c.lower].base, check.groups[c.higher].base));
        for (const Conflict& c : check.conflicts)
            EXPECT_TRUE(comparableBases(check.groups[c.lower].base, check.groups[c.higher].base));
        std::set<std::pair<std::size_t, std::size_t>> expected;
        for (std::size_t a = 0; a < check.groups.size(); ++a)
            for (std::size_t b = 0; b < check.groups.size(); ++b) {
                const RepeatGroup& x = check.groups[a];
                const RepeatGroup& y = check.groups[b];
                if (x.metricId == y.metricId && x.period.overlaps(y.period) &&
                    x.interval.high < y.interval.low)
                    expected.insert({a, b});
            }
        std::vector<std::pair<std::size_t, std::size_t>> missing, extra;
        std::set_difference(expected.begin(), expected.end(), found.begin(), found.end(),
                            std::back_inserter(missing));
        std::set_difference(found.begin(), found.end(), expected.begin(), expected.end(),
                            std::back_inserter(extra));
        ASSERT_TRUE(missing.empty() && extra.empty())
            << "round " << round << ": " << missing.size() << " missing, e.g. "
            << (missing.empty() ? "" : describePair(check, missing[0])) << "; " << extra.size()
            << " extra, e.g. " << (extra.empty() ? "" : describePair(check, extra[0]));
        std::size_t grouped = 0;
        for (const RepeatGroup& g : check.groups)
            grouped += g.claimIds.size();
        EXPECT_EQ(grouped + check.setAside.size(), claims.size());
    }
}

// A project's claims are read and checked metric by metric (crossCheckMetric): the result must be the
// one every metric gets checked together, joined in metric order.
TEST(CrossCheck, EachMetricCheckedAloneGivesWhatAllCheckedTogetherGive) {
    std::mt19937 random(20261201);
    std::vector<ClaimFigure> claims;
    constexpr int kClaims = 20'000;
    for (int i = 0; i < kClaims; ++i) {
        ClaimFigure claim;
        claim.claimId = i + 1;
        claim.metricId = 1 + static_cast<std::int64_t>(random() % 9);  // interleaved, as in a table
        claim.sourceId = 1 + static_cast<std::int64_t>(random() % 5);  // attributed: repeats group
        claim.value = static_cast<double>(random() % 6);
        claim.approximate = random() % 7 == 0;
        claim.asOf = std::to_string(2015 + random() % 3);
        claim.base = random() % 11 == 0 ? "adults online" : random() % 11 == 0 ? "respondents" : "";
        claims.push_back(claim);
    }
    const std::vector<MetricRules> rules{{3, std::nullopt, 0.2}};
    const CrossCheck whole = crossCheck(claims, rules);

    CrossCheck joined;
    for (std::int64_t metric = 1; metric <= 9; ++metric) {
        std::vector<ClaimFigure> own;
        std::copy_if(claims.begin(), claims.end(), std::back_inserter(own),
                     [&](const ClaimFigure& c) { return c.metricId == metric; });
        CrossCheck alone = crossCheckMetric(own, metric == rules[0].metricId
                                                     ? rules[0]
                                                     : MetricRules{metric, std::nullopt, kDefaultTolerance});
        for (auto* pairs : {&alone.conflicts, &alone.unlikeBases})
            for (Conflict& c : *pairs)
                c.lower += joined.groups.size(), c.higher += joined.groups.size();
        joined.unlikeBases.insert(joined.unlikeBases.end(), alone.unlikeBases.begin(),
                                  alone.unlikeBases.end());
        joined.metrics.insert(joined.metrics.end(), alone.metrics.begin(), alone.metrics.end());
        joined.groups.insert(joined.groups.end(), alone.groups.begin(), alone.groups.end());
        joined.conflicts.insert(joined.conflicts.end(), alone.conflicts.begin(), alone.conflicts.end());
        joined.setAside.insert(joined.setAside.end(), alone.setAside.begin(), alone.setAside.end());
    }
    ASSERT_GT(whole.conflicts.size(), 1000u) << whole.conflicts.size();
    EXPECT_EQ(describe(whole), describe(joined));
    ASSERT_GT(whole.unlikeBases.size(), 0u);
    ASSERT_EQ(whole.unlikeBases.size(), joined.unlikeBases.size());
    for (std::size_t p = 0; p < whole.unlikeBases.size(); ++p)
        EXPECT_EQ(explainUnlikeBases(whole, whole.unlikeBases[p]),
                  explainUnlikeBases(joined, joined.unlikeBases[p]));
    ASSERT_EQ(whole.groups.size(), joined.groups.size());
    for (std::size_t g = 0; g < whole.groups.size(); ++g)
        ASSERT_EQ(whole.groups[g].claimIds, joined.groups[g].claimIds) << "group " << g;
    ASSERT_EQ(whole.metrics.size(), 9u);
    for (std::size_t m = 0; m < whole.metrics.size(); ++m) {
        EXPECT_EQ(whole.metrics[m].metricId, joined.metrics[m].metricId);
        EXPECT_EQ(whole.metrics[m].conflicts, joined.metrics[m].conflicts);
    }
}

TEST(SayNumber, ReadsAsAPersonWouldSayIt) {
    const Scale count{UnitKind::Count, "", 1};
    EXPECT_EQ(sayNumber(626e6, count), "626 million");
    EXPECT_EQ(sayNumber(1.4e9, count), "1.4 billion");
    EXPECT_EQ(sayNumber(1234567, count), "1,234,567");
    EXPECT_EQ(sayNumber(2209, count), "2,209");
    EXPECT_EQ(sayNumber(11, {UnitKind::Percent, "percent", 1}), "11%");
    EXPECT_EQ(sayNumber(2.5e9, {UnitKind::Money, "USD", 1}), "USD 2.5 billion");
    EXPECT_EQ(sayNumber(60, {UnitKind::Duration, "months", 1}), "5 years");
    EXPECT_EQ(sayNumber(48, {UnitKind::Duration, "hours", 1}), "2 days");
    EXPECT_EQ(sayNumber(1000, {UnitKind::Score, "points", 1}), "1,000 points");
}

TEST(SayGap, NeverPrintsANumbersScientificForm) {
    EXPECT_EQ(sayGap(0.39), "39%");
    EXPECT_EQ(sayGap(0.013), "1.3%");
    EXPECT_EQ(sayGap(1.5), "2.5 times");
    EXPECT_EQ(sayGap(900), "901 times") << "901 million is 901 times 1 million, not 9e+02 times";
    EXPECT_EQ(sayGap(999999), "1,000,000 times");
}

TEST(ScaleOf, KnowsExactConversionsOnly) {
    EXPECT_EQ(scaleOf("million cameras").factor, 1e6);
    EXPECT_EQ(scaleOf("Billion").factor, 1e9);
    EXPECT_EQ(scaleOf("%").base, "percent");
    EXPECT_EQ(scaleOf("per cent").base, "percent");
    EXPECT_EQ(scaleOf("share").factor, 100);
    EXPECT_EQ(scaleOf("percentage points").base, "percentage points");
    EXPECT_EQ(scaleOf("out of 5").factor, 20);
    EXPECT_EQ(scaleOf("yuan").base, "CNY");
    EXPECT_EQ(scaleOf("HKD").base, "HKD");
    EXPECT_EQ(scaleOf("years").factor, 12);
    EXPECT_EQ(scaleOf("weeks").base, "hours");
    EXPECT_EQ(scaleOf("months").base, "months");
    EXPECT_EQ(scaleOf("m").factor, 1e6);
    EXPECT_EQ(scaleOf("").kind, UnitKind::Count);
    EXPECT_EQ(scaleOf("monitors").kind, UnitKind::Count);
}

TEST(ParsePeriod, ReadsPartialDates) {
    EXPECT_EQ(parsePeriod("2020"), (Period{2020, 0, 0}));
    EXPECT_EQ(parsePeriod("2018-04"), (Period{2018, 4, 0}));
    EXPECT_EQ(parsePeriod("2018-04-30"), (Period{2018, 4, 30}));
    EXPECT_FALSE(parsePeriod("").dated());
    EXPECT_TRUE(Period{}.contains(Period{2018, 4, 30}));
    EXPECT_FALSE((Period{2018, 4, 30}).overlaps(Period{2018, 5, 0}));
}

}  // namespace
