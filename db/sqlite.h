#pragma once
// A project in an SQLite file: the SQL connection of db/sql.h over the SQLite C API. Handles are owned by
// unique_ptr with deleters, so nothing is finalized or closed by hand.

#include "sql.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace claimtrack::sqlite {

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

// A project's SQLite file.
class Connection final : public sql::Connection {
public:
    // Immutable: read-only, and promised that no one writes the file meanwhile, so SQLite neither locks
    // it nor creates a -shm or -wal file beside it (for a folder or a disk that cannot be written).
    enum class Access { ReadOnly, Immutable, ReadWrite, Create };

    Connection(const std::filesystem::path& path, Access access, int busyTimeoutMs);

    sqlite3* handle() const { return m_db.get(); }
    const std::filesystem::path& path() const { return m_path; }

    std::string name() const override { return m_path.string(); }
    sql::Dialect dialect() const override { return sql::Dialect::Sqlite; }
    void exec(const char* sql) override;
    bool isIdle() const override;
    std::int64_t lastInsertId() const override { return sqlite3_last_insert_rowid(m_db.get()); }
    bool isReadOnly() const override { return sqlite3_db_readonly(m_db.get(), "main") == 1; }
    void begin() override { exec("BEGIN IMMEDIATE"); }
    void commit() override { exec("COMMIT"); }
    void rollback() noexcept override { sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr); }
    [[noreturn]] void fail(int code) const;

protected:
    std::unique_ptr<sql::Cursor> prepare(std::string_view sql, bool cached) const override;

private:
    std::filesystem::path m_path;
    std::unique_ptr<sqlite3, ConnectionCloser> m_db;
};

// Turns an SQLite result code into our error, naming the project file.
[[noreturn]] void fail(sqlite3* db, int code, const std::filesystem::path& path);

}  // namespace claimtrack::sqlite
