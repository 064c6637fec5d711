// Who a figure really comes from: a claim's source cited through others ("IHS Markit, via Xinhua"), stored
// with the claim, kept when sources are renamed, written in the CSV and the project file, followed by the
// history, and never left pointing at a source that is gone.
#include "claim_format.h"
#include "csv.h"
#include "project.h"
#include "project_file.h"
#include "project_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

class ClaimVia : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(projectLocation(dir, "via.claims"));
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        article = project
                      ->importArticle("Xinhua, citing IHS Markit, said China had 176 million cameras.\n",
                                      {"Cameras", "", "", "", ""}, "a.txt")
                      ->id;
        NewClaim claim{article, QuoteSelector{"176 million cameras", 1}, {}};
        claim.fields.value = 176e6;
        claim.fields.source = "IHS Markit";
        claim.fields.via = {"Xinhua"};
        auto added = project->addClaim(claim);
        ASSERT_TRUE(added) << added.error().message;
        id = *added;
    }

    const Entity& source(const std::vector<Entity>& sources, const std::string& name) {
        for (const Entity& entity : sources)
            if (entity.name == name)
                return entity;
        throw std::runtime_error("no source " + name);
    }

    std::string projectFile() { return test::projectFile(*project); }

    TempDir dir;
    std::unique_ptr<Project> project;
    std::int64_t article = 0, id = 0;
};

}  // namespace

TEST_F(ClaimVia, AChainIsStoredInOrderAndReadAsTheSourceViaTheOthers) {
    ClaimFields fields = project->claim(id)->fields;
    EXPECT_EQ(fields.via, std::vector<std::string>{"Xinhua"});
    EXPECT_EQ(sourceChain(fields), "IHS Markit via Xinhua");
    fields.via = {"Xinhua", "People's Daily"};
    ASSERT_TRUE(project->updateClaim(id, fields));
    EXPECT_EQ(project->claim(id)->fields.via, (std::vector<std::string>{"Xinhua", "People's Daily"}));

    // The history says what the chain was and became, by name.
    bool recorded = false;
    for (const HistoryEntry& entry : *project->history({"claim", id}))
        recorded |=
            entry.field == "via" && entry.before == "Xinhua" && entry.after == "Xinhua via People's Daily";
    EXPECT_TRUE(recorded);

    // Sources used only in a chain are sources of the project, counted with the claims that came through
    // them.
    const std::vector<Entity> sources = *project->entities(EntityKind::Source);
    EXPECT_EQ(source(sources, "People's Daily").claimCount, 1);
    EXPECT_EQ(source(sources, "IHS Markit").claimCount, 1);
}

TEST_F(ClaimVia, AChainWithoutASourceOrNamingOneTwiceIsRefusedAndChangesNothing) {
    const std::string before = projectFile();
    ClaimFields fields = project->claim(id)->fields;
    fields.source.clear();
    auto noSource = project->updateClaim(id, fields);
    ASSERT_FALSE(noSource);
    EXPECT_NE(noSource.error().message.find("needs the source it comes from"), std::string::npos)
        << noSource.error().message;
    fields = project->claim(id)->fields;
    fields.via = {"IHS Markit"};
    auto twice = project->updateClaim(id, fields);
    ASSERT_FALSE(twice);
    EXPECT_NE(twice.error().message.find("\"IHS Markit\" is named twice"), std::string::npos)
        << twice.error().message;
    EXPECT_EQ(projectFile(), before);
}

TEST_F(ClaimVia, RenamingASourceRenamesItInChainsAndOneInAChainIsNeitherDeletedNorMergedAway) {
    const std::int64_t xinhua = source(*project->entities(EntityKind::Source), "Xinhua").id;
    ASSERT_TRUE(project->renameEntity(EntityKind::Source, xinhua, "Xinhua News Agency"));
    EXPECT_EQ(project->claim(id)->fields.via, std::vector<std::string>{"Xinhua News Agency"});

    const auto deleted = project->deleteEntity(EntityKind::Source, xinhua);
    ASSERT_FALSE(deleted);
    EXPECT_NE(deleted.error().message.find("is used by 1 claim"), std::string::npos)
        << deleted.error().message;
    const std::int64_t ihs = source(*project->entities(EntityKind::Source), "IHS Markit").id;
    const auto merged = project->mergeEntity(EntityKind::Source, xinhua, ihs);
    ASSERT_FALSE(merged);
    EXPECT_NE(merged.error().message.find("came through the source \"Xinhua News Agency\""),
              std::string::npos)
        << merged.error().message;
    EXPECT_EQ(project->claim(id)->fields.via, std::vector<std::string>{"Xinhua News Agency"});
}

TEST_F(ClaimVia, TheChainIsACsvColumnAfterThoseBeforeItAndGoesThroughTheProjectFile) {
    std::ostringstream csv;
    CsvWriter writer(csv);
    writeClaimHeader(writer);
    writeClaimRow(writer, *project->claim(id));
    const std::string text = csv.str();
    EXPECT_NE(text.find(",updated_at,via,base,"), std::string::npos) << text;
    EXPECT_NE(text.find(",Xinhua,,,\r\n"), std::string::npos) << text;

    const std::string file = projectFile();
    EXPECT_NE(file.find(R"("via":["Xinhua"])"), std::string::npos);
    auto created = Project::create(projectLocation(dir, "copy.claims"));
    ASSERT_TRUE(created);
    std::istringstream in(file);
    ASSERT_TRUE(created->mergeProject([&](ProjectRecords& records) { return readProjectFile(in, records); },
                                      MergePreference::Ours));
    std::ostringstream again;
    ASSERT_TRUE(writeProjectFile(*created, again));
    EXPECT_EQ(again.str(), file);
}

// A figure repeated by several outlets, each citing the same original source, counts once in the cross-check:
// one conflict with the figure another source gives, not one for every outlet.
TEST_F(ClaimVia, AFigureRepeatedThroughSeveralOutletsCountsOnceInTheCrossCheck) {
    const ImportedArticle wire =
        *project->importArticle("Reuters, citing IHS Markit, reported 626 million cameras by 2020. Another "
                                "outlet, citing IHS Markit, "
                                "also had 626 million. State media said 450 million by 2020.\n",
                                {"Forecasts", "", "", "", ""}, "b.txt");
    const auto record = [&](const char* quote, int occurrence, double value, const char* source,
                            std::vector<std::string> via) {
        NewClaim claim{wire.id, QuoteSelector{quote, occurrence}, {}};
        claim.fields.value = value;
        claim.fields.metric = "Surveillance cameras";
        claim.fields.source = source;
        claim.fields.via = std::move(via);
        claim.fields.asOf = "2020";
        ASSERT_TRUE(project->addClaim(claim));
    };
    record("626 million", 1, 626e6, "IHS Markit", {"Reuters"});
    record("626 million", 2, 626e6, "IHS Markit", {"Another outlet"});
    record("450 million", 1, 450e6, "State media", {});
    const ConflictReport report = *project->conflicts("Surveillance cameras");
    ASSERT_EQ(report.conflicts.size(), 1U) << "IHS Markit's figure, told twice, is one side";
    EXPECT_EQ(report.conflicts.front().higher.claimIds->size(), 2U);
}

// The finder's reading of whom a figure came through is kept with its suggestion and given to the claim that
// accepts it.
TEST_F(ClaimVia, AnAcceptedSuggestionKeepsWhomTheFigureCameThrough) {
    const std::int64_t other = project
                                   ->importArticle("Reuters, citing IHS Markit, said 626 million cameras.\n",
                                                   {"Forecast", "", "", "", ""}, "b.txt")
                                   ->id;
    ASSERT_TRUE(project->detectFigures(other, false));
    const std::vector<Suggestion> suggestions = *project->suggestions(other);
    ASSERT_EQ(suggestions.size(), 1U);
    EXPECT_EQ(suggestions.front().figure.via, "Reuters");
    const std::int64_t suggested = suggestions.front().id;
    const auto accepted = project->acceptSuggestions(std::span(&suggested, 1));
    ASSERT_TRUE(accepted) << accepted.error().message;
    EXPECT_EQ(accepted->front().fields.source, "IHS Markit");
    EXPECT_EQ(accepted->front().fields.via, std::vector<std::string>{"Reuters"});
}
