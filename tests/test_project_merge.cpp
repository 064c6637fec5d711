// Whole projects as a project file, and merging one project into another: the round trip is byte for byte,
// two researchers' copies come together with nothing lost, and a bad file changes nothing.
#include "pdf_writer.h"
#include "project.h"
#include "project_file.h"
#include "project_support.h"
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <thread>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

Result<MergeReport> mergeFile(Project& ours, const std::string& file,
                              MergePreference prefer = MergePreference::Ours) {
    std::istringstream in(file);
    return ours.mergeProject([&](ProjectRecords& records) { return readProjectFile(in, records); }, prefer);
}

Result<MergeReport> mergeProject(Project& ours, Project& theirs,
                                 MergePreference prefer = MergePreference::Ours) {
    return ours.mergeProject([&](ProjectRecords& records) { return readProjectRecords(theirs, records); },
                             prefer);
}

std::set<std::string> claimUuids(Project& project) {
    std::set<std::string> uuids;
    for (const ClaimRecord& claim : *project.claims())
        uuids.insert(claim.uuid);
    return uuids;
}

// Past the millisecond a claim was recorded in, so an edit is seen as one.
void aMomentLater() {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
}

class ProjectMerge : public testing::Test {
protected:
    void SetUp() override {
        original = open("original.claims");
        Project& p = *original;
        cameras =
            p.importArticle("Cameras everywhere\nIHS Markit counted 176 million cameras in 2016. It expects "
                            "626 million by 2020. State media said 450 million by 2020. Police ran 20,000 "
                            "checkpoints.\n",
                            {"", "Ana Li", "Daily Lens", "https://example.org/cameras", "2019-05"}, "a.txt")
                ->id;
        const std::string pdf = makePdf({{{{"Blacklists"},
                                           {"Courts barred travellers from flights 17.5 million "
                                            "times."}}},
                                         {{{"By 2019 some 23 million trips were refused."}}}},
                                        "Blacklists", "Court report");
        const ArticleSource source{"bans.pdf", {}, [&] { return Result<std::string>(pdf); }, {}, true};
        ASSERT_TRUE(
            p.importArticles({&source, 1}, [&](const ArticleSource&, const Result<ImportedArticle>& a) {
                ASSERT_TRUE(a) << a.error().message;
                bans = a->id;
            }));
        first =
            add(p, cameras, "176 million cameras", 176e6, "Surveillance cameras", "IHS Markit", {"cameras"});
        add(p, cameras, "626 million", 626e6, "Surveillance cameras", "IHS Markit", {"forecast"});
        add(p, cameras, "450 million", 450e6, "Surveillance cameras", "State media", {"forecast", "state"});
        add(p, bans, "17.5 million", 17.5e6, "Flight bans", "", {});
        MetricDetails details;
        details.kind = UnitKind::Count;
        details.place = "China";
        details.tolerance = 0.1;
        details.factCheckUrl = "https://example.org/desk/bans";
        details.reviewed = "2026-11-30";
        ASSERT_TRUE(p.setMetricDetails(p.metricNamed("Flight bans")->id, details));
        ASSERT_TRUE(p.setPublishingSettings({"Travel Ban Desk", "https://example.org/desk"}));
        const ConflictReport report = *p.conflicts("Surveillance cameras");
        ASSERT_FALSE(report.conflicts.empty());
        ASSERT_TRUE(p.recordVerdict(report.conflicts.front(), VerdictChoice::BothStand, "Different years"));
        ASSERT_TRUE(p.detectFigures(std::nullopt, false));
        const std::vector<Suggestion> suggestions = *p.suggestions(bans);
        ASSERT_GE(suggestions.size(), 1u);
        ASSERT_TRUE(p.setSuggestionsRejected({&suggestions.front().id, 1}, true));
        ASSERT_TRUE(p.setProjectMemo("Scope: cameras and travel bans."));
        ASSERT_TRUE(p.setArticleDetails(bans, p.article(bans)->meta, "Ask the court for its count."));
    }

    std::unique_ptr<Project> open(const std::string& name) {
        auto created = Project::create(projectLocation(dir, name));
        EXPECT_TRUE(created) << created.error().message;
        return std::make_unique<Project>(std::move(*created));
    }

    // A researcher's own copy of the project, as the project file brings it to them.
    std::unique_ptr<Project> copy(const std::string& name) {
        auto project = open(name);
        EXPECT_TRUE(mergeFile(*project, projectFile(*original)));
        return project;
    }

    static std::int64_t add(Project& p, std::int64_t article, const char* quote, double value,
                            const char* metric, const char* source, std::vector<std::string> tags) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.metric = metric;
        claim.fields.source = source;
        claim.fields.tags = std::move(tags);
        return *p.addClaim(claim);
    }

    static std::int64_t claimWithUuid(Project& p, const std::string& uuid) {
        for (const ClaimRecord& claim : *p.claims())
            if (claim.uuid == uuid)
                return claim.id;
        return 0;
    }

    TempDir dir;
    std::unique_ptr<Project> original;
    std::int64_t cameras = 0, bans = 0, first = 0;
};

}  // namespace

TEST_F(ProjectMerge, ExportImportIntoAnEmptyProjectAndExportAgainGiveTheSameBytes) {
    const std::string file = projectFile(*original);
    // Everything is in it: the PDF's bytes and pages, memos, metric details, the verdict, both suggestions.
    for (const char* part :
         {R"("original":{"file_name":"bans.pdf")", R"("pages":[0,)", "Ask the court", "Scope: cameras",
          R"("tolerance":0.1)", R"("fact_check_url":"https://example.org/desk/bans","reviewed":"2026-11-30")",
          R"("reviewer":"Travel Ban Desk","reviewer_url":"https://example.org/desk")", "Different years",
          R"("state":"rejected")", R"("state":"pending")", R"("tags":["forecast","state"])"})
        EXPECT_NE(file.find(part), std::string::npos) << part;

    auto empty = open("empty.claims");
    const auto report = mergeFile(*empty, file);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->claims.added, 4u);
    EXPECT_EQ(report->articles.added, 2u);
    EXPECT_EQ(report->verdicts.added, 1u);
    EXPECT_EQ(projectFile(*empty), file);
    EXPECT_EQ(empty->articleOriginal(2)->value().bytes, original->articleOriginal(bans)->value().bytes);
    EXPECT_EQ(empty->conflicts()->conflicts.front().explanation,
              original->conflicts()->conflicts.front().explanation);
}

TEST_F(ProjectMerge, MergingTheSameProjectTwiceChangesNothing) {
    auto mine = copy("mine.claims");
    const std::string before = projectFile(*mine);
    for (int time = 0; time < 2; ++time) {
        const auto report = mergeProject(*mine, *original);
        ASSERT_TRUE(report) << report.error().message;
        EXPECT_EQ(report->claims.identical, 4u);
        EXPECT_EQ(report->claims.added + report->claims.taken + report->articles.added +
                      report->suggestions.added,
                  0u);
        EXPECT_TRUE(report->conflicts.empty()) << describeMerge(*report);
        EXPECT_EQ(projectFile(*mine), before);
    }
}

TEST_F(ProjectMerge, TwoResearchersCopiesComeTogetherWithNothingLost) {
    auto ana = copy("ana.claims");
    auto ben = copy("ben.claims");
    const std::string firstUuid = original->claim(first)->uuid;
    // The verdict set the first two claims' statuses before the copies were made; the third was never edited.
    const std::string forecastUuid = original->claims()->at(2).uuid;
    aMomentLater();
    // Both change the first claim; only Ben changes the forecast's note; each adds claims of their own.
    ClaimFields anaFirst = ana->claim(claimWithUuid(*ana, firstUuid))->fields;
    anaFirst.value = 177e6;
    ASSERT_TRUE(ana->updateClaim(claimWithUuid(*ana, firstUuid), anaFirst));
    add(*ana, 1, "2016", 2016, "Survey years", "", {});
    ClaimFields benFirst = ben->claim(claimWithUuid(*ben, firstUuid))->fields;
    benFirst.status = ClaimStatus::Disputed;
    ASSERT_TRUE(ben->updateClaim(claimWithUuid(*ben, firstUuid), benFirst));
    ClaimFields benForecast = ben->claim(claimWithUuid(*ben, forecastUuid))->fields;
    benForecast.note = "Forecast, not a count";
    ASSERT_TRUE(ben->updateClaim(claimWithUuid(*ben, forecastUuid), benForecast));
    const std::int64_t benArticle =
        ben->importArticle("Scores\nSome 1.4 billion people were to be scored by 2020.\n", {}, "c.txt")->id;
    add(*ben, benArticle, "1.4 billion", 1.4e9, "People scored", "State Council", {"scores"});
    ASSERT_TRUE(ben->setProjectMemo("Ben's scope."));

    const auto report = mergeProject(*ana, *ben);
    ASSERT_TRUE(report) << report.error().message;
    const std::string said = describeMerge(*report);

    // Changed on both sides: Ana's kept, Ben's listed beside it.
    ASSERT_EQ(report->conflicts.size(), 2u) << said;  // the first claim, and the project memo
    EXPECT_NE(said.find("claim " + firstUuid.substr(0, 8)), std::string::npos) << said;
    EXPECT_NE(said.find("figure: ours 177,000,000 · theirs 176,000,000"), std::string::npos) << said;
    EXPECT_NE(said.find(fmt::format("status: ours {} · theirs disputed", toString(anaFirst.status))),
              std::string::npos)
        << said;
    EXPECT_EQ(ana->claim(claimWithUuid(*ana, firstUuid))->fields, anaFirst);
    EXPECT_EQ(*ana->projectMemo(), "Scope: cameras and travel bans.");
    // Changed on Ben's side only: taken.
    EXPECT_EQ(ana->claim(claimWithUuid(*ana, forecastUuid))->fields.note, "Forecast, not a count");
    EXPECT_EQ(said.find("Forecast, not a count"), std::string::npos) << said;
    EXPECT_EQ(report->claims.taken, 1u);
    EXPECT_EQ(report->articles.added, 1u);
    // Nothing lost: every claim of either side is in the result.
    std::set<std::string> both = claimUuids(*ana);
    for (const std::string& uuid : claimUuids(*ben))
        EXPECT_TRUE(both.count(uuid)) << uuid;
    EXPECT_EQ(both.size(), 4u + 1u + 1u);

    // Merging again changes nothing; the conflict is listed again, as it still stands.
    const std::string merged = projectFile(*ana);
    const auto again = mergeProject(*ana, *ben);
    ASSERT_TRUE(again);
    EXPECT_EQ(projectFile(*ana), merged);
    EXPECT_EQ(again->conflicts.size(), 2u);
}

TEST_F(ProjectMerge, PreferTheirsOrNewerKeepsTheOtherVersionOfAClaimBothChanged) {
    auto ana = copy("ana.claims");
    auto ben = copy("ben.claims");
    const std::string uuid = original->claim(first)->uuid;
    aMomentLater();
    ClaimFields anaFields = ana->claim(claimWithUuid(*ana, uuid))->fields;
    anaFields.note = "Ana's note";
    ASSERT_TRUE(ana->updateClaim(claimWithUuid(*ana, uuid), anaFields));
    aMomentLater();
    ClaimFields benFields = ben->claim(claimWithUuid(*ben, uuid))->fields;
    benFields.note = "Ben's note, written later";
    ASSERT_TRUE(ben->updateClaim(claimWithUuid(*ben, uuid), benFields));
    const std::string anaBefore = projectFile(*ana);

    auto newer = mergeProject(*ana, *ben, MergePreference::Newer);
    ASSERT_TRUE(newer);
    ASSERT_EQ(newer->conflicts.size(), 1u);
    EXPECT_TRUE(newer->conflicts.front().keptTheirs);
    EXPECT_EQ(ana->claim(claimWithUuid(*ana, uuid))->fields.note, "Ben's note, written later");
    // Ben, preferring his own on the same pair, keeps his; preferring Ana's, takes hers.
    auto own = mergeFile(*ben, anaBefore, MergePreference::Ours);
    ASSERT_TRUE(own);
    EXPECT_EQ(ben->claim(claimWithUuid(*ben, uuid))->fields.note, "Ben's note, written later");
    auto theirs = mergeFile(*ben, anaBefore, MergePreference::Theirs);
    ASSERT_TRUE(theirs);
    EXPECT_EQ(ben->claim(claimWithUuid(*ben, uuid))->fields.note, "Ana's note");
}

TEST_F(ProjectMerge, ArticlesMatchByTextAndNamesMatchWithoutCase) {
    auto other = open("other.claims");
    // The same text imported on its own (another UUID), a source spelt in other case, an empty detail.
    const std::int64_t same = other->importArticle(*original->articleText(cameras), {}, "again.txt")->id;
    add(*other, same, "450 million", 450e6, "surveillance cameras", "state media", {"state", "forecast"});
    const auto report = mergeProject(*original, *other);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->articles.added, 0u);
    EXPECT_EQ(report->sources.added + report->metrics.added, 0u);
    // The claim on the same words with the same fields (names as spelt here) is one claim.
    EXPECT_EQ(report->claims.identical, 1u) << describeMerge(*report);
    EXPECT_EQ(original->claims()->size(), 4u);
}

TEST_F(ProjectMerge, ABadFileIsRefusedSayingWhereAndChangesNothing) {
    auto mine = copy("mine.claims");
    const std::string before = projectFile(*mine);
    std::string file = projectFile(*original);
    const auto replaced = [&](const std::string& from, const std::string& to) {
        std::string changed = file;
        const auto at = changed.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return changed.replace(at, from.size(), to);
    };
    // A new claim first, so that a refusal after it has something to take back.
    add(*original, cameras, "2020", 2020, "Survey years", "", {});
    file = projectFile(*original);
    const std::pair<std::string, std::string> cases[] = {
        {file.substr(0, file.size() / 2), "project file: parse error"},
        {replaced(R"("version":3)", R"("version":4)"), "version 4, written by a newer Claimtrack"},
        {replaced(R"("lineage":"")", R"("lineage":"first")"),
         R"(articles[0]: "lineage" is not a UUID: "first")"},
        {replaced(R"("format":"claimtrack-project")", R"("format":"other")"),
         "not a Claimtrack project file"},
        {"[1, 2]", "not a Claimtrack project file"},
        {replaced("626 million by 2020", "625 million by 2020"), "articles[0]: its text is not the text"},
        {replaced("Cameras everywhere\\n", "Cameras everywhere\\r\\n"),
         "articles[0]: its text is not as Claimtrack"},
        {replaced(R"("quote":"450 million")", R"("quote":"451 million")"), "are not the article's at"},
        {replaced(R"("status":"unverified")",
                  R"("status":"dubious\nand so on, and on, and on, and on, and on")"),
         R"(: no status "dubious\u000aand so on, and on, and on, and o…")"},
        {replaced(R"("claims":[
{"uuid":")",
                  R"("claims":[
{"uuid":"x)"),
         R"(claims[0]: "uuid" is not a UUID: "x)"},
        {replaced(R"("claims":[)", R"("claims":[7,)"), "claims[0]: not an object"},
        {replaced(R"("sources":[)", R"("widgets":[)"), "unknown part \"widgets\""},
        {replaced(R"("unit_kind":"count")", R"("unit_kind":"count\nof things")"),
         R"(metrics[0]: no unit kind "count\u000aof things")"},
    };
    for (const auto& [bad, expected] : cases) {
        const auto merged = mergeFile(*mine, bad);
        ASSERT_FALSE(merged) << expected;
        EXPECT_NE(merged.error().message.find(expected), std::string::npos) << merged.error().message;
        EXPECT_EQ(merged.error().message.find('\n'), std::string::npos) << merged.error().message;
        EXPECT_EQ(projectFile(*mine), before) << expected;
    }
}

TEST_F(ProjectMerge, ASuggestionAcceptedHereIsNotProposedAgain) {
    auto mine = copy("mine.claims");
    std::vector<Suggestion> pending = *mine->suggestions(1);
    ASSERT_FALSE(pending.empty());
    ASSERT_TRUE(mine->acceptSuggestions({&pending.front().id, 1}));
    const std::size_t left = mine->suggestions(1)->size();
    const auto report = mergeProject(*mine, *original);
    ASSERT_TRUE(report);
    EXPECT_EQ(mine->suggestions(1)->size(), left);
    EXPECT_EQ(report->suggestions.added, 0u);
}

TEST_F(ProjectMerge, DetailsSetDifferentlyOnBothSidesAreListedAndEmptyOnesFilled) {
    auto ana = copy("ana.claims");
    auto ben = copy("ben.claims");
    const std::int64_t anaBans = ana->metricNamed("Flight bans")->id;
    const std::int64_t benBans = ben->metricNamed("Flight bans")->id;
    MetricDetails anaDetails = ana->metricNamed("Flight bans")->metric;
    anaDetails.place = "Mainland China";
    ASSERT_TRUE(ana->setMetricDetails(anaBans, anaDetails));
    MetricDetails benDetails = ben->metricNamed("Flight bans")->metric;
    benDetails.population = "Travellers on the court's list";  // empty on Ana's side: filled
    benDetails.place = "PRC";                                  // set on both: a conflict
    ASSERT_TRUE(ben->setMetricDetails(benBans, benDetails));
    // Ben records a different verdict on the same conflict.
    const ConflictReport report = *ben->conflicts("Surveillance cameras");
    ASSERT_TRUE(
        ben->recordVerdict(report.conflicts.front(), VerdictChoice::LowerSupported, "The count is older"));

    const auto merged = mergeProject(*ana, *ben, MergePreference::Theirs);
    ASSERT_TRUE(merged) << merged.error().message;
    const std::string said = describeMerge(*merged);
    EXPECT_NE(said.find("metric \"Flight bans\": kept theirs"), std::string::npos) << said;
    EXPECT_NE(said.find("place: ours Mainland China · theirs PRC"), std::string::npos) << said;
    EXPECT_NE(said.find("note: ours Different years · theirs The count is older"), std::string::npos) << said;
    const MetricDetails result = ana->metricNamed("Flight bans")->metric;
    EXPECT_EQ(result.place, "PRC");
    EXPECT_EQ(result.population, "Travellers on the court's list");
    EXPECT_EQ(result.tolerance, 0.1);
    EXPECT_EQ(ana->conflicts("Surveillance cameras")->conflicts.front().verdict->note, "The count is older");
    EXPECT_EQ(merged->verdicts.taken, 1u);
}

TEST_F(ProjectMerge, AnArticleWithTheSameUuidAndAnotherTextIsKeptApartAndNamed) {
    std::string file = projectFile(*original);
    auto other = open("other.claims");
    ASSERT_TRUE(mergeFile(*other, file));
    // The same article UUID over another text (a project file from elsewhere, or a hand-edited one).
    const std::string uuid = original->article(cameras)->uuid;
    auto mine = open("mine.claims");
    const std::int64_t mineArticle =
        mine->importArticle("Another text altogether, with 5 figures in it.\n", {}, "x.txt")->id;
    const std::string mineFile = projectFile(*mine);
    std::string edited = mineFile;
    const std::string mineUuid = mine->article(mineArticle)->uuid;
    for (std::size_t at = edited.find(mineUuid); at != std::string::npos; at = edited.find(mineUuid, at))
        edited.replace(at, mineUuid.size(), uuid);
    const auto merged = mergeFile(*other, edited);
    ASSERT_TRUE(merged) << merged.error().message;
    EXPECT_EQ(merged->articles.added, 1u);
    ASSERT_EQ(merged->notes.size(), 1u);
    EXPECT_NE(merged->notes[0].find("has another text here"), std::string::npos) << merged->notes[0];
    const std::vector<Article> articles = *other->articles();
    ASSERT_EQ(articles.size(), 3u);
    EXPECT_NE(articles[2].uuid, uuid) << "kept apart, under a UUID of its own";
    EXPECT_EQ(*other->articleText(articles[2].id), "Another text altogether, with 5 figures in it.\n");
}

// Versions of an article, and the claims a newer version did not carry, go through the project file and a
// merge: nothing of them is lost, and a file of version 1 (no versions) still reads.
TEST_F(ProjectMerge, VersionsAndTheClaimsWaitingOnThemComeThroughTheFileAndAMerge) {
    const std::string beforeVersions = projectFile(*original);
    auto mine = copy("mine.claims");  // a copy made before the newer version came
    const std::int64_t checkpoints =
        add(*original, cameras, "20,000 checkpoints", 2e4, "Checkpoints", "", {});
    std::string text = *original->articleText(cameras);
    text.replace(text.find("626 million"), 11, "650 million");
    text.erase(text.find(" Police ran"));
    const ArticleSource source{"v2.txt",
                               {"Cameras everywhere", "", "Daily Lens", "", "2019-06"},
                               [&] { return Result<std::string>(text + "\n"); },
                               {},
                               true,
                               cameras};
    ASSERT_TRUE(original->importArticles({&source, 1}, [](const auto&, const auto& added) {
        ASSERT_TRUE(added && added->version) << (added ? "not a version" : added.error().message);
        EXPECT_EQ(added->version->figureChanged, 1u);
        EXPECT_EQ(added->version->orphaned, 1u);
    }));
    const std::string file = projectFile(*original);
    EXPECT_NE(file.find(R"("version":2,"format")"), std::string::npos);
    EXPECT_NE(file.find(R"("kind":"figure changed")"), std::string::npos);
    EXPECT_NE(file.find(R"("figure_before":"626 million","figure_after":"650 million")"), std::string::npos);

    auto empty = open("empty.claims");
    const auto report = mergeFile(*empty, file);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->carries.added, 2u);
    EXPECT_EQ(projectFile(*empty), file) << "byte for byte";
    EXPECT_EQ(empty->articleVersions(cameras)->size(), 2u);
    const auto again = mergeFile(*empty, file);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->carries.identical, 2u);
    EXPECT_EQ(projectFile(*empty), file);

    // The copy made before: its first version joins the versions, the second comes, and the claims wait.
    const auto merged = mergeProject(*mine, *original);
    ASSERT_TRUE(merged) << merged.error().message;
    EXPECT_EQ(mine->articleVersions(cameras)->size(), 2u);  // the copy numbers articles as the original
    const auto waiting = *mine->pendingCarries();
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(waiting[0].figureAfter, "650 million");
    EXPECT_EQ(waiting[1].claim.uuid, original->claim(checkpoints)->uuid);
    EXPECT_EQ(waiting[1].kind, CarryKind::Orphaned);

    // A version 1 file: no versions in its articles, no carries.
    std::string old = beforeVersions;
    old.replace(old.find(R"("version":3)"), 11, R"("version":1)");
    for (std::size_t at; (at = old.find(R"("lineage":"","version":1,)")) != std::string::npos;)
        old.erase(at, std::string(R"("lineage":"","version":1,)").size());
    old.erase(old.find(",\n\"carries\":[\n]"), std::string(",\n\"carries\":[\n]").size());
    auto fromOld = open("old.claims");
    ASSERT_TRUE(mergeFile(*fromOld, old));
    EXPECT_EQ(projectFile(*fromOld), beforeVersions);
}
