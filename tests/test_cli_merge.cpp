// export --format project and merge, as a researcher runs them: each of two copies made from a project
// file, annotated on its own, then brought together; a bad file refused in one line, changing nothing.
#include "cli_support.h"
#include "test_support.h"

#include <QStandardPaths>
#include <gtest/gtest.h>

using namespace claimtrack::test;

namespace {

class CliMerge : public testing::Test {
protected:
    void SetUp() override {
        writeFile(dir / "a.txt", "Cameras\nIHS Markit counted 176 million cameras in 2016 and expects 626 "
                                 "million by 2020; state media said 450 million.\n");
        ASSERT_EQ(runCli({"init", path("team.claims")}).status, 0);
        ASSERT_EQ(runCli({"import", path("team.claims"), path("a.txt")}).status, 0);
        addClaim("team.claims", "176 million", "176000000", "IHS Markit");
        ASSERT_EQ(
            runCli({"export", path("team.claims"), "--format", "project", "-o", path("team.json")}).status,
            0);
        for (const char* copy : {"ana.claims", "ben.claims"}) {
            ASSERT_EQ(runCli({"init", path(copy)}).status, 0);
            const CliRun merged = runCli({"merge", path(copy), path("team.json")});
            ASSERT_EQ(merged.status, 0) << merged.err;
        }
    }

    std::string path(const char* name) const { return (dir / name).string(); }

    void addClaim(const char* project, const char* quote, const char* value, const char* source) {
        const CliRun added =
            runCli({"claim", "add", path(project), "--article", "1", "--quote", quote, "--value", value,
                    "--metric", "Surveillance cameras", "--source", source});
        ASSERT_EQ(added.status, 0) << added.err;
    }

    std::string exported(const char* project) const {
        const CliRun run = runCli({"export", path(project), "--format", "project"});
        EXPECT_EQ(run.status, 0) << run.err;
        return run.out;
    }

    TempDir dir;
};

}  // namespace

TEST_F(CliMerge, TwoCopiesAnnotatedApartComeTogetherAndASecondMergeChangesNothing) {
    EXPECT_EQ(exported("ana.claims"), readFile(dir / "team.json"));  // the copy is the project, byte for byte
    addClaim("ana.claims", "626 million", "626000000", "IHS Markit");
    addClaim("ben.claims", "450 million", "450000000", "State media");

    // A dry run says what merging would do, and changes nothing.
    const std::string anaBefore = exported("ana.claims");
    const CliRun dry = runCli({"merge", path("ana.claims"), path("ben.claims"), "--dry-run"});
    ASSERT_EQ(dry.status, 0) << dry.err;
    EXPECT_NE(dry.out.find("dry run: nothing was changed; merging would do this:\nsources: 1 added"),
              std::string::npos)
        << dry.out;
    EXPECT_EQ(exported("ana.claims"), anaBefore);

    const CliRun merged = runCli({"merge", path("ana.claims"), path("ben.claims")});
    ASSERT_EQ(merged.status, 0) << merged.err;
    EXPECT_EQ(merged.out, dry.out.substr(dry.out.find('\n') + 1)) << "the dry run said what the merge did";
    EXPECT_NE(merged.out.find("claims: 1 added, 1 already the same"), std::string::npos) << merged.out;
    EXPECT_NE(merged.out.find("sources: 1 added, 1 already the same"), std::string::npos) << merged.out;
    const CliRun claims = runCli({"claims", path("ana.claims"), "--format", "csv"});
    for (const char* quote : {"176 million", "626 million", "450 million"})
        EXPECT_NE(claims.out.find(quote), std::string::npos) << quote;

    const std::string once = exported("ana.claims");
    const CliRun again = runCli({"merge", path("ana.claims"), path("ben.claims")});
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.out.find("claims: 2 already the same"), std::string::npos) << again.out;
    EXPECT_EQ(exported("ana.claims"), once);
}

TEST_F(CliMerge, TheProjectFileIsValidAgainstItsDocumentedSchema) {
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        GTEST_SKIP() << "python3 is not installed";
    const std::string schema = std::string(CLAIMTRACK_SOURCE_DIR) + "/docs/project-file.schema.json";
    const std::string check =
        "import json, sys, jsonschema\n"
        "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n";
    writeFile(dir / "check.py", check);
    // And a project with a newer version of its article, and a claim waiting on it (a figure changed).
    writeFile(dir / "a2.txt", "Cameras\nIHS Markit counted 180 million cameras in 2016 and expects 626 "
                              "million by 2020; state media said 450 million.\n");
    const CliRun version = runCli({"import", path("team.claims"), path("a2.txt"), "--new-version-of", "1"});
    ASSERT_EQ(version.status, 0) << version.err;
    writeFile(dir / "versions.json", exported("team.claims"));
    ASSERT_NE(readFile(dir / "versions.json").find("\"kind\":\"figure changed\""), std::string::npos);
    for (const char* file : {"team.json", "versions.json"}) {
        const std::string command =
            "/usr/bin/python3 " + path("check.py") + " '" + schema + "' " + path(file) + " 2>&1";
        EXPECT_EQ(std::system(command.c_str()), 0) << command;
    }
    // And the check can fail: a claim without its words is not a project file.
    std::string broken = readFile(dir / "team.json");
    broken.replace(broken.find("\"quote\":"), 8, "\"quot\":");
    writeFile(dir / "broken.json", broken);
    const std::string failing = "/usr/bin/python3 " + path("check.py") + " '" + schema + "' " +
                                path("broken.json") + " >/dev/null 2>&1";
    EXPECT_NE(std::system(failing.c_str()), 0);
}

TEST_F(CliMerge, BadInputIsRefusedInOneLineAndChangesNothing) {
    const std::string before = exported("ana.claims");
    writeFile(dir / "cut.json", readFile(dir / "team.json").substr(0, 300));
    const CliRun cut = runCli({"merge", path("ana.claims"), path("cut.json")});
    EXPECT_EQ(cut.status, 1);
    EXPECT_NE(cut.err.find("cut.json: project file: parse error at line"), std::string::npos) << cut.err;
    EXPECT_EQ(std::count(cut.err.begin(), cut.err.end(), '\n'), 1) << cut.err;

    const CliRun missing = runCli({"merge", path("ana.claims"), path("none.json")});
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;

    const CliRun itself = runCli({"merge", path("ana.claims"), path("ana.claims")});
    EXPECT_EQ(itself.status, 2);
    EXPECT_NE(itself.err.find("cannot be merged into itself"), std::string::npos) << itself.err;

    const CliRun imported = runCli({"import", path("ana.claims"), path("team.json")});
    EXPECT_EQ(imported.status, 2);
    EXPECT_NE(imported.err.find("is a Claimtrack project file: bring it in with 'claimtrack-cli merge"),
              std::string::npos)
        << imported.err;

    const CliRun side = runCli({"merge", path("ana.claims"), path("ben.claims"), "--prefer", "mine"});
    EXPECT_EQ(side.status, 2);
    EXPECT_EQ(exported("ana.claims"), before);
}
