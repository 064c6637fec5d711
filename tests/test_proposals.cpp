// Metric proposals: which of the project's metrics a claim measures, and when none is to be proposed.
#include "conflicts/proposals.h"

#include <gtest/gtest.h>

using namespace claimtrack;

namespace {

MetricProfile metric(std::int64_t id, std::string name, std::vector<std::string> sentences,
                     std::vector<std::string> units) {
    return {id, std::move(name), "", std::nullopt, std::move(sentences), std::move(units)};
}

ClaimContext claimIn(std::string sentence, std::string_view quote, std::string unit) {
    const std::size_t at = sentence.find(quote);
    return {sentence, at, at + quote.size(), {}, "", std::move(unit)};
}

const std::vector<MetricProfile> kMetrics{
    metric(1, "Surveillance cameras in China", {"there were 176 million cameras in China in 2016"},
           {"cameras"}),
    metric(2, "Approval of social credit systems", {"80 percent approved of social credit systems"},
           {"percent"}),
    metric(3, "Social credit pilot cities", {"the social credit system was tried in 43 pilot cities"},
           {"cities"}),
};

}  // namespace

TEST(MetricProposals, AClaimThatNamesAMetricGetsItFirst) {
    const auto proposals = proposeMetrics(
        claimIn("Officials chose 12 more pilot cities for social credit.", "12", "cities"), kMetrics);
    ASSERT_FALSE(proposals.empty());
    EXPECT_EQ(proposals.front().metricId, 3);
}

TEST(MetricProposals, ItsUnitCanSayWhatItCounts) {
    const auto proposals =
        proposeMetrics(claimIn("By 2020 there may be 626 million.", "626 million", "cameras"), kMetrics);
    ASSERT_FALSE(proposals.empty());
    EXPECT_EQ(proposals.front().metricId, 1);
}

TEST(MetricProposals, AFigureOfAnotherKindIsNeverProposed) {
    // A share of the camera market is a percent: not the count of cameras, whatever words it shares.
    const auto proposals =
        proposeMetrics(claimIn("Chinese makers hold 46 percent of the surveillance cameras market in China.",
                               "46 percent", "percent"),
                       kMetrics);
    for (const MetricProposal& p : proposals)
        EXPECT_NE(p.metricId, 1) << p.reason;
}

TEST(MetricProposals, WordsEveryRelatedMetricSharesProposeNone) {
    // "social credit" is in two metrics' names: it tells neither apart, so a claim of a metric the
    // project does not have yet (a starting score) gets no proposal.
    const auto proposals =
        proposeMetrics(claimIn("Under the social credit system, residents start with 1,000 points.",
                               "1,000 points", "points"),
                       kMetrics);
    EXPECT_TRUE(proposals.empty()) << proposals.front().reason;
}

TEST(MetricProposals, OneWordOfALongerNameProposesButDoesNotFillTheMetricIn) {
    // "city" is the pilot cities' word, but here it only says who installs the cameras.
    const auto proposals = proposeMetrics(
        claimIn("The total may reach 626 million by 2020, as city governments add units.", "626 million", ""),
        kMetrics);
    ASSERT_FALSE(proposals.empty());
    EXPECT_EQ(proposals.front().metricId, 3);
    EXPECT_FALSE(isConfident(proposals)) << proposals.front().reason;
    const auto named = proposeMetrics(
        claimIn("Officials chose 12 more pilot cities for social credit.", "12", "cities"), kMetrics);
    EXPECT_TRUE(isConfident(named)) << named.front().reason;
}
