// One project file used by several programs at once: no call leaves a read
// open, each connection sees the others' commits, and the log is checkpointed.
#include "project.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <QProcess>

#include <functional>
#include <memory>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

const std::string kText =
    "State media said there were 450 million cameras by 2020. IHS Markit put the figure at "
    "626 million. A survey found 80 percent approved.\n";

class SharedProject : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(file());
        ASSERT_TRUE(created) << created.error().message;
        project = std::make_unique<Project>(std::move(*created));
        article = project->importArticle(kText, {"Cameras", "", "Daily", "", "2024-05"}, "a.txt")->id;
        NewClaim claim{article, QuoteSelector{"450 million", 1}, {}};
        claim.fields.value = 450e6;
        claim.fields.metric = "Cameras in China";
        claim.fields.source = "State media";
        claim.fields.asOf = "2020";
        claim.fields.tags = {"cameras"};
        first = *project->addClaim(claim);
        claim.where = QuoteSelector{"626 million", 1};
        claim.fields.value = 626e6;
        claim.fields.source = "IHS Markit";
        second = *project->addClaim(claim);
    }
    std::filesystem::path file() const { return dir / "shared.claims"; }

    TempDir dir;
    std::unique_ptr<Project> project;
    std::int64_t article = 0, first = 0, second = 0;
};

// Every public call, each named; run in order against one project.
struct Call {
    const char* name;
    std::function<bool(Project&, std::int64_t article, std::int64_t first, std::int64_t second)> run;
};

const std::vector<Call>& everyCall() {
    using P = Project;
    using Id = std::int64_t;
    static const std::vector<Call> calls{
        {"articles", [](P& p, Id, Id, Id) { return bool(p.articles()); }},
        {"article", [](P& p, Id a, Id, Id) { return bool(p.article(a)); }},
        {"articleText", [](P& p, Id a, Id, Id) { return bool(p.articleText(a)); }},
        {"articleOriginal", [](P& p, Id a, Id, Id) { return bool(p.articleOriginal(a)); }},
        {"articlePages", [](P& p, Id a, Id, Id) { return bool(p.articlePages(a)); }},
        {"articleCount", [](P& p, Id, Id, Id) { return bool(p.articleCount()); }},
        {"claim", [](P& p, Id, Id c, Id) { return bool(p.claim(c)); }},
        {"claim of an unknown id", [](P& p, Id, Id, Id) { return !p.claim(999); }},
        {"claims", [](P& p, Id, Id, Id) { return bool(p.claims()); }},
        {"claimIds", [](P& p, Id, Id, Id) { return bool(p.claimIds({})); }},
        {"claimsById",
         [](P& p, Id, Id c, Id d) {
             return bool(p.claimsById(std::vector<Id>{c, d}));
         }},
        {"tagNames", [](P& p, Id, Id, Id) { return bool(p.tagNames()); }},
        {"entities", [](P& p, Id, Id, Id) { return bool(p.entities(EntityKind::Source)); }},
        {"metricNamed", [](P& p, Id, Id, Id) { return bool(p.metricNamed("cameras in china")); }},
        {"conflicts", [](P& p, Id, Id, Id) { return bool(p.conflicts()); }},
        {"compare", [](P& p, Id, Id, Id) { return bool(p.compare(p.metricNamed("Cameras in China")->id)); }},
        {"proposeMetrics",
         [](P& p, Id a, Id, Id) {
             return bool(p.proposeMetrics(a, {0, 5}, "cameras"));
         }},
        {"search", [](P& p, Id, Id, Id) { return bool(p.search("cameras source:\"IHS Markit\"")); }},
        {"searchMatches", [](P& p, Id a, Id, Id) { return bool(p.searchMatches(a, "cameras")); }},
        {"forEachClaim",
         [](P& p, Id, Id, Id) { return bool(p.forEachClaim({}, [](const ClaimRecord&) {})); }},
        {"importArticle (new)",
         [](P& p, Id, Id, Id) { return bool(p.importArticle("Another text of 12 words.\n", {}, "b.txt")); }},
        {"importArticle (again)", [](P& p, Id, Id, Id) { return bool(p.importArticle(kText, {}, "a.txt")); }},
        {"detectFigures", [](P& p, Id a, Id, Id) { return bool(p.detectFigures(a, false)); }},
        {"pendingSuggestionCount", [](P& p, Id a, Id, Id) { return bool(p.pendingSuggestionCount(a)); }},
        {"suggestions", [](P& p, Id a, Id, Id) { return bool(p.suggestions(a, true)); }},
        {"updateClaim",
         [](P& p, Id, Id c, Id) {
             ClaimFields fields = p.claim(c)->fields;
             fields.note = "checked";
             return bool(p.updateClaim(c, fields));
         }},
        {"reanchorClaim",
         [](P& p, Id, Id c, Id) {
             return bool(p.reanchorClaim(c, {28, 39}));
         }},
        {"rewriteClaim", [](P& p, Id, Id c, Id) { return bool(p.rewriteClaim(*p.claim(c))); }},
        {"deleteClaim and restoreClaim",
         [](P& p, Id, Id, Id d) { return bool(p.restoreClaim(*p.deleteClaim(d))); }},
        {"renameEntity",
         [](P& p, Id, Id, Id) {
             return bool(
                 p.renameEntity(EntityKind::Source, p.entities(EntityKind::Source)->front().id, "IHS"));
         }},
        {"setMetricDetails",
         [](P& p, Id, Id, Id) {
             return bool(p.setMetricDetails(p.metricNamed("Cameras in China")->id,
                                            {std::nullopt, "China", "", "", std::nullopt, "", ""}));
         }},
        {"recordVerdict and undoVerdict",
         [](P& p, Id, Id, Id) {
             auto report = p.conflicts();
             if (!report || report->conflicts.empty())
                 return false;
             auto change = p.recordVerdict(report->conflicts.front(), VerdictChoice::BothStand, "");
             return change && bool(p.undoVerdict(*change));
         }},
        {"mergeEntity and unmergeEntity",
         [](P& p, Id, Id, Id) {
             const auto sources = *p.entities(EntityKind::Source);
             auto merged = p.mergeEntity(EntityKind::Source, sources[0].id, sources[1].id);
             return merged && bool(p.unmergeEntity(EntityKind::Source, *merged));
         }},
        {"acceptSuggestions",
         [](P& p, Id a, Id, Id) {
             const auto pending = *p.suggestions(a);
             if (pending.empty())
                 return false;
             return bool(p.acceptSuggestions(std::vector<std::int64_t>{pending.front().id}));
         }},
        {"deleteArticles and restoreArticles",
         [](P& p, Id, Id, Id) {
             const Id added = p.importArticle("A text to delete again.\n", {}, "c.txt")->id;
             auto deleted = p.deleteArticles(std::vector<Id>{added});
             return deleted && bool(p.restoreArticles(*deleted));
         }},
        {"addClaims refused (no such words)",
         [](P& p, Id a, Id, Id) {
             return !p.addClaim({a, QuoteSelector{"no such words", 1}, {}});
         }},
    };
    return calls;
}

}  // namespace

TEST_F(SharedProject, NoPublicCallLeavesAStatementOrATransactionOpen) {
    ASSERT_TRUE(project->connectionIsIdle());
    for (const Call& call : everyCall()) {
        EXPECT_TRUE(call.run(*project, article, first, second)) << call.name << " did not do its work";
        EXPECT_TRUE(project->connectionIsIdle()) << call.name << " left a statement or transaction open";
    }
}

TEST_F(SharedProject, EachProgramSeesTheOthersCommitsAndCanStillWrite) {
    // Another program (the command line) opens the same file while this one stays open.
    auto other = Project::open(file());
    ASSERT_TRUE(other) << other.error().message;
    ASSERT_TRUE(project->article(article));  // a read of ours before the other's write
    const std::int64_t added =
        other->importArticle("Written by the other program: 300 million cameras.\n", {}, "o.txt")->id;
    NewClaim claim{added, QuoteSelector{"300 million", 1}, {}};
    ASSERT_TRUE(other->addClaim(claim));

    EXPECT_EQ(*project->articleCount(), 2);
    EXPECT_EQ(project->claims()->size(), 3u);
    // And this one can write after the other's writes, which can read it back.
    claim.where = QuoteSelector{"cameras", 1};
    ASSERT_TRUE(project->addClaim(claim));
    EXPECT_EQ(other->claims()->size(), 4u);
}

TEST_F(SharedProject, TheLogIsCheckpointedWhileTheProjectStaysOpen) {
    ASSERT_TRUE(project->article(article));
    {
        auto other = Project::open(file());
        ASSERT_TRUE(other);
        for (int i = 0; i < 50; ++i) {
            NewClaim claim{article, QuoteSelector{"80 percent", 1}, {}};
            claim.fields.note = std::string(2000, 'x');
            ASSERT_TRUE(other->addClaim(claim));
        }
    }
    // A full checkpoint succeeds only when no connection reads an older snapshot.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(file().c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "SELECT count(*) FROM claim", nullptr, nullptr, nullptr), SQLITE_OK);
    int logFrames = -1, checkpointed = -1;
    EXPECT_EQ(sqlite3_wal_checkpoint_v2(raw, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed),
              SQLITE_OK);
    sqlite3_close(raw);
    EXPECT_EQ(logFrames, 0);
    EXPECT_EQ(std::filesystem::file_size(file().string() + "-wal"), 0u);
}

TEST_F(SharedProject, ASaveWhileAnotherProgramWritesNamesThatProgramAndChangesNothing) {
    // Another program holds the write lock: the sqlite3 shell, in the middle of a transaction.
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {qs(file())});
    ASSERT_TRUE(shell.waitForStarted());
    shell.write("BEGIN IMMEDIATE;\nSELECT 'holding';\n");
    while (!shell.readAllStandardOutput().contains("holding"))
        ASSERT_TRUE(shell.waitForReadyRead(10000));

    auto waiting = Project::open(file(), Project::Access::ReadWrite, 100);
    ASSERT_TRUE(waiting);
    NewClaim claim{article, QuoteSelector{"80 percent", 1}, {}};
    auto refused = waiting->addClaim(claim);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Busy);
    EXPECT_EQ(refused.error().message, "project file " + file().string() +
                                           " is being written by sqlite3 (process " +
                                           std::to_string(shell.processId()) +
                                           "); nothing was changed, try again when it has finished");
    EXPECT_TRUE(waiting->connectionIsIdle());

    shell.write("ROLLBACK;\n.quit\n");
    shell.closeWriteChannel();
    ASSERT_TRUE(shell.waitForFinished(10000));
    EXPECT_TRUE(waiting->addClaim(claim));  // once it has finished, the same save goes through
}
