// init, import and articles: creating a project and filling it with articles.
#include "claim_format.h"
#include "command.h"
#include "files.h"
#include "output.h"
#include "text_table.h"

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
    std::vector<std::string> files;
    ArticleMeta meta;

    int run(Streams streams) override {
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        std::vector<ArticleSource> sources;
        for (const std::string& file : files)
            sources.push_back({file, meta, [file] { return readArticleFile(file); }});
        int status = kExitOk;
        auto imported = opened->importArticles(
            sources, [&](const ArticleSource& source, const Result<ImportedArticle>& article) {
                if (!article) {
                    status = report(streams.err, article.error());
                    return;
                }
                if (article->alreadyPresent)
                    streams.err << "claimtrack-cli: " << source.name
                                << " is already in the project as article " << article->id << '\n';
                streams.out << article->id << '\t' << article->title << '\n';
            });
        streams.out.flush();
        if (!imported)
            return report(streams.err, imported.error());
        return status;
    }
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
            writeArticleCsvHeader(csv);
            for (const Article& a : *articles)
                writeArticleCsvRow(csv, a);
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
    init->add_option("PROJECT", initCommand.project, "Project file to create (e.g. research.claims)")
        ->required();

    auto* import =
        app.add_subcommand("import", "Import UTF-8 text files as articles; prints id<TAB>title per file");
    auto& importCommand = attach<ImportCommand>(import, commands, chosen);
    import->add_option("PROJECT", importCommand.project, "Project file")->required();
    import->add_option("FILE", importCommand.files, "Text files to import")->required();
    import->add_option("--title", importCommand.meta.title, "Title (default: the text's first line)");
    import->add_option("--author", importCommand.meta.author, "Author");
    import->add_option("--publisher", importCommand.meta.publisher, "Publisher");
    import->add_option("--url", importCommand.meta.url, "URL of the article");
    import->add_option("--published", importCommand.meta.published,
                       "Published date: YYYY, YYYY-MM or YYYY-MM-DD");

    auto* articles = app.add_subcommand("articles", "List the project's articles");
    auto& articlesCommand = attach<ArticlesCommand>(articles, commands, chosen);
    articles->add_option("PROJECT", articlesCommand.project, "Project file")->required();
    articles->add_option("--format", articlesCommand.format, "table, csv or json")
        ->transform(CLI::CheckedTransformer(kFormatNames, CLI::ignore_case));
}

}  // namespace claimtrack::cli
