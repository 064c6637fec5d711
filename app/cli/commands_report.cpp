// report and chart: the project's findings for readers outside it, as an HTML page and SVG charts.
#include "command.h"
#include "files.h"
#include "report.h"
#include "report_chart.h"

#include <fmt/format.h>

#include <QDate>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <filesystem>
#include <ostream>

namespace claimtrack::cli {

namespace {

// Writes to `output`, or to standard output for "" or "-", through `write`.
int writeTo(const std::string& output, Streams streams,
            const std::function<Result<void>(std::ostream&)>& write) {
    if (output.empty() || output == "-") {
        auto written = write(streams.out);
        streams.out.flush();
        return written ? kExitOk : report(streams.err, written.error());
    }
    auto written = writeFileAtomically(output, write);
    return written ? kExitOk : report(streams.err, written.error());
}

// The command line links no GUI library: what only Qt's GUI draws (a PDF page, a PNG picture), the app
// installed beside it does, run without a window (`claimtrack OPTION OUTPUT FILE`), from a file `write`
// writes.
int byTheApp(const char* option, const char* fileName,
             const std::function<Result<void>(std::ostream&)>& write, const std::string& output,
             Streams streams) {
    std::error_code error;
    const std::filesystem::path app =
        std::filesystem::read_symlink("/proc/self/exe", error).parent_path() / "claimtrack";
    if (error || !std::filesystem::exists(app))
        return report(
            streams.err,
            makeError(ErrorCode::NotFound,
                      fmt::format("{} is drawn by the Claimtrack app, which is not installed beside "
                                  "claimtrack-cli ({}): write HTML or SVG instead",
                                  std::filesystem::path(output).filename().string(), app.string())));
    QTemporaryDir folder;
    const std::string input = QDir(folder.path()).filePath(QString::fromLatin1(fileName)).toStdString();
    if (auto written = writeFileAtomically(input, write); !written)
        return report(streams.err, written.error());
    QProcess draw;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    draw.setProcessEnvironment(environment);
    draw.start(QString::fromStdString(app.string()),
               {QString::fromLatin1(option), QString::fromStdString(output), QString::fromStdString(input)});
    if (!draw.waitForFinished(-1) || draw.exitStatus() != QProcess::NormalExit || draw.exitCode() != 0) {
        const QString said =
            QString::fromUtf8(draw.readAllStandardError()).trimmed().section(QLatin1Char('\n'), -1);
        return report(streams.err,
                      makeError(ErrorCode::Io, fmt::format("the app could not write {}: {}", output,
                                                           said.isEmpty() ? draw.errorString().toStdString()
                                                                          : said.toStdString())));
    }
    return kExitOk;
}

class ReportCommand : public Command {
public:
    std::string project;
    std::vector<std::string> metrics;
    std::vector<std::string> statuses;
    std::string locale;
    std::string output;

    int run(Streams streams) override {
        ReportOptions options;
        for (const std::string& status : statuses)
            options.statuses.push_back(*parseClaimStatus(status));  // checked by the option's validator
        options.metrics = metrics;
        options.title = "Claims: " + std::filesystem::path(project).filename().string();
        options.generatedOn = QDate::currentDate().toString(Qt::ISODate).toStdString();
        options.number = localeNumbers(locale);
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        const auto writeHtml = [&](std::ostream& out) -> Result<void> {
            auto written = writeReportHtml(*opened, options, out);
            if (!written)
                return written.error();
            return {};
        };
        if (std::filesystem::path(output).extension() == ".pdf")
            return byTheApp("--report-pdf", "report.html", writeHtml, output, streams);
        return writeTo(output, streams, writeHtml);
    }
};

class ChartCommand : public Command {
public:
    std::string project;
    std::string metric;
    std::string output;

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto found = opened->metricNamed(metric);
        if (!found)
            return report(streams.err, found.error());
        auto comparison = opened->compare(found->id);
        if (!comparison)
            return report(streams.err, comparison.error());
        const auto writeSvg = [&](std::ostream& out) -> Result<void> {
            out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" << compareChartSvg(*comparison);
            return {};
        };
        if (std::filesystem::path(output).extension() == ".png")
            return byTheApp("--chart-png", "chart.svg", writeSvg, output, streams);
        return writeTo(output, streams, writeSvg);
    }
};

}  // namespace

void addReportCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* reportCommand = app.add_subcommand(
        "report",
        "Write the project's findings as one HTML page: per metric its chart, claims, conflicts and "
        "verdicts, and the articles cited");
    auto& r = attach<ReportCommand>(reportCommand, commands, chosen);
    reportCommand->footer(
        "Example:\n  claimtrack-cli report research.claims --metric \"Surveillance cameras in "
        "China\" --status disputed -o cameras.html");
    reportCommand->add_option("PROJECT", r.project, "Project file")->required();
    reportCommand->add_option("--metric", r.metrics, "Only this metric (by name); repeat for more");
    reportCommand->add_option("--status", r.statuses, "Only claims of this status; repeat for more")
        ->transform(oneOfNames({"unverified", "supported", "disputed", "refuted"}))
        ->type_name("STATUS");
    reportCommand->add_option("--locale", r.locale,
                              "Write numbers as this locale does (\"de_DE\"); by default the system's");
    reportCommand->add_option(
        "-o,--output", r.output,
        "The HTML file (default: standard output), or a PDF file, which the Claimtrack app "
        "installed beside the command line prints");

    auto* chart =
        app.add_subcommand("chart", "Draw a metric's compare chart as an SVG drawing or a PNG image");
    auto& c = attach<ChartCommand>(chart, commands, chosen);
    chart->footer(
        "Example:\n  claimtrack-cli chart research.claims \"Surveillance cameras in China\" -o cameras.svg");
    chart->add_option("PROJECT", c.project, "Project file")->required();
    chart->add_option("METRIC", c.metric, "The metric's name")->required();
    chart->add_option(
        "-o,--output", c.output,
        "The SVG file (default: standard output), or a PNG image at twice the drawing's size, which "
        "the Claimtrack app installed beside the command line draws");
}

}  // namespace claimtrack::cli
