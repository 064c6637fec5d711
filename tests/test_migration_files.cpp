// Project files written by earlier builds of Claimtrack, one for each earlier schema version
// (tests/data/old-projects: made by make.sh there with the claimtrack-cli of each version, kept as the
// sqlite3 shell's dump). Each upgrades on opening, keeps every row and value it had, and then works.
#include "claim_format.h"
#include "project.h"
#include "project_file.h"
#include "schema.h"
#include "sqlite.h"
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <sstream>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

// The tables of the file at `schema` ("main" or an attached name) that hold the project's own rows, with
// their columns: not SQLite's, not full-text indexes (rebuilt by some versions) nor the tables behind them.
std::vector<std::pair<std::string, std::vector<std::string>>> ownTables(sqlite::Connection& db,
                                                                        const std::string& schema) {
    std::vector<std::pair<std::string, std::vector<std::string>>> tables;
    sql::Statement names(db, fmt::format("SELECT name FROM {0}.sqlite_schema t WHERE type = 'table' AND "
                                         "name NOT LIKE 'sqlite%' AND NOT EXISTS (SELECT 1 FROM "
                                         "{0}.sqlite_schema v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND "
                                         "(t.name = v.name OR t.name LIKE v.name || '\\_%' ESCAPE '\\')) "
                                         "ORDER BY name",
                                         schema));
    while (names.step()) {
        std::vector<std::string> columns;
        sql::Statement info(db, fmt::format("SELECT name FROM pragma_table_info(?1, '{}')", schema));
        info.bind(1, names.text(0));
        while (info.step())
            columns.push_back(info.text(0));
        tables.emplace_back(names.text(0), std::move(columns));
    }
    return tables;
}

class MigrationFromFile : public testing::TestWithParam<int> {};

}  // namespace

TEST_P(MigrationFromFile, AFileAnEarlierBuildWroteUpgradesKeepingEveryValueAndWorks) {
    const int version = GetParam();
    TempDir dir;
    const auto path = dir / "old.claims";
    const auto copy = dir / "as-it-was.claims";
    const std::string dump = readFile(std::filesystem::path(CLAIMTRACK_TESTDATA_DIR) / "old-projects" /
                                      fmt::format("v{}.sql", version));
    {
        sqlite::Connection old(path, sqlite::Connection::Access::Create, 1000);
        old.exec(dump.c_str());
        ASSERT_EQ(old.queryInteger("PRAGMA user_version"), version);
        old.exec(fmt::format("VACUUM INTO '{}'", copy.string()).c_str());
    }

    auto opened = Project::open(path);
    ASSERT_TRUE(opened) << opened.error().message;
    Project& project = *opened;

    sqlite::Connection db(path, sqlite::Connection::Access::ReadOnly, 1000);
    EXPECT_EQ(db.queryInteger("PRAGMA user_version"), db::kSchemaVersion);
    sql::Statement check(db, "PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    db.exec(fmt::format("ATTACH '{}' AS old", copy.string()).c_str());
    const auto before = ownTables(db, "old");
    ASSERT_GE(before.size(), 5U);
    for (const auto& [table, columns] : before) {
        std::string list;
        for (const std::string& column : columns)
            list += (list.empty() ? "\"" : ", \"") + column + "\"";
        // Every row as it was, with every column it had: none lost, none changed, none added.
        const auto count = [&](const std::string& sql) { return db.queryInteger(sql.c_str()); };
        EXPECT_EQ(count(fmt::format("SELECT count(*) FROM main.\"{}\"", table)),
                  count(fmt::format("SELECT count(*) FROM old.\"{}\"", table)))
            << table;
        EXPECT_EQ(
            count(fmt::format("SELECT count(*) FROM (SELECT {0} FROM old.\"{1}\" EXCEPT SELECT {0} FROM "
                              "main.\"{1}\")",
                              list, table)),
            0)
            << table << ": a row is not as it was";
    }

    // And the project works as any other: its claims read, searched, cross-checked, exported and edited.
    const std::vector<ClaimRecord> claims = *project.claims();
    ASSERT_GE(claims.size(), 5U);
    // From version 10 on, the file holds a newer text of the article, with the claims carried to it.
    const auto found176 = std::find_if(claims.begin(), claims.end(), [](const ClaimRecord& c) {
        return c.anchor.quote.exact == "176 million";
    });
    ASSERT_NE(found176, claims.end());
    const ClaimRecord& first = *found176;
    if (version >= 10) {
        EXPECT_EQ(first.articleId, 2);
        EXPECT_EQ(project.pendingCarries()->size(), 1U) << "the changed figure still waits";
    }
    EXPECT_EQ(first.anchor.quote.exact, "176 million");
    EXPECT_EQ(first.fields.value, 176e6);
    EXPECT_EQ(first.fields.source, "IHS Markit");
    EXPECT_EQ(first.fields.metric, "Surveillance cameras in China");
    EXPECT_EQ(first.fields.tags, std::vector<std::string>{"cameras"});
    EXPECT_EQ(first.fields.note, "IHS Markit's estimate, 'roughly'");
    EXPECT_EQ(first.fields.status, version >= 9 ? ClaimStatus::Supported : ClaimStatus::Unverified);
    EXPECT_TRUE(first.fields.base.empty());
    const auto found = project.search("surveillance cameras");
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_FALSE(found->empty()) << "the index holds what was there before";
    const auto conflicts = project.conflicts("Surveillance cameras in China");
    ASSERT_TRUE(conflicts) << conflicts.error().message;
    EXPECT_FALSE(conflicts->conflicts.empty());
    std::ostringstream file;
    ASSERT_TRUE(writeProjectFile(project, file));
    EXPECT_NE(file.str().find(R"("quote":"more than 200 million")"), std::string::npos);

    ClaimFields fields = first.fields;
    fields.base.of = "cameras counted";
    ASSERT_TRUE(project.updateClaim(first.id, fields));
    const auto history = project.history({"claim", first.id});
    ASSERT_TRUE(history) << history.error().message;
    EXPECT_EQ(history->back().field, "base") << "the history goes on from the upgrade";
}

// A program that only reads takes a file of schema 12 as it is (13 only added an index) and leaves it so; an
// older one it refuses, saying how to upgrade it.
TEST(MigrationFromFile, AReaderReadsAFileOfSchemaTwelveAsItIsAndRefusesAnOlderOne) {
    TempDir dir;
    for (const int version : {11, 12}) {
        const auto path = dir / fmt::format("v{}.claims", version);
        {
            sqlite::Connection old(path, sqlite::Connection::Access::Create, 1000);
            old.exec(readFile(std::filesystem::path(CLAIMTRACK_TESTDATA_DIR) / "old-projects" /
                              fmt::format("v{}.sql", version))
                         .c_str());
        }
        auto reader = Project::open(path, Project::Access::ReadOnly);
        if (version < db::kOldestReadableVersion) {
            ASSERT_FALSE(reader);
            EXPECT_EQ(reader.error().message,
                      fmt::format("project file {} uses an older schema (version {}); open it once for "
                                  "writing to upgrade it",
                                  path.string(), version));
            continue;
        }
        ASSERT_TRUE(reader) << reader.error().message;
        const auto conflicts = reader->conflicts("Surveillance cameras in China");
        ASSERT_TRUE(conflicts) << conflicts.error().message;
        EXPECT_FALSE(conflicts->conflicts.empty());
        EXPECT_GE(reader->claims()->size(), 5U);
        sqlite::Connection db(path, sqlite::Connection::Access::ReadOnly, 1000);
        EXPECT_EQ(db.queryInteger("PRAGMA user_version"), version) << "reading upgraded the file";
        EXPECT_EQ(db.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'claim_figure_by_metric'"),
                  0);
    }
}

INSTANTIATE_TEST_SUITE_P(EveryEarlierVersion, MigrationFromFile,
                         testing::Range(1, static_cast<int>(db::kSchemaVersion)),
                         [](const testing::TestParamInfo<int>& param) {
                             return "Version" + std::to_string(param.param);
                         });
