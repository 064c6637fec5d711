#pragma once
// Helpers shared by the tests: temporary folders, files, child processes, and
// the Unicode fixture every layer is tested against.

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace claimtrack::test {

// Unicode fixture: accented Latin in NFC and NFD, CJK, an emoji outside the
// BMP, a no-break space and U+202F inside numbers, CRLF line endings.
inline const std::string kNfcCafe = "caf\xC3\xA9";   // café, é precomposed (U+00E9)
inline const std::string kNfdCafe = "cafe\xCC\x81";  // café, e + U+0301 combining acute
inline const std::string kCjk = "\xE7\xA4\xBE\xE4\xBC\x9A\xE4\xBF\xA1\xE7\x94\xA8";  // 社会信用
inline const std::string kEmoji = "\xF0\x9F\x93\xB7";   // 📷 U+1F4F7, outside the BMP
inline const std::string kNbsp = "\xC2\xA0";            // U+00A0 NO-BREAK SPACE
inline const std::string kNarrowNbsp = "\xE2\x80\xAF";  // U+202F NARROW NO-BREAK SPACE

// An article in the fixture, as a file would hold it (NFD accents, CRLF).
inline std::string fixtureArticleBytes() {
    return "Le " + kNfdCafe + " et le " + kCjk + " " + kEmoji + "\r\n" + "China had 176" + kNbsp +
           "million cameras in 2018, and 1" + kNarrowNbsp + "400 million people.\r\n" +
           "=SUM(A1) was typed by \"someone\", here.\r\n";
}

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

inline void writeFile(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The PostgreSQL server the storage tests run against: the one scripts/test.sh starts, named by
// CLAIMTRACK_TEST_POSTGRES; nullptr when there is none to test against.
inline const char* postgresUnderTest() {
    const char* location = std::getenv("CLAIMTRACK_TEST_POSTGRES");
    return location && *location ? location : nullptr;
}

inline constexpr const char* kNoPostgres =
    "no PostgreSQL server to test against: scripts/test.sh starts one, or set CLAIMTRACK_TEST_POSTGRES to "
    "a connection URI";

// Whether this run of the storage tests keeps its projects on the test server (ctest's Server.* tests:
// CLAIMTRACK_TEST_BACKEND=postgres) rather than in files.
inline bool projectsOnServer() {
    const char* backend = std::getenv("CLAIMTRACK_TEST_BACKEND");
    return backend && std::string_view(backend) == "postgres";
}

class TempDir {
public:
    TempDir() { m_dir.setAutoRemove(true); }
    std::filesystem::path path() const { return m_dir.path().toStdString(); }
    std::filesystem::path operator/(std::string_view name) const { return path() / name; }

private:
    QTemporaryDir m_dir;
};

// Sets (or, with nullptr, unsets) an environment variable for a scope; puts back what it was.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name))
            m_old = old;
        value ? ::setenv(name, value, 1) : ::unsetenv(name);
    }
    ~ScopedEnv() { m_old ? ::setenv(m_name, m_old->c_str(), 1) : ::unsetenv(m_name); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs a program to completion (at most `timeoutMs`), feeding it `input`.
inline ProcessResult runProcess(const QString& program, const QStringList& args,
                                const std::string& input = {}, int timeoutMs = 60000) {
    QProcess process;
    process.start(program, args);
    process.waitForStarted();
    if (!input.empty())
        process.write(input.data(), static_cast<qint64>(input.size()));
    process.closeWriteChannel();
    process.waitForFinished(timeoutMs);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput().toStdString(), process.readAllStandardError().toStdString()};
}

inline QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
inline QString qs(const std::filesystem::path& p) {
    return QString::fromStdString(p.string());
}

#ifdef CLAIMTRACK_CLI
// Loads the sample project (samples/load_demo.py) into `project` through the command line; the test skips
// without python3. A macro, as GTEST_SKIP and ASSERT_EQ return from the test that uses it.
#define LOAD_SAMPLE_PROJECT(project)                                                                         \
    do {                                                                                                     \
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())                             \
            GTEST_SKIP() << "python3 is not installed: the sample project cannot be loaded";                 \
        const ProcessResult load =                                                                           \
            runProcess(QStringLiteral("python3"),                                                            \
                       {qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/samples/load_demo.py"),                    \
                        QStringLiteral("--cli"), QStringLiteral(CLAIMTRACK_CLI), qs(project)});              \
        ASSERT_EQ(load.exitCode, 0) << load.err;                                                             \
    } while (false)
#endif

}  // namespace claimtrack::test
