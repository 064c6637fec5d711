// What a percentage is of (its base, with a survey's sample size and fieldwork): stored with the claim, read
// by the finder into its suggestions, written in the CSV and the project file, followed by the history, and
// heeded by the cross-check, which does not compare percentages of different bases and says so.
#include "claim_format.h"
#include "csv.h"
#include "project.h"
#include "project_file.h"
#include "project_support.h"
#include "report.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

// Two surveys of different people and a third of the first one's, all on trust in the scores in 2018.
constexpr const char* kSurveys =
    "In a survey of 2,209 respondents, 80 percent approved of the scores, surveyed in 2018.\n"
    "A poll of adults online in 2018 put approval at 62 percent.\n"
    "Another study of respondents found that 45 percent approved in 2018.\n";

class ClaimBase : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(projectLocation(dir, "base.claims"));
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        article = project->importArticle(kSurveys, {"Surveys", "", "", "", ""}, "a.txt")->id;
    }

    std::int64_t record(const char* quote, double value, FigureBase base) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.unit = "%";
        claim.fields.metric = "Approval of the scores";
        claim.fields.asOf = "2018";
        claim.fields.source = quote;  // each its own source: no repeats
        claim.fields.base = std::move(base);
        auto added = project->addClaim(claim);
        EXPECT_TRUE(added) << added.error().message;
        return added ? *added : 0;
    }

    std::string projectFile() { return test::projectFile(*project); }

    TempDir dir;
    std::unique_ptr<Project> project;
    std::int64_t article = 0;
};

}  // namespace

TEST_F(ClaimBase, IsStoredReadAndFollowedByTheHistory) {
    const std::int64_t id = record("80 percent", 80, {"Respondents ", 2209, "2018"});
    const ClaimFields stored = project->claim(id)->fields;
    EXPECT_EQ(stored.base, (FigureBase{"Respondents", 2209, "2018"})) << "the name is tidied as others are";

    ClaimFields fields = stored;
    fields.base = {"respondents aged 18 and over", std::nullopt, "2018-03/2018-05"};
    ASSERT_TRUE(project->updateClaim(id, fields));
    EXPECT_EQ(project->claim(id)->fields.base, fields.base);
    std::vector<std::string> changes;
    for (const HistoryEntry& entry : *project->history({"claim", id}))
        if (entry.change == "changed")
            changes.push_back(entry.field + ": " + entry.before + " -> " + entry.after);
    std::sort(changes.begin(), changes.end());
    EXPECT_EQ(changes,
              (std::vector<std::string>{"base: Respondents -> respondents aged 18 and over",
                                        "fieldwork: 2018 -> 2018-03/2018-05", "sample_size: 2209 -> "}));
}

TEST_F(ClaimBase, ABadSampleSizeOrFieldworkIsRefusedAndChangesNothing) {
    const std::int64_t id = record("80 percent", 80, {"respondents", 2209, "2018"});
    const std::string before = projectFile();
    const std::pair<FigureBase, const char*> cases[] = {
        {{"respondents", 0, ""}, "a sample size is a count of at least 1, not 0"},
        {{"respondents", std::nullopt, "2019/2018"}, "the fieldwork ends (2018) before it begins (2019)"},
        {{"respondents", std::nullopt, "spring 2018"}, "fieldwork date \"spring 2018\" is not a valid date"},
        {{"respondents", std::nullopt, "2018-02/2018-02-30"},
         "fieldwork end \"2018-02-30\" is not a valid date"},
    };
    for (const auto& [base, message] : cases) {
        ClaimFields fields = project->claim(id)->fields;
        fields.base = base;
        const auto updated = project->updateClaim(id, fields);
        ASSERT_FALSE(updated) << message;
        EXPECT_NE(updated.error().message.find(message), std::string::npos) << updated.error().message;
    }
    EXPECT_EQ(projectFile(), before);
    EXPECT_FALSE(parseSampleSize("2,209"));
    EXPECT_EQ(*parseSampleSize("2209"), 2209);
    EXPECT_EQ(*parseSampleSize(""), std::nullopt);
}

// The cross-check compares 80% and 45% of respondents, and says why neither is compared with 62% of adults
// online.
TEST_F(ClaimBase, TheCrossCheckDoesNotComparePercentagesOfDifferentBasesAndSaysWhy) {
    const std::int64_t respondents = record("80 percent", 80, {"respondents", 2209, "2018"});
    const std::int64_t adults = record("62 percent", 62, {"adults online", std::nullopt, ""});
    const std::int64_t again = record("45 percent", 45, {"respondents", std::nullopt, ""});
    const ConflictReport report = *project->conflicts("Approval of the scores");
    ASSERT_EQ(report.conflicts.size(), 1U);
    EXPECT_TRUE(report.conflicts.front().joins(respondents, again));
    ASSERT_EQ(report.unlikeBases.size(), 2U);
    EXPECT_TRUE(report.unlikeBases[0].joins(adults, respondents) ||
                report.unlikeBases[1].joins(adults, respondents));
    EXPECT_TRUE(report.unlikeBases[0].joins(adults, again) || report.unlikeBases[1].joins(adults, again));
    for (const ConflictRow& row : report.unlikeBases)
        EXPECT_NE(row.explanation.find("are not compared: they are of different bases"), std::string::npos)
            << row.explanation;
    const MetricComparison compared = *project->compare(report.conflicts.front().metricId);
    EXPECT_EQ(compared.unlikeBases.size(), 2U);

    // Giving the 62% the same base brings it into the comparison.
    ClaimFields fields = project->claim(adults)->fields;
    fields.base.of = "RESPONDENTS";
    ASSERT_TRUE(project->updateClaim(adults, fields));
    EXPECT_EQ(project->conflicts("Approval of the scores")->conflicts.size(), 3U);
    EXPECT_TRUE(project->conflicts("Approval of the scores")->unlikeBases.empty());
}

TEST_F(ClaimBase, TheFindersReadingIsKeptWithItsSuggestionAndGivenToTheClaim) {
    ASSERT_TRUE(project->detectFigures(article, false));
    const std::vector<Suggestion> suggestions = *project->suggestions(article);
    const auto eighty = std::find_if(suggestions.begin(), suggestions.end(),
                                     [](const Suggestion& s) { return s.figure.text == "80 percent"; });
    ASSERT_NE(eighty, suggestions.end());
    EXPECT_EQ(eighty->figure.base, (FigureBase{"respondents", 2209, "2018"}));
    const std::string file = projectFile();
    EXPECT_NE(file.find(R"("base":"respondents","sample_size":2209,"fieldwork":"2018")"), std::string::npos);

    const std::int64_t suggested = eighty->id;
    const auto accepted = project->acceptSuggestions(std::span(&suggested, 1));
    ASSERT_TRUE(accepted) << accepted.error().message;
    EXPECT_EQ(accepted->front().fields.base, (FigureBase{"respondents", 2209, "2018"}));
}

TEST_F(ClaimBase, IsTheCsvsLastColumnsAndGoesThroughTheProjectFileOfEveryVersion) {
    const std::int64_t id = record("80 percent", 80, {"respondents", 2209, "2018-03/2018-05"});
    std::ostringstream csv;
    CsvWriter writer(csv);
    writeClaimHeader(writer);
    writeClaimRow(writer, *project->claim(id));
    EXPECT_NE(csv.str().find(",via,base,sample_size,fieldwork\r\n"), std::string::npos) << csv.str();
    EXPECT_NE(csv.str().find(",respondents,2209,2018-03/2018-05\r\n"), std::string::npos) << csv.str();

    const std::string file = projectFile();
    const auto merged = [&](const std::string& text) {
        auto copy = Project::create(projectLocation(dir, "copy" + std::to_string(text.size()) + ".claims"));
        EXPECT_TRUE(copy);
        std::istringstream in(text);
        EXPECT_TRUE(copy->mergeProject([&](ProjectRecords& records) { return readProjectFile(in, records); },
                                       MergePreference::Ours));
        std::ostringstream again;
        EXPECT_TRUE(writeProjectFile(*copy, again));
        return again.str();
    };
    EXPECT_EQ(merged(file), file) << "byte for byte";

    // A version 2 file has no bases: its claims read with none.
    std::string old = file;
    old.replace(old.find(R"("version":3)"), 11, R"("version":2)");
    const std::string base = R"(,"base":"respondents","sample_size":2209,"fieldwork":"2018-03/2018-05")";
    old.erase(old.find(base), base.size());
    const std::string none = R"(,"base":"","sample_size":null,"fieldwork":"")";
    for (std::size_t at; (at = old.find(none)) != std::string::npos;)
        old.erase(at, none.size());
    const std::string read = merged(old);
    EXPECT_NE(read.find(R"("quote":"80 percent")"), std::string::npos);
    EXPECT_NE(read.find(R"("base":"","sample_size":null,"fieldwork":"")"), std::string::npos);
}

// The published report says which figures it did not compare, and why.
TEST_F(ClaimBase, TheReportSaysWhichPercentagesWereNotComparedAndWhy) {
    record("80 percent", 80, {"respondents", 2209, "2018"});
    record("62 percent", 62, {"adults online", std::nullopt, ""});
    std::ostringstream html;
    ASSERT_TRUE(writeReportHtml(*project, {"Surveys", {}, {}, "", {}}, html));
    const std::string page = html.str();
    const std::size_t heading = page.find("<h3>Not compared</h3>");
    ASSERT_NE(heading, std::string::npos) << page;
    EXPECT_NE(page.find("62% of adults online and 80% of respondents are not compared: they are of different "
                        "bases (62%, 62 percent against 80%, 80 percent).",
                        heading),
              std::string::npos)
        << page.substr(heading);
}
