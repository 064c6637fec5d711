#pragma once
// The review list of the figures the finder proposed for the current
// article: Enter accepts the selected ones as claims, Delete rejects them,
// arrows move; Accept All and Reject All take the whole list. Every step is
// undoable.

#include "project.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace claimtrack::gui {

class ProjectSession;

class SuggestionPane : public QWidget {
    Q_OBJECT

public:
    SuggestionPane(ProjectSession& session, QWidget* parent = nullptr);

    // Shows the pending suggestions of an article (0: none).
    void showArticle(std::int64_t articleId);
    void refresh() { showArticle(m_articleId); }
    QListWidget* list() { return m_list; }
    const std::vector<Suggestion>& suggestions() const { return m_suggestions; }

public Q_SLOTS:
    void findFigures();
    void acceptSelected();
    void rejectSelected();
    void acceptAll();
    void rejectAll();

Q_SIGNALS:
    // The suggestion chosen in the list, to show in the reader.
    void suggestionSelected(const claimtrack::Suggestion& suggestion);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::vector<Suggestion> selected() const;
    // Shows the current suggestion in the reader.
    void showCurrent();
    void accept(const std::vector<Suggestion>& suggestions);
    void reject(const std::vector<Suggestion>& suggestions);

    ProjectSession& m_session;
    std::int64_t m_articleId = 0;
    std::vector<Suggestion> m_suggestions;
    QLabel* m_status;
    QListWidget* m_list;
    QPushButton* m_find;
};

}  // namespace claimtrack::gui
