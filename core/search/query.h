#pragma once
// The search box's language, turned into an SQLite FTS5 expression that is
// always valid (and taken apart into terms for a server's text search):
// words (all must match), "a phrase", prefix* terms, OR between two terms,
// -word or NOT word to leave out; and filters on the articles:
// publisher:, source:, metric:, tag:, status:, since:, until: (a value with
// spaces in quotes). Every term reaches FTS5 quoted, so no user input is ever
// read as FTS5 syntax; what the language does not allow gets a message that
// says what is wrong and where.
//
// Written by hand: FTS5's own query syntax errors name its internals ("fts5:
// syntax error near ..."), and letting them through would also let users
// write column filters and NEAR groups we do not document.

#include "model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

struct SearchFilters {
    std::string publisher;
    std::string source;
    std::string metric;
    std::string tag;
    std::optional<ClaimStatus> status;
    std::string since;  // a partial date: articles published in or after it
    std::string until;  // in or before it
    bool operator==(const SearchFilters&) const = default;
};

// A word or a phrase to find; a prefix term matches words that begin with its last word.
struct SearchTerm {
    std::string text;
    bool prefix = false;
    bool operator==(const SearchTerm&) const = default;
};

struct SearchQuery {
    std::string match;  // the FTS5 expression; empty when the query is filters only
    // The same expression taken apart, for a database whose search is not FTS5: every clause must match,
    // and a clause matches when one of its terms does; no excluded term may match.
    std::vector<std::vector<SearchTerm>> clauses;
    std::vector<SearchTerm> excluded;
    SearchFilters filters;
    // The words and phrases to find, for highlighting; a prefix term ends in '*'.
    std::vector<std::string> terms;
};

Result<SearchQuery> parseSearchQuery(std::string_view text);

}  // namespace claimtrack
