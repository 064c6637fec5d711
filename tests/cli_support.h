#pragma once
// Running claimtrack-cli in process, as the tests of the command line do.

#include "cli.h"

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

}  // namespace claimtrack::test
