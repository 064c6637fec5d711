#include "cli.h"
#include "command.h"
#include "history.h"
#include "output.h"
#include "version.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace claimtrack::cli {

CLI::Validator wholeNumber(std::int64_t least) {
    const std::string rule = fmt::format("a whole number, {} or more", least);
    return CLI::Validator(
        [least, rule](std::string& text) -> std::string {
            std::int64_t number = 0;
            const char* end = text.data() + text.size();
            const auto [stop, ec] = std::from_chars(text.data(), end, number);
            if (ec == std::errc::result_out_of_range)
                return fmt::format("{} is too large; it must be {}", text, rule);
            if (ec != std::errc() || stop != end || number < least)
                return fmt::format("{} is not {}", text, rule);
            return {};
        },
        rule);
}

namespace {

// Lowers `text` when it is one of `names`, in any case; otherwise says which names there are.
std::string lowerIfOneOf(std::string& text, const std::vector<std::string>& names) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::find(names.begin(), names.end(), lower) != names.end()) {
        text = lower;
        return {};
    }
    std::string listed;
    for (const std::string& name : names)
        listed += (listed.empty() ? "" : ", ") + name;
    return fmt::format("{} is not one of {}", text, listed);
}

}  // namespace

CLI::Validator formatName() {
    std::vector<std::string> names;
    for (const auto& [name, format] : kFormatNames)
        names.push_back(name);
    return CLI::Validator(
        [names](std::string& text) -> std::string {
            if (std::string wrong = lowerIfOneOf(text, names); !wrong.empty())
                return wrong;
            text = std::to_string(static_cast<int>(kFormatNames.at(text)));  // what CLI11 reads into the enum
            return {};
        },
        "");
}

CLI::Validator oneOfNames(std::vector<std::string> names) {
    return CLI::Validator([names](std::string& text) { return lowerIfOneOf(text, names); }, "");
}

int report(std::ostream& err, const Error& error) {
    err << "claimtrack-cli: " << error.message << '\n';
    return kExitBadInput;
}

void buildParser(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    app.description("Claimtrack: track the factual claims in news reports");
    app.name("claimtrack-cli");
    app.require_subcommand(1);
    // Given before or after the subcommand; runCli records the changes it makes under this name.
    app.fallthrough();
    app.add_option("--user", "Record changes under this name (default: $CLAIMTRACK_USER, else the system's)")
        ->type_name("NAME")
        ->check(CLI::Validator(
            [](std::string& name) -> std::string {
                return normalizeField(name).empty() ? "the user name cannot be empty" : std::string();
            },
            ""));
    app.set_version_flag("--version", "claimtrack-cli " CLAIMTRACK_VERSION " (commit " CLAIMTRACK_COMMIT ")");
    addArticleCommands(app, commands, chosen);
    addClaimCommands(app, commands, chosen);
    addProjectCommands(app, commands, chosen);
    addMemberCommands(app, commands, chosen);
    addFigureCommands(app, commands, chosen);
    addSearchCommands(app, commands, chosen);
    addConflictCommands(app, commands, chosen);
    addReportCommands(app, commands, chosen);
    addVersionCommands(app, commands, chosen);
}

int runCli(const std::vector<std::string>& args, Streams streams) {
    CLI::App app;
    std::vector<std::unique_ptr<Command>> commands;
    Command* chosen = nullptr;
    buildParser(app, commands, chosen);

    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes arguments last first
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        streams.out << app.help();
        return kExitOk;
    } catch (const CLI::CallForVersion& version) {
        streams.out << version.what() << '\n';
        return kExitOk;
    } catch (const CLI::ParseError& error) {
        streams.err << "claimtrack-cli: " << error.what() << "\n(run claimtrack-cli --help for usage)\n";
        return kExitUsage;
    }
    // Run in process by the tests too: a name given to an earlier run must not outlive it.
    const CLI::Option* user = app.get_option("--user");
    db::setProgramUserName(user->count() > 0 ? normalizeField(user->as<std::string>()) : std::string());
    if (!chosen) {
        streams.err << "claimtrack-cli: choose a subcommand\n" << app.help();
        return kExitUsage;
    }
    try {
        return chosen->run(streams);
    } catch (const UsageError& usage) {
        streams.err << "claimtrack-cli: " << usage.message << '\n';
        return kExitUsage;
    }
}

}  // namespace claimtrack::cli
