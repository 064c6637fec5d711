// A program with a project open learns that others changed it (Project::dataVersion, which the app asks a
// few times a second): on a file from SQLite's data version, on a server from the server's notices
// (LISTEN/NOTIFY). Runs on both.
#include "project.h"
#include "project_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

using Clock = std::chrono::steady_clock;

NewClaim cameraClaim(std::int64_t article, const char* quote, double value) {
    NewClaim claim{article, QuoteSelector{quote, 1}, {}};
    claim.fields.value = value;
    claim.fields.metric = "Cameras in China";
    claim.fields.source = "IHS Markit";
    claim.fields.tags = {"cameras", "forecast"};
    return claim;
}

// Asks `watcher` until its data version is no longer `before`, for at most two seconds; how long it took.
std::chrono::milliseconds untilChanged(Project& watcher, std::int64_t before) {
    const auto started = Clock::now();
    while (Clock::now() - started < std::chrono::seconds(2)) {
        const auto now = watcher.dataVersion();
        EXPECT_TRUE(now) << now.error().message;
        if (!now || *now != before)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
}

TEST(ChangesElsewhere, AnotherProgramsChangeIsSeenAtOnceAndOwnChangesAndReadingAreNot) {
    TempDir dir;
    const auto location = projectLocation(dir, "watched.claims");
    std::int64_t article = 0;
    {
        auto created = Project::create(location);
        ASSERT_TRUE(created) << created.error().message;
        article = created
                      ->importArticle("IHS Markit counted 176 million cameras and expects 626 million "
                                      "by 2020, or 450 million.\n",
                                      {}, "a.txt")
                      ->id;
    }
    auto watcher = Project::open(location);
    ASSERT_TRUE(watcher) << watcher.error().message;
    const std::int64_t start = *watcher->dataVersion();

    // Others opening the project and reading it change nothing; nor do the watcher's own changes.
    auto writer = Project::open(location);
    ASSERT_TRUE(writer) << writer.error().message;
    auto reader = Project::open(location, Project::Access::ReadOnly);
    ASSERT_TRUE(reader) << reader.error().message;
    ASSERT_TRUE(reader->claims() && reader->articles() && writer->claims());
    ASSERT_TRUE(watcher->addClaim(cameraClaim(article, "176 million", 176e6)));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // time for a notice to come, if one did
    EXPECT_EQ(*watcher->dataVersion(), start);

    // Another's change is seen within a tenth of a second (the app asks every 400 ms).
    ASSERT_TRUE(writer->addClaim(cameraClaim(article, "626 million", 626e6)));
    EXPECT_LT(untilChanged(*watcher, start).count(), 100);
    const std::int64_t afterOne = *watcher->dataVersion();
    EXPECT_NE(afterOne, start);

    // One transaction of many statements (two claims, each with its metric, source and tags).
    const std::vector<NewClaim> two{cameraClaim(article, "450 million", 450e6),
                                    cameraClaim(article, "626 million", 6.26e8)};
    ASSERT_TRUE(writer->addClaims(two));
    EXPECT_LT(untilChanged(*watcher, afterOne).count(), 100);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (projectsOnServer()) {  // the server sends one notice a transaction: the watcher counts them
        EXPECT_EQ(*watcher->dataVersion(), afterOne + 1);
    }
    EXPECT_EQ(watcher->claims()->size(), 4u);
    EXPECT_TRUE(watcher->connectionIsIdle());
}

}  // namespace
