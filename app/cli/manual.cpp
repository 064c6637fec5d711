#include "manual.h"
#include "cli.h"

#include <fmt/format.h>

#include <functional>

namespace claimtrack::cli {

namespace {

// Text for roff: backslashes escaped, and no line that starts as a request.
std::string roff(std::string_view text) {
    std::string out;
    bool lineStart = true;
    for (const char c : text) {
        if (lineStart && (c == '.' || c == '\''))
            out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        lineStart = c == '\n';
    }
    return out;
}

std::vector<const CLI::App*> subcommands(const CLI::App& app) {
    std::vector<const CLI::App*> out;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        out.push_back(sub);
    return out;
}

std::vector<const CLI::Option*> options(const CLI::App& app) {
    return app.get_options([&](const CLI::Option* option) { return option != app.get_help_ptr(); });
}

// Calls `visit(app, path)` for `app` and every subcommand under it, depth first; `path` is the words that
// choose it ("claim add").
void walk(const CLI::App& app, const std::string& path,
          const std::function<void(const CLI::App&, const std::string&)>& visit) {
    visit(app, path);
    for (const CLI::App* sub : subcommands(app))
        walk(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), visit);
}

// The two `case` tables both shells' completions read, in the syntax both share: the words that choose a
// command (each appended to `chosen`), and what each command offers next.
struct CompletionCases {
    std::string chosen, offered;
};

CompletionCases completionCases(const CLI::App& app) {
    CompletionCases cases;
    walk(app, "", [&](const CLI::App& command, const std::string& path) {
        std::string offered;
        for (const CLI::App* sub : subcommands(command))
            offered += sub->get_name() + " ";
        for (const CLI::Option* option : options(command))
            for (const std::string& name : option->get_lnames())
                offered += "--" + name + " ";
        offered += "--help";
        if (!path.empty())
            cases.chosen += fmt::format("      \" {}\") chosen+=\" $word\" ;;\n", path);
        cases.offered +=
            fmt::format("    \"{}\") offered=\"{}\" ;;\n", path.empty() ? "" : " " + path, offered);
    });
    return cases;
}

}  // namespace

std::string manPage(const CLI::App& app) {
    std::string page =
        fmt::format(".TH CLAIMTRACK\\-CLI 1 \"\" \"{}\" \"User Commands\"\n", roff(app.get_name()));
    page += ".SH NAME\n" + roff(app.get_name()) + " \\- " + roff(app.get_description()) + "\n";
    page +=
        ".SH SYNOPSIS\n.B " + roff(app.get_name()) + "\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n";
    page += ".SH DESCRIPTION\nEvery command reads or changes one project file (SQLite), in one transaction: "
            "a command that fails leaves the project as it was. Run any command with \\fB\\-\\-help\\fR "
            "for what this page says of it.\n";
    page += ".SH COMMANDS\n";
    walk(app, "", [&](const CLI::App& command, const std::string& path) {
        if (path.empty())
            return;
        std::string usage = app.get_name() + " " + path;
        for (const CLI::Option* option : options(command))
            if (option->get_positional())
                usage += " " + option->get_name();
        if (!subcommands(command).empty())
            usage += " COMMAND";
        page += ".SS \"" + roff(usage) + "\"\n" + roff(command.get_description()) + "\n";
        for (const CLI::Option* option : options(command)) {
            const std::string type = option->get_type_name();
            page += ".TP\n\\fB" + roff(option->get_name()) + "\\fR" +
                    (type.empty() || option->get_positional() ? "" : " \\fI" + roff(type) + "\\fR") + "\n" +
                    roff(option->get_description().empty() ? "" : option->get_description()) + "\n";
        }
        if (!command.get_footer().empty())
            page += ".PP\n" + roff(command.get_footer()) + "\n";
    });
    page +=
        fmt::format(".SH EXIT STATUS\n.TP\n{}\nSuccess.\n.TP\n{}\nBad input: a file, id, value or project "
                    "it cannot take (nothing was changed).\n.TP\n{}\nBad usage: an unknown command or "
                    "option, or a missing argument.\n",
                    kExitOk, kExitBadInput, kExitUsage);
    page += ".SH SEE ALSO\n.BR claimtrack (1)\n";
    return page;
}

std::string bashCompletion(const CLI::App& app) {
    const CompletionCases cases = completionCases(app);
    return fmt::format(R"(# bash completion for {0}; generated from its parser.
_claimtrack_cli() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} chosen="" word offered=""
  for word in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
    case "$chosen $word" in
{1}    esac
  done
  case "$chosen" in
{2}  esac
  COMPREPLY=($(compgen -W "$offered" -- "$cur"))
}}
complete -o default -F _claimtrack_cli {0}
)",
                       app.get_name(), cases.chosen, cases.offered);
}

std::string zshCompletion(const CLI::App& app) {
    const CompletionCases cases = completionCases(app);
    // The body of an autoloaded completion function, as zsh's completion system expects it.
    return fmt::format(R"(#compdef {0}
# zsh completion for {0}; generated from its parser.
local chosen="" word offered=""
for word in "${{(@)words[2,CURRENT-1]}}"; do
  case "$chosen $word" in
{1}  esac
done
case "$chosen" in
{2}esac
compadd -- ${{=offered}}
_files
)",
                       app.get_name(), cases.chosen, cases.offered);
}

}  // namespace claimtrack::cli
