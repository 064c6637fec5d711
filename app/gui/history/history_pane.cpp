#include "history_pane.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace claimtrack::gui {

void HistoryModel::setEntries(std::vector<HistoryEntry> entries) {
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryModel::whenText(const std::string& at, const QString& format) {
    const QDateTime when = QDateTime::fromString(QString::fromStdString(at), Qt::ISODateWithMs);
    return when.isValid() ? when.toLocalTime().toString(format) : QString::fromStdString(at);
}

QString HistoryModel::whoText(const HistoryEntry& entry) {
    const QString user = QString::fromStdString(entry.user);
    switch (entry.how) {
    case EditKind::Undo:
        return tr("%1 (undo)").arg(user);
    case EditKind::Redo:
        return tr("%1 (redo)").arg(user);
    case EditKind::Edit:
        break;
    }
    return user;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const HistoryEntry& entry = m_entries[static_cast<std::size_t>(index.row())];
    if (role == Qt::ToolTipRole) {
        if (index.column() == When)
            return whenText(entry.at, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return data(index, Qt::DisplayRole);  // what a narrow column cuts short
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case When:
        return whenText(entry.at);
    case Who:
        return whoText(entry);
    case What:
        return QStringLiteral("%1 %2 \u201C%3\u201D")
            .arg(QString::fromStdString(entry.entity))
            .arg(entry.entityId)
            .arg(QString::fromStdString(entry.label));
    case Change:
        return QString::fromStdString(describeChange(entry));
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case What:
        return tr("What");
    case Change:
        return tr("Change");
    default:
        return {};
    }
}

HistoryPane::HistoryPane(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_view(new QTableView(this)),
      m_model(new HistoryModel(this)) {
    m_caption->setObjectName(QStringLiteral("historyCaption"));
    m_caption->setContentsMargins(4, 2, 4, 2);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(HistoryModel::Change, QHeaderView::Stretch);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_view);
}

void HistoryPane::showEntries(std::vector<HistoryEntry> entries, const QString& caption) {
    m_model->setEntries(std::move(entries));
    m_caption->setText(caption);
    // The change gets the width: the other columns as wide as their contents, what it was to at most a
    // quarter of the pane (its tooltip has the rest).
    for (const int column : {HistoryModel::When, HistoryModel::Who, HistoryModel::What})
        m_view->resizeColumnToContents(column);
    m_view->setColumnWidth(HistoryModel::What,
                           std::min(m_view->columnWidth(HistoryModel::What), std::max(120, width() / 4)));
}

void HistoryPane::hideWhat() {
    m_view->setColumnHidden(HistoryModel::What, true);
}

}  // namespace claimtrack::gui
