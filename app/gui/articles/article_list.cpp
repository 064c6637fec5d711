#include "article_list.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace claimtrack::gui {

void ArticleListModel::setArticles(std::vector<Article> articles) {
    beginResetModel();
    m_articles = std::move(articles);
    endResetModel();
}

QString ArticleListModel::titleOf(const Article& article) {
    // Versions of one article share its title: the number tells them apart.
    const QString title = QString::fromStdString(article.meta.title);
    return article.lineage.empty() ? title : tr("%1 (version %2)").arg(title).arg(article.version);
}

int ArticleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_articles.size());
}

int ArticleListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Article& article = m_articles[static_cast<std::size_t>(index.row())];
    if (role == IdRole)
        return QVariant::fromValue<qint64>(article.id);
    if (role == Qt::ToolTipRole)
        return titleOf(article);
    if (role == Qt::TextAlignmentRole && index.column() == Claims)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Title:
        return titleOf(article);
    case Publisher:
        return QString::fromStdString(article.meta.publisher);
    case Published:
        return QString::fromStdString(article.meta.published);
    case Claims:
        return QVariant::fromValue<qint64>(article.claimCount);
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Publisher:
        return tr("Publisher");
    case Published:
        return tr("Published");
    case Claims:
        return tr("Claims");
    }
    return {};
}

ArticleList::ArticleList(QWidget* parent)
    : QWidget(parent), m_model(new ArticleListModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_view(new QTableView(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(Qt::DisplayRole);
    m_filter->setObjectName(QStringLiteral("articleFilter"));
    m_filter->setPlaceholderText(tr("Filter articles"));
    m_filter->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("articleView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // import order until the user sorts
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(ArticleListModel::Title, QHeaderView::Stretch);
    header->setSectionResizeMode(ArticleListModel::Published, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ArticleListModel::Claims, QHeaderView::ResizeToContents);
    header->resizeSection(ArticleListModel::Publisher,
                          m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 9);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);  // versions' titles differ only at their end

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    Q_EMIT articleSelected(current.data(ArticleListModel::IdRole).toLongLong());
            });
}

void ArticleList::setArticles(std::vector<Article> articles) {
    const std::int64_t current = currentArticle();
    const QSignalBlocker blocker(m_view->selectionModel());
    m_model->setArticles(std::move(articles));
    if (current != 0)
        selectArticle(current);
}

void ArticleList::selectArticle(std::int64_t id) {
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(ArticleListModel::IdRole).toLongLong() == id) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
            m_view->scrollTo(index);
            return;
        }
    }
}

std::int64_t ArticleList::currentArticle() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ArticleListModel::IdRole).toLongLong() : 0;
}

}  // namespace claimtrack::gui
