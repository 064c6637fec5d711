#pragma once
// A project's schema on a PostgreSQL server: the file's tables (db/schema.h) in the server's SQL.

#include "sql.h"

#include <cstdint>
#include <string>

namespace claimtrack::db {

// Creates the current schema (kSchemaVersion) in the connection's schema, which must hold no table, in one
// transaction; a database with tables is refused and left as it was.
void createServerSchema(sql::Connection& connection);

// The first version of the schema on servers; a project of an older one was never written there.
inline constexpr std::int64_t kFirstServerSchemaVersion = 12;

// Brings a project at version `from` (kFirstServerSchemaVersion or later) up to kSchemaVersion, in one
// transaction. Each step only adds what speeds a reading up, so a project not yet brought up reads and
// takes changes as well.
void migrateServerSchema(sql::Connection& connection, std::int64_t from);

// Whether the project has its search index: those made by the first build to put projects on servers (the
// same schema 12, before search came to servers) do not, until addServerSearch makes and fills it, in one
// transaction.
bool hasServerSearch(sql::Connection& connection);
void addServerSearch(sql::Connection& connection);

// Whether the project tells the programs that have it open of each change (LISTEN/NOTIFY), on the channel
// changeChannel names: those made before it came do not, until addChangeNotices makes its triggers, in one
// transaction.
bool hasChangeNotices(sql::Connection& connection);
void addChangeNotices(sql::Connection& connection);
std::string changeChannel(sql::Connection& connection);

// The schema version of the project on the server; refuses (NotAProject, TooNew) a database that holds
// no Claimtrack project or one newer than this build reads.
std::int64_t serverSchemaVersion(sql::Connection& connection);

}  // namespace claimtrack::db
