#pragma once
// The SQL connection everything in db/ goes through, whichever database holds the project: an SQLite file
// (db/sqlite.h) or a PostgreSQL server (db/postgres.h). Statements are written once, with numbered
// parameters (?1, ?2, ...), in the SQL both databases read; what differs between the two stays in their
// connections.
//
// Inside db/ failures are thrown as Failure so that multi-statement operations read straight; Project's
// public functions catch them at the boundary and return Result<T>. Statements and transactions are
// scoped: whatever way a scope is left, its statement is reset and its transaction rolled back.

#include "result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace claimtrack::sql {

// An Error thrown inside db/ (by the database or by a check of ours) to abandon an operation; its
// transaction rolls back as the stack unwinds.
class Failure : public std::exception {
public:
    explicit Failure(Error error) : m_error(std::move(error)) {}
    const Error& error() const { return m_error; }
    const char* what() const noexcept override { return m_error.message.c_str(); }

private:
    Error m_error;
};

enum class ValueType { Null, Integer, Real, Text, Blob };

// Which database a connection speaks to, for the few places whose SQL cannot be the same for both
// (docs/architecture.md lists them).
enum class Dialect { Sqlite, Postgres };

// A prepared statement as one database keeps it: what Statement forwards to.
class Cursor {
public:
    explicit Cursor(std::string sql) : m_sql(std::move(sql)) {}
    virtual ~Cursor() = default;
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;

    const std::string& sql() const { return m_sql; }

    virtual void bind(int index, std::int64_t value) = 0;
    virtual void bind(int index, double value) = 0;
    virtual void bindText(int index, std::string_view text) = 0;
    virtual void bindBlob(int index, std::string_view bytes) = 0;
    virtual void bindNull(int index) = 0;  // binding a number the SQL has no parameter for does nothing
    virtual bool step() = 0;
    virtual void reset() = 0;  // ready to bind and run again, every parameter unbound

    // The current row's columns, counted from 0. A NULL reads as 0 or empty.
    virtual ValueType type(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual std::string text(int column) const = 0;
    virtual std::string blob(int column) const = 0;

private:
    std::string m_sql;
};

class Connection;

// What becomes of a cursor when its Statement goes: one of the connection's cached cursors is reset (so it
// holds no read open) and given back to the cache; any other is deleted.
struct CursorReleaser {
    Connection* cache = nullptr;
    void operator()(Cursor* cursor) const;
};

// A prepared statement for the scope that uses it. Whatever way the scope is left, the statement is reset:
// no read outlives the call that started it, so other programs' commits stay visible.
class Statement {
public:
    // Prepared for this scope only (not cached): for SQL put together at run time.
    Statement(const Connection& connection, std::string_view sql);

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bindOrNull(int index, std::string_view text);        // empty text is stored as NULL
    Statement& bind(int index, std::optional<double> value);        // absent: NULL
    Statement& bind(int index, std::optional<std::int64_t> value);  // absent: NULL
    Statement& bindNull(int index);
    Statement& bindBlob(int index, std::string_view bytes);  // bytes, not text: never read as UTF-8

    bool step() { return m_cursor->step(); }  // true while there is a row to read
    void reset() { m_cursor->reset(); }       // ready to bind and run again
    void run() { step(); }

    std::int64_t integer(int column) const { return m_cursor->integer(column); }
    std::string text(int column) const { return m_cursor->text(column); }
    std::string blob(int column) const { return m_cursor->blob(column); }
    std::optional<double> number(int column) const;
    std::optional<std::int64_t> optionalInteger(int column) const;  // unset for NULL
    bool isNull(int column) const { return type(column) == ValueType::Null; }
    ValueType type(int column) const { return m_cursor->type(column); }

private:
    friend class Connection;
    explicit Statement(std::unique_ptr<Cursor, CursorReleaser> cursor) : m_cursor(std::move(cursor)) {}

    std::unique_ptr<Cursor, CursorReleaser> m_cursor;
};

class Connection {
public:
    Connection() = default;
    virtual ~Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // What the project is, for messages: a file's path, or a server's address without its password.
    virtual std::string name() const = 0;
    virtual Dialect dialect() const = 0;

    virtual void exec(const char* sql) = 0;      // one or more statements, no parameters, no results
    std::int64_t queryInteger(const char* sql);  // first column of the first row; 0 for none
    // A statement prepared once for the life of the connection, ready to bind; it goes back to the cache,
    // reset, when the returned Statement goes out of scope. Taken while in use (a nested call running the
    // same SQL), a second copy is prepared for the time being.
    Statement cached(const std::string& sql);
    // Whether a transaction or a statement is still open on this connection: after any public call of the
    // project neither may be.
    virtual bool isIdle() const = 0;
    // The id of the row the last INSERT on this connection added.
    virtual std::int64_t lastInsertId() const = 0;
    virtual bool isReadOnly() const = 0;

    // A transaction: BEGIN (taking the right to write at once, so it never fails half-way for want of it),
    // COMMIT, ROLLBACK. Transaction calls these.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;

protected:
    friend class Statement;
    friend struct CursorReleaser;
    // Drops the statements cached for the connection, after a reconnect (the server holds none of them). Only
    // between calls, when none is lent out.
    void forgetCachedStatements() { m_cursors.clear(); }
    // `cached`: it will be kept for the life of the connection (worth preparing once on a server).
    virtual std::unique_ptr<Cursor> prepare(std::string_view sql, bool cached) const = 0;

private:
    // Keyed by their SQL; null while the statement is lent out.
    std::unordered_map<std::string, std::unique_ptr<Cursor>> m_cursors;
};

// BEGIN on construction; ROLLBACK on destruction unless committed.
class Transaction {
public:
    explicit Transaction(Connection& connection) : m_connection(connection) { connection.begin(); }
    ~Transaction() {
        if (!m_done)
            m_connection.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        m_connection.commit();
        m_done = true;
    }

private:
    Connection& m_connection;
    bool m_done = false;
};

}  // namespace claimtrack::sql
