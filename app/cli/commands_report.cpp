// report and chart: the project's findings for readers outside it, as an HTML page and SVG charts.
#include "command.h"
#include "files.h"
#include "report.h"
#include "report_chart.h"

#include <fmt/format.h>

#include <QDate>

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
        const std::string extension = std::filesystem::path(output).extension().string();
        if (extension == ".pdf")
            throw UsageError{
                "the command line writes the report as HTML (-o FILE.html); the app prints it to "
                "PDF (File > Export Report)"};
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
        return writeTo(output, streams, [&](std::ostream& out) -> Result<void> {
            auto written = writeReportHtml(*opened, options, out);
            if (!written)
                return written.error();
            return {};
        });
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
    reportCommand->add_option("-o,--output", r.output, "The HTML file (default: standard output)");

    auto* chart = app.add_subcommand("chart", "Draw a metric's compare chart as an SVG drawing");
    auto& c = attach<ChartCommand>(chart, commands, chosen);
    chart->footer(
        "Example:\n  claimtrack-cli chart research.claims \"Surveillance cameras in China\" -o cameras.svg");
    chart->add_option("PROJECT", c.project, "Project file")->required();
    chart->add_option("METRIC", c.metric, "The metric's name")->required();
    chart->add_option("-o,--output", c.output, "The SVG file (default: standard output)");
}

}  // namespace claimtrack::cli
