#include "test_support.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

namespace {

// The storage tests' run on a server (tests/project_support.h) with no server to run on: every test skips,
// saying why, rather than failing.
class ServerRunNeedsAServer : public testing::Environment {
public:
    void SetUp() override {
        if (claimtrack::test::projectsOnServer() && !claimtrack::test::postgresUnderTest())
            GTEST_SKIP() << claimtrack::test::kNoPostgres;
    }
};

}  // namespace

// A QCoreApplication exists for the whole run, as QProcess and friends expect.
int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    testing::InitGoogleTest(&argc, argv);
    testing::AddGlobalTestEnvironment(
        new ServerRunNeedsAServer);  // NOLINT(cppcoreguidelines-owning-memory): gtest owns it
    return RUN_ALL_TESTS();
}
