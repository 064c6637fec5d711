// claimtrack-load-worker: one researcher of the load test (tests/test_load.cpp, and at full size
// tests/benchmarks/load_test.py), run as one of many processes at once on one project.
//
//   claimtrack-load-worker PROJECT WORKER CLAIMS
//
// Records CLAIMS claims on the project's articles, each its own transaction as the app records them, under
// the user "worker-WORKER"; after each, edits another worker's claim as the app's editor does: reads its
// version and fields, takes a moment, and saves a note based on that version. Half of the edits go to the
// project's first claims, which every worker edits, so that edits meet. Writes to standard output, as it
// happens, one line per acknowledged write or refusal, its fields separated by tabs:
//   claim ID VALUE            recorded, with this value
//   edit ID NOTE READ         saved, made on the claim as read with the note READ
//   refused ID CODE MESSAGE   not saved (ID 0: a claim not recorded), and why
//   back TIME                 connected again after the connection to a server was lost (CODE "lost"), at
//                             TIME in seconds since 1970; it tries every 20 ms, for a minute at the most
// and finally "done SECONDS". Exits 0 when every write was either acknowledged or refused with a reason.
#include "project.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

using namespace claimtrack;

namespace {

constexpr std::int64_t kHotClaims = 20;  // the first claims, which every worker edits

const char* codeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Stale:
        return "stale";
    case ErrorCode::Busy:
        return "busy";
    case ErrorCode::NotFound:
        return "not-found";
    case ErrorCode::Io:
        return "lost";
    default:
        return "other";
    }
}

// After a refusal: when the connection to the server was lost, waits until it is back.
bool connectedAgain(Project& project, const Error& refusal) {
    if (refusal.code != ErrorCode::Io)
        return true;
    for (int attempt = 0; attempt < 3000; ++attempt) {
        if (project.reconnectIfLost()) {
            const auto now = std::chrono::system_clock::now().time_since_epoch();
            std::printf("back\t%.3f\n", std::chrono::duration<double>(now).count());
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: claimtrack-load-worker PROJECT WORKER CLAIMS\n");
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line out as it happens: a killed worker's count stands
    const std::string location = argv[1];
    const int worker = std::stoi(argv[2]);
    const std::int64_t count = std::stoll(argv[3]);
    auto project = Project::open(location, Project::Access::ReadWrite, 30000);
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().message.c_str());
        return 1;
    }
    const std::string user = "worker-" + std::to_string(worker);
    const std::string source = "Worker " + std::to_string(worker);
    if (!project->setUserName(user))
        return 1;
    const auto articles = project->articles();
    if (!articles || articles->empty()) {
        std::fprintf(stderr, "the project needs articles to annotate\n");
        return 1;
    }
    std::mt19937_64 random(static_cast<std::uint64_t>(worker) * 7919U + 1U);
    const auto started = std::chrono::steady_clock::now();
    std::int64_t lastId = 0;
    bool allAccounted = true;
    for (std::int64_t i = 0; i < count; ++i) {
        const Article& article = (*articles)[static_cast<std::size_t>(i) % articles->size()];
        const std::int64_t start = (i * 7 + worker) % std::max<std::int64_t>(1, article.length - 12);
        NewClaim claim{article.id, CodePointRange{start, start + 10}, {}};
        claim.fields.value = worker * 1000000.0 + static_cast<double>(i);
        claim.fields.unit = "cameras";
        claim.fields.metric = "Cameras counted under load";
        claim.fields.source = source;
        const auto id = project->addClaim(claim);
        if (id) {
            lastId = std::max(lastId, *id);
            std::printf("claim\t%lld\t%.0f\n", static_cast<long long>(*id), *claim.fields.value);
        } else {
            std::printf("refused\t0\t%s\t%s\n", codeName(id.error().code), id.error().message.c_str());
            allAccounted = allAccounted && !id.error().message.empty();
            if (!connectedAgain(*project, id.error()))
                return 1;
            continue;
        }

        // An edit of someone else's claim: a hot one or any recorded so far.
        const std::int64_t target = std::uniform_int_distribution<std::int64_t>(
            1, (i % 2 == 0) ? std::min(kHotClaims, std::max<std::int64_t>(1, lastId))
                            : std::max<std::int64_t>(1, lastId))(random);
        const auto version = project->claimVersion(target);
        auto before = project->claim(target);
        if (!version || !before) {
            if (!connectedAgain(*project, (version ? before.error() : version.error())))
                return 1;
            continue;
        }
        if (before->fields.source == source)
            continue;
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::uniform_int_distribution<int>(0, 2000)(random)));
        ClaimFields fields = before->fields;
        fields.note = user + " checked it at step " + std::to_string(i);
        const ClaimUpdate update{target, fields, *version};
        if (auto saved = project->updateClaims(std::span(&update, 1))) {
            std::printf("edit\t%lld\t%s\t%s\n", static_cast<long long>(target), fields.note.c_str(),
                        before->fields.note.c_str());
        } else {
            std::printf("refused\t%lld\t%s\t%s\n", static_cast<long long>(target),
                        codeName(saved.error().code), saved.error().message.c_str());
            allAccounted = allAccounted && !saved.error().message.empty();
            if (!connectedAgain(*project, saved.error()))
                return 1;
        }
    }
    std::printf("done\t%.3f\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return allAccounted ? 0 : 1;
}
