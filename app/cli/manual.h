#pragma once
// The manual page and the shell completions of claimtrack-cli, written from its parser, so that they say what
// --help says and cannot drift from it.

#include <CLI/CLI.hpp>

#include <string>

namespace claimtrack::cli {

// The manual page, in roff (man(7)): every subcommand with its usage, description and options.
std::string manPage(const CLI::App& app);

// A bash completion script: subcommands, then each one's options; files for everything else.
std::string bashCompletion(const CLI::App& app);
// The zsh completion: the body of the `_claimtrack-cli` function zsh autoloads, for the same words.
std::string zshCompletion(const CLI::App& app);

}  // namespace claimtrack::cli
