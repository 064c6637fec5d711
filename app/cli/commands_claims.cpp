// claim add, claim set, claims and export: recording and changing claims and reading the claim table.
#include "annotation.h"
#include "claim_format.h"
#include "claim_review.h"
#include "command.h"
#include "files.h"
#include "output.h"
#include "project_file.h"
#include "qdpx.h"
#include "text_table.h"
#include "workbook.h"

#include <optional>

namespace claimtrack::cli {

namespace {

// Reads --value, --low and --high as given ("" for none) into `fields`; one not given (nullptr) is left.
Result<void> readFigure(ClaimFields& fields, const std::string* value, const std::string* low,
                        const std::string* high) {
    for (auto [text, target, name] :
         {std::tuple{value, &fields.value, "value"}, std::tuple{low, &fields.low, "low"},
          std::tuple{high, &fields.high, "high"}}) {
        if (!text)
            continue;
        auto number = parseOptionalNumber(*text, name);
        if (!number)
            return number.error();
        *target = *number;
    }
    return {};
}

class ClaimAddCommand : public Command {
public:
    std::string project;
    std::int64_t articleId = 0;
    std::string quote;
    int occurrence = 1;
    std::optional<std::int64_t> start, end;
    std::string value, low, high, status = "unverified", sampleSize;
    ClaimFields fields;
    CLI::Option* quoteOption = nullptr;
    CLI::Option* occurrenceOption = nullptr;

    int run(Streams streams) override {
        NewClaim claim;
        claim.articleId = articleId;
        if (quoteOption->count() > 0) {
            if (start || end)
                throw UsageError{"give either --quote or --start and --end, not both"};
            claim.where = QuoteSelector{quote, occurrence};
        } else {
            if (!start || !end)
                throw UsageError{"give --quote TEXT, or both --start and --end"};
            if (occurrenceOption->count() > 0)
                throw UsageError{"--occurrence goes with --quote"};
            claim.where = CodePointRange{*start, *end};
        }
        claim.fields = fields;
        if (auto read = readFigure(claim.fields, &value, &low, &high); !read)
            return report(streams.err, read.error());
        auto parsedStatus = parseClaimStatus(status);
        if (!parsedStatus)
            return report(streams.err, parsedStatus.error());
        claim.fields.status = *parsedStatus;
        auto size = parseSampleSize(sampleSize);
        if (!size)
            return report(streams.err, size.error());
        claim.fields.base.sampleSize = *size;

        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        auto id = opened->addClaim(claim);
        if (!id)
            return report(streams.err, id.error());
        streams.out << *id << '\n';
        return kExitOk;
    }
};

// Changes the fields given of one claim; the others stay as they are.
class ClaimSetCommand : public Command {
public:
    std::string project;
    std::int64_t claimId = 0;
    std::optional<std::string> value, low, high, unit, metric, source, asOf, status, note, base, sampleSize,
        fieldwork;
    std::vector<std::string> tags;
    CLI::Option* tagOption = nullptr;  // given, even as "" (which CLI11 leaves out of `tags`)
    std::vector<std::string> via;
    CLI::Option* viaOption = nullptr;  // given, even as ""

    int run(Streams streams) override {
        const bool retag = tagOption->count() > 0;
        const bool rechain = viaOption->count() > 0;
        if (!value && !low && !high && !unit && !metric && !source && !asOf && !status && !note && !retag &&
            !rechain && !base && !sampleSize && !fieldwork)
            throw UsageError{"give at least one field to change, e.g. --status supported"};
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        // The fields not given stay as read here: someone else's change to them in between is refused
        // (ErrorCode::Stale), not undone.
        auto version = opened->claimVersion(claimId);
        if (!version)
            return report(streams.err, version.error());
        auto claim = opened->claim(claimId);
        if (!claim)
            return report(streams.err, claim.error());
        ClaimFields fields = claim->fields;
        const auto given = [](const std::optional<std::string>& text) { return text ? &*text : nullptr; };
        if (auto read = readFigure(fields, given(value), given(low), given(high)); !read)
            return report(streams.err, read.error());
        for (auto [text, target] : {std::pair{&unit, &fields.unit}, std::pair{&metric, &fields.metric},
                                    std::pair{&source, &fields.source}, std::pair{&asOf, &fields.asOf},
                                    std::pair{&note, &fields.note}, std::pair{&base, &fields.base.of},
                                    std::pair{&fieldwork, &fields.base.fieldwork}})
            if (*text)
                *target = **text;
        if (sampleSize) {
            auto size = parseSampleSize(*sampleSize);
            if (!size)
                return report(streams.err, size.error());
            fields.base.sampleSize = *size;
        }
        if (status) {
            auto parsed = parseClaimStatus(*status);
            if (!parsed)
                return report(streams.err, parsed.error());
            fields.status = *parsed;
        }
        if (retag) {  // "--tag ''" takes every tag off
            fields.tags.clear();
            for (const std::string& tag : tags)
                if (!tag.empty())
                    fields.tags.push_back(tag);
        }
        if (rechain) {  // "--via ''": the source is quoted directly
            fields.via.clear();
            for (const std::string& name : via)
                if (!name.empty())
                    fields.via.push_back(name);
        }
        const ClaimUpdate update{claimId, fields, *version};
        auto updated = opened->updateClaims(std::span(&update, 1));
        return updated ? kExitOk : report(streams.err, updated.error());
    }
};

// What a percentage is of: "80 percent of 2,209 respondents, surveyed in 2018".
template <class Text>
void addBaseOptions(CLI::App* command, Text& of, Text& sampleSize, Text& fieldwork) {
    command->add_option("--base", of,
                        "What a percentage or share is of, e.g. \"respondents\" or \"adults "
                        "online\"; percentages of different bases are not compared");
    command->add_option("--sample-size", sampleSize, "How many a survey asked, e.g. 2209");
    command->add_option("--fieldwork", fieldwork,
                        "When a survey asked: YYYY[-MM[-DD]], or a period such as 2018-03/2018-05");
}

// Streams the claim table in `format` to `out`; tables are for reading, so they are built in memory.
Result<void> writeClaims(Project& project, const ClaimFilter& filter, Format format, std::ostream& out) {
    switch (format) {
    case Format::Table: {
        TextTable table({{"id", 8},
                         {"article", 8},
                         {"quote", 40},
                         {"figure", 28},
                         {"unit", 12},
                         {"metric", 32},
                         {"source", 24},
                         {"as of", 10},
                         {"status", 10}});
        auto visited = project.forEachClaim(filter, [&](const ClaimRecord& c) {
            table.addRow({std::to_string(c.id), std::to_string(c.articleId), c.anchor.quote.exact,
                          describeFigure(c.fields), c.fields.unit, c.fields.metric, sourceChain(c.fields),
                          c.fields.asOf, std::string(toString(c.fields.status))});
        });
        if (visited)
            table.print(out);
        return visited;
    }
    case Format::Csv: {
        CsvWriter csv(out);
        writeClaimHeader(csv);
        return project.forEachClaim(filter, [&](const ClaimRecord& c) { writeClaimRow(csv, c); });
    }
    case Format::Json: {
        JsonArrayWriter json(out);
        std::string element;
        return project.forEachClaim(filter, [&](const ClaimRecord& c) {
            element.clear();
            appendClaimJson(element, c);
            json.addWritten(element);
        });
    }
    }
    return {};
}

class ClaimsCommand : public Command {
public:
    std::string project;
    std::optional<std::int64_t> articleId;
    Format format = Format::Table;

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        if (articleId) {
            if (auto article = opened->article(*articleId); !article)
                return report(streams.err, article.error());
        }
        auto written = writeClaims(*opened, {articleId}, format, streams.out);
        return written ? kExitOk : report(streams.err, written.error());
    }
};

class ExportCommand : public Command {
public:
    std::string project;
    std::string formatName = "csv";  // csv, json, xlsx, w3c, qdpx, project or claimreview
    bool excel = false;
    bool conflicts = false;
    std::string output;

    int run(Streams streams) override {
        if (formatName == "xlsx")
            return exportWorkbook(streams);
        if (formatName == "qdpx")
            return exportQdaProject(streams);
        if (excel && formatName != "csv")
            throw UsageError{"--excel goes with --format csv"};
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        if (output.empty() || output == "-")
            return exportTo(*opened, streams.out, streams.err);
        int status = kExitOk;
        auto written = writeFileAtomically(output, [&](std::ostream& file) -> Result<void> {
            status = exportTo(*opened, file, streams.err);
            return status == kExitOk ? Result<void>() : makeError(ErrorCode::Io, "export failed");
        });
        if (status != kExitOk)
            return status;  // already reported
        return written ? kExitOk : report(streams.err, written.error());
    }

private:
    // Every table of the project, each a sheet of one workbook, which only a file can hold.
    int exportWorkbook(Streams streams) const {
        if (output.empty() || output == "-")
            throw UsageError{"an Excel workbook is written to a file: give -o FILE.xlsx"};
        if (excel || conflicts)
            throw UsageError{"the workbook holds the claims and the conflicts; --excel and --conflicts go "
                             "with csv"};
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto written = claimtrack::exportWorkbook(*opened, output);
        if (!written)
            return report(streams.err, written.error());
        if (*written > 0)
            streams.err << "claimtrack-cli: " << *written
                        << " text(s) longer than a cell holds (32,767 characters) were cut to fit\n";
        return kExitOk;
    }

    // The project for QDA software, a REFI-QDA archive, which only a file can hold.
    int exportQdaProject(Streams streams) const {
        if (output.empty() || output == "-")
            throw UsageError{"a REFI-QDA project is written to a file: give -o FILE.qdpx"};
        if (excel || conflicts)
            throw UsageError{"--excel and --conflicts go with csv"};
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto written = claimtrack::exportQdpx(*opened, output);
        return written ? kExitOk : report(streams.err, written.error());
    }

    // Every claim as a W3C Web Annotation, in one collection, written as the claims are read.
    int exportAnnotations(Project& opened, std::ostream& out, std::ostream& err) const {
        nlohmann::ordered_json collection{
            {"@context", kAnnotationContext},
            {"type", "AnnotationCollection"},
            {"label", "Claims of " + std::filesystem::path(project).filename().string()},
        };
        const std::string head = collection.dump();  // "{...}": the first page goes in before its end
        out << head.substr(0, head.size() - 1)
            << R"(,"first":{"type":"AnnotationPage","startIndex":0,"items":[)";
        bool first = true;
        std::string annotation;
        auto written = opened.forEachClaim({}, [&](const ClaimRecord& claim) {
            annotation.assign(first ? "\n" : ",\n");
            appendAnnotationJson(annotation, claim);
            out << annotation;
            first = false;
        });
        out << "\n]}}\n";
        out.flush();
        return written ? kExitOk : report(err, written.error());
    }

    // The judged claims as ClaimReview markup; those that cannot be published yet are named, one a line.
    static int exportClaimReviews(Project& opened, std::ostream& out, std::ostream& err) {
        auto written = writeClaimReviews(opened, out);
        if (!written)
            return report(err, written.error());
        for (const std::string& why : written->leftOut)
            err << "claimtrack-cli: left out " << why << '\n';
        if (!written->leftOut.empty())
            err << "claimtrack-cli: " << written->written << " review(s) written, " << written->leftOut.size()
                << " judged claim(s) left out; set a metric's fact-check with 'claimtrack-cli metric set "
                   "PROJECT METRIC --fact-check-url URL --reviewed YYYY-MM-DD'\n";
        return kExitOk;
    }

    int exportTo(Project& opened, std::ostream& out, std::ostream& err) const {
        if (formatName == "w3c" || formatName == "project" || formatName == "claimreview") {
            if (excel || conflicts)
                throw UsageError{"--excel and --conflicts go with csv"};
            if (formatName == "project") {
                auto written = writeProjectFile(opened, out);
                return written ? kExitOk : report(err, written.error());
            }
            if (formatName == "claimreview")
                return exportClaimReviews(opened, out, err);
            return exportAnnotations(opened, out, err);
        }
        const Format format = formatName == "json" ? Format::Json : Format::Csv;
        if (excel)
            out << "\xEF\xBB\xBF";  // a UTF-8 byte-order mark makes Excel read the file as UTF-8
        Result<void> written;
        if (conflicts) {
            auto checked = opened.conflicts();
            if (checked)
                writeConflicts(*checked, format, out);
            else
                written = checked.error();
        } else {
            written = writeClaims(opened, {}, format, out);
        }
        out.flush();
        return written ? kExitOk : report(err, written.error());
    }
};

}  // namespace

void addClaimCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* claim = app.add_subcommand("claim", "Record claims");
    claim->require_subcommand(1);
    auto* add = claim->add_subcommand("add", "Record a claim anchored to words of an article; prints its id");
    auto& a = attach<ClaimAddCommand>(add, commands, chosen);
    add->footer("Example:\n  claimtrack-cli claim add research.claims --article 3 --quote \"626 million\" "
                "--value 626000000 --unit cameras --metric \"Surveillance cameras in China\" --source \"IHS "
                "Markit\" --as-of 2020");
    add->add_option("PROJECT", a.project, "Project file")->required();
    add->add_option("--article", a.articleId, "Article id (see: claimtrack-cli articles)")
        ->required()
        ->check(wholeNumber(1));
    a.quoteOption = add->add_option("--quote", a.quote, "The words that carry the claim");
    a.occurrenceOption =
        add->add_option("--occurrence", a.occurrence, "Which occurrence of the quote (default 1)")
            ->check(wholeNumber(1));
    add->add_option("--start", a.start, "Start offset in code points")->check(wholeNumber(0));
    add->add_option("--end", a.end, "End offset in code points (exclusive)")->check(wholeNumber(0));
    add->add_option("--value", a.value, "The figure as written, e.g. 626000000");
    add->add_option("--low", a.low, "Lower bound, where the claim gives one");
    add->add_option("--high", a.high, "Upper bound, where the claim gives one");
    add->add_option("--unit", a.fields.unit, "Unit, e.g. cameras, percent, USD");
    add->add_option("--metric", a.fields.metric, "What the figure measures (created on first use)");
    add->add_option("--source", a.fields.source, "Who the claim is attributed to (created on first use)");
    add->add_option("--as-of", a.fields.asOf, "When the figure holds: YYYY, YYYY-MM or YYYY-MM-DD");
    add->add_option("--status", a.status, "unverified, supported, disputed or refuted");
    add->add_option("--via", a.fields.via,
                    "A source the figure came through, e.g. --source \"IHS Markit\" --via \"state media\"; "
                    "repeat for a longer chain, from the source outward");
    add->add_option("--tag", a.fields.tags, "A tag; repeat for more");
    add->add_option("--note", a.fields.note, "A note");
    addBaseOptions(add, a.fields.base.of, a.sampleSize, a.fields.base.fieldwork);

    auto* set = claim->add_subcommand("set", "Change the fields given of a claim; the others stay");
    auto& c = attach<ClaimSetCommand>(set, commands, chosen);
    set->footer("An empty value (\"\") clears a field; --tag replaces every tag, --tag \"\" takes them off; "
                "--via replaces the chain, --via \"\" clears it.\n"
                "Example:\n  claimtrack-cli claim set research.claims 12 --status supported --note "
                "\"checked against the report\"");
    set->add_option("PROJECT", c.project, "Project file")->required();
    set->add_option("ID", c.claimId, "The claim's id (see: claimtrack-cli claims)")
        ->required()
        ->check(wholeNumber(1));
    set->add_option("--value", c.value, "The figure, e.g. 626000000");
    set->add_option("--low", c.low, "Lower bound");
    set->add_option("--high", c.high, "Upper bound");
    set->add_option("--unit", c.unit, "Unit");
    set->add_option("--metric", c.metric, "What the figure measures (created on first use)");
    set->add_option("--source", c.source, "Who the claim is attributed to (created on first use)");
    set->add_option("--as-of", c.asOf, "When the figure holds: YYYY, YYYY-MM or YYYY-MM-DD");
    set->add_option("--status", c.status, "unverified, supported, disputed or refuted");
    c.viaOption =
        set->add_option("--via", c.via,
                        "A source the figure came through; repeat for a longer chain, from the source "
                        "outward (replaces the claim's chain)");
    c.tagOption = set->add_option("--tag", c.tags, "A tag; repeat for more (replaces the claim's tags)");
    set->add_option("--note", c.note, "A note");
    addBaseOptions(set, c.base, c.sampleSize, c.fieldwork);

    auto* list = app.add_subcommand("claims", "Print the claim table");
    auto& l = attach<ClaimsCommand>(list, commands, chosen);
    list->footer("Example:\n  claimtrack-cli claims research.claims --article 3");
    list->add_option("PROJECT", l.project, "Project file")->required();
    list->add_option("--article", l.articleId, "Only this article's claims")->check(wholeNumber(1));
    list->add_option("--format", l.format, "table, csv or json")
        ->transform(formatName())
        ->type_name("FORMAT");

    auto* exportClaims = app.add_subcommand(
        "export",
        "Export every claim (or every conflict) as CSV (default) or JSON, or the "
        "whole project as a project file, an Excel workbook or a REFI-QDA project for QDA software, or the "
        "judged claims as ClaimReview markup");
    auto& e = attach<ExportCommand>(exportClaims, commands, chosen);
    exportClaims->footer("Example:\n  claimtrack-cli export research.claims --excel > claims.csv\n"
                         "Every table, each a sheet of one workbook:\n"
                         "  claimtrack-cli export research.claims --format xlsx -o research.xlsx\n"
                         "For QualCoder, NVivo, ATLAS.ti or MAXQDA:\n"
                         "  claimtrack-cli export research.claims --format qdpx -o research.qdpx\n"
                         "Everything, to merge into another project (claimtrack-cli merge):\n"
                         "  claimtrack-cli export research.claims --format project -o research.json\n"
                         "The judged claims as fact-check markup for search engines:\n"
                         "  claimtrack-cli export research.claims --format claimreview -o reviews.jsonld");
    exportClaims->add_option("PROJECT", e.project, "Project file")->required();
    exportClaims
        ->add_option(
            "--format", e.formatName,
            "csv, json, xlsx (every table, a sheet each; needs -o), w3c (Web Annotations) or "
            "qdpx (a REFI-QDA project: articles, claims as coded selections; needs -o) or project "
            "(everything in the project, for 'merge') or claimreview (schema.org ClaimReview JSON-LD of "
            "the judged claims)")
        ->transform(oneOfNames({"csv", "json", "xlsx", "w3c", "qdpx", "project", "claimreview"}))
        ->type_name("FORMAT");
    exportClaims->add_flag("--excel", e.excel, "Start the CSV with a UTF-8 byte-order mark for Excel");
    exportClaims->add_flag("--conflicts", e.conflicts,
                           "Export the conflicting pairs (the columns of 'conflicts --format csv') instead");
    exportClaims->add_option("-o,--output", e.output, "Write to this file instead of standard output");
}

}  // namespace claimtrack::cli
