// Project: versions of an article. A newer text of an article is an article of its own in the same lineage;
// the claims of the version before are carried to it where their words still stand (core/versions), and
// the others wait in claim_carry: a changed figure for the researcher's decision, gone words as orphaned.
#include "claim_reading.h"
#include "guarded.h"
#include "project.h"
#include "records.h"

#include <fmt/format.h>

#include <map>
#include <memory>

namespace claimtrack {

using namespace db;
using sql::Statement;
using sql::Transaction;

namespace {

// An older version's text with its difference to the newest, built once for all its claims.
struct OlderVersion {
    OlderVersion(std::string olderText, const CodePointIndex& newer)
        : text(std::move(olderText)), index(text), diff(index, newer) {}
    std::string text;
    CodePointIndex index;  // views `text`: an OlderVersion is never moved (held by unique_ptr)
    VersionDiff diff;
};

std::int64_t latestInLineage(sql::Connection& db, const std::string& lineage) {
    Statement latest = db.cached("SELECT id FROM article WHERE lineage = ?1 ORDER BY version DESC LIMIT 1");
    latest.bind(1, lineage);
    latest.step();
    return latest.integer(0);
}

// The ids of every version of the article `id` (itself alone when it has no other).
std::vector<std::int64_t> versionIds(sql::Connection& db, std::int64_t id) {
    Statement select = db.cached("SELECT b.id FROM article a JOIN article b ON b.id = a.id OR "
                                 "(a.lineage IS NOT NULL AND b.lineage = a.lineage) WHERE a.id = ?1 "
                                 "ORDER BY b.version, b.id");
    select.bind(1, id);
    std::vector<std::int64_t> ids;
    while (select.step())
        ids.push_back(select.integer(0));
    if (ids.empty())
        refuse(ErrorCode::NotFound, fmt::format("no article with id {} in {}", id, db.name()));
    return ids;
}
}  // namespace

std::int64_t Project::latestVersionOf(std::int64_t id, const std::string& url) {
    Statement select = m_db->cached(id != 0 ? "SELECT id, coalesce(lineage, '') FROM article WHERE id = ?1"
                                            : "SELECT id, coalesce(lineage, '') FROM article WHERE url = ?1 "
                                              "ORDER BY version DESC, id DESC LIMIT 1");
    if (id != 0)
        select.bind(1, id);
    else if (!url.empty())
        select.bind(1, url);
    else
        return 0;
    if (!select.step()) {
        if (id != 0)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("no article with id {} in {} to add a version of", id, path().string()));
        return 0;
    }
    const std::string lineage = select.text(1);
    return lineage.empty() ? select.integer(0) : latestInLineage(*m_db, lineage);
}

VersionAdded Project::addVersion(std::int64_t previous, std::int64_t added) {
    Statement lineageOf = m_db->cached("UPDATE article SET lineage = coalesce(lineage, uuid) WHERE id = ?1 "
                                       "RETURNING lineage, version");
    lineageOf.bind(1, previous);
    lineageOf.step();
    const std::string lineage = lineageOf.text(0);
    lineageOf.reset();
    Statement next = m_db->cached("UPDATE article SET lineage = ?2, version = (SELECT max(version) + 1 FROM "
                                  "article WHERE lineage = ?2) WHERE id = ?1 RETURNING version");
    next.bind(1, added).bind(2, lineage);
    next.step();
    VersionAdded report{previous, next.integer(0), 0, 0, 0, {}, {}};
    next.reset();
    carryClaims(previous, added, lineage, report);
    return report;
}

void Project::carryClaims(std::int64_t previous, std::int64_t added, const std::string& lineage,
                          VersionAdded& report) {
    // The claims of the version before, and those of older versions still waiting to be carried.
    Statement select = m_db->cached(
        "SELECT c.id, c.article_id, c.start, c.\"end\" FROM claim c WHERE c.article_id = ?1 OR c.id IN "
        "(SELECT w.claim_id FROM claim_carry w JOIN article a ON a.id = w.article_id WHERE a.lineage = ?2) "
        "ORDER BY c.article_id, c.start");
    select.bind(1, previous).bind(2, lineage);
    struct Waiting {
        std::int64_t id, articleId;
        CodePointRange range;
    };
    std::vector<Waiting> claims;
    while (select.step())
        claims.push_back({select.integer(0), select.integer(1), {select.integer(2), select.integer(3)}});
    select.reset();
    report.waitingBefore = orRefuse(pendingCarries(previous));

    const std::string newerText = readArticleText(*m_db, added);
    const CodePointIndex newer(newerText);
    std::map<std::int64_t, std::unique_ptr<OlderVersion>> older;
    ClaimWriter writer(*m_db);
    const std::string now = nowUtc();
    for (const Waiting& claim : claims) {
        auto& version = older[claim.articleId];
        if (!version)
            version = std::make_unique<OlderVersion>(readArticleText(*m_db, claim.articleId), newer);
        const Carry carry = version->diff.carry(claim.range);
        if (carry.carried()) {
            report.movedBefore.push_back(orRefuse(this->claim(claim.id)));
            writer.moveTo(claim.id, added, carry.range, now);
            Statement done = m_db->cached("DELETE FROM claim_carry WHERE claim_id = ?1");
            done.bind(1, claim.id);
            done.run();
            ++report.carried;
            continue;
        }
        writeCarry(*m_db, claim.id, added, carry);
        ++(carry.kind == CarryKind::FigureChanged ? report.figureChanged : report.orphaned);
    }
}

Result<std::vector<Article>> Project::articleVersions(std::int64_t id) {
    return guarded([&] {
        std::vector<Article> versions;
        for (const std::int64_t version : versionIds(*m_db, id))
            versions.push_back(orRefuse(article(version)));
        return versions;
    });
}

Result<std::vector<PendingCarry>> Project::pendingCarries(std::int64_t articleId) {
    return guarded([&] {
        std::string versions;  // the article's versions, as a JSON array, when asked for one article's
        if (articleId != 0)
            for (const std::int64_t id : versionIds(*m_db, articleId))
                versions += fmt::format("{}{}", versions.empty() ? "[" : ",", id);
        Statement select = m_db->cached(
            "SELECT claim_id, article_id, kind, coalesce(start, 0), coalesce(\"end\", 0), score, "
            "coalesce(figure_before, ''), coalesce(figure_after, '') FROM claim_carry "
            "WHERE CAST(?1 AS TEXT) IS NULL OR article_id IN (SELECT value FROM json_each(?1)) ORDER BY "
            "article_id, claim_id");
        if (!versions.empty())
            select.bind(1, versions + "]");
        std::vector<PendingCarry> pending;
        while (select.step()) {
            PendingCarry& carry = pending.emplace_back();
            carry.claim.id = select.integer(0);
            carry.articleId = select.integer(1);
            carry.kind = select.text(2) == toString(CarryKind::FigureChanged) ? CarryKind::FigureChanged
                                                                              : CarryKind::Orphaned;
            carry.range = {select.integer(3), select.integer(4)};
            carry.score = select.number(5).value_or(0);
            carry.figureBefore = select.text(6);
            carry.figureAfter = select.text(7);
        }
        select.reset();
        // In article order: each version's text is read once for the words of all its waiting claims.
        std::int64_t loaded = 0;
        std::string text;
        std::optional<CodePointIndex> index;  // views `text`
        for (PendingCarry& carry : pending) {
            carry.claim = orRefuse(claim(carry.claim.id));
            if (carry.kind != CarryKind::FigureChanged)
                continue;
            if (carry.articleId != loaded) {
                text = readArticleText(*m_db, carry.articleId);
                index.emplace(text);
                loaded = carry.articleId;
            }
            carry.words = std::string(index->slice(carry.range));
        }
        return pending;
    });
}

Result<PendingCarry> Project::resolveCarry(std::int64_t claimId, CarryDecision decision) {
    return guarded([&] {
        Transaction transaction(*m_db);
        const ClaimRecord record = orRefuse(claim(claimId));
        std::optional<PendingCarry> waiting;
        for (PendingCarry& carry : orRefuse(pendingCarries(record.articleId)))
            if (carry.claim.id == claimId)
                waiting = std::move(carry);
        if (!waiting)
            refuse(ErrorCode::InvalidInput, fmt::format("claim {} is not waiting to be carried to a newer "
                                                        "version of its article",
                                                        claimId));
        const bool orphaned = waiting->kind == CarryKind::Orphaned;
        if (decision == CarryDecision::Move && orphaned)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("claim {} is orphaned: its words are not in article {}, so there is nowhere "
                               "to move it; keep it on its version, or anchor it there by hand",
                               claimId, waiting->articleId));
        if (decision == CarryDecision::Reject && orphaned)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("claim {} is orphaned: there is no move to reject; keep it on its version",
                               claimId));
        if (decision == CarryDecision::Reject) {
            Statement reject =
                m_db->cached("UPDATE claim_carry SET kind = 'orphaned', start = NULL, \"end\" = "
                             "NULL, figure_before = NULL, figure_after = NULL WHERE claim_id = ?1");
            reject.bind(1, claimId);
            reject.run();
        } else {
            if (decision == CarryDecision::Move) {
                // The claim moves onto the newer words and takes their figure; what it said before stays
                // in its history, and its status goes back to unverified: the verdict was on the old figure.
                ClaimWriter writer(*m_db);
                const std::string now = nowUtc();
                writer.moveTo(claimId, waiting->articleId, waiting->range, now);
                const std::string text = readArticleText(*m_db, waiting->articleId);
                const Article newer = orRefuse(article(waiting->articleId));
                ClaimFields fields = record.fields;
                if (const auto figure = figureAt(CodePointIndex(text), waiting->range)) {
                    const ClaimFields read = claimFieldsFrom(*figure, newer.meta.published);
                    fields.value = read.value;
                    fields.low = read.low;
                    fields.high = read.high;
                    fields.unit = read.unit;
                }
                fields.status = ClaimStatus::Unverified;
                writer.update(claimId, record.fields, fields, now);
                writer.dropUnusedTags();
            }
            Statement done = m_db->cached("DELETE FROM claim_carry WHERE claim_id = ?1");
            done.bind(1, claimId);
            done.run();
        }
        transaction.commit();
        return *waiting;
    });
}

Result<void> Project::restoreCarry(const PendingCarry& waiting) {
    return guarded([&] {
        Transaction transaction(*m_db);
        orRefuse(article(waiting.articleId));
        ClaimWriter writer(*m_db);
        writer.rewrite(orRefuse(claim(waiting.claim.id)), waiting.claim);
        writer.dropUnusedTags();
        writeCarry(*m_db, waiting.claim.id, waiting.articleId, waiting.carry());
        transaction.commit();
    });
}

Result<std::vector<ArticleWithText>>
Project::deleteImported(std::span<const std::int64_t> ids,
                        const std::map<std::int64_t, VersionAdded>& versions) {
    return guarded([&] {
        Transaction transaction(*m_db);
        ClaimWriter writer(*m_db);
        // The newest first: a claim carried twice in one import goes back to where it began.
        for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
            const auto& [added, version] = *it;
            for (const ClaimRecord& before : version.movedBefore)
                writer.rewrite(orRefuse(claim(before.id)), before);
            Statement unwait = m_db->cached("DELETE FROM claim_carry WHERE article_id = ?1");
            unwait.bind(1, added);
            unwait.run();
            for (const PendingCarry& waiting : version.waitingBefore)
                writeCarry(*m_db, waiting.claim.id, waiting.articleId, waiting.carry());
        }
        std::vector<ArticleWithText> deleted = removeArticles(ids, false);
        // An article left alone in its lineage is an article with no other version again.
        m_db->exec(
            "UPDATE article SET lineage = NULL WHERE lineage IN "
            "(SELECT lineage FROM article WHERE lineage IS NOT NULL GROUP BY lineage HAVING count(*) = 1)");
        transaction.commit();
        return deleted;
    });
}

Result<std::map<std::int64_t, VersionAdded>>
Project::restoreImported(std::span<const ArticleWithText> articles,
                         const std::map<std::int64_t, VersionAdded>& versions) {
    return guarded([&] {
        Transaction transaction(*m_db);
        insertArticles(articles);
        std::map<std::int64_t, VersionAdded> carried;
        for (const auto& [added, version] : versions) {
            const Article restored = orRefuse(article(added));
            Statement join = m_db->cached("UPDATE article SET lineage = ?2 WHERE id = ?1");
            join.bind(1, version.previousId).bind(2, restored.lineage);
            join.run();
            VersionAdded& again = carried[added] =
                VersionAdded{version.previousId, restored.version, 0, 0, 0, {}, {}};
            carryClaims(version.previousId, added, restored.lineage, again);
        }
        transaction.commit();
        return carried;
    });
}

}  // namespace claimtrack
