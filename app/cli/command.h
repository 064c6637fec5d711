#pragma once
// One subcommand of claimtrack-cli: it adds its options to the parser, and
// runs when the user chose it.

#include "cli.h"
#include "result.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace claimtrack::cli {

class Command {
public:
    virtual ~Command() = default;
    virtual int run(Streams streams) = 0;
};

// A usage error found after parsing (options that exclude each other, ...): exit status 2.
struct UsageError {
    std::string message;
};

// Checks an option is a whole number from `least` up to what 64 bits hold, and says so in the
// project's words ("must be a whole number, 1 or more"): CLI11's own range checks print their
// bounds as doubles, and its conversion clamps a number past 64 bits instead of refusing it.
CLI::Validator wholeNumber(std::int64_t least);

// Reads an output format by name, without regard to case ("csv", "JSON"), and says which names there are
// when it is none of them; CLI11's own check prints its internal map instead.
CLI::Validator formatName();
// One of `names`, in any case; the value is then lowered.
CLI::Validator oneOfNames(std::vector<std::string> names);

// Prints the error as one line on `err` and returns the exit status for bad input.
int report(std::ostream& err, const Error& error);

// Builds the whole parser: the program's name, description, version and every subcommand. Also read by
// the manual page and the shell completion (manual.h), so they cannot drift from --help.
void buildParser(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);

// Adds the subcommands to `app`; each one, when chosen, sets `chosen` to itself.
// The commands are owned by `commands`.
void addArticleCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);
void addClaimCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);
void addConflictCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);
void addMemberCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);
void addFigureCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);
void addProjectCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);
void addSearchCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);
void addReportCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);
void addVersionCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen);

// Registers `command` as the subcommand `sub` and makes choosing it set `chosen`.
template <class C>
C& attach(CLI::App* sub, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto command = std::make_unique<C>();
    C& ref = *command;
    sub->callback([&chosen, &ref] { chosen = &ref; });
    commands.push_back(std::move(command));
    return ref;
}

}  // namespace claimtrack::cli
