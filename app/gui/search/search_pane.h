#pragma once
// The search box over the whole project: articles found by their words or
// their claims', best first, each with the passage that matched. Choosing one
// asks for the article to be opened with the words marked.

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace claimtrack::gui {

class ProjectSession;

class SearchPane : public QWidget {
    Q_OBJECT

public:
    explicit SearchPane(ProjectSession& session, QWidget* parent = nullptr);

    QLineEdit* searchBox() { return m_box; }
    QListWidget* results() { return m_results; }
    QLabel* status() { return m_status; }
    QString query() const;

public Q_SLOTS:
    // Runs the query in the box now (typing runs it after a short pause).
    void runSearch();
    // Opens the result in `row`, as a click on it does; nothing if there is none.
    void chooseResult(int row);

Q_SIGNALS:
    void resultChosen(qint64 articleId, const QString& query);

private:
    ProjectSession& m_session;
    QLineEdit* m_box;
    QLabel* m_status;
    QListWidget* m_results;
    QTimer* m_typing;
    QString m_shownQuery;  // the query the results are for
};

}  // namespace claimtrack::gui
