#pragma once
// The project file's schema and its migrations.

#include "sql.h"

namespace claimtrack::db {

// PRAGMA application_id of every Claimtrack project: "Clmt".
inline constexpr std::int64_t kApplicationId = 0x436C6D74;

// The schema version this build writes, kept in PRAGMA user_version.
inline constexpr std::int64_t kSchemaVersion = 13;

// The oldest version read as it is, without an upgrade, by a program that only reads: the steps after it
// only add indexes, which speed reading up and change no table or column.
inline constexpr std::int64_t kOldestReadableVersion = 12;

// Brings a project at version `from` up to `to` (kSchemaVersion but in
// tests, which write older files), in one transaction.
void migrate(sql::Connection& connection, std::int64_t from, std::int64_t to = kSchemaVersion);

}  // namespace claimtrack::db
