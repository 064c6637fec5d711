// Project: sources, metrics and tags, the entities claims share.
#include "guarded.h"
#include "project.h"
#include "records.h"

#include <fmt/format.h>

#include <algorithm>

namespace claimtrack {

using namespace db;
using sql::Statement;
using sql::Transaction;

namespace {

struct EntityTable {
    const char* table;  // "source", "metric" or "tag"
    const char* uuid;   // what is read into Entity::uuid (tags have none)
    const char* kind;   // what is read into Entity::kind
    const char* note;   // what is read into Entity::note
    const char* count;  // how many claims use entity `e`
};

EntityTable tableOf(EntityKind kind) {
    switch (kind) {
    case EntityKind::Source:
        // Claims that name it as their source (claim_by_source), and the others that came through it (via;
        // claim_with_via keeps that to the few claims that have a chain). Counted as one condition with OR,
        // the two made SQLite scan every claim for each source: 6.9 s for 50 sources of 1,000,000 claims,
        // against 0.3 s.
        return {"source", "e.uuid", "e.kind", "e.note",
                "(SELECT count(*) FROM claim c WHERE c.source_id = e.id) + (SELECT count(*) FROM claim c "
                "WHERE c.via IS NOT NULL AND (c.source_id IS NULL OR c.source_id <> e.id) AND e.id IN "
                "(SELECT value FROM json_each(c.via)))"};
    case EntityKind::Metric:
        return {"metric", "e.uuid", "NULL", "e.description",
                "(SELECT count(*) FROM claim c WHERE c.metric_id = e.id)"};
    case EntityKind::Tag:
        break;
    }
    return {"tag", "''", "NULL", "NULL", "(SELECT count(*) FROM claim_tag ct WHERE ct.tag_id = e.id)"};
}

// The claim column that names a source or a metric; tags are linked through claim_tag instead.
const char* claimColumn(EntityKind kind) {
    return kind == EntityKind::Source ? "source_id" : "metric_id";
}

// Whether any claim came through the source `id` (names it in its via).
bool cameThrough(sql::Connection& db, std::int64_t id) {
    Statement select = db.cached("SELECT EXISTS (SELECT 1 FROM claim c WHERE c.via IS NOT NULL AND ?1 IN "
                                 "(SELECT value FROM json_each(c.via)))");
    select.bind(1, id);
    select.step();
    const bool used = select.integer(0) != 0;
    select.reset();
    return used;
}

std::string selectEntities(EntityKind kind, std::string_view where) {
    const EntityTable t = tableOf(kind);
    return fmt::format("SELECT e.id, {}, e.name, {}, {}, {}, {} FROM {} e {} ORDER BY e.name", t.uuid, t.kind,
                       t.note, t.count,
                       kind == EntityKind::Metric ? "e.unit_kind, e.place, e.population, e.tolerance, "
                                                    "e.fact_check_url, e.reviewed"
                                                  : "NULL, NULL, NULL, NULL, NULL, NULL",
                       t.table, where);
}

Entity readEntity(const Statement& row) {
    Entity entity{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.integer(5), {}};
    if (auto kind = parseUnitKind(row.text(6)))
        entity.metric.kind = *kind;
    entity.metric.place = row.text(7);
    entity.metric.population = row.text(8);
    entity.metric.tolerance = row.number(9);
    entity.metric.factCheckUrl = row.text(10);
    entity.metric.reviewed = row.text(11);
    entity.metric.description = entity.note;
    return entity;
}

Entity entityById(sql::Connection& db, EntityKind kind, std::int64_t id) {
    Statement select = db.cached(selectEntities(kind, "WHERE e.id = ?1"));
    select.bind(1, id);
    if (!select.step())
        refuse(ErrorCode::NotFound, fmt::format("no {} with id {}", entityNoun(kind), id));
    return readEntity(select);
}

}  // namespace

void db::insertEntity(sql::Connection& db, EntityKind kind, const Entity& entity) {
    if (kind == EntityKind::Tag) {
        Statement insert = db.cached("INSERT INTO tag (id, name) VALUES (?1, ?2)");
        bindId(insert, entity.id).bind(2, entity.name);
        insert.run();
        return;
    }
    Statement insert = db.cached(
        kind == EntityKind::Source
            ? std::string("INSERT INTO source (id, uuid, name, kind, note) VALUES (?1, ?2, ?3, ?4, ?5)")
            : std::string(
                  "INSERT INTO metric (id, uuid, name, description, unit_kind, place, population, "
                  "tolerance, fact_check_url, reviewed) VALUES (?1, ?2, ?3, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
    bindId(insert, entity.id).bind(2, entity.uuid).bind(3, entity.name).bindOrNull(5, entity.note);
    if (kind == EntityKind::Source) {
        insert.bindOrNull(4, entity.kind);
    } else {
        const MetricDetails& m = entity.metric;
        insert.bindOrNull(6, m.kind ? toString(*m.kind) : std::string_view());
        insert.bindOrNull(7, m.place).bindOrNull(8, m.population).bind(9, m.tolerance);
        insert.bindOrNull(10, m.factCheckUrl).bindOrNull(11, m.reviewed);
    }
    insert.run();
}

namespace {

std::vector<std::int64_t> claimsOf(sql::Connection& db, EntityKind kind, std::int64_t id) {
    Statement select =
        db.cached(kind == EntityKind::Tag
                      ? std::string("SELECT claim_id FROM claim_tag WHERE tag_id = ?1 ORDER BY claim_id")
                      : fmt::format("SELECT id FROM claim WHERE {} = ?1 ORDER BY id", claimColumn(kind)));
    select.bind(1, id);
    std::vector<std::int64_t> ids;
    while (select.step())
        ids.push_back(select.integer(0));
    return ids;
}

// Gives claims the tag, or takes it from them (each change keeps the claim search index in step, by trigger).
void linkTag(sql::Connection& db, std::span<const std::int64_t> claimIds, std::int64_t tagId, bool linked) {
    Statement change =
        db.cached(linked ? "INSERT INTO claim_tag (claim_id, tag_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
                         : "DELETE FROM claim_tag WHERE claim_id = ?1 AND tag_id = ?2");
    for (const std::int64_t claimId : claimIds) {
        change.reset();
        change.bind(1, claimId).bind(2, tagId);
        change.run();
    }
}

void deleteRow(sql::Connection& db, EntityKind kind, std::int64_t id) {
    Statement remove = db.cached(fmt::format("DELETE FROM {} WHERE id = ?1", tableOf(kind).table));
    remove.bind(1, id);
    remove.run();
}

}  // namespace

const char* entityNoun(EntityKind kind) {
    return tableOf(kind).table;
}

Result<std::vector<Entity>> Project::entities(EntityKind kind) {
    return guarded([&] {
        Statement select = m_db->cached(selectEntities(kind, ""));
        std::vector<Entity> entities;
        while (select.step())
            entities.push_back(readEntity(select));
        return entities;
    });
}

Result<Entity> Project::entity(EntityKind kind, std::int64_t id) {
    return guarded([&] { return entityById(*m_db, kind, id); });
}

Result<void> Project::renameEntity(EntityKind kind, std::int64_t id, const std::string& name) {
    return guarded([&] {
        const char* noun = entityNoun(kind);
        const std::string clean = normalizeField(name);
        if (clean.empty())
            refuse(ErrorCode::InvalidInput, fmt::format("a {} needs a name", noun));
        Transaction transaction(*m_db);
        const Entity current = entityById(*m_db, kind, id);
        Statement clash = m_db->cached(fmt::format("SELECT id FROM {} WHERE name = ?1 AND id <> ?2", noun));
        clash.bind(1, clean).bind(2, id);
        if (clash.step())
            refuse(ErrorCode::InvalidInput,
                   fmt::format("there is already a {} named \"{}\"; merge \"{}\" into it instead", noun,
                               clean, current.name));
        Statement update = m_db->cached(fmt::format("UPDATE {} SET name = ?2 WHERE id = ?1", noun));
        update.bind(1, id).bind(2, clean);
        update.run();
        transaction.commit();
    });
}

Result<EntityRemoval> Project::mergeEntity(EntityKind kind, std::int64_t fromId, std::int64_t intoId) {
    return guarded([&] {
        if (fromId == intoId)
            refuse(ErrorCode::InvalidInput, fmt::format("cannot merge a {} into itself", entityNoun(kind)));
        Transaction transaction(*m_db);
        EntityRemoval merged{entityById(*m_db, kind, fromId), intoId, claimsOf(*m_db, kind, fromId), {}};
        entityById(*m_db, kind, intoId);
        if (kind == EntityKind::Tag) {
            const std::vector<std::int64_t> target = claimsOf(*m_db, kind, intoId);
            std::set_intersection(merged.claimIds.begin(), merged.claimIds.end(), target.begin(),
                                  target.end(), std::back_inserter(merged.hadTarget));
            linkTag(*m_db, merged.claimIds, intoId, true);
            linkTag(*m_db, merged.claimIds, fromId, false);
        } else {
            if (kind == EntityKind::Source && cameThrough(*m_db, fromId))
                refuse(
                    ErrorCode::InvalidInput,
                    fmt::format("claims came through the source \"{}\" (via); change them before merging it",
                                merged.entity.name));
            Statement move =
                m_db->cached(fmt::format("UPDATE claim SET {0} = ?2 WHERE {0} = ?1", claimColumn(kind)));
            move.bind(1, fromId).bind(2, intoId);
            move.run();
        }
        deleteRow(*m_db, kind, fromId);
        transaction.commit();
        return merged;
    });
}

Result<void> Project::unmergeEntity(EntityKind kind, const EntityRemoval& merged) {
    return guarded([&] {
        Transaction transaction(*m_db);
        insertEntity(*m_db, kind, merged.entity);
        if (kind == EntityKind::Tag) {
            std::vector<std::int64_t> gotTarget;
            std::set_difference(merged.claimIds.begin(), merged.claimIds.end(), merged.hadTarget.begin(),
                                merged.hadTarget.end(), std::back_inserter(gotTarget));
            linkTag(*m_db, merged.claimIds, merged.entity.id, true);
            linkTag(*m_db, gotTarget, merged.mergedInto, false);
        } else {
            Statement move =
                m_db->cached(fmt::format("UPDATE claim SET {} = ?2 WHERE id = ?1", claimColumn(kind)));
            for (const std::int64_t claimId : merged.claimIds) {
                move.reset();
                move.bind(1, claimId).bind(2, merged.entity.id);
                move.run();
            }
        }
        transaction.commit();
    });
}

Result<EntityRemoval> Project::deleteEntity(EntityKind kind, std::int64_t id) {
    return guarded([&] {
        Transaction transaction(*m_db);
        EntityRemoval deleted{entityById(*m_db, kind, id), 0, {}, {}};
        const Entity& entity = deleted.entity;
        if (kind == EntityKind::Tag) {
            deleted.claimIds = claimsOf(*m_db, kind, id);
            linkTag(*m_db, deleted.claimIds, id, false);
        } else if (entity.claimCount > 0) {
            const char* noun = entityNoun(kind);
            refuse(
                ErrorCode::InvalidInput,
                fmt::format("the {} \"{}\" is used by {} claim{}; merge it into another {} or change those "
                            "claims first",
                            noun, entity.name, entity.claimCount, entity.claimCount == 1 ? "" : "s", noun));
        }
        deleteRow(*m_db, kind, id);
        transaction.commit();
        return deleted;
    });
}

Result<void> Project::restoreEntity(EntityKind kind, const EntityRemoval& deleted) {
    return guarded([&] {
        Transaction transaction(*m_db);
        insertEntity(*m_db, kind, deleted.entity);
        if (kind == EntityKind::Tag)
            linkTag(*m_db, deleted.claimIds, deleted.entity.id, true);
        transaction.commit();
    });
}

}  // namespace claimtrack
