#include "postgres.h"

#include <QUrl>
#include <fmt/format.h>
#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <vector>

#include <poll.h>

namespace claimtrack::postgres {

using sql::Failure;

namespace {

// Type OIDs (the server's pg_type.h): the ones read as numbers or bytes; every other type reads as text.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25, kOid = 26;
constexpr Oid kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

struct ResultClear {
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultClear>;

// libpq's message on one line: its lines (a hint comes on a line of its own) joined by "; ".
std::string oneLine(const char* message) {
    std::string line;
    std::string_view rest = message ? message : "";
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        std::string_view part = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t'))
            part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ')
            part.remove_suffix(1);
        if (!part.empty())
            line += (line.empty() ? "" : "; ") + std::string(part);
    }
    return line;
}

// A URI piece, percent-encoded but for RFC 3986's unreserved characters (a socket folder's slashes too).
std::string uriPiece(const std::string& text) {
    return QUrl::toPercentEncoding(QString::fromStdString(text)).toStdString();
}

}  // namespace

bool isServerLocation(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string displayLocation(const std::string& location) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(location.c_str(), &error);
    PQfreemem(error);
    if (!options)
        return "a PostgreSQL server (a connection string libpq cannot read)";
    std::string host, port, database, user, serverOptions;
    for (const PQconninfoOption* option = options; option->keyword; ++option) {
        if (!option->val)
            continue;
        const std::string_view keyword = option->keyword;
        if (keyword == "host")
            host = option->val;
        else if (keyword == "port")
            port = option->val;
        else if (keyword == "dbname")
            database = option->val;
        else if (keyword == "user")
            user = option->val;
        else if (keyword == "options")  // may choose the schema: two projects on one database differ here
            serverOptions = option->val;
    }
    PQconninfoFree(options);
    std::string shown = "postgresql://";
    if (!user.empty())
        shown += uriPiece(user) + "@";
    shown += uriPiece(host);
    if (!port.empty())
        shown += ":" + uriPiece(port);
    if (!database.empty())
        shown += "/" + uriPiece(database);
    if (!serverOptions.empty())
        shown += "?options=" + uriPiece(serverOptions);
    return shown;
}

std::string numberedParameters(std::string_view sql, std::vector<bool>& used) {
    std::string out;
    out.reserve(sql.size() + 8);
    used.clear();
    std::size_t i = 0;
    const auto copyUntil = [&](std::string_view end) {  // copies through the next `end`, or to the end
        const std::size_t found = sql.find(end, i);
        const std::size_t stop = found == std::string_view::npos ? sql.size() : found + end.size();
        out.append(sql.substr(i, stop - i));
        i = stop;
    };
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {  // '' and "" inside are two quoted runs back to back: same result
            out += c;
            ++i;
            copyUntil(std::string_view(&c, 1));
        } else if (sql.substr(i, 2) == "--") {
            copyUntil("\n");
        } else if (sql.substr(i, 2) == "/*") {
            copyUntil("*/");
        } else if (c == '?' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            ++i;
            int number = 0;
            const auto [end, ec] = std::from_chars(sql.data() + i, sql.data() + sql.size(), number);
            i = static_cast<std::size_t>(end - sql.data());
            used.resize(std::max(used.size(), static_cast<std::size_t>(number)));
            used[static_cast<std::size_t>(number - 1)] = true;
            out += '$';
            out += std::to_string(number);
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

namespace {

// The table an INSERT statement adds to ("INSERT INTO claim (…) …"), or "" for any other statement or an
// INSERT that returns rows of its own. (db/ writes its SQL's keywords in capitals.)
std::string insertedTable(std::string_view sql) {
    constexpr std::string_view kInsert = "INSERT INTO ";
    const std::size_t start = sql.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || sql.substr(start, kInsert.size()) != kInsert ||
        sql.find("RETURNING") != std::string_view::npos)
        return {};
    sql.remove_prefix(start + kInsert.size());
    std::size_t end = 0;
    while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_'))
        ++end;
    return std::string(sql.substr(0, end));
}

}  // namespace

// A statement for the server: prepared there once when cached, else sent with its parameters each run.
// Its rows are fetched whole when it runs, as text (bytes as bytea's hex).
class PgCursor final : public sql::Cursor {
public:
    PgCursor(const Connection& connection, std::string_view sql, std::string name)
        : sql::Cursor(std::string(sql)), m_connection(connection), m_name(std::move(name)) {
        std::vector<bool> used;
        m_text = numberedParameters(sql, used);
        m_count = static_cast<int>(used.size());
        // A number the SQL skips (a statement sharing its binding with others) has no context to tell
        // its type: it is declared text, and what is bound to it goes unused. The others' types are the
        // server's to infer.
        for (const bool isUsed : used)
            m_types.push_back(isUsed ? 0 : kText);
        if (const std::string table = insertedTable(sql); !table.empty() && connection.hasIdColumn(table)) {
            m_text += " RETURNING id";
            m_returnsId = true;
        }
        m_values.resize(static_cast<std::size_t>(m_count));
        m_formats.assign(static_cast<std::size_t>(m_count), 0);
        if (m_name.empty())
            return;
        const ResultPtr prepared(
            PQprepare(connection.handle(), m_name.c_str(), m_text.c_str(), m_count, m_types.data()));
        if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
            connection.fail(prepared.get());
    }

    void bind(int index, std::int64_t value) override { set(index, std::to_string(value), 0); }
    void bind(int index, double value) override { set(index, fmt::format("{}", value), 0); }
    void bindText(int index, std::string_view text) override { set(index, std::string(text), 0); }
    void bindBlob(int index, std::string_view bytes) override { set(index, std::string(bytes), 1); }
    void bindNull(int index) override {
        if (index >= 1 && index <= m_count)
            m_values[static_cast<std::size_t>(index - 1)].reset();
    }

    bool step() override {
        if (!m_result)
            run();
        return ++m_row < PQntuples(m_result.get());
    }
    void reset() override {
        m_result.reset();
        m_row = -1;
        for (auto& value : m_values)
            value.reset();
        m_formats.assign(m_formats.size(), 0);
    }

    sql::ValueType type(int column) const override {
        if (PQgetisnull(m_result.get(), m_row, column))
            return sql::ValueType::Null;
        switch (PQftype(m_result.get(), column)) {
        case kBool:
        case kInt2:
        case kInt4:
        case kInt8:
        case kOid:
            return sql::ValueType::Integer;
        case kFloat4:
        case kFloat8:
        case kNumeric:
            return sql::ValueType::Real;
        case kBytea:
            return sql::ValueType::Blob;
        default:
            return sql::ValueType::Text;
        }
    }
    std::int64_t integer(int column) const override {
        const char* value = PQgetvalue(m_result.get(), m_row, column);
        if (PQftype(m_result.get(), column) == kBool)
            return value[0] == 't' ? 1 : 0;
        return std::strtoll(value, nullptr, 10);  // NULL reads as "": 0
    }
    double real(int column) const override {
        return std::strtod(PQgetvalue(m_result.get(), m_row, column), nullptr);
    }
    std::string text(int column) const override {
        return {PQgetvalue(m_result.get(), m_row, column),
                static_cast<std::size_t>(PQgetlength(m_result.get(), m_row, column))};
    }
    std::string blob(int column) const override {
        if (PQgetisnull(m_result.get(), m_row, column))
            return {};
        std::size_t length = 0;
        unsigned char* bytes = PQunescapeBytea(
            reinterpret_cast<const unsigned char*>(PQgetvalue(m_result.get(), m_row, column)), &length);
        std::string copy(reinterpret_cast<const char*>(bytes), length);
        PQfreemem(bytes);
        return copy;
    }

private:
    void set(int index, std::string value, int format) {
        if (index < 1 || index > m_count)
            return;  // beyond the SQL's parameters: ignored, as SQLite does
        const auto at = static_cast<std::size_t>(index - 1);
        m_values[at] = std::move(value);
        m_formats[at] = format;
    }

    void run() {
        std::vector<const char*> values(m_values.size());
        std::vector<int> lengths(m_values.size());
        for (std::size_t i = 0; i < m_values.size(); ++i) {
            values[i] = m_values[i] ? m_values[i]->c_str() : nullptr;
            lengths[i] = m_values[i] ? static_cast<int>(m_values[i]->size()) : 0;
        }
        PGconn* connection = m_connection.handle();
        m_result.reset(m_name.empty() ? PQexecParams(connection, m_text.c_str(), m_count, m_types.data(),
                                                     values.data(), lengths.data(), m_formats.data(), 0)
                                      : PQexecPrepared(connection, m_name.c_str(), m_count, values.data(),
                                                       lengths.data(), m_formats.data(), 0));
        const ExecStatusType status = PQresultStatus(m_result.get());
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            const ResultPtr failed = std::move(m_result);
            m_connection.fail(failed.get());
        }
        m_row = -1;
        if (const int rows = PQntuples(m_result.get()); m_returnsId && rows > 0) {
            m_connection.m_lastInsertId = std::strtoll(PQgetvalue(m_result.get(), rows - 1, 0), nullptr, 10);
            m_result.reset(PQmakeEmptyPGresult(connection, PGRES_COMMAND_OK));  // an INSERT gives no rows
        }
    }

    const Connection& m_connection;  // outlives its cursors' use: they run within its calls
    bool m_returnsId = false;        // an INSERT that gives back the id it inserted, for lastInsertId
    std::string m_name;              // of the statement prepared on the server; empty: not prepared
    std::string m_text;              // the SQL with $N parameters
    int m_count = 0;
    std::vector<Oid> m_types;                          // of each parameter: 0 for the server to infer
    std::vector<std::optional<std::string>> m_values;  // unset: NULL
    std::vector<int> m_formats;                        // 1 for bytes, 0 for text
    ResultPtr m_result;
    int m_row = -1;
};

void Connection::Finisher::operator()(PGconn* connection) const {
    PQfinish(connection);
}

Connection::Connection(const std::string& location) : m_name(displayLocation(location)) {
    m_connection.reset(PQconnectdb(location.c_str()));
    if (!m_connection)
        throw Failure({ErrorCode::Io, fmt::format("cannot connect to {}: out of memory", m_name)});
    if (PQstatus(m_connection.get()) != CONNECTION_OK)
        throw Failure({ErrorCode::Io, fmt::format("cannot connect to {}: {}", m_name,
                                                  oneLine(PQerrorMessage(m_connection.get())))});
    // Messages the server sends besides errors (NOTICE) are not the user's business here.
    PQsetNoticeProcessor(
        m_connection.get(), [](void*, const char*) {}, nullptr);
}

void Connection::fail(const PGresult* result) const {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state ? state : "";
    // The server's errors carry their fields; libpq's own (the server gone) only a message.
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string detail = oneLine(primary  ? primary
                                       : result ? PQresultErrorMessage(result)
                                                : PQerrorMessage(handle()));
    // An error without a state is libpq's own: the server did not answer.
    if (isLost() || code.starts_with("08") || code == "57P01" || (result && !state)) {
        m_lost = true;
        throw Failure({ErrorCode::Io, fmt::format("lost the connection to {}: {}", m_name, detail)});
    }
    if (code.starts_with("23"))
        throw Failure({ErrorCode::InvalidInput, fmt::format("refused by {}: {}", m_name, detail)});
    if (code == "40001" || code == "40P01" || code == "55P03")
        throw Failure(
            {ErrorCode::Busy, fmt::format("{} is busy with another change to the same rows; nothing "
                                          "was changed, try again ({})",
                                          m_name, detail)});
    if (code == "42501")  // insufficient privilege: the user's role does not allow it
        throw Failure({ErrorCode::NotAllowed,
                       m_refusalReason.empty()
                           ? fmt::format("{} refused the change: {}", m_name, detail)
                           : fmt::format("{} refused the change: {} ({})", m_name, m_refusalReason, detail)});
    if (code == "25006")  // a read-only transaction: the project was opened to read
        throw Failure({ErrorCode::ReadOnly, fmt::format("{} refused the change: {}", m_name, detail)});
    throw Failure({ErrorCode::Database, fmt::format("{}: {}", m_name, detail.empty() ? code : detail)});
}

void Connection::exec(const char* sql) {
    const ResultPtr result(PQexec(handle(), sql));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result.get());
}

bool Connection::isIdle() const {
    return PQtransactionStatus(handle()) == PQTRANS_IDLE;
}

void Connection::setForSession(const std::string& name, const std::string& value) {
    sql::Statement set(*this, "SELECT set_config(?1, ?2, false)");
    set.bind(1, name).bind(2, value).run();
    std::erase_if(m_settings, [&name](const auto& setting) { return setting.first == name; });
    m_settings.emplace_back(name, value);
}

// Found lost by a statement (m_lost), or by libpq reading or writing.
bool Connection::isLost() const {
    return m_lost || PQstatus(handle()) == CONNECTION_BAD;
}

namespace {

// Whether the connection's socket can be read (or written) before `deadline`.
bool socketReady(PGconn* connection, bool forReading, std::chrono::steady_clock::time_point deadline) {
    pollfd socket{PQsocket(connection), static_cast<short>(forReading ? POLLIN : POLLOUT), 0};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return socket.fd >= 0 &&
           ::poll(&socket, 1, static_cast<int>(std::max<std::int64_t>(left.count(), 0))) > 0;
}

}  // namespace

// Connecting again goes step by step (PQresetStart, PQresetPoll), waiting at most kReconnectWait a call for
// the network, and the next call takes it on: a server that no longer answers (a host gone from the
// network, a firewall dropping packets) would otherwise hold the caller, the app's window, until the system
// gave up on it, while a server that answers is connected to within one call. An attempt that has not
// connected within kReconnectAttempt is given up for a new one: libpq's connect_timeout does not count time
// that passes between calls.
bool Connection::reconnectIfLost() {
    if (!isLost())
        return false;
    const auto now = std::chrono::steady_clock::now();
    const auto cannotReach = [this] {
        m_resetStarted.reset();
        return Failure(
            {ErrorCode::Io, fmt::format("cannot reach {}: {}", m_name, oneLine(PQerrorMessage(handle())))});
    };
    if (!m_resetStarted || now - *m_resetStarted > kReconnectAttempt) {
        if (PQresetStart(handle()) == 0)
            throw cannotReach();
        m_resetStarted = now;
        m_resetWaitsToRead = false;  // libpq: begin as if the last poll asked to write
    }
    for (bool connected = false; !connected;) {
        if (!socketReady(handle(), m_resetWaitsToRead, now + kReconnectWait))
            throw Failure({ErrorCode::Io, fmt::format("still connecting again to {}", m_name)});
        switch (PQresetPoll(handle())) {
        case PGRES_POLLING_OK:
            connected = true;
            break;
        case PGRES_POLLING_READING:
            m_resetWaitsToRead = true;
            break;
        case PGRES_POLLING_WRITING:
            m_resetWaitsToRead = false;
            break;
        default:
            throw cannotReach();
        }
    }
    m_resetStarted.reset();
    m_lost = false;
    forgetCachedStatements();
    for (const auto& [name, value] : std::vector(m_settings))
        setForSession(name, value);
    if (m_listening)
        listen(m_channel);
    ++m_noticesFromOthers;
    return true;
}

void Connection::listen(const std::string& channel) {
    const std::unique_ptr<char, decltype(&PQfreemem)> quoted(
        PQescapeIdentifier(handle(), channel.data(), channel.size()), &PQfreemem);
    if (!quoted)
        fail(nullptr);
    exec(fmt::format("LISTEN {}", quoted.get()).c_str());
    m_listening = true;
    m_channel = channel;
}

std::int64_t Connection::noticesFromOthers() {
    if (PQconsumeInput(handle()) == 0 || isLost())
        fail(nullptr);
    // Our own transactions notify the channel too: the server names the connection that sent each notice.
    const int ours = PQbackendPID(handle());
    while (PGnotify* notice = PQnotifies(handle())) {
        if (notice->be_pid != ours)
            ++m_noticesFromOthers;
        PQfreemem(notice);
    }
    return m_noticesFromOthers;
}

bool Connection::hasIdColumn(const std::string& table) const {
    if (const auto known = m_tablesWithId.find(table); known != m_tablesWithId.end())
        return known->second;
    const char* values[] = {table.c_str()};
    const ResultPtr result(
        PQexecParams(handle(),
                     "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                     "current_schema() AND table_name = $1 AND column_name = 'id'",
                     1, nullptr, values, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        fail(result.get());
    const bool hasId = std::string_view(PQgetvalue(result.get(), 0, 0)) != "0";
    m_tablesWithId.emplace(table, hasId);
    return hasId;
}

bool Connection::isReadOnly() const {
    sql::Statement readOnly(*this, "SELECT current_setting('transaction_read_only') = 'on'");
    return readOnly.step() && readOnly.integer(0) == 1;
}

void Connection::rollback() noexcept {
    PQclear(PQexec(handle(), "ROLLBACK"));
}

std::unique_ptr<sql::Cursor> Connection::prepare(std::string_view sql, bool cached) const {
    return std::make_unique<PgCursor>(*this, sql, cached ? fmt::format("claimtrack_{}", ++m_prepared) : "");
}

}  // namespace claimtrack::postgres
