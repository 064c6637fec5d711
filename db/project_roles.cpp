// Who may do what in a project on a server (db/server_roles.h), through the Project.
#include "guarded.h"
#include "postgres.h"
#include "project.h"
#include "server_roles.h"

#include <fmt/format.h>

namespace claimtrack {

using namespace db;

namespace {

[[noreturn]] void refuseForFile(const std::filesystem::path& path) {
    refuse(ErrorCode::InvalidInput,
           fmt::format("{} is a project file: who may change it is up to the file's permissions; members and "
                       "roles are for projects on a PostgreSQL server",
                       path.string()));
}

}  // namespace

Result<std::vector<ProjectMember>> Project::members() {
    return guarded([&] {
        if (m_db->dialect() == sql::Dialect::Sqlite)
            refuseForFile(m_path);
        return serverMembers(*m_db);
    });
}

Result<void> Project::changeMembers(const std::vector<RoleChange>& changes) {
    return guarded([&] {
        if (m_db->dialect() == sql::Dialect::Sqlite)
            refuseForFile(m_path);
        setServerRoles(*m_db, changes);
        learnRole(serverRole(*m_db));
    });
}

void Project::learnRole(ProjectRole role) {
    m_role = role;
    static_cast<postgres::Connection&>(*m_db).setRefusalReason(refusalReason(serverUser(*m_db), m_role));
}

}  // namespace claimtrack
