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

// The snippet as plain text, and where the matched words are in it (code points).
nlohmann::ordered_json snippetToJson(const std::string& snippet) {
    std::string text;
    nlohmann::ordered_json matches = nlohmann::ordered_json::array();
    std::int64_t at = 0, start = 0;
    for (const char c : snippet) {
        if (c == kMatchStart) {
            start = at;
        } else if (c == kMatchEnd) {
            matches.push_back({start, at});
        } else {
            text += c;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
                ++at;
        }
    }
    return {{"snippet", text}, {"matches", matches}};
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
                                           {"in_claims", hit.inClaims}};
                row.update(snippetToJson(hit.snippet));
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
    search->add_option("PROJECT", s.project, "Project file")->required();
    search
        ->add_option("QUERY", s.query,
                     "Words (all must match), \"a phrase\", prefix*, OR, -word; filters publisher:, source:, "
                     "metric:, tag:, status:, since:, until:")
        ->required();
    search->add_option("--format", s.format, "table or json")
        ->transform(CLI::CheckedTransformer(kFormatNames, CLI::ignore_case));
    search->add_option("--limit", s.limit, "At most this many articles (default 20)")
        ->check(CLI::Range(1, 10000));
}

}  // namespace claimtrack::cli
