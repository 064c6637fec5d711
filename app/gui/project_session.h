#pragma once
// The open project as the app sees it: the Project, the undo stack, and the
// `changed` signal every view listens to. Every user edit goes through here
// and becomes one QUndoCommand; it is written at once, in one transaction.

#include "project.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>

namespace claimtrack::gui {

class ProjectSession : public QObject {
    Q_OBJECT

public:
    // Opens (or, with `create`, creates) the project file at `path`; one that cannot be written
    // (read-only file, folder or disk) opens read-only.
    static Result<std::unique_ptr<ProjectSession>> open(const QString& path, bool create);
    ~ProjectSession() override;

    Project& project() { return m_project; }
    QUndoStack* undoStack() { return &m_undo; }
    QString path() const { return m_path; }
    // Why the project cannot be changed ("project file … is read-only: its folder … cannot be
    // written"), or empty when it can.
    QString readOnlyReason() const { return m_readOnlyReason; }
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    // What the user may do in the project: nothing but read when it is open to read, else what the user's
    // role allows (Project::role).
    ProjectRole role() const { return isReadOnly() ? ProjectRole::Reader : m_project.role(); }
    // A role as the window names it: "reviewer", "annotator" …
    static QString roleName(ProjectRole role);
    // Why the user may not do what needs `role`, for a disabled action's tip and a refusal; empty when
    // the user may.
    QString whyNot(ProjectRole needed) const;

    // How often the file is checked for other programs' changes.
    static constexpr int kWatchIntervalMs = 400;
    // How long a save waits for another program's write to finish before it gives up.
    static constexpr int kBusyTimeoutMs = 2000;

    // Each is one undoable step; on an error nothing was changed and the error is returned.
    Result<std::int64_t> addClaim(const NewClaim& claim);
    // `basedOn`: the claim's version its fields were read at (ClaimUpdate); 0: unchecked.
    Result<void> updateClaim(std::int64_t id, const ClaimFields& fields, std::int64_t basedOn = 0);
    Result<void> updateClaims(const std::vector<ClaimUpdate>& updates);
    Result<void> deleteClaim(std::int64_t id);
    Result<void> deleteClaims(const std::vector<std::int64_t>& ids);
    Result<void> reanchorClaim(std::int64_t id, CodePointRange range);
    Result<void> renameEntity(EntityKind kind, std::int64_t id, const QString& name);
    Result<void> mergeEntity(EntityKind kind, std::int64_t fromId, std::int64_t intoId);
    Result<void> deleteEntity(EntityKind kind, std::int64_t id);
    // Makes the articles just imported one undoable step ("Import 3 articles"); undoing it puts the claims
    // carried to the newer versions among them (`versions`) back on the versions before.
    void recordImport(const std::vector<std::int64_t>& articleIds,
                      const std::map<std::int64_t, VersionAdded>& versions = {});
    // Runs the figure finder on articles and stores suggestions; returns how many. One undoable step.
    Result<int> findFigures(const std::vector<std::int64_t>& articleIds);
    Result<void> acceptSuggestions(const std::vector<Suggestion>& suggestions);
    Result<void> rejectSuggestions(const std::vector<std::int64_t>& ids);
    // Records a verdict on a conflict and sets its claims' statuses.
    Result<void> recordVerdict(const ConflictRow& conflict, VerdictChoice choice, const QString& note);
    Result<void> setMetricDetails(std::int64_t metricId, const MetricDetails& details);
    // Changes an article's details and memo (never its text).
    Result<void> setArticleDetails(std::int64_t articleId, const ArticleMeta& meta, const QString& memo);
    // Deletes articles with their suggestions and, when `withClaims`, their claims.
    Result<void> deleteArticles(const std::vector<std::int64_t>& articleIds, bool withClaims);
    Result<void> setProjectMemo(const QString& memo);
    // Keeps, moves or rejects the move of a claim waiting after a new version of its article.
    Result<void> resolveCarry(std::int64_t claimId, CarryDecision decision);
    Result<void> setPublishingSettings(const PublishingSettings& settings);

    // Around a change the app makes through a connection of its own, on another thread (a merge): the file is
    // not watched meanwhile, so the change is not taken for another program's; at the end the views are
    // refreshed (changed(0)).
    void beginOwnChange();
    void endOwnChange();

    // A short name for a claim in menus: "'176 million'".
    static QString claimLabel(const std::string& quote);

Q_SIGNALS:
    // The project changed; `articleId` is the article whose claims changed, or 0 for any.
    void changed(qint64 articleId);
    // An undo or redo could not be carried out (the file could not be written, or another program
    // changed what it would overwrite).
    void failed(const QString& message);
    // Another program changed the project; `changed(0)` follows.
    void changedOutside();
    // The connection to the project's server was lost; the session tries again at each watch, and says
    // connectionRestored, then changed(0), once it is back.
    void connectionLost();
    void connectionRestored();

private:
    ProjectSession(Project project, QString path, QString readOnlyReason);
    using Step = std::function<Result<void>()>;
    // Whether the project is still as a step left it; an error that says what changed otherwise.
    using Check = std::function<Result<void>()>;
    struct Checks {
        Check beforeUndo;  // the state the step left: undoing from anything else would lose a change
        Check beforeRedo;  // the state before the step
    };
    // Pushes a step already carried out once: `undo` reverts it, `redo` does it again.
    void pushDone(const QString& text, std::int64_t articleId, Step undo, Step redo, Checks checks = {});
    // Checks that the claims are still exactly `expected`, or are still gone; else explains what changed.
    Check claimsAreStill(std::shared_ptr<const std::vector<ClaimRecord>> expected);
    Check claimsAreGone(std::vector<std::int64_t> ids);
    // Checks that the source or metric `id` is still named `name` (is gone, when `name` is empty).
    Check entityIsStill(EntityKind kind, std::int64_t id, std::string name);
    // Checks that the claims still have the statuses a verdict step left or found.
    Check statusesAreStill(std::vector<VerdictChange::Status> statuses);
    Check metricDetailsAreStill(std::int64_t metricId, MetricDetails details);
    // Checks that an article's details are still `expected` (its claims and text are not compared).
    Check articleIsStill(Article expected);
    Check articlesAreGone(std::vector<std::int64_t> ids);
    Check projectMemoIsStill(std::string memo);
    Check publishingSettingsAreStill(PublishingSettings settings);
    // "another program changed `what` since; undoing would overwrite that change".
    static Error changedSince(const std::string& what);
    void watchForOutsideChanges();
    // Makes `change` to claims one undoable step named `action` (with %1 for "claim '…'" or "3 claims").
    Result<void> changeClaims(std::span<const std::int64_t> ids, const QString& action, const Step& change);

    Project m_project;
    QString m_path;
    QString m_readOnlyReason;
    QUndoStack m_undo;
    QTimer m_watch;
    std::int64_t m_dataVersion = 0;
    bool m_connectionLost = false;

    friend class EditCommand;
};

// Turns an error into the text shown to the user.
QString errorText(const Error& error);

}  // namespace claimtrack::gui
