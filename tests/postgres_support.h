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
            postgres::Connection(m_location).exec(("DROP SCHEMA IF EXISTS " + m_name + " CASCADE").c_str());
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

    const std::string& name() const { return m_name; }

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
    // With `tls`, a server on localhost that takes connections over TLS only, and a URI that verifies its
    // certificate (scripts/postgres-test-server.sh start --tls).
    explicit PrivateServer(bool tls = false) {
        QStringList start{QStringLiteral("start")};
        if (tls)
            start << QStringLiteral("--tls");
        const ProcessResult started = script(start);
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

// People of a test's own on the server, each a login role ("ana" is "ana_" and part of the schema's name,
// as roles are the whole server's), for the tests of roles in a project (db/server_roles.h). The first
// person owns the schema and may create roles, as the person who starts a shared project would; the
// database's extensions are made by the server's administrator, as the owner may not. When the test ends,
// each person is dropped with what it owns and its privileges, and so are the project's groups.
class ServerPeople {
public:
    ServerPeople(std::string server, const ServerSchema& schema, std::initializer_list<const char*> people)
        : m_server(std::move(server)), m_schema(schema) {
        postgres::Connection admin(m_server);
        for (const char* person : people) {
            m_names.emplace_back(std::string(person) + "_" + schema.name().substr(5, 12));
            admin.exec(
                ("CREATE ROLE " + m_names.back() + " LOGIN" + (m_names.size() == 1 ? " CREATEROLE" : ""))
                    .c_str());
        }
        admin.exec(("ALTER SCHEMA " + schema.name() + " OWNER TO " + m_names.front() +
                    "; CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;"
                    "CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public")
                       .c_str());
    }
    ~ServerPeople() {
        postgres::Connection admin(m_server);
        // The schema first: its objects belong to the project's groups, the schema itself to its first
        // person.
        admin.exec(("DROP SCHEMA IF EXISTS " + m_schema.name() + " CASCADE").c_str());
        std::vector<std::string> roles = m_names;
        sql::Statement groups(admin, "SELECT rolname FROM pg_catalog.pg_roles "
                                     "WHERE shobj_description(oid, 'pg_authid') LIKE ?1");
        groups.bind(1, "Claimtrack: % of the project %." + m_schema.name());
        while (groups.step())
            roles.push_back(groups.text(0));
        for (const std::string& role : roles)
            admin.exec(("DROP OWNED BY \"" + role + "\"; DROP ROLE \"" + role + "\"").c_str());
    }
    ServerPeople(const ServerPeople&) = delete;
    ServerPeople& operator=(const ServerPeople&) = delete;

    // The role of `person`, as named when made.
    std::string name(std::string_view person) const {
        for (const std::string& name : m_names)
            if (name.substr(0, name.rfind('_')) == person)
                return name;
        return std::string(person);
    }
    // The project in the test's schema as `person` connects to it (libpq takes the last user given).
    std::string location(std::string_view person) const {
        return m_schema.location() + "&user=" + name(person);
    }

private:
    std::string m_server;
    const ServerSchema& m_schema;
    std::vector<std::string> m_names;
};

}  // namespace claimtrack::test
