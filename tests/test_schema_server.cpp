// The project's schema on a PostgreSQL server (db/schema_server.h) against the file's: the same tables and
// columns in the same order, and the same rows taken and refused by the same statements.
#include "postgres_support.h"
#include "project.h"
#include "schema.h"
#include "schema_server.h"
#include "sqlite.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace claimtrack;
using test::kNoPostgres;
using test::postgresUnderTest;
using test::TempDir;

namespace {

using Columns = std::vector<std::string>;  // "table.column", in the table's order

class ServerSchemaTest : public testing::Test {
protected:
    void SetUp() override {
        const char* server = postgresUnderTest();
        if (!server)
            GTEST_SKIP() << kNoPostgres;
        m_schema = std::make_unique<test::ServerSchema>(server);
        db = m_schema->connect();
    }

    // A new project file, opened as SQLite itself sees it (foreign keys on, as the project has them).
    std::unique_ptr<sqlite::Connection> projectFile() const {
        const auto path = dir / "project.claims";
        if (!std::filesystem::exists(path)) {
            EXPECT_TRUE(Project::create(path).has_value());
        }
        auto file = std::make_unique<sqlite::Connection>(path, sqlite::Connection::Access::ReadWrite, 1000);
        file->exec("PRAGMA foreign_keys = ON");
        return file;
    }

    TempDir dir;
    std::unique_ptr<test::ServerSchema> m_schema;
    std::unique_ptr<postgres::Connection> db;
};

TEST_F(ServerSchemaTest, HasTheFilesTablesAndColumnsInTheirOrder) {
    db::createServerSchema(*db);
    Columns file;
    auto sqlite = projectFile();
    // The file's own tables: not SQLite's, nor the search index's (FTS5), which the server does differently.
    sql::Statement fileColumns(*sqlite, R"sql(
        SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE '%search%'
        ORDER BY m.name, c.cid)sql");
    while (fileColumns.step())
        file.push_back(fileColumns.text(0) + "." + fileColumns.text(1));

    Columns server;
    sql::Statement serverColumns(*db, R"sql(
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> 'claimtrack_schema' AND table_name NOT LIKE '%search%'
          AND NOT (table_name = 'history' AND column_name IN ('old_type', 'new_type'))
        ORDER BY table_name, ordinal_position)sql");
    while (serverColumns.step())
        server.push_back(serverColumns.text(0) + "." + serverColumns.text(1));
    EXPECT_EQ(server, file);
    EXPECT_GT(file.size(), 100u) << "the file's columns were read";
    EXPECT_EQ(db::serverSchemaVersion(*db), db::kSchemaVersion);
}

TEST_F(ServerSchemaTest, TakesAndRefusesTheSameRowsAsTheFile) {
    db::createServerSchema(*db);
    auto file = projectFile();
    // Written once, run on both: a row that is fine, then each a rule refuses. The reserved column names
    // are quoted, which both read.
    const std::vector<std::pair<const char*, bool>> statements{
        {"INSERT INTO article (id, uuid, title, imported_at, text, sha256, length) "
         "VALUES (1, 'a1', 'Cameras', '2026-12-02T10:00:00Z', 'Some 200 million cameras.', 'h1', 25)",
         true},
        {"INSERT INTO metric (id, uuid, name) VALUES (1, 'm1', 'Cameras in China')", true},
        {"INSERT INTO claim (id, uuid, article_id, start, \"end\", quote, prefix, suffix, value, metric_id, "
         "created_at, updated_at) VALUES (1, 'c1', 1, 5, 16, '200 million', 'Some ', ' cameras', 2e8, 1, "
         "'2026-12-02T10:00:00Z', '2026-12-02T10:00:00Z')",
         true},
        {"INSERT INTO metric (id, uuid, name) VALUES (2, 'm2', 'CAMERAS IN CHINA')", false},  // same name
        {"INSERT INTO metric (id, uuid, name) VALUES (3, 'm3', '')", false},
        {"INSERT INTO metric (id, uuid, name, tolerance) VALUES (4, 'm4', 'Tolerant', 1)", false},
        {"INSERT INTO claim (id, uuid, article_id, start, \"end\", quote, prefix, suffix, created_at, "
         "updated_at) VALUES (2, 'c2', 1, 9, 9, '', '', '', 'x', 'x')",
         false},  // no words
        {"INSERT INTO claim (id, uuid, article_id, start, \"end\", quote, prefix, suffix, created_at, "
         "updated_at) VALUES (3, 'c3', 7, 1, 2, 'o', '', '', 'x', 'x')",
         false},  // no such article
        {"INSERT INTO claim (id, uuid, article_id, start, \"end\", quote, prefix, suffix, low, high, "
         "created_at, updated_at) VALUES (4, 'c4', 1, 1, 2, 'o', '', '', 5, 4, 'x', 'x')",
         false},  // low above high
        {"UPDATE claim SET status = 'maybe' WHERE id = 1", false},
        {"UPDATE claim SET sample_size = 0 WHERE id = 1", false},
        {"INSERT INTO verdict (uuid, claim_a, claim_b, created_at) VALUES ('v1', 2, 1, 'x')", false},
        {"INSERT INTO history (at, \"user\", how, entity, entity_id, entity_uuid, change) "
         "VALUES ('x', 'ana', 'edit', 'claim', 1, 'c1', 'renamed')",
         false},
        {"DELETE FROM article WHERE id = 1", true},  // its claims go with it
    };
    for (const auto& [statement, taken] : statements) {
        for (sql::Connection* connection :
             {static_cast<sql::Connection*>(file.get()), static_cast<sql::Connection*>(db.get())}) {
            SCOPED_TRACE(connection->name() + ": " + statement);
            try {
                connection->exec(statement);
                EXPECT_TRUE(taken) << "taken, though a rule should refuse it";
            } catch (const sql::Failure& failure) {
                EXPECT_FALSE(taken) << failure.what();
                EXPECT_EQ(failure.error().code, ErrorCode::InvalidInput) << failure.what();
            }
        }
    }
    EXPECT_EQ(file->queryInteger("SELECT count(*) FROM claim"), 0);
    EXPECT_EQ(db->queryInteger("SELECT count(*) FROM claim"), 0);
}

TEST_F(ServerSchemaTest, ADatabaseWithTablesIsRefusedAndLeftAsItWas) {
    db->exec("CREATE TABLE notes (line TEXT); INSERT INTO notes VALUES ('kept')");
    try {
        db::createServerSchema(*db);
        FAIL() << "a project was created over other tables";
    } catch (const sql::Failure& failure) {
        EXPECT_EQ(failure.error().code, ErrorCode::InvalidInput);
        EXPECT_TRUE(std::string(failure.what())
                        .ends_with("is not empty; a project is created only in an empty database"))
            << failure.what();
    }
    EXPECT_EQ(
        db->queryInteger("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"), 1);
    try {
        db::serverSchemaVersion(*db);
        FAIL() << "a database without a project was read as one";
    } catch (const sql::Failure& failure) {
        EXPECT_EQ(failure.error().code, ErrorCode::NotAProject);
        EXPECT_NE(std::string(failure.what())
                      .find("holds no Claimtrack project (create one with: "
                            "claimtrack-cli init postgresql://"),
                  std::string::npos)
            << failure.what();
    }
}

TEST_F(ServerSchemaTest, AProjectFromANewerClaimtrackIsRefused) {
    db::createServerSchema(*db);
    db->exec("UPDATE claimtrack_schema SET version = version + 1");
    try {
        db::serverSchemaVersion(*db);
        FAIL() << "a newer schema was read";
    } catch (const sql::Failure& failure) {
        EXPECT_EQ(failure.error().code, ErrorCode::TooNew) << failure.what();
    }
}

// A project made by the build that first put projects on servers has no search index: opened for
// writing, it gets one, with the articles and claims it holds, and finds them; opened for reading before
// that, search is refused in one line.
TEST_F(ServerSchemaTest, AProjectWithoutASearchIndexGetsOneWhenOpenedForWriting) {
    const std::string location = m_schema->location();
    {
        auto project = Project::create(location);
        ASSERT_TRUE(project) << project.error().message;
        const auto article =
            project->importArticle("Some 176 million cameras watch the cities.", {}, "a.txt");
        ASSERT_TRUE(article);
        NewClaim claim{article->id, QuoteSelector{"176 million", 1}, {}};
        claim.fields.source = "IHS Markit";
        ASSERT_TRUE(project->addClaim(claim));
    }
    db->exec(
        "DROP TABLE article_search, claim_search, claim_search_pending;"
        "DROP FUNCTION claimtrack_index_article, claimtrack_index_claim_words, claimtrack_index_claims,"
        "  claimtrack_index_pending, claimtrack_marked, claimtrack_term, claimtrack_vector, claimtrack_words "
        "  CASCADE;"
        "DROP VIEW claim_search_row;"
        "DROP TEXT SEARCH CONFIGURATION claimtrack_words;");
    ASSERT_FALSE(db::hasServerSearch(*db));

    auto reader = Project::open(location, Project::Access::ReadOnly);
    ASSERT_TRUE(reader) << reader.error().message;
    const auto refused = reader->search("cameras");
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("has no search index yet"), std::string::npos)
        << refused.error().message;

    auto writer = Project::open(location);
    ASSERT_TRUE(writer) << writer.error().message;
    EXPECT_TRUE(db::hasServerSearch(*db));
    for (const char* query : {"cameras", "markit", "source:\"IHS Markit\" 176"}) {
        const auto found = writer->search(query);
        ASSERT_TRUE(found) << found.error().message;
        EXPECT_EQ(found->size(), 1u) << query;
    }
    EXPECT_TRUE(writer->history()->size() > 0);
    EXPECT_EQ(writer->history()->size(), reader->history()->size()) << "indexing changed no claim";
}

// A project made at schema 12 has no index of figures by metric (schema 13): a reader reads it and
// cross-checks it as it is; its owner, opening it for writing, brings it up to this build's version.
TEST_F(ServerSchemaTest, AProjectOfSchemaTwelveIsReadAsItIsAndBroughtUpByItsOwner) {
    const std::string location = m_schema->location();
    {
        auto project = Project::create(location);
        ASSERT_TRUE(project) << project.error().message;
        const auto article = project->importArticle(
            "One count put the cameras at 176 million in 2016, another at 450 million.", {}, "a.txt");
        ASSERT_TRUE(article);
        for (const auto& [quote, value] :
             {std::pair{"176 million", 176e6}, std::pair{"450 million", 450e6}}) {
            NewClaim claim{article->id, QuoteSelector{quote, 1}, {}};
            claim.fields.value = value;
            claim.fields.metric = "Cameras in China";
            claim.fields.asOf = "2016";
            ASSERT_TRUE(project->addClaim(claim));
        }
    }
    const auto hasIndex = [&] {
        return db->queryInteger("SELECT count(*) FROM pg_catalog.pg_indexes WHERE schemaname = "
                                "current_schema() AND indexname = 'claim_figure_by_metric'") == 1;
    };
    ASSERT_TRUE(hasIndex());
    db->exec("DROP INDEX claim_figure_by_metric; UPDATE claimtrack_schema SET version = 12");

    auto reader = Project::open(location, Project::Access::ReadOnly);
    ASSERT_TRUE(reader) << reader.error().message;
    ASSERT_EQ(reader->conflicts()->conflicts.size(), 1u);
    EXPECT_FALSE(hasIndex()) << "opening to read changed the project";

    auto writer = Project::open(location);
    ASSERT_TRUE(writer) << writer.error().message;
    EXPECT_TRUE(hasIndex());
    EXPECT_EQ(db::serverSchemaVersion(*db), db::kSchemaVersion);
    ASSERT_EQ(writer->conflicts()->conflicts.size(), 1u);
    EXPECT_EQ(reader->conflicts()->conflicts.size(), 1u) << "the reader reads on through the new index";

    db->exec("UPDATE claimtrack_schema SET version = 11");
    const auto older = Project::open(location, Project::Access::ReadOnly);
    ASSERT_FALSE(older) << "no Claimtrack wrote schema 11 on a server";
    EXPECT_NE(
        older.error().message.find("schema version 11, which no version of Claimtrack wrote on a server"),
        std::string::npos)
        << older.error().message;
}

// A project made before projects told of their changes sends no notices: opened to read, others' changes
// are still seen (from the history); opened for writing, it gets its triggers, and from then on notices.
TEST_F(ServerSchemaTest, AProjectWithoutChangeNoticesIsStillWatchedAndGetsThemWhenOpenedForWriting) {
    const std::string location = m_schema->location();
    std::int64_t article = 0;
    {
        auto project = Project::create(location);
        ASSERT_TRUE(project) << project.error().message;
        article = project->importArticle("Some 176 million cameras watch the cities.", {}, "a.txt")->id;
    }
    db->exec("DROP FUNCTION claimtrack_notify, claimtrack_channel CASCADE");
    ASSERT_FALSE(db::hasChangeNotices(*db));

    auto watcher = Project::open(location, Project::Access::ReadOnly);
    ASSERT_TRUE(watcher) << watcher.error().message;
    EXPECT_FALSE(db::hasChangeNotices(*db)) << "opening to read changed the project";
    const std::int64_t before = *watcher->dataVersion();
    {
        auto writer = Project::open(location);
        ASSERT_TRUE(writer) << writer.error().message;
        EXPECT_TRUE(db::hasChangeNotices(*db));
        ASSERT_TRUE(writer->addClaim({article, QuoteSelector{"176 million", 1}, {}}));
    }
    EXPECT_NE(*watcher->dataVersion(), before);

    auto listener = Project::open(location, Project::Access::ReadOnly);
    ASSERT_TRUE(listener) << listener.error().message;
    const std::int64_t listened = *listener->dataVersion();
    db->exec("UPDATE claim SET note = 'seen?'");
    for (int i = 0; i < 100 && *listener->dataVersion() == listened; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(*listener->dataVersion(), listened + 1) << "a change by anyone is noticed, SQL's own too";
}

}  // namespace
