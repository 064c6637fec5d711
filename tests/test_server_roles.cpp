// Roles in a project on a server (db/server_roles.h), enforced by PostgreSQL: real login roles on the test
// server, each connecting as itself; the project made by an owner who is not a superuser.
#include "postgres_support.h"
#include "project.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace claimtrack;
using test::kNoPostgres;
using test::postgresUnderTest;

namespace {

class ServerRoles : public testing::Test {
protected:
    void SetUp() override {
        const char* server = postgresUnderTest();
        if (!server)
            GTEST_SKIP() << kNoPostgres;
        m_server = server;
        m_schema = std::make_unique<test::ServerSchema>(server);
        m_people = std::make_unique<test::ServerPeople>(
            server, *m_schema, std::initializer_list{"owner", "ana", "rev", "stranger"});
        auto created = Project::create(as("owner"));
        ASSERT_TRUE(created) << created.error().message;
        article =
            created
                ->importArticle("IHS Markit counted 176 million cameras and expects 626 million by 2020; "
                                "state media said 450 million.\n",
                                {}, "cameras.txt")
                ->id;
        for (const auto& [quote, value] :
             {std::pair{"626 million", 626e6}, std::pair{"450 million", 450e6}}) {
            NewClaim claim{article, QuoteSelector{quote, 1}, {}};
            claim.fields.value = value;
            claim.fields.metric = "Cameras in China";
            claim.fields.asOf = "2020";
            claim.fields.tags = {"forecast"};
            claims.push_back(*created->addClaim(claim));
        }
    }

    std::string user(const char* person) const { return m_people->name(person); }
    std::string as(const char* person) const { return m_people->location(person); }
    Result<Project> open(const char* person) { return Project::open(as(person)); }

    std::string m_server;
    std::unique_ptr<test::ServerSchema> m_schema;
    std::unique_ptr<test::ServerPeople> m_people;  // after the schema: gone before it
    std::int64_t article = 0;
    std::vector<std::int64_t> claims;
};

TEST_F(ServerRoles, UntilRolesAreGivenOnlyTheOwnerOpensTheProjectAndOthersAreToldWhoToAsk) {
    auto owner = open("owner");
    ASSERT_TRUE(owner) << owner.error().message;
    EXPECT_EQ(owner->role(), ProjectRole::Owner);
    EXPECT_EQ(*owner->members(), (std::vector<ProjectMember>{{user("owner"), ProjectRole::Owner}}));

    for (const char* person : {"ana", "stranger"}) {
        for (const auto access : {Project::Access::ReadWrite, Project::Access::ReadOnly}) {
            const auto refused = Project::open(as(person), access);
            ASSERT_FALSE(refused) << person << " opened a project no one gave them a role in";
            EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
            EXPECT_EQ(
                refused.error().message,
                fmt::format("{0} has no role in the project on {1}; an owner of the project can give one: "
                            "claimtrack-cli members PROJECT --reviewer {0}",
                            user(person), displayedLocation(as(person))));
        }
    }
}

TEST_F(ServerRoles, AReviewerSetsStatusesAndRecordsVerdictsAndTheServerRefusesTheRest) {
    ASSERT_TRUE(open("owner")->changeMembers({{user("rev"), ProjectRole::Reviewer}}));
    auto reviewer = open("rev");
    ASSERT_TRUE(reviewer) << reviewer.error().message;
    EXPECT_EQ(reviewer->role(), ProjectRole::Reviewer);
    EXPECT_EQ(reviewer->claims()->size(), 2u) << "a reviewer reads the project";

    // A status, and a verdict (which sets its claims' statuses): recorded under the reviewer's role.
    ClaimFields fields = reviewer->claim(claims[0])->fields;
    const ClaimRecord before = *reviewer->claim(claims[0]);
    fields.status = ClaimStatus::Disputed;
    const auto set = reviewer->updateClaim(claims[0], fields);
    ASSERT_TRUE(set) << set.error().message;
    EXPECT_EQ(reviewer->history()->back().user, user("rev")) << "no name given: the database role";
    const auto conflicts = reviewer->conflicts();
    ASSERT_TRUE(conflicts && conflicts->conflicts.size() == 1);
    const auto verdict = reviewer->recordVerdict(conflicts->conflicts[0], VerdictChoice::LowerSupported,
                                                 "state media's count");
    ASSERT_TRUE(verdict) << verdict.error().message;
    EXPECT_EQ(reviewer->claim(claims[1])->fields.status, ClaimStatus::Supported);
    ASSERT_TRUE(reviewer->undoVerdict(*verdict));
    // Undo puts a whole claim back; where only its status differs, only the status is written.
    const auto undone = reviewer->rewriteClaim(before);
    ASSERT_TRUE(undone) << undone.error().message;
    EXPECT_EQ(reviewer->claim(claims[0])->fields.status, ClaimStatus::Unverified);

    // Anything else is refused by the server, in one line that says why, and changes nothing.
    const std::int64_t entries = reviewer->history()->size();
    const std::string why = fmt::format("refused the change: {} is a reviewer of this project, who may set "
                                        "claims' statuses and record verdicts, not change claims, articles, "
                                        "sources or metrics (permission denied for table",
                                        user("rev"));
    fields = reviewer->claim(claims[0])->fields;
    fields.value = 700e6;
    NewClaim another{article, QuoteSelector{"176 million", 1}, {}};
    const std::vector<std::pair<const char*, Result<void>>> refusals = {
        {"a figure", reviewer->updateClaim(claims[0], fields)},
        {"a new claim", withoutValue(reviewer->addClaim(another))},
        {"a claim deleted", withoutValue(reviewer->deleteClaim(claims[1]))},
        {"an article", withoutValue(reviewer->importArticle("Another text.\n", {}, "b.txt"))},
        {"the settings", withoutValue(reviewer->setPublishingSettings({"Desk", ""}))},
    };
    for (const auto& [what, refused] : refusals) {
        ASSERT_FALSE(refused) << what << " was changed by a reviewer";
        EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed) << what;
        EXPECT_NE(refused.error().message.find(why), std::string::npos) << refused.error().message;
    }
    const auto members = reviewer->changeMembers({{user("rev"), ProjectRole::Owner}});
    ASSERT_FALSE(members);
    EXPECT_EQ(
        members.error().message,
        fmt::format("{} refused the change: {} is a reviewer of this project, and only its owners change "
                    "who has which role",
                    displayedLocation(as("rev")), user("rev")));
    EXPECT_EQ(reviewer->claim(claims[0])->fields.value, 626e6);
    EXPECT_EQ(reviewer->claims()->size(), 2u);
    EXPECT_EQ(reviewer->articles()->size(), 1u);
    EXPECT_EQ(static_cast<std::int64_t>(reviewer->history()->size()), entries);
}

TEST_F(ServerRoles, AnAnnotatorChangesArticlesAndClaimsButNotTheSettingsOrTheMembers) {
    ASSERT_TRUE(open("owner")->changeMembers({{user("ana"), ProjectRole::Annotator}}));
    auto annotator = open("ana");
    ASSERT_TRUE(annotator) << annotator.error().message;
    EXPECT_EQ(annotator->role(), ProjectRole::Annotator);
    const auto imported =
        annotator->importArticle("Another report counted 200 million cameras.\n", {}, "b.txt");
    ASSERT_TRUE(imported) << imported.error().message;
    NewClaim claim{imported->id, QuoteSelector{"200 million", 1}, {}};
    claim.fields.value = 200e6;
    claim.fields.metric = "Cameras in China";
    claim.fields.source = "Another report";
    claim.fields.tags = {"count"};
    const auto added = annotator->addClaim(claim);
    ASSERT_TRUE(added) << added.error().message;
    ClaimFields fields = annotator->claim(claims[0])->fields;
    fields.value = 630e6;
    fields.tags = {};
    ASSERT_TRUE(annotator->updateClaim(claims[0], fields));
    ASSERT_TRUE(annotator->deleteClaim(claims[1]));
    EXPECT_EQ(annotator->history()->back().user, user("ana"));

    const auto settings = annotator->setPublishingSettings({"Desk", ""});
    ASSERT_FALSE(settings);
    EXPECT_EQ(settings.error().code, ErrorCode::NotAllowed);
    EXPECT_NE(
        settings.error().message.find(fmt::format(
            "{} is an annotator of this project, who may change its articles and claims, not its settings "
            "or who has which role (permission denied for table project_setting)",
            user("ana"))),
        std::string::npos)
        << settings.error().message;
    EXPECT_FALSE(annotator->changeMembers({{user("stranger"), ProjectRole::Reviewer}}));
    EXPECT_EQ(annotator->members()->size(), 2u);
}

// The history is everyone's to read and add to by changing the project, and no one's to rewrite: an entry
// a reviewer writes by hand must be one a reviewer's change could make.
TEST_F(ServerRoles, NoOneButTheOwnersRewritesTheHistoryAndAReviewerCannotForgeAnEditorsEntry) {
    ASSERT_TRUE(open("owner")->changeMembers(
        {{user("ana"), ProjectRole::Annotator}, {user("rev"), ProjectRole::Reviewer}}));
    for (const char* person : {"ana", "rev"}) {
        postgres::Connection connection(as(person));
        for (const char* rewrite : {"UPDATE history SET \"user\" = 'someone else'", "DELETE FROM history"}) {
            try {
                connection.exec(rewrite);
                ADD_FAILURE() << person << " ran " << rewrite;
            } catch (const sql::Failure& failure) {
                EXPECT_EQ(failure.error().code, ErrorCode::NotAllowed) << failure.error().message;
            }
        }
    }
    constexpr const char* kForged =
        "INSERT INTO history (at, \"user\", how, entity, entity_id, entity_uuid, change, field, old_value, "
        "new_value) VALUES ('2026-01-01T00:00:00.000Z', 'someone', 'edit', 'claim', 1, 'x', 'changed', '{}', "
        "'1', '2')";
    postgres::Connection reviewer(as("rev"));
    EXPECT_THROW(reviewer.exec(fmt::format(kForged, "value").c_str()), sql::Failure);
    EXPECT_NO_THROW(reviewer.exec(fmt::format(kForged, "status").c_str())) << "what a reviewer may change";
    EXPECT_NO_THROW(postgres::Connection(as("ana")).exec(fmt::format(kForged, "value").c_str()));
}

TEST_F(ServerRoles, OwnersGiveAndTakeRolesAndTheProjectKeepsAnOwner) {
    auto owner = open("owner");
    ASSERT_TRUE(owner);
    ASSERT_TRUE(
        owner->changeMembers({{user("ana"), ProjectRole::Owner}, {user("rev"), ProjectRole::Annotator}}));
    EXPECT_EQ(*owner->members(), (std::vector<ProjectMember>{{user("ana"), ProjectRole::Owner},
                                                             {user("owner"), ProjectRole::Owner},
                                                             {user("rev"), ProjectRole::Annotator}}));

    // A second owner, who may not create roles on the server, manages the members through the groups.
    auto second = open("ana");
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->role(), ProjectRole::Owner);
    const auto changed = second->changeMembers({{user("rev"), ProjectRole::Reviewer}, {user("owner"), {}}});
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_EQ(*second->members(), (std::vector<ProjectMember>{{user("ana"), ProjectRole::Owner},
                                                              {user("rev"), ProjectRole::Reviewer}}));
    EXPECT_EQ(Project::open(as("owner")).error().code, ErrorCode::NotAllowed) << "the role taken away";
    ASSERT_TRUE(second->setPublishingSettings({"Camera Count Desk", ""})) << "an owner's settings";

    // Refused, and nothing of the change made: the last owner leaving, a user the server does not know.
    const auto members = *second->members();
    const auto leaving = second->changeMembers({{user("rev"), ProjectRole::Annotator}, {user("ana"), {}}});
    ASSERT_FALSE(leaving);
    EXPECT_EQ(leaving.error().message,
              "this would leave the project without an owner; make someone else its owner first");
    const auto unknown = second->changeMembers({{"nobody_" + user("ana"), ProjectRole::Reviewer}});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    EXPECT_NE(unknown.error().message.find("has no role nobody_"), std::string::npos)
        << unknown.error().message;
    EXPECT_EQ(*second->members(), members);
}

TEST_F(ServerRoles, TheFirstRolesNeedARoleThatMayCreateRoles) {
    postgres::Connection(m_server).exec(("ALTER ROLE " + user("owner") + " NOCREATEROLE").c_str());
    auto owner = open("owner");
    const auto refused = owner->changeMembers({{user("ana"), ProjectRole::Reviewer}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::NotAllowed);
    EXPECT_EQ(refused.error().message,
              fmt::format("{} may not create roles on {}: a project's first roles are made as groups of the "
                          "server, once, by a role with CREATEROLE",
                          user("owner"), displayedLocation(as("owner"))));
    EXPECT_EQ(*owner->members(), (std::vector<ProjectMember>{{user("owner"), ProjectRole::Owner}}));
    EXPECT_FALSE(Project::open(as("ana")));
}

TEST(FileRoles, AProjectFileHasNoMembersAndItsUserOwnsIt) {
    test::TempDir dir;
    auto project = Project::create(dir.path() / "mine.claims");
    ASSERT_TRUE(project);
    EXPECT_EQ(project->role(), ProjectRole::Owner);
    const auto members = project->members();
    ASSERT_FALSE(members);
    EXPECT_NE(
        members.error().message.find("is a project file: who may change it is up to the file's permissions"),
        std::string::npos);
}

}  // namespace
