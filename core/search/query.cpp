#include "query.h"

#include <QString>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace claimtrack {

namespace {

struct Token {
    std::string text;
    std::size_t at = 0;  // where it starts in the query, in bytes, for messages
    bool quoted = false;
    std::size_t unquoted = std::string::npos;  // how much of `text` came before a quote
    bool prefix = false;
    bool negated = false;
};

// Whether FTS5's unicode61 tokenizer will find a word in `text`: it keeps letters and digits.
bool hasWordCharacter(std::string_view text) {
    const QString decoded = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    return std::any_of(decoded.begin(), decoded.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

std::string quoted(std::string_view term) {
    std::string out = "\"";
    for (const char c : term)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

Error syntaxError(std::size_t at, const std::string& message) {
    return makeError(ErrorCode::InvalidInput, fmt::format("search: {} (at character {})", message, at + 1));
}

// Splits the query into terms and quoted phrases, each with its marks.
Result<std::vector<Token>> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        if (std::isspace(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        Token token;
        token.at = i;
        if (text[i] == '-' && i + 1 < text.size() && !std::isspace(static_cast<unsigned char>(text[i + 1]))) {
            token.negated = true;
            ++i;
        }
        // A word runs to the next space, except that a quote inside it opens a value ("source:"x y"").
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) {
            if (text[i] == '"') {
                const std::size_t close = text.find('"', i + 1);
                if (close == std::string_view::npos)
                    return syntaxError(i, "a quote is not closed");
                if (!token.quoted)
                    token.unquoted = token.text.size();
                token.text += text.substr(i + 1, close - i - 1);
                token.quoted = true;
                i = close + 1;
                if (i < text.size() && text[i] == '*')
                    token.prefix = true, ++i;  // "a phrase"*
                continue;
            }
            if (text[i] == '(' || text[i] == ')')
                return syntaxError(i, "parentheses are not supported; words are all required, OR joins two");
            token.text += text[i++];
        }
        if (!token.quoted && token.text.size() > 1 && token.text.back() == '*') {
            token.text.pop_back();
            token.prefix = true;
        }
        tokens.push_back(std::move(token));
    }
    return tokens;
}

constexpr std::array<std::string_view, 7> kFilterNames = {"publisher", "source", "metric", "tag",
                                                          "status",    "since",  "until"};

// Applies `name:value`; returns false when `name` is no filter.
Result<bool> applyFilter(SearchFilters& filters, const Token& token) {
    const std::size_t colon = token.text.find(':');
    if (colon == std::string::npos || colon == 0 || colon >= token.unquoted)
        return false;  // no colon, or one inside quotes: a word
    const std::string name = token.text.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        return false;
    if (std::find(kFilterNames.begin(), kFilterNames.end(), name) == kFilterNames.end())
        return syntaxError(token.at,
                           fmt::format("there is no filter \"{}:\"; the filters are publisher:, source:, "
                                       "metric:, tag:, status:, since: and until: (put a word with a "
                                       "colon in quotes to search for it)",
                                       name));
    const std::string value = token.text.substr(colon + 1);
    if (value.empty())
        return syntaxError(token.at, fmt::format("\"{}:\" needs a value", name));
    if (token.negated)
        return syntaxError(token.at, fmt::format("a filter cannot be negated (\"-{}:\")", name));
    if (name == "status") {
        auto status = parseClaimStatus(value);
        if (!status)
            return syntaxError(token.at, status.error().message);
        filters.status = *status;
    } else if (name == "since" || name == "until") {
        auto date = parsePartialDate(value, name);
        if (!date)
            return syntaxError(token.at, date.error().message);
        (name == "since" ? filters.since : filters.until) = *date;
    } else {
        std::string& target = name == "publisher" ? filters.publisher
                              : name == "source"  ? filters.source
                              : name == "metric"  ? filters.metric
                                                  : filters.tag;
        target = value;
    }
    return true;
}

}  // namespace

Result<SearchQuery> parseSearchQuery(std::string_view text) {
    auto tokens = tokenize(text);
    if (!tokens)
        return tokens.error();
    SearchQuery query;
    auto& clauses = query.clauses;
    auto& excluded = query.excluded;
    bool pendingOr = false, pendingNot = false;
    std::size_t lastAt = 0;
    for (const Token& token : *tokens) {
        lastAt = token.at;
        if (!token.quoted && !token.negated && token.text == "OR") {
            if (clauses.empty() || pendingOr || pendingNot)
                return syntaxError(token.at, "OR needs a word before it");
            pendingOr = true;
            continue;
        }
        if (!token.quoted && !token.negated && token.text == "NOT") {
            if (pendingNot || pendingOr)
                return syntaxError(token.at, "NOT needs a word after it");
            pendingNot = true;
            continue;
        }
        auto filter = applyFilter(query.filters, token);
        if (!filter)
            return filter.error();
        if (*filter) {
            if (pendingOr || pendingNot)
                return syntaxError(token.at,
                                   fmt::format("{} cannot go with a filter", pendingOr ? "OR" : "NOT"));
            continue;
        }
        if (token.text.empty())
            return syntaxError(token.at, "an empty phrase (\"\") finds nothing");
        if (!hasWordCharacter(token.text))
            return syntaxError(token.at,
                               fmt::format("\"{}\" has no letters or digits to search for", token.text));
        const SearchTerm term{token.text, token.prefix};
        query.terms.push_back(token.text + (token.prefix ? "*" : ""));
        if (token.negated || pendingNot) {
            if (pendingOr)
                return syntaxError(token.at, "OR cannot join a word that is left out");
            excluded.push_back(term);
            pendingNot = false;
            query.terms.pop_back();  // nothing to highlight: it is not in the results
            continue;
        }
        if (pendingOr)
            clauses.back().push_back(term), pendingOr = false;
        else
            clauses.push_back({term});
    }
    if (pendingOr || pendingNot)
        return syntaxError(lastAt, fmt::format("{} needs a word after it", pendingOr ? "OR" : "NOT"));
    if (clauses.empty() && !excluded.empty())
        return syntaxError(0, "a search needs a word to find, not only words to leave out");
    if (clauses.empty() && query.filters == SearchFilters{})
        return syntaxError(0, "type a word to find, or a filter such as publisher:Reuters");

    const auto fts5 = [](const SearchTerm& term) { return quoted(term.text) + (term.prefix ? "*" : ""); };
    for (const auto& clause : clauses) {
        std::string joined;
        for (const SearchTerm& term : clause)
            joined += (joined.empty() ? "" : " OR ") + fts5(term);
        query.match +=
            (query.match.empty() ? "" : " AND ") + (clause.size() > 1 ? "(" + joined + ")" : joined);
    }
    for (const SearchTerm& term : excluded)
        query.match += " NOT " + fts5(term);
    return query;
}

}  // namespace claimtrack
