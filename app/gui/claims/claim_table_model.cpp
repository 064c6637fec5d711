#include "claim_table_model.h"

#include "background.h"
#include "claim_display.h"
#include "claim_format.h"
#include <QGuiApplication>
#include <QPalette>
#include <QtConcurrent/QtConcurrentRun>

namespace claimtrack::gui {

namespace {

ClaimColumn sortColumn(int column) {
    switch (column) {
    case ClaimTableModel::Quote:
        return ClaimColumn::Quote;
    case ClaimTableModel::Figure:
        return ClaimColumn::Value;
    case ClaimTableModel::Unit:
        return ClaimColumn::Unit;
    case ClaimTableModel::Metric:
        return ClaimColumn::Metric;
    case ClaimTableModel::Source:
        return ClaimColumn::Source;
    case ClaimTableModel::AsOf:
        return ClaimColumn::AsOf;
    case ClaimTableModel::Status:
        return ClaimColumn::Status;
    case ClaimTableModel::Tags:
        return ClaimColumn::Tags;
    case ClaimTableModel::Note:
        return ClaimColumn::Note;
    default:
        return ClaimColumn::Article;
    }
}

}  // namespace

ClaimTableModel::ClaimTableModel(Project& project, QString path, QObject* parent)
    : QAbstractTableModel(parent), m_project(project), m_path(std::move(path)) {
    connect(&m_watcher, &QFutureWatcher<QueryResult>::finished, this, &ClaimTableModel::takeResult);
}

ClaimTableModel::~ClaimTableModel() {
    m_watcher.waitForFinished();
}

void ClaimTableModel::setQuery(const ClaimQuery& query) {
    m_query = query;
    refresh();
}

void ClaimTableModel::refresh() {
    ++m_generation;
    m_pending = true;
    Q_EMIT queryStarted();
    // The rows shown are the last query's until the new ones come: greyed, not passed off as new.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
    if (!m_watcher.isRunning())
        startQuery();
    // else takeResult() sees the running query is stale and starts the latest one.
}

void ClaimTableModel::startQuery() {
    const ClaimQuery query = m_query;
    const std::filesystem::path path = m_path.toStdString();
    const std::uint64_t generation = m_generation;
    m_watcher.setFuture(QtConcurrent::run(readPool(), [query, path, generation] {
        auto project = Project::open(path, Project::Access::ReadOnly);
        if (!project)
            return QueryResult{generation, project.error()};
        return QueryResult{generation, project->claimIds(query)};
    }));
}

void ClaimTableModel::takeResult() {
    QueryResult result = m_watcher.result();
    if (result.generation != m_generation) {
        startQuery();
        return;
    }
    m_pending = false;
    if (!result.ids) {
        Q_EMIT queryFailed(QString::fromStdString(result.ids.error().message));
        return;
    }
    beginResetModel();
    m_ids = std::move(*result.ids);
    clearPages();
    endResetModel();
    Q_EMIT queryFinished();
}

void ClaimTableModel::clearPages() const {
    m_pages.clear();
    m_pageIndex.clear();
}

int ClaimTableModel::rowOf(std::int64_t claimId) const {
    const auto it = std::find(m_ids.begin(), m_ids.end(), claimId);
    return it == m_ids.end() ? -1 : static_cast<int>(it - m_ids.begin());
}

const ClaimRecord* ClaimTableModel::claimAt(int row) const {
    if (row < 0 || row >= rowCount())
        return nullptr;
    const int page = row / kPageSize;
    auto found = m_pageIndex.find(page);
    if (found == m_pageIndex.end()) {
        const auto first = m_ids.begin() + page * kPageSize;
        const auto last = m_ids.begin() + std::min<std::size_t>(m_ids.size(), (page + 1) * kPageSize);
        auto claims = m_project.claimsById(std::span(first, last));
        if (!claims)
            return nullptr;
        // claimsById skips claims deleted since the query ran; keep rows aligned with m_ids.
        std::vector<ClaimRecord> rows(static_cast<std::size_t>(last - first));
        for (ClaimRecord& claim : *claims) {
            const auto at = std::find(first, last, claim.id);
            rows[static_cast<std::size_t>(at - first)] = std::move(claim);
        }
        m_pages.emplace_front(page, std::move(rows));
        found = m_pageIndex.emplace(page, m_pages.begin()).first;
        if (m_pages.size() > kMaxPages) {
            m_pageIndex.erase(m_pages.back().first);
            m_pages.pop_back();
        }
    } else if (found->second != m_pages.begin()) {
        m_pages.splice(m_pages.begin(), m_pages, found->second);
    }
    const ClaimRecord& claim = found->second->second[static_cast<std::size_t>(row % kPageSize)];
    return claim.id == 0 ? nullptr : &claim;
}

int ClaimTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int ClaimTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == IdRole)
        return QVariant::fromValue<qint64>(m_ids[static_cast<std::size_t>(index.row())]);
    if (role == Qt::ForegroundRole)
        return m_pending ? QVariant(QGuiApplication::palette().color(QPalette::PlaceholderText)) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::DecorationRole &&
        role != Qt::EditRole)
        return {};
    const ClaimRecord* claim = claimAt(index.row());
    if (!claim)
        return {};
    const ClaimFields& f = claim->fields;
    if (role == Qt::EditRole && index.column() == Source)
        return QString::fromStdString(f.source);  // what is edited in place: the source, not its chain
    if (role == Qt::EditRole)
        return index.column() == Status ? QVariant(static_cast<int>(f.status)) : data(index, Qt::DisplayRole);
    if (role == Qt::DecorationRole)
        return index.column() == Status ? QVariant(statusColor(f.status)) : QVariant();
    if (role == Qt::ToolTipRole)
        return index.column() == Quote ? QString::fromStdString(claim->anchor.quote.exact) : claimSummary(f);
    switch (index.column()) {
    case Quote:
        return QString::fromStdString(claim->anchor.quote.exact).simplified();
    case Figure:
        return QString::fromStdString(describeFigure(f));
    case Unit:
        return QString::fromStdString(f.unit);
    case Metric:
        return QString::fromStdString(f.metric);
    case Source:
        return QString::fromStdString(sourceChain(f));
    case AsOf:
        return QString::fromStdString(f.asOf);
    case Status:
        return statusName(f.status);
    case Tags:
        return QString::fromStdString(joinTags(f.tags));
    case Note:
        return QString::fromStdString(f.note).simplified();
    case Article:
        return QString::fromStdString(claim->articleTitle);
    }
    return {};
}

QVariant ClaimTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Quote:
        return tr("Quote");
    case Figure:
        return tr("Figure");
    case Unit:
        return tr("Unit");
    case Metric:
        return tr("Metric");
    case Source:
        return tr("Source");
    case AsOf:
        return tr("As of");
    case Status:
        return tr("Status");
    case Tags:
        return tr("Tags");
    case Note:
        return tr("Note");
    case Article:
        return tr("Article");
    }
    return {};
}

Qt::ItemFlags ClaimTableModel::flags(const QModelIndex& index) const {
    const Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    return isEditable(index.column()) ? flags | Qt::ItemIsEditable : flags;
}

bool ClaimTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    Q_EMIT cellEdited(index.row(), index.column(), value);
    return true;
}

void ClaimTableModel::sort(int column, Qt::SortOrder order) {
    ClaimQuery query = m_query;
    query.sortBy = sortColumn(column);
    query.descending = order == Qt::DescendingOrder;
    setQuery(query);
}

}  // namespace claimtrack::gui
