// merge: bringing another project, or a project file, into a project.
#include "command.h"
#include "project_file.h"

#include <fmt/format.h>

#include <filesystem>

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
}

}  // namespace claimtrack::cli
