// Project: who changes are recorded under, and reading the history back (db/history.h).
#include "guarded.h"
#include "history.h"
#include "project.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace claimtrack {

using namespace db;
using sql::Statement;

namespace {

// A value as the history shows it: numbers without a needless ".0", text as it is.
std::string shown(const nlohmann::json& value) {
    if (value.is_null())
        return {};
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer())
        return std::to_string(value.get<std::int64_t>());
    if (value.is_number())
        return formatNumber(value.get<double>());
    return value.dump();
}

// A changed field's value, of the type `type` names ("integer", "real", "text"; empty for none).
std::string shownColumn(const Statement& row, int column, const std::string& type) {
    if (row.isNull(column))
        return {};
    if (type == "integer")
        return std::to_string(row.integer(column));
    if (type == "real")
        return formatNumber(*row.number(column));
    return row.text(column);
}

// A created or deleted row's fields, as "field: value; …", those without a value left out.
std::string shownFields(const std::string& json) {
    const auto fields = nlohmann::json::parse(json, nullptr, false);
    if (!fields.is_object())
        return json;
    std::string text;
    for (const auto& [name, value] : fields.items()) {
        const std::string shownValue = shown(value);
        if (!shownValue.empty())
            text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", name, shownValue);
    }
    return text;
}

// What names an entity in a list: a claim's words, a source's or a metric's name, a verdict's claims.
std::string labelFrom(const std::string& entity, const nlohmann::json& fields) {
    if (!fields.is_object())
        return {};
    if (entity == "claim")
        return shown(fields.value("quote", nlohmann::json()));
    if (entity == "verdict")
        return fmt::format("claims {} and {}", shown(fields.value("claim_a", nlohmann::json())),
                           shown(fields.value("claim_b", nlohmann::json())));
    return shown(fields.value("name", nlohmann::json()));
}

// The values' types: SQLite's own for the file's untyped values, the column beside them on a server.
constexpr const char* kValueTypesInFile = "typeof(h.old_value), typeof(h.new_value)";
constexpr const char* kValueTypesOnServer = "h.old_type, h.new_type";

constexpr const char* kSelectEntries = R"sql(
    SELECT h.id, h.at, h."user", h.how, h.entity, h.entity_id, h.entity_uuid, h.change, h.field, h.old_value,
           h.new_value, {},
           CASE h.entity WHEN 'claim' THEN (SELECT quote FROM claim WHERE uuid = h.entity_uuid)
                         WHEN 'source' THEN (SELECT name FROM source WHERE uuid = h.entity_uuid)
                         WHEN 'metric' THEN (SELECT name FROM metric WHERE uuid = h.entity_uuid)
                         WHEN 'verdict' THEN (SELECT 'claims ' || claim_a || ' and ' || claim_b FROM verdict
                                              WHERE uuid = h.entity_uuid)
           END
    FROM history h)sql";

}  // namespace

Result<void> Project::setUserName(const std::string& name) {
    const std::string user = normalizeField(name);
    if (user.empty())
        return makeError(ErrorCode::InvalidInput, "the user name to record changes under cannot be empty");
    return guarded([&] { setHistoryUser(*m_db, user); });
}

Result<std::string> Project::userName() {
    return guarded([&] {
        auto user = historyUser(*m_db);
        if (!user)
            refuse(ErrorCode::ReadOnly, "a project opened for reading records no changes");
        return *user;
    });
}

Result<void> Project::setEditKind(EditKind kind) {
    return guarded([&] { setHistoryEditKind(*m_db, kind); });
}

Result<void> Project::forEachHistoryEntry(const HistoryQuery& query,
                                          const std::function<void(const HistoryEntry&)>& visit) {
    return guarded([&] {
        std::string where;
        std::string uuid;
        if (!query.entity.empty()) {
            static const std::set<std::string, std::less<>> kEntities{"claim", "source", "metric", "verdict"};
            if (!kEntities.contains(query.entity))
                refuse(ErrorCode::InvalidInput, fmt::format("{} has no history: only claims, sources, "
                                                            "metrics and verdicts have",
                                                            query.entity));
            // The one that has the id now, or else the last one that had it.
            Statement now(*m_db, fmt::format("SELECT uuid FROM {} WHERE id = ?1", query.entity));
            now.bind(1, query.entityId);
            Statement last(*m_db, "SELECT entity_uuid FROM history WHERE entity = ?1 AND entity_id = ?2 "
                                  "ORDER BY id DESC LIMIT 1");
            last.bind(1, query.entity).bind(2, query.entityId);
            if (now.step())
                uuid = now.text(0);
            else if (last.step())
                uuid = last.text(0);
            else
                refuse(ErrorCode::NotFound,
                       fmt::format("there is no {} {}, and none had that id", query.entity, query.entityId));
            where = " WHERE h.entity = ?1 AND h.entity_id = ?2 AND h.entity_uuid = ?3";
        }
        std::string sql = fmt::format("{}{} ORDER BY h.id{}",
                                      fmt::format(kSelectEntries, m_db->dialect() == sql::Dialect::Sqlite
                                                                      ? kValueTypesInFile
                                                                      : kValueTypesOnServer),
                                      where, query.newestFirst ? " DESC" : "");
        if (query.limit > 0)
            sql += fmt::format(" LIMIT {}", query.limit);
        // Not cached: a visitor may query the project again.
        Statement select(*m_db, sql);
        if (!query.entity.empty())
            select.bind(1, query.entity).bind(2, query.entityId).bind(3, uuid);
        // The labels of rows deleted for good, from their last created or deleted entry.
        std::map<std::string, std::string> goneLabels;
        Statement last(*m_db, "SELECT coalesce(old_value, new_value) FROM history WHERE entity = ?1 AND "
                              "entity_id = ?2 AND entity_uuid = ?3 AND change <> 'changed' ORDER BY id DESC");
        while (select.step()) {
            HistoryEntry entry;
            entry.id = select.integer(0);
            entry.at = select.text(1);
            entry.user = select.text(2);
            const std::string how = select.text(3);
            entry.how = how == "undo" ? EditKind::Undo : how == "redo" ? EditKind::Redo : EditKind::Edit;
            entry.entity = select.text(4);
            entry.entityId = select.integer(5);
            entry.entityUuid = select.text(6);
            entry.change = select.text(7);
            entry.field = select.text(8);
            const bool whole = entry.change != "changed";
            entry.before = whole && !select.isNull(9) ? shownFields(select.text(9))
                                                      : shownColumn(select, 9, select.text(11));
            entry.after = whole && !select.isNull(10) ? shownFields(select.text(10))
                                                      : shownColumn(select, 10, select.text(12));
            if (!select.isNull(13)) {
                entry.label = select.text(13);
            } else if (auto found = goneLabels.find(entry.entityUuid); found != goneLabels.end()) {
                entry.label = found->second;
            } else {
                last.reset();
                last.bind(1, entry.entity).bind(2, entry.entityId).bind(3, entry.entityUuid);
                if (last.step())
                    entry.label =
                        labelFrom(entry.entity, nlohmann::json::parse(last.text(0), nullptr, false));
                goneLabels.emplace(entry.entityUuid, entry.label);
            }
            visit(entry);
        }
    });
}

Result<std::vector<HistoryEntry>> Project::history(const HistoryQuery& query) {
    std::vector<HistoryEntry> entries;
    auto visited = forEachHistoryEntry(query, [&](const HistoryEntry& entry) { entries.push_back(entry); });
    if (!visited)
        return visited.error();
    return entries;
}

}  // namespace claimtrack
