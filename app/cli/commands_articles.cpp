// init, import and articles: creating a project and filling it with articles.
#include "claim_format.h"
#include "command.h"
#include "files.h"
#include "output.h"
#include "text_table.h"

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

    int run(Streams streams) override {
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        int status = kExitOk;
        // Folders are read whole, recursively; what cannot be listed is reported and the rest imported.
        std::vector<ArticleSource> sources;
        for (const std::string& path : paths) {
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
                streams.out << article->id << '\t' << article->title << '\n';
            });
        progress.done();
        streams.out.flush();
        if (!imported)
            return report(streams.err, imported.error());
        return status;
    }

private:
    ArticleSource source(const std::string& file) const {
        const std::string absolute = std::filesystem::absolute(file).string();
        return {file, meta, [file] { return readArticleFile(file); }, absolute, !keepPathOnly};
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
    Format format = Format::Table;

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto articles = opened->articles();
        if (!articles)
            return report(streams.err, articles.error());
        switch (format) {
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

}  // namespace

void addArticleCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* init = app.add_subcommand("init", "Create a new, empty project file");
    auto& initCommand = attach<InitCommand>(init, commands, chosen);
    init->footer("Example:\n  claimtrack-cli init research.claims");
    init->add_option("PROJECT", initCommand.project, "Project file to create (e.g. research.claims)")
        ->required();

    auto* import = app.add_subcommand(
        "import",
        "Import articles (text, Markdown, saved web pages, PDFs; folders whole); prints id<TAB>title each");
    auto& importCommand = attach<ImportCommand>(import, commands, chosen);
    import->footer(
        "Example:\n  claimtrack-cli import research.claims saved-pages/ --publisher \"The Harbour Ledger\"");
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

    auto* articles = app.add_subcommand("articles", "List the project's articles");
    auto& articlesCommand = attach<ArticlesCommand>(articles, commands, chosen);
    articles->footer("Example:\n  claimtrack-cli articles research.claims --format csv > articles.csv");
    articles->add_option("PROJECT", articlesCommand.project, "Project file")->required();
    articles->add_option("--format", articlesCommand.format, "table, csv or json")
        ->transform(formatName())
        ->type_name("FORMAT");
}

}  // namespace claimtrack::cli
