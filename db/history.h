#pragma once
// The history of every change to a claim, a source, a metric or a verdict (table `history`, schema 9).
//
// Rows are written by triggers, in the transaction of the change itself, so that no way of changing a
// row (an edit, an undo, a merge, an import, a cascade from a deleted article) goes unrecorded. They are
// TEMP triggers each writing connection makes for itself: they read who is changing things, and whether
// as an undo, from the connection's own `history_session` row, which other connections cannot see. A
// program that does not make them (the sqlite3 shell) changes the project without leaving history.

#include "sql.h"

#include <cstdint>
#include <optional>
#include <string>

namespace claimtrack {

// Whether a change was made as such, or by undoing or redoing one.
enum class EditKind { Edit, Undo, Redo };
std::string_view toString(EditKind kind);

struct HistoryEntry {
    std::int64_t id = 0;
    std::string at;  // ISO 8601 UTC, to the millisecond
    std::string user;
    EditKind how = EditKind::Edit;
    std::string entity;  // "claim", "source", "metric", "verdict"
    std::int64_t entityId = 0;
    std::string entityUuid;
    std::string label;   // a claim's words, a source's or metric's name: as it is now, or was when deleted
    std::string change;  // "created", "changed", "deleted"
    std::string field;   // the field changed ("value", "metric", "tag"); empty when created or deleted
    // The values as text ("200000000", "IHS Markit", empty for none); created and deleted: every field
    // that had a value, as "field: value; …".
    std::string before, after;
};

// What changed, as one line: "value: 176000000 → 200000000", "tag: (none) → forecast",
// "created: quote: …; value: …".
std::string describeChange(const HistoryEntry& entry);

// Which entries, oldest first (or newest first).
struct HistoryQuery {
    // One claim's, source's, metric's or verdict's (by id: the one that has it now, or had it last); empty:
    // every entry.
    std::string entity;
    std::int64_t entityId = 0;
    std::size_t limit = 0;  // 0: all
    bool newestFirst = false;
};

namespace db {

// The name the program or its user gave to record changes under: the program's (setProgramUserName), else
// $CLAIMTRACK_USER; none when neither names one.
std::optional<std::string> givenUserName();
// The name changes are recorded under when no one is named: givenUserName(), else the system's name for the
// user running the program, else "unknown". (On a server, where the database role names the user, the
// role stands in for the system's name.)
std::string defaultUserName();
// Names the user of every project this program opens from now on, before $CLAIMTRACK_USER (the command
// line's --user); empty: defaultUserName chooses again.
void setProgramUserName(std::string name);

// Makes the connection record history under `user` (a writing connection, at version 9 or later).
void startHistory(sql::Connection& connection, const std::string& user);
void setHistoryUser(sql::Connection& connection, const std::string& user);
void setHistoryEditKind(sql::Connection& connection, EditKind kind);
// Who the connection records changes under; unset for a connection that records none (one reading).
std::optional<std::string> historyUser(sql::Connection& connection);

// The history's functions and triggers on a PostgreSQL server, created with the project's schema there.
std::string serverHistorySchema();

}  // namespace db
}  // namespace claimtrack
