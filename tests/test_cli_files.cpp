// The command line's files as other programs see them: the CSV read back by
// Python's csv module and the sqlite3 shell, and a project that survives
// `kill -9` in the middle of an import.
#include "cli_support.h"
#include "project.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <QStandardPaths>

#include <csignal>
#include <thread>

using namespace claimtrack::test;
using nlohmann::json;

namespace {

// Tricky cells: line breaks, quotes, commas, a formula, CJK and an emoji in notes and tags.
void addTrickyClaims(const std::string& project) {
    ASSERT_EQ(runCli({"claim",
                      "add",
                      project,
                      "--article",
                      "1",
                      "--quote",
                      "176 million cameras",
                      "--value",
                      "176000000",
                      "--unit",
                      "cameras",
                      "--metric",
                      "Surveillance cameras, China",
                      "--source",
                      "IHS \"Markit\"",
                      "--via",
                      "Xinhua, \"state\" media",
                      "--via",
                      "Daily =Paper",
                      "--as-of",
                      "2018-06",
                      "--tag",
                      "社会信用",
                      "--tag",
                      "a;b",
                      "--note",
                      "first line\nsecond line, with \"quotes\"\r\nthird " + kEmoji})
                  .status,
              0);
    ASSERT_EQ(
        runCli({"claim", "add", project, "--article", "1", "--quote", "=SUM(A1)", "--value", "-0.25", "--low",
                "-1", "--high", "0", "--note", "@mention +plus -minus", "--status", "disputed"})
            .status,
        0);
    ASSERT_EQ(runCli({"claim", "add", project, "--article", "1", "--quote", "1 400 million", "--value",
                      "1400000000", "--low", "1400000000", "--as-of", "2020-11-01"})
                  .status,
              0);
}

// The value the CSV cell should read back as: text cells a spreadsheet would run get a leading apostrophe.
std::string expectedCell(const json& value, const std::string& column) {
    if (value.is_null())
        return "";
    if (column == "tags" || column == "via") {
        std::string joined;
        for (const auto& tag : value)
            joined += (joined.empty() ? "" : "; ") + tag.get<std::string>();
        return joined;
    }
    if (value.is_number_integer())
        return std::to_string(value.get<std::int64_t>());
    if (value.is_number())
        return value.dump();
    std::string text = value.get<std::string>();
    if (!text.empty() && std::string("=+-@\t\r").find(text.front()) != std::string::npos)
        text.insert(0, "'");
    return text;
}

class CsvReadBack : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(runCli({"init", project()}).status, 0);
        writeFile(dir / "fixture.txt", fixtureArticleBytes());
        ASSERT_EQ(runCli({"import", project(), (dir / "fixture.txt").string(), "--title",
                          "-Minus title, \"quoted\""})
                      .status,
                  0);
        addTrickyClaims(project());
        const CliRun exported = runCli({"export", project(), "-o", csv().string()});
        ASSERT_EQ(exported.status, 0) << exported.err;
        expected = json::parse(runCli({"claims", project(), "--format", "json"}).out);
        ASSERT_EQ(expected.size(), 3u);
    }

    // Each exported row compared cell by cell with the same claim's JSON.
    void expectSameRows(const json& rows) const {
        ASSERT_EQ(rows.size(), expected.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (const auto& [column, value] : rows[i].items())
                EXPECT_EQ(value.get<std::string>(), expectedCell(expected[i][column], column))
                    << "row " << i << ", column " << column;
    }

    std::string project() const { return (dir / "p.claims").string(); }
    std::filesystem::path csv() const { return dir / "claims.csv"; }

    TempDir dir;
    json expected;
};

}  // namespace

TEST_F(CsvReadBack, PythonCsvModuleReadsTheSameValues) {
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        GTEST_SKIP() << "python3 is not installed";
    const char* script = R"py(
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
json.dump(rows, sys.stdout)
)py";
    const ProcessResult run =
        runProcess(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(script), qs(csv())});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json rows = json::parse(run.out);
    expectSameRows(rows);
    EXPECT_EQ(rows[0]["note"], "first line\nsecond line, with \"quotes\"\nthird " + kEmoji);
    EXPECT_EQ(rows[0]["article_title"], "'-Minus title, \"quoted\"");
}

TEST_F(CsvReadBack, Sqlite3ShellImportsTheSameValues) {
    if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty())
        GTEST_SKIP() << "the sqlite3 shell is not installed";
    const ProcessResult run = runProcess(
        QStringLiteral("sqlite3"),
        {QStringLiteral(":memory:"), QStringLiteral("-cmd"),
         QStringLiteral(".import --csv ") + qs(csv()) + QStringLiteral(" claims"), QStringLiteral("-cmd"),
         QStringLiteral(".mode json"), QStringLiteral("SELECT * FROM claims")});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    expectSameRows(json::parse(run.out));
}

TEST_F(CsvReadBack, LibreOfficeReadsTheSameValues) {
    if (QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        GTEST_SKIP() << "LibreOffice (soffice) or python3 is not installed";
    // LibreOffice reads the CSV as a spreadsheet (UTF-8, comma, double quote, quoted cells as text, no
    // guessing of dates) and writes it out again; what it wrote must hold the same values.
    const ProcessResult converted = runProcess(
        QStringLiteral("soffice"),
        {QStringLiteral("-env:UserInstallation=file://") + qs(dir / "lo-profile"),
         QStringLiteral("--headless"), QStringLiteral("--infilter=CSV:44,34,76,1,,1033,true,false"),
         QStringLiteral("--convert-to"),
         QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true"),
         QStringLiteral("--outdir"), qs(dir / "lo"), qs(csv())},
        {}, 120000);
    ASSERT_EQ(converted.exitCode, 0) << converted.err;
    const char* script = R"py(
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    json.dump(list(csv.DictReader(f)), sys.stdout)
)py";
    const ProcessResult read =
        runProcess(QStringLiteral("python3"),
                   {QStringLiteral("-c"), QString::fromUtf8(script), qs(dir / "lo" / "claims.csv")});
    ASSERT_EQ(read.exitCode, 0) << read.err << converted.out;
    expectSameRows(json::parse(read.out));
}

TEST(ImportCrash, KillNineMidImportLeavesASoundFileAndARerunCompletesIt) {
    TempDir dir;
    const std::string project = (dir / "big.claims").string();
    ASSERT_EQ(runCli({"init", project}).status, 0);
    constexpr int kFiles = 4000;
    const QStringList args = writeImportArticles(dir, project, kFiles, 5000);

    QProcess import;
    import.start(QStringLiteral(CLAIMTRACK_CLI), args);
    ASSERT_TRUE(import.waitForStarted());
    // Wait until the first articles are reported done, then kill without warning. The wait is long
    // because a CI machine running other tests at once may be slow to commit the first group.
    int reported = 0;
    while (reported == 0 && import.waitForReadyRead(60000))
        reported += static_cast<int>(import.readAllStandardOutput().count('\n'));
    ASSERT_GT(reported, 0) << "the import reported nothing before it could be killed";
    ::kill(static_cast<pid_t>(import.processId()), SIGKILL);
    import.waitForFinished();
    reported += static_cast<int>(import.readAllStandardOutput().count('\n'));

    const ProcessResult check =
        runProcess(QStringLiteral("sqlite3"),
                   {qs(project), QStringLiteral("PRAGMA integrity_check; SELECT count(*) FROM article;")});
    if (check.exitCode == -1)
        GTEST_SKIP() << "the sqlite3 shell is not installed";
    const auto lines = QString::fromStdString(check.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << check.out << check.err;
    EXPECT_EQ(lines[0], QStringLiteral("ok"));
    const int stored = lines[1].toInt();
    EXPECT_GE(stored, reported) << "every article reported done must be in the file";
    EXPECT_LT(stored, kFiles) << "the kill came too late to test anything";

    const ProcessResult rerun = runProcess(QStringLiteral(CLAIMTRACK_CLI), args);
    ASSERT_EQ(rerun.exitCode, 0) << rerun.err;
    EXPECT_EQ(QString::fromStdString(rerun.out).count(QLatin1Char('\n')), kFiles);
    const ProcessResult after = runProcess(
        QStringLiteral("sqlite3"),
        {qs(project),
         QStringLiteral("SELECT count(*), count(DISTINCT sha256) FROM article; PRAGMA integrity_check;")});
    EXPECT_EQ(after.out, std::to_string(kFiles) + "|" + std::to_string(kFiles) + "\nok\n");
}

// The sample project, loaded as the README's run command loads it: the
// cross-check lists exactly the conflict a careful reader finds, and the
// conflicts export reads back with Python's csv module.
TEST_F(SampleProject, ConflictsAreTheOnesACarefulReaderLists) {
    const CliRun conflicts = runCli({"conflicts", project, "--format", "json"});
    ASSERT_EQ(conflicts.status, 0) << conflicts.err;
    const json rows = json::parse(conflicts.out);
    // 626 million (IHS Markit, told twice) against 450 million (state media), both for 2020. Not conflicts:
    // 176 million (2016) and "more than 200 million" (2018) hold for other years; "more than 1 million" and
    // "about 1 million" detained overlap; 1.4 billion and "about 1.4 billion" people agree.
    ASSERT_EQ(rows.size(), 1u) << conflicts.out;
    EXPECT_EQ(rows[0]["metric"], "Surveillance cameras in China");
    EXPECT_EQ(rows[0]["explanation"], "626 million is 39% above 450 million");
    EXPECT_EQ(rows[0]["lower"]["source"], "Chinese state media");
    EXPECT_EQ(rows[0]["higher"]["repeated_by"].size(), 2u);

    const CliRun csv = runCli({"conflicts", project, "--format", "csv"});
    const std::filesystem::path exported = dir / "conflicts.csv";
    ASSERT_EQ(runCli({"export", project, "--conflicts", "-o", exported.string()}).status, 0);
    EXPECT_EQ(readFile(exported), csv.out) << "the export has the command line's columns";
    const ProcessResult read = runProcess(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral(
             "import csv, sys\n"
             "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
             "print(len(rows), rows[0]['gap_percent'], rows[0]['higher_places'], rows[0]['lower_value'])"),
         qs(exported)});
    EXPECT_EQ(read.out, "1 39.1 2 450000000\n") << read.err;

    const CliRun metrics = runCli({"metrics", project, "--format", "json"});
    const json listed = json::parse(metrics.out);
    ASSERT_EQ(listed.size(), 15u);
    for (const json& m : listed)
        EXPECT_EQ(m["conflicts"], m["name"] == "Surveillance cameras in China" ? 1 : 0) << m["name"];
}

TEST_F(SampleProject, AVerdictAndMetricDetailsFromTheCommandLine) {
    const json before = json::parse(runCli({"conflicts", project, "--format", "json"}).out);
    ASSERT_EQ(before.size(), 1u);
    const std::string lower = std::to_string(before[0]["lower"]["row_id"].get<std::int64_t>());
    const std::string higher = std::to_string(before[0]["higher"]["row_id"].get<std::int64_t>());
    const std::string repeat = std::to_string(before[0]["higher"]["repeated_by"][1].get<std::int64_t>());

    // Refused, and the file stays exactly as it was.
    const std::string untouched = readFile(project);
    for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"verdict", project, lower, higher, "--supported", "999"}, "claim 999 is on neither side"},
             {{"metric", "set", project, "Population of China", "--tolerance", "100%"}, "below 100%"},
             {{"metric", "set", project, "Population of China", "--kind", "weight"},
              "'weight' is not one of"}}) {
        const CliRun refused = runCli(args);
        EXPECT_EQ(refused.status, 1);
        EXPECT_NE(refused.err.find(message), std::string::npos) << refused.err;
        EXPECT_EQ(readFile(project), untouched);
    }

    // A verdict names either claim of a repeated figure: here the second place it is told.
    const CliRun verdict =
        runCli({"verdict", project, repeat, lower, "--supported", lower, "--note", "Ministry count"});
    ASSERT_EQ(verdict.status, 0) << verdict.err;
    EXPECT_EQ(verdict.out, "626 million is 39% above 450 million: lower figure supported\n");
    const json after = json::parse(runCli({"conflicts", project, "--format", "json"}).out);
    EXPECT_EQ(after[0]["verdict"], "lower figure supported");
    EXPECT_EQ(after[0]["verdict_note"], "Ministry count");
    const json claims = json::parse(runCli({"claims", project, "--format", "json"}).out);
    const auto repeated = std::find_if(claims.begin(), claims.end(), [&](const json& claim) {
        return std::to_string(claim["row_id"].get<std::int64_t>()) == repeat;
    });
    ASSERT_NE(repeated, claims.end());
    EXPECT_EQ((*repeated)["status"], "disputed");

    // Counted as percent, the camera counts cannot be compared: the conflict goes, each claim set aside.
    ASSERT_EQ(runCli({"metric", "set", project, "surveillance cameras in china", "--kind", "percent",
                      "--place", "China", "--tolerance", "10%"})
                  .status,
              0);
    const json metrics = json::parse(runCli({"metrics", project, "--format", "json"}).out);
    const auto cameras = std::find_if(metrics.begin(), metrics.end(), [](const json& m) {
        return m["name"] == "Surveillance cameras in China";
    });
    ASSERT_NE(cameras, metrics.end());
    EXPECT_EQ((*cameras)["kind"], "percent");
    EXPECT_EQ((*cameras)["place"], "China");
    EXPECT_EQ((*cameras)["tolerance"], 0.1);
    EXPECT_EQ((*cameras)["conflicts"], 0);
    EXPECT_EQ((*cameras)["not_compared"].size(), 5u);
    ASSERT_EQ(runCli({"metric", "set", project, "Surveillance cameras in China", "--kind", "auto"}).status,
              0);
    EXPECT_EQ(json::parse(runCli({"conflicts", project, "--format", "json"}).out).size(), 1u);
}

// Metric proposals, leave-one-out: each claim placed as if it were being recorded now, its own words left
// out of its metric's profile, and its metric left out when no other claim has it. Returns the misses.
struct ProposalScore {
    std::size_t right = 0, known = 0;   // claims of a metric others have: the right one first
    std::size_t silent = 0, novel = 0;  // claims of a metric no other has: nothing proposed
    std::string misses;
};

ProposalScore leaveOneOut(const std::string& path) {
    auto opened = claimtrack::Project::open(path, claimtrack::Project::Access::ReadOnly);
    EXPECT_TRUE(opened);
    ProposalScore score;
    if (!opened)
        return score;
    const auto metrics = *opened->entities(claimtrack::EntityKind::Metric);
    const auto claims = *opened->claims();
    for (const claimtrack::ClaimRecord& claim : claims) {
        if (claim.fields.metric.empty())
            continue;
        const bool novel = std::count_if(claims.begin(), claims.end(), [&](const auto& c) {
                               return c.fields.metric == claim.fields.metric;
                           }) == 1;
        const auto proposals =
            opened->proposeMetrics(claim.articleId, claim.anchor.range, claim.fields.unit, claim.id);
        EXPECT_TRUE(proposals) << proposals.error().message;
        const auto first = std::find_if(metrics.begin(), metrics.end(), [&](const auto& m) {
            return proposals && !proposals->empty() && m.id == proposals->front().metricId;
        });
        const bool good =
            novel ? first == metrics.end() : first != metrics.end() && first->name == claim.fields.metric;
        (novel ? score.novel : score.known) += 1;
        (novel ? score.silent : score.right) += good ? 1 : 0;
        if (!good)
            score.misses += "\n  '" + claim.anchor.quote.exact + "' (" + (novel ? "new: " : "") +
                            claim.fields.metric + ") went to " +
                            (first == metrics.end() ? std::string("nothing")
                                                    : first->name + " (" + proposals->front().reason + ")");
    }
    std::printf("metric proposals in %s: right metric first for %zu of %zu claims of known metrics; nothing "
                "proposed for %zu of %zu claims of new metrics%s\n",
                path.c_str(), score.right, score.known, score.silent, score.novel, score.misses.c_str());
    return score;
}

// The seed articles (real reporting, kept outside the repository) with the
// camera, population, internment and survey figures entered by hand.
TEST(SeedsProject, ConflictsAreTheOnesACarefulReaderLists) {
    const std::filesystem::path seeds = CLAIMTRACK_SEEDS_DIR;
    if (!std::filesystem::is_directory(seeds))
        GTEST_SKIP() << "the seed articles are not here (" << seeds << ")";
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        GTEST_SKIP() << "python3 is not installed";
    TempDir dir;
    const std::string project = (dir / "seeds.claims").string();
    const ProcessResult load =
        runProcess(QStringLiteral("python3"),
                   {qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/samples/load_demo.py"), QStringLiteral("--cli"),
                    QStringLiteral(CLAIMTRACK_CLI), QStringLiteral("--set"),
                    qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/samples/seeds"), QStringLiteral("--articles"),
                    qs(seeds), qs(project)});
    ASSERT_EQ(load.exitCode, 0) << load.err;

    const CliRun conflicts = runCli({"conflicts", project, "--format", "json"});
    ASSERT_EQ(conflicts.status, 0) << conflicts.err;
    const json rows = json::parse(conflicts.out);
    // Two, both about cameras: the 2020 forecasts (626 million, unattributed, against IHS Markit's
    // 450 million), and the count when the articles appeared (more than 200 million against IHS
    // Markit's 176 million). Not conflicts: 1.4 billion people twice; "more than a million" interned
    // and "more than 11 percent" of adults, which are different metrics; the three open-ended shares;
    // the survey's shares, each its own metric; 1.3 billion ID photos, which is not the population.
    ASSERT_EQ(rows.size(), 2u) << conflicts.out;
    EXPECT_EQ(rows[0]["explanation"], "626 million is 39% above 450 million");
    EXPECT_EQ(rows[0]["lower"]["source"], "IHS Markit");
    EXPECT_EQ(rows[0]["higher"]["as_of"], "2020");
    EXPECT_EQ(rows[1]["explanation"], "at least 200 million is at least 14% above 176 million");
    EXPECT_EQ(rows[1]["lower"]["as_of"], "2018");
    for (const json& row : rows)
        EXPECT_EQ(row["metric"], "Surveillance cameras in China");

    const json metrics = json::parse(runCli({"metrics", project, "--format", "json"}).out);
    ASSERT_EQ(metrics.size(), 9u);
    for (const json& m : metrics) {
        EXPECT_EQ(m["conflicts"], m["name"] == "Surveillance cameras in China" ? 2 : 0) << m["name"];
        EXPECT_TRUE(m["not_compared"].empty()) << m["name"];
    }

    // Metric proposals, measured (the issue's target: 90% of all claims right, new metrics' included):
    // 15 of 15, "1.4 billion people" by the figure its other claim gave, and "19 per cent … (don't
    // disapprove or approve)" proposing no disapproval.
    const ProposalScore score = leaveOneOut(project);
    EXPECT_GE(static_cast<double>(score.right + score.silent),
              0.9 * static_cast<double>(score.known + score.novel))
        << score.misses;
    EXPECT_EQ(score.right, score.known) << score.misses;
}

// The issue's target is 90% of all claims, new metrics' included. Measured here: 19 of 21, the known
// metrics' 9 of 9 and nothing proposed for 10 of the 12 claims whose metric is new; the two misses are
// the pilot cities and the pilot cities that score individuals, each told with the other's name words.
TEST_F(SampleProject, MetricProposalsPutTheRightMetricFirstAndNoneForANewOne) {
    const ProposalScore score = leaveOneOut(project);
    EXPECT_GE(static_cast<double>(score.right + score.silent),
              0.9 * static_cast<double>(score.known + score.novel))
        << score.misses;
    EXPECT_EQ(score.right, score.known) << score.misses;
}

// The whole project as an Excel workbook, read back by LibreOffice: every sheet, every cell as the CSV
// writes it (a text a spreadsheet would run is written as text, so it needs no apostrophe there; a control
// character, which XML cannot hold, comes back as it was), and the cells' types as the file stores them:
// numbers and dates as numbers, text as text, never a formula.
TEST_F(SampleProject, TheExcelWorkbookHoldsEveryTableAsLibreOfficeReadsIt) {
    if (QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty())
        GTEST_SKIP() << "LibreOffice (soffice) is not installed";
    ASSERT_EQ(
        runCli({"claim", "add", project, "--article", "1", "--quote", "China", "--value", "-0.25", "--note",
                "=SUM(A1) and " + kEmoji + " on\ntwo lines, a bell\x07 and _x0041_", "--as-of", "2018-06-01"})
            .status,
        0);
    const std::string workbook = (dir / "project.xlsx").string();
    const CliRun exported = runCli({"export", project, "--format", "xlsx", "-o", workbook});
    ASSERT_EQ(exported.status, 0) << exported.err;
    EXPECT_FALSE(std::filesystem::exists(workbook + ".partial"));

    // Each sheet to CSV as LibreOffice shows its cells (UTF-8, every sheet: the last option, -1).
    const ProcessResult converted = runProcess(
        QStringLiteral("soffice"),
        {QStringLiteral("-env:UserInstallation=file://") + qs(dir / "lo-profile"),
         QStringLiteral("--headless"), QStringLiteral("--convert-to"),
         QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"),
         QStringLiteral("--outdir"), qs(dir / "lo"), qs(workbook)},
        {}, 120000);
    ASSERT_EQ(converted.exitCode, 0) << converted.err;
    const std::pair<const char*, std::vector<std::string>> sheets[] = {
        {"Claims", {"export", project}},
        {"Conflicts", {"conflicts", project, "--format", "csv"}},
        {"Metrics", {"metrics", project, "--format", "csv"}},
        {"Articles", {"articles", project, "--format", "csv"}},
    };
    const char* compare = R"py(
import csv, sys
def rows(path):
    with open(path, newline='', encoding='utf-8-sig') as f:
        return list(csv.reader(f))
sheet, expected = rows(sys.argv[1]), rows(sys.argv[2])
# The CSV guards a text a spreadsheet would run with an apostrophe; the workbook stores it as text.
expected = [[c[1:] if c[:1] == "'" and c[1:2] in "=+-@\t\r" and c[1:] else c for c in r] for r in expected]
if len(sheet) != len(expected):
    sys.exit(f"{len(sheet)} rows, the CSV has {len(expected)}")
for i, (got, want) in enumerate(zip(sheet, expected)):
    if got != want:
        sys.exit(f"row {i}: {got} but the CSV has {want}")
)py";
    for (const auto& [name, command] : sheets) {
        const CliRun csv = runCli(command);
        ASSERT_EQ(csv.status, 0) << csv.err;
        const std::filesystem::path expected = dir / (std::string(name) + ".csv");
        writeFile(expected, csv.out);
        const ProcessResult same =
            runProcess(QStringLiteral("python3"),
                       {QStringLiteral("-c"), QString::fromUtf8(compare),
                        qs(dir / "lo" / (std::string("project-") + name + ".csv")), qs(expected)});
        EXPECT_EQ(same.exitCode, 0) << name << ": " << same.err << same.out;
    }
    EXPECT_TRUE(std::filesystem::exists(dir / "lo" / "project-Sources.csv"));

    // The cells as stored: no formula anywhere; the value a number; the as-of day a date (a number with
    // the date format); the note a shared text.
    const char* types = R"py(
import re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
sheets = [n for n in book.namelist() if n.startswith('xl/worksheets/sheet')]
assert len(sheets) == 5, sheets
for name in sheets:
    assert '<f>' not in book.read(name).decode(), name + ' holds a formula'
claims = book.read('xl/worksheets/sheet1.xml').decode()
rows = re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', claims, re.S)
added = [row for _, row in rows if '=SUM(A1)' in row][0]  # the claim added above
cell = lambda column: re.search(r'<c r="' + column + r'\d+"([^>]*)>', added).group(1)
assert 't=' not in cell('L'), 'value: ' + cell('L')
assert 't=' not in cell('R') and 's=' in cell('R'), 'as_of: ' + cell('R')
assert 't="s"' in cell('U') or 't="inlineStr"' in cell('U'), 'note: ' + cell('U')
assert re.search(r'<pane [^>]*ySplit="1"', claims), 'the header row is not frozen'
assert '<autoFilter ref="A1:AA' in claims, 'no filter over the columns (A to AA: fieldwork is the last)'
# No entry is marked Zip64 without needing it (Excel is reported to refuse such a workbook): no extra
# field in the central directory, nor in the local header before each entry's data.
with open(sys.argv[1], 'rb') as f:
    data = f.read()
for info in book.infolist():
    local_extra = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], 'little')
    assert not info.extra and local_extra == 0, info.filename + ' has an extra field (Zip64?)'
)py";
    const ProcessResult typed =
        runProcess(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(types), qs(workbook)});
    EXPECT_EQ(typed.exitCode, 0) << typed.err;
}

TEST_F(SampleProject, AWorkbookGoesToAFileAndAFailedOneLeavesNone) {
    const CliRun toTerminal = runCli({"export", project, "--format", "xlsx"});
    EXPECT_EQ(toTerminal.status, 2);
    EXPECT_NE(toTerminal.err.find("give -o FILE.xlsx"), std::string::npos) << toTerminal.err;
    const std::string unwritable = (dir / "missing" / "project.xlsx").string();
    const CliRun failed = runCli({"export", project, "--format", "xlsx", "-o", unwritable});
    EXPECT_EQ(failed.status, 1);
    EXPECT_EQ(std::count(failed.err.begin(), failed.err.end(), '\n'), 1) << "one line: " << failed.err;
    EXPECT_NE(failed.err.find("project.xlsx"), std::string::npos) << failed.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));

    // A note longer than a cell holds is cut to fit, and the command says so.
    ASSERT_EQ(runCli({"claim", "add", project, "--article", "1", "--quote", "China", "--note",
                      std::string(40000, 'n')})
                  .status,
              0);
    const CliRun cut = runCli({"export", project, "--format", "xlsx", "-o", (dir / "cut.xlsx").string()});
    EXPECT_EQ(cut.status, 0) << cut.err;
    EXPECT_NE(cut.err.find("1 text(s) longer than a cell holds (32,767 characters) were cut"),
              std::string::npos)
        << cut.err;
}

// Every claim as a W3C Web Annotation, checked against the data model's "must" assertions (the suite's
// schemas, by tests/web_annotation_check.py), with selectors that find the claim's own words.
TEST_F(SampleProject, W3cAnnotationsPassTheModelsAssertionsAndSelectTheClaimsWords) {
    ASSERT_EQ(runCli({"claim", "add", project, "--article", "1", "--quote", "China", "--note",
                      "a \"quoted\" note, " + kEmoji, "--tag", "社会信用"})
                  .status,
              0);
    const std::string file = (dir / "claims.jsonld").string();
    const CliRun exported = runCli({"export", project, "--format", "w3c", "-o", file});
    ASSERT_EQ(exported.status, 0) << exported.err;
    const ProcessResult checked =
        runProcess(QStringLiteral("python3"),
                   {qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/tests/web_annotation_check.py"), qs(file)});
    EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;
    EXPECT_NE(checked.out.find("22 annotation(s), 0 failure(s)"), std::string::npos) << checked.out;

    const json collection = json::parse(readFile(file));
    EXPECT_EQ(collection["type"], "AnnotationCollection");
    const json claims = json::parse(runCli({"claims", project, "--format", "json"}).out);
    const json& items = collection["first"]["items"];
    ASSERT_EQ(items.size(), claims.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const json& selectors = items[i]["target"]["selector"];
        EXPECT_EQ(items[i]["id"], "urn:uuid:" + claims[i]["claim_id"].get<std::string>());
        EXPECT_EQ(selectors[0]["exact"], claims[i]["quote"]);
        EXPECT_EQ(selectors[1]["start"], claims[i]["start"]);
        EXPECT_EQ(selectors[1]["end"], claims[i]["end"]);
        const json figure = json::parse(items[i]["body"][1]["value"].get<std::string>());
        EXPECT_EQ(figure["value"], claims[i]["value"]);
        EXPECT_EQ(figure["metric"], claims[i]["metric"]);
    }

    // The checker fails an annotation that breaks the model: no target, another context.
    json broken = items[0];
    broken.erase("target");
    broken["@context"] = "http://example.org/not-the-annotation-context";
    writeFile(dir / "broken.json", broken.dump());
    const ProcessResult refused = runProcess(
        QStringLiteral("python3"),
        {qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/tests/web_annotation_check.py"), qs(dir / "broken.json")});
    EXPECT_EQ(refused.exitCode, 1) << refused.out;
    EXPECT_NE(refused.out.find("missing target"), std::string::npos) << refused.out;
}
