// merge: bringing another project, or a project file, into a project; copy: a whole project to a new file
// or to a server and back; settings: the project's own; history: who changed what, and when.
#include "claim_format.h"
#include "command.h"
#include "csv.h"
#include "output.h"
#include "project_file.h"
#include "text_table.h"

#include <QCryptographicHash>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

namespace claimtrack::cli {

namespace {

class MergeCommand : public Command {
public:
    std::string project;
    std::string other;
    std::string prefer = "ours";
    bool dryRun = false;

    int run(Streams streams) override {
        std::error_code ec;
        if (std::filesystem::equivalent(project, other, ec))
            throw UsageError{"a project cannot be merged into itself"};
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        const MergePreference preference = prefer == "theirs"  ? MergePreference::Theirs
                                           : prefer == "newer" ? MergePreference::Newer
                                                               : MergePreference::Ours;
        auto merged = mergeFrom(*opened, other, preference, dryRun ? MergeMode::Preview : MergeMode::Apply);
        if (!merged)
            return report(streams.err, merged.error());
        if (dryRun)
            streams.out << "dry run: nothing was changed; merging would do this:\n";
        streams.out << describeMerge(*merged);
        streams.out.flush();
        return kExitOk;
    }
};

// The SHA-256 of a project's project file, written to the hash as it goes rather than held whole.
Result<std::string> projectFileDigest(Project& project) {
    class HashBuffer : public std::streambuf {
    public:
        QCryptographicHash hash{QCryptographicHash::Sha256};

    protected:
        std::streamsize xsputn(const char* bytes, std::streamsize count) override {
            hash.addData(QByteArrayView(bytes, static_cast<qsizetype>(count)));
            return count;
        }
        int_type overflow(int_type c) override {
            if (c != traits_type::eof()) {
                const char byte = traits_type::to_char_type(c);
                hash.addData(QByteArrayView(&byte, 1));
            }
            return traits_type::not_eof(c);
        }
    };
    HashBuffer buffer;
    std::ostream out(&buffer);
    auto written = writeProjectFile(project, out);
    if (!written)
        return written.error();
    return buffer.hash.result().toHex().toStdString();
}

// Copies a whole project into a new one: a file, or an empty database on a server, either way. The copy is
// checked: both must export the same project file.
class CopyCommand : public Command {
public:
    std::string source;
    std::string destination;

    int run(Streams streams) override {
        auto from = Project::open(source, Project::Access::ReadOnly);
        if (!from)
            return report(streams.err, from.error());
        std::optional<Project> to;
        if (auto created = Project::create(destination); created)
            to.emplace(std::move(*created));
        else
            return report(streams.err, created.error());
        auto copied = copyInto(*from, *to);
        if (!copied) {
            const bool isFile = !isServerLocation(destination);
            to.reset();
            if (isFile)  // it did not exist before: nothing of the user's is lost
                for (const char* suffix : {"", "-wal", "-shm"})
                    std::filesystem::remove(destination + suffix);
            return report(streams.err,
                          {copied.error().code,
                           fmt::format("{}{}", copied.error().message,
                                       isFile ? "" : "; the database holds an empty project now")});
        }
        streams.out << *copied;
        return kExitOk;
    }

private:
    static Result<std::string> copyInto(Project& from, Project& to) {
        auto merged =
            to.mergeProject([&](ProjectRecords& records) { return readProjectRecords(from, records); },
                            MergePreference::Ours);
        if (!merged)
            return merged.error();
        auto ours = projectFileDigest(from);
        auto theirs = ours ? projectFileDigest(to) : ours;
        if (!theirs)
            return theirs.error();
        if (*ours != *theirs)
            return makeError(ErrorCode::Database,
                             fmt::format("the copy in {} does not export the same project file as {}",
                                         to.path().string(), from.path().string()));
        auto articles = to.articleCount();
        if (!articles)
            return articles.error();
        return fmt::format("copied {} to {}: {} articles; both export the same project file (SHA-256 {})\n",
                           from.path().string(), to.path().string(), *articles, *theirs);
    }
};

// Prints the project's settings, or changes those given.
class SettingsCommand : public Command {
public:
    std::string project;
    std::optional<std::string> reviewer, reviewerUrl;

    int run(Streams streams) override {
        auto opened = Project::open(project, reviewer || reviewerUrl ? Project::Access::ReadWrite
                                                                     : Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto settings = opened->publishingSettings();
        if (!settings)
            return report(streams.err, settings.error());
        if (reviewer || reviewerUrl) {
            settings->reviewer = reviewer.value_or(settings->reviewer);
            settings->reviewerUrl = reviewerUrl.value_or(settings->reviewerUrl);
            auto set = opened->setPublishingSettings(*settings);
            return set ? kExitOk : report(streams.err, set.error());
        }
        streams.out << "reviewer: " << settings->reviewer << "\nreviewer URL: " << settings->reviewerUrl
                    << '\n';
        return kExitOk;
    }
};

class HistoryCommand : public Command {
public:
    std::string project;
    std::optional<std::int64_t> claim, source, metric, verdict;
    std::size_t limit = 0;
    Format format = Format::Table;

    int run(Streams streams) override {
        HistoryQuery query;
        for (const auto& [entity, id] : {std::pair{"claim", claim}, std::pair{"source", source},
                                         std::pair{"metric", metric}, std::pair{"verdict", verdict}})
            if (id) {
                query.entity = entity;
                query.entityId = *id;
            }
        // The last `limit` entries, still printed oldest first.
        query.limit = limit;
        query.newestFirst = limit > 0;
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto entries = opened->history(query);
        if (!entries)
            return report(streams.err, entries.error());
        if (query.newestFirst)
            std::reverse(entries->begin(), entries->end());
        write(*entries, streams.out);
        return kExitOk;
    }

private:
    void write(const std::vector<HistoryEntry>& entries, std::ostream& out) const {
        switch (format) {
        case Format::Table: {
            TextTable table({{"when", 24}, {"user", 16}, {"how", 4}, {"what", 36}, {"change", 90}});
            for (const HistoryEntry& e : entries)
                table.addRow({e.at, e.user, std::string(toString(e.how)),
                              fmt::format("{} {} {}", e.entity, e.entityId, e.label), describeChange(e)});
            table.print(out);
            return;
        }
        case Format::Csv: {
            CsvWriter csv(out);
            for (const char* title : {"at", "user", "how", "entity", "entity_row_id", "entity_uuid", "label",
                                      "change", "field", "before", "after"})
                csv.text(title);
            csv.endRow();
            for (const HistoryEntry& e : entries) {
                csv.date(e.at);
                for (const std::string_view cell : {std::string_view(e.user), toString(e.how)})
                    csv.text(cell);
                csv.text(e.entity);
                csv.integer(e.entityId);
                for (const std::string* cell :
                     {&e.entityUuid, &e.label, &e.change, &e.field, &e.before, &e.after})
                    csv.text(*cell);
                csv.endRow();
            }
            return;
        }
        case Format::Json: {
            JsonArrayWriter json(out);
            for (const HistoryEntry& e : entries)
                json.add({{"at", e.at},
                          {"user", e.user},
                          {"how", toString(e.how)},
                          {"entity", e.entity},
                          {"entity_row_id", e.entityId},
                          {"entity_uuid", e.entityUuid},
                          {"label", e.label},
                          {"change", e.change},
                          {"field", jsonText(e.field)},
                          {"before", jsonText(e.before)},
                          {"after", jsonText(e.after)}});
            return;
        }
        }
    }
};

}  // namespace

void addProjectCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* merge = app.add_subcommand(
        "merge", "Bring another project (a .claims file, or a project file from 'export --format project') "
                 "into a project; prints what it added and what both sides changed");
    auto& m = attach<MergeCommand>(merge, commands, chosen);
    merge->footer(
        "Rows match by UUID, articles by their text too, sources and metrics by name. What is new is "
        "added, what is the same passed over, and an empty detail filled in. A claim changed on one "
        "side only takes that side's version; one changed on both is listed with both versions and "
        "kept as --prefer says. Merging the same file again changes nothing.\n"
        "Example:\n  claimtrack-cli merge research.claims colleague.claims --prefer newer");
    merge->add_option("PROJECT", m.project, "Project file to merge into")->required();
    merge->add_option("OTHER", m.other, "Another project (.claims) or a project file (.json)")->required();
    merge
        ->add_option("--prefer", m.prefer,
                     "Where both sides changed the same thing, keep ours (default), theirs, or the newer "
                     "(claims and verdicts, by when they were changed; other details keep ours)")
        ->transform(oneOfNames({"ours", "theirs", "newer"}))
        ->type_name("SIDE");
    merge->add_flag("--dry-run", m.dryRun, "Say what merging would do, and change nothing");

    auto* copy = app.add_subcommand(
        "copy", "Copy a whole project into a new project file, or into an empty database on a PostgreSQL "
                "server, or back");
    auto& c = attach<CopyCommand>(copy, commands, chosen);
    copy->footer(
        "Everything a project file holds comes along (articles with their kept originals, claims, sources, "
        "metrics, tags, verdicts, memos, suggestions, versions), and the copy is checked to export the same "
        "project file. The copy's history starts with the copy.\n"
        "Example:\n  claimtrack-cli copy research.claims postgresql://db.example.org/newsroom\n"
        "  claimtrack-cli copy postgresql://db.example.org/newsroom snapshot.claims");
    copy->add_option("SOURCE", c.source, "The project to copy: a file, or a postgresql:// URI")->required();
    copy->add_option("DEST", c.destination, "A new project file, or a postgresql:// URI of an empty database")
        ->required();

    auto* settings = app.add_subcommand(
        "settings", "Print the project's settings, or change those given: who publishes its fact-checks");
    auto& s = attach<SettingsCommand>(settings, commands, chosen);
    settings->footer("Example:\n  claimtrack-cli settings research.claims --reviewer \"Camera Count Desk\" "
                     "--reviewer-url https://example.org/desk");
    settings->add_option("PROJECT", s.project, "Project file")->required();
    settings->add_option("--reviewer", s.reviewer,
                         "The organisation (or person) the ClaimReviews are published under (\"\" for none)");
    settings->add_option("--reviewer-url", s.reviewerUrl, "Its web address (\"\" for none)");

    auto* history = app.add_subcommand(
        "history", "Who changed which claim, source, metric or verdict, when, and from what to what");
    auto& h = attach<HistoryCommand>(history, commands, chosen);
    history->footer(
        "Every change is recorded as it is made, by the app and the command line alike, under the user's "
        "name (--user, else $CLAIMTRACK_USER, else the system's); undone and redone changes are marked as "
        "such.\nExample:\n  claimtrack-cli history research.claims --claim 12\n"
        "  claimtrack-cli history research.claims --limit 50 --format csv");
    history->add_option("PROJECT", h.project, "Project file")->required();
    auto* byClaim = history->add_option("--claim", h.claim, "Only this claim's history (its id)");
    auto* bySource = history->add_option("--source", h.source, "Only this source's");
    auto* byMetric = history->add_option("--metric", h.metric, "Only this metric's");
    auto* byVerdict = history->add_option("--verdict", h.verdict, "Only this verdict's");
    for (CLI::Option* one : {byClaim, bySource, byMetric, byVerdict}) {
        one->check(wholeNumber(1))->type_name("ID");
        for (CLI::Option* other : {byClaim, bySource, byMetric, byVerdict})
            if (other != one)
                one->excludes(other);
    }
    history->add_option("--limit", h.limit, "Only the last N changes")->check(wholeNumber(1))->type_name("N");
    history->add_option("--format", h.format, "table (default), csv or json")
        ->transform(formatName())
        ->type_name("FORMAT");
}

}  // namespace claimtrack::cli
