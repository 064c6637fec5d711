// search: full-text search over the articles and their claims.
#include "claim_format.h"
#include "command.h"
#include "output.h"
#include "text_table.h"

#include <nlohmann/json.hpp>

namespace claimtrack::cli {

namespace {

// The snippet with its marks written out, «word», starting a few words before the first match so that
// the table's column shows it.
std::string markedForTerminal(const std::string& snippet) {
    constexpr std::size_t kLeadIn = 30;  // bytes of context kept before the first match
    std::string_view from = snippet;
    if (const std::size_t first = from.find(kMatchStart);
        first != std::string_view::npos && first > kLeadIn) {
        const std::size_t space = from.rfind(' ', first - kLeadIn / 2);
        if (space != std::string_view::npos && first - space <= kLeadIn * 2)
            from = from.substr(space + 1);
    }
    std::string out = from.data() == snippet.data() ? std::string() : std::string("\u2026");
    for (const char c : from)
        out += c == kMatchStart ? std::string("\u00AB")
               : c == kMatchEnd ? std::string("\u00BB")
                                : std::string(1, c);
    for (char& c : out)
        if (c == '\n')
            c = ' ';
    return out;
}

class SearchCommand : public Command {
public:
    std::string project;
    std::string query;
    Format format = Format::Table;
    std::size_t limit = 20;

    int run(Streams streams) override {
        if (format == Format::Csv)
            throw UsageError{"search prints a table or json"};
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto hits = opened->search(query, limit);
        if (!hits)
            return report(streams.err, hits.error());
        if (format == Format::Json) {
            JsonArrayWriter json(streams.out);
            for (const SearchHit& hit : *hits) {
                nlohmann::ordered_json row{{"article_row_id", hit.articleId},
                                           {"title", hit.title},
                                           {"publisher", jsonText(hit.publisher)},
                                           {"published", jsonText(hit.published)},
                                           {"in_text", hit.inText},
                                           {"in_claims", hit.inClaims},
                                           {"claim_row_ids", hit.claimIds}};
                const MarkedText snippet = splitMarks(hit.snippet);
                nlohmann::ordered_json matches = nlohmann::ordered_json::array();
                for (const CodePointRange& match : snippet.matches)
                    matches.push_back({match.start, match.end});
                row["snippet"] = snippet.text;
                row["matches"] = matches;
                json.add(row);
            }
            return kExitOk;
        }
        TextTable table({{"id", 6}, {"title", 40}, {"snippet", 90}});
        for (const SearchHit& hit : *hits)
            table.addRow({std::to_string(hit.articleId), hit.title, markedForTerminal(hit.snippet)});
        table.print(streams.out);
        if (hits->empty())
            streams.err << "claimtrack-cli: nothing matches " << query << '\n';
        return kExitOk;
    }
};

}  // namespace

void addSearchCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* search = app.add_subcommand(
        "search", "Find articles by words in their text or their claims; best matches first");
    auto& s = attach<SearchCommand>(search, commands, chosen);
    search->footer(
        "Example:\n  claimtrack-cli search research.claims 'cameras source:\"IHS Markit\" since:2018'");
    search->add_option("PROJECT", s.project, "Project file")->required();
    search
        ->add_option("QUERY", s.query,
                     "Words (all must match), \"a phrase\", prefix*, OR, -word; filters publisher:, source:, "
                     "metric:, tag:, status:, since:, until:")
        ->required();
    search->add_option("--format", s.format, "table or json")->transform(formatName())->type_name("FORMAT");
    search->add_option("--limit", s.limit, "At most this many articles (default 20)")
        ->check(CLI::Range(1, 10000));
}

}  // namespace claimtrack::cli
