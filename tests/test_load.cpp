// Many researchers on one project at once: ten processes (tests/load_worker.cpp) each record claims and edit
// others' claims, on a file and (in the storage suite's server run) on a PostgreSQL server. Every write a
// process was told succeeded is there afterwards, every edit was made on the claim as its process read it
// (none undid another unseen), and every write refused was refused with a reason.
#include "project.h"
#include "project_support.h"
#include "test_support.h"

#include <QProcess>
#include <QStringList>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

constexpr int kWorkers = 10;
constexpr int kClaimsEach = 60;

struct Edit {
    std::int64_t claim;
    std::string note, read;
};

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> parts;
    std::istringstream in(line);
    std::string part;
    while (std::getline(in, part, '\t'))
        parts.push_back(part);
    return parts;
}

}  // namespace

TEST(Load, TenProcessesRecordAndEditAtOnceAndLoseNothing) {
    TempDir dir;
    const std::string location = projectLocation(dir, "load.claims").string();
    {
        auto project = Project::create(location);
        ASSERT_TRUE(project) << project.error().message;
        for (int i = 0; i < 3; ++i)
            ASSERT_TRUE(project->importArticle(
                fmt::format("Article {}: the city counted its cameras again this year, street by street, and "
                            "the total rose on every count that the officials and the researchers made.",
                            i),
                {}, fmt::format("a{}.txt", i)));
    }

    std::vector<std::unique_ptr<QProcess>> workers;
    for (int w = 1; w <= kWorkers; ++w) {
        workers.push_back(std::make_unique<QProcess>());
        workers.back()->start(
            QStringLiteral(CLAIMTRACK_LOAD_WORKER),
            {QString::fromStdString(location), QString::number(w), QString::number(kClaimsEach)});
    }
    std::map<std::int64_t, double> recorded;
    std::vector<Edit> edits;
    std::size_t refused = 0, stale = 0;
    for (auto& worker : workers) {
        ASSERT_TRUE(worker->waitForFinished(180000)) << "a worker did not finish";
        EXPECT_EQ(worker->exitCode(), 0) << worker->readAllStandardError().toStdString();
        std::istringstream out(worker->readAllStandardOutput().toStdString());
        std::string line;
        bool done = false;
        while (std::getline(out, line)) {
            const auto parts = fields(line);
            ASSERT_GE(parts.size(), 2u) << line;
            if (parts[0] == "claim") {
                recorded[std::stoll(parts[1])] = std::stod(parts[2]);
            } else if (parts[0] == "edit") {
                edits.push_back({std::stoll(parts[1]), parts[2], parts.size() > 3 ? parts[3] : ""});
            } else if (parts[0] == "refused") {
                ASSERT_EQ(parts.size(), 4u) << line;
                EXPECT_FALSE(parts[3].empty()) << "a refusal says why: " << line;
                ++refused;
                if (parts[2] == "stale") {
                    ++stale;
                    EXPECT_NE(parts[3].find("was changed by worker-"), std::string::npos) << line;
                }
            } else {
                done = parts[0] == "done";
            }
        }
        EXPECT_TRUE(done) << "a worker stopped before its end";
    }

    auto project = Project::open(location, Project::Access::ReadOnly);
    ASSERT_TRUE(project) << project.error().message;
    std::vector<std::int64_t> ids;
    for (const auto& [id, value] : recorded)
        ids.push_back(id);
    const auto claims = project->claimsById(ids);
    ASSERT_TRUE(claims) << claims.error().message;
    ASSERT_EQ(claims->size(), recorded.size()) << "every claim acknowledged is there";
    for (const ClaimRecord& claim : *claims)
        EXPECT_EQ(claim.fields.value, recorded[claim.id]) << "claim " << claim.id;
    EXPECT_EQ(project->claims()->size(), recorded.size()) << "and nothing else";

    // Each edit saved is in its claim's history, changing the note it was made on: had another's change
    // come in between unseen, the note changed would not be the one read.
    for (const Edit& edit : edits) {
        const auto history = project->history({"claim", edit.claim});
        ASSERT_TRUE(history);
        const auto entry = std::find_if(history->begin(), history->end(), [&](const HistoryEntry& e) {
            return e.field == "note" && e.after == edit.note;
        });
        ASSERT_NE(entry, history->end()) << "edit of claim " << edit.claim << " to \"" << edit.note << "\"";
        EXPECT_EQ(entry->before, edit.read) << "claim " << edit.claim;
    }
    EXPECT_EQ(recorded.size(), static_cast<std::size_t>(kWorkers * kClaimsEach))
        << "recording a claim is refused for nothing another does (a metric made by two at once was)";
    EXPECT_EQ(refused, stale) << "an edit is refused only for a change made after it read the claim";
    EXPECT_GT(edits.size(), static_cast<std::size_t>(kWorkers * kClaimsEach / 4));
    std::printf("%zu claims, %zu edits saved, %zu refused (%zu as changed meanwhile)\n", recorded.size(),
                edits.size(), refused, stale);
}
