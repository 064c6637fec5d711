// Metric proposals: which of the project's metrics a claim measures, and when none is to be proposed.
#include "conflicts/proposals.h"

#include <gtest/gtest.h>

using namespace claimtrack;

namespace {

MetricProfile metric(std::int64_t id, std::string name, std::vector<std::string> sentences,
                     std::vector<std::string> units) {
    return {id, std::move(name), "", std::nullopt, std::move(sentences), std::move(units), {}, {}};
}

ClaimContext claimIn(std::string sentence, std::string_view quote, std::string unit) {
    const std::size_t at = sentence.find(quote);
    return {sentence, at, at + quote.size(), {}, "", std::move(unit), std::nullopt};
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

namespace {

// Two metrics told side by side in one sentence, as reports often do.
const std::vector<MetricProfile> kSiblings{
    {1,
     "Flight bans on defaulters",
     "",
     std::nullopt,
     {"barred from buying flights 3.2 million times and from taking trains 1.1 million times"},
     {"bans"},
     {"3.2 million times"},
     {3.2e6}},
    {2,
     "People living in Harbin",
     "",
     std::nullopt,
     {"Harbin is home to 10.6 million people"},
     {"people"},
     {"10.6 million people"},
     {10.6e6}},
};

}  // namespace

TEST(MetricProposals, AMetricToldOfAnotherFigureOfTheSentenceIsThatFiguresNotThisOnes) {
    // The trains are a metric the project does not have: the flights, told beside them, are not it, and
    // the words of the flight claim (its whole sentence) say nothing of the trains.
    const std::string sentence = "Defaulters were barred from buying flights 3.2 million times and from "
                                 "taking trains 1.1 million times.";
    ClaimContext claim = claimIn(sentence, "1.1 million times", "bans");
    const std::size_t flights = sentence.find("3.2 million times");
    claim.otherFigures.emplace_back(flights, flights + 17);
    const auto trains = proposeMetrics(claim, kSiblings);
    EXPECT_TRUE(trains.empty()) << trains.front().reason;
}

TEST(MetricProposals, WordsDeniedAndProperNamesSayNothingOfWhatIsMeasured) {
    auto proposals =
        proposeMetrics(claimIn("In a poll, 30 percent did not approve.", "30 percent", "percent"),
                       {{7, "Approval of the mayor", "", std::nullopt, {}, {}, {}, {}}});
    EXPECT_TRUE(proposals.empty()) << "\"did not approve\" is no approval";
    proposals = proposeMetrics(claimIn("In the northern city of Harbin, 4,000 buses run.", "4,000", "buses"),
                               kSiblings);
    EXPECT_TRUE(proposals.empty()) << "Harbin says where, not what: " << proposals.front().reason;
}

TEST(MetricProposals, APeopleCountIsNoMetricOfPeopleButAFigureItsClaimsGaveIs) {
    auto proposals =
        proposeMetrics(claimIn("The survey questioned 2,100 people.", "2,100", "people"), kSiblings);
    EXPECT_TRUE(proposals.empty()) << "\"people\" counts too many things: " << proposals.front().reason;
    ClaimContext repeated = claimIn("Some 10.6 million live there, officials say.", "10.6 million", "people");
    repeated.value = 10.6e6;
    proposals = proposeMetrics(repeated, kSiblings);
    ASSERT_FALSE(proposals.empty());
    EXPECT_EQ(proposals.front().metricId, 2) << "the figure one of its claims gave";
}
