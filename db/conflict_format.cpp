#include "conflict_format.h"

#include "claim_format.h"

#include <fmt/format.h>

#include <cmath>

namespace claimtrack {

namespace {

void writeSide(CsvWriter& csv, const ConflictSide& side) {
    const ClaimRecord& c = side.claim;
    csv.text(c.uuid);
    csv.text(c.anchor.quote.exact);
    csv.number(c.fields.value);
    csv.number(c.fields.low);
    csv.number(c.fields.high);
    for (const std::string* text :
         {&c.fields.unit, &c.fields.source, &c.articleTitle, &c.fields.asOf, &side.figure})
        csv.text(*text);
    csv.integer(static_cast<std::int64_t>(side.claimIds.size()));
}

nlohmann::ordered_json sideToJson(const ConflictSide& side) {
    nlohmann::ordered_json json = claimToJson(side.claim);
    json["figure"] = side.figure;
    json["repeated_by"] = side.claimIds;
    return json;
}

}  // namespace

void writeConflictCsvHeader(CsvWriter& csv) {
    csv.text("metric");
    for (std::string_view side : {"lower_", "higher_"})
        for (std::string_view column : kConflictSideColumns)
            csv.text(std::string(side) + std::string(column));
    for (std::string_view column : {"gap_percent", "explanation", "undated", "verdict", "verdict_note"})
        csv.text(column);
    csv.endRow();
}

void writeConflictCsvRow(CsvWriter& csv, const ConflictRow& conflict) {
    csv.text(conflict.metric);
    writeSide(csv, conflict.lower);
    writeSide(csv, conflict.higher);
    csv.text(gapPercent(conflict));
    csv.text(conflict.explanation);
    csv.text(conflict.undated ? "yes" : "no");
    csv.text(describeVerdict(conflict));
    csv.text(conflict.verdict ? conflict.verdict->note : std::string());
    csv.endRow();
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
