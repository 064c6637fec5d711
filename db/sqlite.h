#pragma once
// A thin RAII layer over the SQLite C API, used only inside db/.
//
// Inside db/ failures are thrown as Failure so that multi-statement
// operations read straight; Project's public functions catch them at the
// boundary and return Result<T>. Handles are owned by unique_ptr with
// deleters, so nothing is finalized or closed by hand.

#include "result.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace claimtrack::sqlite {

// An Error thrown inside db/ (by SQLite or by a check of ours) to abandon an
// operation; its transaction rolls back as the stack unwinds.
class Failure : public std::exception {
public:
    explicit Failure(Error error) : m_error(std::move(error)) {}
    const Error& error() const { return m_error; }
    const char* what() const noexcept override { return m_error.message.c_str(); }

private:
    Error m_error;
};

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

class Connection;

// What becomes of a statement when its Statement goes: one of the connection's
// cached statements is reset (so it holds no read transaction open) and given
// back to the cache; any other is finalized.
struct StatementReleaser {
    Connection* cache = nullptr;
    void operator()(sqlite3_stmt* statement) const;
};

// A prepared statement for the scope that uses it. Whatever way the scope is
// left, the statement is reset: no read transaction outlives the call that
// started it, so other programs' commits stay visible and checkpoints succeed.
class Statement {
public:
    Statement(const Connection& connection, std::string_view sql);

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bindOrNull(int index, std::string_view text);        // empty text is stored as NULL
    Statement& bind(int index, std::optional<double> value);        // absent: NULL
    Statement& bind(int index, std::optional<std::int64_t> value);  // absent: NULL
    Statement& bindNull(int index);
    Statement& bindBlob(int index, std::string_view bytes);  // bytes, not text: never read as UTF-8

    bool step();   // true while there is a row to read
    void reset();  // ready to bind and run again
    void run() { step(); }

    std::int64_t integer(int column) const { return sqlite3_column_int64(m_statement.get(), column); }
    std::string text(int column) const;
    std::string blob(int column) const;
    std::optional<double> number(int column) const;
    std::optional<std::int64_t> optionalInteger(int column) const;  // unset for NULL
    bool isNull(int column) const { return type(column) == SQLITE_NULL; }
    int type(int column) const { return sqlite3_column_type(m_statement.get(), column); }  // SQLITE_TEXT, ...

private:
    friend class Connection;
    Statement(const Connection& connection, sqlite3_stmt* statement, Connection* cache);

    const Connection* m_connection;  // outlives its statements: they are used within its calls
    std::unique_ptr<sqlite3_stmt, StatementReleaser> m_statement;
};

class Connection {
public:
    // Immutable: read-only, and promised that no one writes the file meanwhile, so SQLite neither locks
    // it nor creates a -shm or -wal file beside it (for a folder or a disk that cannot be written).
    enum class Access { ReadOnly, Immutable, ReadWrite, Create };

    Connection(const std::filesystem::path& path, Access access, int busyTimeoutMs);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return m_db.get(); }
    const std::filesystem::path& path() const { return m_path; }

    void exec(const char* sql);                  // one or more statements, no results
    std::int64_t queryInteger(const char* sql);  // first column of the first row
    // A statement prepared once for the life of the connection, ready to bind; it goes back
    // to the cache, reset, when the returned Statement goes out of scope. Taken while in use
    // (a nested call running the same SQL), a second copy is prepared for the time being.
    Statement cached(const std::string& sql);
    // Whether a transaction or a statement is still open on this connection: after any
    // public call of the project neither may be.
    bool isIdle() const;
    std::int64_t lastInsertId() const { return sqlite3_last_insert_rowid(m_db.get()); }
    bool isReadOnly() const { return sqlite3_db_readonly(m_db.get(), "main") == 1; }
    [[noreturn]] void fail(int code) const;

private:
    std::filesystem::path m_path;
    std::unique_ptr<sqlite3, ConnectionCloser> m_db;
    friend struct StatementReleaser;
    // Keyed by their SQL; null while the statement is lent out.
    std::unordered_map<std::string, std::unique_ptr<sqlite3_stmt, StatementFinalizer>> m_statements;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless committed.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& m_connection;
    bool m_done = false;
};

// Turns an SQLite result code into our error, naming the project file.
[[noreturn]] void fail(sqlite3* db, int code, const std::filesystem::path& path);

}  // namespace claimtrack::sqlite
