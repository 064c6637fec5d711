// conflicts and metrics: the cross-check of each metric's figures.
#include "claim_format.h"
#include "command.h"
#include "conflict_format.h"
#include "conflicts/explain.h"
#include "output.h"
#include "text_table.h"

#include <fmt/format.h>

#include <algorithm>

namespace claimtrack::cli {

namespace {

// "#12 450 million · State media · 2020 · 3 places"
std::string describeSide(const ConflictSide& side) {
    std::string text = "#" + std::to_string(side.claim.id) + " " + side.figure;
    for (const std::string* part : {&side.claim.fields.source, &side.claim.fields.asOf})
        if (!part->empty())
            text += " \xC2\xB7 " + *part;
    if (!side.claim.fields.base.of.empty())
        text += " \xC2\xB7 of " + side.claim.fields.base.of;
    if (side.claimIds->size() > 1)
        text += " \xC2\xB7 " + std::to_string(side.claimIds->size()) + " places";
    return text;
}

class ConflictsCommand : public Command {
public:
    std::string project;
    std::string metric;
    Format format = Format::Table;

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto checked = opened->conflicts(metric);
        if (!checked)
            return report(streams.err, checked.error());
        writeConflicts(*checked, format, streams.out);
        return kExitOk;
    }
};

class MetricsCommand : public Command {
public:
    std::string project;
    Format format = Format::Table;

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto checked = opened->conflicts();
        if (!checked)
            return report(streams.err, checked.error());
        const auto kindOf = [](const MetricSummary& m) {
            return m.metric.metric.kind ? std::string(toString(*m.metric.metric.kind)) : std::string();
        };
        switch (format) {
        case Format::Table: {
            TextTable table({{"id", 6},
                             {"metric", 48},
                             {"kind", 9},
                             {"compared as", 12},
                             {"claims", 7},
                             {"conflicts", 9},
                             {"not compared", 12}});
            for (const MetricSummary& m : checked->metrics)
                table.addRow({std::to_string(m.metric.id), m.metric.name, kindOf(m), m.scale,
                              std::to_string(m.metric.claimCount), std::to_string(m.conflicts),
                              std::to_string(m.setAside.size())});
            table.print(streams.out);
            break;
        }
        case Format::Csv: {
            CsvWriter csv(streams.out);
            writeMetricHeader(csv);
            for (const MetricSummary& m : checked->metrics)
                writeMetricRow(csv, m);
            break;
        }
        case Format::Json: {
            JsonArrayWriter json(streams.out);
            for (const MetricSummary& m : checked->metrics) {
                nlohmann::ordered_json notCompared = nlohmann::ordered_json::array();
                for (const SetAside& s : m.setAside)
                    notCompared.push_back({{"row_id", s.claimId}, {"reason", s.reason}});
                json.add({{"row_id", m.metric.id},
                          {"metric_id", m.metric.uuid},
                          {"name", m.metric.name},
                          {"kind", jsonText(kindOf(m))},
                          {"compared_as", jsonText(m.scale)},
                          {"place", jsonText(m.metric.metric.place)},
                          {"population", jsonText(m.metric.metric.population)},
                          {"description", jsonText(m.metric.metric.description)},
                          {"tolerance", jsonNumber(m.metric.metric.tolerance)},
                          {"fact_check_url", jsonText(m.metric.metric.factCheckUrl)},
                          {"reviewed", jsonText(m.metric.metric.reviewed)},
                          {"claims", m.metric.claimCount},
                          {"conflicts", m.conflicts},
                          {"not_compared", notCompared}});
            }
            break;
        }
        }
        return kExitOk;
    }
};

// Sets what a metric measures; the options not given keep their value.
class MetricSetCommand : public Command {
public:
    std::string project;
    std::string name;
    std::optional<std::string> kind, place, population, description, tolerance, factCheckUrl, reviewed;

    int run(Streams streams) override {
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        auto found = opened->metricNamed(name);
        if (!found)
            return report(streams.err, found.error());
        const Entity& metric = *found;
        MetricDetails details = metric.metric;
        if (kind) {
            details.kind.reset();
            if (*kind != "auto") {
                auto parsed = parseUnitKind(*kind);
                if (!parsed)
                    return report(streams.err, parsed.error());
                details.kind = *parsed;
            }
        }
        for (auto [given, field] :
             {std::pair{&place, &details.place}, std::pair{&population, &details.population},
              std::pair{&description, &details.description}, std::pair{&factCheckUrl, &details.factCheckUrl},
              std::pair{&reviewed, &details.reviewed}})
            if (*given)
                *field = **given;
        if (tolerance) {
            details.tolerance.reset();
            if (*tolerance != "default") {
                std::string percent = *tolerance;
                if (!percent.empty() && percent.back() == '%')
                    percent.pop_back();
                auto number = parseOptionalNumber(percent, "tolerance");
                if (!number || !*number)
                    return report(streams.err,
                                  number ? makeError(ErrorCode::InvalidInput, "--tolerance is empty")
                                         : number.error());
                details.tolerance = **number / 100;
            }
        }
        if (auto set = opened->setMetricDetails(metric.id, details); !set)
            return report(streams.err, set.error());
        return kExitOk;
    }
};

// Records a verdict on the conflict between two claims.
class VerdictCommand : public Command {
public:
    std::string project;
    std::int64_t claimA = 0, claimB = 0;
    std::optional<std::int64_t> supported;
    bool bothStand = false;
    std::string note;

    int run(Streams streams) override {
        if (supported.has_value() == bothStand)
            throw UsageError{"give --supported CLAIM or --both-stand"};
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        auto checked = opened->conflicts();
        if (!checked)
            return report(streams.err, checked.error());
        const ConflictRow* conflict = checked->between(claimA, claimB);
        if (!conflict)
            return report(streams.err,
                          makeError(ErrorCode::InvalidInput,
                                    fmt::format("claims {} and {} do not conflict", claimA, claimB)));
        VerdictChoice choice = VerdictChoice::BothStand;
        if (supported) {
            if (!conflict->lower.holds(*supported) && !conflict->higher.holds(*supported))
                return report(
                    streams.err,
                    makeError(ErrorCode::InvalidInput,
                              fmt::format("claim {} is on neither side of the conflict", *supported)));
            choice = conflict->lower.holds(*supported) ? VerdictChoice::LowerSupported
                                                       : VerdictChoice::HigherSupported;
        }
        if (auto recorded = opened->recordVerdict(*conflict, choice, note); !recorded)
            return report(streams.err, recorded.error());
        // Read back, so what is printed is what was stored.
        auto after = opened->conflicts(conflict->metric);
        const ConflictRow* stored = after ? after->between(claimA, claimB) : nullptr;
        if (stored)
            streams.out << stored->explanation << ": " << describeVerdict(*stored) << '\n';
        return kExitOk;
    }
};

}  // namespace

void writeConflicts(const ConflictReport& checked, Format format, std::ostream& out) {
    switch (format) {
    case Format::Table: {
        TextTable table({{"metric", 32}, {"lower", 48}, {"higher", 48}, {"gap", 8}, {"verdict", 24}});
        for (const ConflictRow& c : checked.conflicts)
            table.addRow({c.metric, describeSide(c.lower), describeSide(c.higher),
                          c.gap ? sayGap(*c.gap) : std::string(), std::string(describeVerdict(c))});
        table.print(out);
        for (const ConflictRow& c : checked.conflicts)
            out << "- " << c.metric << ": " << c.explanation << (c.undated ? " (one side is undated)" : "")
                << '\n';
        for (const ConflictRow& c : checked.unlikeBases)
            out << "- " << c.metric << ": " << c.explanation << " (#" << c.lower.claim.id << ", #"
                << c.higher.claim.id << ")\n";
        break;
    }
    case Format::Csv: {
        CsvWriter csv(out);
        writeConflictHeader(csv);
        for (const ConflictRow& c : checked.conflicts)
            writeConflictRow(csv, c);
        break;
    }
    case Format::Json: {
        JsonArrayWriter json(out);
        for (const ConflictRow& c : checked.conflicts)
            json.add(conflictToJson(c));
        break;
    }
    }
}

void addConflictCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* conflicts = app.add_subcommand(
        "conflicts", "List the pairs of claims whose figures for one metric disagree, largest gap first");
    auto& c = attach<ConflictsCommand>(conflicts, commands, chosen);
    conflicts->footer(
        "Example:\n  claimtrack-cli conflicts research.claims --metric \"Surveillance cameras in China\"");
    conflicts->add_option("PROJECT", c.project, "Project file")->required();
    conflicts->add_option("--metric", c.metric, "Only this metric (by name)");
    conflicts->add_option("--format", c.format, "table, csv or json")
        ->transform(formatName())
        ->type_name("FORMAT");

    auto* metric = app.add_subcommand("metric", "Change a metric");
    metric->require_subcommand(1);
    auto* set = metric->add_subcommand("set", "Say what a metric measures; options not given are kept");
    auto& s = attach<MetricSetCommand>(set, commands, chosen);
    set->footer("Example:\n  claimtrack-cli metric set research.claims \"Surveillance cameras in China\" "
                "--kind count --place China");
    set->add_option("PROJECT", s.project, "Project file")->required();
    set->add_option("METRIC", s.name, "The metric's name")->required();
    set->add_option("--kind", s.kind, "count, percent, money, duration, score, or auto (from its claims)");
    set->add_option("--place", s.place, "Where it is counted (\"China\")");
    set->add_option("--population", s.population, "Whom it counts (\"adults in Xinjiang\")");
    set->add_option("--description", s.description, "What it measures");
    set->add_option("--tolerance", s.tolerance,
                    "How far an approximate figure reaches, in percent (\"10%\"), or default (5%)");
    set->add_option("--fact-check-url", s.factCheckUrl,
                    "Where the fact-check of its claims is published (\"\" for none): the ClaimReviews' url");
    set->add_option("--reviewed", s.reviewed,
                    "The day that fact-check was published, YYYY-MM-DD (\"\" for none)");

    auto* verdict = app.add_subcommand("verdict", "Record a verdict on the conflict between two claims");
    auto& v = attach<VerdictCommand>(verdict, commands, chosen);
    verdict->footer(
        "Example:\n  claimtrack-cli verdict research.claims 12 17 --supported 12 --note \"Ministry count\"");
    verdict->add_option("PROJECT", v.project, "Project file")->required();
    verdict->add_option("CLAIM_A", v.claimA, "A claim on one side")->required()->check(wholeNumber(1));
    verdict->add_option("CLAIM_B", v.claimB, "A claim on the other side")->required()->check(wholeNumber(1));
    verdict->add_option("--supported", v.supported, "The claim whose figure is supported")
        ->check(wholeNumber(1));
    verdict->add_flag("--both-stand", v.bothStand, "Both figures stand: they measure different things");
    verdict->add_option("--note", v.note, "Why");

    auto* metrics = app.add_subcommand("metrics", "List the metrics with their claim and conflict counts");
    auto& m = attach<MetricsCommand>(metrics, commands, chosen);
    metrics->footer("Example:\n  claimtrack-cli metrics research.claims --format json");
    metrics->add_option("PROJECT", m.project, "Project file")->required();
    metrics->add_option("--format", m.format, "table, csv or json")
        ->transform(formatName())
        ->type_name("FORMAT");
}

}  // namespace claimtrack::cli
