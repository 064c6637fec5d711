// claimtrack-cli history, and --user: the changes of two people at the command line read back as a
// table, CSV and JSON.
#include "cli_support.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace claimtrack::test;

namespace {

class CliHistory : public testing::Test {
protected:
    void SetUp() override {
        writeFile(dir / "a.txt", "Cameras\nIHS Markit counted 176 million cameras in 2016.\n");
        ASSERT_EQ(runCli({"init", project}).status, 0);
        ASSERT_EQ(runCli({"import", project, (dir / "a.txt").string()}).status, 0);
        const CliRun added = runCli({"--user", "ana", "claim", "add", project, "--article", "1", "--quote",
                                     "176 million", "--value", "176000000", "--source", "IHS Markit"});
        ASSERT_EQ(added.status, 0) << added.err;
    }

    nlohmann::json historyJson(std::vector<std::string> options = {}) {
        std::vector<std::string> args{"history", project, "--format", "json"};
        args.insert(args.end(), options.begin(), options.end());
        const CliRun run = runCli(args);
        EXPECT_EQ(run.status, 0) << run.err;
        return nlohmann::json::parse(run.out);
    }

    TempDir dir;
    const std::string project = (dir / "h.claims").string();
};

}  // namespace

TEST_F(CliHistory, EachChangeIsListedWithWhoMadeIt) {
    // --user after the subcommand, as people type it.
    const CliRun set = runCli({"claim", "set", project, "1", "--status", "supported", "--user", " ben "});
    ASSERT_EQ(set.status, 0) << set.err;

    const nlohmann::json entries = historyJson({"--claim", "1"});
    ASSERT_EQ(entries.size(), 2u) << entries.dump(1);
    EXPECT_EQ(entries[0]["user"], "ana");
    EXPECT_EQ(entries[0]["change"], "created");
    EXPECT_EQ(entries[0]["label"], "176 million");
    EXPECT_EQ(entries[0]["before"], nullptr);
    EXPECT_EQ(entries[1]["user"], "ben");
    EXPECT_EQ(entries[1]["how"], "edit");
    EXPECT_EQ(entries[1]["field"], "status");
    EXPECT_EQ(entries[1]["before"], "unverified");
    EXPECT_EQ(entries[1]["after"], "supported");

    const CliRun table = runCli({"history", project, "--claim", "1"});
    ASSERT_EQ(table.status, 0) << table.err;
    EXPECT_NE(table.out.find("status: unverified \u2192 supported"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("claim 1 176 million"), std::string::npos) << table.out;

    const CliRun csv = runCli({"history", project, "--format", "csv"});
    ASSERT_EQ(csv.status, 0) << csv.err;
    EXPECT_EQ(csv.out.substr(0, csv.out.find('\r')),
              "at,user,how,entity,entity_row_id,entity_uuid,label,change,field,before,after");
    EXPECT_NE(csv.out.find(",ben,edit,claim,1,"), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find(",ana,edit,source,"), std::string::npos) << "the source came with the claim";
}

TEST_F(CliHistory, WithoutUserTheEnvironmentNamesWhoChangedIt) {
    ScopedEnv named("CLAIMTRACK_USER", "carla");
    ASSERT_EQ(runCli({"claim", "set", project, "1", "--note", "seen"}).status, 0);
    EXPECT_EQ(historyJson({"--limit", "1"})[0]["user"], "carla")
        << "ana's --user of the earlier run did not stay";
}

TEST_F(CliHistory, TagsReplacedAreTheOnesTakenOffAndPutOn) {
    ASSERT_EQ(runCli({"claim", "set", project, "1", "--tag", "cameras", "--tag", "2016"}).status, 0);
    ASSERT_EQ(runCli({"claim", "set", project, "1", "--tag", "cameras", "--tag", "estimate"}).status, 0);
    const nlohmann::json last = historyJson({"--limit", "2"});
    EXPECT_EQ(last[0]["before"], "2016");
    EXPECT_EQ(last[1]["after"], "estimate");
    ASSERT_EQ(runCli({"claim", "set", project, "1", "--tag", ""}).status, 0);
    EXPECT_EQ(historyJson().size(), 8u) << "source and claim created; 2 tags on; 1 off, 1 on; 2 off";
}

TEST_F(CliHistory, LimitKeepsTheLastChangesOldestFirst) {
    for (const char* note : {"one", "two", "three"})
        ASSERT_EQ(runCli({"claim", "set", project, "1", "--note", note}).status, 0);
    const nlohmann::json last = historyJson({"--limit", "2"});
    ASSERT_EQ(last.size(), 2u);
    EXPECT_EQ(last[0]["after"], "two");
    EXPECT_EQ(last[1]["after"], "three");
}

TEST_F(CliHistory, BadRequestsAreRefusedInOneLine) {
    const CliRun none = runCli({"history", project, "--claim", "7"});
    EXPECT_EQ(none.status, 1);
    EXPECT_EQ(none.err, "claimtrack-cli: there is no claim 7, and none had that id\n");
    const CliRun both = runCli({"history", project, "--claim", "1", "--source", "1"});
    EXPECT_EQ(both.status, 2);
    EXPECT_NE(both.err.find("excludes"), std::string::npos) << both.err;
    const CliRun emptyUser = runCli({"--user", " ", "claim", "set", project, "1", "--note", "x"});
    EXPECT_EQ(emptyUser.status, 2);
    EXPECT_NE(emptyUser.err.find("the user name cannot be empty"), std::string::npos) << emptyUser.err;
    const CliRun badValue = runCli({"claim", "set", project, "1", "--note", "x", "--value", "lots"});
    EXPECT_EQ(badValue.status, 1);
    EXPECT_NE(badValue.err.find("lots"), std::string::npos) << badValue.err;
    EXPECT_EQ(runCli({"claim", "set", project, "1"}).status, 2) << "nothing to change";
    EXPECT_EQ(historyJson().size(), 2u)
        << "the source and the claim created, and nothing by the refused runs";
}

// A source cited through others: --via, repeated, from the source outward; the table shows the chain, and
// the history says how it changed.
TEST_F(CliHistory, ViaRecordsTheSourcesAFigureCameThroughAndSetReplacesOrClearsThem) {
    ASSERT_EQ(runCli({"claim", "set", project, "1", "--via", "Xinhua"}).status, 0);
    const CliRun table = runCli({"claims", project});
    EXPECT_NE(table.out.find("IHS Markit via Xinhua"), std::string::npos) << table.out;
    const CliRun set = runCli({"claim", "set", project, "1", "--via", "Xinhua", "--via", "People's Daily"});
    ASSERT_EQ(set.status, 0) << set.err;
    const nlohmann::json claims = nlohmann::json::parse(runCli({"claims", project, "--format", "json"}).out);
    EXPECT_EQ(claims[0]["via"], (nlohmann::json{"Xinhua", "People's Daily"}));

    ASSERT_EQ(runCli({"claim", "set", project, "1", "--via", ""}).status, 0);
    EXPECT_TRUE(nlohmann::json::parse(runCli({"claims", project, "--format", "json"}).out)[0]["via"].empty());
    const nlohmann::json history = historyJson({"--claim", "1"});
    bool cleared = false;
    for (const auto& entry : history)
        cleared |= entry["field"] == "via" && entry["before"] == "Xinhua via People's Daily" &&
                   entry["after"].is_null();
    EXPECT_TRUE(cleared) << history.dump();

    // A chain needs the source it starts from.
    const CliRun refused =
        runCli({"claim", "add", project, "--article", "1", "--quote", "2016", "--via", "Xinhua"});
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.err.find("needs the source it comes from"), std::string::npos) << refused.err;
}

// What a percentage is of: --base, --sample-size, --fieldwork on add and set; "" clears one; the conflicts
// table says which percentages were not compared and why.
TEST_F(CliHistory, APercentagesBaseIsSetClearedAndKeepsUnlikeBasesFromBeingCompared) {
    writeFile(dir / "s.txt", "Surveys\nOne survey found 80 percent approved; another found 62 percent.\n");
    ASSERT_EQ(runCli({"import", project, (dir / "s.txt").string()}).status, 0);
    const CliRun first = runCli({"claim",      "add",         project,
                                 "--article",  "2",           "--quote",
                                 "80 percent", "--value",     "80",
                                 "--unit",     "%",           "--metric",
                                 "Approval",   "--source",    "Survey A",
                                 "--base",     "respondents", "--sample-size",
                                 "2209",       "--fieldwork", "2018-03/2018-05"});
    ASSERT_EQ(first.status, 0) << first.err;
    const CliRun second =
        runCli({"claim", "add", project, "--article", "2", "--quote", "62 percent", "--value", "62", "--unit",
                "%", "--metric", "Approval", "--source", "Survey B", "--base", "adults online"});
    ASSERT_EQ(second.status, 0) << second.err;
    const nlohmann::json claims = nlohmann::json::parse(runCli({"claims", project, "--format", "json"}).out);
    EXPECT_EQ(claims[1]["base"], "respondents");
    EXPECT_EQ(claims[1]["sample_size"], 2209);
    EXPECT_EQ(claims[1]["fieldwork"], "2018-03/2018-05");

    const CliRun conflicts = runCli({"conflicts", project});
    ASSERT_EQ(conflicts.status, 0) << conflicts.err;
    EXPECT_NE(
        conflicts.out.find("Approval: 62% of adults online and 80% of respondents are not compared: they "
                           "are of different bases (#3, #2)"),
        std::string::npos)
        << conflicts.out;

    const CliRun comma = runCli({"claim", "set", project, "2", "--sample-size", "2,209"});
    EXPECT_EQ(comma.status, 1);
    EXPECT_NE(comma.err.find("sample size \"2,209\" is not a whole number"), std::string::npos) << comma.err;
    ASSERT_EQ(runCli({"claim", "set", project, "3", "--base", ""}).status, 0);
    EXPECT_NE(runCli({"conflicts", project}).out.find("80% is 29% above 62%"), std::string::npos)
        << "once the base is unknown the two are compared";
    bool recorded = false;
    for (const auto& entry : historyJson({"--claim", "3"}))
        recorded |=
            entry["field"] == "base" && entry["before"] == "adults online" && entry["after"].is_null();
    EXPECT_TRUE(recorded);
}
