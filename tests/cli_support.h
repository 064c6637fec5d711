#pragma once
// Running claimtrack-cli in process, as the tests of the command line do.

#include "cli.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <QStandardPaths>
#include <QStringList>

#include <sstream>
#include <string>
#include <vector>

namespace claimtrack::test {

struct CliRun {
    int status = -1;
    std::string out;
    std::string err;
};

inline CliRun runCli(const std::vector<std::string>& args, const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int status = cli::runCli(args, {in, out, err, false});
    return {status, out.str(), err.str()};
}

// `count` distinct articles of about `size` bytes written to `dir`, and the arguments that import them all
// into `project`: the long import the tests interrupt.
inline QStringList writeImportArticles(const TempDir& dir, const std::string& project, int count,
                                       std::size_t size) {
    QStringList args{QStringLiteral("import"), qs(project)};
    for (int i = 0; i < count; ++i) {
        std::string text = "Report " + std::to_string(i) + "\n";
        while (text.size() < size)
            text += "Officials said " + std::to_string(i * 7 + static_cast<int>(text.size())) +
                    " cameras were installed. ";
        const auto path = dir / ("article-" + std::to_string(i) + ".txt");
        writeFile(path, text);
        args << qs(path);
    }
    return args;
}

// The sample project (samples/load_demo.py), loaded through the command line afresh for each test.
class SampleProject : public testing::Test {
protected:
    void SetUp() override { LOAD_SAMPLE_PROJECT(project); }

    TempDir dir;
    const std::string project = (dir / "demo.claims").string();
};

}  // namespace claimtrack::test
