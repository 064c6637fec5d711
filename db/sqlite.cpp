#include "sqlite.h"
#include "lock_holder.h"

#include <fmt/format.h>
#include <fmt/std.h>

#include <cstring>

namespace claimtrack::sqlite {

using sql::Failure;

void fail(sqlite3* db, int code, const std::filesystem::path& path) {
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    const std::string file = path.string();
    switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Failure(
            {ErrorCode::Busy, fmt::format("project file {} is being written by {}; nothing was changed, "
                                          "try again when it has finished",
                                          file, db::lockHolder(path).value_or("another program"))});
    case SQLITE_READONLY:
        throw Failure({ErrorCode::ReadOnly, fmt::format("project file {} is read-only", file)});
    case SQLITE_NOTADB:
        throw Failure({ErrorCode::NotAProject,
                       fmt::format("{} is not a Claimtrack project: it is not an SQLite database", file)});
    case SQLITE_CORRUPT:
        throw Failure({ErrorCode::Database, fmt::format("project file {} is damaged ({})", file, detail)});
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
        throw Failure(
            {ErrorCode::Io, fmt::format("cannot read or write project file {} ({})", file, detail)});
    case SQLITE_CONSTRAINT:
        throw Failure({ErrorCode::InvalidInput, fmt::format("refused by project file {}: {}", file, detail)});
    default:
        throw Failure({ErrorCode::Database, fmt::format("project file {}: {}", file, detail)});
    }
}

namespace {

// A statement SQLite prepared, finalized when the cursor goes.
class SqliteCursor final : public sql::Cursor {
public:
    SqliteCursor(const Connection& connection, std::string_view sql)
        : sql::Cursor(std::string(sql)), m_connection(connection) {
        sqlite3_stmt* statement = nullptr;
        const int rc = sqlite3_prepare_v3(connection.handle(), sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        m_statement.reset(statement);
        if (rc != SQLITE_OK)
            connection.fail(rc);
    }

    void bind(int index, std::int64_t value) override { sqlite3_bind_int64(get(), index, value); }
    void bind(int index, double value) override { sqlite3_bind_double(get(), index, value); }
    void bindText(int index, std::string_view text) override {
        sqlite3_bind_text(get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    void bindBlob(int index, std::string_view bytes) override {
        // A zero-length blob must not be NULL: an empty file was kept, not left out.
        sqlite3_bind_blob64(get(), index, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    }
    void bindNull(int index) override { sqlite3_bind_null(get(), index); }

    bool step() override {
        const int rc = sqlite3_step(get());
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        m_connection.fail(rc);
    }
    void reset() override {
        sqlite3_reset(get());
        sqlite3_clear_bindings(get());
    }

    sql::ValueType type(int column) const override {
        switch (sqlite3_column_type(get(), column)) {
        case SQLITE_INTEGER:
            return sql::ValueType::Integer;
        case SQLITE_FLOAT:
            return sql::ValueType::Real;
        case SQLITE_TEXT:
            return sql::ValueType::Text;
        case SQLITE_BLOB:
            return sql::ValueType::Blob;
        default:
            return sql::ValueType::Null;
        }
    }
    std::int64_t integer(int column) const override { return sqlite3_column_int64(get(), column); }
    double real(int column) const override { return sqlite3_column_double(get(), column); }
    std::string text(int column) const override {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(get(), column));
        return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(get(), column)))
                    : std::string();
    }
    std::string blob(int column) const override {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(get(), column));
        return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(get(), column)))
                    : std::string();
    }

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
    };
    sqlite3_stmt* get() const { return m_statement.get(); }

    const Connection& m_connection;  // outlives its cursors: they are used within its calls
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

// A path as the path of a file: URI, with the characters a URI gives meaning to escaped.
std::string uriPath(const std::string& path) {
    std::string escaped;
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#' || static_cast<unsigned char>(c) < 0x20)
            escaped += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        else
            escaped += c;
    }
    return escaped;
}

}  // namespace

namespace {

// The "natural_order" collation: names as a person orders them, "Source 2" before "Source 10". Digit runs
// compare by their value, everything else byte by byte with ASCII letters folded (as NOCASE does).
// Written here because SQLite has no such collation and ICU's numeric collator would link ICU's data
// into every connection for the sake of two ORDER BYs.
int naturalCompare(void*, int lengthA, const void* a, int lengthB, const void* b) {
    const auto* p = static_cast<const unsigned char*>(a);
    const auto* q = static_cast<const unsigned char*>(b);
    const unsigned char* pEnd = p + lengthA;
    const unsigned char* qEnd = q + lengthB;
    const auto isDigit = [](unsigned char c) { return c >= '0' && c <= '9'; };
    const auto fold = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; };
    while (p < pEnd && q < qEnd) {
        if (isDigit(*p) && isDigit(*q)) {
            while (p < pEnd && *p == '0')
                ++p;
            while (q < qEnd && *q == '0')
                ++q;
            const unsigned char* pDigits = p;
            const unsigned char* qDigits = q;
            while (p < pEnd && isDigit(*p))
                ++p;
            while (q < qEnd && isDigit(*q))
                ++q;
            if (p - pDigits != q - qDigits)
                return p - pDigits < q - qDigits ? -1 : 1;  // more digits: the larger number
            if (const int order = std::memcmp(pDigits, qDigits, static_cast<std::size_t>(p - pDigits)))
                return order;
            continue;
        }
        if (fold(*p) != fold(*q))
            return fold(*p) < fold(*q) ? -1 : 1;
        ++p, ++q;
    }
    return (p < pEnd) - (q < qEnd);
}

}  // namespace

Connection::Connection(const std::filesystem::path& path, Access access, int busyTimeoutMs) : m_path(path) {
    int flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
    const bool reading = access == Access::ReadOnly || access == Access::Immutable;
    flags |= reading ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (access == Access::Create)
        flags |= SQLITE_OPEN_CREATE;
    std::string name = path.string();
    if (access == Access::Immutable) {
        flags |= SQLITE_OPEN_URI;
        name = "file:" + uriPath(name) + "?immutable=1";
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    m_db.reset(db);
    if (rc != SQLITE_OK)
        sqlite::fail(db, rc, path);
    sqlite3_busy_timeout(db, busyTimeoutMs);
    sqlite3_create_collation_v2(db, "natural_order", SQLITE_UTF8, nullptr, naturalCompare, nullptr);
}

void Connection::exec(const char* sql) {
    const int rc = sqlite3_exec(m_db.get(), sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail(rc);
}

void Connection::fail(int code) const {
    sqlite::fail(m_db.get(), code, m_path);
}

std::unique_ptr<sql::Cursor> Connection::prepare(std::string_view sql, bool /*cached*/) const {
    return std::make_unique<SqliteCursor>(*this, sql);
}

bool Connection::isIdle() const {
    if (!sqlite3_get_autocommit(m_db.get()))
        return false;  // inside a transaction
    for (sqlite3_stmt* s = sqlite3_next_stmt(m_db.get(), nullptr); s; s = sqlite3_next_stmt(m_db.get(), s))
        if (sqlite3_stmt_busy(s))
            return false;  // stepped and not reset: it holds a read transaction open
    return true;
}

}  // namespace claimtrack::sqlite
