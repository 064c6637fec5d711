#pragma once
// A schema of its own on the test server (postgresUnderTest, test_support.h) for each test, so that tests
// running at once do not meet; and a server of a test's own, for the tests that stop it.

#include "postgres.h"
#include "test_support.h"

#include <QStringList>
#include <QUuid>

#include <memory>
#include <string>

namespace claimtrack::test {

// A new, empty schema on the server for one test, dropped with everything in it when the test ends;
// connect() gives a connection working in it.
class ServerSchema {
public:
    explicit ServerSchema(std::string location)
        : m_location(std::move(location)),
          m_name("test_" + QUuid::createUuid().toString(QUuid::Id128).toStdString()) {
        postgres::Connection(m_location).exec(("CREATE SCHEMA " + m_name).c_str());
    }
    ~ServerSchema() {
        try {
            postgres::Connection(m_location).exec(("DROP SCHEMA " + m_name + " CASCADE").c_str());
        } catch (const sql::Failure&) {  // a test that stopped the server: nothing left to drop
        }
    }
    ServerSchema(const ServerSchema&) = delete;
    ServerSchema& operator=(const ServerSchema&) = delete;

    // A URI naming the server with this schema first in the search path (then public, where the citext
    // extension lives).
    std::string location() const {
        return m_location + (m_location.find('?') == std::string::npos ? "?" : "&") +
               "options=-csearch_path%3D" + m_name + "%2Cpublic";
    }

    std::unique_ptr<postgres::Connection> connect() const {
        auto connection = std::make_unique<postgres::Connection>(m_location);
        connection->exec(("SET search_path TO " + m_name + ", public").c_str());
        return connection;
    }

private:
    std::string m_location;
    std::string m_name;
};

// A server of the test's own (scripts/postgres-test-server.sh), which it may stop and start again.
class PrivateServer {
public:
    PrivateServer() {
        const ProcessResult started = script({QStringLiteral("start")});
        const auto lines = QString::fromStdString(started.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (started.exitCode == 0 && lines.size() == 2) {
            m_dir = lines[0];
            m_location = lines[1].toStdString();
        } else {
            m_error = started.err;
        }
    }
    ~PrivateServer() {
        if (!m_dir.isEmpty())
            script({QStringLiteral("stop"), m_dir});
    }
    PrivateServer(const PrivateServer&) = delete;
    PrivateServer& operator=(const PrivateServer&) = delete;

    const std::string& location() const { return m_location; }
    const std::string& error() const { return m_error; }
    bool halt() const { return script({QStringLiteral("halt"), m_dir}).exitCode == 0; }
    bool resume() const { return script({QStringLiteral("resume"), m_dir}).exitCode == 0; }

private:
    static ProcessResult script(QStringList args) {
        args.prepend(QStringLiteral(CLAIMTRACK_SOURCE_DIR "/scripts/postgres-test-server.sh"));
        return runProcess(QStringLiteral("bash"), args);
    }
    QString m_dir;
    std::string m_location;
    std::string m_error;
};

}  // namespace claimtrack::test
