// The command line keeping a project's articles: article set, article delete, memo.
#include "cli_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace claimtrack::test;

namespace {

class CliArticles : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(runCli({"init", project}).status, 0);
        writeFile(dir / "a.txt", "Officials counted 200 million cameras in 2019.\n");
        writeFile(dir / "b.txt", "Skip to content\nA second report\nIt says 5 billion yuan was spent.\n");
        ASSERT_EQ(runCli({"import", project, (dir / "a.txt").string(), (dir / "b.txt").string(), "--author",
                          "R. Porter"})
                      .status,
                  0);
        ASSERT_EQ(
            runCli({"claim", "add", project, "--article", "1", "--quote", "200 million", "--tag", "cameras"})
                .status,
            0);
        ASSERT_EQ(runCli({"detect", project, "--article", "2"}).status, 0);
    }

    nlohmann::json articles() {
        return nlohmann::json::parse(runCli({"articles", project, "--format", "json"}).out);
    }

    TempDir dir;
    std::string project = (dir / "p.claims").string();
};

}  // namespace

TEST_F(CliArticles, SetChangesOnlyTheDetailsGiven) {
    EXPECT_EQ(articles()[1]["title"], "A second report") << "the page's furniture is not its title";
    const CliRun set = runCli({"article", "set", project, "2", "--publisher", "The Harbour Ledger",
                               "--published", "2019-05", "--author", "", "--memo", "Check the yuan figure."});
    ASSERT_EQ(set.status, 0) << set.err;
    EXPECT_EQ(set.out, "");
    const nlohmann::json second = articles()[1];
    EXPECT_EQ(second["title"], "A second report") << "kept: not given";
    EXPECT_EQ(second["publisher"], "The Harbour Ledger");
    EXPECT_EQ(second["published"], "2019-05");
    EXPECT_EQ(second["author"], nullptr) << "\"\" clears it";
    EXPECT_EQ(second["memo"], "Check the yuan figure.");
    EXPECT_EQ(articles()[0]["author"], "R. Porter") << "the other article is untouched";
    EXPECT_NE(runCli({"search", project, "yuan"}).out.find("A second report"), std::string::npos);
    const std::string csv = runCli({"articles", project, "--format", "csv"}).out;
    EXPECT_NE(csv.find(",memo\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",Check the yuan figure.\r\n"), std::string::npos) << csv;
}

TEST_F(CliArticles, DeleteRefusesAnArticleWithClaimsUnlessAsked) {
    const std::string before = readFile(project);
    const CliRun refused = runCli({"article", "delete", project, "2", "1"});
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(
        refused.err,
        "claimtrack-cli: article 1 (\"Officials counted 200 million cameras in 2019.\") has 1 claim; delete "
        "them first, or delete the article with its claims\n");
    EXPECT_EQ(readFile(project), before) << "all or nothing: article 2 is still there";
    EXPECT_EQ(articles().size(), 2u);

    const CliRun deleted = runCli({"article", "delete", project, "1", "2", "--with-claims"});
    ASSERT_EQ(deleted.status, 0) << deleted.err;
    EXPECT_EQ(deleted.out, "deleted article 1 (Officials counted 200 million cameras in 2019.) with 1 claim\n"
                           "deleted article 2 (A second report) with 0 claims\n");
    EXPECT_TRUE(articles().empty());
    EXPECT_EQ(runCli({"claims", project, "--format", "json"}).out, "[]\n");
}

TEST_F(CliArticles, TheProjectMemoIsSetAndPrinted) {
    EXPECT_EQ(runCli({"memo", project}).out, "");
    ASSERT_EQ(runCli({"memo", project, "--set", "Scope: camera counts\nsince 2015"}).status, 0);
    EXPECT_EQ(runCli({"memo", project}).out, "Scope: camera counts\nsince 2015\n");
    ASSERT_EQ(runCli({"memo", project, "--set", ""}).status, 0);
    EXPECT_EQ(runCli({"memo", project}).out, "");
}
