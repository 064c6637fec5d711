#pragma once
// Search on a PostgreSQL server: the same query language, the same filters and the same hits as the
// file's FTS5 search (db/project_search.cpp), in the server's own text search (its indexes and triggers
// are in db/schema_server.cpp). Called inside Project's guarded bodies: failures throw.

#include "project.h"
#include "search/query.h"
#include "sql.h"

#include <optional>
#include <string>
#include <vector>

namespace claimtrack::db {

// What both searches find, before they are put together: articles found by their own words (title, memo,
// text), and claims found by theirs (one hit per claim, best first).
struct FoundHits {
    std::vector<SearchHit> inText;
    std::vector<SearchHit> inClaims;
};

FoundHits searchOnServer(sql::Connection& db, const SearchQuery& query, std::size_t limit,
                         std::size_t* total);
std::vector<SearchHit> filterOnServer(sql::Connection& db, const SearchFilters& filters, std::size_t limit,
                                      std::size_t* total);
std::vector<CodePointRange> matchesOnServer(sql::Connection& db, std::int64_t articleId,
                                            const SearchQuery& query);
std::optional<std::string> memoMatchOnServer(sql::Connection& db, const SearchQuery& query);

// Shared by both searches (defined in db/project_search.cpp).
void bindSearchFilters(sql::Statement& statement, const SearchFilters& filters);  // ?10 to ?16
// " AND …" for each article filter (publisher, dates) on the article `a`.
std::string articleConditions(const SearchFilters& filters);
// An article found by filters alone, from a row of its id, title, publisher, published and the text's
// opening.
SearchHit listedArticle(sql::Statement& row);

}  // namespace claimtrack::db
