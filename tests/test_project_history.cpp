// The history of every change (db/history.h): written in the change's own transaction, by whoever the
// connection says, never rewritten.
#include "project.h"
#include "project_support.h"
#include "schema.h"
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

class History : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(path);
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        ASSERT_TRUE(project->setUserName("ana"));
        article =
            project
                ->importArticle("In 2016 there were 176 million cameras, IHS Markit said. By 2020 there "
                                "may be 626 million.",
                                {}, "a.txt")
                ->id;
        NewClaim claim{article, QuoteSelector{"176 million", 1}, {}};
        claim.fields.value = 176e6;
        claim.fields.unit = "cameras";
        claim.fields.metric = "Cameras in China";
        claim.fields.source = "IHS Markit";
        claim.fields.tags = {"cameras"};
        cameras = *project->addClaim(claim);
    }

    std::vector<HistoryEntry> of(const std::string& entity, std::int64_t id) {
        auto entries = project->history({entity, id});
        EXPECT_TRUE(entries) << entries.error().message;
        return entries ? *entries : std::vector<HistoryEntry>{};
    }

    // "field: before → after" for each changed entry, "created"/"deleted" for the others.
    static std::vector<std::string> changes(const std::vector<HistoryEntry>& entries) {
        std::vector<std::string> lines;
        for (const HistoryEntry& e : entries)
            lines.push_back(e.change == "changed" ? e.field + ": " + e.before + " → " + e.after : e.change);
        return lines;
    }

    std::int64_t entityId(EntityKind kind, const std::string& name) {
        for (const Entity& e : *project->entities(kind))
            if (e.name == name)
                return e.id;
        return 0;
    }

    TempDir dir;
    std::filesystem::path path = projectLocation(dir, "history.claims");
    std::unique_ptr<Project> project;
    std::int64_t article = 0, cameras = 0;
};

}  // namespace

TEST_F(History, ARecordedClaimIsCreatedWithItsFieldsThenTagged) {
    const auto entries = of("claim", cameras);
    ASSERT_EQ(changes(entries), (std::vector<std::string>{"created", "tag:  → cameras"}));
    const HistoryEntry& created = entries.front();
    EXPECT_EQ(created.user, "ana");
    EXPECT_EQ(created.how, EditKind::Edit);
    EXPECT_EQ(created.label, "176 million");
    EXPECT_EQ(created.before, "");
    EXPECT_NE(created.after.find("value: 176000000"), std::string::npos) << created.after;
    EXPECT_NE(created.after.find("metric: Cameras in China"), std::string::npos) << created.after;
    EXPECT_NE(created.after.find("source: IHS Markit"), std::string::npos) << created.after;
    EXPECT_EQ(created.after.find("note"), std::string::npos) << "fields without a value are left out";
    EXPECT_EQ(created.at.size(), std::string("2026-12-01T14:30:41.511Z").size()) << created.at;
    EXPECT_EQ(created.entityUuid, project->claim(cameras)->uuid);
}

TEST_F(History, AnEditRecordsEachFieldItChangedAndNothingElse) {
    ClaimFields fields = project->claim(cameras)->fields;
    fields.value.reset();
    fields.low = 200e6;
    fields.source = "State media";
    fields.tags = {"forecast"};
    fields.status = ClaimStatus::Disputed;
    ASSERT_TRUE(project->updateClaim(cameras, fields));
    const auto entries = of("claim", cameras);
    // The fields one UPDATE changed come in no set order (SQLite runs a statement's triggers in its own).
    std::vector<std::string> recorded = changes(entries);
    ASSERT_EQ(recorded.size(), 8U);
    std::sort(recorded.begin() + 2, recorded.begin() + 6);
    EXPECT_EQ(recorded,
              (std::vector<std::string>{"created", "tag:  → cameras", "low:  → 200000000",
                                        "source: IHS Markit → State media", "status: unverified → disputed",
                                        "value: 176000000 → ", "tag: cameras → ", "tag:  → forecast"}));
    ASSERT_TRUE(project->updateClaim(cameras, fields));
    EXPECT_EQ(of("claim", cameras).size(), entries.size()) << "saving the same fields again changes nothing";
}

TEST_F(History, ARefusedChangeLeavesNoEntry) {
    const auto before = of("claim", cameras).size();
    ClaimFields fields = project->claim(cameras)->fields;
    fields.low = 300e6;
    fields.high = 100e6;  // below the low bound: refused
    ASSERT_FALSE(project->updateClaim(cameras, fields));
    EXPECT_EQ(of("claim", cameras).size(), before);
}

TEST_F(History, UndoIsRecordedAsAnUndoAndNothingIsRewritten) {
    const ClaimRecord deleted = *project->deleteClaim(cameras);
    ASSERT_TRUE(project->setEditKind(EditKind::Undo));
    ASSERT_TRUE(project->restoreClaim(deleted));
    ASSERT_TRUE(project->setEditKind(EditKind::Edit));
    const auto entries = of("claim", cameras);
    ASSERT_EQ(changes(entries), (std::vector<std::string>{"created", "tag:  → cameras", "deleted", "created",
                                                          "tag:  → cameras"}))
        << "the claim's tags went with it without an entry of their own";
    EXPECT_EQ(entries[2].how, EditKind::Edit);
    EXPECT_NE(entries[2].before.find("quote: 176 million"), std::string::npos) << entries[2].before;
    EXPECT_EQ(entries[3].how, EditKind::Undo);
    EXPECT_EQ(entries[4].how, EditKind::Undo);
}

TEST_F(History, PuttingAnEditedClaimBackRecordsTheFieldsItChanged) {
    const ClaimRecord before = *project->claim(cameras);
    ClaimFields fields = before.fields;
    fields.value = 200e6;
    ASSERT_TRUE(project->updateClaim(cameras, fields));
    ASSERT_TRUE(project->setEditKind(EditKind::Undo));
    ASSERT_TRUE(project->rewriteClaim(before));
    ASSERT_TRUE(project->setEditKind(EditKind::Edit));
    const auto entries = of("claim", cameras);
    EXPECT_EQ(changes(entries),
              (std::vector<std::string>{"created", "tag:  → cameras", "value: 176000000 → 200000000",
                                        "value: 200000000 → 176000000"}))
        << "the claim stays in place: not deleted and created again";
    EXPECT_EQ(entries.back().how, EditKind::Undo);
}

TEST_F(History, AClaimDeletedForGoodKeepsItsHistoryApartFromTheNextToTakeItsId) {
    ASSERT_TRUE(project->deleteClaim(cameras));
    NewClaim next{article, QuoteSelector{"626 million", 1}, {}};
    const auto id = project->addClaim(next);
    ASSERT_TRUE(id);
    if (projectsOnServer())
        EXPECT_GT(*id, cameras) << "a server never gives an id twice";
    else
        ASSERT_EQ(*id, cameras) << "SQLite gives the highest id again: the history must tell them apart";
    EXPECT_EQ(changes(of("claim", *id)), (std::vector<std::string>{"created"}));
    std::vector<std::string> labels;
    for (const HistoryEntry& entry : *project->history())
        if (entry.entity == "claim" && entry.change != "changed")
            labels.push_back(entry.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"176 million", "176 million", "626 million"}))
        << "a claim deleted for good is named by its last words";
}

TEST_F(History, SourcesMetricsAndVerdictsHaveTheirsToo) {
    const auto source = entityId(EntityKind::Source, "IHS Markit");
    ASSERT_TRUE(project->renameEntity(EntityKind::Source, source, "IHS"));
    EXPECT_EQ(changes(of("source", source)), (std::vector<std::string>{"created", "name: IHS Markit → IHS"}));
    EXPECT_EQ(of("source", source).front().label, "IHS") << "named as it is now";

    const auto metric = entityId(EntityKind::Metric, "Cameras in China");
    MetricDetails details;
    details.place = "China";
    details.tolerance = 0.1;
    ASSERT_TRUE(project->setMetricDetails(metric, details));
    auto metricChanges = changes(of("metric", metric));
    std::sort(metricChanges.begin() + 1, metricChanges.end());  // one statement's, in the triggers' order
    EXPECT_EQ(metricChanges, (std::vector<std::string>{"created", "place:  → China", "tolerance:  → 0.1"}));

    NewClaim other{article, QuoteSelector{"626 million", 1}, {}};
    other.fields.value = 626e6;
    other.fields.metric = "Cameras in China";
    ASSERT_TRUE(project->addClaim(other));
    const auto conflicts = project->conflicts();
    ASSERT_TRUE(conflicts);
    ASSERT_EQ(conflicts->conflicts.size(), 1u);
    const auto verdict = project->recordVerdict(conflicts->conflicts.front(), VerdictChoice::HigherSupported,
                                                "the newer count");
    ASSERT_TRUE(verdict) << verdict.error().message;
    const auto entries = of("verdict", verdict->verdict.id);
    ASSERT_EQ(changes(entries), (std::vector<std::string>{"created"}));
    EXPECT_NE(entries.front().after.find("note: the newer count"), std::string::npos)
        << entries.front().after;
    EXPECT_EQ(of("claim", cameras).back().field, "status") << "the verdict set the claims' statuses";
}

TEST_F(History, EachConnectionRecordsItsOwnUser) {
    auto other = Project::open(path);
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->setUserName("  ben "));
    EXPECT_EQ(*other->userName(), "ben");
    EXPECT_EQ(*project->userName(), "ana");
    ASSERT_FALSE(other->setUserName(" "));
    ClaimFields fields = other->claim(cameras)->fields;
    fields.note = "checked";
    ASSERT_TRUE(other->updateClaim(cameras, fields));
    fields.note = "checked twice";
    ASSERT_TRUE(project->updateClaim(cameras, fields));
    const auto entries = of("claim", cameras);
    ASSERT_GE(entries.size(), 2u);
    EXPECT_EQ(entries[entries.size() - 2].user, "ben");
    EXPECT_EQ(entries.back().user, "ana");

    auto reader = Project::open(path, Project::Access::ReadOnly);
    ASSERT_TRUE(reader);
    EXPECT_FALSE(reader->userName()) << "a reader records nothing";
    EXPECT_EQ(reader->history()->size(), project->history()->size()) << "but reads the history";
}

TEST_F(History, WithoutANameTheEnvironmentOrTheSystemUserIsRecorded) {
    ScopedEnv named("CLAIMTRACK_USER", "carla");
    auto other = Project::open(path);
    ASSERT_TRUE(other);
    EXPECT_EQ(*other->userName(), "carla");
    ScopedEnv unnamed("CLAIMTRACK_USER", nullptr);
    auto system = Project::open(path);
    ASSERT_TRUE(system);
    EXPECT_FALSE(system->userName()->empty());
    EXPECT_NE(*system->userName(), "carla");
}

TEST_F(History, AskingForWhatHasNoHistoryIsRefused) {
    EXPECT_EQ(project->history({"claim", 999}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(project->history({"article", 1}).error().code, ErrorCode::InvalidInput);
}

// An edit writes only the fields it changes: tags given in another order, a metric named in another case,
// are no change; a new note is one, and the search index follows it.
TEST_F(History, AnEditWritesOnlyTheFieldsItChanges) {
    ClaimFields fields = project->claim(cameras)->fields;
    fields.tags = {"surveillance", "cameras"};
    fields.note = "alpha";
    ASSERT_TRUE(project->updateClaim(cameras, fields));
    const std::size_t before = of("claim", cameras).size();
    fields.tags = {"cameras", "surveillance"};
    fields.metric = "CAMERAS IN CHINA";
    fields.note = "beta";
    ASSERT_TRUE(project->updateClaim(cameras, fields));
    const auto entries = of("claim", cameras);
    ASSERT_EQ(entries.size(), before + 1);
    EXPECT_EQ(changes(entries).back(), "note: alpha → beta");
    EXPECT_EQ(project->claim(cameras)->fields.metric, "Cameras in China");
    EXPECT_EQ(project->claim(cameras)->updatedAt.size(), std::string("2026-12-01T14:30:41.511Z").size());
    EXPECT_EQ(project->search("beta")->size(), 1U);
    EXPECT_TRUE(project->search("alpha")->empty());
    fields.tags = {"cameras"};
    ASSERT_TRUE(project->updateClaim(cameras, fields));
    EXPECT_EQ(changes(of("claim", cameras)).back(), "tag: surveillance → ");
    EXPECT_TRUE(project->search("tag:surveillance")->empty());
}

// Row versions: two people edit the same claim from what each read; the second save is refused, naming who
// changed what, and nothing of either is lost.
TEST_F(History, AnEditOfAClaimChangedSinceItWasReadIsRefusedWithWhoChangedWhat) {
    auto other = Project::open(path);
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->setUserName("ben"));
    const std::int64_t anasVersion = *project->claimVersion(cameras);
    const std::int64_t bensVersion = *other->claimVersion(cameras);
    EXPECT_GT(anasVersion, 0);
    EXPECT_EQ(anasVersion, bensVersion);
    ClaimFields anas = project->claim(cameras)->fields, bens = other->claim(cameras)->fields;

    anas.status = ClaimStatus::Disputed;
    const ClaimUpdate first{cameras, anas, anasVersion};
    ASSERT_TRUE(project->updateClaims(std::span(&first, 1)));
    EXPECT_GT(*other->claimVersion(cameras), bensVersion);

    bens.note = "checked with the report";
    const ClaimUpdate second{cameras, bens, bensVersion};
    const auto refused = other->updateClaims(std::span(&second, 1));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Stale);
    EXPECT_NE(refused.error().message.find(fmt::format("claim {} was changed by ana at ", cameras)),
              std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message.find("status: unverified → disputed"), std::string::npos)
        << refused.error().message;
    const ClaimRecord now = *project->claim(cameras);
    EXPECT_EQ(now.fields.status, ClaimStatus::Disputed) << "ana's change stands";
    EXPECT_EQ(now.fields.note, "") << "ben's was not written";

    // Ben reads the claim again: his edit is made on ana's, and saved.
    const std::int64_t reread = *other->claimVersion(cameras);
    bens = other->claim(cameras)->fields;
    bens.note = "checked with the report";
    const ClaimUpdate third{cameras, bens, reread};
    ASSERT_TRUE(other->updateClaims(std::span(&third, 1)));
    EXPECT_EQ(project->claim(cameras)->fields.status, ClaimStatus::Disputed);
    EXPECT_EQ(project->claim(cameras)->fields.note, "checked with the report");

    // Without a version nothing is checked, as for a change that reads and writes at once.
    anas.note = "unchecked";
    EXPECT_TRUE(project->updateClaim(cameras, anas));
}
