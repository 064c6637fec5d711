#include "project_session.h"

#include <QUndoCommand>

#include <fmt/format.h>

namespace claimtrack::gui {

QString errorText(const Error& error) {
    return QString::fromStdString(error.message);
}

// One user edit: done once before it is pushed (so a failed edit is never on
// the stack), then undone and redone by the steps it was given. A step whose
// check finds that another program changed what it would overwrite is not
// carried out: the command leaves the stack, and the other program's change stays.
class EditCommand : public QUndoCommand {
public:
    EditCommand(ProjectSession& session, const QString& text, std::int64_t articleId,
                ProjectSession::Step undo, ProjectSession::Step redo, ProjectSession::Checks checks)
        : QUndoCommand(text), m_session(session), m_articleId(articleId), m_undo(std::move(undo)),
          m_redo(std::move(redo)), m_checks(std::move(checks)) {}

    void undo() override { run(m_checks.beforeUndo, m_undo, EditKind::Undo); }
    void redo() override {
        if (m_done) {
            m_done = false;  // QUndoStack::push calls redo(); the edit was already made
            return;
        }
        run(m_checks.beforeRedo, m_redo, EditKind::Redo);
    }

private:
    void run(const ProjectSession::Check& check, const ProjectSession::Step& step, EditKind kind) {
        if (check) {
            if (auto unchanged = check(); !unchanged) {
                setObsolete(true);  // QUndoStack drops it: there is nothing left for it to undo or redo
                Q_EMIT m_session.failed(ProjectSession::tr("“%1” was not carried out: %2")
                                            .arg(text(), errorText(unchanged.error())));
                Q_EMIT m_session.changed(0);
                return;
            }
        }
        // The history records the step as an undo or a redo, never rewriting what it undoes.
        Project& project = m_session.project();
        auto result = project.setEditKind(kind);
        if (result)
            result = step();
        (void)project.setEditKind(EditKind::Edit);
        if (!result)
            Q_EMIT m_session.failed(errorText(result.error()));
        Q_EMIT m_session.changed(m_articleId);
    }

    ProjectSession& m_session;
    std::int64_t m_articleId;
    ProjectSession::Step m_undo, m_redo;
    ProjectSession::Checks m_checks;
    bool m_done = true;
};

ProjectSession::ProjectSession(Project project, QString path, QString readOnlyReason)
    : m_project(std::move(project)), m_path(std::move(path)), m_readOnlyReason(std::move(readOnlyReason)) {
    m_undo.setUndoLimit(1000);
    // SQLite's data version moves only when another connection commits: asking is one small read,
    // so the file is watched by polling rather than by watching the file and its log for writes.
    if (auto version = m_project.dataVersion())
        m_dataVersion = *version;
    m_watch.setInterval(kWatchIntervalMs);
    connect(&m_watch, &QTimer::timeout, this, &ProjectSession::watchForOutsideChanges);
    m_watch.start();
}

ProjectSession::~ProjectSession() = default;

Result<std::unique_ptr<ProjectSession>> ProjectSession::open(const QString& path, bool create) {
    const std::filesystem::path file = path.toStdString();
    QString readOnlyReason;
    auto project =
        create ? Project::create(file) : Project::open(file, Project::Access::ReadWrite, kBusyTimeoutMs);
    if (!create && !project && project.error().code == ErrorCode::ReadOnly) {
        readOnlyReason = errorText(project.error());
        project = Project::open(file, Project::Access::ReadOnly, kBusyTimeoutMs);
    }
    if (!project)
        return project.error();
    return std::unique_ptr<ProjectSession>(new ProjectSession(std::move(*project), path, readOnlyReason));
}

QString ProjectSession::roleName(ProjectRole role) {
    switch (role) {
    case ProjectRole::Reader:
        return tr("reader");
    case ProjectRole::Reviewer:
        return tr("reviewer");
    case ProjectRole::Annotator:
        return tr("annotator");
    case ProjectRole::Owner:
        break;
    }
    return tr("owner");
}

QString ProjectSession::whyNot(ProjectRole needed) const {
    if (role() >= needed)
        return {};
    if (isReadOnly())
        return m_readOnlyReason;
    switch (role()) {
    case ProjectRole::Reviewer:
        return tr(
            "You review this project: you can set claims' statuses and record verdicts. An owner of the "
            "project can give you another role.");
    case ProjectRole::Annotator:
        return tr("You annotate this project: you can change its articles and claims; its owners change its "
                  "settings and who has which role.");
    case ProjectRole::Reader:
    case ProjectRole::Owner:
        break;
    }
    return tr("You can only read this project.");
}

void ProjectSession::watchForOutsideChanges() {
    // A lost connection to a server is found by the watch itself (asking for the data version reads from it)
    // or by a change that failed; each watch then tries to connect again.
    auto reconnected = m_project.reconnectIfLost();
    const auto version = reconnected ? m_project.dataVersion() : Result<std::int64_t>(reconnected.error());
    if (!version) {
        if (version.error().code == ErrorCode::Io && isServerLocation(m_path.toStdString()) &&
            !m_connectionLost) {
            m_connectionLost = true;
            Q_EMIT connectionLost();
        }
        return;
    }
    if (*reconnected) {
        m_connectionLost = false;
        m_dataVersion = *version;
        Q_EMIT connectionRestored();
        Q_EMIT changed(0);  // what others changed meanwhile went unannounced
        return;
    }
    if (*version == m_dataVersion)
        return;
    m_dataVersion = *version;
    Q_EMIT changedOutside();
    Q_EMIT changed(0);
}

void ProjectSession::beginOwnChange() {
    m_watch.stop();
}

void ProjectSession::endOwnChange() {
    if (auto version = m_project.dataVersion())
        m_dataVersion = *version;
    m_watch.start();
    Q_EMIT changed(0);
}

Error ProjectSession::changedSince(const std::string& what) {
    return makeError(
        ErrorCode::InvalidInput,
        fmt::format("another program changed {} since; undoing would overwrite that change", what));
}

ProjectSession::Check
ProjectSession::claimsAreStill(std::shared_ptr<const std::vector<ClaimRecord>> expected) {
    return [this, expected = std::move(expected)]() -> Result<void> {
        for (const ClaimRecord& record : *expected) {
            auto now = m_project.claim(record.id);
            if (!now && now.error().code != ErrorCode::NotFound)
                return now.error();
            if (!now)
                return makeError(ErrorCode::InvalidInput,
                                 fmt::format("another program deleted the claim {} since",
                                             claimLabel(record.anchor.quote.exact).toStdString()));
            if (now->anchor != record.anchor || now->fields != record.fields ||
                now->updatedAt != record.updatedAt)
                return changedSince("the claim " + claimLabel(now->anchor.quote.exact).toStdString());
        }
        return {};
    };
}

ProjectSession::Check ProjectSession::claimsAreGone(std::vector<std::int64_t> ids) {
    return [this, ids = std::move(ids)]() -> Result<void> {
        for (const std::int64_t id : ids)
            if (auto now = m_project.claim(id)) {
                return makeError(ErrorCode::InvalidInput,
                                 fmt::format("another program recorded the claim {} since; it would be lost",
                                             claimLabel(now->anchor.quote.exact).toStdString()));
            } else if (now.error().code != ErrorCode::NotFound) {
                return now.error();
            }
        return {};
    };
}

QString ProjectSession::claimLabel(const std::string& quote) {
    QString label = QString::fromStdString(quote).simplified();
    if (label.size() > 40)
        label = label.left(39) + QChar(0x2026);
    return QLatin1Char('\'') + label + QLatin1Char('\'');
}

ProjectSession::Check ProjectSession::entityIsStill(EntityKind kind, std::int64_t id, std::string name) {
    return [this, kind, id, name = std::move(name)]() -> Result<void> {
        auto entities = m_project.entities(kind);
        if (!entities)
            return entities.error();
        const auto it =
            std::find_if(entities->begin(), entities->end(), [&](const Entity& e) { return e.id == id; });
        const std::string now = it == entities->end() ? std::string() : it->name;
        if (now == name)
            return {};
        return changedSince(fmt::format("the {} '{}'", entityNoun(kind), name.empty() ? now : name));
    };
}

ProjectSession::Check ProjectSession::statusesAreStill(std::vector<VerdictChange::Status> statuses) {
    return [this, statuses = std::move(statuses)]() -> Result<void> {
        for (const VerdictChange::Status& expected : statuses) {
            auto claim = m_project.claim(expected.claimId);
            if (!claim || claim->fields.status != expected.status)
                return changedSince(fmt::format("the status of claim {}", expected.claimId));
        }
        return {};
    };
}

ProjectSession::Check ProjectSession::metricDetailsAreStill(std::int64_t metricId, MetricDetails details) {
    return [this, metricId, details = std::move(details)]() -> Result<void> {
        auto metrics = m_project.entities(EntityKind::Metric);
        if (!metrics)
            return metrics.error();
        for (const Entity& metric : *metrics)
            if (metric.id == metricId && metric.metric == details)
                return {};
        return changedSince("the metric's details");
    };
}

void ProjectSession::pushDone(const QString& text, std::int64_t articleId, Step undo, Step redo,
                              Checks checks) {
    m_undo.push(new EditCommand(*this, text, articleId, std::move(undo), std::move(redo), std::move(checks)));
    Q_EMIT changed(articleId);
}

Result<std::int64_t> ProjectSession::addClaim(const NewClaim& claim) {
    auto id = m_project.addClaim(claim);
    if (!id)
        return id.error();
    auto added = m_project.claim(*id);
    if (!added)
        return added.error();
    const auto record = std::make_shared<ClaimRecord>(std::move(*added));
    pushDone(
        tr("Add claim %1").arg(claimLabel(record->anchor.quote.exact)), record->articleId,
        [this, record] { return withoutValue(m_project.deleteClaim(record->id)); },
        [this, record] { return m_project.restoreClaim(*record); },
        {claimsAreStill(std::make_shared<const std::vector<ClaimRecord>>(1, *record)),
         claimsAreGone({record->id})});
    return *id;
}

Result<void> ProjectSession::changeClaims(std::span<const std::int64_t> ids, const QString& action,
                                          const Step& change) {
    auto before = m_project.claimsById(ids);
    if (!before)
        return before.error();
    if (before->size() != ids.size())
        return makeError(ErrorCode::NotFound, "a claim to change no longer exists");
    if (auto changed = change(); !changed)
        return changed;
    auto now = m_project.claimsById(ids);
    if (!now)
        return now.error();
    // Undo and redo put the whole records back as they were before and after.
    const auto old = std::make_shared<const std::vector<ClaimRecord>>(std::move(*before));
    const auto after = std::make_shared<const std::vector<ClaimRecord>>(std::move(*now));
    const std::int64_t articleId = ids.size() == 1 ? old->front().articleId : 0;
    pushDone(
        action.arg(ids.size() == 1 ? tr("claim %1").arg(claimLabel(after->front().anchor.quote.exact))
                                   : tr("%Ln claims", nullptr, static_cast<int>(ids.size()))),
        articleId, [this, old] { return m_project.rewriteClaims(*old); },
        [this, after] { return m_project.rewriteClaims(*after); },
        {claimsAreStill(after), claimsAreStill(old)});
    return {};
}

Result<void> ProjectSession::updateClaim(std::int64_t id, const ClaimFields& fields, std::int64_t basedOn) {
    return updateClaims({{id, fields, basedOn}});
}

Result<void> ProjectSession::updateClaims(const std::vector<ClaimUpdate>& updates) {
    std::vector<std::int64_t> ids;
    for (const ClaimUpdate& update : updates)
        ids.push_back(update.id);
    return changeClaims(ids, tr("Edit %1"), [&] { return m_project.updateClaims(updates); });
}

Result<void> ProjectSession::reanchorClaim(std::int64_t id, CodePointRange range) {
    return changeClaims(std::span(&id, 1), tr("Re-anchor %1"),
                        [&] { return m_project.reanchorClaim(id, range); });
}

Result<void> ProjectSession::deleteClaims(const std::vector<std::int64_t>& ids) {
    auto deleted = m_project.deleteClaims(ids);
    if (!deleted)
        return deleted.error();
    const auto records = std::make_shared<const std::vector<ClaimRecord>>(std::move(*deleted));
    pushDone(
        ids.size() == 1 ? tr("Delete claim %1").arg(claimLabel(records->front().anchor.quote.exact))
                        : tr("Delete %Ln claims", nullptr, static_cast<int>(ids.size())),
        ids.size() == 1 ? records->front().articleId : 0,
        [this, records] { return m_project.restoreClaims(*records); },
        [this, ids] { return withoutValue(m_project.deleteClaims(ids)); },
        {claimsAreGone(ids), claimsAreStill(records)});
    return {};
}

Result<void> ProjectSession::deleteClaim(std::int64_t id) {
    return deleteClaims({id});
}

Result<void> ProjectSession::renameEntity(EntityKind kind, std::int64_t id, const QString& name) {
    auto entities = m_project.entities(kind);
    if (!entities)
        return entities.error();
    const auto it =
        std::find_if(entities->begin(), entities->end(), [&](const Entity& e) { return e.id == id; });
    if (it == entities->end())
        return makeError(ErrorCode::NotFound, fmt::format("that {} no longer exists", entityNoun(kind)));
    const std::string oldName = it->name, newName = name.toStdString();
    if (auto renamed = m_project.renameEntity(kind, id, newName); !renamed)
        return renamed;
    pushDone(
        tr("Rename '%1' to '%2'").arg(QString::fromStdString(oldName), name.trimmed()), 0,
        [this, kind, id, oldName] { return m_project.renameEntity(kind, id, oldName); },
        [this, kind, id, newName] { return m_project.renameEntity(kind, id, newName); },
        {entityIsStill(kind, id, newName), entityIsStill(kind, id, oldName)});
    return {};
}

Result<void> ProjectSession::mergeEntity(EntityKind kind, std::int64_t fromId, std::int64_t intoId) {
    auto merged = m_project.mergeEntity(kind, fromId, intoId);
    if (!merged)
        return merged.error();
    const auto state = std::make_shared<EntityRemoval>(std::move(*merged));
    const Entity& from = state->entity;
    pushDone(
        tr("Merge '%1'").arg(QString::fromStdString(from.name)), 0,
        [this, kind, state] { return m_project.unmergeEntity(kind, *state); },
        [this, kind, state, intoId] {
            return withoutValue(m_project.mergeEntity(kind, state->entity.id, intoId));
        },
        {entityIsStill(kind, from.id, {}), entityIsStill(kind, from.id, from.name)});
    return {};
}

Result<void> ProjectSession::deleteEntity(EntityKind kind, std::int64_t id) {
    auto deleted = m_project.deleteEntity(kind, id);
    if (!deleted)
        return deleted.error();
    const auto state = std::make_shared<EntityRemoval>(std::move(*deleted));
    const Entity& entity = state->entity;
    pushDone(
        tr("Delete '%1'").arg(QString::fromStdString(entity.name)), 0,
        [this, kind, state] { return m_project.restoreEntity(kind, *state); },
        [this, kind, state] { return withoutValue(m_project.deleteEntity(kind, state->entity.id)); },
        {entityIsStill(kind, entity.id, {}), entityIsStill(kind, entity.id, entity.name)});
    return {};
}

void ProjectSession::recordImport(const std::vector<std::int64_t>& articleIds,
                                  const std::map<std::int64_t, VersionAdded>& versions) {
    if (articleIds.empty())
        return;
    // Undo deletes the articles, keeping them, and puts the claims carried to newer versions back; redo puts
    // the articles back as they were and carries the claims again.
    const auto removed = std::make_shared<std::vector<ArticleWithText>>();
    const auto carried = std::make_shared<std::map<std::int64_t, VersionAdded>>(versions);
    pushDone(
        tr("Import %Ln article(s)", nullptr, static_cast<int>(articleIds.size())), 0,
        [this, articleIds, removed, carried]() -> Result<void> {
            auto deleted = m_project.deleteImported(articleIds, *carried);
            if (!deleted)
                return deleted.error();
            *removed = std::move(*deleted);
            return {};
        },
        [this, removed, carried]() -> Result<void> {
            auto again = m_project.restoreImported(*removed, *carried);
            if (!again)
                return again.error();
            *carried = std::move(*again);
            return {};
        });
}

Result<int> ProjectSession::findFigures(const std::vector<std::int64_t>& articleIds) {
    std::vector<std::int64_t> ids;
    for (const std::int64_t articleId : articleIds) {
        auto detected = m_project.detectFigures(articleId, false);
        if (!detected)
            return detected.error();
        for (const DetectedFigures& d : *detected)
            ids.insert(ids.end(), d.suggestionIds.begin(), d.suggestionIds.end());
    }
    if (ids.empty())
        return 0;
    // Undo removes the suggestions, keeping them; redo puts them back.
    const auto kept = std::make_shared<std::vector<Suggestion>>();
    for (const std::int64_t articleId : articleIds)
        if (auto found = m_project.suggestions(articleId))
            for (Suggestion& suggestion : *found)
                if (std::find(ids.begin(), ids.end(), suggestion.id) != ids.end())
                    kept->push_back(std::move(suggestion));
    pushDone(
        tr("Find %Ln figure(s)", nullptr, static_cast<int>(ids.size())),
        articleIds.size() == 1 ? articleIds.front() : 0,
        [this, ids] { return m_project.deleteSuggestions(ids); },
        [this, kept] { return m_project.restoreSuggestions(*kept); });
    return static_cast<int>(ids.size());
}

Result<void> ProjectSession::acceptSuggestions(const std::vector<Suggestion>& suggestions) {
    if (suggestions.empty())
        return {};
    std::vector<std::int64_t> ids;
    for (const Suggestion& suggestion : suggestions)
        ids.push_back(suggestion.id);
    auto accepted = m_project.acceptSuggestions(ids);
    if (!accepted)
        return accepted.error();
    const auto claims = std::make_shared<std::vector<ClaimRecord>>(std::move(*accepted));
    const auto kept = std::make_shared<std::vector<Suggestion>>(suggestions);
    const QString text = suggestions.size() == 1
                             ? tr("Accept figure %1").arg(claimLabel(suggestions.front().anchor.quote.exact))
                             : tr("Accept %Ln figure(s)", nullptr, static_cast<int>(suggestions.size()));
    pushDone(
        text, suggestions.front().articleId,
        [this, claims, kept] { return m_project.unacceptSuggestions(*claims, *kept); },
        [this, claims, ids] { return m_project.reacceptSuggestions(*claims, ids); });
    return {};
}

Result<void> ProjectSession::rejectSuggestions(const std::vector<std::int64_t>& ids) {
    if (ids.empty())
        return {};
    if (auto rejected = m_project.setSuggestionsRejected(ids, true); !rejected)
        return rejected;
    pushDone(
        tr("Reject %Ln figure(s)", nullptr, static_cast<int>(ids.size())), 0,
        [this, ids] { return m_project.setSuggestionsRejected(ids, false); },
        [this, ids] { return m_project.setSuggestionsRejected(ids, true); });
    return {};
}

Result<void> ProjectSession::recordVerdict(const ConflictRow& conflict, VerdictChoice choice,
                                           const QString& note) {
    auto recorded = m_project.recordVerdict(conflict, choice, note.toStdString());
    if (!recorded)
        return recorded.error();
    const auto change = std::make_shared<VerdictChange>(std::move(*recorded));
    pushDone(
        tr("Verdict on %1").arg(QString::fromStdString(conflict.metric)), 0,
        [this, change] { return m_project.undoVerdict(*change); },
        [this, change] { return m_project.redoVerdict(*change); },
        {statusesAreStill(change->after), statusesAreStill(change->before)});
    return {};
}

Result<void> ProjectSession::setMetricDetails(std::int64_t metricId, const MetricDetails& details) {
    auto before = m_project.setMetricDetails(metricId, details);
    if (!before)
        return before.error();
    if (*before == details)
        return {};  // nothing changed: no step to undo
    pushDone(
        tr("Edit metric details"), 0,
        [this, metricId, old = *before] { return withoutValue(m_project.setMetricDetails(metricId, old)); },
        [this, metricId, details] { return withoutValue(m_project.setMetricDetails(metricId, details)); },
        {metricDetailsAreStill(metricId, details), metricDetailsAreStill(metricId, *before)});
    return {};
}

}  // namespace claimtrack::gui
