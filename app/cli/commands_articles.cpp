// init, import, articles, article set|delete and memo: creating a project, filling it with articles and
// keeping them.
#include "annotation.h"
#include "citation.h"
#include "claim_format.h"
#include "command.h"
#include "files.h"
#include "output.h"
#include "project_file.h"
#include "text_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace claimtrack::cli {

namespace {

class InitCommand : public Command {
public:
    std::string project;

    int run(Streams streams) override {
        auto created = Project::create(project);
        if (!created)
            return report(streams.err, created.error());
        return kExitOk;
    }
};

class ImportCommand : public Command {
public:
    std::string project;
    std::vector<std::string> paths;
    ArticleMeta meta;
    bool keepPathOnly = false;
    std::int64_t newVersionOf = 0;

    int run(Streams streams) override {
        if (newVersionOf != 0 && paths.size() != 1)
            throw UsageError{"--new-version-of takes one file: the newer text of that article"};
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        int status = kExitOk;
        // Folders are read whole, recursively; what cannot be listed is reported and the rest imported.
        std::vector<ArticleSource> sources;
        for (const std::string& path : paths) {
            if (hasExtension(path, ".qdpx")) {
                status = std::max(status, importQdaProject(*opened, path, streams));
                continue;
            }
            if (hasExtension(path, ".jsonld")) {
                status = std::max(status, importAnnotations(*opened, path, streams));
                continue;
            }
            if (hasExtension(path, ".json") || hasExtension(path, ".ris") || hasExtension(path, ".bib")) {
                status = std::max(status, importReferences(*opened, path, streams));
                continue;
            }
            std::error_code ec;
            if (!std::filesystem::is_directory(path, ec)) {
                sources.push_back(source(path));
                continue;
            }
            std::vector<std::string> problems;
            const std::vector<std::filesystem::path> files = articleFilesIn(path, problems);
            for (const std::filesystem::path& file : files)
                sources.push_back(source(file.string()));
            if (files.empty() && problems.empty())
                problems.push_back(path +
                                   " has no files to import (text, Markdown, saved web pages or PDFs)");
            for (const std::string& problem : problems)
                status = report(streams.err, makeError(ErrorCode::Io, problem));
        }
        Progress progress(streams, sources.size());
        auto imported = opened->importArticles(
            sources, [&](const ArticleSource& source, const Result<ImportedArticle>& article) {
                progress.step();
                if (!article) {
                    status = report(streams.err, article.error());
                    return;
                }
                if (article->alreadyPresent)
                    streams.err << "claimtrack-cli: " << source.name
                                << " is already in the project as article " << article->id << '\n';
                if (!article->guessedEncoding.empty())
                    streams.err << "claimtrack-cli: " << source.name
                                << " names no encoding and is not UTF-8; read as " << article->guessedEncoding
                                << ", a guess: check its text (article " << article->id << ")\n";
                if (article->version)
                    reportVersion(streams.err, source.name, *article);
                // Flushed line by line: a program reading the pipe learns of each article as soon as it
                // is in the file, not a buffer later (the import may be stopped at any time).
                streams.out << article->id << '\t' << article->title << std::endl;
            });
        progress.done();
        streams.out.flush();
        if (!imported)
            return report(streams.err, imported.error());
        return status;
    }

private:
    // What became of the claims of the version before: said on the error stream, like the other notes.
    void reportVersion(std::ostream& err, const std::string& name, const ImportedArticle& article) const {
        const VersionAdded& version = *article.version;
        err << fmt::format(
            "claimtrack-cli: {} is version {} of article {} (now article {}): {} claim(s) carried", name,
            version.version, version.previousId, article.id, version.carried);
        if (version.figureChanged + version.orphaned > 0)
            err << fmt::format("; {} with a changed figure and {} orphaned wait on the earlier version: "
                               "claimtrack-cli carries {} {}",
                               version.figureChanged, version.orphaned, project, article.id);
        err << '\n';
    }

    static bool hasExtension(const std::string& path, std::string_view wanted) {
        return lowerExtension(path) == wanted;
    }

    // An error, said of the file it came from.
    static Error inFile(const std::string& path, const Error& error) {
        return makeError(error.code, fmt::format("{}: {}", path, error.message));
    }

    // What an import could not take, one line each; the exit status says whether there was any.
    static int reportEach(std::ostream& err, const std::string& path, const std::vector<std::string>& whys) {
        int status = kExitOk;
        for (const std::string& why : whys)
            status = report(err, inFile(path, makeError(ErrorCode::NotFound, why)));
        return status;
    }

    // W3C Web Annotations, placed on the articles they target, in one transaction; those that cannot be
    // placed are named, one line each.
    static int importAnnotations(Project& project, const std::string& path, Streams streams) {
        auto bytes = readExchangeFile(path);
        if (!bytes)
            return report(streams.err, bytes.error());
        auto annotations = readAnnotations(*bytes);
        if (!annotations)
            return report(streams.err, inFile(path, annotations.error()));
        auto imported = project.importAnnotations(*annotations);
        if (!imported)
            return report(streams.err, imported.error());
        streams.out << fmt::format("{}: {} claim(s) imported", path, imported->claims);
        if (imported->claimsPresent > 0)
            streams.out << fmt::format("; {} were here already", imported->claimsPresent);
        if (!imported->unplaced.empty())
            streams.out << fmt::format("; {} could not be placed", imported->unplaced.size());
        streams.out << '\n';
        return reportEach(streams.err, path, imported->unplaced);
    }

    // A REFI-QDA project: its texts and coded selections, in one transaction of their own.
    static int importQdaProject(Project& project, const std::string& path, Streams streams) {
        auto qda = readQdpx(path);
        if (!qda)
            return report(streams.err, qda.error());
        auto imported = project.importQdaProject(*qda);
        if (!imported)
            return report(streams.err, inFile(path, imported.error()));
        streams.out << fmt::format("{}: {} article(s) and {} claim(s) imported", path, imported->articles,
                                   imported->claims);
        if (imported->articlesPresent + imported->claimsPresent > 0)
            streams.out << fmt::format("; {} article(s) and {} claim(s) were here already",
                                       imported->articlesPresent, imported->claimsPresent);
        if (qda->otherSources > 0)
            streams.out << fmt::format("; {} picture, PDF, audio or video source(s) left out",
                                       qda->otherSources);
        streams.out << '\n';
        return kExitOk;
    }

    // A reference manager's references: details filled in, attachments added; those that do neither are
    // named, one line each. An attachment's path is taken from the folder of the file that names it.
    static int importReferences(Project& project, const std::string& path, Streams streams) {
        auto bytes = readArticleFile(path);
        if (!bytes)
            return report(streams.err, bytes.error());
        if (bytes->substr(0, 200).find(fmt::format("\"{}\"", kProjectFileFormat)) != std::string::npos)
            throw UsageError{
                fmt::format("{} is a Claimtrack project file: bring it in with 'claimtrack-cli merge "
                            "PROJECT {}'",
                            path, path)};
        auto references = readReferences(*bytes, path);
        if (!references)
            return report(streams.err, inFile(path, references.error()));
        const std::filesystem::path folder = std::filesystem::path(path).parent_path();
        auto imported = project.importReferences(*references, [&](const std::string& attachment) {
            const std::filesystem::path file(attachment);
            return readArticleFile(file.is_absolute() ? file : folder / file);
        });
        if (!imported)
            return report(streams.err, imported.error());
        streams.out << fmt::format("{}: details filled in for {} article(s), {} added from attachments", path,
                                   imported->filled, imported->added);
        if (imported->unchanged > 0)
            streams.out << fmt::format("; {} had every detail already", imported->unchanged);
        if (!imported->unmatched.empty())
            streams.out << fmt::format("; {} matched no article", imported->unmatched.size());
        streams.out << '\n';
        return reportEach(streams.err, path, imported->unmatched);
    }

    ArticleSource source(const std::string& file) const {
        const std::string absolute = std::filesystem::absolute(file).string();
        return {file, meta, [file] { return readArticleFile(file); }, absolute, !keepPathOnly, newVersionOf};
    }

    // "imported 120 of 10000" on one line of a terminal, redrawn at most ten times a second.
    class Progress {
    public:
        Progress(Streams& streams, std::size_t total) : m_streams(streams), m_total(total) {}
        void step() {
            ++m_done;
            const auto now = std::chrono::steady_clock::now();
            if (!m_streams.errIsTerminal || m_total < 2 || now - m_shown < std::chrono::milliseconds(100))
                return;
            m_shown = now;
            m_streams.err << "\rimported " << m_done << " of " << m_total << std::flush;
            m_drawn = true;
        }
        void done() {
            if (m_drawn)
                m_streams.err << "\rimported " << m_done << " of " << m_total << '\n';
        }

    private:
        Streams& m_streams;
        std::size_t m_total;
        std::size_t m_done = 0;
        bool m_drawn = false;
        std::chrono::steady_clock::time_point m_shown;
    };
};

class ArticlesCommand : public Command {
public:
    std::string project;
    std::string formatName = "table";  // table, csv, json, csl-json or bibtex

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto articles = opened->articles();
        if (!articles)
            return report(streams.err, articles.error());
        if (formatName == "csl-json") {
            nlohmann::ordered_json items = nlohmann::ordered_json::array();
            for (const Article& a : *articles)
                items.push_back(cslItem(a));
            streams.out << items.dump(2) << '\n';
            return kExitOk;
        }
        if (formatName == "bibtex") {
            streams.out << bibtexEntries(*articles);
            return kExitOk;
        }
        switch (formatName == "csv" ? Format::Csv : formatName == "json" ? Format::Json : Format::Table) {
        case Format::Table: {
            TextTable table({{"id", 8}, {"title", 60}, {"publisher", 24}, {"published", 10}, {"claims", 8}});
            for (const Article& a : *articles)
                table.addRow({std::to_string(a.id), a.meta.title, a.meta.publisher, a.meta.published,
                              std::to_string(a.claimCount)});
            table.print(streams.out);
            break;
        }
        case Format::Csv: {
            CsvWriter csv(streams.out);
            writeArticleHeader(csv);
            for (const Article& a : *articles)
                writeArticleRow(csv, a);
            break;
        }
        case Format::Json: {
            JsonArrayWriter json(streams.out);
            for (const Article& a : *articles)
                json.add(articleToJson(a));
            break;
        }
        }
        return kExitOk;
    }
};

// Changes what is known of an article; the options not given are kept.
class ArticleSetCommand : public Command {
public:
    std::string project;
    std::int64_t id = 0;
    std::optional<std::string> title, author, publisher, url, published, memo;

    int run(Streams streams) override {
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        auto article = opened->article(id);
        if (!article)
            return report(streams.err, article.error());
        ArticleMeta meta = article->meta;
        for (auto [given, field] : {std::pair{&title, &meta.title}, std::pair{&author, &meta.author},
                                    std::pair{&publisher, &meta.publisher}, std::pair{&url, &meta.url},
                                    std::pair{&published, &meta.published}})
            if (*given)
                *field = **given;
        if (auto set = opened->setArticleDetails(id, meta, memo.value_or(article->memo)); !set)
            return report(streams.err, set.error());
        return kExitOk;
    }
};

class ArticleDeleteCommand : public Command {
public:
    std::string project;
    std::vector<std::int64_t> ids;
    bool withClaims = false;

    int run(Streams streams) override {
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        auto deleted = opened->deleteArticles(ids, withClaims);
        if (!deleted)
            return report(streams.err, deleted.error());
        for (const ArticleWithText& article : *deleted)
            streams.out << "deleted article " << article.article.id << " (" << article.article.meta.title
                        << ") with " << article.claims.size() << " claim"
                        << (article.claims.size() == 1 ? "" : "s") << '\n';
        return kExitOk;
    }
};

// Prints the project's memo, or sets it.
class MemoCommand : public Command {
public:
    std::string project;
    std::optional<std::string> text;

    int run(Streams streams) override {
        auto opened = Project::open(project, text ? Project::Access::ReadWrite : Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        if (text) {
            if (auto set = opened->setProjectMemo(*text); !set)
                return report(streams.err, set.error());
            return kExitOk;
        }
        auto memo = opened->projectMemo();
        if (!memo)
            return report(streams.err, memo.error());
        if (!memo->empty())
            streams.out << *memo << '\n';
        return kExitOk;
    }
};

}  // namespace

void addArticleCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* init = app.add_subcommand("init", "Create a new, empty project file");
    auto& initCommand = attach<InitCommand>(init, commands, chosen);
    init->footer("Example:\n  claimtrack-cli init research.claims");
    init->add_option("PROJECT", initCommand.project, "Project file to create (e.g. research.claims)")
        ->required();

    auto* import = app.add_subcommand(
        "import",
        "Import articles (text, Markdown, saved web pages, PDFs; folders whole); prints id<TAB>title each. A "
        "REFI-QDA project (.qdpx) brings its texts and coded selections, as claims; W3C Web Annotations "
        "(.jsonld) are placed on the articles they target, as claims; a reference manager's CSL-JSON (.json) "
        "or "
        "RIS (.ris) fills in the articles' details");
    auto& importCommand = attach<ImportCommand>(import, commands, chosen);
    import->footer(
        "Example:\n  claimtrack-cli import research.claims saved-pages/ --publisher \"The Harbour Ledger\"\n"
        "A QualCoder or NVivo project, exported as REFI-QDA:\n  claimtrack-cli import research.claims "
        "coded.qdpx");
    import->add_option("PROJECT", importCommand.project, "Project file")->required();
    import->add_option("PATH", importCommand.paths, "Files, or folders to import whole")->required();
    import->add_flag("--keep-path", importCommand.keepPathOnly,
                     "Keep each file's path and hash in the project instead of a copy of its bytes");
    import->add_option(
        "--title", importCommand.meta.title,
        "Title (default: the text's first line, past a page's furniture such as 'Skip to content')");
    import->add_option("--author", importCommand.meta.author, "Author");
    import->add_option("--publisher", importCommand.meta.publisher, "Publisher");
    import->add_option("--url", importCommand.meta.url, "URL of the article");
    import->add_option("--published", importCommand.meta.published,
                       "Published date: YYYY, YYYY-MM or YYYY-MM-DD");
    import
        ->add_option("--new-version-of", importCommand.newVersionOf,
                     "The file is a newer text of this article (by id); without it, a file with the URL of "
                     "an article in the project is its newer version")
        ->check(wholeNumber(1));

    auto* articles = app.add_subcommand("articles", "List the project's articles");
    auto& articlesCommand = attach<ArticlesCommand>(articles, commands, chosen);
    articles->footer("Example:\n  claimtrack-cli articles research.claims --format csv > articles.csv\n"
                     "For a reference manager or a LaTeX bibliography:\n"
                     "  claimtrack-cli articles research.claims --format bibtex > sources.bib");
    articles->add_option("PROJECT", articlesCommand.project, "Project file")->required();
    articles
        ->add_option("--format", articlesCommand.formatName,
                     "table, csv, json, csl-json or bibtex (for reference managers: Zotero, JabRef, LaTeX)")
        ->transform(oneOfNames({"table", "csv", "json", "csl-json", "bibtex"}))
        ->type_name("FORMAT");

    auto* article = app.add_subcommand("article", "Change or delete articles");
    article->require_subcommand(1);
    auto* set = article->add_subcommand(
        "set", "Change an article's title, author, publisher, URL, date or memo; options not given are kept");
    auto& setCommand = attach<ArticleSetCommand>(set, commands, chosen);
    set->footer(
        "Example:\n  claimtrack-cli article set research.claims 12 --publisher \"The Harbour Ledger\" "
        "--published 2019-05");
    set->add_option("PROJECT", setCommand.project, "Project file")->required();
    set->add_option("ID", setCommand.id, "The article's id (see `articles`)")
        ->required()
        ->check(wholeNumber(1));
    set->add_option("--title", setCommand.title, "Title (cannot be empty)");
    set->add_option("--author", setCommand.author, "Author (\"\" for none)");
    set->add_option("--publisher", setCommand.publisher, "Publisher (\"\" for none)");
    set->add_option("--url", setCommand.url, "URL (\"\" for none)");
    set->add_option("--published", setCommand.published,
                    "Published date: YYYY, YYYY-MM or YYYY-MM-DD (\"\" for none)");
    set->add_option("--memo", setCommand.memo, "The researcher's notes on it (\"\" for none)");

    auto* remove =
        article->add_subcommand("delete", "Delete articles with their suggestions (and claims, if asked)");
    auto& deleteCommand = attach<ArticleDeleteCommand>(remove, commands, chosen);
    remove->footer("Example:\n  claimtrack-cli article delete research.claims 12 13 --with-claims");
    remove->add_option("PROJECT", deleteCommand.project, "Project file")->required();
    remove->add_option("ID", deleteCommand.ids, "The articles' ids")->required()->check(wholeNumber(1));
    remove->add_flag("--with-claims", deleteCommand.withClaims,
                     "Delete their claims too (without it, an article with claims is refused)");

    auto* memo = app.add_subcommand("memo", "Print the project's memo, or set it with --set");
    auto& memoCommand = attach<MemoCommand>(memo, commands, chosen);
    memo->footer("Example:\n  claimtrack-cli memo research.claims --set \"Scope: camera counts, 2015-2025\"");
    memo->add_option("PROJECT", memoCommand.project, "Project file")->required();
    memo->add_option("--set", memoCommand.text, "The memo's new text (\"\" for none)");
}

}  // namespace claimtrack::cli
