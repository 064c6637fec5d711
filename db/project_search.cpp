// Project: full-text search over articles and claim fields (SQLite FTS5; the
// indexes and the triggers that keep them current are in schema.cpp). On a
// server, the same search in PostgreSQL's words is in search_server.cpp.
#include "guarded.h"
#include "project.h"
#include "records.h"
#include "search/query.h"
#include "search_server.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace claimtrack {

using namespace db;
using sql::Statement;

namespace {

// The filters as SQL, each a set of ids read from a covering index where one serves, so that rows are
// read only for the few matches that pass; parameters from ?10 on.
struct FilterSql {
    // "" or the ids of the articles that pass the article filters (publisher, dates), from article_by_date:
    // an article's row starts a page of its own, beside its text.
    std::string articleIds;
    // The ids of the claims that pass each claim filter that names few claims: a source, a metric, a rare
    // status, a tag, in that order (fewest claims first, as a rule: SQLite cannot tell, so it is told).
    std::vector<std::string> claimIdSets;
    // "" or the ids of the articles with a claim that passes every claim filter; found once, starting from
    // the first id set's index. Asked article by article, SQLite walked that filter's claims once per
    // article: minutes on a million claims.
    std::string articlesWithClaim;
    // A common status (one on many claims) is not a set but checked claim by claim: in the (article,
    // status) index, or in the claim's row where that is read anyway.
    bool commonStatus = false;
    // A common status and no id set: it passes most matches, so the best-scored few are checked first.
    bool statusAlone = false;

    // " AND +column IN (set)" for each id set from `first` on: `+` checks the id against the set rather
    // than starting from it.
    std::string claimIds(std::string_view column, std::size_t first = 0) const {
        std::string sql;
        for (std::size_t i = first; i < claimIdSets.size(); ++i)
            sql += fmt::format(" AND +{} IN ({})", column, claimIdSets[i]);
        return sql;
    }
};

// A status on fewer than one claim in kRareShare, and on fewer than kRareStatus claims, is rare: a set of
// claim ids, read from the (status, article) index; one on more is checked claim by claim. A set that size
// costs a few milliseconds, and a common status passes one match in twenty or more, so the window below
// holds the best that pass.
constexpr std::int64_t kRareShare = 20;
constexpr std::int64_t kRareStatus = 50000;

// How many of the best-scored matches a common status is checked on first, per result wanted.
constexpr std::int64_t kWindow = 50;

constexpr const char* kArticleHasStatus =
    " AND EXISTS (SELECT 1 FROM claim s WHERE s.article_id = {} AND s.status = ?16)";

// " AND column IN (set)", or "" for no set.
std::string inSet(std::string_view column, const std::string& set) {
    return set.empty() ? std::string() : fmt::format(" AND {} IN ({})", column, set);
}

FilterSql filterSql(const SearchFilters& f, bool rareStatus) {
    FilterSql sql;
    if (const std::string article = articleConditions(f); !article.empty())
        sql.articleIds = "SELECT a.id FROM article a WHERE 1" + article;

    // Each claim filter as a set of ids, and as where to start when it leads: its covering index, which
    // holds the claims' articles too (a tag's does not: its claims are looked up).
    struct ClaimFilter {
        bool given;
        const char* ids;
        const char* leading;
    };
    const ClaimFilter claimFilters[] = {
        {!f.source.empty(), "SELECT id FROM claim WHERE source_id = (SELECT id FROM source WHERE name = ?13)",
         "FROM claim c WHERE c.source_id = (SELECT id FROM source WHERE name = ?13)"},
        {!f.metric.empty(), "SELECT id FROM claim WHERE metric_id = (SELECT id FROM metric WHERE name = ?14)",
         "FROM claim c WHERE c.metric_id = (SELECT id FROM metric WHERE name = ?14)"},
        {f.status && rareStatus, "SELECT id FROM claim WHERE status = ?16",
         "FROM claim c WHERE c.status = ?16"},
        {!f.tag.empty(),
         "SELECT claim_id FROM claim_tag WHERE tag_id = (SELECT id FROM tag WHERE name = ?15)",
         "FROM claim_tag t CROSS JOIN claim c WHERE t.tag_id = (SELECT id FROM tag WHERE name = ?15) AND "
         "c.id = t.claim_id"},
    };
    const char* leading = nullptr;
    for (const ClaimFilter& filter : claimFilters)
        if (filter.given) {
            sql.claimIdSets.push_back(filter.ids);
            leading = leading ? leading : filter.leading;
        }
    sql.commonStatus = f.status && !rareStatus;
    if (!leading) {
        sql.statusAlone = sql.commonStatus;
        return sql;
    }
    sql.articlesWithClaim = std::string("SELECT DISTINCT c.article_id ") + leading + sql.claimIds("c.id", 1);
    if (sql.commonStatus)
        sql.articlesWithClaim +=
            " AND EXISTS (SELECT 1 FROM claim s INDEXED BY claim_by_article_status WHERE "
            "s.article_id = c.article_id AND s.status = ?16 AND s.id = c.id)";
    return sql;
}

// The best `limit` of the articles found in their own words and those found by their claims' words; an
// article found both ways is one hit, both scores counted, with its text's passage.
std::vector<SearchHit> mergeHits(FoundHits found, std::size_t limit) {
    std::vector<SearchHit> hits;
    std::unordered_map<std::int64_t, std::size_t> byArticle;
    for (SearchHit& hit : found.inText)
        if (byArticle.try_emplace(hit.articleId, hits.size()).second)
            hits.push_back(std::move(hit));
    // An article found by its claims is represented by its best claim, and lists every claim that matched.
    std::unordered_map<std::int64_t, bool> byClaims;
    for (SearchHit& hit : found.inClaims) {
        const auto [at, added] = byArticle.try_emplace(hit.articleId, hits.size());
        if (added) {
            byClaims.try_emplace(hit.articleId, true);
            hits.push_back(std::move(hit));
            continue;
        }
        SearchHit& kept = hits[at->second];
        if (byClaims.try_emplace(hit.articleId, true).second) {
            // Found in its text and in its claims: both count, and the text's passage is shown.
            kept.score += hit.score;
            kept.inClaims = true;
        }
        kept.claimIds.push_back(hit.claimIds.front());
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.score < b.score; });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

}  // namespace

void db::bindSearchFilters(Statement& statement, const SearchFilters& f) {
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

std::string db::articleConditions(const SearchFilters& f) {
    std::string sql;
    if (!f.publisher.empty())
        sql += " AND a.publisher = CAST(?10 AS TEXT) COLLATE nocase";
    if (!f.since.empty())
        sql += " AND a.published >= ?11";
    if (!f.until.empty())
        sql += " AND substr(a.published, 1, length(CAST(?12 AS TEXT))) <= ?12";
    return sql;
}

SearchHit db::listedArticle(Statement& row) {
    // The opening of its text, at a space where one is near, never inside a UTF-8 sequence.
    constexpr std::size_t kLength = 160;
    std::string text = row.text(4);
    if (text.size() > kLength) {
        std::size_t cut = text.rfind(' ', kLength);
        if (cut == std::string::npos || cut < kLength / 2)
            cut = kLength;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text = text.substr(0, cut) + "\u2026";
    }
    return {row.integer(0), row.text(1), row.text(2), row.text(3), std::move(text), false, false, 0, {}};
}

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

Result<std::optional<std::string>> Project::searchProjectMemo(const std::string& text) {
    const auto query = parseSearchQuery(text);
    if (!query)
        return query.error();
    return guarded([&]() -> std::optional<std::string> {
        if (query->match.empty() || query->filters != SearchFilters{})
            return std::nullopt;
        if (m_db->dialect() != sql::Dialect::Sqlite)
            return memoMatchOnServer(*m_db, *query);
        // One memo is not worth an index in the file: it is matched by an index of its own in the
        // connection's temporary schema (writable also when the project is opened read-only), so that it
        // is read exactly as articles are.
        m_db->exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.memo_search USING fts5(memo, tokenize = "
                   "'unicode61 remove_diacritics 2');"
                   "DELETE FROM temp.memo_search;"
                   "INSERT INTO temp.memo_search SELECT text FROM project_memo;");
        Statement select(*m_db, "SELECT snippet(memo_search, 0, char(2), char(3), '\u2026', 24) FROM "
                                "temp.memo_search WHERE memo_search MATCH ?1");
        select.bind(1, query->match);
        if (!select.step())
            return std::nullopt;
        return select.text(0);
    });
}

Result<std::vector<SearchHit>> Project::search(const std::string& text, std::size_t limit,
                                               std::size_t* total) {
    const auto query = parseSearchQuery(text);
    if (!query)
        return query.error();
    return guarded([&] {
        if (m_db->dialect() != sql::Dialect::Sqlite)
            return query->match.empty() ? filterOnServer(*m_db, query->filters, limit, total)
                                        : mergeHits(searchOnServer(*m_db, *query, limit, total), limit);
        bool rareStatus = false;
        if (query->filters.status) {
            // The highest id stands for the number of claims: it is one step, a count reads every claim.
            const std::int64_t rare =
                std::clamp(m_db->queryInteger("SELECT coalesce(max(id), 0) FROM claim") / kRareShare,
                           std::int64_t{1}, kRareStatus);
            Statement count(*m_db, "SELECT count(*) FROM (SELECT 1 FROM claim WHERE status = ?1 LIMIT ?2)");
            count.bind(1, toString(*query->filters.status)).bind(2, rare);
            rareStatus = count.step() && count.integer(0) < rare;
        }
        const FilterSql filters = filterSql(query->filters, rareStatus);
        const SearchFilters& f = query->filters;
        if (query->match.empty()) {
            std::vector<SearchHit> hits;
            Statement select(
                *m_db, "SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), "
                       "substr(a.text, 1, 400) FROM article a WHERE 1" +
                           inSet("a.id", filters.articleIds) + inSet("a.id", filters.articlesWithClaim) +
                           (filters.statusAlone ? fmt::format(kArticleHasStatus, "a.id") : "") +
                           " ORDER BY a.published DESC, a.id LIMIT ?1");
            select.bind(1, static_cast<std::int64_t>(limit));
            bindSearchFilters(select, f);
            while (select.step())
                hits.push_back(listedArticle(select));
            if (total) {
                Statement count(*m_db,
                                "SELECT count(*) FROM article a WHERE 1" + inSet("a.id", filters.articleIds) +
                                    inSet("a.id", filters.articlesWithClaim) +
                                    (filters.statusAlone ? fmt::format(kArticleHasStatus, "a.id") : ""));
                bindSearchFilters(count, f);
                *total = count.step() ? static_cast<std::size_t>(count.integer(0)) : 0;
            }
            return hits;
        }

        // Both rankings first order the matches by score alone, then take titles and passages for the
        // best few: SQLite would otherwise carry a snippet of every match (all 10,000 articles for a
        // common word) into its sort. CROSS JOIN keeps that order: the best rows first, each then looked up
        // by its id (left to itself, SQLite ran the whole match again and joined it). A prefix query is
        // the exception: FTS5 expands the prefix again for each lookup (270 ms for 80 claims' passages on
        // a million claims), so the best get their passages in one more pass over the matches within the
        // range of their ids (30 ms there; for a word, that pass cost more than the lookups).
        const bool prefix = query->match.find('*') != std::string::npos;
        // The FROM and WHERE that join the best rows with the index they were found in, and then `joined`.
        const auto bestIn = [&](std::string_view index, std::string_view joined) {
            return prefix
                       ? fmt::format("FROM {0} CROSS JOIN best {1} WHERE {0} MATCH ?2 AND {0}.rowid BETWEEN "
                                     "(SELECT min(id) FROM best) AND (SELECT max(id) FROM best) AND "
                                     "best.id = {0}.rowid",
                                     index, joined)
                       : fmt::format(
                             "FROM best CROSS JOIN {0} {1} WHERE {0}.rowid = best.id AND {0} MATCH ?2", index,
                             joined);
        };
        const auto run = [&](const std::string& sql, std::int64_t wanted, bool window, bool inClaims) {
            Statement select(*m_db, sql);
            select.bind(1, wanted).bind(2, query->match);
            if (window)
                select.bind(3, wanted * kWindow);
            bindSearchFilters(select, f);
            std::vector<SearchHit> found;
            while (select.step()) {
                found.push_back({select.integer(0),
                                 select.text(1),
                                 select.text(2),
                                 select.text(3),
                                 select.text(4),
                                 inClaims,
                                 !inClaims,
                                 select.number(5).value_or(0),
                                 {}});
                if (inClaims)
                    found.back().claimIds.push_back(select.integer(6));
            }
            return found;
        };
        // The best `wanted` of the window (or of all matches) that pass, for `window` when fewer pass there.
        const auto ranked = [&](const auto& sql, std::int64_t wanted, bool inClaims) {
            auto found = run(sql(filters.statusAlone), wanted, filters.statusAlone, inClaims);
            if (filters.statusAlone && found.size() < static_cast<std::size_t>(wanted))
                found = run(sql(false), wanted, false, inClaims);
            return found;
        };

        // Articles. Titles weigh more than text: a word in the title says what the article is about; the
        // researcher's memo on it, in between.
        const std::string articlesRanked =
            "SELECT rowid AS id, bm25(article_search, 4.0, 1.0, 2.0) AS score FROM article_search WHERE "
            "article_search MATCH ?2" +
            inSet("+rowid", filters.articleIds) + inSet("+rowid", filters.articlesWithClaim);
        const auto articlesSql = [&](bool window) {
            const std::string best =
                !filters.statusAlone
                    ? articlesRanked + " ORDER BY score LIMIT ?1"
                    : "SELECT ranked.id, ranked.score FROM (" + articlesRanked +
                          (window ? " ORDER BY score LIMIT ?3" : "") + ") ranked WHERE 1" +
                          fmt::format(kArticleHasStatus, "ranked.id") + " ORDER BY ranked.score LIMIT ?1";
            return "WITH best AS MATERIALIZED (" + best +
                   ") SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), "
                   "snippet(article_search, -1, char(2), char(3), '\u2026', 24), best.score " +
                   bestIn("article_search", "CROSS JOIN article a") +
                   " AND a.id = best.id ORDER BY best.score";
        };
        FoundHits found;
        found.inText = ranked(articlesSql, static_cast<std::int64_t>(limit), false);

        // Claims, best first. A claim's source, metric and tag are checked on the match's id; its row is
        // read only for its article or its status, and then only for matches whose ids passed.
        const std::string claimsRanked =
            "SELECT claim_search.rowid AS id, bm25(claim_search) AS score FROM claim_search WHERE "
            "claim_search MATCH ?2" +
            filters.claimIds("claim_search.rowid");
        const std::string rowChecks =
            inSet("c.article_id", filters.articleIds) + (filters.commonStatus ? " AND c.status = ?16" : "");
        const auto claimsSql = [&](bool window) {
            const std::string best = rowChecks.empty()
                                         ? claimsRanked + " ORDER BY score LIMIT ?1"
                                         : "SELECT ranked.id, ranked.score FROM (" + claimsRanked +
                                               (window ? " ORDER BY score LIMIT ?3" : "") +
                                               ") ranked CROSS JOIN claim c WHERE c.id = ranked.id" +
                                               rowChecks + " ORDER BY ranked.score LIMIT ?1";
            return "WITH best AS MATERIALIZED (" + best +
                   ") SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), "
                   "'claim: ' || snippet(claim_search, -1, char(2), char(3), '\u2026', 12), best.score, "
                   "c.id " +
                   bestIn("claim_search", "CROSS JOIN claim c CROSS JOIN article a") +
                   " AND c.id = best.id AND a.id = c.article_id ORDER BY best.score";
        };
        found.inClaims = ranked(claimsSql, static_cast<std::int64_t>(limit) * 4, true);
        if (total) {
            // Every article that matches, in its words or its claims', under the same filters.
            Statement count(
                *m_db, "SELECT count(*) FROM (SELECT ranked.id FROM (" + articlesRanked + ") ranked WHERE 1" +
                           (filters.statusAlone ? fmt::format(kArticleHasStatus, "ranked.id") : "") +
                           " UNION SELECT c.article_id FROM (" + claimsRanked +
                           ") ranked CROSS JOIN claim c WHERE c.id = ranked.id" + rowChecks + ")");
            count.bind(2, query->match);
            bindSearchFilters(count, f);
            *total = count.step() ? static_cast<std::size_t>(count.integer(0)) : 0;
        }
        return mergeHits(std::move(found), limit);
    });
}

Result<std::vector<CodePointRange>> Project::searchMatches(std::int64_t articleId, const std::string& text) {
    const auto query = parseSearchQuery(text);
    if (!query)
        return query.error();
    return guarded([&] {
        if (query->match.empty())
            return std::vector<CodePointRange>();  // filters only: no words to mark
        if (m_db->dialect() != sql::Dialect::Sqlite)
            return matchesOnServer(*m_db, articleId, *query);
        Statement select(*m_db, "SELECT highlight(article_search, 1, char(2), char(3)) FROM article_search "
                                "WHERE article_search MATCH ?2 AND rowid = ?1");
        select.bind(1, articleId).bind(2, query->match);
        return select.step() ? splitMarks(select.text(0)).matches : std::vector<CodePointRange>();
    });
}

}  // namespace claimtrack
