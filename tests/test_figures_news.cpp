// The figure finder on the forms news prints (tests/data/news-figures: sentences written for this project,
// one group per kind of figure the issue names, and sentences whose numbers are names, addresses, times,
// dates or scores and so no figure at all). Measured as issue 18 states its targets: figures found with the
// right value, reported figures that are real ones, bounds right where the text qualifies a figure; and on
// passages (tests/data/news-attribution) who gives each figure and what it counts.
#include "attribution_score.h"
#include "figures_news_score.h"

#include <gtest/gtest.h>

#include <iostream>

using namespace claimtrack;

namespace {

// The targets, met in every kind of figure and not only on the whole.
void expectTargets(const NewsScore& score) {
    for (const auto& [kind, tally] : score.byKind) {
        EXPECT_GE(tally.recall(), 0.90) << kind;
        EXPECT_GE(tally.precision(), 0.95) << kind;
        EXPECT_GE(tally.boundsRate(), 0.90) << kind;
    }
    EXPECT_EQ(score.total.rightRole, score.total.roles) << "the ends of a change";
}

}  // namespace

TEST(FigureNews, FindsTheFiguresNewsPrints) {
    const NewsScore score = scoreNewsFigures(CLAIMTRACK_TESTDATA_DIR "/news-figures/sentences.jsonl");
    ASSERT_GT(score.total.expected, 250) << "the test set was not read";
    printNewsScore(score, std::cout);
    expectTargets(score);
}

TEST(FigureNews, ReadsSentencesItWasNotTunedOn) {
    const NewsScore score = scoreNewsFigures(CLAIMTRACK_TESTDATA_DIR "/news-figures/held-out.jsonl");
    ASSERT_GT(score.total.expected, 80) << "the test set was not read";
    printNewsScore(score, std::cout);
    expectTargets(score);
}

// Real news from outside (tests/data/wikinews): no source where the text names none, and what counts are of.
TEST(FigureNews, SaysWhoGaveAFigureInRealNews) {
    AttributionScore score;
    for (const char* file :
         {"/wikinews/passages.jsonl", "/wikinews/current-events.jsonl", "/wikinews/held-out.jsonl",
          "/wikinews/held-out-2.jsonl", "/wikinews/held-out-3.jsonl"})
        score += scoreAttribution(CLAIMTRACK_TESTDATA_DIR + std::string(file));
    ASSERT_GT(score.attributed, 20) << "the test set was not read";
    printAttribution(score, std::cout);
    EXPECT_GE(score.sourceRate(), 0.85);
    EXPECT_LE(score.wrongRate(), 0.05);
    EXPECT_GE(score.subjectRate(), 0.85);
}

TEST(FigureNews, SaysWhoGaveAFigureAndWhatItCounts) {
    const AttributionScore score =
        scoreAttribution(CLAIMTRACK_TESTDATA_DIR "/news-attribution/passages.jsonl");
    ASSERT_GT(score.attributed, 30) << "the test set was not read";
    printAttribution(score, std::cout);
    EXPECT_GE(score.sourceRate(), 0.85);
    EXPECT_LE(score.wrongRate(), 0.05);
    EXPECT_GE(score.subjectRate(), 0.85);
}
