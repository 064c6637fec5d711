// Project: figures the finder proposes, stored as suggestions or accepted as claims.
#include "claim_reading.h"
#include "figures.h"
#include "guarded.h"
#include "project.h"
#include "records.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace claimtrack {

using namespace db;
using sql::Statement;
using sql::Transaction;

void db::insertSuggestion(sql::Connection& db, std::int64_t id, std::int64_t articleId, const Anchor& anchor,
                          const Figure& figure, bool rejected) {
    Statement insert = db.cached(R"sql(
        INSERT INTO suggestion (article_id, start, "end", quote, prefix, suffix, value, low, high, approximate, unit,
                                kind, subject, source, time, state, id, via, base_of, sample_size,
                                fieldwork)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                ?21))sql");
    insert.bind(1, articleId).bind(2, anchor.range.start).bind(3, anchor.range.end);
    insert.bind(4, anchor.quote.exact).bind(5, anchor.quote.prefix).bind(6, anchor.quote.suffix);
    insert.bind(7, figure.value).bind(8, figure.low).bind(9, figure.high);
    insert.bind(10, std::int64_t{figure.approximate}).bindOrNull(11, figure.unit);
    insert.bind(12, toString(figure.kind)).bindOrNull(13, figure.subject).bindOrNull(14, figure.source);
    insert.bindOrNull(15, figure.time).bind(16, rejected ? "rejected" : "pending").bindOrNull(18, figure.via);
    insert.bindOrNull(19, figure.base.of)
        .bind(20, figure.base.sampleSize)
        .bindOrNull(21, figure.base.fieldwork);
    if (id == 0)
        insert.bindNull(17);
    else
        insert.bind(17, id);
    insert.run();
}

namespace {

constexpr const char* kSelectSuggestions = R"sql(
    SELECT s.id, s.article_id, s.start, s."end", s.quote, s.prefix, s.suffix, s.value, s.low, s.high, s.approximate,
           s.unit, s.kind, s.subject, s.source, s.time, s.state, s.via,
           s.base_of, s.sample_size, s.fieldwork
    FROM suggestion s)sql";

Suggestion readSuggestion(const Statement& row) {
    Suggestion suggestion;
    suggestion.id = row.integer(0);
    suggestion.articleId = row.integer(1);
    suggestion.anchor.range = {row.integer(2), row.integer(3)};
    suggestion.anchor.quote = {row.text(4), row.text(5), row.text(6)};
    Figure& f = suggestion.figure;
    f.range = suggestion.anchor.range;
    f.text = suggestion.anchor.quote.exact;
    f.value = row.number(7);
    f.low = row.number(8);
    f.high = row.number(9);
    f.approximate = row.integer(10) != 0;
    f.unit = row.text(11);
    f.kind = figureKindNamed(row.text(12)).value_or(FigureKind::Count);
    f.subject = row.text(13);
    f.source = row.text(14);
    f.time = row.text(15);
    suggestion.rejected = row.text(16) == "rejected";
    f.via = row.text(17);
    f.base = {row.text(18), row.optionalInteger(19), row.text(20)};
    return suggestion;
}

void deleteRows(sql::Connection& db, const char* table, std::span<const std::int64_t> ids) {
    Statement remove = db.cached(fmt::format("DELETE FROM {} WHERE id = ?1", table));
    for (const std::int64_t id : ids) {
        remove.reset();
        remove.bind(1, id);
        remove.run();
    }
}

// Turns the finder's figures into what a claim recorded from them says, the same for the claim editor's
// proposal, an accepted suggestion and `detect --accept-all`: the source as the project already names
// it, and the metric when the proposals are sure of it. Reads the sources and metrics once.
class FigureReader {
public:
    explicit FigureReader(sql::Connection& db) : m_metrics(metricProfiles(db)) {
        Statement sources = db.cached("SELECT name FROM source ORDER BY name");
        while (sources.step())
            m_sources.push_back(sources.text(0));
        Statement metrics = db.cached("SELECT id, name FROM metric");
        while (metrics.step())
            m_metricNames[metrics.integer(0)] = metrics.text(1);
    }

    ClaimFields fields(const Figure& figure, std::string_view text, const CodePointIndex& index,
                       const Article& article) const {
        ClaimFields fields = claimFieldsFrom(figure, article.meta.published);
        for (const std::string& known : m_sources)
            if (namesSameSource(fields.source, known)) {
                fields.source = known;
                break;
            }
        const auto proposals = metricsFor(figure, text, index, fields.unit);
        if (!isConfident(proposals))
            return fields;
        fields.metric = m_metricNames.at(proposals.front().metricId);
        // A count the finder could not name ("the number of ... at 176 million") counts what its metric's
        // claims count.
        if (fields.unit.empty() && figure.kind == FigureKind::Count)
            fields.unit = commonUnit(proposals.front().metricId);
        return fields;
    }

    // The metrics a figure counted in `unit` most likely measures, best first.
    std::vector<MetricProposal> metricsFor(const Figure& figure, std::string_view text,
                                           const CodePointIndex& index, const std::string& unit) const {
        return proposeMetrics(claimContextAt(text, index, figure.range, unit, &figure), m_metrics, 3);
    }

private:
    std::string commonUnit(std::int64_t metricId) const {
        std::map<std::string, int> counts;
        for (const MetricProfile& metric : m_metrics)
            if (metric.metricId == metricId)
                for (const std::string& unit : metric.claimUnits)
                    if (!unit.empty())
                        ++counts[unit];
        const auto most = std::max_element(counts.begin(), counts.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        return most == counts.end() ? std::string() : most->first;
    }

    std::vector<std::string> m_sources;
    std::vector<MetricProfile> m_metrics;
    std::unordered_map<std::int64_t, std::string> m_metricNames;
};

// A found figure's fields as `detect` records them: tagged, so they can be told from claims read by a person.
ClaimFields detectedFields(ClaimFields fields, const Figure& figure) {
    fields.tags = {"detected"};
    if (figure.approximate)
        fields.tags.push_back("approximate");
    return fields;
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
        std::optional<FigureReader> reader;
        if (acceptAll)
            reader.emplace(*m_db);
        std::vector<DetectedFigures> results;
        for (const Article& target : targets) {
            DetectedFigures result;
            result.articleId = target.id;
            const std::string text = orRefuse(articleText(target.id));
            const CodePointIndex index(text);
            for (const Figure& figure : extractFigures(text)) {
                if (figure.kind == FigureKind::Date)
                    continue;
                Statement claimed =
                    m_db->cached("SELECT 1 FROM claim WHERE article_id = ?1 AND start < ?3 AND \"end\" > ?2");
                claimed.bind(1, target.id).bind(2, figure.range.start).bind(3, figure.range.end);
                if (claimed.step()) {
                    ++result.alreadyClaimed;
                    continue;
                }
                Statement suggested = m_db->cached(
                    "SELECT id, state FROM suggestion WHERE article_id = ?1 AND start < ?3 AND \"end\" > ?2");
                suggested.bind(1, target.id).bind(2, figure.range.start).bind(3, figure.range.end);
                if (suggested.step()) {
                    // Accept all takes up pending suggestions too; what was rejected stays rejected.
                    if (!acceptAll || suggested.text(1) != "pending") {
                        ++result.alreadySuggested;
                        continue;
                    }
                    Statement remove = m_db->cached("DELETE FROM suggestion WHERE id = ?1");
                    remove.bind(1, suggested.integer(0));
                    remove.run();
                }
                if (acceptAll) {
                    const ClaimFields fields =
                        detectedFields(reader->fields(figure, text, index, target), figure);
                    writer.insert({target.id, figure.range, {}}, orRefuse(validateClaimFields(fields)), now);
                    ++result.accepted;
                    continue;
                }
                insertSuggestion(*m_db, 0, target.id, writer.anchor(target.id, figure.range), figure, false);
                result.suggestionIds.push_back(m_db->lastInsertId());
                ++result.suggested;
            }
            results.push_back(result);
        }
        transaction.commit();
        return results;
    });
}

namespace {

struct FigureWords {
    Figure figure;
    CodePointRange words;  // the selection grown to the figure and to whole words
};

// The figure the words at `range` of an article belong to, with its words; refuses a range outside the text.
std::optional<FigureWords> figureWordsOf(const CodePointIndex& text, CodePointRange range,
                                         std::int64_t articleId) {
    if (range.start < 0 || range.end <= range.start || range.end > text.size())
        refuse(ErrorCode::InvalidInput,
               fmt::format("range [{}, {}) is not inside article {}", range.start, range.end, articleId));
    auto figure = figureAt(text, range);
    if (!figure || figure->kind == FigureKind::Date)
        return std::nullopt;
    const CodePointRange words = wholeWords(
        text, {std::min(range.start, figure->range.start), std::max(range.end, figure->range.end)});
    return FigureWords{std::move(*figure), words};
}

}  // namespace

Result<std::optional<CodePointRange>> Project::figureWordsAt(std::int64_t articleId, CodePointRange range) {
    return guarded([&] {
        const std::string text = readArticleText(*m_db, articleId);
        const auto found = figureWordsOf(CodePointIndex(text), range, articleId);
        return found ? std::optional(found->words) : std::nullopt;
    });
}

Result<ClaimReading> Project::readClaimAt(std::int64_t articleId, CodePointRange range) {
    return guarded([&] {
        const Article target = orRefuse(article(articleId));
        const std::string text = readArticleText(*m_db, articleId);
        const CodePointIndex index(text);
        ClaimReading reading{false, range, {}, {}};
        const auto found = figureWordsOf(index, range, articleId);
        if (!found)
            return reading;
        reading.found = true;
        reading.range = found->words;
        const FigureReader reader(*m_db);
        reading.fields = reader.fields(found->figure, text, index, target);
        reading.proposals = reader.metricsFor(found->figure, text, index, reading.fields.unit);
        return reading;
    });
}

Result<std::int64_t> Project::pendingSuggestionCount(std::optional<std::int64_t> articleId) {
    return guarded([&] {
        Statement count = m_db->cached("SELECT count(*) FROM suggestion WHERE state = 'pending' AND (CAST(?1 "
                                       "AS BIGINT) IS NULL OR article_id = ?1)");
        if (articleId)
            count.bind(1, *articleId);
        count.step();
        return count.integer(0);
    });
}

Result<std::vector<Suggestion>> Project::suggestions(std::int64_t articleId, bool includeRejected) {
    return guarded([&] {
        Statement select =
            m_db->cached(std::string(kSelectSuggestions) +
                         " WHERE s.article_id = ?1 AND (?2 OR s.state = 'pending') ORDER BY s.start, s.end");
        select.bind(1, articleId).bind(2, std::int64_t{includeRejected});
        std::vector<Suggestion> found;
        while (select.step())
            found.push_back(readSuggestion(select));
        return found;
    });
}

Result<std::vector<ClaimRecord>> Project::acceptSuggestions(std::span<const std::int64_t> ids) {
    return guarded([&] {
        const std::string now = nowUtc();
        Transaction transaction(*m_db);
        ClaimWriter writer(*m_db);
        const FigureReader reader(*m_db);
        std::vector<std::int64_t> claimIds;
        for (const std::int64_t id : ids) {
            Statement select = m_db->cached(std::string(kSelectSuggestions) + " WHERE s.id = ?1");
            select.bind(1, id);
            if (!select.step())
                refuse(ErrorCode::NotFound, fmt::format("no suggestion with id {}", id));
            const Suggestion suggestion = readSuggestion(select);
            const Article target = orRefuse(article(suggestion.articleId));
            const std::string text = readArticleText(*m_db, suggestion.articleId);
            const ClaimFields fields = detectedFields(
                reader.fields(suggestion.figure, text, CodePointIndex(text), target), suggestion.figure);
            claimIds.push_back(writer.insert({suggestion.articleId, suggestion.anchor.range, fields},
                                             orRefuse(validateClaimFields(fields)), now));
        }
        deleteRows(*m_db, "suggestion", ids);
        std::vector<ClaimRecord> claims = orRefuse(claimsById(claimIds));
        transaction.commit();
        return claims;
    });
}

Result<void> Project::unacceptSuggestions(std::span<const ClaimRecord> claims,
                                          std::span<const Suggestion> suggestions) {
    return guarded([&] {
        Transaction transaction(*m_db);
        for (const ClaimRecord& claim : claims) {
            const std::int64_t id = claim.id;
            deleteRows(*m_db, "claim", std::span(&id, 1));
        }
        for (const Suggestion& suggestion : suggestions)
            insertSuggestion(*m_db, suggestion.id, suggestion.articleId, suggestion.anchor, suggestion.figure,
                             suggestion.rejected);
        transaction.commit();
    });
}

Result<void> Project::reacceptSuggestions(std::span<const ClaimRecord> claims,
                                          std::span<const std::int64_t> ids) {
    return guarded([&] {
        Transaction transaction(*m_db);
        deleteRows(*m_db, "suggestion", ids);
        ClaimWriter writer(*m_db);
        for (const ClaimRecord& claim : claims)
            writer.restore(claim);
        transaction.commit();
    });
}

Result<void> Project::setSuggestionsRejected(std::span<const std::int64_t> ids, bool rejected) {
    return guarded([&] {
        Transaction transaction(*m_db);
        Statement update = m_db->cached("UPDATE suggestion SET state = ?2 WHERE id = ?1");
        for (const std::int64_t id : ids) {
            update.reset();
            update.bind(1, id).bind(2, rejected ? "rejected" : "pending");
            update.run();
        }
        transaction.commit();
    });
}

Result<void> Project::deleteSuggestions(std::span<const std::int64_t> ids) {
    return guarded([&] {
        Transaction transaction(*m_db);
        deleteRows(*m_db, "suggestion", ids);
        transaction.commit();
    });
}

Result<void> Project::restoreSuggestions(std::span<const Suggestion> suggestions) {
    return guarded([&] {
        Transaction transaction(*m_db);
        for (const Suggestion& suggestion : suggestions)
            insertSuggestion(*m_db, suggestion.id, suggestion.articleId, suggestion.anchor, suggestion.figure,
                             suggestion.rejected);
        transaction.commit();
    });
}

}  // namespace claimtrack
