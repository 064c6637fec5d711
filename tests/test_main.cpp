#include <QCoreApplication>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string_view>

namespace {

// The storage tests' run on a server (tests/project_support.h) with no server to run on: every test skips,
// saying why, rather than failing.
class ServerRunNeedsAServer : public testing::Environment {
public:
    void SetUp() override {
        const char* backend = std::getenv("CLAIMTRACK_TEST_BACKEND");
        const char* server = std::getenv("CLAIMTRACK_TEST_POSTGRES");
        if (backend && std::string_view(backend) == "postgres" && !(server && *server))
            GTEST_SKIP() << "no PostgreSQL server to test against: scripts/test.sh starts one, or set "
                            "CLAIMTRACK_TEST_POSTGRES to a connection URI";
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
