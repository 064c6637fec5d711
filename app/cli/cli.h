#pragma once
// claimtrack-cli: every subcommand runs in process with injectable streams, so
// tests call runCli() and compare what it printed.

#include <iosfwd>
#include <string>
#include <vector>

namespace claimtrack::cli {

// Exit statuses: success, bad input (a file, id, value or project we cannot take), bad usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

struct Streams {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool errIsTerminal;  // progress lines go to a terminal, never to a file or a pipe
};

// args excludes the program name: {"claims", "demo.claims", "--format", "csv"}.
int runCli(const std::vector<std::string>& args, Streams streams);

}  // namespace claimtrack::cli
