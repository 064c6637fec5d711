// The command line on a project on a PostgreSQL server: the same commands give the same output as on a
// file, and a whole project copies to a server and back unchanged.
#include "cli_support.h"
#include "postgres_support.h"
#include "project.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <QProcess>

#include <regex>
#include <set>
#include <sstream>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

class ServerCli : public testing::Test {
protected:
    void SetUp() override {
        const char* server = postgresUnderTest();
        if (!server)
            GTEST_SKIP() << kNoPostgres;
        schema = std::make_unique<ServerSchema>(server);
        location = schema->location();
    }

    TempDir dir;
    std::unique_ptr<ServerSchema> schema;
    std::string location;
};

// Output with what differs between two projects built the same way taken out: UUIDs and times.
std::string withoutIdsAndTimes(const std::string& output) {
    static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static const std::regex kTime("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z");
    return std::regex_replace(std::regex_replace(output, kUuid, "UUID"), kTime, "TIME");
}

std::string exported(const std::string& project) {
    const CliRun run = runCli({"export", project, "--format", "project"});
    EXPECT_EQ(run.status, 0) << run.err;
    return run.out;
}

}  // namespace

TEST_F(ServerCli, TheSampleProjectBuiltOnAServerReadsAsTheSameBuiltInAFile) {
    const std::string file = (dir / "demo.claims").string();
    const ScopedEnv user("CLAIMTRACK_USER", "tester");
    LOAD_SAMPLE_PROJECT(file);
    LOAD_SAMPLE_PROJECT(location);
    ASSERT_EQ(runCli({"verdict", location, "2", "6", "--supported", "6"}).status, 0);
    ASSERT_EQ(runCli({"verdict", file, "2", "6", "--supported", "6"}).status, 0);
    ASSERT_EQ(runCli({"claim", "set", location, "3", "--status", "disputed", "--tag", "checked"}).status, 0);
    ASSERT_EQ(runCli({"claim", "set", file, "3", "--status", "disputed", "--tag", "checked"}).status, 0);
    const std::vector<std::vector<std::string>> commands = {
        {"articles"},
        {"claims"},
        {"export"},
        {"export", "--format", "json"},
        {"export", "--format", "project"},
        {"conflicts"},
        {"metrics"},
        {"history"},
        {"history", "--claim", "3"},
        {"export", "--conflicts"},
    };
    for (const auto& command : commands) {
        std::vector<std::string> onFile{command.front(), file}, onServer{command.front(), location};
        onFile.insert(onFile.end(), command.begin() + 1, command.end());
        onServer.insert(onServer.end(), command.begin() + 1, command.end());
        const CliRun fromFile = runCli(onFile);
        const CliRun fromServer = runCli(onServer);
        ASSERT_EQ(fromFile.status, 0) << fromFile.err;
        ASSERT_EQ(fromServer.status, 0) << fromServer.err;
        EXPECT_GT(fromFile.out.size(), 40U) << command.front() << ": nothing to compare";
        EXPECT_EQ(withoutIdsAndTimes(fromServer.out), withoutIdsAndTimes(fromFile.out))
            << "claimtrack-cli " << command.front() << " " << (command.size() > 1 ? command[1] : "");
    }
}

TEST_F(ServerCli, AProjectCopiesToAServerAndBackAsTheSameProjectFile) {
    const std::string file = (dir / "demo.claims").string();
    LOAD_SAMPLE_PROJECT(file);
    const std::string original = exported(file);

    const CliRun there = runCli({"copy", file, location});
    ASSERT_EQ(there.status, 0) << there.err;
    EXPECT_NE(there.out.find("both export the same project file"), std::string::npos) << there.out;
    EXPECT_EQ(exported(location), original) << "byte for byte, UUIDs and times included";

    const std::string back = (dir / "back.claims").string();
    const CliRun home = runCli({"copy", location, back});
    ASSERT_EQ(home.status, 0) << home.err;
    EXPECT_EQ(exported(back), original);
}

TEST_F(ServerCli, ACopyIntoAProjectThatIsThereIsRefusedAndChangesNothing) {
    const std::string file = (dir / "demo.claims").string();
    LOAD_SAMPLE_PROJECT(file);
    ASSERT_EQ(runCli({"copy", file, location}).status, 0);
    const std::string onServer = exported(location);
    const std::string inFile = readFile(file);

    const CliRun again = runCli({"copy", file, location});
    EXPECT_EQ(again.status, 1);
    EXPECT_NE(again.err.find("is not empty; a project is created only in an empty database"),
              std::string::npos)
        << again.err;
    EXPECT_EQ(exported(location), onServer);

    const CliRun overFile = runCli({"copy", location, file});
    EXPECT_EQ(overFile.status, 1);
    EXPECT_NE(overFile.err.find("already exists"), std::string::npos) << overFile.err;
    EXPECT_EQ(readFile(file), inFile);
}

// The server's text search is not FTS5 and ranks by its own measure, so the order of equally good hits may
// differ; what must not differ is which articles each query finds.
TEST_F(ServerCli, SearchFindsTheSameArticlesOnAServerAsInAFile) {
    const std::string file = (dir / "demo.claims").string();
    LOAD_SAMPLE_PROJECT(file);
    LOAD_SAMPLE_PROJECT(location);
    ASSERT_EQ(runCli({"claim", "set", location, "3", "--status", "disputed", "--tag", "checked"}).status, 0);
    ASSERT_EQ(runCli({"claim", "set", file, "3", "--status", "disputed", "--tag", "checked"}).status, 0);
    const auto articlesFound = [](const CliRun& run) {
        std::set<std::string> ids;
        std::istringstream lines(run.out);
        std::string line;
        std::getline(lines, line);  // the header
        while (std::getline(lines, line))
            ids.insert(line.substr(0, line.find(' ')));
        return ids;
    };
    const char* queries[] = {
        "cameras",
        "\"social credit\"",
        "surveil*",
        "score OR blacklist",
        "camera* -forecast",
        "credit NOT survey",
        "million source:\"IHS Markit\"",
        "million metric:\"Surveillance cameras in China\"",
        "status:disputed",
        "tag:checked",
        "publisher:\"policy weekly\"",
        "camps since:2019",
        "credit until:2018-06",
        "176",
        "XINJIANG",
        "1.4 billion",
        "Kostka",
        "bicycles",
    };
    std::size_t found = 0;
    for (const char* query : queries) {
        const CliRun inFile = runCli({"search", file, query, "--limit", "100"});
        const CliRun onServer = runCli({"search", location, query, "--limit", "100"});
        EXPECT_EQ(onServer.status, inFile.status) << query << ": " << onServer.err;
        EXPECT_EQ(articlesFound(onServer), articlesFound(inFile)) << query;
        found += articlesFound(inFile).size();
    }
    EXPECT_GE(found, 25U) << "the queries find something to compare";
}

TEST_F(ServerCli, ADatabaseWithoutAProjectIsNamedWithoutItsPassword) {
    const CliRun claims = runCli({"claims", location + "&password=s3cret"});
    EXPECT_EQ(claims.status, 1);
    EXPECT_NE(claims.err.find("holds no Claimtrack project (create one with: claimtrack-cli init"),
              std::string::npos)
        << claims.err;
    EXPECT_EQ(claims.err.find("s3cret"), std::string::npos) << claims.err;
}

// The server goes down in the middle of an import: the command line says the connection was lost, in one
// line; every article it reported is there when the server is back; and the same import run again
// completes the project, no article twice.
// `members` gives roles, which the server then holds every command to: a reviewer's change of a figure is
// refused in one line that says why; a project file has no members.
TEST_F(ServerCli, MembersGivesRolesAndTheServerHoldsEveryCommandToThem) {
    const ServerPeople people(postgresUnderTest(), *schema, {"owner", "ana", "rev"});
    const std::string owner = people.location("owner");
    ASSERT_EQ(runCli({"init", owner}).status, 0);
    writeFile(dir / "a.txt", "IHS Markit expects 626 million cameras by 2020.\n");
    ASSERT_EQ(runCli({"import", owner, (dir / "a.txt").string()}).status, 0);
    const CliRun given = runCli({"members", owner, "--annotator", people.name("ana"), "--reviewer",
                                 people.name("rev"), "--format", "csv"});
    ASSERT_EQ(given.status, 0) << given.err;
    EXPECT_EQ(given.out, fmt::format("user,role\r\n{},annotator\r\n{},owner\r\n{},reviewer\r\n",
                                     people.name("ana"), people.name("owner"), people.name("rev")));

    const CliRun added = runCli({"claim", "add", people.location("ana"), "--article", "1", "--quote",
                                 "626 million", "--value", "626000000"});
    ASSERT_EQ(added.status, 0) << added.err;
    ASSERT_EQ(runCli({"claim", "set", people.location("rev"), "1", "--status", "supported"}).status, 0);
    const CliRun refused = runCli({"claim", "set", people.location("rev"), "1", "--value", "7"});
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(refused.err,
              fmt::format("claimtrack-cli: {} refused the change: {} is a reviewer of this project, "
                          "who may set claims' statuses and record verdicts, not change claims, "
                          "articles, sources or metrics (permission denied for table claim)\n",
                          displayedLocation(people.location("rev")), people.name("rev")));
    const CliRun history = runCli({"history", owner, "--claim", "1", "--format", "csv"});
    EXPECT_NE(history.out.find(people.name("rev") + ",edit,claim"), std::string::npos) << history.out;
    EXPECT_EQ(history.out.find("\"7\""), std::string::npos) << "the refused value was written";

    ASSERT_EQ(runCli({"init", (dir / "x.claims").string()}).status, 0);
    const CliRun fileMembers = runCli({"members", (dir / "x.claims").string(), "--reviewer", "bo"});
    EXPECT_EQ(fileMembers.status, 1);
    EXPECT_NE(fileMembers.err.find("is a project file: who may change it is up to the file's permissions"),
              std::string::npos)
        << fileMembers.err;
}

TEST(ServerFaults, AnImportWhoseServerGoesDownSaysSoKeepsWhatItReportedAndARerunCompletesIt) {
    const PrivateServer server;
    ASSERT_TRUE(server.error().empty()) << "the test's own server did not start: " << server.error();
    const std::string project = server.location();
    ASSERT_EQ(runCli({"init", project}).status, 0);
    TempDir dir;
    constexpr int kFiles = 3000;
    const QStringList args = writeImportArticles(dir, project, kFiles, 3000);

    QProcess import;
    import.start(QStringLiteral(CLAIMTRACK_CLI), args);
    ASSERT_TRUE(import.waitForStarted());
    int reported = 0;
    while (reported == 0 && import.waitForReadyRead(60000))
        reported += static_cast<int>(import.readAllStandardOutput().count('\n'));
    ASSERT_GT(reported, 0) << "the import reported nothing before the server could be stopped";
    ASSERT_TRUE(server.halt());
    ASSERT_TRUE(import.waitForFinished(60000));
    reported += static_cast<int>(import.readAllStandardOutput().count('\n'));
    const std::string error = import.readAllStandardError().toStdString();
    EXPECT_EQ(import.exitCode(), 1);
    EXPECT_NE(error.find("lost the connection to postgresql://postgres@"), std::string::npos) << error;
    EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << error;

    ASSERT_TRUE(server.resume());
    const auto articleCount = [&] {
        const CliRun listed = runCli({"articles", project, "--format", "csv"});
        EXPECT_EQ(listed.status, 0) << listed.err;
        return static_cast<int>(std::count(listed.out.begin(), listed.out.end(), '\n')) - 1;  // the header
    };
    const int stored = articleCount();
    EXPECT_GE(stored, reported) << "every article reported done must be on the server";
    EXPECT_LT(stored, kFiles) << "the server stopped too late to test anything";

    const ProcessResult rerun = runProcess(QStringLiteral(CLAIMTRACK_CLI), args);
    ASSERT_EQ(rerun.exitCode, 0) << rerun.err;
    EXPECT_EQ(QString::fromStdString(rerun.out).count(QLatin1Char('\n')), kFiles);
    EXPECT_EQ(articleCount(), kFiles);
}
