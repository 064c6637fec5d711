// The cross-check as the project runs it: claims read from the file, verdicts
// kept with the claims, metric details, each change undone exactly.
#include "project.h"
#include "project_support.h"
#include "records.h"
#include "sqlite.h"
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

class ProjectConflicts : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(projectLocation(dir, "conflicts.claims"));
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        first = project
                    ->importArticle("IHS Markit expects 626 million cameras by 2020. The population is about "
                                    "1.4 billion people.",
                                    {}, "a.txt")
                    ->id;
        second =
            project
                ->importArticle("State media put it at 450 million cameras by 2020, while IHS Markit says "
                                "626 million. China has 1.4 billion people.",
                                {}, "b.txt")
                ->id;
        ihs = add(first, "626 million", 626e6, "Cameras", "IHS Markit", "2020");
        state = add(second, "450 million", 450e6, "Cameras", "State media", "2020");
        ihsAgain = add(second, "626 million", 626e6, "Cameras", "IHS Markit", "2020");
        add(first, "1.4 billion people", 1.4e9, "Population", "", "2018");
        add(second, "1.4 billion people", 1.4e9, "Population", "", "2018");
    }

    std::int64_t add(std::int64_t article, const char* quote, double value, const char* metric,
                     const char* source, const char* asOf) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.unit = "cameras";
        claim.fields.metric = metric;
        claim.fields.source = source;
        claim.fields.asOf = asOf;
        return *project->addClaim(claim);
    }

    ClaimStatus status(std::int64_t id) { return project->claim(id)->fields.status; }

    std::int64_t metricId(const std::string& name) {
        for (const Entity& e : *project->entities(EntityKind::Metric))
            if (e.name == name)
                return e.id;
        return 0;
    }

    TempDir dir;
    std::unique_ptr<Project> project;
    std::int64_t first = 0, second = 0, ihs = 0, state = 0, ihsAgain = 0;
};

}  // namespace

TEST_F(ProjectConflicts, ListsTheOneConflictWithItsRepeatsAndExplanation) {
    const auto report = project->conflicts();
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_EQ(report->conflicts.size(), 1u);
    const ConflictRow& row = report->conflicts[0];
    EXPECT_EQ(row.metric, "Cameras");
    EXPECT_EQ(row.lower.claim.id, state);
    EXPECT_EQ(*row.higher.claimIds, (std::vector<std::int64_t>{ihs, ihsAgain}));
    EXPECT_EQ(row.higher.claim.fields.source, "IHS Markit");
    EXPECT_EQ(row.explanation, "626 million is 39% above 450 million");
    EXPECT_FALSE(row.verdict);

    ASSERT_EQ(report->metrics.size(), 2u);
    EXPECT_EQ(report->metrics[0].metric.name, "Cameras");
    EXPECT_EQ(report->metrics[0].conflicts, 1u);
    EXPECT_EQ(report->metrics[1].metric.name, "Population");
    EXPECT_EQ(report->metrics[1].conflicts, 0u);
    EXPECT_EQ(report->metrics[1].metric.claimCount, 2);
}

TEST_F(ProjectConflicts, FiltersByMetricNameAndRefusesAnUnknownOne) {
    EXPECT_EQ(project->conflicts("population")->conflicts.size(), 0u);
    EXPECT_EQ(project->conflicts("CAMERAS")->conflicts.size(), 1u);
    const auto unknown = project->conflicts("Bicycles");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().message, "no metric named \"Bicycles\"");
}

TEST_F(ProjectConflicts, AVerdictSetsStatusesAndIsUndoneExactly) {
    const ConflictRow row = project->conflicts()->conflicts.at(0);
    const ClaimRecord before = *project->claim(ihsAgain);
    const auto change = project->recordVerdict(row, VerdictChoice::LowerSupported, "State figure is newer");
    ASSERT_TRUE(change) << change.error().message;
    EXPECT_EQ(status(state), ClaimStatus::Supported);
    EXPECT_EQ(status(ihs), ClaimStatus::Disputed);
    EXPECT_EQ(status(ihsAgain), ClaimStatus::Disputed) << "every repeat of the figure";

    const ConflictRow judged = project->conflicts()->conflicts.at(0);
    ASSERT_TRUE(judged.verdict);
    EXPECT_EQ(judged.choice(), VerdictChoice::LowerSupported);
    EXPECT_EQ(judged.verdict->note, "State figure is newer");

    // A second verdict on the same pair replaces the first.
    const auto both = project->recordVerdict(judged, VerdictChoice::BothStand, "Different definitions");
    ASSERT_TRUE(both);
    EXPECT_EQ(project->conflicts()->conflicts.at(0).choice(), VerdictChoice::BothStand);
    EXPECT_EQ(status(ihs), ClaimStatus::Supported);

    ASSERT_TRUE(project->undoVerdict(*both));
    EXPECT_EQ(project->conflicts()->conflicts.at(0).choice(), VerdictChoice::LowerSupported);
    EXPECT_EQ(status(ihs), ClaimStatus::Disputed);
    ASSERT_TRUE(project->undoVerdict(*change));
    EXPECT_FALSE(project->conflicts()->conflicts.at(0).verdict);
    const ClaimRecord after = *project->claim(ihsAgain);
    EXPECT_EQ(after.fields.status, before.fields.status);
    EXPECT_EQ(after.updatedAt, before.updatedAt);

    ASSERT_TRUE(project->redoVerdict(*change));
    EXPECT_EQ(project->conflicts()->conflicts.at(0).verdict->uuid, change->verdict.uuid);
    EXPECT_EQ(status(state), ClaimStatus::Supported);
}

TEST_F(ProjectConflicts, AVerdictOutlivesTheDeleteAndRestoreOfItsClaim) {
    const ConflictRow row = project->conflicts()->conflicts.at(0);
    ASSERT_TRUE(project->recordVerdict(row, VerdictChoice::HigherSupported, ""));
    const auto deleted = project->deleteClaim(state);
    ASSERT_TRUE(deleted);
    EXPECT_TRUE(project->conflicts()->conflicts.empty());
    ASSERT_TRUE(project->restoreClaim(*deleted));
    EXPECT_EQ(project->conflicts()->conflicts.at(0).choice(), VerdictChoice::HigherSupported);
}

TEST_F(ProjectConflicts, MetricDetailsDecideTheComparisonAndSurviveAMergeUndone) {
    const std::int64_t cameras = metricId("Cameras");
    MetricDetails details;
    details.kind = UnitKind::Count;
    details.place = "China";
    details.description = "Public and private cameras";
    details.tolerance = 0.5;
    const auto previous = project->setMetricDetails(cameras, details);
    ASSERT_TRUE(previous) << previous.error().message;
    EXPECT_EQ(*previous, MetricDetails{});
    EXPECT_EQ(project->conflicts()->conflicts.size(), 1u) << "exact figures are not widened";

    // A hedged quote ("about 1.4 billion people") is widened by the metric's tolerance: recorded as
    // 2 billion, it conflicts with both 1.4 billion figures at 5% and with neither at 50%.
    const std::int64_t population = metricId("Population");
    add(first, "1.4 billion people", 2e9, "Population", "Census", "2018");
    EXPECT_EQ(project->conflicts("Population")->conflicts.size(), 2u);
    details.tolerance = 0.5;
    ASSERT_TRUE(project->setMetricDetails(population, details));
    EXPECT_EQ(project->conflicts("Population")->conflicts.size(), 0u);

    const auto merged = project->mergeEntity(EntityKind::Metric, cameras, population);
    ASSERT_TRUE(merged);
    ASSERT_TRUE(project->unmergeEntity(EntityKind::Metric, *merged));
    for (const Entity& e : *project->entities(EntityKind::Metric)) {
        if (e.id == cameras) {
            EXPECT_EQ(e.metric, details);
        }
    }
}

TEST_F(ProjectConflicts, RefusesAToleranceOfAHundredPercentOrMore) {
    MetricDetails details;
    details.tolerance = 1.0;
    const auto refused = project->setMetricDetails(metricId("Cameras"), details);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message, "a tolerance is a share below 100%, not 100%");
    EXPECT_FALSE(project->setMetricDetails(9999, {}));
}

TEST_F(ProjectConflicts, ComparesOneMetricClaimByClaim) {
    // A claim the cross-check must set aside: a share cannot join a count.
    NewClaim share{first, QuoteSelector{"1.4 billion", 1}, {}};
    share.fields.value = 12;
    share.fields.unit = "percent";
    share.fields.metric = "Cameras";
    share.fields.asOf = "2020";
    const std::int64_t shareId = *project->addClaim(share);

    const auto comparison = project->compare(metricId("Cameras"));
    ASSERT_TRUE(comparison) << comparison.error().message;
    EXPECT_EQ(comparison->summary.metric.name, "Cameras");
    ASSERT_EQ(comparison->conflicts.size(), 1u);
    EXPECT_EQ(comparison->conflicts[0].explanation, "626 million is 39% above 450 million");
    ASSERT_EQ(comparison->claims.size(), 4u);

    std::map<std::int64_t, const ComparedClaim*> byId;
    for (const ComparedClaim& c : comparison->claims)
        byId[c.claim.id] = &c;
    EXPECT_EQ(byId.at(state)->stated->low, 450e6);
    EXPECT_EQ(byId.at(state)->figure, "450 million");
    EXPECT_EQ(byId.at(ihs)->group, byId.at(ihsAgain)->group);  // one figure, told twice
    EXPECT_NE(byId.at(ihs)->group, byId.at(state)->group);
    EXPECT_EQ(byId.at(ihs)->period.year, 2020);
    EXPECT_FALSE(byId.at(shareId)->stated);
    EXPECT_NE(byId.at(shareId)->setAside.find("percent"), std::string::npos) << byId.at(shareId)->setAside;
    // Set-aside claims come first within a period, then by figure.
    EXPECT_EQ(comparison->claims[0].claim.id, shareId);
    EXPECT_EQ(comparison->claims[1].claim.id, state);

    const auto missing = project->compare(9999);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, "no metric with id 9999");
}

// The cross-check holds one metric's figures at a time, reading them metric by metric: from the index that
// holds them in that order, never each claim looked up in the table nor all of them sorted first. SQLite's
// plan, so a file's alone (PostgreSQL chooses by the table's statistics).
TEST(FigureIndex, TheCrossCheckReadsTheFiguresMetricByMetricFromItAlone) {
    TempDir dir;
    const auto path = dir / "figures.claims";
    auto project = Project::create(path);
    ASSERT_TRUE(project) << project.error().message;
    const auto article =
        project->importArticle("One count says 176 million cameras, another 450 million.", {}, "a.txt");
    ASSERT_TRUE(article);
    for (const auto& [quote, value] : {std::pair{"176 million", 176e6}, std::pair{"450 million", 450e6}}) {
        NewClaim claim{article->id, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.metric = "Cameras";
        ASSERT_TRUE(project->addClaim(claim));
    }
    ASSERT_EQ(project->conflicts()->conflicts.size(), 1u);

    sqlite::Connection file(path, sqlite::Connection::Access::ReadOnly, 1000);
    for (const bool oneMetric : {false, true}) {
        sql::Statement plan(file, "EXPLAIN QUERY PLAN " + db::selectFigures(oneMetric));
        plan.bind(1, 1);
        std::string steps;
        while (plan.step())
            steps += plan.text(3) + "\n";
        EXPECT_EQ(steps,
                  fmt::format("SEARCH claim USING COVERING INDEX claim_figure_by_metric (metric_id{}?)\n",
                              oneMetric ? "=" : ">"));
    }
}
