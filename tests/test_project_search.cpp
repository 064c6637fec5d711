// Full-text search as the project runs it: real FTS5 indexes in a real file,
// kept current by the transactions that change the data.
#include "project.h"
#include "project_support.h"
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

class ProjectSearch : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(projectLocation(dir, "search.claims"));
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        cameras = import("Cameras on every corner",
                         "The city installed cameras on every corner. More cameras followed in 2019, and "
                         "cameras now watch the stations too.",
                         "The Harbour Ledger", "2019-03-02");
        credit = import("The social credit system",
                        "A social credit score decides who may fly. Some cameras feed it.", "Policy Weekly",
                        "2018");
        survey = import("A survey of attitudes",
                        "Respondents approved of credit scoring in general, and of social programmes.",
                        "Policy Weekly", "2017-06");
    }

    std::int64_t import(const std::string& title, const std::string& text, const std::string& publisher,
                        const std::string& published) {
        return project->importArticle(text, {title, "", publisher, "", published}, title)->id;
    }

    std::int64_t claim(std::int64_t article, const char* quote, const char* metric, const char* source,
                       std::vector<std::string> tags = {}) {
        NewClaim c{article, QuoteSelector{quote, 1}, {}};
        c.fields.metric = metric;
        c.fields.source = source;
        c.fields.tags = std::move(tags);
        return *project->addClaim(c);
    }

    // The ids of the articles found, best first; every query here finds fewer than a page, so the total
    // it says must be what it found.
    std::vector<std::int64_t> found(const std::string& query) {
        std::size_t total = 0;
        const auto hits = project->search(query, 50, &total);
        EXPECT_TRUE(hits) << query << ": " << hits.error().message;
        std::vector<std::int64_t> ids;
        if (hits)
            for (const SearchHit& hit : *hits)
                ids.push_back(hit.articleId);
        EXPECT_EQ(total, ids.size()) << query;
        return ids;
    }

    TempDir dir;
    std::unique_ptr<Project> project;
    std::int64_t cameras = 0, credit = 0, survey = 0;
};

}  // namespace

TEST_F(ProjectSearch, RanksTitleAndFrequentWordsFirstAndMarksTheSnippet) {
    // "cameras": three times and in the title of the first; once in the text of the second.
    EXPECT_EQ(found("cameras"), (std::vector<std::int64_t>{cameras, credit}));
    const SearchHit hit = project->search("cameras")->front();
    EXPECT_EQ(hit.title, "Cameras on every corner");
    EXPECT_EQ(hit.publisher, "The Harbour Ledger");
    EXPECT_TRUE(hit.inText);
    EXPECT_NE(hit.snippet.find(std::string(1, kMatchStart) + "cameras" + kMatchEnd), std::string::npos)
        << hit.snippet;
}

TEST_F(ProjectSearch, TheTotalCountsEveryMatchingArticleBeyondThoseShown) {
    claim(survey, "credit scoring", "Scores", "Pollster");  // found in a claim's words too: counted once
    for (const auto& [query, expected] :
         {std::pair{"social", 2u}, std::pair{"cameras", 2u}, std::pair{"credit", 2u},
          std::pair{"publisher:\"Policy Weekly\"", 2u}}) {
        std::size_t total = 0;
        const auto hits = project->search(query, 1, &total);
        ASSERT_TRUE(hits) << hits.error().message;
        EXPECT_EQ(hits->size(), 1u) << query;
        EXPECT_EQ(total, expected) << query;
    }
}

TEST_F(ProjectSearch, PhrasesPrefixesOrAndNot) {
    EXPECT_EQ(found("\"social credit\""), (std::vector<std::int64_t>{credit}));  // not "credit ... social"
    EXPECT_EQ(found("credit social"), (std::vector<std::int64_t>{credit, survey}));
    EXPECT_EQ(found("camera*"), (std::vector<std::int64_t>{cameras, credit}));
    EXPECT_EQ(found("stations OR respondents").size(), 2u);
    EXPECT_EQ(found("cameras -fly"), (std::vector<std::int64_t>{cameras}));
    EXPECT_EQ(found("CAMERAS"), found("cameras")) << "case does not matter";
    EXPECT_TRUE(found("bicycles").empty());
}

TEST_F(ProjectSearch, FiltersByPublisherDateAndClaims) {
    EXPECT_EQ(found("cameras publisher:\"policy weekly\""), (std::vector<std::int64_t>{credit}));
    EXPECT_EQ(found("social since:2018"), (std::vector<std::int64_t>{credit}));
    EXPECT_EQ(found("social until:2017"), (std::vector<std::int64_t>{survey}));
    EXPECT_EQ(found("social until:2018-12"), (std::vector<std::int64_t>{credit, survey}));
    EXPECT_EQ(found("publisher:\"Policy Weekly\"").size(), 2u) << "filters alone list the articles";

    const std::int64_t c = claim(credit, "Some cameras", "Camera count", "Ministry", {"forecast"});
    EXPECT_EQ(found("cameras source:ministry"), (std::vector<std::int64_t>{credit}));
    EXPECT_EQ(found("cameras metric:\"camera count\""), (std::vector<std::int64_t>{credit}));
    EXPECT_EQ(found("cameras tag:forecast"), (std::vector<std::int64_t>{credit}));
    EXPECT_EQ(found("cameras status:unverified"), (std::vector<std::int64_t>{credit}));
    EXPECT_TRUE(found("cameras status:disputed").empty());
    ClaimFields disputed = project->claim(c)->fields;
    disputed.status = ClaimStatus::Disputed;
    ASSERT_TRUE(project->updateClaim(c, disputed));
    EXPECT_EQ(found("status:disputed"), (std::vector<std::int64_t>{credit}));
    EXPECT_EQ(found("source:ministry metric:\"camera count\" status:disputed"),
              (std::vector<std::int64_t>{credit}));
    EXPECT_EQ(found("cameras tag:forecast status:disputed"), (std::vector<std::int64_t>{credit}));
    EXPECT_TRUE(found("tag:forecast status:unverified").empty());
    EXPECT_TRUE(found("cameras metric:\"camera count\" publisher:\"the harbour ledger\"").empty());
}

// A status on many claims is first checked on the best-scored matches only (a window); an article or a
// claim that passes below that window is still found. A status on few claims is a set to start from.
TEST_F(ProjectSearch, AStatusFindsWhatPassesBelowTheBestMatches) {
    for (int i = 0; i < 60; ++i) {
        const std::int64_t article =
            import(fmt::format("Lanterns {}", i),
                   fmt::format("Lanterns, lanterns and lanterns: a list {}.", i), "Lamp Notes", "2020");
        for (int k = 0; k < 4; ++k)
            claim(article, k % 2 ? "lanterns:" : "Lanterns,", "Lantern count", "Guild");
    }
    // Ranked below every other match, in its text (one mention in many words) and in its claims (long
    // notes); refuted are 13 claims of 253, one in twenty: many.
    const std::int64_t last = import("A long survey of street lighting",
                                     "The survey counted lamps, posts, wires, poles, bulbs and one lantern "
                                     "among many other things seen on the streets of the old town.",
                                     "Lamp Notes", "2020");
    for (int k = 0; k < 13; ++k) {
        const std::int64_t refuted = claim(last, "one lantern", "Lantern count", "Guild");
        ClaimFields fields = project->claim(refuted)->fields;
        fields.status = ClaimStatus::Refuted;
        fields.note =
            "Counted again on foot, with many other lamps, posts and wires on the same old streets.";
        ASSERT_TRUE(project->updateClaim(refuted, fields));
    }
    const auto best = [&](const char* query) {
        const auto hits = project->search(query, 1);
        EXPECT_TRUE(hits && hits->size() == 1u) << query;
        return hits && !hits->empty() ? hits->front() : SearchHit{};
    };
    EXPECT_NE(best("lantern*").articleId, last);
    EXPECT_EQ(best("lantern* status:refuted").articleId, last);
    const SearchHit inClaims = best("guild status:refuted");  // the source: in claims only
    EXPECT_EQ(inClaims.articleId, last);
    EXPECT_TRUE(inClaims.inClaims);

    // Now on one claim: a set.
    ClaimFields disputed = project->claim(1)->fields;
    disputed.status = ClaimStatus::Disputed;
    ASSERT_TRUE(project->updateClaim(1, disputed));
    EXPECT_EQ(best("guild status:disputed").articleId, project->claim(1)->articleId);
    EXPECT_TRUE(project->search("lantern* status:disputed tag:none")->empty()) << "no such tag";
}

TEST_F(ProjectSearch, ClaimFieldsAreFoundAndKeptCurrentByEveryChange) {
    const std::int64_t c = claim(survey, "credit scoring", "Approval of scoring", "Genia Kostka", {"survey"});
    const auto byKostka = project->search("kostka");
    ASSERT_TRUE(byKostka);
    ASSERT_EQ(byKostka->size(), 1u);
    EXPECT_EQ(byKostka->front().articleId, survey);
    EXPECT_TRUE(byKostka->front().inClaims);
    EXPECT_FALSE(byKostka->front().inText);
    EXPECT_EQ(byKostka->front().snippet, std::string("claim: Genia ") + kMatchStart + "Kostka" + kMatchEnd);

    // Renaming the source, retagging and rewording the note all reach the index.
    const std::int64_t source = project->entities(EntityKind::Source)->front().id;
    ASSERT_TRUE(project->renameEntity(EntityKind::Source, source, "Kostka group"));
    EXPECT_EQ(found("group"), (std::vector<std::int64_t>{survey}));
    ClaimFields fields = project->claim(c)->fields;
    fields.tags = {"attitudes"};
    fields.note = "Asked online in 2018";
    ASSERT_TRUE(project->updateClaim(c, fields));
    EXPECT_TRUE(found("tag:survey").empty());
    EXPECT_EQ(found("attitudes"), (std::vector<std::int64_t>{survey}));
    EXPECT_EQ(found("online"), (std::vector<std::int64_t>{survey}));

    // Deleting and restoring the claim, and an article with its import undone.
    auto deleted = project->deleteClaim(c);
    ASSERT_TRUE(deleted);
    EXPECT_TRUE(found("online").empty());
    ASSERT_TRUE(project->restoreClaim(*deleted));
    EXPECT_EQ(found("online"), (std::vector<std::int64_t>{survey}));
    auto gone = project->deleteArticles(std::vector<std::int64_t>{cameras});
    ASSERT_TRUE(gone);
    EXPECT_EQ(found("stations"), std::vector<std::int64_t>{});
    ASSERT_TRUE(project->restoreArticles(*gone));
    EXPECT_EQ(found("stations"), (std::vector<std::int64_t>{cameras}));
}

TEST_F(ProjectSearch, AFailedChangeLeavesTheIndexAsItWas) {
    NewClaim bad{credit, CodePointRange{5, 500}, {}};  // outside the text
    bad.fields.note = "unfindable zebra";
    EXPECT_FALSE(project->addClaim(bad));
    EXPECT_TRUE(found("zebra").empty());
}

TEST_F(ProjectSearch, AQueryErrorSaysWhatIsWrongAndNeverShowsSql) {
    const auto bad = project->search("cameras \"social");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(bad.error().message, "search: a quote is not closed (at character 9)");
    // What FTS5 would read as its own syntax is searched as words.
    EXPECT_TRUE(project->search("NEAR(cameras stations) AND text:x*").error().message.find("parentheses") !=
                std::string::npos);
    EXPECT_TRUE(project->search("cameras AND and"));
    EXPECT_TRUE(project->search("^cameras"));
}

TEST_F(ProjectSearch, MatchesAreCodePointRangesInTheText) {
    const std::string text = "Cameras in " + kCjk + " " + kEmoji + " cities: more cameras, café cameras.";
    const std::int64_t id = import("Wide", text, "", "");
    const auto ranges = project->searchMatches(id, "camera* cafe");
    ASSERT_TRUE(ranges) << ranges.error().message;
    const std::u32string points = toCodePoints(text);
    std::vector<std::string> words;
    for (const CodePointRange& r : *ranges)
        words.push_back(toUtf8(
            points.substr(static_cast<std::size_t>(r.start), static_cast<std::size_t>(r.end - r.start))));
    EXPECT_EQ(words, (std::vector<std::string>{"Cameras", "cameras", "café", "cameras"}));
}
