// claimtrack-watch-bench PROJECT N: how soon a program with a project open learns that another changed it
// (Project::dataVersion, which the app asks every 400 ms), and what one ask costs when nothing changed.
//
// One connection changes a claim N times, a transaction each; after each, another asks its data version
// until it moves. Prints the median and slowest wait, and the median cost of an ask. On a server it also
// times the query the app asked before the server sent notices (the last history id and the article
// count), the alternative to listening. Driven by tests/benchmarks/bench_server.py.
#include "postgres.h"
#include "project.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace claimtrack;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double microsecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: claimtrack-watch-bench PROJECT N\n");
        return 2;
    }
    const std::string location = argv[1];
    const long count = std::stol(argv[2]);
    auto writer = Project::open(location);
    auto watcher = Project::open(location);
    if (!writer || !watcher) {
        std::fprintf(stderr, "%s\n", (writer ? watcher : writer).error().message.c_str());
        return 1;
    }
    const auto claims = writer->claims();
    if (!claims || claims->empty()) {
        std::fprintf(stderr, "the project needs claims to change\n");
        return 1;
    }
    std::vector<double> waits, asks;
    for (long i = 0; i < count; ++i) {
        std::int64_t before = *watcher->dataVersion();
        for (int ask = 0; ask < 5; ++ask) {  // nothing changed: what the app's timer pays
            const auto start = Clock::now();
            before = *watcher->dataVersion();
            asks.push_back(microsecondsSince(start));
        }
        const ClaimRecord& claim = (*claims)[static_cast<std::size_t>(i) % claims->size()];
        ClaimFields fields = claim.fields;
        fields.note = "seen " + std::to_string(i);
        if (auto updated = writer->updateClaim(claim.id, fields); !updated) {
            std::fprintf(stderr, "%s\n", updated.error().message.c_str());
            return 1;
        }
        const auto committed = Clock::now();
        while (*watcher->dataVersion() == before)
            if (microsecondsSince(committed) > 5e6) {
                std::fprintf(stderr, "a change was not seen within 5 s\n");
                return 1;
            }
        waits.push_back(microsecondsSince(committed));
    }
    std::printf("seen after: median %.3f ms, slowest %.3f ms; one ask: median %.1f us\n",
                median(waits) / 1000, *std::max_element(waits.begin(), waits.end()) / 1000, median(asks));
    if (postgres::isServerLocation(location)) {
        postgres::Connection polling(location);
        std::vector<double> queries;
        for (long i = 0; i < count * 5; ++i) {
            const auto start = Clock::now();
            polling.queryInteger("SELECT (SELECT coalesce(max(id), 0) FROM history) * 1000003 + "
                                 "(SELECT count(*) FROM article)");
            queries.push_back(microsecondsSince(start));
        }
        std::printf("the polling query instead: median %.1f us\n", median(queries));
    }
    return 0;
}
