#pragma once
// The sources, metrics and tags panes: each lists its entities with their
// claim counts, renames one everywhere at once, merges two into one, and
// deletes one (a source or metric no claim uses; a tag from every claim). The
// sources and metrics panes list the selected one's claims; the tags pane
// filters the claim table by the selected tag instead.

#include "project.h"

#include <QWidget>

class QListWidget;
class QPushButton;
class QTableWidget;

namespace claimtrack::gui {

class ProjectSession;

class EntityPane : public QWidget {
    Q_OBJECT

public:
    EntityPane(ProjectSession& session, EntityKind kind, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* table() { return m_table; }
    QListWidget* claimList() { return m_claims; }
    std::int64_t selectedEntity() const;
    void selectEntity(std::int64_t id);

public Q_SLOTS:
    void renameSelected();
    void mergeSelected();
    void deleteSelected();
    // Metrics only: edits what the selected metric measures, in a window-modal dialog.
    void editSelectedDetails();

Q_SIGNALS:
    void claimActivated(qint64 claimId);
    // Metrics only: the user asked to compare the selected metric's figures.
    void compareRequested(qint64 metricId);
    // Tags only: the selected tag (0 and empty when none is).
    void tagSelected(qint64 tagId, const QString& name);

private:
    void showClaimsOf(std::int64_t entityId);
    // The selected source or metric as last loaded, or null.
    const Entity* selectedRecord() const;
    QString noun() const;

    ProjectSession& m_session;
    EntityKind m_kind;
    std::vector<Entity> m_entities;
    QTableWidget* m_table;
    QListWidget* m_claims;
    QPushButton* m_rename;
    QPushButton* m_merge;
    QPushButton* m_delete;
    QPushButton* m_details = nullptr;  // metrics only
    QPushButton* m_compare = nullptr;  // metrics only
};

}  // namespace claimtrack::gui
