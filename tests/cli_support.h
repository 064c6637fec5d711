#pragma once
// Running claimtrack-cli in process, as the tests of the command line do.

#include "cli.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <QStandardPaths>

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

// The sample project (samples/load_demo.py), loaded through the command line afresh for each test.
class SampleProject : public testing::Test {
protected:
    void SetUp() override { LOAD_SAMPLE_PROJECT(project); }

    TempDir dir;
    const std::string project = (dir / "demo.claims").string();
};

}  // namespace claimtrack::test
