#include "conflict_format.h"

#include "claim_format.h"

#include <fmt/format.h>

#include <cmath>

namespace claimtrack {

namespace {

void writeSide(RowWriter& rows, const ConflictSide& side) {
    const ClaimRecord& c = side.claim;
    rows.text(c.uuid);
    rows.text(c.anchor.quote.exact);
    rows.number(c.fields.value);
    rows.number(c.fields.low);
    rows.number(c.fields.high);
    for (const std::string* text : {&c.fields.unit, &c.fields.source, &c.articleTitle})
        rows.text(*text);
    rows.date(c.fields.asOf);
    rows.text(side.figure);
    rows.integer(static_cast<std::int64_t>(side.claimIds->size()));
}

nlohmann::ordered_json sideToJson(const ConflictSide& side) {
    nlohmann::ordered_json json = claimToJson(side.claim);
    json["figure"] = side.figure;
    json["repeated_by"] = *side.claimIds;
    return json;
}

}  // namespace

void writeConflictHeader(RowWriter& rows) {
    rows.text("metric");
    for (std::string_view side : {"lower_", "higher_"})
        for (std::string_view column : kConflictSideColumns)
            rows.text(std::string(side) + std::string(column));
    for (std::string_view column : {"gap_percent", "explanation", "undated", "verdict", "verdict_note"})
        rows.text(column);
    rows.endRow();
}

void writeConflictRow(RowWriter& rows, const ConflictRow& conflict) {
    rows.text(conflict.metric);
    writeSide(rows, conflict.lower);
    writeSide(rows, conflict.higher);
    rows.text(gapPercent(conflict));
    rows.text(conflict.explanation);
    rows.text(conflict.undated ? "yes" : "no");
    rows.text(describeVerdict(conflict));
    rows.text(conflict.verdict ? conflict.verdict->note : std::string());
    rows.endRow();
}

void writeMetricHeader(RowWriter& rows) {
    for (std::string_view column : {"metric_id", "name", "kind", "compared_as", "place", "population",
                                    "tolerance", "claims", "conflicts", "not_compared"})
        rows.text(column);
    rows.endRow();
}

void writeMetricRow(RowWriter& rows, const MetricSummary& m) {
    rows.text(m.metric.uuid);
    const std::string kind =
        m.metric.metric.kind ? std::string(toString(*m.metric.metric.kind)) : std::string();
    for (const std::string& text :
         {m.metric.name, kind, m.scale, m.metric.metric.place, m.metric.metric.population})
        rows.text(text);
    rows.number(m.metric.metric.tolerance);
    for (const std::size_t count :
         {static_cast<std::size_t>(m.metric.claimCount), m.conflicts, m.setAside.size()})
        rows.integer(static_cast<std::int64_t>(count));
    rows.endRow();
}

void writeSourceHeader(RowWriter& rows) {
    for (std::string_view column : {"source_id", "name", "kind", "note", "claims"})
        rows.text(column);
    rows.endRow();
}

void writeSourceRow(RowWriter& rows, const Entity& source) {
    rows.text(source.uuid);
    rows.text(source.name);
    rows.text(source.kind);
    rows.text(source.note);
    rows.integer(source.claimCount);
    rows.endRow();
}

nlohmann::ordered_json conflictToJson(const ConflictRow& conflict) {
    return {
        {"metric", conflict.metric},
        {"lower", sideToJson(conflict.lower)},
        {"higher", sideToJson(conflict.higher)},
        {"gap", jsonNumber(conflict.gap)},
        {"explanation", conflict.explanation},
        {"undated", conflict.undated},
        {"verdict", jsonText(std::string(describeVerdict(conflict)))},
        {"verdict_note", conflict.verdict ? jsonText(conflict.verdict->note) : nlohmann::ordered_json()},
    };
}

std::string_view describeVerdict(const ConflictRow& conflict) {
    switch (conflict.choice().value_or(static_cast<VerdictChoice>(-1))) {
    case VerdictChoice::LowerSupported:
        return "lower figure supported";
    case VerdictChoice::HigherSupported:
        return "higher figure supported";
    case VerdictChoice::BothStand:
        return "both stand";
    }
    return {};
}

std::string gapPercent(const ConflictRow& conflict) {
    return conflict.gap ? fmt::format("{:.1f}", *conflict.gap * 100) : std::string();
}

}  // namespace claimtrack
