#include "history.h"

#include <fmt/format.h>

#include <cstdlib>
#include <mutex>
#include <span>

#include <pwd.h>
#include <unistd.h>

namespace claimtrack {

std::string_view toString(EditKind kind) {
    switch (kind) {
    case EditKind::Undo:
        return "undo";
    case EditKind::Redo:
        return "redo";
    case EditKind::Edit:
        break;
    }
    return "edit";
}

std::string describeChange(const HistoryEntry& entry) {
    if (entry.change == "created")
        return "created: " + entry.after;
    if (entry.change == "deleted")
        return "deleted: " + entry.before;
    return fmt::format("{}: {} \u2192 {}", entry.field, entry.before.empty() ? "(none)" : entry.before,
                       entry.after.empty() ? "(none)" : entry.after);
}

namespace db {

namespace {

// A field the history follows: its name, its column, and the table that names what the column refers to
// (the field then records that name, not the id).
struct Field {
    const char* name;
    const char* column;
    const char* namedIn = nullptr;
    bool namesList =
        false;  // the column holds a JSON array of ids in `namedIn`: the names, joined by " via "
};

constexpr Field kClaimFields[] = {
    {"article", "article_id"},
    {"quote", "quote"},
    {"start", "start"},
    {"end", "end"},
    {"value", "value"},
    {"low", "low"},
    {"high", "high"},
    {"approximate", "approximate"},
    {"unit", "unit"},
    {"metric", "metric_id", "metric"},
    {"source", "source_id", "source"},
    {"via", "via", "source", true},
    {"as_of", "as_of"},
    {"status", "status"},
    {"note", "note"},
    {"base", "base_of"},
    {"sample_size", "sample_size"},
    {"fieldwork", "fieldwork"},
};
constexpr Field kSourceFields[] = {{"name", "name"}, {"kind", "kind"}, {"note", "note"}};
constexpr Field kMetricFields[] = {
    {"name", "name"},
    {"description", "description"},
    {"unit_kind", "unit_kind"},
    {"place", "place"},
    {"population", "population"},
    {"tolerance", "tolerance"},
    {"fact_check_url", "fact_check_url"},
    {"reviewed", "reviewed"},
};
constexpr Field kVerdictFields[] = {
    {"claim_a", "claim_a"}, {"claim_b", "claim_b"}, {"supported", "supported"}, {"note", "note"}};

constexpr const char* kInsertEntry =
    "INSERT INTO history (at, \"user\", how, entity, entity_id, entity_uuid, "
    "change, field, old_value, new_value) "
    "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), s.\"user\", s.how, ";

// The field's value in `row` (`old` or `new`).
std::string expression(const Field& field, const char* row) {
    if (field.namesList)
        return fmt::format(
            "(SELECT group_concat(name, ' via ') FROM (SELECT n.name FROM json_each({1}.\"{2}\") j "
            "JOIN {0} n ON n.id = j.value ORDER BY j.key))",
            field.namedIn, row, field.column);
    if (field.namedIn)
        return fmt::format("(SELECT name FROM {} WHERE id = {}.\"{}\")", field.namedIn, row, field.column);
    return fmt::format("{}.\"{}\"", row, field.column);
}

// The row's fields as a JSON object: what a created row was, or a deleted one had.
std::string asJson(std::span<const Field> fields, const char* row) {
    std::string json = "json_object(";
    for (const Field& field : fields)
        json += fmt::format("{}'{}', {}", &field == fields.data() ? "" : ", ", field.name,
                            expression(field, row));
    return json + ")";
}

// The triggers of one table: created, deleted, and one per field for a change of its value. A trigger per
// field (`UPDATE OF` its column, `WHEN` it differs) costs an edit only the comparisons of the columns it
// sets and an entry for each that changed; one trigger comparing every field cost 43% more an edit than no
// history at all (docs/performance.md). The entries of one statement come in the order SQLite runs its
// triggers, which is not the fields' order.
std::string triggersFor(const char* table, std::span<const Field> fields) {
    std::string triggers =
        fmt::format("CREATE TEMP TRIGGER history_{0}_created AFTER INSERT ON main.{0} BEGIN "
                    "{1}'{0}', new.id, new.uuid, 'created', NULL, NULL, {2} FROM history_session s; END;"
                    "CREATE TEMP TRIGGER history_{0}_deleted AFTER DELETE ON main.{0} BEGIN "
                    "{1}'{0}', old.id, old.uuid, 'deleted', NULL, {3}, NULL FROM history_session s; END;",
                    table, kInsertEntry, asJson(fields, "new"), asJson(fields, "old"));
    for (const Field& field : fields)
        triggers += fmt::format("CREATE TEMP TRIGGER history_{0}_{1} AFTER UPDATE OF \"{2}\" ON main.{0} "
                                "WHEN old.\"{2}\" IS NOT new.\"{2}\" BEGIN "
                                "{3}'{0}', new.id, new.uuid, 'changed', '{1}', {4}, {5} "
                                "FROM history_session s; END;",
                                table, field.name, field.column, kInsertEntry, expression(field, "old"),
                                expression(field, "new"));
    return triggers;
}

// A tag put on a claim or taken off it, as a change of the claim's field "tag". A claim deleted takes its
// tags with it (a cascade, the claim already gone): that is not recorded as tags taken off.
std::string tagTriggers() {
    return fmt::format(
        "CREATE TEMP TRIGGER history_tag_added AFTER INSERT ON main.claim_tag BEGIN "
        "{0}'claim', c.id, c.uuid, 'changed', 'tag', NULL, (SELECT name FROM tag WHERE id = new.tag_id) "
        "FROM history_session s, claim c WHERE c.id = new.claim_id; END;"
        "CREATE TEMP TRIGGER history_tag_removed AFTER DELETE ON main.claim_tag BEGIN "
        "{0}'claim', c.id, c.uuid, 'changed', 'tag', (SELECT name FROM tag WHERE id = old.tag_id), NULL "
        "FROM history_session s, claim c WHERE c.id = old.claim_id; END;",
        kInsertEntry);
}

std::mutex programUserMutex;
std::string programUser;

}  // namespace

void setProgramUserName(std::string name) {
    const std::lock_guard lock(programUserMutex);
    programUser = std::move(name);
}

std::string defaultUserName() {
    {
        const std::lock_guard lock(programUserMutex);
        if (!programUser.empty())
            return programUser;
    }
    if (const char* named = std::getenv("CLAIMTRACK_USER"); named && *named)
        return named;
    std::string buffer(16384, '\0');
    passwd entry{};
    passwd* found = nullptr;
    if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        return found->pw_name;
    if (const char* user = std::getenv("USER"); user && *user)
        return user;
    return "unknown";
}

void startHistory(sql::Connection& connection, const std::string& user) {
    connection.exec("CREATE TEMP TABLE history_session (\"user\" TEXT NOT NULL, how TEXT NOT NULL);"
                    "INSERT INTO history_session VALUES ('', 'edit');");
    setHistoryUser(connection, user);
    const std::string triggers = triggersFor("claim", kClaimFields) + triggersFor("source", kSourceFields) +
                                 triggersFor("metric", kMetricFields) +
                                 triggersFor("verdict", kVerdictFields) + tagTriggers();
    connection.exec(triggers.c_str());
}

void setHistoryUser(sql::Connection& connection, const std::string& user) {
    sql::Statement set(connection, "UPDATE history_session SET \"user\" = ?1");
    set.bind(1, user);
    set.run();
}

void setHistoryEditKind(sql::Connection& connection, EditKind kind) {
    sql::Statement set(connection, "UPDATE history_session SET how = ?1");
    set.bind(1, toString(kind));
    set.run();
}

}  // namespace db
}  // namespace claimtrack
