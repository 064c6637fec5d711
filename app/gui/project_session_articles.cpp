// ProjectSession, continued: the researcher's changes to articles and to the project's memo.
#include "project_session.h"

#include <fmt/format.h>

namespace claimtrack::gui {

ProjectSession::Check ProjectSession::articleIsStill(Article expected) {
    return [this, expected = std::move(expected)]() -> Result<void> {
        auto now = m_project.article(expected.id);
        if (!now)
            return now.error();
        if (now->meta != expected.meta || now->memo != expected.memo)
            return changedSince(fmt::format("the details of the article '{}'", now->meta.title));
        return {};
    };
}

ProjectSession::Check ProjectSession::articlesAreGone(std::vector<std::int64_t> ids) {
    return [this, ids = std::move(ids)]() -> Result<void> {
        for (const std::int64_t id : ids)
            if (auto now = m_project.article(id))
                return makeError(
                    ErrorCode::InvalidInput,
                    fmt::format("another program put the article '{}' back since", now->meta.title));
        return {};
    };
}

ProjectSession::Check ProjectSession::projectMemoIsStill(std::string memo) {
    return [this, memo = std::move(memo)]() -> Result<void> {
        auto now = m_project.projectMemo();
        if (!now)
            return now.error();
        if (*now != memo)
            return changedSince("the project's memo");
        return {};
    };
}

Result<void> ProjectSession::setArticleDetails(std::int64_t articleId, const ArticleMeta& meta,
                                               const QString& memo) {
    auto before = m_project.setArticleDetails(articleId, meta, memo.toStdString());
    if (!before)
        return before.error();
    auto after = m_project.article(articleId);
    if (!after)
        return after.error();
    pushDone(
        tr("Edit the details of '%1'").arg(QString::fromStdString(after->meta.title)), articleId,
        [this, old = *before] {
            return withoutValue(m_project.setArticleDetails(old.id, old.meta, old.memo));
        },
        [this, now = *after] {
            return withoutValue(m_project.setArticleDetails(now.id, now.meta, now.memo));
        },
        {articleIsStill(*after), articleIsStill(*before)});
    return {};
}

Result<void> ProjectSession::deleteArticles(const std::vector<std::int64_t>& articleIds, bool withClaims) {
    auto deleted = m_project.deleteArticles(articleIds, withClaims);
    if (!deleted)
        return deleted.error();
    const auto removed = std::make_shared<std::vector<ArticleWithText>>(std::move(*deleted));
    const QString what =
        removed->size() == 1
            ? tr("Delete '%1'").arg(QString::fromStdString(removed->front().article.meta.title))
            : tr("Delete %Ln article(s)", nullptr, static_cast<int>(removed->size()));
    // Its claims come back with it: nothing else can have changed them while they were gone.
    pushDone(
        what, 0, [this, removed] { return m_project.restoreArticles(*removed); },
        [this, articleIds] { return withoutValue(m_project.deleteArticles(articleIds, true)); },
        {articlesAreGone(articleIds), {}});
    return {};
}

Result<void> ProjectSession::resolveCarry(std::int64_t claimId, CarryDecision decision) {
    auto waiting = m_project.resolveCarry(claimId, decision);
    if (!waiting)
        return waiting.error();
    auto now = m_project.claimsById(std::span(&claimId, 1));
    if (!now)
        return now.error();
    const auto before = std::make_shared<const PendingCarry>(std::move(*waiting));
    const QString label = claimLabel(before->claim.anchor.quote.exact);
    const QString what = decision == CarryDecision::Keep ? tr("Keep claim %1 on its version").arg(label)
                         : decision == CarryDecision::Move
                             ? tr("Move claim %1 to the newer version").arg(label)
                             : tr("Reject the move of claim %1").arg(label);
    // A move changes two articles' claims: every view refreshes.
    pushDone(
        what, 0, [this, before] { return m_project.restoreCarry(*before); },
        [this, claimId, decision] { return withoutValue(m_project.resolveCarry(claimId, decision)); },
        {claimsAreStill(std::make_shared<const std::vector<ClaimRecord>>(std::move(*now))),
         claimsAreStill(std::make_shared<const std::vector<ClaimRecord>>(1, before->claim))});
    return {};
}

Result<void> ProjectSession::setProjectMemo(const QString& memo) {
    auto before = m_project.setProjectMemo(memo.toStdString());
    if (!before)
        return before.error();
    auto after = m_project.projectMemo();
    if (!after)
        return after.error();
    pushDone(
        tr("Edit the project's memo"), 0,
        [this, old = *before] { return withoutValue(m_project.setProjectMemo(old)); },
        [this, now = *after] { return withoutValue(m_project.setProjectMemo(now)); },
        {projectMemoIsStill(*after), projectMemoIsStill(*before)});
    return {};
}

ProjectSession::Check ProjectSession::publishingSettingsAreStill(PublishingSettings settings) {
    return [this, settings = std::move(settings)]() -> Result<void> {
        auto now = m_project.publishingSettings();
        if (!now)
            return now.error();
        if (*now != settings)
            return changedSince("the project's publishing settings");
        return {};
    };
}

Result<void> ProjectSession::setPublishingSettings(const PublishingSettings& settings) {
    auto before = m_project.setPublishingSettings(settings);
    if (!before)
        return before.error();
    auto after = m_project.publishingSettings();
    if (!after)
        return after.error();
    if (*after == *before)
        return {};  // nothing changed: no step to undo
    pushDone(
        tr("Edit the project's settings"), 0,
        [this, old = *before] { return withoutValue(m_project.setPublishingSettings(old)); },
        [this, now = *after] { return withoutValue(m_project.setPublishingSettings(now)); },
        {publishingSettingsAreStill(*after), publishingSettingsAreStill(*before)});
    return {};
}

}  // namespace claimtrack::gui
