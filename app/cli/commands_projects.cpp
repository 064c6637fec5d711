// merge: bringing another project, or a project file, into a project; settings: the project's own.
#include "command.h"
#include "project_file.h"

#include <fmt/format.h>

#include <filesystem>
#include <optional>

namespace claimtrack::cli {

namespace {

class MergeCommand : public Command {
public:
    std::string project;
    std::string other;
    std::string prefer = "ours";
    bool dryRun = false;

    int run(Streams streams) override {
        std::error_code ec;
        if (std::filesystem::equivalent(project, other, ec))
            throw UsageError{"a project cannot be merged into itself"};
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        const MergePreference preference = prefer == "theirs"  ? MergePreference::Theirs
                                           : prefer == "newer" ? MergePreference::Newer
                                                               : MergePreference::Ours;
        auto merged = mergeFrom(*opened, other, preference, dryRun ? MergeMode::Preview : MergeMode::Apply);
        if (!merged)
            return report(streams.err, merged.error());
        if (dryRun)
            streams.out << "dry run: nothing was changed; merging would do this:\n";
        streams.out << describeMerge(*merged);
        streams.out.flush();
        return kExitOk;
    }
};

// Prints the project's settings, or changes those given.
class SettingsCommand : public Command {
public:
    std::string project;
    std::optional<std::string> reviewer, reviewerUrl;

    int run(Streams streams) override {
        auto opened = Project::open(project, reviewer || reviewerUrl ? Project::Access::ReadWrite
                                                                     : Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto settings = opened->publishingSettings();
        if (!settings)
            return report(streams.err, settings.error());
        if (reviewer || reviewerUrl) {
            settings->reviewer = reviewer.value_or(settings->reviewer);
            settings->reviewerUrl = reviewerUrl.value_or(settings->reviewerUrl);
            auto set = opened->setPublishingSettings(*settings);
            return set ? kExitOk : report(streams.err, set.error());
        }
        streams.out << "reviewer: " << settings->reviewer << "\nreviewer URL: " << settings->reviewerUrl
                    << '\n';
        return kExitOk;
    }
};

}  // namespace

void addProjectCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* merge = app.add_subcommand(
        "merge", "Bring another project (a .claims file, or a project file from 'export --format project') "
                 "into a project; prints what it added and what both sides changed");
    auto& m = attach<MergeCommand>(merge, commands, chosen);
    merge->footer(
        "Rows match by UUID, articles by their text too, sources and metrics by name. What is new is "
        "added, what is the same passed over, and an empty detail filled in. A claim changed on one "
        "side only takes that side's version; one changed on both is listed with both versions and "
        "kept as --prefer says. Merging the same file again changes nothing.\n"
        "Example:\n  claimtrack-cli merge research.claims colleague.claims --prefer newer");
    merge->add_option("PROJECT", m.project, "Project file to merge into")->required();
    merge->add_option("OTHER", m.other, "Another project (.claims) or a project file (.json)")->required();
    merge
        ->add_option("--prefer", m.prefer,
                     "Where both sides changed the same thing, keep ours (default), theirs, or the newer "
                     "(claims and verdicts, by when they were changed; other details keep ours)")
        ->transform(oneOfNames({"ours", "theirs", "newer"}))
        ->type_name("SIDE");
    merge->add_flag("--dry-run", m.dryRun, "Say what merging would do, and change nothing");

    auto* settings = app.add_subcommand(
        "settings", "Print the project's settings, or change those given: who publishes its fact-checks");
    auto& s = attach<SettingsCommand>(settings, commands, chosen);
    settings->footer("Example:\n  claimtrack-cli settings research.claims --reviewer \"Camera Count Desk\" "
                     "--reviewer-url https://example.org/desk");
    settings->add_option("PROJECT", s.project, "Project file")->required();
    settings->add_option("--reviewer", s.reviewer,
                         "The organisation (or person) the ClaimReviews are published under (\"\" for none)");
    settings->add_option("--reviewer-url", s.reviewerUrl, "Its web address (\"\" for none)");
}

}  // namespace claimtrack::cli
