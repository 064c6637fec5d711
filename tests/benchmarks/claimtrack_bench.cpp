// claimtrack-bench: the parts of the storage benchmark that have no command
// of their own. Driven by tests/benchmarks/bench_storage.py, which times it
// against the sqlite3 shell doing the same work.
//
//   claimtrack-bench insert-claims PROJECT N   record N claims in one transaction
//   claimtrack-bench extract FILE              figures found per second in a large text (median of 5 runs)
//   claimtrack-bench search PROJECT            search times (median of 21 runs each), against a LIKE scan
//   claimtrack-bench filters PROJECT           every search filter alone and combined (median of 21 runs
//   each),
//                                              against the per-article check the search used before
#include "figures.h"
#include "files.h"
#include "project.h"
#include "sqlite.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>

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

// Gives a benchmark project (claimtrack-bench insert-claims) what its filters can find: publishers and
// dates on its articles, statuses and a tag on some of its claims. Done once; the project is a copy.
void varyProject(sqlite::Connection& db) {
    if (db.queryInteger("SELECT count(*) FROM tag") > 0)
        return;
    db.exec(R"sql(
        BEGIN;
        UPDATE article SET publisher = 'Daily ' || (id % 20), published = (2000 + id % 25) || '-06-01';
        UPDATE claim SET status = 'supported' WHERE id % 13 = 0;
        UPDATE claim SET status = 'refuted' WHERE id % 1009 = 0;
        INSERT INTO tag (name) VALUES ('checked');
        INSERT INTO claim_tag (claim_id, tag_id) SELECT id, 1 FROM claim WHERE id % 50 = 0;
        COMMIT;)sql");
}

// The claim filters as the search checked them before: for each article, does one of its claims match?
// SQLite answered that by walking the claims of the filter's source or metric once per article.
std::string perArticleCheck(const std::string& claimCondition) {
    return "SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM claim c WHERE c.article_id = a.id AND " +
           claimCondition + ") ORDER BY a.published DESC, a.id LIMIT 20";
}

int filterSpeed(const char* path) {
    {
        if (auto upgraded = Project::open(path); !upgraded) {  // to the current schema and its indexes
            std::fprintf(stderr, "%s\n", upgraded.error().message.c_str());
            return 1;
        }
        sqlite::Connection db(path, sqlite::Connection::Access::ReadWrite, 1000);
        varyProject(db);
    }
    auto project = Project::open(path, Project::Access::ReadOnly);
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().message.c_str());
        return 1;
    }
    // The per-article check runs on a copy with the indexes it had (schema 4).
    const std::string beforePath = std::string(path) + ".schema4";
    std::filesystem::copy_file(path, beforePath, std::filesystem::copy_options::overwrite_existing);
    {
        sqlite::Connection copy(beforePath, sqlite::Connection::Access::ReadWrite, 1000);
        copy.exec(
            "DROP INDEX claim_by_metric; DROP INDEX claim_by_source; DROP INDEX claim_by_article_status; "
            "DROP INDEX IF EXISTS article_by_date; DROP INDEX IF EXISTS claim_by_status; "
            "CREATE INDEX claim_by_metric ON claim(metric_id); CREATE INDEX claim_by_source ON "
            "claim(source_id)");
    }
    sqlite::Connection before(beforePath, sqlite::Connection::Access::ReadOnly, 1000);
    // The per-article check gives up after 10 s: it took minutes on some filters.
    const auto started = std::make_shared<std::chrono::steady_clock::time_point>();
    sqlite3_progress_handler(
        before.handle(), 100000,
        [](void* start) {
            const auto since = std::chrono::steady_clock::now() -
                               *static_cast<std::chrono::steady_clock::time_point*>(start);
            return since > std::chrono::seconds(10) ? 1 : 0;
        },
        started.get());
    const std::vector<std::pair<std::string, std::string>> queries{
        {"publisher:\"Daily 7\"", ""},
        {"since:2020", ""},
        {"until:2003", ""},
        {"source:\"Source 7\"", "c.source_id = (SELECT id FROM source WHERE name = 'Source 7')"},
        {"metric:\"Metric 42\"", "c.metric_id = (SELECT id FROM metric WHERE name = 'Metric 42')"},
        {"tag:checked", "EXISTS (SELECT 1 FROM claim_tag ct WHERE ct.claim_id = c.id AND ct.tag_id = 1)"},
        {"status:unverified", "c.status = 'unverified'"},
        {"status:supported", "c.status = 'supported'"},
        {"status:refuted", "c.status = 'refuted'"},
        {"cameras", ""},
        {"\"cameras along roads\"", ""},
        {"metric:\"Metric 42\" cameras", ""},
        {"status:unverified cameras", ""},
        {"status:supported cameras", ""},
        {"status:refuted cameras", ""},
        {"publisher:\"Daily 7\" cameras", ""},
        {"since:2020 cameras", ""},
        {"tag:checked cameras", ""},
        {"source:\"Source 7\" railways", ""},
        {"source:\"Source 42\" metric:\"Metric 42\"", ""},
        {"source:\"Source 7\" metric:\"Metric 42\"", ""},
        {"source:\"Source 7\" status:supported since:2010", ""},
        {"tag:checked status:refuted", ""},
        {"publisher:\"Daily 2\" source:\"Source 42\" metric:\"Metric 42\" tag:checked status:unverified "
         "since:2001 until:2024 cameras",
         ""},
    };
    std::printf("| query | search | found | per-article check before | ratio |\n|---|---|---|---|---|\n");
    for (const auto& [query, condition] : queries) {
        std::size_t found = 0;
        const double ours = medianMilliseconds([&] {
            auto hits = project->search(query, 20);
            found = hits ? hits->size() : 0;
        });
        if (condition.empty()) {
            std::printf("| `%s` | %.2f ms | %zu | | |\n", query.c_str(), ours, found);
            continue;
        }
        // Once, not 21 times: it is the slow one.
        *started = std::chrono::steady_clock::now();
        bool gaveUp = false;
        try {
            sqlite::Statement select(before, perArticleCheck(condition));
            while (select.step()) {
            }
        } catch (const sqlite::Failure&) {
            gaveUp = true;
        }
        const double old =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - *started).count();
        if (gaveUp)
            std::printf("| `%s` | %.2f ms | %zu | over 10 s (stopped) | over %.0fx |\n", query.c_str(), ours,
                        found, old / ours);
        else
            std::printf("| `%s` | %.2f ms | %zu | %.1f ms | %.0fx |\n", query.c_str(), ours, found, old,
                        old / ours);
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
    if (argc == 3 && std::string(argv[1]) == "filters")
        return filterSpeed(argv[2]);
    std::fprintf(stderr, "usage: claimtrack-bench insert-claims PROJECT N | extract FILE | search PROJECT | "
                         "filters PROJECT\n");
    return 2;
}
