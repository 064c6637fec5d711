// Search on a PostgreSQL server (see search_server.h). The file's search is tuned by hand for SQLite's
// planner (db/project_search.cpp); PostgreSQL plans the plain statements below well, from the GIN indexes
// of the words and the same filters, so they are written plainly.
#include "search_server.h"
#include "guarded.h"
#include "schema_server.h"

#include <fmt/format.h>

#include <cctype>

namespace claimtrack::db {

namespace {

using sql::Statement;

// The query as a tsquery expression; each term's words are parameters from ?20 on (`words`), so no user
// input is ever read as tsquery syntax. The marks take every term that is found, joined by OR: what is
// left out is not in the results, and a phrase's words are marked where they stand.
struct TsQuery {
    std::string match;
    std::string marks;
    std::vector<std::string> words;

    explicit TsQuery(const SearchQuery& query) {
        const auto term = [&](const SearchTerm& t) {
            words.push_back(t.text);
            return fmt::format("claimtrack_term(?{}, {})", 19 + words.size(), t.prefix ? "true" : "false");
        };
        for (const auto& clause : query.clauses) {
            std::string either;
            for (const SearchTerm& t : clause) {
                const std::string one = term(t);
                either += (either.empty() ? "" : " || ") + one;
                marks += (marks.empty() ? "" : " || ") + one;
            }
            match += (match.empty() ? "(" : " && (") + either + ")";
        }
        for (const SearchTerm& t : query.excluded)
            match += " && !! " + term(t);
    }

    void bind(Statement& statement) const {
        for (std::size_t i = 0; i < words.size(); ++i)
            statement.bind(static_cast<int>(20 + i), words[i]);
    }
};

// The conditions on a claim `c` of the claim filters, as the file's search has them.
std::string claimConditions(const SearchFilters& f) {
    std::string sql;
    if (!f.source.empty())
        sql += " AND c.source_id = (SELECT id FROM source WHERE name = ?13)";
    if (!f.metric.empty())
        sql += " AND c.metric_id = (SELECT id FROM metric WHERE name = ?14)";
    if (f.status)
        sql += " AND c.status = ?16";
    if (!f.tag.empty())
        sql +=
            " AND EXISTS (SELECT 1 FROM claim_tag t WHERE t.claim_id = c.id AND t.tag_id = (SELECT id FROM "
            "tag WHERE name = ?15))";
    return sql;
}

// ... and that it has a claim that passes every claim filter.
std::string articleAndClaimConditions(const SearchFilters& f) {
    const std::string claims = claimConditions(f);
    return articleConditions(f) +
           (claims.empty() ? ""
                           : " AND EXISTS (SELECT 1 FROM claim c WHERE c.article_id = a.id" + claims + ")");
}

std::int64_t count(sql::Connection& db, const std::string& sql, const SearchFilters& f,
                   const TsQuery* words) {
    Statement select(db, sql);
    bindSearchFilters(select, f);
    if (words)
        words->bind(select);
    return select.step() ? select.integer(0) : 0;
}

// A project made before search came to servers is indexed when first opened for writing (Project::open).
void refuseWithoutIndex(sql::Connection& db) {
    if (!hasServerSearch(db))
        refuse(ErrorCode::ReadOnly,
               fmt::format("{} has no search index yet: it is made the first time the project "
                           "is opened for writing, by a version of Claimtrack that searches on "
                           "servers",
                           db.name()));
}

bool isSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// The passage of `marked` around its first match, at most `words` words, with an ellipsis where it was
// cut; the whole of it when it is that short. (FTS5's snippet() picks the window with the most matches;
// the first match with a little before it is what a reader needs to see why the article was found.)
std::string passageAround(std::string_view marked, std::size_t words) {
    struct Word {
        std::size_t begin, end;
    };
    std::vector<Word> all;
    std::size_t first = std::string_view::npos;
    for (std::size_t i = 0; i < marked.size();) {
        while (i < marked.size() && isSpace(marked[i]))
            ++i;
        if (i == marked.size())
            break;
        const std::size_t begin = i;
        while (i < marked.size() && !isSpace(marked[i]))
            ++i;
        if (first == std::string_view::npos &&
            marked.substr(begin, i - begin).find(kMatchStart) != std::string_view::npos)
            first = all.size();
        all.push_back({begin, i});
    }
    if (all.empty())
        return {};
    const std::size_t start = first == std::string_view::npos ? 0 : first - std::min(first, words / 4);
    const std::size_t end = std::min(all.size(), start + words);
    return (start > 0 ? "\u2026" : "") +
           std::string(marked.substr(all[start].begin, all[end - 1].end - all[start].begin)) +
           (end < all.size() ? "\u2026" : "");
}

// The first of `marked` that has a match in it, as a passage: the field in which the hit was found.
std::string passageOfFirstMatched(const std::vector<std::string>& marked, std::size_t words) {
    for (const std::string& field : marked)
        if (field.find(kMatchStart) != std::string::npos)
            return passageAround(field, words);
    return marked.empty() ? std::string() : passageAround(marked.front(), words);
}

}  // namespace

std::vector<SearchHit> filterOnServer(sql::Connection& db, const SearchFilters& f, std::size_t limit,
                                      std::size_t* total) {
    const std::string where = " FROM article a WHERE true" + articleAndClaimConditions(f);
    Statement select(db, "SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), "
                         "substr(a.text, 1, 400)" +
                             where + " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?1");
    select.bind(1, static_cast<std::int64_t>(limit));
    bindSearchFilters(select, f);
    std::vector<SearchHit> hits;
    while (select.step())
        hits.push_back(listedArticle(select));
    if (total)
        *total = static_cast<std::size_t>(count(db, "SELECT count(*)" + where, f, nullptr));
    return hits;
}

FoundHits searchOnServer(sql::Connection& db, const SearchQuery& query, std::size_t limit,
                         std::size_t* total) {
    refuseWithoutIndex(db);
    const SearchFilters& f = query.filters;
    const TsQuery words(query);
    FoundHits found;

    // Articles, best first: ts_rank's weights for D (unused), C (text), B (memo) and A (title).
    const std::string articlesFound =
        "FROM article_search s JOIN article a ON a.id = s.id WHERE s.words @@ (" + words.match + ")" +
        articleAndClaimConditions(f);
    Statement articles(
        db,
        fmt::format("WITH best AS (SELECT s.id, -ts_rank('{{0.1, 0.25, 0.5, 1}}', s.words, {0}) AS score {1} "
                    "ORDER BY score, s.id LIMIT ?1) "
                    "SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), best.score, "
                    "claimtrack_marked(a.text, {2}), claimtrack_marked(a.memo, {2}), "
                    "claimtrack_marked(a.title, {2}) "
                    "FROM best JOIN article a ON a.id = best.id ORDER BY best.score, best.id",
                    words.match, articlesFound, words.marks));
    articles.bind(1, static_cast<std::int64_t>(limit));
    bindSearchFilters(articles, f);
    words.bind(articles);
    while (articles.step()) {
        const std::string snippet =
            passageOfFirstMatched({articles.text(5), articles.text(6), articles.text(7)}, 24);
        found.inText.push_back({articles.integer(0),
                                articles.text(1),
                                articles.text(2),
                                articles.text(3),
                                snippet,
                                false,
                                true,
                                articles.number(4).value_or(0),
                                {}});
    }

    // Claims, best first, with their articles' filters too.
    const std::string claimsFound = "FROM claim_search s JOIN claim c ON c.id = s.id JOIN article a ON a.id "
                                    "= c.article_id WHERE s.words @@ (" +
                                    words.match + ")" + claimConditions(f) + articleConditions(f);
    Statement claims(
        db,
        fmt::format("WITH best AS (SELECT s.id, -ts_rank(s.words, {0}) AS score {1} ORDER BY score, s.id "
                    "LIMIT ?1) "
                    "SELECT a.id, a.title, coalesce(a.publisher, ''), coalesce(a.published, ''), best.score, "
                    "c.id, claimtrack_marked(r.quote, {2}), claimtrack_marked(r.note, {2}), "
                    "claimtrack_marked(r.metric, {2}), claimtrack_marked(r.source, {2}), "
                    "claimtrack_marked(r.tags, {2}) "
                    "FROM best JOIN claim_search_row r ON r.id = best.id JOIN claim c ON c.id = best.id "
                    "JOIN article a ON a.id = c.article_id ORDER BY best.score, best.id",
                    words.match, claimsFound, words.marks));
    claims.bind(1, static_cast<std::int64_t>(limit) * 4);
    bindSearchFilters(claims, f);
    words.bind(claims);
    while (claims.step()) {
        const std::string snippet = passageOfFirstMatched(
            {claims.text(6), claims.text(7), claims.text(8), claims.text(9), claims.text(10)}, 12);
        found.inClaims.push_back({claims.integer(0),
                                  claims.text(1),
                                  claims.text(2),
                                  claims.text(3),
                                  "claim: " + snippet,
                                  true,
                                  false,
                                  claims.number(4).value_or(0),
                                  {claims.integer(5)}});
    }

    if (total)
        *total = static_cast<std::size_t>(count(db,
                                                "SELECT count(*) FROM (SELECT a.id " + articlesFound +
                                                    " UNION SELECT a.id " + claimsFound + ") AS matched",
                                                f, &words));
    return found;
}

std::vector<CodePointRange> matchesOnServer(sql::Connection& db, std::int64_t articleId,
                                            const SearchQuery& query) {
    refuseWithoutIndex(db);
    const TsQuery words(query);
    Statement select(
        db, fmt::format("SELECT claimtrack_marked(a.text, {}) FROM article a JOIN article_search s ON "
                        "s.id = a.id WHERE a.id = ?1 AND s.words @@ ({})",
                        words.marks, words.match));
    select.bind(1, articleId);
    words.bind(select);
    return select.step() ? splitMarks(select.text(0)).matches : std::vector<CodePointRange>();
}

std::optional<std::string> memoMatchOnServer(sql::Connection& db, const SearchQuery& query) {
    refuseWithoutIndex(db);
    const TsQuery words(query);
    Statement select(db, fmt::format("SELECT claimtrack_marked(text, {}) FROM project_memo WHERE "
                                     "claimtrack_vector(text) @@ ({})",
                                     words.marks, words.match));
    words.bind(select);
    if (!select.step())
        return std::nullopt;
    return passageAround(select.text(0), 24);
}

}  // namespace claimtrack::db
