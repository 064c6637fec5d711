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
    std::string paths, words;
    walk(app, "", [&](const CLI::App& command, const std::string& path) {
        std::string offered;
        for (const CLI::App* sub : subcommands(command))
            offered += sub->get_name() + " ";
        for (const CLI::Option* option : options(command))
            for (const std::string& name : option->get_lnames())
                offered += "--" + name + " ";
        offered += "--help";
        if (!path.empty())
            paths += fmt::format("      \" {}\") path+=\" $word\" ;;\n", path);
        words += fmt::format("    \"{}\") offered=\"{}\" ;;\n", path.empty() ? "" : " " + path, offered);
    });
    return fmt::format(R"(# bash completion for {0}; generated from its parser.
_claimtrack_cli() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} path="" word offered=""
  for word in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
    case "$path $word" in
{1}    esac
  done
  case "$path" in
{2}  esac
  COMPREPLY=($(compgen -W "$offered" -- "$cur"))
}}
complete -o default -F _claimtrack_cli {0}
)",
                       app.get_name(), paths, words);
}

}  // namespace claimtrack::cli
