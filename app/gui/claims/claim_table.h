#pragma once
// The claim table: every claim in the project or only the current article's,
// sortable by any column, with a filter box over quote, metric, source, tags
// and note.

#include "claim_table_model.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QTableView;
class QTimer;
class QToolButton;

namespace claimtrack::gui {

class ClaimTable : public QWidget {
    Q_OBJECT

public:
    ClaimTable(Project& project, const QString& path, QWidget* parent = nullptr);
    // Which cells edit in place: what the user's role allows (ClaimTableModel::setEditable).
    void setEditable(ProjectRole role);

    ClaimTableModel* model() { return m_model; }
    QTableView* view() { return m_view; }
    QLineEdit* filterEdit() { return m_filter; }
    // Which article "This article" means.
    void setCurrentArticle(std::int64_t articleId);
    // Shows only the claims with this tag (0: every claim), said beside the filter box with a button that
    // ends it.
    void setTagFilter(std::int64_t tagId, const QString& name);
    QToolButton* tagFilterButton() { return m_tagFilter; }
    // The header's context menu: a check per column, in the order shown, to show or hide it.
    void showColumnMenu(const QPoint& at);
    QMenu* columnMenu() { return m_columnMenu; }
    // Selects a claim's row (once it is in the table), without emitting claimSelected.
    void selectClaim(std::int64_t claimId);
    std::int64_t selectedClaim() const { return m_selected; }
    // The claims of the selected rows, in the table's order.
    std::vector<std::int64_t> selectedClaims() const;
    bool onlyCurrentArticle() const;
    // Re-reads the rows after the project changed.
    void refresh() { m_model->refresh(); }

Q_SIGNALS:
    void claimSelected(qint64 id);
    // The user ended the tag filter.
    void tagFilterCleared();
    void claimActivated(qint64 id);
    // A cell was edited: these are the claims it changes (every selected claim, when its row is one of
    // several selected), with their new fields. Only claims whose fields change are listed.
    void claimsEdited(const std::vector<claimtrack::ClaimUpdate>& updates, const QString& what);
    // Something to tell the user, in the status bar.
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyQuery();
    void applyEdit(int row, int column, const QVariant& value);
    void reselect();

    Project& m_project;
    ClaimTableModel* m_model;
    QComboBox* m_scope;
    QLineEdit* m_filter;
    QToolButton* m_tagFilter;
    std::int64_t m_tagId = 0;
    QLabel* m_count;
    QProgressBar* m_busy;
    QTimer* m_busyDelay;
    QTableView* m_view;
    QTimer* m_filterDelay;
    QMenu* m_columnMenu = nullptr;
    std::int64_t m_articleId = 0;
    std::int64_t m_selected = 0;
    std::vector<std::int64_t> m_selection;  // the selected claims, kept when the rows are read again
};

}  // namespace claimtrack::gui
