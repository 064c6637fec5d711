#pragma once
// The search box over the whole project: articles found by their words or
// their claims', best first, each with the passage that matched. Choosing one
// asks for the article to be opened with the words marked.

#include "background.h"

#include <QWidget>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
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
    // Shows the next page of results, when more match than are shown.
    QPushButton* moreButton() { return m_more; }
    static constexpr int kPage = 50;
    QString query() const;

    // Whether results are still to come (the search runs on another thread).
    bool isBusy() const { return m_find.busy(); }

public Q_SLOTS:
    // Runs the query in the box now (typing runs it after a short pause); `openFirst`: opens the best
    // result once it is found.
    void runSearch(bool openFirst = false);
    // Opens the result in `row`, as a click on it does; nothing if there is none.
    void chooseResult(int row);

Q_SIGNALS:
    // `claimId`: the result's best claim that matched by its own fields, or 0.
    void resultChosen(qint64 articleId, const QString& query, qint64 claimId);
    // The project memo's result was chosen.
    void projectMemoChosen();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Found {
        std::vector<SearchHit> hits;
        std::size_t total = 0;            // articles that match in all
        std::optional<std::string> memo;  // the project memo's passage, when it matches
    };
    // Runs the query in the box for its best `shown` results; then selects `row` (opens it: `open`).
    void search(int shown, int row = 0, bool open = false);
    void show(const QString& query, Result<Found> found, int row, bool open);
    // A row of the list: `html` wrapped to the list's width; the project memo's has no article (0).
    void addResult(const QString& html, const QString& passage, qint64 articleId, qint64 claimId,
                   const QString& name);
    void fitRows();
    // "2 claims match: “176 million”, “626 million”", as a line of the result, or empty.
    QString matchingClaims(const std::vector<std::int64_t>& ids);
    ProjectSession& m_session;
    BackgroundRead<Found> m_find;
    QLineEdit* m_box;
    QLabel* m_status;
    QListWidget* m_results;
    QTimer* m_typing;
    QPushButton* m_more;
    int m_shown = kPage;   // how many results are asked for
    QString m_shownQuery;  // the query the results are for
};

}  // namespace claimtrack::gui
