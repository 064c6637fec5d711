#pragma once
// The article list: title, publisher, published date and number of claims,
// sortable, with a filter box.

#include "model.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <vector>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace claimtrack::gui {

class ArticleListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Publisher, Published, Claims, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setArticles(std::vector<Article> articles);
    const std::vector<Article>& articles() const { return m_articles; }
    // Its title, with its version's number when it has other versions ("Counting cameras (version 2)").
    static QString titleOf(const Article& article);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Article> m_articles;
};

class ArticleList : public QWidget {
    Q_OBJECT

public:
    explicit ArticleList(QWidget* parent = nullptr);

    ArticleListModel* model() { return m_model; }
    QTableView* view() { return m_view; }
    // Shows these articles, keeping the current one selected if it is still there.
    void setArticles(std::vector<Article> articles);
    void selectArticle(std::int64_t id);
    std::int64_t currentArticle() const;

Q_SIGNALS:
    void articleSelected(qint64 id);

private:
    ArticleListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
};

}  // namespace claimtrack::gui
