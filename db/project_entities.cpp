// Project: sources and metrics, the entities claims share.
#include "guarded.h"
#include "project.h"

#include <fmt/format.h>

namespace claimtrack {

using namespace db;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

struct EntityTable {
    const char* table;   // "source" or "metric"
    const char* column;  // the claim column pointing at it
    const char* noun;    // for messages
    const char* kind;    // what is read into Entity::kind
    const char* note;    // what is read into Entity::note
};

EntityTable tableOf(EntityKind kind) {
    return kind == EntityKind::Source ? EntityTable{"source", "source_id", "source", "e.kind", "e.note"}
                                      : EntityTable{"metric", "metric_id", "metric", "NULL", "e.description"};
}

std::string selectEntities(const EntityTable& t, std::string_view where) {
    const bool metric = std::string_view(t.table) == "metric";
    return fmt::format("SELECT e.id, e.uuid, e.name, {}, {}, "
                       "(SELECT count(*) FROM claim c WHERE c.{} = e.id), {} FROM {} e {} ORDER BY e.name",
                       t.kind, t.note, t.column,
                       metric ? "e.unit_kind, e.place, e.population, e.tolerance" : "NULL, NULL, NULL, NULL",
                       t.table, where);
}

Entity readEntity(const Statement& row) {
    Entity entity{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.integer(5), {}};
    if (auto kind = parseUnitKind(row.text(6)))
        entity.metric.kind = *kind;
    entity.metric.place = row.text(7);
    entity.metric.population = row.text(8);
    entity.metric.tolerance = row.number(9);
    entity.metric.description = entity.note;
    return entity;
}

Entity entityById(sqlite::Connection& db, EntityKind kind, std::int64_t id) {
    const EntityTable t = tableOf(kind);
    Statement select = db.cached(selectEntities(t, "WHERE e.id = ?1"));
    select.bind(1, id);
    if (!select.step())
        refuse(ErrorCode::NotFound, fmt::format("no {} with id {}", t.noun, id));
    return readEntity(select);
}

void insertEntity(sqlite::Connection& db, EntityKind kind, const Entity& entity) {
    Statement insert = db.cached(
        kind == EntityKind::Source
            ? std::string("INSERT INTO source (id, uuid, name, kind, note) VALUES (?1, ?2, ?3, ?4, ?5)")
            : std::string("INSERT INTO metric (id, uuid, name, description, unit_kind, place, population, "
                          "tolerance) VALUES (?1, ?2, ?3, ?5, ?6, ?7, ?8, ?9)"));
    insert.bind(1, entity.id).bind(2, entity.uuid).bind(3, entity.name).bindOrNull(5, entity.note);
    if (kind == EntityKind::Source) {
        insert.bindOrNull(4, entity.kind);
    } else {
        const MetricDetails& m = entity.metric;
        insert.bindOrNull(6, m.kind ? toString(*m.kind) : std::string_view());
        insert.bindOrNull(7, m.place).bindOrNull(8, m.population).bind(9, m.tolerance);
    }
    insert.run();
}

}  // namespace

Result<std::vector<Entity>> Project::entities(EntityKind kind) {
    return guarded([&] {
        Statement select = m_db->cached(selectEntities(tableOf(kind), ""));
        std::vector<Entity> entities;
        while (select.step())
            entities.push_back(readEntity(select));
        return entities;
    });
}

Result<void> Project::renameEntity(EntityKind kind, std::int64_t id, const std::string& name) {
    return guarded([&] {
        const EntityTable t = tableOf(kind);
        const std::string clean = normalizeField(name);
        if (clean.empty())
            refuse(ErrorCode::InvalidInput, fmt::format("a {} needs a name", t.noun));
        Transaction transaction(*m_db);
        const Entity current = entityById(*m_db, kind, id);
        Statement clash =
            m_db->cached(fmt::format("SELECT id FROM {} WHERE name = ?1 AND id <> ?2", t.table));
        clash.bind(1, clean).bind(2, id);
        if (clash.step())
            refuse(ErrorCode::InvalidInput,
                   fmt::format("there is already a {} named \"{}\"; merge \"{}\" into it instead", t.noun,
                               clean, current.name));
        Statement update = m_db->cached(fmt::format("UPDATE {} SET name = ?2 WHERE id = ?1", t.table));
        update.bind(1, id).bind(2, clean);
        update.run();
        transaction.commit();
    });
}

Result<std::pair<Entity, std::vector<std::int64_t>>>
Project::mergeEntity(EntityKind kind, std::int64_t fromId, std::int64_t intoId) {
    return guarded([&] {
        const EntityTable t = tableOf(kind);
        if (fromId == intoId)
            refuse(ErrorCode::InvalidInput, fmt::format("cannot merge a {} into itself", t.noun));
        Transaction transaction(*m_db);
        const Entity from = entityById(*m_db, kind, fromId);
        entityById(*m_db, kind, intoId);
        std::vector<std::int64_t> moved;
        Statement select =
            m_db->cached(fmt::format("SELECT id FROM claim WHERE {} = ?1 ORDER BY id", t.column));
        select.bind(1, fromId);
        while (select.step())
            moved.push_back(select.integer(0));
        Statement move = m_db->cached(fmt::format("UPDATE claim SET {0} = ?2 WHERE {0} = ?1", t.column));
        move.bind(1, fromId).bind(2, intoId);
        move.run();
        Statement remove = m_db->cached(fmt::format("DELETE FROM {} WHERE id = ?1", t.table));
        remove.bind(1, fromId);
        remove.run();
        transaction.commit();
        return std::pair{from, moved};
    });
}

Result<void> Project::unmergeEntity(EntityKind kind, const Entity& from,
                                    std::span<const std::int64_t> claimIds) {
    return guarded([&] {
        Transaction transaction(*m_db);
        insertEntity(*m_db, kind, from);
        Statement move =
            m_db->cached(fmt::format("UPDATE claim SET {} = ?2 WHERE id = ?1", tableOf(kind).column));
        for (const std::int64_t claimId : claimIds) {
            move.reset();
            move.bind(1, claimId).bind(2, from.id);
            move.run();
        }
        transaction.commit();
    });
}

Result<Entity> Project::deleteEntity(EntityKind kind, std::int64_t id) {
    return guarded([&] {
        const EntityTable t = tableOf(kind);
        Transaction transaction(*m_db);
        const Entity entity = entityById(*m_db, kind, id);
        if (entity.claimCount > 0)
            refuse(ErrorCode::InvalidInput,
                   fmt::format(
                       "the {} \"{}\" is used by {} claim{}; merge it into another {} or change those "
                       "claims first",
                       t.noun, entity.name, entity.claimCount, entity.claimCount == 1 ? "" : "s", t.noun));
        Statement remove = m_db->cached(fmt::format("DELETE FROM {} WHERE id = ?1", t.table));
        remove.bind(1, id);
        remove.run();
        transaction.commit();
        return entity;
    });
}

Result<void> Project::restoreEntity(EntityKind kind, const Entity& entity) {
    return guarded([&] {
        Transaction transaction(*m_db);
        insertEntity(*m_db, kind, entity);
        transaction.commit();
    });
}

}  // namespace claimtrack
