#pragma once
// What the storage tests share: where a test's project lives, and a project's whole contents as its
// project file, the form two projects are compared in.
//
// The storage tests run twice: on project files (db_tests as it is), and on the test server (ctest's
// Server.* tests: CLAIMTRACK_TEST_BACKEND=postgres), where each project is a schema of its own.
#include "postgres_support.h"
#include "project.h"
#include "project_file.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace claimtrack::test {

// Where a test keeps the project it calls `name`: the file `dir / name`, or, on a server run, a new schema
// on the test server (dropped when the tests end) named by a URI that works in it.
inline std::filesystem::path projectLocation(const TempDir& dir, std::string_view name) {
    if (!projectsOnServer())
        return dir / name;
    static std::vector<std::unique_ptr<ServerSchema>> schemas;  // dropped at exit
    const char* server = postgresUnderTest();
    if (!server)
        throw std::runtime_error(kNoPostgres);
    schemas.push_back(std::make_unique<ServerSchema>(server));
    return schemas.back()->location();
}

inline std::string projectFile(Project& project) {
    std::ostringstream out;
    EXPECT_TRUE(writeProjectFile(project, out));
    return out.str();
}

}  // namespace claimtrack::test
