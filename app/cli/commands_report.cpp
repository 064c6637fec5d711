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
            return writePdf(writeHtml, streams);
        return writeTo(output, streams, writeHtml);
    }

private:
    // The command line links no GUI library: the app beside it, run without a window, prints the page.
    int writePdf(const std::function<Result<void>(std::ostream&)>& writeHtml, Streams streams) const {
        std::error_code error;
        const std::filesystem::path app =
            std::filesystem::read_symlink("/proc/self/exe", error).parent_path() / "claimtrack";
        if (error || !std::filesystem::exists(app))
            return report(
                streams.err,
                makeError(ErrorCode::NotFound,
                          fmt::format("a PDF report is printed by the Claimtrack app, which is not "
                                      "installed beside claimtrack-cli ({}): write -o FILE.html instead",
                                      app.string())));
        QTemporaryDir folder;
        const std::string html = QDir(folder.path()).filePath(QStringLiteral("report.html")).toStdString();
        if (auto written = writeFileAtomically(html, writeHtml); !written)
            return report(streams.err, written.error());
        QProcess print;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        print.setProcessEnvironment(environment);
        print.start(
            QString::fromStdString(app.string()),
            {QStringLiteral("--report-pdf"), QString::fromStdString(output), QString::fromStdString(html)});
        if (!print.waitForFinished(-1) || print.exitStatus() != QProcess::NormalExit ||
            print.exitCode() != 0) {
            const QString said =
                QString::fromUtf8(print.readAllStandardError()).trimmed().section(QLatin1Char('\n'), -1);
            return report(
                streams.err,
                makeError(ErrorCode::Io, fmt::format("the app could not print the report: {}",
                                                     said.isEmpty() ? print.errorString().toStdString()
                                                                    : said.toStdString())));
        }
        return kExitOk;
    }
};

class ChartCommand : public Command {
public:
    std::string project;
    std::string metric;
    std::string output;

    int run(Streams streams) override {
        if (std::filesystem::path(output).extension() == ".png")
            throw UsageError{"the command line draws charts as SVG (-o FILE.svg); save a PNG from the app's "
                             "compare view (Save Chart As), or convert the SVG with rsvg-convert"};
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto found = opened->metricNamed(metric);
        if (!found)
            return report(streams.err, found.error());
        auto comparison = opened->compare(found->id);
        if (!comparison)
            return report(streams.err, comparison.error());
        return writeTo(output, streams, [&](std::ostream& out) -> Result<void> {
            out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" << compareChartSvg(*comparison);
            return {};
        });
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

    auto* chart = app.add_subcommand("chart", "Draw a metric's compare chart as an SVG drawing");
    auto& c = attach<ChartCommand>(chart, commands, chosen);
    chart->footer(
        "Example:\n  claimtrack-cli chart research.claims \"Surveillance cameras in China\" -o cameras.svg");
    chart->add_option("PROJECT", c.project, "Project file")->required();
    chart->add_option("METRIC", c.metric, "The metric's name")->required();
    chart->add_option("-o,--output", c.output, "The SVG file (default: standard output)");
}

}  // namespace claimtrack::cli
