#pragma once
// The conflicts of the whole project, largest gap first, each with its
// verdict; leads to the compare view and records verdicts.

#include "project.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace claimtrack::gui {

class ProjectSession;

class ConflictList : public QWidget {
    Q_OBJECT

public:
    explicit ConflictList(ProjectSession& session, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* table() { return m_table; }
    const std::vector<ConflictRow>& conflicts() const { return m_conflicts; }
    // The selected conflict, if any.
    const ConflictRow* selectedConflict() const;

public Q_SLOTS:
    // Asks for a verdict on the selected conflict in a window-modal dialog.
    void recordVerdict();

Q_SIGNALS:
    void compareRequested(const claimtrack::ConflictRow& conflict);

private:
    void updateButtons();
    ProjectSession& m_session;
    std::vector<ConflictRow> m_conflicts;
    QLabel* m_summary;
    QTableWidget* m_table;
    QPushButton* m_compare;
    QPushButton* m_verdict;
};

// "IHS Markit, 626 million": one side of a conflict, for lists and choices.
QString sideLabel(const ConflictSide& side);

}  // namespace claimtrack::gui
