#pragma once
// A list of changes from the project's history (db/history.h), newest first: when, who (and whether by
// undoing or redoing), what, and the change. The project's History pane and a claim's History tab both show
// one.

#include "history.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <vector>

class QLabel;
class QTableView;

namespace claimtrack::gui {

class HistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { When, Who, What, Change, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(std::vector<HistoryEntry> entries);
    const std::vector<HistoryEntry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // When, in the local time zone, to the minute (the tooltip to the second).
    static QString whenText(const std::string& at,
                            const QString& format = QStringLiteral("yyyy-MM-dd HH:mm"));
    // "Dana", "Dana (undo)", "Dana (redo)".
    static QString whoText(const HistoryEntry& entry);

private:
    std::vector<HistoryEntry> m_entries;
};

class HistoryPane : public QWidget {
    Q_OBJECT

public:
    explicit HistoryPane(QWidget* parent = nullptr);

    // Shows `entries` (newest first) under `caption` ("The last 500 changes", "No change recorded yet").
    void showEntries(std::vector<HistoryEntry> entries, const QString& caption);
    // Hides the What column, for one claim's own history.
    void hideWhat();

    QTableView* view() const { return m_view; }
    QLabel* caption() const { return m_caption; }
    const HistoryModel& model() const { return *m_model; }

private:
    QLabel* m_caption;
    QTableView* m_view;
    HistoryModel* m_model;
};

}  // namespace claimtrack::gui
