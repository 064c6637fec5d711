// claimtrack-bench: the parts of the storage benchmark that have no command
// of their own. Driven by tests/benchmarks/bench_storage.py, which times it
// against the sqlite3 shell doing the same work.
//
//   claimtrack-bench insert-claims PROJECT N   record N claims in one transaction
//   claimtrack-bench extract FILE              figures found per second in a large text (median of 5 runs)
//   claimtrack-bench search PROJECT            search times (median of 21 runs each), against a LIKE scan
#include "figures.h"
#include "files.h"
#include "project.h"
#include "sqlite.h"

#include <algorithm>
#include <chrono>

#include <cstdio>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

int insertClaims(const char* path, std::int64_t count) {
    auto project = Project::open(path);
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().message.c_str());
        return 1;
    }
    auto articles = project->articles();
    if (!articles || articles->empty()) {
        std::fprintf(stderr, "the project needs articles to anchor claims in\n");
        return 1;
    }
    // The same claims bench_storage.py writes to CSV for the shell: see claim_row() there.
    std::vector<NewClaim> claims;
    claims.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i) {
        const Article& article = (*articles)[static_cast<std::size_t>(i) % articles->size()];
        const std::int64_t start = (i * 7) % (article.length - 20);
        NewClaim claim{article.id, CodePointRange{start, start + 12}, {}};
        claim.fields.value = static_cast<double>(i % 1000) * 1e6;
        claim.fields.unit = "cameras";
        claim.fields.metric = "Metric " + std::to_string(i % 100);
        claim.fields.source = "Source " + std::to_string(i % 50);
        claim.fields.asOf = "2020";
        claims.push_back(std::move(claim));
    }
    auto ids = project->addClaims(claims);
    if (!ids) {
        std::fprintf(stderr, "%s\n", ids.error().message.c_str());
        return 1;
    }
    return 0;
}

int extractSpeed(const char* path) {
    auto text = readArticleFile(path);
    if (!text) {
        std::fprintf(stderr, "%s\n", text.error().message.c_str());
        return 1;
    }
    std::vector<double> seconds;
    std::size_t figures = 0;
    for (int run = 0; run < 5; ++run) {
        const auto begin = std::chrono::steady_clock::now();
        figures = extractFigures(*text).size();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double mb = static_cast<double>(text->size()) / 1e6;
    std::printf("extract: %.1f MB in %.3f s (median of 5): %.1f MB/s, %zu figures\n", mb, seconds[2],
                mb / seconds[2], figures);
    return 0;
}

template <typename Work>
double medianMilliseconds(Work work) {
    std::vector<double> ms;
    for (int run = 0; run < 21; ++run) {
        const auto begin = std::chrono::steady_clock::now();
        work();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// Each query through Project::search (parse, rank, snippets; the 20 best), against the obvious way
// without an index: every article's text scanned with LIKE for each word (all matches, which ranking needs).
int searchSpeed(const char* path) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().message.c_str());
        return 1;
    }
    sqlite::Connection scan(path, sqlite::Connection::Access::ReadOnly, 1000);
    const std::vector<std::pair<std::string, std::string>> queries{
        {"railways", "text LIKE '%railways%'"},
        {"railways announced", "text LIKE '%railways%' AND text LIKE '%announced%'"},
        {"\"cameras along roads\"", "text LIKE '%cameras along roads%'"},
        {"rail*", "text LIKE '%rail%'"},
        {"report 2538", "text LIKE '%report%' AND text LIKE '%2538%'"},
        {"spending -railways", "text LIKE '%spending%' AND text NOT LIKE '%railways%'"},
        {"cameras publisher:nobody", "text LIKE '%cameras%' AND publisher = 'nobody'"},
    };
    std::printf("| query | search | found | LIKE scan | ratio |\n|---|---|---|---|---|\n");
    for (const auto& [query, like] : queries) {
        std::size_t found = 0;
        const double ours = medianMilliseconds([&] { found = project->search(query, 20)->size(); });
        const double naive = medianMilliseconds([&] {
            sqlite::Statement select(scan, "SELECT id FROM article WHERE " + like);
            while (select.step()) {
            }
        });
        std::printf("| `%s` | %.2f ms | %zu | %.1f ms | %.0fx |\n", query.c_str(), ours, found, naive,
                    naive / ours);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "insert-claims")
        return insertClaims(argv[2], std::stoll(argv[3]));
    if (argc == 3 && std::string(argv[1]) == "extract")
        return extractSpeed(argv[2]);
    if (argc == 3 && std::string(argv[1]) == "search")
        return searchSpeed(argv[2]);
    std::fprintf(stderr, "usage: claimtrack-bench insert-claims PROJECT N | extract FILE | search PROJECT\n");
    return 2;
}
