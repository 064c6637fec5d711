#include "claim_table.h"
#include "claim_display.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace claimtrack::gui {

ClaimTable::ClaimTable(Project& project, const QString& path, QWidget* parent)
    : QWidget(parent), m_model(new ClaimTableModel(project, path, this)), m_scope(new QComboBox(this)),
      m_filter(new QLineEdit(this)), m_count(new QLabel(this)), m_view(new QTableView(this)),
      m_filterDelay(new QTimer(this)) {
    m_scope->setObjectName(QStringLiteral("claimScope"));
    m_scope->addItem(tr("All articles"));
    m_scope->addItem(tr("This article"));
    m_filter->setObjectName(QStringLiteral("claimFilter"));
    m_filter->setPlaceholderText(tr("Filter claims: quote, metric, source, tags, note"));
    m_filter->setClearButtonEnabled(true);
    m_count->setObjectName(QStringLiteral("claimCount"));
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(150);  // query once typing pauses, not on every key

    m_view->setObjectName(QStringLiteral("claimView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    // Fixed row heights: the view never measures rows it does not show.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {22, 10, 6, 15, 11, 6, 9, 9, 14, 18};
    for (int column = 0; column < ClaimTableModel::ColumnCount; ++column)
        m_view->setColumnWidth(column, widths[column] * em);
    // Columns of known words get room for the widest of them (measuring every row would read them all).
    int statusWidth = 0;
    for (const ClaimStatus status :
         {ClaimStatus::Unverified, ClaimStatus::Supported, ClaimStatus::Disputed, ClaimStatus::Refuted})
        statusWidth = std::max(statusWidth, m_view->fontMetrics().horizontalAdvance(statusName(status)));
    m_view->setColumnWidth(ClaimTableModel::Status, statusWidth + 3 * em);
    m_view->setColumnWidth(ClaimTableModel::AsOf,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("2020-12-31")) + em);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_scope);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &ClaimTable::applyQuery);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &ClaimTable::applyQuery);
    connect(m_model, &ClaimTableModel::queryFinished, this, [this] {
        m_count->setText(tr("%n claim(s)", nullptr, m_model->rowCount()));
        reselect();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                m_selected = current.data(ClaimTableModel::IdRole).toLongLong();
                Q_EMIT claimSelected(m_selected);
            });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT claimActivated(index.data(ClaimTableModel::IdRole).toLongLong());
    });
    applyQuery();
}

bool ClaimTable::onlyCurrentArticle() const {
    return m_scope->currentIndex() == 1;
}

void ClaimTable::setCurrentArticle(std::int64_t articleId) {
    m_articleId = articleId;
    if (onlyCurrentArticle())
        applyQuery();
}

void ClaimTable::applyQuery() {
    ClaimQuery query = m_model->query();
    query.text = m_filter->text().trimmed().toStdString();
    query.articleId = onlyCurrentArticle() ? std::optional(m_articleId) : std::nullopt;
    m_model->setQuery(query);
}

void ClaimTable::selectClaim(std::int64_t claimId) {
    m_selected = claimId;
    reselect();
}

void ClaimTable::reselect() {
    const int row = m_selected ? m_model->rowOf(m_selected) : -1;
    const QSignalBlocker blocker(m_view->selectionModel());
    if (row < 0) {
        m_view->selectionModel()->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_view->viewport()->update();
}

}  // namespace claimtrack::gui
