// claimtrack-cli import of a newer version, versions, diff, carries and carry: a revised article at the
// command line, from import to the researcher's decisions.
#include "cli_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace claimtrack::test;

namespace {

const std::string kFirst = "Analysts counted more than 200 million surveillance cameras across the country. "
                           "The ministry said 43 pilot cities had tested local schemes.\n\n"
                           "A survey found 80 percent of respondents approved.\n";
const std::string kSecond = "Analysts counted more than 250 million surveillance cameras across the country. "
                            "The ministry said 43 pilot cities had tested local scoring schemes.\n";

class CliVersions : public testing::Test {
protected:
    void SetUp() override {
        writeFile(dir / "v1.txt", kFirst);
        writeFile(dir / "v2.txt", kSecond);
        ASSERT_EQ(runCli({"init", project}).status, 0);
        ASSERT_EQ(
            runCli({"import", project, (dir / "v1.txt").string(), "--url", "https://news.example/a"}).status,
            0);
        for (const auto& [quote, value] :
             {std::pair{"more than 200 million surveillance cameras", "200000000"},
              std::pair{"43 pilot cities", "43"}, std::pair{"80 percent of respondents", "80"}}) {
            const CliRun added =
                runCli({"claim", "add", project, "--article", "1", "--quote", quote, "--value", value});
            ASSERT_EQ(added.status, 0) << added.err;
        }
    }

    TempDir dir;
    const std::string project = (dir / "v.claims").string();
};

}  // namespace

TEST_F(CliVersions, ARevisedArticleIsAVersionItsChangesAreShownAndItsClaimsWait) {
    const CliRun imported =
        runCli({"import", project, (dir / "v2.txt").string(), "--url", "https://news.example/a"});
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(imported.out.substr(0, 2), "2\t");
    EXPECT_NE(
        imported.err.find("v2.txt is version 2 of article 1 (now article 2): 1 claim(s) carried; 1 with a "
                          "changed figure and 1 orphaned"),
        std::string::npos)
        << imported.err;

    const CliRun versions = runCli({"versions", project, "2"});
    ASSERT_EQ(versions.status, 0) << versions.err;
    EXPECT_NE(versions.out.find("\n1        1  "), std::string::npos) << versions.out;
    EXPECT_NE(versions.out.find("\n2        2  "), std::string::npos) << versions.out;

    const CliRun diff = runCli({"diff", project, "1"});
    ASSERT_EQ(diff.status, 0) << diff.err;
    EXPECT_NE(diff.out.find("more than [-200-] {+250+} million"), std::string::npos) << diff.out;
    EXPECT_NE(diff.out.find("local {+scoring+} schemes."), std::string::npos) << diff.out;
    EXPECT_NE(diff.out.find("[-A survey found 80 percent of respondents approved.-]"), std::string::npos)
        << diff.out;

    const CliRun carries = runCli({"carries", project});
    ASSERT_EQ(carries.status, 0) << carries.err;
    EXPECT_NE(carries.out.find("figure changed: more than 200 million \u2192 more than 250 million"),
              std::string::npos)
        << carries.out;
    EXPECT_NE(carries.out.find("orphaned: its words are gone"), std::string::npos) << carries.out;

    const CliRun moved = runCli({"carry", project, "1", "move"});
    ASSERT_EQ(moved.status, 0) << moved.err;
    EXPECT_NE(moved.out.find("claim 1 moved to article 2: \"more than 250 million surveillance cameras\""),
              std::string::npos)
        << moved.out;
    const CliRun orphan = runCli({"carry", project, "3", "move"});
    EXPECT_EQ(orphan.status, 1);
    EXPECT_NE(orphan.err.find("claim 3 is orphaned"), std::string::npos) << orphan.err;
    ASSERT_EQ(runCli({"carry", project, "3", "keep"}).status, 0);
    const CliRun none = runCli({"carries", project});
    EXPECT_EQ(none.out.find('\n'), none.out.size() - 1) << "only the header is left: " << none.out;

    const CliRun history = runCli({"history", project, "--claim", "1"});
    EXPECT_NE(history.out.find("value: 200000000 \u2192 250000000"), std::string::npos) << history.out;
}

TEST_F(CliVersions, BadRequestsAreRefusedAndChangeNothing) {
    const std::string before = readFile(project);
    const CliRun unknown = runCli({"import", project, (dir / "v2.txt").string(), "--new-version-of", "9"});
    EXPECT_EQ(unknown.status, 1);
    EXPECT_NE(unknown.err.find("no article with id 9"), std::string::npos) << unknown.err;
    const CliRun two = runCli(
        {"import", project, (dir / "v1.txt").string(), (dir / "v2.txt").string(), "--new-version-of", "1"});
    EXPECT_EQ(two.status, 2);
    EXPECT_NE(two.err.find("--new-version-of takes one file"), std::string::npos) << two.err;
    const CliRun oneVersion = runCli({"diff", project, "1"});
    EXPECT_EQ(oneVersion.status, 1);
    EXPECT_NE(oneVersion.err.find("article 1 has one version only"), std::string::npos) << oneVersion.err;
    const CliRun notWaiting = runCli({"carry", project, "2", "keep"});
    EXPECT_EQ(notWaiting.status, 1);
    EXPECT_NE(notWaiting.err.find("claim 2 is not waiting"), std::string::npos) << notWaiting.err;
    EXPECT_EQ(readFile(project), before);
}

TEST_F(CliVersions, ANamedVersionNeedsNoUrl) {
    const CliRun imported = runCli({"import", project, (dir / "v2.txt").string(), "--new-version-of", "1"});
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_NE(imported.err.find("version 2 of article 1"), std::string::npos) << imported.err;
    const CliRun diff = runCli({"diff", project, "2", "--from", "1", "--to", "3"});
    EXPECT_EQ(diff.status, 1);
    EXPECT_NE(diff.err.find("article 2 has versions 1 to 2; there is no version 3"), std::string::npos)
        << diff.err;
}
