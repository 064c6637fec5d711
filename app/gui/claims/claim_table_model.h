#pragma once
// The claim table's model. It holds only the ordered ids of the claims that
// match (8 bytes a claim) and reads rows a page at a time as the view asks for
// them, so a project of a million claims opens and scrolls without loading
// them all. Matching and sorting run on a worker thread against a connection
// of their own; the window never waits for them.

#include "project.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

#include <list>
#include <unordered_map>
#include <vector>

namespace claimtrack::gui {

class ClaimTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Quote, Figure, Unit, Metric, Source, AsOf, Status, Tags, Note, Article, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    // `project` reads the rows; `path` is opened again by the worker thread.
    ClaimTableModel(Project& project, QString path, QObject* parent = nullptr);
    ~ClaimTableModel() override;

    // Runs `query` in the background; the rows change when it is done.
    void setQuery(const ClaimQuery& query);
    const ClaimQuery& query() const { return m_query; }
    // Runs the current query again (after an edit), keeping the same order and filter.
    void refresh();
    // True until the latest query's rows are shown.
    bool isBusy() const { return m_pending; }
    // The row of a claim, or -1 if it is not in the table.
    int rowOf(std::int64_t claimId) const;
    std::int64_t claimIdAt(int row) const { return m_ids[static_cast<std::size_t>(row)]; }
    const std::vector<std::int64_t>& claimIds() const { return m_ids; }
    // The claim on a row, read on demand.
    const ClaimRecord* claimAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    // Metric, source, status and tags edit in place, unless the project is read-only. An edit changes
    // nothing here: it asks for the change (cellEdited), and the rows are read again once it is made.
    // What may be edited in place: nothing (a project opened to read), a claim's status (a reviewer), or its
    // metric, source, status and tags.
    void setEditable(ProjectRole role) { m_role = role; }
    bool isEditable(int column) const {
        return m_role == ProjectRole::Reviewer
                   ? column == Status
                   : m_role != ProjectRole::Reader &&
                         (column == Metric || column == Source || column == Status || column == Tags);
    }
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // A cell was edited: its text (a status: its ClaimStatus as an int).
    void cellEdited(int row, int column, const QVariant& value);
    // The rows of the latest query are in place.
    // The rows are being read again; until queryFinished, the rows shown are the last ones (greyed).
    void queryStarted();
    void queryFinished();
    void queryFailed(const QString& message);

private:
    struct QueryResult {
        std::uint64_t generation = 0;
        Result<std::vector<std::int64_t>> ids = std::vector<std::int64_t>();
    };
    void startQuery();
    void takeResult();
    void clearPages() const;

    static constexpr int kPageSize = 256;
    static constexpr std::size_t kMaxPages = 64;

    Project& m_project;
    QString m_path;
    ClaimQuery m_query;
    std::vector<std::int64_t> m_ids;
    std::uint64_t m_generation = 0;
    bool m_pending = false;
    ProjectRole m_role = ProjectRole::Owner;
    QFutureWatcher<QueryResult> m_watcher;
    // Pages of rows read so far, most recently used first.
    mutable std::list<std::pair<int, std::vector<ClaimRecord>>> m_pages;
    mutable std::unordered_map<int, decltype(m_pages)::iterator> m_pageIndex;
};

}  // namespace claimtrack::gui
