// The command line run in process: what each subcommand prints, and that
// every bad input gets one clear line, the right exit status, and leaves the
// project file exactly as it was.
#include "cli_support.h"
#include "command.h"
#include "pdf_writer.h"
#include "test_support.h"
#include "text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include <filesystem>
#include <functional>
#include <map>

using namespace claimtrack::test;

namespace {

class CliTest : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(runCli({"init", project()}).status, 0);
        writeFile(dir / "fixture.txt", fixtureArticleBytes());
        const CliRun imported =
            runCli({"import", project(), file("fixture.txt"), "--publisher", "Daily Example", "--published",
                    "2024-05-01", "--url", "https://example.org/a"});
        ASSERT_EQ(imported.status, 0) << imported.err;
        ASSERT_EQ(imported.out, "1\tLe café et le 社会信用 📷\n");
    }
    std::string project() const { return (dir / "p.claims").string(); }
    std::string file(const char* name) const { return (dir / name).string(); }

    TempDir dir;
};

}  // namespace

TEST_F(CliTest, ClaimAddPrintsTheIdAndClaimsListIt) {
    const CliRun added = runCli({"claim",
                                 "add",
                                 project(),
                                 "--article",
                                 "1",
                                 "--quote",
                                 "176 million cameras",
                                 "--value",
                                 "176000000",
                                 "--unit",
                                 "cameras",
                                 "--metric",
                                 "Surveillance cameras",
                                 "--source",
                                 "IHS Markit",
                                 "--as-of",
                                 "2018",
                                 "--tag",
                                 "cameras",
                                 "--tag",
                                 "china"});
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_EQ(added.out, "1\n");
    const CliRun byOffsets =
        runCli({"claim", "add", project(), "--article", "1", "--start", "0", "--end", "2"});
    ASSERT_EQ(byOffsets.status, 0) << byOffsets.err;
    EXPECT_EQ(byOffsets.out, "2\n");

    const CliRun table = runCli({"claims", project()});
    ASSERT_EQ(table.status, 0);
    EXPECT_NE(table.out.find("176,000,000"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("IHS Markit"), std::string::npos);

    const auto json = nlohmann::json::parse(runCli({"claims", project(), "--format", "json"}).out);
    ASSERT_EQ(json.size(), 2u);
    EXPECT_EQ(json[0]["quote"], "Le");
    EXPECT_EQ(json[1]["value"], 176000000);
    EXPECT_EQ(json[1]["tags"], nlohmann::json::array({"cameras", "china"}));
    EXPECT_EQ(json[1]["article_row_id"], 1);
    EXPECT_EQ(json[1]["claim_id"].get<std::string>().size(), 36u);
    EXPECT_TRUE(json[1]["low"].is_null());
}

TEST_F(CliTest, OccurrenceSelectsTheNthMatch) {
    const CliRun second = runCli({"claim", "add", project(), "--article", "1", "--quote", "million",
                                  "--occurrence", "2", "--value", "1400000000"});
    ASSERT_EQ(second.status, 0) << second.err;
    const auto json = nlohmann::json::parse(runCli({"claims", project(), "--format", "json"}).out);
    EXPECT_EQ(json[0]["prefix"].get<std::string>().substr(json[0]["prefix"].get<std::string>().size() - 4),
              "400 ");
}

TEST_F(CliTest, ExtractPrintsOneJsonObjectPerFigure) {
    const CliRun run =
        runCli({"extract", "-"}, "According to Xinhua, which quoted IHS Markit, there were 176\u00A0million "
                                 "cameras in 2016.");
    ASSERT_EQ(run.status, 0) << run.err;
    std::vector<nlohmann::ordered_json> lines;
    std::istringstream out(run.out);
    for (std::string line; std::getline(out, line);)
        lines.push_back(nlohmann::ordered_json::parse(line));
    ASSERT_EQ(lines.size(), 2u);
    const auto& cameras = lines[0];
    EXPECT_EQ(cameras["text"], "176\u00A0million");
    EXPECT_EQ(cameras["value"], 176000000);
    EXPECT_EQ(cameras["source"], "IHS Markit");
    EXPECT_EQ(cameras["via"], "Xinhua");
    EXPECT_EQ(cameras["time"], "2016");
    EXPECT_TRUE(cameras["low"].is_null());
    std::vector<std::string> keys;
    for (const auto& [key, value] : cameras.items())
        keys.push_back(key);
    EXPECT_EQ(keys,
              (std::vector<std::string>{"start", "end", "text", "value", "low", "high", "approximate", "unit",
                                        "kind", "subject", "source", "time", "role", "sentence_start",
                                        "sentence_end", "via", "base", "sample_size", "fieldwork"}));
    EXPECT_EQ(lines[1]["kind"], "date");
    EXPECT_EQ(runCli({"extract", file("nothing.txt")}).status, 1);
}

TEST_F(CliTest, DetectStoresSuggestionsAndAcceptAllRecordsClaims) {
    const CliRun suggested = runCli({"detect", project()});
    ASSERT_EQ(suggested.status, 0) << suggested.err;
    EXPECT_EQ(suggested.out, "article 1: 2 figures suggested, 0 already claimed, 0 suggested before\n");
    const CliRun accepted = runCli({"detect", project(), "--article", "1", "--accept-all"});
    EXPECT_EQ(accepted.out, "article 1: 2 claims recorded, 0 already claimed, 0 suggested before\n");
    EXPECT_NE(runCli({"claims", project()}).out.find("176,000,000"), std::string::npos);
    const CliRun again = runCli({"detect", project(), "--accept-all"});
    EXPECT_EQ(again.out, "article 1: 0 claims recorded, 2 already claimed, 0 suggested before\n");
    EXPECT_EQ(runCli({"detect", project(), "--article", "9"}).status, 1);
}

TEST_F(CliTest, ArticlesInEveryFormat) {
    EXPECT_NE(runCli({"articles", project()}).out.find("Daily Example"), std::string::npos);
    const auto json = nlohmann::json::parse(runCli({"articles", project(), "--format", "json"}).out);
    EXPECT_EQ(json[0]["published"], "2024-05-01");
    EXPECT_EQ(json[0]["url"], "https://example.org/a");
    EXPECT_EQ(json[0]["claims"], 0);
    const std::string csv = runCli({"articles", project(), "--format", "csv"}).out;
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "row_id,article_id,title,author,publisher,url,published,imported_at,"
              "sha256,length,claims,memo\r");
}

TEST_F(CliTest, ImportReportsBadFilesAndStillImportsTheRest) {
    writeFile(dir / "good.txt", "A second report: 450 million cameras by 2020.\n");
    writeFile(dir / "empty.txt", "");
    const CliRun run =
        runCli({"import", project(), file("empty.txt"), file("good.txt"), file("missing.txt")});
    EXPECT_EQ(run.status, 1);
    EXPECT_EQ(run.out, "2\tA second report: 450 million cameras by 2020.\n");
    EXPECT_NE(run.err.find("empty.txt is empty"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("missing.txt: no such file"), std::string::npos) << run.err;
}

TEST_F(CliTest, ReimportingTheSameTextGivesTheSameArticle) {
    const CliRun again = runCli({"import", project(), file("fixture.txt")});
    EXPECT_EQ(again.status, 0);
    EXPECT_EQ(again.out, "1\tLe café et le 社会信用 📷\n");
    EXPECT_NE(again.err.find("already in the project as article 1"), std::string::npos);
}

TEST_F(CliTest, ExportWritesAFileWithAByteOrderMarkForExcel) {
    ASSERT_EQ(runCli({"claim", "add", project(), "--article", "1", "--quote", "176"}).status, 0);
    const CliRun exported = runCli({"export", project(), "--excel", "-o", file("out.csv")});
    ASSERT_EQ(exported.status, 0) << exported.err;
    const std::string csv = readFile(dir / "out.csv");
    EXPECT_EQ(csv.substr(0, 12), "\xEF\xBB\xBF"
                                 "claim_id,");
    EXPECT_FALSE(std::filesystem::exists(dir / "out.csv.partial"));
    EXPECT_EQ(runCli({"export", project(), "--format", "json"}).status, 0);
}

TEST_F(CliTest, SearchFindsWordsWithoutAccentsAndMarksThem) {
    const CliRun table = runCli({"search", project(), "cafe"});
    ASSERT_EQ(table.status, 0) << table.err;
    EXPECT_NE(table.out.find("\u00ABcaf\u00E9\u00BB"), std::string::npos) << table.out;

    const CliRun json = runCli({"search", project(), "caf*", "--format", "json"});
    ASSERT_EQ(json.status, 0) << json.err;
    const auto rows = nlohmann::json::parse(json.out);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["article_row_id"], 1);
    EXPECT_EQ(rows[0]["publisher"], "Daily Example");
    EXPECT_EQ(rows[0]["claim_row_ids"], nlohmann::json::array()) << "no claim matched by its own fields";
    const std::u32string snippet = claimtrack::toCodePoints(rows[0]["snippet"].get<std::string>());
    ASSERT_FALSE(rows[0]["matches"].empty());
    for (const auto& match : rows[0]["matches"]) {
        const auto start = match[0].get<std::size_t>(), end = match[1].get<std::size_t>();
        EXPECT_EQ(claimtrack::toUtf8(snippet.substr(start, end - start)), "caf\u00E9");
    }

    const CliRun none = runCli({"search", project(), "bicycles"});
    EXPECT_EQ(none.status, 0);
    EXPECT_EQ(none.err, "claimtrack-cli: nothing matches bicycles\n");
}

TEST_F(CliTest, AClaimInAPdfCitesItsPage) {
    writeFile(dir / "report.pdf",
              claimtrack::test::makePdf({{{{"Page one counts 176 million cameras."}}, false},
                                         {{{"Page two forecasts 626 million."}}, false}},
                                        "Camera report", "Analyst"));
    const CliRun imported = runCli({"import", project(), file("report.pdf")});
    ASSERT_EQ(imported.status, 0) << imported.err;
    const std::string id = imported.out.substr(0, imported.out.find('\t'));
    ASSERT_EQ(
        runCli({"claim", "add", project(), "--article", id, "--quote", "626 million", "--value", "626000000"})
            .status,
        0);
    ASSERT_EQ(runCli({"claim", "add", project(), "--article", id, "--quote", "176 million"}).status, 0);
    const auto claims = nlohmann::json::parse(runCli({"claims", project(), "--format", "json"}).out);
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0]["quote"], "176 million");
    EXPECT_EQ(claims[0]["page"], 1);
    EXPECT_EQ(claims[1]["page"], 2);
}

TEST_F(CliTest, ImportSaysWhenTheEncodingWasAGuess) {
    // Almost all ASCII, with two bytes that are not UTF-8: taken as a single-byte encoding, and said so.
    writeFile(dir / "mostly-ascii.txt",
              "The city counted 200 million cameras in 2018, and the caf\xE9 owners said the r\xF4le of the "
              "police grew.\n");
    writeFile(dir / "utf8.txt", "The caf\xC3\xA9 counted 3 cameras.\n");
    const CliRun run =
        runCli({"import", project(), (dir / "mostly-ascii.txt").string(), (dir / "utf8.txt").string()});
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.err.find(" names no encoding and is not UTF-8; read as "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(", a guess: check its text (article 2)\n"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("utf8.txt"), std::string::npos) << "valid UTF-8 is no guess: " << run.err;
}

TEST_F(CliTest, ImportsAFolderWholeAndOnlyWhatIsNewTheSecondTime) {
    namespace fs = std::filesystem;
    const fs::path folder = dir / "collected";
    fs::create_directories(folder / "2018" / "march");
    fs::create_directories(folder / ".cache");
    writeFile(folder / "2018" / "latin1.txt", "Caf\xE9 au lait co\xFBte 5 euros dans la capitale.\n");
    writeFile(folder / "2018" / "march" / "page.html",
              "<!doctype html><title>Saved</title><nav>Home News</nav><article><h1>Saved page</h1>"
              "<p>The city installed 200 cameras along the ring road last spring.</p></article>");
    writeFile(folder / "notes.md", "# Notes\n\nMore than 11 percent, by one estimate.\n");
    writeFile(folder / "report.pdf",
              claimtrack::test::makePdf({{{{"A report of 176 million cameras."}}, false}}, "Camera report",
                                        "Analyst"));
    writeFile(folder / "photo.jpg", "\xFF\xD8\xFF");                 // not an article: passed over
    writeFile(folder / ".cache" / "old.txt", "a hidden copy");       // hidden: passed over
    fs::create_directory_symlink(folder, folder / "2018" / "back");  // a link back up: not followed
    fs::create_symlink(folder / "loop.txt", folder / "loop.txt");    // a link to itself: reported
    writeFile(folder / "broken.txt", "");                            // empty: reported

    const CliRun first = runCli({"import", project(), folder.string()});
    EXPECT_EQ(first.status, 1) << first.err;
    EXPECT_NE(first.err.find("loop.txt is a symbolic link that leads round in a loop"), std::string::npos)
        << first.err;
    EXPECT_NE(first.err.find("broken.txt is empty"), std::string::npos) << first.err;
    EXPECT_EQ(std::count(first.out.begin(), first.out.end(), '\n'), 4) << first.out;
    const auto articles = nlohmann::json::parse(runCli({"articles", project(), "--format", "json"}).out);
    ASSERT_EQ(articles.size(), 5u);  // the fixture's and the four
    std::map<std::string, std::string> formats;
    for (const auto& a : articles)
        formats[a["title"].get<std::string>()] =
            a["format"].get<std::string>() + " " + a["encoding"].get<std::string>();
    EXPECT_EQ(formats["Saved"], "html UTF-8");  // the page's <title>
    EXPECT_EQ(formats["Camera report"], "pdf ");
    EXPECT_EQ(formats["# Notes"], "markdown UTF-8");
    const std::string latin1 = formats["Café au lait coûte 5 euros dans la capitale."];
    EXPECT_TRUE(latin1 == "text ISO-8859-1" || latin1 == "text WINDOWS-1252") << latin1;

    // Again, with one file more: only that one lands; the rest are named as already there.
    writeFile(folder / "2018" / "new.txt", "A new article about 450 million cameras.\n");
    const CliRun second = runCli({"import", project(), folder.string()});
    std::size_t already = 0;
    for (std::size_t at = second.err.find("is already in the project"); at != std::string::npos;
         at = second.err.find("is already in the project", at + 1))
        ++already;
    EXPECT_EQ(already, 4u) << second.err;
    EXPECT_NE(second.out.find("\tA new article about 450 million cameras.\n"), std::string::npos)
        << second.out;
    EXPECT_EQ(nlohmann::json::parse(runCli({"articles", project(), "--format", "json"}).out).size(), 6u);
}

struct BadInput {
    const char* name;
    std::vector<std::string> args;  // "{p}" is the project, "{d}/" the test folder
    int status;
    const char* message;
};

// Names the case in test listings instead of dumping its bytes.
inline void PrintTo(const BadInput& c, std::ostream* os) {
    *os << c.name;
}

class CliBadInput : public CliTest, public testing::WithParamInterface<BadInput> {};

TEST_P(CliBadInput, GetsOneClearLineAndLeavesTheProjectAsItWas) {
    writeFile(dir / "empty.txt", "");
    writeFile(dir / "binary.bin", std::string("\x7F"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10));
    writeFile(dir / "noise.txt", "\xC3\x28\xA0\xA1\xE2\x28\xA1\xF0\x28\x8C\xBC");
    std::filesystem::create_directory(dir / "pictures");
    writeFile(dir / "huge.txt", "2 GiB of text, mostly a hole: ");
    std::filesystem::resize_file(dir / "huge.txt", 2ull << 30);  // sparse, so it costs no disk
    std::string deep;
    for (int i = 0; i < 5000; ++i)
        deep += "<div>";
    writeFile(dir / "deep.html", "<!doctype html><body>" + deep + "words</body>");
    writeFile(dir / "pictures" / "cameras.jpg", "\xFF\xD8\xFF\xE0 not really a picture");
    writeFile(dir / "good.txt", "A good file with 3 figures.\n");
    const std::string before = readFile(project());

    std::vector<std::string> args;
    for (std::string arg : GetParam().args) {
        if (arg == "{p}")
            arg = project();
        if (arg.starts_with("{d}/"))
            arg = (dir / arg.substr(4)).string();
        args.push_back(arg);
    }
    const CliRun run = runCli(args);
    EXPECT_EQ(run.status, GetParam().status) << run.err;
    EXPECT_NE(run.err.find(GetParam().message), std::string::npos) << run.err;
    EXPECT_TRUE(run.err.starts_with("claimtrack-cli: ")) << run.err;
    EXPECT_EQ(run.err.find("s3cret"), std::string::npos) << "a password was printed: " << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(readFile(project()), before);
    EXPECT_EQ(runCli({"claims", project(), "--format", "csv"}).out.find('\n'),
              runCli({"claims", project(), "--format", "csv"}).out.size() - 1)
        << "no claim may have been written";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CliBadInput,
    testing::Values(
        BadInput{"EmptyFile", {"import", "{p}", "{d}/empty.txt"}, 1, "empty.txt is empty"},
        // A server that is not there: said so in one line, its password never printed (the test's check of
        // one clear line sees the whole message).
        BadInput{"ServerNotThere",
                 {"init", "postgresql://ana:s3cret@%2Ftmp%2Fclaimtrack-no-server/claims"},
                 1,
                 "claimtrack-cli: cannot connect to postgresql://ana@%2Ftmp%2Fclaimtrack-no-server/claims: "
                 "connection to server on socket \"/tmp/claimtrack-no-server/.s.PGSQL.5432\" failed"},
        BadInput{
            "ServerToImportIntoNotThere",
            {"import", "postgres:///claims?host=/tmp/claimtrack-no-server&password=s3cret", "{d}/good.txt"},
            1,
            "claimtrack-cli: cannot connect to postgresql://%2Ftmp%2Fclaimtrack-no-server/claims"},
        BadInput{
            "BinaryFile", {"import", "{p}", "{d}/binary.bin"}, 1, "not a text file (NUL byte at offset 7)"},
        BadInput{"UnknownEncoding",
                 {"import", "{p}", "{d}/noise.txt"},
                 1,
                 "noise.txt: cannot tell which encoding the text is in"},
        BadInput{"MissingFile", {"import", "{p}", "{d}/nothing.txt"}, 1, "nothing.txt: no such file"},
        BadInput{"TwoGigabyteFile", {"import", "{p}", "{d}/huge.txt"}, 1, "huge.txt is larger than 64 MiB"},
        BadInput{"DeeplyNestedPage",
                 {"import", "{p}", "{d}/deep.html"},
                 1,
                 "deep.html: its elements nest 5001 deep (more than 1000); that is not a page to read"},
        BadInput{"FolderWithNothingToImport",
                 {"import", "{p}", "{d}/pictures"},
                 1,
                 "pictures has no files to import (text, Markdown, saved web pages or PDFs)"},
        BadInput{"BadPublishedDate",
                 {"import", "{p}", "{d}/good.txt", "--published", "May 2024"},
                 1,
                 "published date \"May 2024\" is not a valid date"},
        BadInput{"QuoteNotFound",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "626 million"},
                 1,
                 "quote \"626 million\" not found"},
        BadInput{"OccurrenceMissing",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "million", "--occurrence", "3"},
                 1,
                 "occurs 2 times"},
        BadInput{"RangeOutside",
                 {"claim", "add", "{p}", "--article", "1", "--start", "10", "--end", "100000"},
                 1,
                 "is not inside the text"},
        BadInput{"EndBeforeStart",
                 {"claim", "add", "{p}", "--article", "1", "--start", "10", "--end", "10"},
                 1,
                 "end must be greater than start"},
        BadInput{"UnknownArticle",
                 {"claim", "add", "{p}", "--article", "42", "--quote", "x"},
                 1,
                 "no article with id 42"},
        BadInput{"ValueNotANumber",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "176", "--value", "176m"},
                 1,
                 "value \"176m\" is not a number"},
        BadInput{"LowAboveHigh",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "176", "--low", "9", "--high", "1"},
                 1,
                 "low 9 is greater than high 1"},
        BadInput{"OccurrenceZero",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "million", "--occurrence", "0"},
                 2,
                 "--occurrence: 0 is not a whole number, 1 or more\n"},
        BadInput{"NegativeStart",
                 {"claim", "add", "{p}", "--article", "1", "--start", "-1", "--end", "3"},
                 2,
                 "--start: -1 is not a whole number, 0 or more\n"},
        BadInput{"StartPast64Bits",
                 {"claim", "add", "{p}", "--article", "1", "--start", "99999999999999999999", "--end", "3"},
                 2,
                 "--start: 99999999999999999999 is too large; it must be a whole number, 0 or more\n"},
        BadInput{"ArticleNotANumber",
                 {"claim", "add", "{p}", "--article", "first", "--quote", "million"},
                 2,
                 "--article: first is not a whole number, 1 or more\n"},
        BadInput{"InvalidUtf8InANote",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "176", "--note", "caf\xE9"},
                 1,
                 "note is not valid UTF-8: byte 0xE9 at offset 3"},
        BadInput{"InvalidUtf8InATag",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "176", "--tag", "\xFFtag"},
                 1,
                 "tag is not valid UTF-8: byte 0xFF at offset 0"},
        BadInput{"InvalidUtf8InASource",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "176", "--source", "IHS\x80"},
                 1,
                 "source is not valid UTF-8: byte 0x80 at offset 3"},
        BadInput{"BadAsOf",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "176", "--as-of", "2020-13"},
                 1,
                 "as-of date \"2020-13\" is not a valid date"},
        BadInput{"BadStatus",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "176", "--status", "true"},
                 1,
                 "unknown status \"true\""},
        BadInput{"UnknownArticleFilter", {"claims", "{p}", "--article", "7"}, 1, "no article with id 7"},
        BadInput{
            "UnknownMetric", {"conflicts", "{p}", "--metric", "Bicycles"}, 1, "no metric named \"Bicycles\""},
        BadInput{"MetricSetUnknownMetric",
                 {"metric", "set", "{p}", "Bicycles", "--place", "Beijing"},
                 1,
                 "no metric named \"Bicycles\""},
        BadInput{"ArticleSetEmptyTitle",
                 {"article", "set", "{p}", "1", "--title", " "},
                 1,
                 "an article needs a title"},
        BadInput{"ArticleSetBadDate",
                 {"article", "set", "{p}", "1", "--published", "May 2019"},
                 1,
                 "published date \"May 2019\""},
        BadInput{"ArticleDeleteUnknown", {"article", "delete", "{p}", "1", "9"}, 1, "no article with id 9"},
        BadInput{"VerdictWithoutAChoice",
                 {"verdict", "{p}", "1", "2"},
                 2,
                 "give --supported CLAIM or --both-stand"},
        BadInput{"VerdictOnClaimsThatDoNotConflict",
                 {"verdict", "{p}", "1", "2", "--both-stand"},
                 1,
                 "claims 1 and 2 do not conflict"},
        BadInput{"ConflictsAsATableFile",
                 {"export", "{p}", "--conflicts", "--format", "table"},
                 2,
                 "table is not one of csv, json, xlsx"},
        BadInput{"NoAnchor",
                 {"claim", "add", "{p}", "--article", "1"},
                 2,
                 "give --quote TEXT, or both --start and --end"},
        BadInput{"QuoteAndOffsets",
                 {"claim", "add", "{p}", "--article", "1", "--quote", "x", "--start", "1", "--end", "2"},
                 2,
                 "not both"},
        BadInput{"SearchQuoteNotClosed",
                 {"search", "{p}", "caf\u00E9 \"social"},
                 1,
                 "search: a quote is not closed (at character 7)"},
        BadInput{"SearchUnknownFilter", {"search", "{p}", "colour:red"}, 1, "there is no filter \"colour:\""},
        BadInput{"SearchAsCsv", {"search", "{p}", "cafe", "--format", "csv"}, 2, "a table or json"},
        BadInput{"UnknownFormat",
                 {"claims", "{p}", "--format", "xml"},
                 2,
                 "--format: xml is not one of csv, json, table"},
        BadInput{"UnknownOption", {"claims", "{p}", "--colour"}, 2, "--colour"},
        BadInput{"NoSubcommand", {}, 2, "subcommand"},
        BadInput{"ExcelWithJson",
                 {"export", "{p}", "--format", "json", "--excel"},
                 2,
                 "--excel goes with --format csv"},
        BadInput{"InitOverExisting", {"init", "{p}"}, 1, "already exists"}),
    [](const testing::TestParamInfo<BadInput>& param) { return param.param.name; });

TEST(CliProjectFile, RefusesFilesThatAreNotProjectsWithoutTouchingThem) {
    TempDir dir;
    writeFile(dir / "notes.txt", "Not a database, just some notes about 176 million cameras.\n");
    const CliRun run = runCli({"articles", (dir / "notes.txt").string()});
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find("not a Claimtrack project"), std::string::npos) << run.err;
    EXPECT_EQ(readFile(dir / "notes.txt"), "Not a database, just some notes about 176 million cameras.\n");
    const CliRun missing = runCli({"claims", (dir / "none.claims").string()});
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("does not exist"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir / "none.claims"));
}

TEST(CliVersion, SaysTheVersionAndTheCommitItWasBuiltFrom) {
    const CliRun version = runCli({"--version"});
    EXPECT_EQ(version.status, 0);
    // The commit is the checkout's (12 hex digits, "+changes" when it has uncommitted changes), or
    // "unknown" when built outside a git checkout.
    EXPECT_TRUE(std::regex_match(
        version.out,
        std::regex(R"(claimtrack-cli \d+\.\d+\.\d+ \(commit ([0-9a-f]{12}(\+changes)?|unknown)\)\n)")))
        << version.out;
}

// Every command's --help ends with an example, and the example is one the parser takes: run as written
// (in a folder without its project), it fails for the missing file (1), never for its usage (2).
TEST(CliHelp, EveryCommandShowsAnExampleThatParses) {
    TempDir dir;
    const auto wasIn = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());  // the examples' files are made, or missing, here
    CLI::App app;
    std::vector<std::unique_ptr<claimtrack::cli::Command>> commands;
    claimtrack::cli::Command* chosen = nullptr;
    claimtrack::cli::buildParser(app, commands, chosen);
    std::size_t checked = 0;
    const std::function<void(const CLI::App&, std::vector<std::string>)> visit =
        [&](const CLI::App& command, std::vector<std::string> path) {
            const auto subs = command.get_subcommands([](const CLI::App*) { return true; });
            if (!path.empty() && subs.empty()) {
                std::vector<std::string> help = path;
                help.push_back("--help");
                const CliRun shown = runCli(help);
                const auto at = shown.out.find("Example:\n  ");
                ASSERT_NE(at, std::string::npos) << "no example in: " << shown.out;
                std::string line = shown.out.substr(at + 11, shown.out.find('\n', at + 11) - at - 11);
                line = line.substr(line.find("claimtrack-cli "));  // after any "echo … |"
                // The words as a shell splits them, up to a redirection.
                std::vector<std::string> words;
                std::string word;
                char quote = 0;
                bool inWord = false;
                for (const char c : line.substr(std::string("claimtrack-cli ").size())) {
                    if (quote) {
                        c == quote ? void(quote = 0) : word.push_back(c);
                    } else if (c == '\'' || c == '"') {
                        quote = c, inWord = true;
                    } else if (c == ' ') {
                        if (inWord)
                            words.push_back(word);
                        word.clear(), inWord = false;
                    } else if (c == '>' && !inWord) {
                        break;
                    } else {
                        word.push_back(c), inWord = true;
                    }
                }
                if (inWord)
                    words.push_back(word);
                EXPECT_TRUE(std::equal(path.begin(), path.end(), words.begin())) << line;
                EXPECT_NE(runCli(words).status, claimtrack::cli::kExitUsage) << line;
                ++checked;
            }
            for (const CLI::App* sub : subs) {
                std::vector<std::string> deeper = path;
                deeper.push_back(sub->get_name());
                visit(*sub, deeper);
            }
        };
    visit(app, {});
    std::filesystem::current_path(wasIn);
    EXPECT_GE(checked, 13u);
}
