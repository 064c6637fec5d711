// The report and the chart, read as their readers read them: the HTML parsed as a browser does (html5lib,
// strict), its charts as XML, its text holding every figure, source and verdict; the chart checked by
// xmllint.
#include "cli_support.h"
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <QStandardPaths>

#include <fstream>

using namespace claimtrack::test;
using nlohmann::json;

namespace {

// The report's text as check_report.py reads it, or the reason it could not.
ProcessResult readReport(const std::string& path) {
    return runProcess(QStringLiteral("/usr/bin/python3"),
                      {qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/tests/check_report.py"), qs(path)});
}

bool haveHtml5lib() {
    return runProcess(QStringLiteral("/usr/bin/python3"),
                      {QStringLiteral("-c"), QStringLiteral("import html5lib")})
               .exitCode == 0;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++n;
    return n;
}

}  // namespace

TEST_F(SampleProject, TheReportHoldsEveryFigureSourceAndVerdictAndParsesAsHtml) {
    if (!haveHtml5lib())
        GTEST_SKIP() << "python3-html5lib is not installed: the report cannot be parsed as a browser does";
    const CliRun verdict =
        runCli({"verdict", project, "2", "6", "--supported", "6", "--note", "Ministry count"});
    ASSERT_EQ(verdict.status, 0) << verdict.err;
    const std::string output = (dir / "report.html").string();
    const CliRun written = runCli({"report", project, "-o", output, "--locale", "en_GB"});
    ASSERT_EQ(written.status, 0) << written.err;
    const ProcessResult read = readReport(output);
    ASSERT_EQ(read.exitCode, 0) << read.err;
    const std::string text = read.out;
    const json metrics = json::parse(runCli({"metrics", project, "--format", "json"}).out);
    EXPECT_NE(text.find(fmt::format("charts: {}", metrics.size())), std::string::npos) << text.substr(0, 200);
    EXPECT_NE(
        text.find(fmt::format("{} metric(s), 21 claim(s), 1 conflict(s), from 6 article(s)", metrics.size())),
        std::string::npos);
    // Every claim's words, figure and source; the verdict and its note; every article as a reference.
    for (const json& claim : json::parse(runCli({"claims", project, "--format", "json"}).out)) {
        EXPECT_NE(text.find("“" + claim["quote"].get<std::string>() + "”"), std::string::npos)
            << claim["quote"];
        if (!claim["source"].is_null()) {
            EXPECT_NE(text.find(claim["source"].get<std::string>()), std::string::npos) << claim["source"];
        }
    }
    for (const char* figure : {"626,000,000 cameras told 2 times", "≥ 200,000,000 cameras", "10–11 percent",
                               "1,400,000,000 people"})
        EXPECT_NE(text.find(figure), std::string::npos) << figure;
    EXPECT_NE(
        text.find("626 million is 39% above 450 million (450 million, Chinese state media against 626 "
                  "million, IHS Markit). Verdict: 450 million, Chinese state media is supported: Ministry "
                  "count."),
        std::string::npos)
        << text;
    for (const json& article : json::parse(runCli({"articles", project, "--format", "json"}).out))
        EXPECT_NE(text.find(article["title"].get<std::string>()), std::string::npos) << article["title"];
}

TEST_F(SampleProject, TheReportTakesTheMetricsAndStatusesAskedForInTheReadersNumbers) {
    if (!haveHtml5lib())
        GTEST_SKIP() << "python3-html5lib is not installed: the report cannot be parsed as a browser does";
    const std::string output = (dir / "report.html").string();
    const CliRun written = runCli({"report", project, "--metric", "Surveillance cameras in China", "--metric",
                                   "Population of China", "--status", "disputed", "--status", "supported",
                                   "--locale", "de_DE", "-o", output});
    ASSERT_EQ(written.status, 0) << written.err;
    const ProcessResult read = readReport(output);
    ASSERT_EQ(read.exitCode, 0) << read.err;
    EXPECT_NE(read.out.find("charts: 2"), std::string::npos);
    EXPECT_NE(read.out.find("2 metric(s), 5 claim(s), 1 conflict(s), from 3 article(s)"), std::string::npos)
        << read.out.substr(0, 300);
    // The metrics' claims of those statuses: three disputed camera counts, two supported populations.
    EXPECT_NE(read.out.find("Population of China 2 0 a count Surveillance cameras in China 3 1 a count"),
              std::string::npos);
    EXPECT_NE(read.out.find("626.000.000 cameras"), std::string::npos);   // disputed, in German numbers
    EXPECT_NE(read.out.find("1.400.000.000 people"), std::string::npos);  // supported
    EXPECT_EQ(read.out.find("176.000.000"), std::string::npos);           // unverified: left out
    EXPECT_EQ(read.out.find("Flight ticket bans"), std::string::npos);

    // A metric the project does not have: refused, and nothing written.
    const std::string none = (dir / "none.html").string();
    const CliRun unknown = runCli({"report", project, "--metric", "Cameras on Mars", "-o", none});
    EXPECT_NE(unknown.status, 0);
    EXPECT_EQ(unknown.err, "claimtrack-cli: no metric named \"Cameras on Mars\"\n");
    EXPECT_FALSE(std::filesystem::exists(none));
}

TEST_F(SampleProject, TheChartIsAnSvgDrawingOfEveryFigure) {
    const std::string output = (dir / "cameras.svg").string();
    const CliRun drawn = runCli({"chart", project, "Surveillance cameras in China", "-o", output});
    ASSERT_EQ(drawn.status, 0) << drawn.err;
    if (QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty())
        GTEST_SKIP() << "xmllint is not installed";
    const ProcessResult lint = runProcess(QStringLiteral("xmllint"), {QStringLiteral("--noout"), qs(output)});
    EXPECT_EQ(lint.exitCode, 0) << lint.err;
    std::ifstream in(output);
    const std::string svg{std::istreambuf_iterator<char>(in), {}};
    EXPECT_NE(svg.find("<title>Surveillance cameras in China</title>"), std::string::npos);
    // Four points (176, 450 and twice 626 million), the open-ended "more than 200 million" as an arrow, the
    // conflict's line; the legend's three sources.
    EXPECT_EQ(count(svg, "<circle cx"), 4u + 3u);
    EXPECT_EQ(count(svg, "<path d="), 1u);
    EXPECT_EQ(count(svg, "stroke-dasharray=\"7 4\""), 1u);
    for (const char* tick : {">200 million<", ">400 million<", ">2016<", ">2018<", ">2020<"})
        EXPECT_NE(svg.find(tick), std::string::npos) << tick;
    EXPECT_NE(runCli({"chart", project, "Cameras on Mars"}).status, 0);
}

// What the command line hands to the app beside it; a build without the app (the nogui preset) has neither.
#ifdef CLAIMTRACK_APP_BUILT
// A PNG from the command line: the app beside it draws the SVG at twice its size.
TEST_F(SampleProject, TheCommandLinesPngChartIsDrawnByTheAppBesideIt) {
    const std::string png = (dir / "cameras.png").string();
    const ProcessResult drawn =
        runProcess(QStringLiteral(CLAIMTRACK_CLI),
                   {QStringLiteral("chart"), qs(project), QStringLiteral("Surveillance cameras in China"),
                    QStringLiteral("-o"), qs(png)});
    ASSERT_EQ(drawn.exitCode, 0) << drawn.err;
    std::ifstream in(png, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    ASSERT_GE(bytes.size(), 24u);
    EXPECT_EQ(bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
    // The header's width and height, big-endian: the 720 by 360 drawing at twice its size.
    const auto number = [&](std::size_t at) {
        std::uint32_t n = 0;
        for (std::size_t i = at; i < at + 4; ++i)
            n = n << 8 | static_cast<unsigned char>(bytes[i]);
        return n;
    };
    EXPECT_EQ(number(16), 1440u);
    EXPECT_EQ(number(20), 720u);
}

// A PDF from the command line: the app beside it prints the same page, without a window.
TEST_F(SampleProject, TheCommandLinesPdfReportIsPrintedByTheAppBesideIt) {
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        GTEST_SKIP() << "poppler-utils is not installed: the PDF cannot be read back";
    const std::string pdf = (dir / "report.pdf").string();
    const ProcessResult printed =
        runProcess(QStringLiteral(CLAIMTRACK_CLI),
                   {QStringLiteral("report"), qs(project), QStringLiteral("--metric"),
                    QStringLiteral("Population of China"), QStringLiteral("-o"), qs(pdf)});
    ASSERT_EQ(printed.exitCode, 0) << printed.err;
    const ProcessResult text =
        runProcess(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), qs(pdf), QStringLiteral("-")});
    const QString words = QString::fromStdString(text.out).simplified();
    // (pdftotext writes the "fl" of "conflict" as its ligature: the words around it are read.)
    EXPECT_TRUE(words.startsWith(QStringLiteral("Claims: demo.claims"))) << text.out;
    EXPECT_TRUE(words.contains(QStringLiteral("1 metric(s), 2 claim(s),"))) << text.out;
    EXPECT_TRUE(words.contains(QStringLiteral("1,400,000,000 people"))) << text.out;
}
#endif  // CLAIMTRACK_APP_BUILT
