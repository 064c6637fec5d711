// The researcher's management of a project: articles' details, memos and deletion; tags as entities.
#include "project.h"
#include "project_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

class ProjectArticles : public testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(path);
        ASSERT_TRUE(created);
        project = std::make_unique<Project>(std::move(*created));
        article =
            project
                ->importArticle("Officials said 200 million cameras were installed, and 300 million more "
                                "are planned by 2025, at a cost of 5 billion yuan.",
                                {"Cameras", "", "", "", ""}, "a.txt")
                ->id;
        installed = add("200 million", {"cameras", "installed"});
        planned = add("300 million", {"cameras", "forecast"});
        ASSERT_TRUE(project->detectFigures(article, false));
    }

    std::int64_t add(const char* quote, std::vector<std::string> tags) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.tags = std::move(tags);
        return *project->addClaim(claim);
    }

    std::int64_t tagId(const std::string& name) {
        for (const Entity& tag : *project->entities(EntityKind::Tag))
            if (tag.name == name)
                return tag.id;
        return 0;
    }

    // Sets the article's memo, keeping its details; returns the memo it had.
    std::string setMemo(const std::string& memo) {
        const Article now = *project->article(article);
        auto before = project->setArticleDetails(article, now.meta, memo);
        EXPECT_TRUE(before) << before.error().message;
        return before ? before->memo : std::string();
    }

    std::vector<std::string> tagsOf(std::int64_t claimId) { return project->claim(claimId)->fields.tags; }

    // The file and its write-ahead log as they are: equal before and after a refused change.
    std::string fileState() { return readFile(path) + readFile(path.string() + "-wal"); }

    TempDir dir;
    std::filesystem::path path = projectLocation(dir, "articles.claims");
    std::unique_ptr<Project> project;
    std::int64_t article = 0, installed = 0, planned = 0;
};

}  // namespace

TEST_F(ProjectArticles, DetailsChangeButNeverTheText) {
    const std::string text = *project->articleText(article);
    auto before = project->setArticleDetails(
        article, {" Lenses counted ", "A. Writer", "The Daily", "https://x.test/a", "2021-03"}, "");
    ASSERT_TRUE(before) << before.error().message;
    EXPECT_EQ(before->meta.title, "Cameras");
    const Article after = *project->article(article);
    EXPECT_EQ(after.meta.title, "Lenses counted") << "trimmed as on import";
    EXPECT_EQ(after.meta.publisher, "The Daily");
    EXPECT_EQ(after.meta.published, "2021-03");
    EXPECT_EQ(*project->articleText(article), text);
    EXPECT_EQ(project->search("lenses")->size(), 1u) << "the search index follows the title";
    ASSERT_TRUE(project->setArticleDetails(article, before->meta, before->memo));
    EXPECT_EQ(project->article(article)->meta.url, "");
}

TEST_F(ProjectArticles, BadDetailsAreRefusedAndChangeNothing) {
    const std::string state = fileState();
    auto noTitle = project->setArticleDetails(article, {"  ", "", "", "", ""}, "");
    ASSERT_FALSE(noTitle);
    EXPECT_EQ(noTitle.error().message, "an article needs a title");
    auto badDate = project->setArticleDetails(article, {"T", "", "", "", "March 2021"}, "");
    ASSERT_FALSE(badDate);
    EXPECT_NE(badDate.error().message.find("published date"), std::string::npos) << badDate.error().message;
    auto unknown = project->setArticleDetails(article + 99, {"T", "", "", "", ""}, "");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(project->setArticleDetails(article, {"T", "", "", "", ""}, "bad \xff byte"));
    EXPECT_EQ(fileState(), state);
    EXPECT_EQ(project->article(article)->meta.title, "Cameras");
}

TEST_F(ProjectArticles, MemosAreKeptAndAnArticlesMemoIsSearched) {
    EXPECT_EQ(setMemo("  Ask the ministry about\nthe vendor's figure.\n"), "");
    EXPECT_EQ(project->article(article)->memo, "Ask the ministry about\nthe vendor's figure.")
        << "its lines kept, its ends trimmed";
    const auto found = project->search("ministry");
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().articleId, article);
    EXPECT_NE(found->front().snippet.find("ministry"), std::string::npos) << "the memo is what matched";
    EXPECT_EQ(setMemo(""), "Ask the ministry about\nthe vendor's figure.");
    EXPECT_TRUE(project->search("ministry")->empty());

    EXPECT_EQ(*project->projectMemo(), "");
    EXPECT_EQ(*project->setProjectMemo("Scope: camera counts, 2015-2025."), "");
    EXPECT_EQ(*project->projectMemo(), "Scope: camera counts, 2015-2025.");
    EXPECT_EQ(*project->setProjectMemo(" "), "Scope: camera counts, 2015-2025.");
    EXPECT_EQ(*project->projectMemo(), "");
}

TEST_F(ProjectArticles, TheProjectMemoIsSearchedInTheSearchLanguage) {
    ASSERT_TRUE(
        project->setProjectMemo("Scope: camera counts, 2015-2025.\nCheck every vendor estimate twice."));
    const auto found = project->searchProjectMemo("vendor estim*");
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(*found);
    EXPECT_NE(found->value().find("\x02vendor\x03 \x02"
                                  "estimate\x03 twice"),
              std::string::npos)
        << found->value();
    EXPECT_FALSE(*project->searchProjectMemo("bicycles"));
    EXPECT_FALSE(*project->searchProjectMemo("vendor -camera")) << "a word left out is left out";
    EXPECT_FALSE(*project->searchProjectMemo("vendor publisher:Xinhua")) << "filters are about articles";
    const auto bad = project->searchProjectMemo("\"vendor");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "search: a quote is not closed (at character 1)");

    // Read-only, as the app's search reads it: the memo's index is the connection's, not the file's.
    const std::string before = fileState();
    auto readOnly = Project::open(path, Project::Access::ReadOnly);
    ASSERT_TRUE(readOnly);
    EXPECT_TRUE(*readOnly->searchProjectMemo("camera"));
    EXPECT_TRUE(*readOnly->searchProjectMemo("twice"));
    EXPECT_EQ(fileState(), before);
}

TEST_F(ProjectArticles, AnArticleIsDeletedWithItsClaimsOnlyWhenAskedAndComesBackWhole) {
    const std::string state = fileState();
    const std::vector<std::int64_t> ids{article};
    auto refused = project->deleteArticles(ids);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("has 2 claims"), std::string::npos) << refused.error().message;
    EXPECT_EQ(fileState(), state);

    setMemo("memo");
    const auto suggestionsBefore = *project->suggestions(article, true);
    ASSERT_FALSE(suggestionsBefore.empty()) << "5 billion yuan is found";
    auto deleted = project->deleteArticles(ids, true);
    ASSERT_TRUE(deleted) << deleted.error().message;
    EXPECT_EQ(*project->articleCount(), 0);
    EXPECT_TRUE(project->entities(EntityKind::Tag)->empty()) << "tags no claim has are dropped";
    EXPECT_TRUE(project->search("cameras")->empty());
    ASSERT_EQ(deleted->front().claims.size(), 2u);

    ASSERT_TRUE(project->restoreArticles(*deleted));
    EXPECT_EQ(project->article(article)->memo, "memo");
    EXPECT_EQ(project->claim(installed)->fields.tags, (std::vector<std::string>{"cameras", "installed"}));
    EXPECT_EQ(project->claim(planned)->anchor.quote.exact, "300 million");
    EXPECT_EQ(project->suggestions(article, true)->size(), suggestionsBefore.size());
    EXPECT_EQ(project->search("cameras")->size(), 1u);
    EXPECT_EQ(project->search("installed")->front().inClaims, true) << "the claims' index is back too";
}

TEST_F(ProjectArticles, TagsAreListedWithCountsAndFilterClaims) {
    const auto tags = *project->entities(EntityKind::Tag);
    ASSERT_EQ(tags.size(), 3u);
    EXPECT_EQ(tags[0].name, "cameras");
    EXPECT_EQ(tags[0].claimCount, 2);
    EXPECT_EQ(tags[1].name, "forecast");
    EXPECT_EQ(tags[1].claimCount, 1);
    ClaimQuery query;
    query.tagId = tagId("forecast");
    EXPECT_EQ(*project->claimIds(query), std::vector<std::int64_t>{planned});
    query.tagId = tagId("cameras");
    EXPECT_EQ(*project->claimIds(query), (std::vector<std::int64_t>{installed, planned}));
}

TEST_F(ProjectArticles, ARenamedTagIsFoundByItsNewName) {
    ASSERT_TRUE(project->renameEntity(EntityKind::Tag, tagId("forecast"), "projection"));
    EXPECT_EQ(tagsOf(planned), (std::vector<std::string>{"cameras", "projection"}));
    EXPECT_EQ(project->search("projection")->size(), 1u);
    EXPECT_TRUE(project->search("forecast")->empty());
    auto clash = project->renameEntity(EntityKind::Tag, tagId("projection"), "Cameras");
    ASSERT_FALSE(clash);
    EXPECT_NE(clash.error().message.find("already a tag named \"Cameras\""), std::string::npos);
}

TEST_F(ProjectArticles, MergingTagsKeepsOneOfEachAndUndoes) {
    // "installed" into "cameras": the claim that has both keeps one.
    const std::int64_t from = tagId("installed"), into = tagId("cameras");
    auto merged = project->mergeEntity(EntityKind::Tag, from, into);
    ASSERT_TRUE(merged) << merged.error().message;
    EXPECT_EQ(tagsOf(installed), std::vector<std::string>{"cameras"});
    EXPECT_EQ(merged->hadTarget, std::vector<std::int64_t>{installed});
    // "forecast" into a tag only "installed"'s claim had: one claim gains it, and loses it on undo.
    ASSERT_TRUE(project->unmergeEntity(EntityKind::Tag, *merged));
    EXPECT_EQ(tagsOf(installed), (std::vector<std::string>{"cameras", "installed"}));
    auto second = project->mergeEntity(EntityKind::Tag, tagId("forecast"), tagId("installed"));
    ASSERT_TRUE(second);
    EXPECT_EQ(tagsOf(planned), (std::vector<std::string>{"cameras", "installed"}));
    ASSERT_TRUE(project->unmergeEntity(EntityKind::Tag, *second));
    EXPECT_EQ(tagsOf(planned), (std::vector<std::string>{"cameras", "forecast"}));
    EXPECT_EQ(tagsOf(installed), (std::vector<std::string>{"cameras", "installed"}));
    EXPECT_EQ(project->search("forecast")->size(), 1u);
}

TEST_F(ProjectArticles, DeletingATagTakesItOffEveryClaimAndUndoes) {
    auto deleted = project->deleteEntity(EntityKind::Tag, tagId("cameras"));
    ASSERT_TRUE(deleted) << deleted.error().message;
    EXPECT_EQ(deleted->claimIds, (std::vector<std::int64_t>{installed, planned}));
    EXPECT_EQ(tagsOf(installed), std::vector<std::string>{"installed"});
    EXPECT_EQ(project->entities(EntityKind::Tag)->size(), 2u);
    ASSERT_TRUE(project->restoreEntity(EntityKind::Tag, *deleted));
    EXPECT_EQ(tagsOf(planned), (std::vector<std::string>{"cameras", "forecast"}));
    EXPECT_EQ(tagId("cameras"), deleted->entity.id);
}
