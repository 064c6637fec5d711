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

// A field the history follows: its name, and how it is read from the row (`{}` stands for `old` or
// `new`): a column, or the name a column refers to.
struct Field {
    const char* name;
    const char* expression;
};

constexpr Field kClaimFields[] = {
    {"quote", "{}.quote"},
    {"start", "{}.start"},
    {"end", "{}.end"},
    {"value", "{}.value"},
    {"low", "{}.low"},
    {"high", "{}.high"},
    {"approximate", "{}.approximate"},
    {"unit", "{}.unit"},
    {"metric", "(SELECT name FROM metric WHERE id = {}.metric_id)"},
    {"source", "(SELECT name FROM source WHERE id = {}.source_id)"},
    {"as_of", "{}.as_of"},
    {"status", "{}.status"},
    {"note", "{}.note"},
};
constexpr Field kSourceFields[] = {{"name", "{}.name"}, {"kind", "{}.kind"}, {"note", "{}.note"}};
constexpr Field kMetricFields[] = {
    {"name", "{}.name"},
    {"description", "{}.description"},
    {"unit_kind", "{}.unit_kind"},
    {"place", "{}.place"},
    {"population", "{}.population"},
    {"tolerance", "{}.tolerance"},
    {"fact_check_url", "{}.fact_check_url"},
    {"reviewed", "{}.reviewed"},
};
constexpr Field kVerdictFields[] = {
    {"claim_a", "{}.claim_a"}, {"claim_b", "{}.claim_b"}, {"supported", "{}.supported"}, {"note", "{}.note"}};

constexpr const char* kInsertEntry = "INSERT INTO history (at, user, how, entity, entity_id, entity_uuid, "
                                     "change, field, old_value, new_value) "
                                     "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), s.user, s.how, ";

std::string expression(const Field& field, const char* row) {
    return fmt::format(fmt::runtime(field.expression), row);
}

// The row's fields as a JSON object: what a created row was, or a deleted one had.
std::string asJson(std::span<const Field> fields, const char* row) {
    std::string json = "json_object(";
    for (const Field& field : fields)
        json += fmt::format("{}'{}', {}", &field == fields.data() ? "" : ", ", field.name,
                            expression(field, row));
    return json + ")";
}

// The three triggers of one table: created, changed (one entry per field whose value differs), deleted.
std::string triggersFor(const char* table, std::span<const Field> fields) {
    std::string changed;
    for (const Field& field : fields)
        changed += fmt::format("{}SELECT '{}' AS field, {} AS old_value, {} AS new_value",
                               changed.empty() ? "" : " UNION ALL ", field.name, expression(field, "old"),
                               expression(field, "new"));
    return fmt::format("CREATE TEMP TRIGGER history_{0}_created AFTER INSERT ON main.{0} BEGIN "
                       "{1}'{0}', new.id, new.uuid, 'created', NULL, NULL, {2} FROM history_session s; END;"
                       "CREATE TEMP TRIGGER history_{0}_changed AFTER UPDATE ON main.{0} BEGIN "
                       "{1}'{0}', new.id, new.uuid, 'changed', f.field, f.old_value, f.new_value "
                       "FROM history_session s, ({3}) f WHERE f.old_value IS NOT f.new_value; END;"
                       "CREATE TEMP TRIGGER history_{0}_deleted AFTER DELETE ON main.{0} BEGIN "
                       "{1}'{0}', old.id, old.uuid, 'deleted', NULL, {4}, NULL FROM history_session s; END;",
                       table, kInsertEntry, asJson(fields, "new"), changed, asJson(fields, "old"));
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

void startHistory(sqlite::Connection& connection, const std::string& user) {
    connection.exec("CREATE TEMP TABLE history_session (user TEXT NOT NULL, how TEXT NOT NULL);"
                    "INSERT INTO history_session VALUES ('', 'edit');");
    setHistoryUser(connection, user);
    const std::string triggers = triggersFor("claim", kClaimFields) + triggersFor("source", kSourceFields) +
                                 triggersFor("metric", kMetricFields) +
                                 triggersFor("verdict", kVerdictFields) + tagTriggers();
    connection.exec(triggers.c_str());
}

void setHistoryUser(sqlite::Connection& connection, const std::string& user) {
    sqlite::Statement set(connection, "UPDATE history_session SET user = ?1");
    set.bind(1, user);
    set.run();
}

void setHistoryEditKind(sqlite::Connection& connection, EditKind kind) {
    sqlite::Statement set(connection, "UPDATE history_session SET how = ?1");
    set.bind(1, toString(kind));
    set.run();
}

}  // namespace db
}  // namespace claimtrack
