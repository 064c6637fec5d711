#pragma once
// A project on a PostgreSQL server: the SQL connection of db/sql.h over libpq.
//
// Statements keep db/'s numbered parameters (?1, ?2, ...), turned into PostgreSQL's ($1, $2, ...) when
// prepared. Values travel as text, but for bytes (bytea), which travel as they are. Cached statements are
// prepared once on the server; the others are sent with their parameters each time they run, so that no
// server-side statement outlives its scope. A statement's rows are read whole when it runs: a nested
// statement can run while another's rows are read, as on SQLite.

#include "sql.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

// libpq's handles, as libpq-fe.h declares them: that header stays inside db/postgres.cpp.
typedef struct pg_conn PGconn;      // NOLINT(modernize-use-using)
typedef struct pg_result PGresult;  // NOLINT(modernize-use-using)

namespace claimtrack::postgres {

class PgCursor;

// Whether `location` names a PostgreSQL server (a postgresql:// or postgres:// URI) rather than a file.
bool isServerLocation(std::string_view location);

// The server and database a connection string names, as a URI that holds no password (given in the URI,
// as a parameter, or by libpq's environment and files), for messages, titles and lists of projects.
// Unset pieces are left out: "postgresql://ana@db.example.org:5433/claims"; the server options (which may
// choose the schema) are kept.
std::string displayLocation(const std::string& location);

// SQL with db/'s ?N parameters as PostgreSQL's $N; quoted text, quoted names and comments are left as they
// are. `used` is set to which numbers, up to the highest, the SQL uses (used[0] for ?1).
std::string numberedParameters(std::string_view sql, std::vector<bool>& used);

class Connection final : public sql::Connection {
public:
    // Connects with a URI or a key=value string, libpq's environment variables and service files filling
    // in what it leaves out. Throws sql::Failure (Io) naming the server when it cannot connect.
    explicit Connection(const std::string& location);

    PGconn* handle() const { return m_connection.get(); }

    std::string name() const override { return m_name; }
    sql::Dialect dialect() const override { return sql::Dialect::Postgres; }
    void exec(const char* sql) override;
    bool isIdle() const override;
    // The id given by the last INSERT into a table whose rows have one (their INSERTs return it).
    std::int64_t lastInsertId() const override { return m_lastInsertId; }
    bool isReadOnly() const override;
    void begin() override { exec("BEGIN"); }
    void commit() override { exec("COMMIT"); }
    void rollback() noexcept override;

    // Sets a server setting (set_config) for the rest of the session, and again after a reconnect.
    void setForSession(const std::string& name, const std::string& value);
    // After the connection was lost (the server restarted, the network failed) connects again as before:
    // its settings and its listening as they were, its cached statements prepared again as they are used. The
    // notices sent meanwhile are lost, so it counts one, as if another connection had changed the project.
    // Whether it had to; throws sql::Failure (Io) while the server cannot be reached. A call waits for the
    // network at most kReconnectWait (a host name is still looked up as libpq does); a server slower than
    // that to answer is connected to over several calls, each throwing (Io) until it is done.
    bool reconnectIfLost();

    // Why the server refuses this connection's user a change, in the user's words ("ana is a reviewer of this
    // project, who …"): given with the server's own reason when it refuses one for want of a privilege.
    void setRefusalReason(std::string reason) { m_refusalReason = std::move(reason); }

    // Asks the server to tell this connection of each transaction that notifies `channel` (NOTIFY), from now
    // on.
    void listen(const std::string& channel);
    bool isListening() const { return m_listening; }
    // How many transactions of other connections notified the channel since listen(): reads what the server
    // has sent, without a round trip and without waiting for more. Throws sql::Failure (Io) when the
    // connection was lost.
    std::int64_t noticesFromOthers();

    // Turns a failed result (or, with none, the connection's state) into our error, naming the server.
    [[noreturn]] void fail(const PGresult* result) const;

protected:
    std::unique_ptr<sql::Cursor> prepare(std::string_view sql, bool cached) const override;

private:
    friend class PgCursor;
    bool hasIdColumn(const std::string& table) const;
    bool isLost() const;

    struct Finisher {
        void operator()(PGconn* connection) const;
    };
    std::unique_ptr<PGconn, Finisher> m_connection;
    std::string m_name;
    mutable int m_prepared = 0;  // how many statements were prepared on the server: their names
    mutable std::int64_t m_lastInsertId = 0;
    std::vector<std::pair<std::string, std::string>> m_settings;  // setForSession's, in order
    mutable bool m_lost = false;
    // Connecting again (reconnectIfLost): when the attempt began, and what libpq waits for.
    static constexpr std::chrono::milliseconds kReconnectWait{50};  // the app's window stalls no longer
    static constexpr std::chrono::seconds kReconnectAttempt{5};
    std::optional<std::chrono::steady_clock::time_point> m_resetStarted;
    bool m_resetWaitsToRead = false;
    bool m_listening = false;
    std::string m_channel;
    std::string m_refusalReason;
    std::int64_t m_noticesFromOthers = 0;
    mutable std::unordered_map<std::string, bool> m_tablesWithId;
};

}  // namespace claimtrack::postgres
