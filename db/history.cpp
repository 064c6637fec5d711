#include "history.h"
#include "postgres.h"

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

// The tables whose rows the history follows, with their fields; a claim's tags are followed besides.
struct Tracked {
    const char* table;
    std::span<const Field> fields;
};
constexpr Tracked kTracked[] = {{"claim", kClaimFields},
                                {"source", kSourceFields},
                                {"metric", kMetricFields},
                                {"verdict", kVerdictFields}};

constexpr const char* kInsertEntry =
    "INSERT INTO history (at, \"user\", how, entity, entity_id, entity_uuid, "
    "change, field, old_value, new_value) "
    "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), s.\"user\", s.how, ";

// The field's value in `row` (`old` or `new`).
std::string expression(const Field& field, const char* row) {
    if (field.namesList)
        return fmt::format(
            "(SELECT group_concat(name, ' via ') FROM (SELECT n.name FROM json_each({1}.\"{2}\") j "
            "JOIN {0} n ON n.id = j.value ORDER BY j.key) AS chain)",
            field.namedIn, row, field.column);
    if (field.namedIn)
        return fmt::format("(SELECT name FROM {} WHERE id = {}.\"{}\")", field.namedIn, row, field.column);
    return fmt::format("{}.\"{}\"", row, field.column);
}

// The row's fields as a JSON object, built by `function` (SQLite's json_object, PostgreSQL's
// json_build_object): what a created row was, or a deleted one had.
std::string asJson(std::span<const Field> fields, const char* row, const char* function = "json_object") {
    std::string json = fmt::format("{}(", function);
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

// The same history on a PostgreSQL server: permanent triggers (a server's triggers cannot be one
// session's), each running a function of its own, recording under the session's claimtrack.user and
// claimtrack.how (set by startHistory) or, where a session set none (psql, another program), under its
// database role. Values are text with their type beside them, as the server has no untyped column.
constexpr const char* kServerHistoryVocabulary = R"sql(
CREATE FUNCTION claimtrack_history_user() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT coalesce(nullif(current_setting('claimtrack.user', true), ''), session_user) $$;
CREATE FUNCTION claimtrack_history_how() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT coalesce(nullif(current_setting('claimtrack.how', true), ''), 'edit') $$;
CREATE FUNCTION claimtrack_history_now() RETURNS text LANGUAGE sql VOLATILE AS
    $$ SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;
CREATE FUNCTION claimtrack_history_type(value anyelement) RETURNS text LANGUAGE sql IMMUTABLE AS
    $$ SELECT CASE WHEN value IS NULL THEN NULL
                   WHEN pg_typeof(value) IN ('bigint'::regtype, 'integer'::regtype) THEN 'integer'
                   WHEN pg_typeof(value) = 'double precision'::regtype THEN 'real'
                   ELSE 'text' END $$;
)sql";

constexpr const char* kInsertServerEntry =
    "INSERT INTO history (at, \"user\", how, entity, entity_id, entity_uuid, change, field, old_value, "
    "new_value, old_type, new_type) SELECT claimtrack_history_now(), claimtrack_history_user(), "
    "claimtrack_history_how(), ";

// A trigger and the function it runs, named `name`, run FOR EACH ROW `when`, recording `entry`.
std::string serverTrigger(const std::string& name, const std::string& when, const std::string& entry) {
    return fmt::format("CREATE FUNCTION {0}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {1}{2}; "
                       "RETURN NULL; END $$; CREATE TRIGGER {0} {3} EXECUTE FUNCTION {0}();",
                       name, kInsertServerEntry, entry, when);
}

std::string serverTriggersFor(const char* table, std::span<const Field> fields) {
    std::string triggers =
        serverTrigger(fmt::format("history_{}_created", table),
                      fmt::format("AFTER INSERT ON {} FOR EACH ROW", table),
                      fmt::format("'{}', new.id, new.uuid, 'created', NULL, NULL, {}::text, NULL, 'text'",
                                  table, asJson(fields, "new", "json_build_object"))) +
        serverTrigger(fmt::format("history_{}_deleted", table),
                      fmt::format("AFTER DELETE ON {} FOR EACH ROW", table),
                      fmt::format("'{}', old.id, old.uuid, 'deleted', NULL, {}::text, NULL, 'text', NULL",
                                  table, asJson(fields, "old", "json_build_object")));
    for (const Field& field : fields) {
        const std::string before = expression(field, "old");
        const std::string after = expression(field, "new");
        triggers += serverTrigger(
            fmt::format("history_{}_{}", table, field.name),
            fmt::format("AFTER UPDATE OF \"{1}\" ON {0} FOR EACH ROW WHEN (old.\"{1}\" IS DISTINCT FROM "
                        "new.\"{1}\")",
                        table, field.column),
            fmt::format("'{0}', new.id, new.uuid, 'changed', '{1}', {2}::text, {3}::text, "
                        "claimtrack_history_type({2}), claimtrack_history_type({3})",
                        table, field.name, before, after));
    }
    return triggers;
}

std::string serverTagTriggers() {
    return serverTrigger("history_tag_added", "AFTER INSERT ON claim_tag FOR EACH ROW",
                         "'claim', c.id, c.uuid, 'changed', 'tag', NULL, (SELECT name FROM tag WHERE id = "
                         "new.tag_id)::text, NULL, 'text' FROM claim c WHERE c.id = new.claim_id") +
           serverTrigger("history_tag_removed", "AFTER DELETE ON claim_tag FOR EACH ROW",
                         "'claim', c.id, c.uuid, 'changed', 'tag', (SELECT name FROM tag WHERE id = "
                         "old.tag_id)::text, NULL, 'text', NULL FROM claim c WHERE c.id = old.claim_id");
}

std::mutex programUserMutex;
std::string programUser;

}  // namespace

void setProgramUserName(std::string name) {
    const std::lock_guard lock(programUserMutex);
    programUser = std::move(name);
}

std::optional<std::string> givenUserName() {
    {
        const std::lock_guard lock(programUserMutex);
        if (!programUser.empty())
            return programUser;
    }
    if (const char* named = std::getenv("CLAIMTRACK_USER"); named && *named)
        return named;
    return std::nullopt;
}

std::string defaultUserName() {
    if (auto given = givenUserName())
        return *given;
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

std::string serverHistorySchema() {
    std::string schema = kServerHistoryVocabulary;
    for (const Tracked& tracked : kTracked)
        schema += serverTriggersFor(tracked.table, tracked.fields);
    return schema + serverTagTriggers();
}

void startHistory(sql::Connection& connection, const std::string& user) {
    if (connection.dialect() == sql::Dialect::Sqlite) {
        connection.exec("CREATE TEMP TABLE history_session (\"user\" TEXT NOT NULL, how TEXT NOT NULL);"
                        "INSERT INTO history_session VALUES ('', 'edit');");
        std::string triggers;
        for (const Tracked& tracked : kTracked)
            triggers += triggersFor(tracked.table, tracked.fields);
        connection.exec((triggers + tagTriggers()).c_str());
    }
    setHistoryUser(connection, user);
    setHistoryEditKind(connection, EditKind::Edit);
}

// On a server, the user and the kind of edit are settings of the session (kept over a reconnect), which
// the history's triggers read.
void setHistoryUser(sql::Connection& connection, const std::string& user) {
    if (connection.dialect() == sql::Dialect::Postgres)
        return static_cast<postgres::Connection&>(connection).setForSession("claimtrack.user", user);
    sql::Statement set(connection, "UPDATE history_session SET \"user\" = ?1");
    set.bind(1, user).run();
}

void setHistoryEditKind(sql::Connection& connection, EditKind kind) {
    if (connection.dialect() == sql::Dialect::Postgres)
        return static_cast<postgres::Connection&>(connection)
            .setForSession("claimtrack.how", std::string(toString(kind)));
    sql::Statement set(connection, "UPDATE history_session SET how = ?1");
    set.bind(1, toString(kind)).run();
}

std::optional<std::string> historyUser(sql::Connection& connection) {
    // On a server, a session that records changes has its kind of edit set (startHistory); a reader's has
    // none.
    sql::Statement select(connection, connection.dialect() == sql::Dialect::Sqlite
                                          ? "SELECT \"user\" FROM history_session"
                                          : "SELECT CASE WHEN current_setting('claimtrack.how', true) <> '' "
                                            "THEN claimtrack_history_user() END");
    if (!select.step() || select.isNull(0))
        return std::nullopt;
    return select.text(0);
}

}  // namespace db
}  // namespace claimtrack
