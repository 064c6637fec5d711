#pragma once
// A schema of its own on the test server (postgresUnderTest, test_support.h) for each test, so that tests
// running at once do not meet.

#include "postgres.h"
#include "test_support.h"

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

}  // namespace claimtrack::test
