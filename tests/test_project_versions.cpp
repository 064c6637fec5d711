// Versions of an article in a project (db/project_versions.cpp): a newer text with the same URL is a new
// version, its claims carried where their words stand, the others waiting for the researcher.
#include "project.h"
#include "project_support.h"
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

const std::string kUrl = "https://news.example/cameras";
const std::string kFirst = "Analysts counted more than 200 million surveillance cameras across the country. "
                           "The ministry said 43 pilot cities had tested local schemes.\n\n"
                           "A survey found 80 percent of respondents approved.";

class Versions : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(path);
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        auto imported = project->importArticle(kFirst, {"Cameras", "", "", kUrl, "2019-12-01"}, "v1.txt");
        ASSERT_TRUE(imported);
        first = imported->id;
        cameras = record("more than 200 million surveillance cameras", 200e6, ClaimStatus::Supported);
        cities = record("43 pilot cities", 43, ClaimStatus::Unverified);
        survey = record("80 percent of respondents", 80, ClaimStatus::Unverified);
    }

    std::int64_t record(const std::string& quote, double value, ClaimStatus status) {
        NewClaim claim{first, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.metric = quote;
        claim.fields.status = status;
        claim.fields.tags = {"versions"};
        auto id = project->addClaim(claim);
        EXPECT_TRUE(id) << id.error().message;
        return id ? *id : 0;
    }

    // Imports `text` as the next version (by URL unless `of` names the article).
    ImportedArticle update(const std::string& text, std::int64_t of = 0, const std::string& url = kUrl) {
        const ArticleSource source{"v2.txt",
                                   {"Cameras", "", "", url, "2019-12-05"},
                                   [text] { return Result<std::string>(text); },
                                   {},
                                   true,
                                   of};
        std::optional<ImportedArticle> imported;
        auto done = project->importArticles(std::span(&source, 1), [&](const auto&, const auto& outcome) {
            EXPECT_TRUE(outcome) << outcome.error().message;
            if (outcome)
                imported = *outcome;
        });
        EXPECT_TRUE(done);
        return imported.value_or(ImportedArticle{});
    }

    std::string revised(std::string text, const std::string& from, const std::string& to) {
        text.replace(text.find(from), from.size(), to);
        return text;
    }

    TempDir dir;
    std::filesystem::path path = projectLocation(dir, "versions.claims");
    std::unique_ptr<Project> project;
    std::int64_t first = 0, cameras = 0, cities = 0, survey = 0;
};

}  // namespace

TEST_F(Versions, ANewerTextAtTheSameUrlIsANewVersionWithItsClaimsCarried) {
    const std::string second =
        "Updated on 5 December. " + revised(kFirst, "local schemes", "local scoring schemes");
    const ImportedArticle added = update(second);
    ASSERT_TRUE(added.version);
    EXPECT_EQ(added.version->previousId, first);
    EXPECT_EQ(added.version->version, 2);
    EXPECT_EQ(added.version->carried, 3U);
    EXPECT_EQ(added.version->figureChanged + added.version->orphaned, 0U);

    const auto versions = project->articleVersions(first);
    ASSERT_TRUE(versions);
    ASSERT_EQ(versions->size(), 2U);
    EXPECT_EQ((*versions)[0].version, 1);
    EXPECT_EQ((*versions)[1].version, 2);
    EXPECT_EQ((*versions)[1].id, added.id);
    EXPECT_EQ((*versions)[0].lineage, (*versions)[0].uuid);
    EXPECT_EQ((*versions)[1].lineage, (*versions)[0].uuid);
    EXPECT_EQ(*project->articleText(first), kFirst) << "the older text never changes";

    const ClaimRecord carried = *project->claim(cities);
    EXPECT_EQ(carried.articleId, added.id);
    EXPECT_EQ(carried.anchor.quote.exact, "43 pilot cities");
    EXPECT_EQ(carried.anchor.range.start,
              kFirst.find("43 pilot") + std::string("Updated on 5 December. ").size());
    EXPECT_EQ(carried.fields.status, ClaimStatus::Unverified);
    EXPECT_EQ(project->claim(cameras)->fields.status, ClaimStatus::Supported) << "carried as it was";
    EXPECT_TRUE(project->pendingCarries()->empty());

    // The move is in the claim's history: the article it is on and where.
    std::vector<std::string> fields;
    for (const HistoryEntry& entry : *project->history({"claim", cities}))
        fields.push_back(entry.field);
    EXPECT_NE(std::find(fields.begin(), fields.end(), "article"), fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "start"), fields.end());
}

TEST_F(Versions, AChangedFigureWaitsAndIsMovedWithTheNewFigure) {
    const std::string second = revised(kFirst, "200 million", "250 million");
    const ImportedArticle added = update(second);
    ASSERT_TRUE(added.version);
    EXPECT_EQ(added.version->carried, 2U);
    EXPECT_EQ(added.version->figureChanged, 1U);

    auto pending = project->pendingCarries(first);
    ASSERT_TRUE(pending);
    ASSERT_EQ(pending->size(), 1U);
    const PendingCarry& waiting = pending->front();
    EXPECT_EQ(waiting.claim.id, cameras);
    EXPECT_EQ(waiting.kind, CarryKind::FigureChanged);
    EXPECT_EQ(waiting.figureBefore, "more than 200 million");
    EXPECT_EQ(waiting.figureAfter, "more than 250 million");
    EXPECT_EQ(waiting.words, "more than 250 million surveillance cameras");
    EXPECT_EQ(waiting.articleId, added.id);
    EXPECT_EQ(project->claim(cameras)->articleId, first) << "it waits on its version";

    ASSERT_TRUE(project->resolveCarry(cameras, CarryDecision::Move));
    const ClaimRecord moved = *project->claim(cameras);
    EXPECT_EQ(moved.articleId, added.id);
    EXPECT_EQ(moved.anchor.quote.exact, "more than 250 million surveillance cameras");
    EXPECT_EQ(moved.fields.value, 250e6);
    EXPECT_EQ(moved.fields.status, ClaimStatus::Unverified) << "the verdict was on the old figure";
    EXPECT_EQ(moved.fields.tags, std::vector<std::string>{"versions"});
    EXPECT_TRUE(project->pendingCarries()->empty());
    bool valueRecorded = false;
    for (const HistoryEntry& entry : *project->history({"claim", cameras}))
        valueRecorded |= entry.field == "value" && entry.before == "200000000" && entry.after == "250000000";
    EXPECT_TRUE(valueRecorded) << "what the claim said before is in its history";
}

// Undoing a decision (the app's Ctrl+Z) puts the claim back exactly as it waited, waiting again.
TEST_F(Versions, ADecisionUndoneLeavesTheClaimWaitingAsItWas) {
    update(revised(kFirst, "200 million", "250 million"));
    const ClaimRecord before = *project->claim(cameras);
    const auto decided = project->resolveCarry(cameras, CarryDecision::Move);
    ASSERT_TRUE(decided);
    ASSERT_NE(project->claim(cameras)->articleId, first);

    ASSERT_TRUE(project->restoreCarry(*decided));
    const ClaimRecord after = *project->claim(cameras);
    EXPECT_EQ(after.articleId, first);
    EXPECT_EQ(after.anchor.range, before.anchor.range);
    EXPECT_EQ(after.fields, before.fields);
    const auto pending = *project->pendingCarries();
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_EQ(pending.front().kind, CarryKind::FigureChanged);
    EXPECT_EQ(pending.front().figureAfter, "more than 250 million");
    EXPECT_EQ(pending.front().words, "more than 250 million surveillance cameras");
    ASSERT_TRUE(project->resolveCarry(cameras, CarryDecision::Move)) << "and can be decided again";
}

TEST_F(Versions, KeepingLeavesTheClaimOnItsVersionAndRejectingOrphansIt) {
    const ImportedArticle added = update(revised(revised(kFirst, "200 million", "250 million"), "43", "47"));
    ASSERT_TRUE(added.version);
    EXPECT_EQ(added.version->figureChanged, 2U);

    ASSERT_TRUE(project->resolveCarry(cameras, CarryDecision::Keep));
    EXPECT_EQ(project->claim(cameras)->articleId, first);
    EXPECT_EQ(project->claim(cameras)->fields.value, 200e6);

    ASSERT_TRUE(project->resolveCarry(cities, CarryDecision::Reject));
    auto pending = *project->pendingCarries();
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_EQ(pending.front().claim.id, cities);
    EXPECT_EQ(pending.front().kind, CarryKind::Orphaned);

    const auto refused = project->resolveCarry(cities, CarryDecision::Move);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("claim " + std::to_string(cities) + " is orphaned"),
              std::string::npos)
        << refused.error().message;
    const auto notWaiting = project->resolveCarry(cameras, CarryDecision::Keep);
    ASSERT_FALSE(notWaiting);
    EXPECT_NE(notWaiting.error().message.find("not waiting"), std::string::npos)
        << notWaiting.error().message;
}

TEST_F(Versions, ClaimsWhoseWordsAreGoneAreOrphanedNeverDropped) {
    const std::string second = kFirst.substr(0, kFirst.find("\n\n"));  // the survey's paragraph cut
    const ImportedArticle added = update(second);
    ASSERT_TRUE(added.version);
    EXPECT_EQ(added.version->orphaned, 1U);
    const auto pending = *project->pendingCarries();
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_EQ(pending.front().claim.id, survey);
    EXPECT_EQ(pending.front().kind, CarryKind::Orphaned);
    EXPECT_EQ(project->claim(survey)->articleId, first);

    // A third version that brings the paragraph back carries the orphan to it.
    const ImportedArticle third =
        update(second + "\n\nA survey found 80 percent of respondents approved of them.");
    ASSERT_TRUE(third.version);
    EXPECT_EQ(third.version->version, 3);
    EXPECT_EQ(third.version->previousId, added.id);
    EXPECT_EQ(third.version->carried, 3U);
    EXPECT_EQ(project->claim(survey)->articleId, third.id);
    EXPECT_TRUE(project->pendingCarries()->empty());
}

TEST_F(Versions, ANewVersionCanBeNamedAndTheSameTextIsNoVersion) {
    const ImportedArticle same = update(kFirst);
    EXPECT_TRUE(same.alreadyPresent);
    EXPECT_FALSE(same.version);

    const ImportedArticle elsewhere = update("Unrelated text about 12 trains.", 0, "https://other.example/");
    EXPECT_FALSE(elsewhere.version) << "another URL is another article";

    const ImportedArticle named = update(revised(kFirst, "Analysts", "Researchers"), first, "");
    ASSERT_TRUE(named.version);
    EXPECT_EQ(named.version->previousId, first);
    EXPECT_EQ(named.version->carried, 3U);
}

TEST_F(Versions, AVersionOfAnArticleThatIsNotThereIsRefusedAndNothingChanges) {
    const ArticleSource source{
        "v2.txt", {}, [] { return Result<std::string>(std::string("New text, 5 cameras.")); }, {}, true, 999};
    std::optional<Error> refused;
    ASSERT_TRUE(project->importArticles(std::span(&source, 1), [&](const auto&, const auto& outcome) {
        if (!outcome)
            refused = outcome.error();
    }));
    ASSERT_TRUE(refused);
    EXPECT_NE(refused->message.find("no article with id 999"), std::string::npos) << refused->message;
    EXPECT_EQ(project->articles()->size(), 1U);
}

// Undoing the import of newer versions (the app's Ctrl+Z) puts every claim back where it was, waiting or not,
// and the article has one version again; redoing it carries them again.
TEST_F(Versions, TakingBackTheImportOfVersionsPutsEveryClaimBackAndRedoCarriesThemAgain) {
    // Where each claim is, and what it says, as a comparable row.
    const auto rows = [&] {
        std::vector<std::string> all;
        for (const ClaimRecord& c : *project->claims())
            all.push_back(fmt::format("{} on {} at {}-{} \"{}\" [{}|{}] updated {} value {}", c.id,
                                      c.articleId, c.anchor.range.start, c.anchor.range.end,
                                      c.anchor.quote.exact, c.anchor.quote.prefix, c.anchor.quote.suffix,
                                      c.updatedAt, c.fields.value.value_or(-1)));
        return all;
    };
    const std::vector<std::string> before = rows();
    const ImportedArticle second = update(revised(kFirst, "200 million", "250 million"));
    // Version 3 brings the old figure back: the claim waiting since version 2 is carried to it.
    const ImportedArticle third = update(revised(kFirst, "43 pilot", "44 pilot"));
    ASSERT_TRUE(second.version && third.version);
    ASSERT_EQ(project->claim(cameras)->articleId, third.id);
    ASSERT_EQ(project->pendingCarries()->size(), 1U);  // the cities, their figure changed in version 3
    const std::string afterImport = *project->articleText(third.id);

    const std::vector<std::int64_t> ids{second.id, third.id};
    const std::map<std::int64_t, VersionAdded> versions{{second.id, *second.version},
                                                        {third.id, *third.version}};
    const auto removed = project->deleteImported(ids, versions);
    ASSERT_TRUE(removed) << removed.error().message;
    EXPECT_EQ(rows(), before) << "every claim as it was, on its words";
    EXPECT_TRUE(project->pendingCarries()->empty());
    EXPECT_TRUE(project->article(first)->lineage.empty()) << "an article with one version again";
    EXPECT_EQ(*project->articleCount(), 1);

    const auto again = project->restoreImported(*removed, versions);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(project->articleVersions(first)->size(), 3U);
    EXPECT_EQ(project->claim(cameras)->articleId, third.id);
    EXPECT_EQ(project->claim(survey)->articleId, third.id);
    const auto waiting = *project->pendingCarries();
    ASSERT_EQ(waiting.size(), 1U);
    EXPECT_EQ(waiting.front().claim.id, cities);
    EXPECT_NE(waiting.front().figureAfter.find("44"), std::string::npos) << waiting.front().figureAfter;
    // And undone again from what redo carried.
    ASSERT_TRUE(project->deleteImported(ids, *again));
    EXPECT_EQ(rows(), before);
}
