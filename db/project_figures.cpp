// Project: figures the finder proposes, stored as suggestions or accepted as claims.
#include "figures.h"
#include "guarded.h"
#include "project.h"
#include "records.h"

#include <fmt/format.h>

namespace claimtrack {

using namespace db;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

// A claim's as-of date from a figure's time: "2016/2017" holds at its end; "today" at publication.
std::string asOfFrom(const Figure& figure, const std::string& published) {
    if (figure.time == "today")
        return published;
    const std::string time =
        figure.time.substr(figure.time.find('/') == std::string::npos ? 0 : figure.time.find('/') + 1);
    return parsePartialDate(time, "time") ? time : std::string();
}

}  // namespace

Result<std::vector<DetectedFigures>> Project::detectFigures(std::optional<std::int64_t> articleId,
                                                            bool acceptAll) {
    return guarded([&] {
        std::vector<Article> targets;
        if (articleId)
            targets.push_back(orRefuse(article(*articleId)));
        else
            targets = orRefuse(articles());

        const std::string now = nowUtc();
        Transaction transaction(*m_db);
        ClaimWriter writer(*m_db);
        std::vector<DetectedFigures> results;
        for (const Article& target : targets) {
            DetectedFigures result{target.id};
            const std::string text = orRefuse(articleText(target.id));
            for (const Figure& figure : extractFigures(text)) {
                if (figure.kind == FigureKind::Date)
                    continue;
                Statement& claimed =
                    m_db->cached("SELECT 1 FROM claim WHERE article_id = ?1 AND start = ?2 AND end = ?3");
                claimed.bind(1, target.id).bind(2, figure.range.start).bind(3, figure.range.end);
                if (claimed.step()) {
                    ++result.alreadyClaimed;
                    continue;
                }
                Statement& suggested = m_db->cached(
                    "SELECT id, state FROM suggestion WHERE article_id = ?1 AND start = ?2 AND end = ?3");
                suggested.bind(1, target.id).bind(2, figure.range.start).bind(3, figure.range.end);
                if (suggested.step()) {
                    // Accept all takes up pending suggestions too; what was rejected stays rejected.
                    if (!acceptAll || suggested.text(1) != "pending") {
                        ++result.alreadySuggested;
                        continue;
                    }
                    Statement& remove = m_db->cached("DELETE FROM suggestion WHERE id = ?1");
                    remove.bind(1, suggested.integer(0));
                    remove.run();
                }
                if (acceptAll) {
                    NewClaim claim{target.id, figure.range, {}};
                    claim.fields.value = figure.value;
                    claim.fields.low = figure.low;
                    claim.fields.high = figure.high;
                    claim.fields.unit = figure.unit;
                    claim.fields.source = figure.source;
                    claim.fields.asOf = asOfFrom(figure, target.meta.published);
                    claim.fields.tags = {"detected"};
                    if (figure.approximate)
                        claim.fields.tags.push_back("approximate");
                    writer.insert(claim, orRefuse(validateClaimFields(claim.fields)), now);
                    ++result.accepted;
                    continue;
                }
                const Anchor anchor = writer.anchor(target.id, figure.range);
                Statement& insert = m_db->cached(R"sql(
                    INSERT INTO suggestion (article_id, start, end, quote, prefix, suffix, value, low, high,
                                            approximate, unit, kind, subject, source, time)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15))sql");
                insert.bind(1, target.id).bind(2, anchor.range.start).bind(3, anchor.range.end);
                insert.bind(4, anchor.quote.exact).bind(5, anchor.quote.prefix).bind(6, anchor.quote.suffix);
                insert.bind(7, figure.value).bind(8, figure.low).bind(9, figure.high);
                insert.bind(10, std::int64_t{figure.approximate}).bindOrNull(11, figure.unit);
                insert.bind(12, toString(figure.kind))
                    .bindOrNull(13, figure.subject)
                    .bindOrNull(14, figure.source);
                insert.bindOrNull(15, figure.time);
                insert.run();
                ++result.suggested;
            }
            results.push_back(result);
        }
        transaction.commit();
        return results;
    });
}

Result<std::int64_t> Project::pendingSuggestionCount(std::optional<std::int64_t> articleId) {
    return guarded([&] {
        Statement& count = m_db->cached(
            "SELECT count(*) FROM suggestion WHERE state = 'pending' AND (?1 IS NULL OR article_id = ?1)");
        if (articleId)
            count.bind(1, *articleId);
        count.step();
        return count.integer(0);
    });
}

}  // namespace claimtrack
