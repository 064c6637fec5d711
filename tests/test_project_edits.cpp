// Project edits the app's undo stack relies on: each change and its inverse
// leave the project exactly as before.
#include "files.h"
#include "pdf_writer.h"
#include "project.h"
#include "project_support.h"
#include "schema.h"
#include "sqlite.h"
#include "test_support.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

class ProjectEdits : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(projectLocation(dir, "edits.claims"));
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        article =
            project
                ->importArticle("In 2016 there were 176 million cameras. By 2020 there may be 626 million "
                                "cameras, or 450 million by another count.",
                                {}, "a.txt")
                ->id;
        cameras = add("176 million", 176e6, "Cameras in China", "IHS Markit", {"cameras"});
        forecast = add("626 million", 626e6, "Cameras in China", "IHS Markit", {"forecast"});
        other = add("450 million", 450e6, "Cameras in China", "State media", {"forecast", "cameras"});
    }

    std::int64_t add(const char* quote, double value, const char* metric, const char* source,
                     std::vector<std::string> tags) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.metric = metric;
        claim.fields.source = source;
        claim.fields.tags = std::move(tags);
        return *project->addClaim(claim);
    }

    std::int64_t entityId(EntityKind kind, const std::string& name) {
        for (const Entity& e : *project->entities(kind))
            if (e.name == name)
                return e.id;
        return 0;
    }

    TempDir dir;
    std::unique_ptr<Project> project;
    std::int64_t article = 0, cameras = 0, forecast = 0, other = 0;
};

}  // namespace

TEST_F(ProjectEdits, UpdateChangesFieldsAndTagsButNotTheAnchor) {
    const ClaimRecord before = *project->claim(cameras);
    ClaimFields fields = before.fields;
    fields.status = ClaimStatus::Supported;
    fields.tags = {"checked"};
    fields.source = "A new source";
    ASSERT_TRUE(project->updateClaim(cameras, fields));
    const ClaimRecord after = *project->claim(cameras);
    EXPECT_EQ(after.fields.status, ClaimStatus::Supported);
    EXPECT_EQ(after.fields.tags, std::vector<std::string>{"checked"});
    EXPECT_EQ(after.fields.source, "A new source");
    EXPECT_EQ(after.anchor, before.anchor);
    EXPECT_GE(after.updatedAt, before.updatedAt);
    ASSERT_TRUE(project->rewriteClaim(before));
    const ClaimRecord restored = *project->claim(cameras);
    EXPECT_EQ(restored.fields.tags, before.fields.tags);
    EXPECT_EQ(restored.updatedAt, before.updatedAt);
    EXPECT_EQ(restored.fields.source, "IHS Markit");
}

TEST_F(ProjectEdits, ReanchorMovesTheClaimToOtherWords) {
    ASSERT_TRUE(project->reanchorClaim(cameras, {19, 39}));
    EXPECT_EQ(project->claim(cameras)->anchor.quote.exact, "176 million cameras.");
    EXPECT_FALSE(project->reanchorClaim(cameras, {19, 19}));
}

TEST_F(ProjectEdits, DeleteAndRestoreGiveBackTheSameClaim) {
    const ClaimRecord before = *project->claim(other);
    const ClaimRecord deleted = *project->deleteClaim(other);
    EXPECT_EQ(project->claim(other).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(project->restoreClaim(deleted));
    const ClaimRecord after = *project->claim(other);
    EXPECT_EQ(after.uuid, before.uuid);
    EXPECT_EQ(after.anchor, before.anchor);
    EXPECT_EQ(after.fields.tags, before.fields.tags);
    EXPECT_EQ(after.createdAt, before.createdAt);
}

TEST_F(ProjectEdits, SeveralClaimsChangeInOneTransactionOrNotAtAll) {
    const std::vector<ClaimRecord> before = *project->claimsById(std::vector{cameras, forecast, other});
    std::vector<ClaimUpdate> updates;
    for (const ClaimRecord& claim : before) {
        ClaimFields fields = claim.fields;
        fields.source = "Analysts";
        fields.status = ClaimStatus::Disputed;
        updates.push_back({claim.id, fields});
    }
    // One bad update (an id that is gone) refuses them all.
    updates.push_back({9999, before.front().fields});
    const auto refused = project->updateClaims(updates);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotFound);
    for (const ClaimRecord& claim : before)
        EXPECT_EQ(project->claim(claim.id)->fields, claim.fields) << "nothing changed";
    EXPECT_EQ(entityId(EntityKind::Source, "Analysts"), 0);

    updates.pop_back();
    ASSERT_TRUE(project->updateClaims(updates));
    for (const ClaimRecord& claim : before)
        EXPECT_EQ(project->claim(claim.id)->fields.source, "Analysts");
    ClaimQuery analysts;
    analysts.sourceId = entityId(EntityKind::Source, "Analysts");
    EXPECT_EQ(project->claimIds(analysts)->size(), 3u);

    // Undo puts every record back as it was, tags and times included.
    const auto asBefore = [&] {
        const std::vector<ClaimRecord> now = *project->claimsById(std::vector{cameras, forecast, other});
        for (std::size_t i = 0; i < now.size(); ++i)
            if (now[i].uuid != before[i].uuid || now[i].anchor != before[i].anchor ||
                now[i].fields != before[i].fields || now[i].updatedAt != before[i].updatedAt)
                return false;
        return now.size() == before.size();
    };
    ASSERT_TRUE(project->rewriteClaims(before));
    EXPECT_TRUE(asBefore());

    const auto deleted = project->deleteClaims(std::vector{cameras, other});
    ASSERT_TRUE(deleted);
    EXPECT_EQ(project->claimIds({})->size(), 1u);
    EXPECT_FALSE(project->deleteClaims(std::vector{forecast, cameras})) << "one is gone: none is deleted";
    EXPECT_TRUE(project->claim(forecast));
    ASSERT_TRUE(project->restoreClaims(*deleted));
    EXPECT_TRUE(asBefore());
}

TEST_F(ProjectEdits, ClaimIdsFilterAndSort) {
    ClaimQuery query;
    EXPECT_EQ(*project->claimIds(query), (std::vector<std::int64_t>{cameras, forecast, other}));
    query.sortBy = ClaimColumn::Value;
    query.descending = true;
    EXPECT_EQ(*project->claimIds(query), (std::vector<std::int64_t>{forecast, other, cameras}));
    query.text = "state";  // the source, case-insensitively
    EXPECT_EQ(*project->claimIds(query), std::vector<std::int64_t>{other});
    query.text = "forecast";  // a tag
    EXPECT_EQ(project->claimIds(query)->size(), 2u);
    query.text = "100%";  // LIKE wildcards match themselves
    EXPECT_TRUE(project->claimIds(query)->empty());
    query = {};
    query.sourceId = entityId(EntityKind::Source, "IHS Markit");
    EXPECT_EQ(*project->claimIds(query), (std::vector<std::int64_t>{cameras, forecast}));
    const std::vector<std::int64_t> ids{other, cameras, 999};
    const auto claims = *project->claimsById(ids);
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].id, other);
}

TEST_F(ProjectEdits, RenameReachesEveryClaimAndRefusesATakenName) {
    const std::int64_t ihs = entityId(EntityKind::Source, "IHS Markit");
    ASSERT_TRUE(project->renameEntity(EntityKind::Source, ihs, "IHS Markit Ltd"));
    EXPECT_EQ(project->claim(cameras)->fields.source, "IHS Markit Ltd");
    EXPECT_EQ(project->claim(forecast)->fields.source, "IHS Markit Ltd");
    auto clash = project->renameEntity(EntityKind::Source, ihs, "state media");
    ASSERT_FALSE(clash);
    EXPECT_NE(clash.error().message.find("already a source named \"state media\""), std::string::npos);
}

TEST_F(ProjectEdits, MergeMovesClaimsAndUnmergeMovesThemBack) {
    const std::int64_t state = entityId(EntityKind::Source, "State media");
    const std::int64_t ihs = entityId(EntityKind::Source, "IHS Markit");
    auto merged = project->mergeEntity(EntityKind::Source, state, ihs);
    ASSERT_TRUE(merged);
    EXPECT_EQ(merged->claimIds, std::vector<std::int64_t>{other});
    EXPECT_EQ(project->claim(other)->fields.source, "IHS Markit");
    EXPECT_EQ(project->entities(EntityKind::Source)->size(), 1u);
    ASSERT_TRUE(project->unmergeEntity(EntityKind::Source, *merged));
    EXPECT_EQ(project->claim(other)->fields.source, "State media");
    EXPECT_EQ(entityId(EntityKind::Source, "State media"), state);
}

TEST_F(ProjectEdits, DeleteIsRefusedWhileClaimsUseTheEntity) {
    const std::int64_t metric = entityId(EntityKind::Metric, "Cameras in China");
    auto refused = project->deleteEntity(EntityKind::Metric, metric);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("used by 3 claims"), std::string::npos) << refused.error().message;
    const std::int64_t state = entityId(EntityKind::Source, "State media");
    ClaimFields fields = project->claim(other)->fields;
    fields.source.clear();
    ASSERT_TRUE(project->updateClaim(other, fields));
    auto deleted = project->deleteEntity(EntityKind::Source, state);
    ASSERT_TRUE(deleted) << deleted.error().message;
    ASSERT_TRUE(project->restoreEntity(EntityKind::Source, *deleted));
    EXPECT_EQ(entityId(EntityKind::Source, "State media"), state);
}

TEST_F(ProjectEdits, AnArticleWithClaimsCannotBeDeletedAndOnesWithoutComeBackWhole) {
    const auto second = project->importArticle("Another text.", {"Second", "", "", "", ""}, "b.txt")->id;
    const auto third = project->importArticle("A third text.", {}, "c.txt")->id;
    const std::vector<std::int64_t> withClaims{second, article};
    EXPECT_FALSE(project->deleteArticles(withClaims));
    EXPECT_EQ(*project->articleCount(), 3) << "all or nothing";
    const std::vector<std::int64_t> ids{second, third};
    auto deleted = project->deleteArticles(ids);
    ASSERT_TRUE(deleted);
    EXPECT_EQ(*project->articleCount(), 1);
    ASSERT_TRUE(project->restoreArticles(*deleted));
    const Article back = *project->article(second);
    EXPECT_EQ(back.uuid, (*deleted)[0].article.uuid);
    EXPECT_EQ(back.meta.title, "Second");
    EXPECT_EQ(*project->articleText(third), "A third text.");
}

TEST_F(ProjectEdits, TheClaimTableSortsNamesNaturallyAndBoundsByTheirBound) {
    for (const std::int64_t id : {cameras, forecast, other})
        ASSERT_TRUE(project->deleteClaim(id));
    const auto claimWith = [&](const char* quote, const char* source, std::optional<double> value,
                               std::optional<double> low) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.source = source;
        claim.fields.value = value;
        claim.fields.low = low;
        return *project->addClaim(claim);
    };
    const auto ten = claimWith("176 million", "Source 10", 176e6, std::nullopt);
    const auto two = claimWith("626 million", "source 2", std::nullopt, 500e6);  // "more than 500 million"
    const auto nine = claimWith("450 million", "Source 9", 450e6, std::nullopt);
    ClaimQuery query;
    query.sortBy = ClaimColumn::Source;
    const auto bySource = project->claimIds(query);
    ASSERT_TRUE(bySource) << bySource.error().message;
    EXPECT_EQ(*bySource, (std::vector<std::int64_t>{two, nine, ten}));
    query.sortBy = ClaimColumn::Value;
    EXPECT_EQ(*project->claimIds(query), (std::vector<std::int64_t>{ten, nine, two}))
        << "a figure with only its lower bound stands at that bound, not before every value";
}

TEST(Migration, AVersion1ProjectIsUpgradedWithItsDataKept) {
    TempDir dir;
    const auto path = dir / "old.claims";
    {  // A version 1 file, as an earlier Claimtrack wrote it: one article, one hedged claim.
        sqlite::Connection old(path, sqlite::Connection::Access::Create, 1000);
        db::migrate(old, 0, 1);
        old.exec(R"sql(
            INSERT INTO article (id, uuid, title, imported_at, text, sha256, length)
                VALUES (1, 'a', 'Old', '2024-01-01T00:00:00Z', 'An old article: about 42 cameras.', 'x', 33);
            INSERT INTO claim (uuid, article_id, start, end, quote, prefix, suffix, value, created_at, updated_at)
                VALUES ('c', 1, 22, 32, '42 cameras', 'An old article: about ', '.', 42, 'now', 'now');
        )sql");
    }
    auto reading = Project::open(path, Project::Access::ReadOnly);
    ASSERT_FALSE(reading) << "a reader does not upgrade";
    EXPECT_NE(reading.error().message.find("older schema (version 1)"), std::string::npos);
    auto upgraded = Project::open(path);
    ASSERT_TRUE(upgraded) << upgraded.error().message;
    EXPECT_EQ(*upgraded->articleCount(), 1);
    EXPECT_EQ(upgraded->claim(1)->fields.value, 42);
    auto detected = upgraded->detectFigures(std::nullopt, false);
    ASSERT_TRUE(detected) << detected.error().message;
    EXPECT_EQ(detected->front().alreadyClaimed, 1);
    sqlite::Connection raw(path, sqlite::Connection::Access::ReadOnly, 1000);
    EXPECT_EQ(raw.queryInteger("PRAGMA user_version"), db::kSchemaVersion);
    EXPECT_EQ(raw.queryInteger("SELECT approximate FROM claim"), 1)
        << "version 3 reads 'about' before the quote";
    const auto found = upgraded->search("cameras");
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_EQ(found->size(), 1u) << "version 4 indexes what was there before";
    EXPECT_TRUE(found->front().inText);
    EXPECT_TRUE(found->front().inClaims);
    EXPECT_EQ(raw.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'claim_by_article_status'"),
              1)
        << "version 5 indexes claims by status";
    EXPECT_EQ(raw.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'article_by_date'"), 1)
        << "version 6 indexes articles by date and publisher";
    ASSERT_TRUE(upgraded->setArticleDetails(1, {"Old", "", "", "", ""}, "a memo on the old article"));
    EXPECT_EQ(upgraded->search("memo")->size(), 1u) << "version 7 searches memos";
    EXPECT_EQ(upgraded->search("cameras")->size(), 1u) << "version 7 indexes the texts again";
    ASSERT_EQ(upgraded->search("status:unverified cameras")->size(), 1u);
    const auto history = upgraded->history({"claim", 1});
    ASSERT_TRUE(history) << history.error().message;
    EXPECT_TRUE(history->empty()) << "version 9 keeps a history from the upgrade on, with nothing invented";
    ClaimFields fields = upgraded->claim(1)->fields;
    fields.value = 43;
    ASSERT_TRUE(upgraded->updateClaim(1, fields));
    ASSERT_EQ(upgraded->history({"claim", 1})->size(), 1u);
    EXPECT_EQ(upgraded->history({"claim", 1})->front().before, "42");
}

// From every earlier schema version, a project keeps every value it had, byte for byte, and gains the
// newest version's defaults: an article of one version, no claim waiting to be carried.
class MigrationFrom : public testing::TestWithParam<std::int64_t> {};

TEST_P(MigrationFrom, EveryEarlierVersionUpgradesLosslessly) {
    TempDir dir;
    const auto path = dir / "old.claims";
    const char* kRows =
        "SELECT quote(a.uuid) || quote(a.title) || quote(a.text) || quote(a.url) || "
        "quote(c.uuid) || quote(c.start) || quote(c.end) || quote(c.quote) || quote(c.value) || "
        "quote(c.low) || quote(c.note) || quote(m.name) || quote(t.name) FROM claim c "
        "JOIN article a ON a.id = c.article_id JOIN metric m ON m.id = c.metric_id "
        "JOIN claim_tag ct ON ct.claim_id = c.id JOIN tag t ON t.id = ct.tag_id ORDER BY c.id";
    std::string before;
    {  // A file at that version, as that version's schema made it, with what every version can hold.
        sqlite::Connection old(path, sqlite::Connection::Access::Create, 1000);
        db::migrate(old, 0, GetParam());
        old.exec(R"sql(
            INSERT INTO article (id, uuid, title, url, imported_at, text, sha256, length)
                VALUES (1, 'a', 'Old', 'https://news.example/old', '2024-01-01T00:00:00Z',
                        'In 2018 there were 176 million cameras, and 社会信用 scores.', 'x', 56);
            INSERT INTO metric (id, uuid, name) VALUES (1, 'm', 'Cameras in China');
            INSERT INTO tag (id, name) VALUES (1, 'cameras');
            INSERT INTO claim (id, uuid, article_id, start, end, quote, prefix, suffix, value, low, metric_id,
                               note, created_at, updated_at)
                VALUES (1, 'c', 1, 22, 33, '176 million', 'In 2018 there were ', ' cameras', 176000000,
                        NULL, 1, 'IHS Markit''s estimate', 'now', 'now');
            INSERT INTO claim_tag (claim_id, tag_id) VALUES (1, 1);
        )sql");
        sql::Statement rows(old, kRows);
        ASSERT_TRUE(rows.step());
        before = rows.text(0);
    }
    ASSERT_TRUE(Project::open(path));
    sqlite::Connection upgraded(path, sqlite::Connection::Access::ReadOnly, 1000);
    EXPECT_EQ(upgraded.queryInteger("PRAGMA user_version"), db::kSchemaVersion);
    sql::Statement rows(upgraded, kRows);
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.text(0), before);
    EXPECT_EQ(upgraded.queryInteger("SELECT version FROM article"), 1);
    EXPECT_EQ(upgraded.queryInteger("SELECT lineage IS NULL FROM article"), 1);
    EXPECT_EQ(upgraded.queryInteger("SELECT count(*) FROM claim_carry"), 0);
    sql::Statement check(upgraded, "PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
}

INSTANTIATE_TEST_SUITE_P(EachEarlierSchema, MigrationFrom,
                         testing::Range<std::int64_t>(1, db::kSchemaVersion));

TEST_F(ProjectEdits, DetectSuggestsFiguresOnceAndNeverOnClaimedWords) {
    // "176 million", "626 million" and "450 million" are claimed already (SetUp); "2016" and "2020" are
    // dates.
    const auto listing =
        project->importArticle("Officials said more than 1,200 items were listed in 2018.", {}, "b")->id;
    auto first = project->detectFigures(std::nullopt, false);
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_EQ(first->size(), 2u);
    EXPECT_EQ((*first)[0].suggested, 0);
    EXPECT_EQ((*first)[0].alreadyClaimed, 3);
    EXPECT_EQ((*first)[1].suggested, 1);
    EXPECT_EQ(*project->pendingSuggestionCount(listing), 1);
    auto again = project->detectFigures(listing, false);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->front().suggested, 0);
    EXPECT_EQ(again->front().alreadySuggested, 1);
}

TEST_F(ProjectEdits, DetectWithAcceptAllRecordsClaims) {
    const auto listing = project
                             ->importArticle("Officials said more than 1,200 items were listed in 2018.",
                                             {"T", "", "", "", ""}, "b")
                             ->id;
    auto detected = project->detectFigures(listing, true);
    ASSERT_TRUE(detected);
    EXPECT_EQ(detected->front().accepted, 1);
    const auto claims = *project->claims({listing});
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].anchor.quote.exact, "more than 1,200");
    EXPECT_EQ(claims[0].fields.low, 1200);
    EXPECT_EQ(claims[0].fields.source, "Officials");
    EXPECT_EQ(claims[0].fields.asOf, "2018");
    EXPECT_EQ(claims[0].fields.tags, std::vector<std::string>{"detected"});
    EXPECT_EQ(project->detectFigures(listing, true)->front().alreadyClaimed, 1)
        << "never twice on the same words";
}

TEST_F(ProjectEdits, AcceptedSuggestionsBecomeClaimsAndUndoPutsThemBack) {
    const auto listing = project
                             ->importArticle("Officials said the city has about 3,000 cameras today.",
                                             {"T", "", "", "", "2019-05-01"}, "c")
                             ->id;
    const auto detected = project->detectFigures(listing, false);
    ASSERT_TRUE(detected);
    const auto pending = *project->suggestions(listing);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].figure.text, "about 3,000");
    EXPECT_TRUE(pending[0].figure.approximate);
    EXPECT_EQ(pending[0].figure.subject, "cameras");

    const std::vector<std::int64_t> ids{pending[0].id};
    auto accepted = project->acceptSuggestions(ids);
    ASSERT_TRUE(accepted) << accepted.error().message;
    ASSERT_EQ(accepted->size(), 1u);
    const ClaimRecord& claim = accepted->front();
    EXPECT_EQ(claim.anchor.quote.exact, "about 3,000");
    EXPECT_EQ(claim.fields.value, 3000);
    EXPECT_EQ(claim.fields.source, "Officials");
    EXPECT_EQ(claim.fields.asOf, "2019") << "\"today\" is the year the article was published";
    EXPECT_EQ(claim.fields.metric, "Cameras in China") << "the metric sharing a word with the subject";
    EXPECT_EQ(claim.fields.tags, (std::vector<std::string>{"approximate", "detected"}));
    EXPECT_TRUE(project->suggestions(listing)->empty());

    ASSERT_TRUE(project->unacceptSuggestions(*accepted, pending));
    EXPECT_TRUE(project->claims({listing})->empty());
    EXPECT_EQ(project->suggestions(listing)->front().id, pending[0].id);
    ASSERT_TRUE(project->reacceptSuggestions(*accepted, ids));
    EXPECT_EQ(project->claims({listing})->front().uuid, claim.uuid);
    EXPECT_TRUE(project->suggestions(listing)->empty());
}

TEST_F(ProjectEdits, RejectedSuggestionsStayRejected) {
    const auto listing = project->importArticle("They counted 75 checkpoints.", {}, "d")->id;
    const auto detected = project->detectFigures(listing, false);
    const std::vector<std::int64_t> ids = detected->front().suggestionIds;
    ASSERT_EQ(ids.size(), 1u);
    ASSERT_TRUE(project->setSuggestionsRejected(ids, true));
    EXPECT_TRUE(project->suggestions(listing)->empty());
    EXPECT_EQ(project->suggestions(listing, true)->size(), 1u);
    EXPECT_EQ(project->detectFigures(listing, false)->front().alreadySuggested, 1) << "not suggested again";
    EXPECT_EQ(project->detectFigures(listing, true)->front().accepted, 0)
        << "accept all leaves rejected ones";
    ASSERT_TRUE(project->setSuggestionsRejected(ids, false));
    EXPECT_EQ(project->suggestions(listing)->size(), 1u);
    const auto kept = *project->suggestions(listing);
    ASSERT_TRUE(project->deleteSuggestions(ids));
    EXPECT_TRUE(project->suggestions(listing, true)->empty());
    ASSERT_TRUE(project->restoreSuggestions(kept));
    EXPECT_EQ(project->suggestions(listing)->front().figure.value, 75);
}

TEST_F(ProjectEdits, DetectLeavesWordsThatAClaimCoversInPart) {
    const auto listing = project->importArticle("The city had 176 million cameras in 2016.", {}, "e")->id;
    ASSERT_TRUE(project->addClaim({listing, QuoteSelector{"176 million cameras in 2016", 1}, {}}));
    const auto detected = project->detectFigures(listing, false);
    ASSERT_TRUE(detected);
    EXPECT_EQ(detected->front().suggested, 0);
    EXPECT_EQ(detected->front().alreadyClaimed, 1);
}

TEST(ArticleOriginals, KeptAsBytesOrAsPathAndBackAfterAnUndoneImport) {
    TempDir dir;
    auto project = Project::create(projectLocation(dir, "originals.claims"));
    ASSERT_TRUE(project);
    const std::string pdf = claimtrack::test::makePdf(
        {{{{"Page one says 176 million."}}, false}, {{{"Page two says 626 million."}}, false}}, "Report",
        "Analyst");
    const std::string page =
        "<!doctype html><title>Page</title><article><p>Saved with 450 million cameras.</p>";
    std::vector<ArticleSource> sources{
        {"report.pdf", {}, [&] { return Result<std::string>(pdf); }, "/x/report.pdf", true},
        {"page.html", {}, [&] { return Result<std::string>(page); }, "/x/page.html", false}};
    std::vector<std::int64_t> ids;
    ASSERT_TRUE(project->importArticles(sources, [&](const ArticleSource&, const Result<ImportedArticle>& a) {
        ASSERT_TRUE(a) << a.error().message;
        ids.push_back(a->id);
    }));
    ASSERT_EQ(ids.size(), 2u);

    const auto kept = *project->articleOriginal(ids[0]);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->bytes, pdf);
    EXPECT_EQ(kept->fileName, "report.pdf");
    EXPECT_EQ(kept->sha256, sha256Hex(pdf));
    const auto pathOnly = *project->articleOriginal(ids[1]);
    ASSERT_TRUE(pathOnly);
    EXPECT_FALSE(pathOnly->bytes);
    EXPECT_EQ(pathOnly->path, "/x/page.html");
    EXPECT_EQ(pathOnly->size, static_cast<std::int64_t>(page.size()));
    const std::vector<std::int64_t> pages = *project->articlePages(ids[0]);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(project->article(ids[0])->format, "pdf");
    EXPECT_EQ(project->article(ids[1])->format, "html");

    // The import undone and done again: the same articles with their originals and pages.
    auto removed = project->deleteArticles(ids);
    ASSERT_TRUE(removed);
    EXPECT_FALSE(*project->articleOriginal(ids[0]));
    ASSERT_TRUE(project->restoreArticles(*removed));
    EXPECT_EQ((*project->articleOriginal(ids[0]))->bytes, pdf);
    EXPECT_EQ(*project->articlePages(ids[0]), pages);
    EXPECT_EQ(project->article(ids[0])->format, "pdf");
}

TEST(ArticleOriginals, AFileThatVanishesDuringAnImportIsReportedAndTheRestLand) {
    TempDir dir;
    auto project = Project::create(projectLocation(dir, "vanish.claims"));
    ASSERT_TRUE(project);
    writeFile(dir / "a.txt", "First article, 10 cameras.\n");
    writeFile(dir / "b.txt", "Second article, gone before it is read.\n");
    writeFile(dir / "c.txt", "Third article, 30 cameras.\n");
    std::vector<ArticleSource> sources;
    for (const char* name : {"a.txt", "b.txt", "c.txt"}) {
        const auto path = dir / name;
        sources.push_back({name,
                           {},
                           [path] {
                               if (path.filename() == "b.txt")
                                   std::filesystem::remove(path);  // taken away between listing and reading
                               return readArticleFile(path);
                           },
                           path.string(),
                           true});
    }
    std::vector<std::string> failures;
    ASSERT_TRUE(project->importArticles(sources, [&](const ArticleSource&, const Result<ImportedArticle>& a) {
        if (!a)
            failures.push_back(a.error().message);
    }));
    ASSERT_EQ(failures.size(), 1u);
    EXPECT_NE(failures[0].find("b.txt: no such file"), std::string::npos) << failures[0];
    EXPECT_EQ(*project->articleCount(), 2);
}
