// members: who has which role in a project on a PostgreSQL server, and changing it (db/server_roles.h).
#include "command.h"
#include "csv.h"
#include "output.h"
#include "text_table.h"

#include <set>

namespace claimtrack::cli {

namespace {

class MembersCommand : public Command {
public:
    std::string project;
    std::vector<std::string> owners, annotators, reviewers, removed;
    Format format = Format::Table;

    int run(Streams streams) override {
        std::vector<RoleChange> changes;
        std::set<std::string> named;
        for (const auto& [users, role] : {std::pair{&owners, std::optional(ProjectRole::Owner)},
                                          std::pair{&annotators, std::optional(ProjectRole::Annotator)},
                                          std::pair{&reviewers, std::optional(ProjectRole::Reviewer)},
                                          std::pair{&removed, std::optional<ProjectRole>()}})
            for (const std::string& user : *users) {
                if (!named.insert(user).second)
                    throw UsageError{"--owner, --annotator, --reviewer and --remove name " + user +
                                     " more than once; a member has one role"};
                changes.push_back({user, role});
            }
        auto opened =
            Project::open(project, changes.empty() ? Project::Access::ReadOnly : Project::Access::ReadWrite);
        if (!opened)
            return report(streams.err, opened.error());
        if (!changes.empty())
            if (auto changed = opened->changeMembers(changes); !changed)
                return report(streams.err, changed.error());
        auto members = opened->members();
        if (!members)
            return report(streams.err, members.error());
        write(*members, streams.out);
        return kExitOk;
    }

private:
    void write(const std::vector<ProjectMember>& members, std::ostream& out) const {
        switch (format) {
        case Format::Table: {
            TextTable table({{"user", 32}, {"role", 9}});
            for (const ProjectMember& member : members)
                table.addRow({member.user, std::string(toString(member.role))});
            table.print(out);
            return;
        }
        case Format::Csv: {
            CsvWriter csv(out);
            csv.text("user");
            csv.text("role");
            csv.endRow();
            for (const ProjectMember& member : members) {
                csv.text(member.user);
                csv.text(toString(member.role));
                csv.endRow();
            }
            return;
        }
        case Format::Json: {
            JsonArrayWriter json(out);
            for (const ProjectMember& member : members)
                json.add({{"user", member.user}, {"role", toString(member.role)}});
            return;
        }
        }
    }
};

}  // namespace

void addMemberCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* members = app.add_subcommand(
        "members", "Who may do what in a project on a PostgreSQL server: list its members, or give and take "
                   "roles");
    auto& m = attach<MembersCommand>(members, commands, chosen);
    members->footer(
        "A reviewer reads, sets claims' statuses and records verdicts; an annotator also changes articles, "
        "claims, sources and metrics; an owner also manages the project (its settings, its members). The "
        "server enforces them: they are roles and privileges of PostgreSQL. USER is a role of the server "
        "(its administrator makes them: CREATE ROLE ana LOGIN). The first change makes the project's "
        "groups, which needs a role that may create roles; until then only the role that created the project "
        "may open it.\n"
        "Example:\n  claimtrack-cli members postgresql://db.example.org/newsroom --annotator ana --reviewer "
        "bo\n"
        "  claimtrack-cli members postgresql://db.example.org/newsroom --remove bo");
    members->add_option("PROJECT", m.project, "A postgresql:// URI")->required();
    members->add_option("--owner", m.owners, "Make USER an owner; repeat for more")->type_name("USER");
    members->add_option("--annotator", m.annotators, "Make USER an annotator")->type_name("USER");
    members->add_option("--reviewer", m.reviewers, "Make USER a reviewer")->type_name("USER");
    members->add_option("--remove", m.removed, "Take USER's role away")->type_name("USER");
    members->add_option("--format", m.format, "table (default), csv or json")
        ->transform(formatName())
        ->type_name("FORMAT");
}

}  // namespace claimtrack::cli
