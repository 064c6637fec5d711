// Project: the researcher's management of articles (their details, memos, deletion) and the project's memo.
#include "guarded.h"
#include "project.h"
#include "records.h"
#include "text.h"

#include <fmt/format.h>

namespace claimtrack {

using namespace db;
using sql::Statement;
using sql::Transaction;

namespace {

// A memo as stored: valid UTF-8 with its lines kept, without white space at its ends.
std::string trimmedMemo(const std::string& memo) {
    orRefuse(validateUtf8(memo, "memo"));
    const auto first = memo.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return memo.substr(first, memo.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

Result<std::vector<ArticleWithText>> Project::deleteArticles(std::span<const std::int64_t> ids,
                                                             bool withClaims) {
    return guarded([&] {
        Transaction transaction(*m_db);
        std::vector<ArticleWithText> deleted = removeArticles(ids, withClaims);
        transaction.commit();
        return deleted;
    });
}

std::vector<ArticleWithText> Project::removeArticles(std::span<const std::int64_t> ids, bool withClaims) {
    ClaimWriter writer(*m_db);
    std::vector<ArticleWithText> deleted;
    for (const std::int64_t id : ids) {
        Article article = orRefuse(this->article(id));
        if (article.claimCount > 0 && !withClaims)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("article {} (\"{}\") has {} claim{}; delete them first, or delete the "
                               "article with its claims",
                               id, article.meta.title, article.claimCount,
                               article.claimCount == 1 ? "" : "s"));
        ArticleWithText& removed = deleted.emplace_back(ArticleWithText{
            std::move(article), orRefuse(articleText(id)), orRefuse(articleOriginal(id)),
            orRefuse(articlePages(id)), orRefuse(claims({id})), orRefuse(suggestions(id, true))});
        for (const ClaimRecord& claim : removed.claims)
            writer.remove(claim.id);
        Statement remove = m_db->cached("DELETE FROM article WHERE id = ?1");  // suggestions cascade
        remove.bind(1, id);
        remove.run();
    }
    writer.dropUnusedTags();
    return deleted;
}

Result<void> Project::restoreArticles(std::span<const ArticleWithText> articles) {
    return guarded([&] {
        Transaction transaction(*m_db);
        insertArticles(articles);
        transaction.commit();
    });
}

void Project::insertArticles(std::span<const ArticleWithText> articles) {
    ClaimWriter writer(*m_db);
    for (const auto& [article, text, original, pageStarts, claims, suggestions] : articles) {
        insertArticleRow(*m_db, article, text);
        writeOriginalAndPages(*m_db, article.id, original, pageStarts);
        for (const ClaimRecord& claim : claims)
            writer.restore(claim);
        for (const Suggestion& suggestion : suggestions)
            insertSuggestion(*m_db, suggestion.id, article.id, suggestion.anchor, suggestion.figure,
                             suggestion.rejected);
    }
}

Result<Article> Project::setArticleDetails(std::int64_t id, const ArticleMeta& meta,
                                           const std::string& memo) {
    return guarded([&] {
        const ArticleMeta clean = validateMeta(meta);
        if (clean.title.empty())
            refuse(ErrorCode::InvalidInput, "an article needs a title");
        const std::string cleanMemo = trimmedMemo(memo);
        Transaction transaction(*m_db);
        Article before = orRefuse(article(id));
        Statement update =
            m_db->cached("UPDATE article SET title = ?2, author = ?3, publisher = ?4, url = ?5, "
                         "published = ?6, memo = ?7 WHERE id = ?1");
        update.bind(1, id).bind(2, clean.title).bindOrNull(3, clean.author).bindOrNull(4, clean.publisher);
        update.bindOrNull(5, clean.url).bindOrNull(6, clean.published).bindOrNull(7, cleanMemo);
        update.run();
        transaction.commit();
        return before;
    });
}

Result<std::string> Project::projectMemo() {
    return guarded([&] {
        Statement select = m_db->cached("SELECT text FROM project_memo WHERE id = 1");
        return select.step() ? select.text(0) : std::string();
    });
}

Result<std::string> Project::setProjectMemo(const std::string& memo) {
    return guarded([&] {
        const std::string clean = trimmedMemo(memo);
        Transaction transaction(*m_db);
        std::string before = orRefuse(projectMemo());
        Statement write = m_db->cached(clean.empty() ? "DELETE FROM project_memo" : kWriteProjectMemo);
        if (!clean.empty())
            write.bind(1, clean);
        write.run();
        transaction.commit();
        return before;
    });
}

Result<PublishingSettings> Project::publishingSettings() {
    return guarded([&] {
        Statement select = m_db->cached("SELECT name, value FROM project_setting");
        PublishingSettings settings;
        while (select.step()) {
            if (select.text(0) == "reviewer")
                settings.reviewer = select.text(1);
            else if (select.text(0) == "reviewer_url")
                settings.reviewerUrl = select.text(1);
        }
        return settings;
    });
}

Result<PublishingSettings> Project::setPublishingSettings(const PublishingSettings& settings) {
    return guarded([&] {
        const PublishingSettings clean{normalizeField(settings.reviewer),
                                       normalizeField(settings.reviewerUrl)};
        if (!clean.reviewerUrl.empty() && !isWebAddress(clean.reviewerUrl))
            refuse(ErrorCode::InvalidInput,
                   fmt::format("the reviewer's URL {} is not a web address (http:// or https://…)",
                               quotedExcerpt(clean.reviewerUrl)));
        Transaction transaction(*m_db);
        PublishingSettings before = orRefuse(publishingSettings());
        for (const auto& [name, value] :
             {std::pair{"reviewer", &clean.reviewer}, std::pair{"reviewer_url", &clean.reviewerUrl}}) {
            Statement write = m_db->cached(value->empty() ? "DELETE FROM project_setting WHERE name = ?1"
                                                          : kWriteProjectSetting);
            write.bind(1, name);
            if (!value->empty())
                write.bind(2, *value);
            write.run();
        }
        transaction.commit();
        return before;
    });
}

}  // namespace claimtrack
