// Project: full-text search over articles and claim fields (SQLite FTS5; the
// indexes and the triggers that keep them current are in schema.cpp).
#include "guarded.h"
#include "project.h"
#include "records.h"
#include "search/query.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace claimtrack {

using namespace db;
using sqlite::Statement;

namespace {

// The filters as SQL over an article `a`, and over a claim `c` of it; parameters from ?10 on.
struct FilterSql {
    std::string article;          // "" or " AND ...": the article filters
    std::string claim;            // "" or " AND ...": the claim filters, checked claim by claim
    std::string articleHasClaim;  // "" or " AND ...": the article has one claim that passes them all
    // "" or " AND ...": a claim's id (`claim_search.rowid`) is among those of its source, metric and tag,
    // each set read from its covering index; checked before the claim's row is read, if it is at all.
    std::string claimIds;
};

FilterSql filterSql(const SearchFilters& f) {
    FilterSql sql;
    if (!f.publisher.empty())
        sql.article += " AND a.publisher = ?10 COLLATE NOCASE";
    if (!f.since.empty())
        sql.article += " AND a.published >= ?11";
    if (!f.until.empty())
        sql.article += " AND substr(a.published, 1, length(?12)) <= ?12";
    const bool byEntity = !f.source.empty() || !f.metric.empty();
    if (!f.source.empty())
        sql.claim += " AND c.source_id = (SELECT id FROM source WHERE name = ?13)";
    if (!f.metric.empty())
        sql.claim += " AND c.metric_id = (SELECT id FROM metric WHERE name = ?14)";
    if (!f.tag.empty())
        sql.claim += byEntity
                         ? " AND EXISTS (SELECT 1 FROM claim_tag WHERE claim_id = c.id AND tag_id = "
                           "(SELECT id FROM tag WHERE name = ?15))"
                         : " AND c.id IN (SELECT claim_id FROM claim_tag WHERE tag_id = (SELECT id FROM tag "
                           "WHERE name = ?15))";
    for (const auto& [given, set] :
         {std::pair{&f.source,
                    "SELECT id FROM claim WHERE source_id = (SELECT id FROM source WHERE name = ?13)"},
          {&f.metric, "SELECT id FROM claim WHERE metric_id = (SELECT id FROM metric WHERE name = ?14)"},
          {&f.tag, "SELECT claim_id FROM claim_tag WHERE tag_id = (SELECT id FROM tag WHERE name = ?15)"}})
        if (!given->empty())
            sql.claimIds += std::string(" AND +claim_search.rowid IN (") + set + ")";
    // `+` keeps SQLite from reading a status through an index: a status has four values, so it is the
    // filter that matches the most claims, and never the one to start from.
    if (f.status)
        sql.claim += " AND +c.status = ?16";

    // Which articles have a passing claim. With a source, a metric or a tag they are found once, through
    // the covering index of the filter that matches fewest claims (SQLite cannot tell which, so it is
    // told: a source or a metric, then a tag); asked article by article (EXISTS), SQLite walked that
    // filter's claims once per article, minutes on a million claims. A status alone is asked article by
    // article, one step in the (article, status) index each.
    if (byEntity || !f.tag.empty())
        sql.articleHasClaim =
            " AND a.id IN (SELECT DISTINCT c.article_id FROM claim c WHERE 1" + sql.claim + ")";
    else if (f.status)
        sql.articleHasClaim =
            " AND EXISTS (SELECT 1 FROM claim c WHERE c.article_id = a.id AND c.status = ?16)";
    return sql;
}

void bindFilters(Statement& statement, const SearchFilters& f) {
    const auto bindIf = [&](int index, const std::string& value) {
        if (!value.empty())
            statement.bind(index, value);
    };
    bindIf(10, f.publisher);
    bindIf(11, f.since);
    bindIf(12, f.until);
    bindIf(13, normalizeField(f.source));
    bindIf(14, normalizeField(f.metric));
    bindIf(15, normalizeField(f.tag));
    if (f.status)
        statement.bind(16, toString(*f.status));
}

// The opening of a text, for an article found by filters alone.
std::string opening(std::string_view text) {
    constexpr std::size_t kLength = 160;
    if (text.size() <= kLength)
        return std::string(text);
    std::size_t cut = text.rfind(' ', kLength);
    if (cut == std::string_view::npos || cut < kLength / 2)
        cut = kLength;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // never inside a UTF-8 sequence
    return std::string(text.substr(0, cut)) + "\u2026";
}

}  // namespace

MarkedText splitMarks(std::string_view marked) {
    MarkedText split;
    split.text.reserve(marked.size());
    std::int64_t at = 0, start = 0;  // code points: every byte that does not continue a UTF-8 sequence
    for (const char c : marked) {
        if (c == kMatchStart) {
            start = at;
        } else if (c == kMatchEnd) {
            split.matches.push_back({start, at});
        } else {
            split.text += c;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
                ++at;
        }
    }
    return split;
}

Result<std::vector<SearchHit>> Project::search(const std::string& text, std::size_t limit) {
    const auto query = parseSearchQuery(text);
    if (!query)
        return query.error();
    return guarded([&] {
        const FilterSql filters = filterSql(query->filters);
        std::vector<SearchHit> hits;
        std::unordered_map<std::int64_t, std::size_t> byArticle;
        const auto add = [&](SearchHit hit) {
            const auto [at, added] = byArticle.try_emplace(hit.articleId, hits.size());
            if (added)
                return hits.push_back(std::move(hit));
            // Found in its text and in its claims: both count, and the text's passage is shown.
            SearchHit& kept = hits[at->second];
            kept.score += hit.score;
            kept.inClaims = kept.inClaims || hit.inClaims;
        };

        if (query->match.empty()) {
            Statement select(*m_db,
                             "SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), "
                             "substr(a.text, 1, 400) FROM article a WHERE 1" +
                                 filters.article + filters.articleHasClaim +
                                 " ORDER BY a.published DESC, a.id LIMIT ?1");
            select.bind(1, static_cast<std::int64_t>(limit));
            bindFilters(select, query->filters);
            while (select.step())
                add({select.integer(0), select.text(1), select.text(2), select.text(3),
                     opening(select.text(4)), false, false, 0});
            return hits;
        }

        // Both rankings first order the matches by score alone, then take titles and passages for the
        // best few: SQLite would otherwise carry a snippet of every match (all 10,000 articles for a
        // common word) into its sort. CROSS JOIN keeps that order: the best rows first, each then
        // looked up by its id (left to itself, SQLite ran the whole match again and joined it).
        // Titles weigh more than text: a word in the title says what the article is about.
        Statement inText(*m_db,
                         "WITH best AS MATERIALIZED (SELECT a.id, bm25(article_search, 4.0, 1.0) AS score "
                         "FROM article_search JOIN article a ON a.id = article_search.rowid "
                         "WHERE article_search MATCH ?2" +
                             filters.article + filters.articleHasClaim +
                             " ORDER BY score LIMIT ?1) "
                             "SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), "
                             "snippet(article_search, -1, char(2), char(3), '\u2026', 24), best.score "
                             "FROM best CROSS JOIN article_search CROSS JOIN article a WHERE "
                             "article_search.rowid = best.id "
                             "AND article_search MATCH ?2 AND a.id = best.id ORDER BY best.score");
        inText.bind(1, static_cast<std::int64_t>(limit)).bind(2, query->match);
        bindFilters(inText, query->filters);
        while (inText.step())
            add({inText.integer(0), inText.text(1), inText.text(2), inText.text(3), inText.text(4), false,
                 true, inText.number(5).value_or(0)});

        // Claims, best first. A claim's source, metric and tag are checked on the match's id, against the
        // sets their covering indexes give; its row is read only for a status or an article filter (asked
        // once, as the set of articles they pass), and then only for matches whose ids passed.
        const std::string articleSet =
            filters.article.empty()
                ? std::string()
                : " AND c.article_id IN (SELECT a.id FROM article a WHERE 1" + filters.article + ")";
        const std::string ranked = "SELECT claim_search.rowid AS id, bm25(claim_search) AS score FROM "
                                   "claim_search WHERE claim_search MATCH ?2";
        // With a status alone, the best-scored few thousand matches are checked first: for a common word
        // the best claims that pass are among them, and reading every match's row took longer than the
        // ranking. When fewer pass there, every match is checked.
        const bool readsRows = !filters.article.empty() || query->filters.status;
        const auto claimsRanked = [&](bool window) {
            const std::string best =
                !readsRows ? ranked + filters.claimIds + " ORDER BY score LIMIT ?1"
                : window
                    ? "SELECT ranked.id, ranked.score FROM (" + ranked +
                          " ORDER BY score LIMIT ?3) ranked CROSS JOIN claim c WHERE c.id = ranked.id" +
                          articleSet + filters.claim + " ORDER BY ranked.score LIMIT ?1"
                    : "SELECT claim_search.rowid AS id, bm25(claim_search) AS score FROM claim_search JOIN "
                      "claim c ON c.id = claim_search.rowid WHERE claim_search MATCH ?2" +
                          filters.claimIds + articleSet + filters.claim + " ORDER BY score LIMIT ?1";
            Statement select(
                *m_db,
                "WITH best AS MATERIALIZED (" + best +
                    ") SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), "
                    "'claim: ' || snippet(claim_search, -1, char(2), char(3), '\u2026', 12), best.score "
                    "FROM best CROSS JOIN claim_search CROSS JOIN claim c CROSS JOIN article a "
                    "WHERE claim_search.rowid = best.id AND claim_search MATCH ?2 AND c.id = best.id "
                    "AND a.id = c.article_id ORDER BY best.score");
            select.bind(1, static_cast<std::int64_t>(limit) * 4).bind(2, query->match);
            if (window)
                select.bind(3, static_cast<std::int64_t>(limit) * 200);
            bindFilters(select, query->filters);
            std::vector<SearchHit> found;
            while (select.step())
                found.push_back({select.integer(0), select.text(1), select.text(2), select.text(3),
                                 select.text(4), true, false, select.number(5).value_or(0)});
            return found;
        };
        // Only a status is common enough for the window to hold the best claims that pass; a source, a
        // metric or a tag names few claims, which the full check finds at once.
        const auto& f = query->filters;
        const bool common = f.status && f.source.empty() && f.metric.empty() && f.tag.empty();
        std::vector<SearchHit> inClaims = claimsRanked(common);
        if (common && inClaims.size() < limit * 4)
            inClaims = claimsRanked(false);
        // An article is represented by its best claim.
        std::unordered_map<std::int64_t, bool> seen;
        for (SearchHit& hit : inClaims)
            if (seen.try_emplace(hit.articleId, true).second)
                add(std::move(hit));
        std::stable_sort(hits.begin(), hits.end(),
                         [](const SearchHit& a, const SearchHit& b) { return a.score < b.score; });
        if (hits.size() > limit)
            hits.resize(limit);
        return hits;
    });
}

Result<std::vector<CodePointRange>> Project::searchMatches(std::int64_t articleId, const std::string& text) {
    const auto query = parseSearchQuery(text);
    if (!query)
        return query.error();
    return guarded([&] {
        if (query->match.empty())
            return std::vector<CodePointRange>();  // filters only: no words to mark
        Statement select(*m_db, "SELECT highlight(article_search, 1, char(2), char(3)) FROM article_search "
                                "WHERE article_search MATCH ?2 AND rowid = ?1");
        select.bind(1, articleId).bind(2, query->match);
        return select.step() ? splitMarks(select.text(0)).matches : std::vector<CodePointRange>();
    });
}

}  // namespace claimtrack
