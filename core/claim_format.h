#pragma once
// The claim table as CSV and JSON, and the article list as JSON: the formats
// the command line prints and exports, and the app's CSV export.

#include "csv.h"
#include "model.h"

#include <nlohmann/json.hpp>

#include <array>
#include <functional>
#include <string>
#include <string_view>

namespace claimtrack {

class JsonObjectWriter;

// Columns added later come last, after those before them: "via" (the sources a figure came through, from
// its source outward), then the base of a percentage ("base", "sample_size", "fieldwork").
inline constexpr std::array<std::string_view, 27> kClaimCsvColumns{
    "claim_id",   "article_id", "article_title", "publisher", "url",         "published", "quote",
    "start",      "end",        "prefix",        "suffix",    "value",       "low",       "high",
    "unit",       "metric",     "source",        "as_of",     "status",      "tags",      "note",
    "created_at", "updated_at", "via",           "base",      "sample_size", "fieldwork"};

inline constexpr std::string_view kTagSeparator = "; ";

void writeClaimHeader(RowWriter& rows);
void writeClaimRow(RowWriter& rows, const ClaimRecord& claim);

// Appends the claim as a JSON object with the CSV's keys (claim_id and article_id are UUIDs), plus
// row_id, article_row_id (the ids the command line takes) and page; absent values are null.
void appendClaimJson(std::string& out, const ClaimRecord& claim);
// The figure's keys of that object (value, low, high, unit, metric, source, as_of, status), for the documents
// that carry a claim's figure (a W3C annotation's data body).
void writeFigureJson(JsonObjectWriter& json, const ClaimFields& fields);
// The same object as a tree, for documents that add to it (a conflict's sides).
nlohmann::ordered_json claimToJson(const ClaimRecord& claim);

inline constexpr std::array<std::string_view, 12> kArticleCsvColumns{
    "row_id",    "article_id",  "title",  "author", "publisher", "url",
    "published", "imported_at", "sha256", "length", "claims",    "memo"};

void writeArticleHeader(RowWriter& rows);
void writeArticleRow(RowWriter& rows, const Article& article);
nlohmann::ordered_json articleToJson(const Article& article);

std::string joinTags(const std::vector<std::string>& tags);
// The claim's source with the sources it came through: "IHS Markit via state media".
std::string sourceChain(const ClaimFields& fields);

// A number for JSON: whole numbers below 1e15 as integers ("626000000", not "626000000.0"); null when absent.
nlohmann::ordered_json jsonNumber(std::optional<double> value);
// Text for JSON; null when empty.
nlohmann::ordered_json jsonText(const std::string& text);

// "626,000,000", "≥ 200,000,000", "5–7": the figure as a person reads it.
std::string describeFigure(const ClaimFields& fields);
// The same with each number as `number` writes it (a reader's locale: "626.000.000").
std::string describeFigure(const ClaimFields& fields, const std::function<std::string(double)>& number);

// 626000000 as "626,000,000".
std::string readableNumber(double value);

}  // namespace claimtrack
