#pragma once
// The conflicts of the whole project, largest gap first, each with its
// verdict; leads to the compare view and records verdicts.

#include "background.h"
#include "project.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace claimtrack::gui {

class ProjectSession;

class ConflictList : public QWidget {
    Q_OBJECT

public:
    explicit ConflictList(ProjectSession& session, QWidget* parent = nullptr);

    // Cross-checks the project again on another thread; the list shows the result when it comes, greyed
    // out meanwhile, with a busy bar.
    void refresh();
    bool isBusy() const { return m_check.busy(); }
    QTableWidget* table() { return m_table; }
    QLabel* summary() { return m_summary; }
    // The selected conflict said in full, wrapped, under the list.
    QLabel* detail() { return m_detail; }
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
    void showConflicts(Result<ConflictReport> report);
    ProjectSession& m_session;
    BackgroundRead<ConflictReport> m_check;
    QProgressBar* m_busy;
    std::vector<ConflictRow> m_conflicts;
    QLabel* m_summary;
    QTableWidget* m_table;
    QLabel* m_detail;
    QPushButton* m_compare;
    QPushButton* m_verdict;
};

// "3 conflict(s), 1 settled": how many, and how many have a verdict.
QString conflictCount(const std::vector<ConflictRow>& conflicts);

// "IHS Markit, 626 million": one side of a conflict, for lists and choices.
QString sideLabel(const ConflictSide& side);

}  // namespace claimtrack::gui
