// claimtrack-bench: the parts of the storage benchmark that have no command
// of their own. Driven by tests/benchmarks/bench_storage.py, which times it
// against the sqlite3 shell doing the same work.
//
//   claimtrack-bench insert-claims PROJECT N   record N claims in one transaction
//   claimtrack-bench edit-claims PROJECT N     change N claims, each its own transaction, as the app does
//   claimtrack-bench extract FILE              figures found per second in a large text (median of 5 runs)
//   claimtrack-bench worst-cases               the finder on generated worst cases, in MB/s against ordinary
//                                              prose; fails when any is below 1 MB/s
//   claimtrack-bench search PROJECT            search times (median of 21 runs each), against a LIKE scan
//   claimtrack-bench filters PROJECT           every search filter alone and combined (median of 21 runs
//   each),
//                                              against the per-article check the search used before
//   claimtrack-bench read-claim PROJECT        what Ctrl+E reads on a claim's words, with the metric
//   proposals
//   claimtrack-bench carry N                   carrying claims to new versions on N edited articles
//                                              (tests/versions_edits.h), against re-anchoring on the
//                                              quote's first occurrence
//   claimtrack-bench claim-filter PROJECT      the claim table's filter and the whole cross-check, against
//                                              the queries they ran before
#include "figures.h"
#include "files.h"
#include "project.h"
#include "sqlite.h"
#include "versions_edits.h"

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

// Changes N claims one at a time, each change its own transaction as in the app, and prints the time.
int editClaims(const char* path, std::int64_t count) {
    auto project = Project::open(path);
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().message.c_str());
        return 1;
    }
    auto claims = project->claims();
    if (!claims || claims->empty()) {
        std::fprintf(stderr, "the project needs claims to edit\n");
        return 1;
    }
    const auto begin = std::chrono::steady_clock::now();
    for (std::int64_t i = 0; i < count; ++i) {
        const ClaimRecord& claim = (*claims)[static_cast<std::size_t>(i) % claims->size()];
        ClaimFields fields = claim.fields;
        fields.value = static_cast<double>(i) + 0.5;
        fields.status = i % 2 ? ClaimStatus::Supported : ClaimStatus::Disputed;
        if (auto updated = project->updateClaim(claim.id, fields); !updated) {
            std::fprintf(stderr, "%s\n", updated.error().message.c_str());
            return 1;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    std::printf("%lld edits in %.3f s: %.1f us an edit\n", static_cast<long long>(count), seconds,
                seconds / static_cast<double>(count) * 1e6);
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

// Inputs no article should contain but a pasted table or a broken page can: each must be read in time
// linear in its length, at 1 MB/s or more.
int worstCases() {
    std::uint32_t seed = 12345;
    const auto next = [&seed](std::uint32_t below) {
        seed = seed * 1664525u + 1013904223u;  // a fixed sequence: the same inputs every run
        return (seed >> 8) % below;
    };
    const auto repeat = [](std::size_t size, const auto& piece) {
        std::string text;
        while (text.size() < size)
            text += piece();
        return text;
    };
    const std::size_t mb2 = 2'000'000;
    const char* prose[] = {"The ministry counted ",     "about 1.2 million cameras ",
                           "in 2018, and officials ",   "expect 626 million by 2020 ",
                           "according to IHS Markit. ", "Critics said "};
    const std::vector<std::pair<std::string, std::string>> cases{
        {"ordinary prose, sentences and lines (the baseline)",
         repeat(mb2, [&] { return std::string(prose[next(6)]) + (next(8) == 0 ? "\n" : ""); })},
        {"digits joined by . , - without spaces",
         repeat(mb2, [&] { return std::string(1, static_cast<char>('0' + next(10))) + ".,-"[next(3)]; })},
        {"a comma-separated list of numbers",
         repeat(mb2, [&] { return std::to_string(next(100000)) + ", "; })},
        {"prose without sentence ends", repeat(mb2,
                                               [&] {
                                                   std::string piece = prose[next(6)];
                                                   std::erase(piece, '.');
                                                   return piece;
                                               })},
        {"one 10 MB line of sentences", repeat(5 * mb2, [&] { return std::string(prose[next(6)]); })},
        // Each asked the words around it whether it is a ratio or a yen amount: once the whole line, which
        // took 31 s for 200 KB of "¥12".
        {"a line of times, ratios and yen amounts",
         repeat(mb2,
                [&] {
                    return std::to_string(next(24)) + ":" + std::to_string(10 + next(50)) + " \u00A5" +
                           std::to_string(next(1000)) + " " + std::to_string(next(9) + 1) + ":1 ";
                })},
        {"punctuation only", repeat(mb2, [&] { return std::string(1, "!?.,;:-()[]{}\"'/&%$#*"[next(22)]); })},
        {"runs of number words", repeat(mb2,
                                        [&] {
                                            const char* words[] = {"one ",      "two ",     "hundred ",
                                                                   "thousand ", "million ", "and ",
                                                                   "twenty-"};
                                            return std::string(words[next(7)]);
                                        })},
        {"deeply nested quotes and brackets", repeat(mb2,
                                                     [&] {
                                                         std::string open(20, '('), close(20, ')');
                                                         return open + "\"[{'" + std::to_string(next(1000)) +
                                                                " million'}]\"" + close + " ";
                                                     })},
    };
    std::printf("| input | size | median of 3 | MB/s | against prose |\n|---|---|---|---|---|\n");
    double baseline = 0;
    bool slow = false;
    for (const auto& [name, text] : cases) {
        std::vector<double> seconds;
        for (int run = 0; run < 3; ++run) {
            const auto begin = std::chrono::steady_clock::now();
            const std::size_t found = extractFigures(text).size();
            seconds.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count());
            static_cast<void>(found);
        }
        std::sort(seconds.begin(), seconds.end());
        const double mb = static_cast<double>(text.size()) / 1e6, rate = mb / seconds[1];
        if (baseline == 0)
            baseline = rate;
        slow = slow || rate < 1.0;
        std::printf("| %s | %.1f MB | %.2f s | %.1f | %.2fx |\n", name.c_str(), mb, seconds[1], rate,
                    rate / baseline);
    }
    if (slow)
        std::fprintf(stderr, "worst-cases: an input was read at less than 1 MB/s\n");
    return slow ? 1 : 0;
}

template <typename Work>
double medianMilliseconds(Work work, int runs = 21) {
    std::vector<double> ms;
    for (int run = 0; run < runs; ++run) {
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
    std::printf(
        "| query | search | with the total (the search pane's) | found | total | LIKE scan | ratio |\n"
        "|---|---|---|---|---|---|---|\n");
    for (const auto& [query, like] : queries) {
        std::size_t found = 0, total = 0;
        const double ours = medianMilliseconds([&] { found = project->search(query, 20)->size(); });
        const double counted = medianMilliseconds([&] { (void)project->search(query, 20, &total); });
        const double naive = medianMilliseconds([&] {
            sql::Statement select(scan, "SELECT id FROM article WHERE " + like);
            while (select.step()) {
            }
        });
        std::printf("| `%s` | %.2f ms | %.2f ms | %zu | %zu | %.1f ms | %.0fx |\n", query.c_str(), ours,
                    counted, found, total, naive, naive / ours);
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
            sql::Statement select(before, perArticleCheck(condition));
            while (select.step()) {
            }
        } catch (const sql::Failure&) {
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

// What Ctrl+E reads on a claim's words (the figure, its fields and the metric proposals), for 21 claims
// spread over the project: the median and the slowest.
int readClaimSpeed(const std::string& path) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    if (!project)
        return std::fprintf(stderr, "%s\n", project.error().message.c_str()), 1;
    sqlite::Connection db(path, sqlite::Connection::Access::ReadOnly, 1000);
    sql::Statement last(db, "SELECT coalesce(max(id), 0) FROM claim");
    last.step();
    const std::int64_t count = last.integer(0);
    std::vector<double> times;
    for (std::int64_t i = 0; i < 21; ++i) {
        const auto claim = project->claim(1 + i * (count / 21));
        if (!claim)
            continue;
        const auto begin = std::chrono::steady_clock::now();
        if (!project->readClaimAt(claim->articleId, claim->anchor.range))
            return 1;
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
    }
    if (times.empty())
        return std::fprintf(stderr, "no claims in %s\n", path.c_str()), 1;
    std::sort(times.begin(), times.end());
    std::printf("reading a claim's words for the editor, %zu claims: median %.1f ms, slowest %.1f ms\n",
                times.size(), times[times.size() / 2], times.back());
    return 0;
}

// The claim table's filter box: how long the ids of the matching claims take for filters that match
// everything, a common word, a name, and nothing (median of 5 runs each), against the query it ran
// before; and the cross-check of every metric, against reading the figures the way it did before.
int claimFilterSpeed(const std::string& path) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    if (!project)
        return std::fprintf(stderr, "%s\n", project.error().message.c_str()), 1;
    sqlite::Connection db(path, sqlite::Connection::Access::ReadOnly, 1000);
    // The slow ones, the queries run before, are timed once.
    const auto readAll = [&](const std::string& sql, const std::string& bound) {
        return medianMilliseconds(
            [&] {
                sql::Statement select(db, sql);
                if (!bound.empty())
                    select.bind(1, bound);
                while (select.step()) {
                }
            },
            1);
    };
    // A failed query ends the benchmark, saying why.
    const auto orExit = [](auto result) {
        if (!result) {
            std::fprintf(stderr, "%s\n", result.error().message.c_str());
            std::exit(1);
        }
        return std::move(*result);
    };
    std::printf("| filter | claims matching | median | the previous query, same run | ratio |\n"
                "|---|---|---|---|---|\n");
    for (const char* text : {"e", "surveil", "Source 12", "Metric 7", "nothing like it"}) {
        ClaimQuery query;
        query.text = text;
        std::size_t matching = 0;
        const double now = medianMilliseconds([&] { matching = orExit(project->claimIds(query)).size(); }, 5);
        // The query the filter ran before: metric, source and tags joined to every claim, read in article
        // order through the index.
        const double old = readAll(R"sql(
            SELECT c.id FROM claim c LEFT JOIN metric m ON m.id = c.metric_id LEFT JOIN source s ON s.id = c.source_id
            WHERE (c.quote LIKE ?1 ESCAPE '\' OR m.name LIKE ?1 ESCAPE '\' OR s.name LIKE ?1 ESCAPE '\'
                   OR c.note LIKE ?1 ESCAPE '\' OR EXISTS (SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
                                                         WHERE ct.claim_id = c.id AND t.name LIKE ?1 ESCAPE '\'))
            ORDER BY c.article_id, c.start, c.id)sql",
                                   "%" + std::string(text) + "%");
        std::printf("| `%s` | %zu | %.0f ms | %.0f ms | %.1fx |\n", text, matching, now, old, old / now);
    }
    // The cross-check of every metric, and reading every claim's figure as it did before (through
    // claim_by_metric, a lookup a claim).
    std::size_t conflicts = 0;
    const double check =
        medianMilliseconds([&] { conflicts = orExit(project->conflicts()).conflicts.size(); }, 3);
    const double old =
        readAll("SELECT id, metric_id, coalesce(source_id, 0), value, low, high, approximate, "
                "coalesce(unit, ''), coalesce(as_of, '') FROM claim WHERE metric_id IS NOT NULL "
                "ORDER BY metric_id, id",
                {});
    std::printf("\ncross-check of every metric: %zu conflicts in %.0f ms (median of 3); reading the figures "
                "through claim_by_metric alone, as before: %.0f ms\n",
                conflicts, check, old);
    return 0;
}

// What became of the claims of N edited articles, carried by VersionDiff and by the quote's first exact
// occurrence (what web annotators do), and how long each took.
int carrySpeed(std::int64_t cases) {
    using test::EditCaseBuilder;
    using test::Expected;
    struct Tally {
        std::int64_t right = 0, wrongPlace = 0, figureMissed = 0, orphanMissed = 0, lost = 0;
        double seconds = 0;
    };
    Tally diffed, naive;
    std::int64_t claims = 0, changed = 0, gone = 0;
    std::mt19937 random(1);
    for (std::int64_t i = 0; i < cases; ++i) {
        const test::EditCase edit = EditCaseBuilder::make(random);
        const CodePointIndex older(edit.before), newer(edit.after);
        const auto judge = [&](Tally& tally, const test::EditedClaim& claim, bool carried, bool flagged,
                               CodePointRange range) {
            if (claim.expected == Expected::Carried)
                ++(carried && range == claim.after ? tally.right : carried ? tally.wrongPlace : tally.lost);
            else if (claim.expected == Expected::FigureChanged)
                ++(flagged ? tally.right : carried ? tally.figureMissed : tally.lost);
            else
                ++(!carried && !flagged ? tally.right : tally.orphanMissed);
        };
        auto start = std::chrono::steady_clock::now();
        const VersionDiff diff(older, newer);
        std::vector<Carry> carries;
        for (const test::EditedClaim& claim : edit.claims)
            carries.push_back(diff.carry(claim.before));
        diffed.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        start = std::chrono::steady_clock::now();
        std::vector<Result<Anchor>> found;
        for (const test::EditedClaim& claim : edit.claims)
            found.push_back(findQuote(newer, older.slice(claim.before)));
        naive.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        for (std::size_t k = 0; k < edit.claims.size(); ++k) {
            const test::EditedClaim& claim = edit.claims[k];
            ++claims;
            changed += claim.expected == Expected::FigureChanged;
            gone += claim.expected == Expected::Orphaned;
            judge(diffed, claim, carries[k].carried(), carries[k].kind == CarryKind::FigureChanged,
                  carries[k].range);
            judge(naive, claim, found[k].has_value(), false, found[k] ? found[k]->range : CodePointRange{});
        }
    }
    std::printf(
        "%lld edited articles, %lld claims: %lld unchanged, %lld with a changed figure, %lld whose words "
        "went\n\n",
        static_cast<long long>(cases), static_cast<long long>(claims),
        static_cast<long long>(claims - changed - gone), static_cast<long long>(changed),
        static_cast<long long>(gone));
    std::printf("| carried by | right | moved onto the wrong words | changed figure carried silently | gone "
                "words carried | unchanged or changed claim lost | time an article "
                "|\n|---|---|---|---|---|---|---|\n");
    for (const auto& [name, tally] :
         {std::pair{"word diff (VersionDiff)", diffed}, std::pair{"quote's first occurrence", naive}})
        std::printf("| %s | %lld (%.1f%%) | %lld | %lld | %lld | %lld | %.1f us |\n", name,
                    static_cast<long long>(tally.right),
                    100.0 * static_cast<double>(tally.right) / static_cast<double>(claims),
                    static_cast<long long>(tally.wrongPlace), static_cast<long long>(tally.figureMissed),
                    static_cast<long long>(tally.orphanMissed), static_cast<long long>(tally.lost),
                    tally.seconds / static_cast<double>(cases) * 1e6);
    return diffed.right == claims ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "insert-claims")
        return insertClaims(argv[2], std::stoll(argv[3]));
    if (argc == 4 && std::string(argv[1]) == "edit-claims")
        return editClaims(argv[2], std::stoll(argv[3]));
    if (argc == 3 && std::string(argv[1]) == "carry")
        return carrySpeed(std::stoll(argv[2]));
    if (argc == 2 && std::string(argv[1]) == "worst-cases")
        return worstCases();
    if (argc == 3 && std::string(argv[1]) == "extract")
        return extractSpeed(argv[2]);
    if (argc == 3 && std::string(argv[1]) == "search")
        return searchSpeed(argv[2]);
    if (argc == 3 && std::string(argv[1]) == "filters")
        return filterSpeed(argv[2]);
    if (argc == 3 && std::string(argv[1]) == "read-claim")
        return readClaimSpeed(argv[2]);
    if (argc == 3 && std::string(argv[1]) == "claim-filter")
        return claimFilterSpeed(argv[2]);
    std::fprintf(stderr,
                 "usage: claimtrack-bench insert-claims PROJECT N | edit-claims PROJECT N | extract "
                 "FILE | search PROJECT | "
                 "filters PROJECT | read-claim PROJECT | claim-filter PROJECT | worst-cases | carry N\n");
    return 2;
}
