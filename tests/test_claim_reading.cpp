// What the figure finder reads in a researcher's selection, as a claim: the
// editor opens filled with it, and accepting a suggestion records the same.
#include "claim_reading.h"
#include "project.h"
#include "project_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

const std::string kText =
    "The market research firm IHS Markit put the number of surveillance cameras installed in China at "
    "176 million in 2016.\nThe same firm expects 626 million cameras by 2020, according to the IHS's "
    "forecast.\nOfficials describe the network as a public safety measure.\n";

class ClaimReadingTest : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(projectLocation(dir, "reading.claims"));
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        article = project->importArticle(kText, {"Cameras", "", "Daily", "", "2018-03-12"}, "a.txt")->id;
        // The project already knows the source and the metric, from another article.
        const std::int64_t other =
            project
                ->importArticle(
                    "Surveillance cameras in China numbered 200 million in 2018, IHS Markit said.\n", {},
                    "b.txt")
                ->id;
        NewClaim known{other, QuoteSelector{"200 million", 1}, {}};
        known.fields.value = 200e6;
        known.fields.unit = "cameras";
        known.fields.metric = "Surveillance cameras in China";
        known.fields.source = "IHS Markit";
        ASSERT_TRUE(project->addClaim(known));
    }

    CodePointRange rangeOf(const std::string& words) const {
        const auto at = static_cast<std::int64_t>(kText.find(words));
        return {at, at + static_cast<std::int64_t>(words.size())};  // ASCII text: bytes are code points
    }

    TempDir dir;
    std::unique_ptr<Project> project;
    std::int64_t article = 0;
};

}  // namespace

TEST(SourceNames, AreMatchedWithoutCasePossessivesOrALeadingThe) {
    EXPECT_TRUE(namesSameSource("IHS Markit", "ihs markit"));
    EXPECT_TRUE(namesSameSource("IHS Markit's", "IHS Markit"));
    EXPECT_TRUE(namesSameSource("the IHS", "IHS Markit"));
    EXPECT_TRUE(namesSameSource("IHS\u2019s", "IHS Markit"));
    EXPECT_FALSE(namesSameSource("IHS Markit", "IHSM"));
    EXPECT_TRUE(namesSameSource("Kostka", "Genia Kostka")) << "a person by the surname alone";
    EXPECT_FALSE(namesSameSource("media", "Chinese state media")) << "a common word is no surname";
    EXPECT_FALSE(namesSameSource("the ministry", "the ministry of health")) << "one word is no name";
    EXPECT_FALSE(namesSameSource("", "IHS Markit"));
    EXPECT_TRUE(namesSameSource("state media outlets", "Chinese state media"))
        << "the body without its place";
    EXPECT_TRUE(namesSameSource("the city's social credit office", "Rongcheng social credit office"));
    EXPECT_FALSE(namesSameSource("social credit", "Rongcheng social credit office"))
        << "the words that end the name, not others of it";
}

TEST(ClaimFieldsFrom, GiveNoOneForAnUnnamedSourceAndThePublishedYearForNow) {
    Figure figure;
    figure.value = 10;
    figure.source = "A recent survey";
    figure.time = "today";
    ClaimFields fields = claimFieldsFrom(figure, "2019-04-03");
    EXPECT_EQ(fields.source, "") << "\"a recent survey\" names no one to ask";
    EXPECT_EQ(fields.asOf, "2019") << "\"now\" is the year of publication, so reports of one year meet";
    figure.source = "A United Nations human rights panel";
    figure.time.clear();
    fields = claimFieldsFrom(figure, "2018-05-20");
    EXPECT_EQ(fields.source, "United Nations human rights panel");
    EXPECT_EQ(fields.asOf, "2018") << "a figure told with no time holds when it was published";
    EXPECT_EQ(claimFieldsFrom(figure, "").asOf, "") << "an article without a date gives none";
}

TEST_F(ClaimReadingTest, ASelectionThatCutsAFigureGrowsToItAndReadsItsFields) {
    const CodePointRange cut = rangeOf("76 mill");
    const auto reading = project->readClaimAt(article, cut);
    ASSERT_TRUE(reading) << reading.error().message;
    ASSERT_TRUE(reading->found);
    EXPECT_EQ(kText.substr(static_cast<std::size_t>(reading->range.start),
                           static_cast<std::size_t>(reading->range.end - reading->range.start)),
              "176 million");
    const ClaimFields& f = reading->fields;
    EXPECT_EQ(f.value, 176e6);
    EXPECT_EQ(f.unit, "cameras");
    EXPECT_EQ(f.source, "IHS Markit");
    EXPECT_EQ(f.asOf, "2016");
    EXPECT_EQ(f.metric, "Surveillance cameras in China");
    EXPECT_TRUE(f.tags.empty()) << "a claim the researcher records is not tagged as detected";
}

TEST_F(ClaimReadingTest, ASourceWrittenAnotherWayIsTheProjectsOwn) {
    const auto reading = project->readClaimAt(article, rangeOf("626 million"));
    ASSERT_TRUE(reading && reading->found);
    EXPECT_EQ(reading->fields.value, 626e6);
    EXPECT_EQ(reading->fields.source, "IHS Markit") << "\"the IHS's\" is the source the project knows";
    EXPECT_EQ(reading->fields.asOf, "2020");
}

TEST_F(ClaimReadingTest, WordsWithoutAFigureGiveNothingAndKeepTheSelection) {
    const CodePointRange words = rangeOf("public safety");
    const auto reading = project->readClaimAt(article, words);
    ASSERT_TRUE(reading);
    EXPECT_FALSE(reading->found);
    EXPECT_EQ(reading->range, words);
    EXPECT_EQ(reading->fields, ClaimFields());
    EXPECT_FALSE(project->readClaimAt(article, {5, 4000}));
}
