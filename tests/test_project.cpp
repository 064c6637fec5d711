#include "postgres.h"
#include "project.h"
#include "project_support.h"
#include "schema.h"
#include "sqlite.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

// SQLite's own connection to a file, which makes one where there is none.
struct RawFile {
    explicit RawFile(const std::filesystem::path& path) { sqlite3_open(path.c_str(), &db); }
    ~RawFile() { sqlite3_close(db); }
    RawFile(const RawFile&) = delete;
    RawFile& operator=(const RawFile&) = delete;
    sqlite3* db = nullptr;
};

// A raw connection for checking what the project holds, independent of Project: SQL on the file, or on the
// server's schema.
struct RawDb {
    explicit RawDb(const std::filesystem::path& location) {
        if (postgres::isServerLocation(location.string()))
            db = std::make_unique<postgres::Connection>(location.string());
        else
            db = std::make_unique<sqlite::Connection>(location, sqlite::Connection::Access::ReadOnly, 1000);
    }
    std::string text(const char* query) const {
        sql::Statement select(*db, query);
        return select.step() ? select.text(0) : std::string();
    }
    std::int64_t integer(const char* query) const {
        sql::Statement select(*db, query);
        return select.step() ? select.integer(0) : 0;
    }
    std::unique_ptr<sql::Connection> db;
};

class ProjectTest : public testing::Test {
protected:
    void SetUp() override {
        location = projectLocation(dir, "test.claims");
        auto created = Project::create(file());
        ASSERT_TRUE(created) << created.error().message;
        project = std::make_unique<Project>(std::move(*created));
        auto imported = project->importArticle(
            fixtureArticleBytes(), {"Fixture", "A. Writer", "Daily", "", "2024-05"}, "fixture.txt");
        ASSERT_TRUE(imported) << imported.error().message;
        articleId = imported->id;
    }
    const std::filesystem::path& file() const { return location; }

    TempDir dir;
    std::filesystem::path location;
    std::unique_ptr<Project> project;
    std::int64_t articleId = 0;
};

}  // namespace

// What only a project file has: no run on a server.
class ProjectFileTest : public ProjectTest {};

TEST_F(ProjectFileTest, NewFileHasTheSchemaVersionWalAndApplicationId) {
    RawDb raw(file());
    EXPECT_EQ(raw.integer("PRAGMA user_version"), db::kSchemaVersion);
    EXPECT_EQ(raw.integer("PRAGMA application_id"), db::kApplicationId);
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
}

TEST_F(ProjectTest, ImportStoresNormalisedTextWithItsHashAndCodePointLength) {
    auto article = project->article(articleId);
    ASSERT_TRUE(article);
    EXPECT_EQ(article->meta.title, "Fixture");
    EXPECT_EQ(article->meta.published, "2024-05");
    auto text = project->articleText(articleId);
    ASSERT_TRUE(text);
    EXPECT_EQ(text->find('\r'), std::string::npos);
    EXPECT_EQ(article->sha256, sha256Hex(*text));
    EXPECT_EQ(article->length, codePointCount(*text));
    EXPECT_EQ(article->uuid.size(), 36u);
    RawDb raw(file());
    EXPECT_EQ(raw.integer("SELECT length(text) FROM article"),
              article->length);  // SQLite counts characters too
}

TEST_F(ProjectTest, TheSameTextImportedTwiceIsOneArticle) {
    // Different bytes (LF instead of CRLF, NFC instead of NFD) but the same normalised text.
    std::string sameText = *normalizeArticleText(fixtureArticleBytes(), "x");
    auto again = project->importArticle(sameText, {}, "again.txt");
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->alreadyPresent);
    EXPECT_EQ(again->id, articleId);
    EXPECT_EQ(project->articles()->size(), 1u);
}

TEST_F(ProjectTest, TitleDefaultsToTheFirstLine) {
    auto imported = project->importArticle("\n\n  Cameras everywhere  \nBody text.\n", {}, "b.txt");
    ASSERT_TRUE(imported);
    EXPECT_EQ(imported->title, "Cameras everywhere");
    // A page's furniture before it is not the title: a link past the navigation, a menu word, a ticker.
    imported = project->importArticle(
        "Skip to content\nMenu\nBreaking News Alert: storms close roads\nA city of lenses\nBody text.\n", {},
        "c.txt");
    ASSERT_TRUE(imported);
    EXPECT_EQ(imported->title, "A city of lenses");
}

TEST_F(ProjectTest, ClaimIsAnchoredSoSqlSubstrGivesTheQuote) {
    NewClaim claim{articleId, QuoteSelector{"176 million cameras", 1}, {}};
    claim.fields.value = 176e6;
    claim.fields.unit = "cameras";
    claim.fields.metric = "Surveillance cameras in China";
    claim.fields.source = "IHS Markit";
    claim.fields.asOf = "2018";
    claim.fields.tags = {"cameras", "china"};
    claim.fields.note = "first\nsecond";
    auto id = project->addClaim(claim);
    ASSERT_TRUE(id) << id.error().message;

    RawDb raw(file());
    EXPECT_EQ(raw.integer("SELECT substr(a.text, c.start + 1, c.\"end\" - c.start) = c.quote FROM claim c "
                          "JOIN article a ON a.id = c.article_id"),
              1);
    auto claims = project->claims();
    ASSERT_TRUE(claims);
    ASSERT_EQ(claims->size(), 1u);
    const ClaimRecord& stored = claims->front();
    EXPECT_EQ(stored.anchor.quote.exact, "176" + kNbsp + "million cameras");
    EXPECT_EQ(stored.fields.value, 176e6);
    EXPECT_EQ(stored.fields.metric, "Surveillance cameras in China");
    EXPECT_EQ(stored.fields.source, "IHS Markit");
    EXPECT_EQ(stored.fields.tags, (std::vector<std::string>{"cameras", "china"}));
    EXPECT_EQ(stored.fields.note, "first\nsecond");
    EXPECT_EQ(stored.articleTitle, "Fixture");
    EXPECT_NE(stored.uuid, stored.articleUuid);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM metric WHERE uuid IS NOT NULL"), 1);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM source WHERE uuid IS NOT NULL"), 1);
}

TEST_F(ProjectTest, MetricsAndSourcesAreSharedByNameWhateverTheCase) {
    NewClaim first{articleId, QuoteSelector{"176", 1}, {}};
    first.fields.metric = "Surveillance cameras in China";
    first.fields.source = "IHS Markit";
    NewClaim second{articleId, QuoteSelector{"1 400 million", 1}, {}};
    second.fields.metric = "surveillance cameras in china";
    second.fields.source = "IHS Markit";
    ASSERT_TRUE(project->addClaim(first));
    ASSERT_TRUE(project->addClaim(second));
    RawDb raw(file());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM metric"), 1);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM source"), 1);
}

TEST_F(ProjectTest, ABatchWithOneBadClaimWritesNothing) {
    NewClaim good{articleId, QuoteSelector{"176", 1}, {}};
    good.fields.metric = "New metric";
    NewClaim bad{articleId, QuoteSelector{"not in the text", 1}, {}};
    const std::vector<NewClaim> batch{good, bad};
    auto added = project->addClaims(batch);
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().message, "article 1: quote \"not in the text\" not found");
    EXPECT_TRUE(project->claims()->empty());
    RawDb raw(file());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM metric"), 0);
}

TEST_F(ProjectTest, ClaimOnAnUnknownArticleIsRefused) {
    auto added = project->addClaim({999, CodePointRange{0, 3}, {}});
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().code, ErrorCode::NotFound);
    EXPECT_NE(added.error().message.find("no article with id 999"), std::string::npos);
}

TEST_F(ProjectTest, ClaimsStreamInArticleOrderAndFilterByArticle) {
    auto other = project->importArticle("Another report: 450 million cameras.", {}, "other.txt");
    ASSERT_TRUE(other);
    ASSERT_TRUE(project->addClaim({other->id, QuoteSelector{"450 million", 1}, {}}));
    ASSERT_TRUE(project->addClaim({articleId, QuoteSelector{"1 400 million", 1}, {}}));
    ASSERT_TRUE(project->addClaim({articleId, QuoteSelector{"176 million", 1}, {}}));
    std::vector<std::string> quotes;
    ASSERT_TRUE(
        project->forEachClaim({}, [&](const ClaimRecord& c) { quotes.push_back(c.anchor.quote.exact); }));
    EXPECT_EQ(quotes, (std::vector<std::string>{"176" + kNbsp + "million", "1" + kNarrowNbsp + "400 million",
                                                "450 million"}));
    EXPECT_EQ(project->claims({other->id})->size(), 1u);
}

TEST_F(ProjectTest, ReopenedProjectKeepsEverything) {
    ASSERT_TRUE(project->addClaim({articleId, QuoteSelector{"176", 1}, {}}));
    project.reset();
    auto reopened = Project::open(file());
    ASSERT_TRUE(reopened) << reopened.error().message;
    EXPECT_EQ(reopened->claims()->size(), 1u);
    EXPECT_EQ(reopened->articles()->front().claimCount, 1);
}

class OpenRefusal : public testing::Test {
protected:
    TempDir dir;
};

TEST_F(OpenRefusal, AProjectFromANewerVersionIsLeftUntouched) {
    const auto path = dir / "newer.claims";
    { ASSERT_TRUE(Project::create(path)); }
    {
        RawFile raw(path);
        sqlite3_exec(raw.db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    }
    const std::string before = readFile(path);
    auto opened = Project::open(path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::TooNew);
    EXPECT_NE(opened.error().message.find("newer version of Claimtrack (schema version 99"),
              std::string::npos);
    EXPECT_EQ(readFile(path), before);
}

TEST_F(OpenRefusal, FilesThatAreNotProjects) {
    writeFile(dir / "notes.claims",
              "This is a text file, not a database. It is long enough to have a header.");
    auto text = Project::open(dir / "notes.claims");
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().code, ErrorCode::NotAProject);
    EXPECT_NE(text.error().message.find("not an SQLite database"), std::string::npos);

    writeFile(dir / "empty.claims", "");
    EXPECT_NE(Project::open(dir / "empty.claims").error().message.find("empty file"), std::string::npos);

    {
        RawFile raw(dir / "other.db");
        sqlite3_exec(raw.db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    }
    const std::string before = readFile(dir / "other.db");
    EXPECT_NE(
        Project::open(dir / "other.db").error().message.find("SQLite database but not a Claimtrack project"),
        std::string::npos);
    EXPECT_EQ(readFile(dir / "other.db"), before);

    EXPECT_EQ(Project::open(dir / "missing.claims").error().code, ErrorCode::NotFound);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.claims"));
    EXPECT_EQ(Project::open(dir.path()).error().code, ErrorCode::NotAProject);
}

TEST_F(OpenRefusal, CreateRefusesAnExistingFile) {
    writeFile(dir / "mine.txt", "precious");
    auto created = Project::create(dir / "mine.txt");
    ASSERT_FALSE(created);
    EXPECT_NE(created.error().message.find("already exists"), std::string::npos);
    EXPECT_EQ(readFile(dir / "mine.txt"), "precious");
}

TEST_F(OpenRefusal, AReadOnlyFileOpensForReadingButNotForWriting) {
    const auto path = dir / "ro.claims";
    {
        auto project = Project::create(path);
        ASSERT_TRUE(project);
        ASSERT_TRUE(project->importArticle("Some text with 5 figures.", {}, "a.txt"));
    }
    std::filesystem::permissions(path,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
    const std::string before = readFile(path);
    auto writing = Project::open(path);
    ASSERT_FALSE(writing);
    EXPECT_EQ(writing.error().code, ErrorCode::ReadOnly);
    EXPECT_NE(writing.error().message.find("read-only"), std::string::npos);
    auto reading = Project::open(path, Project::Access::ReadOnly);
    ASSERT_TRUE(reading) << reading.error().message;
    EXPECT_EQ(reading->articles()->size(), 1u);
    EXPECT_EQ(readFile(path), before);
}

TEST_F(OpenRefusal, AProjectInAReadOnlyFolderOpensForReadingAndLeavesNothingBeside) {
    const auto folder = dir / "archive";
    std::filesystem::create_directory(folder);
    const auto path = folder / "done.claims";
    {
        auto project = Project::create(path);
        ASSERT_TRUE(project);
        ASSERT_TRUE(project->importArticle("Some text with 5 figures.", {}, "a.txt"));
    }
    const std::string before = readFile(path);
    std::filesystem::permissions(folder,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    {
        auto writing = Project::open(path);
        ASSERT_FALSE(writing);
        EXPECT_EQ(writing.error().code, ErrorCode::ReadOnly);
        EXPECT_EQ(writing.error().message, "project file " + path.string() + " is read-only: its folder " +
                                               folder.string() + " cannot be written");
        auto reading = Project::open(path, Project::Access::ReadOnly);
        ASSERT_TRUE(reading) << reading.error().message;
        EXPECT_EQ(reading->articles()->size(), 1u);
        EXPECT_TRUE(reading->search("figures"));
        // Not even while it is open: as root (the tests here) SQLite could create them anyway.
        EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
        EXPECT_FALSE(std::filesystem::exists(path.string() + "-shm"));
    }
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-shm"));
    EXPECT_EQ(readFile(path), before);
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
}

TEST_F(OpenRefusal, AProjectLockedByAnotherWriterGivesABusyError) {
    const auto path = dir / "locked.claims";
    { ASSERT_TRUE(Project::create(path)); }
    RawFile other(path);
    ASSERT_EQ(sqlite3_exec(other.db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    auto opened = Project::open(path, Project::Access::ReadWrite, 50);
    ASSERT_TRUE(opened) << opened.error().message;  // opening needs no write lock
    auto imported = opened->importArticle("A new article.", {}, "new.txt");
    ASSERT_FALSE(imported);
    EXPECT_EQ(imported.error().code, ErrorCode::Busy);
    EXPECT_NE(imported.error().message.find("is being written by another program"), std::string::npos);
    sqlite3_exec(other.db, "ROLLBACK", nullptr, nullptr, nullptr);
    EXPECT_TRUE(opened->importArticle("A new article.", {}, "new.txt"));
}
