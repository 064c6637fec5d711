#pragma once
// Conflicts as CSV and JSON: what `claimtrack-cli conflicts` prints and the
// app's Export Conflicts writes, column for column.

#include "csv.h"
#include "project.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string_view>

namespace claimtrack {

// Each side's columns, after "lower_" or "higher_".
inline constexpr std::array<std::string_view, 11> kConflictSideColumns{
    "claim_id", "quote",         "value", "low",    "high",  "unit",
    "source",   "article_title", "as_of", "figure", "places"};

void writeConflictCsvHeader(CsvWriter& csv);
void writeConflictCsvRow(CsvWriter& csv, const ConflictRow& conflict);
nlohmann::ordered_json conflictToJson(const ConflictRow& conflict);

// "lower figure supported", "higher figure supported", "both stand", or empty.
std::string_view describeVerdict(const ConflictRow& conflict);
// "39.1": the gap in percent, one decimal; empty where there is no ratio.
std::string gapPercent(const ConflictRow& conflict);

}  // namespace claimtrack
