#pragma once
// Who may do what in a project on a PostgreSQL server, enforced by the server itself.
//
// A project's roles are three group roles of the server, made by its first `members` change: the owners'
// (which owns every table and function of the project), the annotators' and the reviewers'. A person has a
// role by being a member of its group; what each group may do is granted on the project's tables:
// - reviewers read everything, set a claim's status (a column privilege on claim.status and updated_at)
//   and record verdicts;
// - annotators, members of the reviewers' group, change articles, claims, sources, metrics, tags and memos;
// - owners own it all: its settings, its schema, and who has which role (they hold each group with ADMIN
//   OPTION).
// The history is written by triggers under the user's privileges, so everyone who may change something
// may add to it; no one but its owners may change or remove an entry. Row-level security keeps a reviewer
// to the entries a reviewer's change makes (a claim's status, a verdict): no entry of a change the role
// could not have made.
// Until its first members change a project belongs to the role that created it, and no one else may
// read it.

#include "model.h"
#include "sql.h"

#include <optional>
#include <string>
#include <vector>

namespace claimtrack::db {

// Refuses (NotAllowed) a user who may not even read the project on the server, saying who to ask.
void refuseUnlessReadable(sql::Connection& connection);

// What the connection's user may do in the project, by the privileges the server gives it.
ProjectRole serverRole(sql::Connection& connection);
// The connection's database role, whose privileges those are.
std::string serverUser(sql::Connection& connection);

// Why the server refuses `user` a change, for a role short of owner ("ana is a reviewer of this project,
// who may …"); empty for an owner.
std::string refusalReason(const std::string& user, ProjectRole role);

// Everyone with a role in the project, by name: the members of its groups, or, before it has any, the role
// that owns it.
std::vector<ProjectMember> serverMembers(sql::Connection& connection);

// Makes the changes in one transaction, after making the project's groups if it has none (which needs a
// server role that may create roles). Refuses a user the server does not know, and leaving the project
// without an owner.
void setServerRoles(sql::Connection& connection, const std::vector<RoleChange>& changes);

}  // namespace claimtrack::db
