#include "server_roles.h"
#include "guarded.h"

#include <QCryptographicHash>
#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace claimtrack::db {

namespace {

using sql::Statement;

constexpr std::array kGroupRoles{ProjectRole::Reviewer, ProjectRole::Annotator, ProjectRole::Owner};

// The group roles of the project in the connection's database and schema, by role: "claimtrack_" and the
// database and schema ("claimtrack_newsroom_public_reviewer"), or, where that would pass PostgreSQL's 63
// bytes, their beginning and a hash of them. Role names are the server's, shared by all its databases.
struct Groups {
    std::string schema;
    std::string project;  // "database.schema", as the groups' comments name it
    std::array<std::string, 3> names;

    const std::string& of(ProjectRole role) const { return names[index(role)]; }
    std::string comment(ProjectRole role) const {
        return fmt::format("Claimtrack: the {}s of the project {}", toString(role), project);
    }
    static std::size_t index(ProjectRole role) {
        return static_cast<std::size_t>(role) - static_cast<std::size_t>(ProjectRole::Reviewer);
    }
};

Groups projectGroups(sql::Connection& db) {
    Statement where(db, "SELECT current_database(), current_schema()");
    where.step();
    const std::string database = where.text(0);
    Groups groups{where.text(1), database + "." + where.text(1), {}};
    std::string stem = groups.schema == "public" ? database : database + "_" + groups.schema;
    constexpr std::size_t kMaxName = 63;
    if (fmt::format("claimtrack_{}_annotator", stem).size() > kMaxName) {
        const QByteArray hash =
            QCryptographicHash::hash(QByteArray::fromStdString(groups.project), QCryptographicHash::Md5);
        std::size_t cut = 24;
        while ((static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80)  // not inside a UTF-8 character
            --cut;
        stem = stem.substr(0, cut) + "_" + hash.toHex().left(8).toStdString();
    }
    for (const ProjectRole role : kGroupRoles)
        groups.names[Groups::index(role)] = fmt::format("claimtrack_{}_{}", stem, toString(role));
    return groups;
}

// Runs a statement that names roles or objects: the server's format() puts them in (%I quotes a name, %L
// a literal), each bound as a parameter.
void execNaming(sql::Connection& db, const std::string& pattern, const std::vector<std::string>& names) {
    std::string sql = "SELECT format(?1";
    for (std::size_t i = 0; i < names.size(); ++i)
        sql += fmt::format(", ?{}::text", i + 2);
    Statement format(db, sql + ")");
    format.bind(1, pattern);
    for (std::size_t i = 0; i < names.size(); ++i)
        format.bind(static_cast<int>(i) + 2, names[i]);
    format.step();
    const std::string statement = format.text(0);
    db.exec(statement.c_str());
}

bool roleExists(sql::Connection& db, const std::string& name) {
    Statement select(db, "SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = ?1");
    select.bind(1, name).step();
    return select.integer(0) != 0;
}

bool isMember(sql::Connection& db, const std::string& user, const std::string& group) {
    Statement select(
        db, "SELECT count(*) FROM pg_catalog.pg_auth_members m "
            "JOIN pg_catalog.pg_roles g ON g.oid = m.roleid JOIN pg_catalog.pg_roles u ON u.oid = m.member "
            "WHERE g.rolname = ?1 AND u.rolname = ?2");
    select.bind(1, group).bind(2, user).step();
    return select.integer(0) != 0;
}

// Whether the project has its groups; refuses a group role of the same name that is not this project's.
bool hasGroups(sql::Connection& db, const Groups& groups) {
    std::size_t found = 0;
    for (const ProjectRole role : kGroupRoles) {
        Statement select(db,
                         "SELECT coalesce(shobj_description(oid, 'pg_authid'), '') FROM pg_catalog.pg_roles "
                         "WHERE rolname = ?1");
        if (!select.bind(1, groups.of(role)).step())
            continue;
        if (select.text(0) != groups.comment(role))
            refuse(ErrorCode::InvalidInput,
                   fmt::format("{} has a role {} that is not this project's group of {}s; the server's "
                               "administrator renames it, or the project moves to another schema",
                               db.name(), groups.of(role), toString(role)));
        ++found;
    }
    return found == kGroupRoles.size();
}

// The project's tables, views, functions, text search configuration and collations, as the role that made
// it owns them (not those of the extensions it uses, which live beside it): each as ALTER names its kind,
// and its name.
constexpr const char* kProjectObjects = R"sql(
    WITH project AS (SELECT current_schema()::regnamespace AS schema,
                            (SELECT relowner FROM pg_catalog.pg_class WHERE oid = 'claim'::regclass) AS owner)
    SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, format('%I', c.relname)
        FROM pg_catalog.pg_class c, project
        WHERE c.relnamespace = project.schema AND c.relowner = project.owner AND c.relkind IN ('r', 'v')
    UNION ALL
    SELECT CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END, p.oid::regprocedure::text
        FROM pg_catalog.pg_proc p, project
        WHERE p.pronamespace = project.schema AND p.proowner = project.owner
          AND p.oid NOT IN (SELECT objid FROM pg_catalog.pg_depend WHERE deptype = 'e')
    UNION ALL
    SELECT 'TEXT SEARCH CONFIGURATION', format('%I', t.cfgname)
        FROM pg_catalog.pg_ts_config t, project WHERE t.cfgnamespace = project.schema AND t.cfgowner = project.owner
    UNION ALL
    SELECT 'COLLATION', format('%I', l.collname)
        FROM pg_catalog.pg_collation l, project WHERE l.collnamespace = project.schema AND l.collowner = project.owner
)sql";

// Makes the three groups, makes the owners' group the owner of the project, and the user a member of each
// with the right to give them (ADMIN OPTION).
void makeGroups(sql::Connection& db, const Groups& groups) {
    const std::string user = serverUser(db);  // read before a refusal ends the transaction's statements
    for (const ProjectRole role : kGroupRoles) {
        if (!roleExists(db, groups.of(role))) {
            try {
                execNaming(db, "CREATE ROLE %I NOLOGIN", {groups.of(role)});
            } catch (const sql::Failure& failure) {
                if (failure.error().code != ErrorCode::NotAllowed)
                    throw;
                refuse(
                    ErrorCode::NotAllowed,
                    fmt::format("{} may not create roles on {}: a project's first roles are made as groups "
                                "of the server, once, by a role with CREATEROLE",
                                user, db.name()));
            }
        }
        execNaming(db, "COMMENT ON ROLE %I IS %L", {groups.of(role), groups.comment(role)});
        execNaming(db, "GRANT %I TO current_user WITH ADMIN OPTION", {groups.of(role)});
    }
    const std::string& owners = groups.of(ProjectRole::Owner);
    execNaming(db, "GRANT %I TO %I", {groups.of(ProjectRole::Reviewer), groups.of(ProjectRole::Annotator)});
    execNaming(db, "GRANT USAGE, CREATE ON SCHEMA %I TO %I", {groups.schema, owners});
    std::vector<std::pair<std::string, std::string>> objects;
    for (Statement select(db, kProjectObjects); select.step();)
        objects.emplace_back(select.text(0), select.text(1));
    for (auto [kind, name] : objects) {
        for (std::size_t at = name.find('%'); at != std::string::npos; at = name.find('%', at + 2))
            name.insert(at, 1, '%');  // the name comes quoted; a % in it is not one of format()'s
        execNaming(db, fmt::format("ALTER {} {} OWNER TO %I", kind, name), {owners});
    }
}

// The tables an annotator changes (besides what a reviewer may): every table but the schema's version, the
// project's settings and the history, which no one but the owners changes. A table added to the schema
// joins this list or is the owners' alone.
constexpr const char* kAnnotatedTables = "article, article_original, article_page, source, metric, tag, "
                                         "claim, claim_tag, claim_carry, suggestion, "
                                         "project_memo, article_search, claim_search, claim_search_pending";

// What each group may do, granted again at each change of members so that tables a newer schema added are
// covered. A reviewer's entries in the history are those its changes make: a claim's status, a verdict.
void grantPrivileges(sql::Connection& db, const Groups& groups) {
    const std::string& reviewers = groups.of(ProjectRole::Reviewer);
    const std::string& annotators = groups.of(ProjectRole::Annotator);
    execNaming(db,
               "GRANT USAGE ON SCHEMA %1$I TO %2$I; GRANT SELECT ON ALL TABLES IN SCHEMA %1$I TO %2$I; "
               "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %1$I TO %2$I",
               {groups.schema, reviewers});
    execNaming(db,
               "GRANT INSERT, UPDATE, DELETE ON verdict TO %1$I; GRANT UPDATE (status, updated_at) ON claim "
               "TO %1$I; GRANT INSERT ON history TO %1$I",
               {reviewers});
    execNaming(db, fmt::format("GRANT INSERT, UPDATE, DELETE ON {} TO %I", kAnnotatedTables), {annotators});
    db.exec("ALTER TABLE history ENABLE ROW LEVEL SECURITY;"
            "DROP POLICY IF EXISTS history_read ON history;"
            "DROP POLICY IF EXISTS history_by_annotators ON history;"
            "DROP POLICY IF EXISTS history_by_reviewers ON history;"
            "CREATE POLICY history_read ON history FOR SELECT USING (true)");
    execNaming(db, "CREATE POLICY history_by_annotators ON history FOR INSERT TO %I WITH CHECK (true)",
               {annotators});
    execNaming(
        db,
        "CREATE POLICY history_by_reviewers ON history FOR INSERT TO %I WITH CHECK (entity = 'verdict' "
        "OR (entity = 'claim' AND change = 'changed' AND field = 'status'))",
        {reviewers});
}

}  // namespace

void refuseUnlessReadable(sql::Connection& db) {
    // A schema the user may not use is not in its search path at all (current_schema() passes it by), so
    // the path as set is read.
    Statement kept(db, R"sql(
        SELECT (SELECT count(*) FROM pg_catalog.pg_namespace n
                WHERE n.nspname IN (SELECT btrim(btrim(part), '"')
                                    FROM unnest(string_to_array(current_setting('search_path'), ',')) AS part)
                  AND NOT has_schema_privilege(n.oid, 'USAGE')
                  AND EXISTS (SELECT FROM pg_catalog.pg_class c
                              WHERE c.relnamespace = n.oid AND c.relname = 'claimtrack_schema'))
             + (SELECT count(*) FROM pg_catalog.pg_class c
                WHERE c.oid = to_regclass('claimtrack_schema') AND NOT has_table_privilege(c.oid, 'SELECT')),
               current_user)sql");
    kept.step();
    if (kept.integer(0) != 0)
        refuse(ErrorCode::NotAllowed,
               fmt::format("{0} has no role in the project on {1}; an owner of the project can give one: "
                           "claimtrack-cli members PROJECT --reviewer {0}",
                           kept.text(1), db.name()));
}

ProjectRole serverRole(sql::Connection& db) {
    return static_cast<ProjectRole>(db.queryInteger(R"sql(
        SELECT CASE WHEN pg_has_role(c.relowner, 'USAGE') THEN 3
                    WHEN has_table_privilege(c.oid, 'INSERT') THEN 2
                    WHEN has_column_privilege(c.oid, 'status', 'UPDATE') THEN 1
                    ELSE 0 END
        FROM pg_catalog.pg_class c WHERE c.oid = 'claim'::regclass)sql"));
}

std::string serverUser(sql::Connection& db) {
    Statement user(db, "SELECT current_user");
    user.step();
    return user.text(0);
}

std::string refusalReason(const std::string& user, ProjectRole role) {
    switch (role) {
    case ProjectRole::Reader:
        return fmt::format("{} may only read this project", user);
    case ProjectRole::Reviewer:
        return fmt::format(
            "{} is a reviewer of this project, who may set claims' statuses and record verdicts, "
            "not change claims, articles, sources or metrics",
            user);
    case ProjectRole::Annotator:
        return fmt::format("{} is an annotator of this project, who may change its articles and claims, not "
                           "its settings or who has which role",
                           user);
    case ProjectRole::Owner:
        break;
    }
    return {};
}

std::vector<ProjectMember> serverMembers(sql::Connection& db) {
    const Groups groups = projectGroups(db);
    std::vector<ProjectMember> members;
    if (!hasGroups(db, groups)) {
        Statement owner(
            db, "SELECT pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = 'claim'::regclass");
        owner.step();
        members.push_back({owner.text(0), ProjectRole::Owner});
        return members;
    }
    Statement select(db, R"sql(
        SELECT u.rolname, max(CASE g.rolname WHEN ?1 THEN 1 WHEN ?2 THEN 2 ELSE 3 END)
        FROM pg_catalog.pg_auth_members m
        JOIN pg_catalog.pg_roles g ON g.oid = m.roleid JOIN pg_catalog.pg_roles u ON u.oid = m.member
        WHERE g.rolname IN (?1, ?2, ?3) AND u.rolname NOT IN (?1, ?2, ?3)
        GROUP BY u.rolname ORDER BY u.rolname COLLATE "C")sql");
    select.bind(1, groups.of(ProjectRole::Reviewer))
        .bind(2, groups.of(ProjectRole::Annotator))
        .bind(3, groups.of(ProjectRole::Owner));
    while (select.step())
        members.push_back({select.text(0), static_cast<ProjectRole>(select.integer(1))});
    return members;
}

void setServerRoles(sql::Connection& db, const std::vector<RoleChange>& changes) {
    if (const ProjectRole role = serverRole(db); role != ProjectRole::Owner)
        refuse(ErrorCode::NotAllowed,
               fmt::format("{} refused the change: {} is {} {} of this project, and only "
                           "its owners change who has which role",
                           db.name(), serverUser(db), role == ProjectRole::Annotator ? "an" : "a",
                           toString(role)));
    sql::Transaction transaction(db);
    const Groups groups = projectGroups(db);
    if (!hasGroups(db, groups))
        makeGroups(db, groups);
    grantPrivileges(db, groups);
    for (const RoleChange& change : changes) {
        if (!roleExists(db, change.user))
            refuse(
                ErrorCode::NotFound,
                fmt::format("{} has no role {}; the server's administrator makes one (CREATE ROLE {} LOGIN), "
                            "then it can be given a role in the project",
                            db.name(), change.user, change.user));
        if (std::find(groups.names.begin(), groups.names.end(), change.user) != groups.names.end())
            refuse(ErrorCode::InvalidInput,
                   fmt::format("{} is one of the project's own groups, not a person", change.user));
        if (change.role == ProjectRole::Reader)
            refuse(ErrorCode::InvalidInput, "a project's roles are reviewer, annotator and owner");
        for (const std::string& group : groups.names)
            if (isMember(db, change.user, group))
                execNaming(db, "REVOKE %I FROM %I", {group, change.user});
        if (change.role == ProjectRole::Owner)
            for (const std::string& group : groups.names)
                execNaming(db, "GRANT %I TO %I WITH ADMIN OPTION", {group, change.user});
        else if (change.role)
            execNaming(db, "GRANT %I TO %I", {groups.of(*change.role), change.user});
    }
    const auto members = serverMembers(db);
    if (std::none_of(members.begin(), members.end(),
                     [](const ProjectMember& member) { return member.role == ProjectRole::Owner; }))
        refuse(ErrorCode::InvalidInput,
               "this would leave the project without an owner; make someone else its owner first");
    transaction.commit();
}

}  // namespace claimtrack::db
