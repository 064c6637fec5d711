#pragma once
// Conflicts as CSV and JSON: what `claimtrack-cli conflicts` prints and the
// app's Export Conflicts writes, column for column; and the tables of metrics
// and sources, for the command line and the spreadsheet.

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

void writeConflictHeader(RowWriter& rows);
void writeConflictRow(RowWriter& rows, const ConflictRow& conflict);

// The metrics with their details and counts: what `claimtrack-cli metrics --format csv` prints.
void writeMetricHeader(RowWriter& rows);
void writeMetricRow(RowWriter& rows, const MetricSummary& metric);
// The sources with their kind, note and claim count.
void writeSourceHeader(RowWriter& rows);
void writeSourceRow(RowWriter& rows, const Entity& source);
nlohmann::ordered_json conflictToJson(const ConflictRow& conflict);

// "lower figure supported", "higher figure supported", "both stand", or empty.
std::string_view describeVerdict(const ConflictRow& conflict);
// "39.1": the gap in percent, one decimal; empty where there is no ratio.
std::string gapPercent(const ConflictRow& conflict);

}  // namespace claimtrack
