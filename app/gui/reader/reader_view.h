#pragma once
// The reader: an article's text, read-only, with every claim highlighted in
// its status colour, a tooltip on each, and a find bar (Ctrl+F).

#include "claims/claim_display.h"
#include "model.h"
#include "project.h"
#include "text.h"

#include <QPlainTextEdit>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QMenu;

namespace claimtrack::gui {

// The text widget itself: hands out the claim under the mouse.
class ArticleTextView : public QPlainTextEdit {
    Q_OBJECT

public:
    using QPlainTextEdit::QPlainTextEdit;
    // The claim under the widget point, or 0. Set by the ReaderView.
    std::function<std::int64_t(QPoint)> claimAtPoint;
    std::function<QString(std::int64_t)> claimTooltip;
    std::function<QString(QPoint)> textTooltip;  // shown where no claim is (a changed word's), if not empty
    std::function<std::int64_t()> currentClaim;  // the claim selected in the reader, or 0
    // The context menu's own entries: `textActions` always, `claimActions` only over a claim (the one
    // the click makes current), so no entry acts on a claim the user did not point at.
    QList<QAction*> textActions;
    QList<QAction*> claimActions;
    // The UTF-16 positions of the first and past the last text on screen.
    std::pair<int, int> visibleRange() const;

Q_SIGNALS:
    void claimClicked(qint64 id);
    void resized();
    void wordDoubleClicked();  // after the word was selected

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
};

// Words of the shown text changed since another version of it: added words (marked green, their tooltip the
// words they replaced, if any), or a place words were removed from (a red mark on the word after).
struct ChangeMark {
    CodePointRange range;
    bool added = true;
    QString removed;  // the words removed there
};

// The marks of the words changed between two versions, with how many words were added and removed.
struct ChangeMarks {
    std::vector<ChangeMark> marks;
    std::size_t added = 0, removed = 0;
};

class ReaderView : public QWidget {
    Q_OBJECT

public:
    explicit ReaderView(QWidget* parent = nullptr);

    // Shows an article's text (no claims yet); an id of 0 clears the reader.
    void showArticle(std::int64_t articleId, const QString& title, const std::string& text);
    // What the highlights are coloured by; takes effect at the next setClaims.
    void setColouring(HighlightColouring by) { m_colouring = by; }
    // The colours of the shown article's highlights and what each stands for.
    QLabel* legend() { return m_legend; }
    // The colour a claim's highlight has now (for tests); invalid when it is not highlighted.
    QColor highlightColour(std::int64_t claimId) const;
    // What to do, shown instead of an article while none is (rich text; empty: nothing).
    void setEmptyHint(const QString& hint);
    QLabel* emptyHint() { return m_hint; }
    // Highlights these claims of the shown article.
    void setClaims(const std::vector<ClaimRecord>& claims);
    // Marks the figures the finder proposed (dashed), apart from the claims.
    void setSuggestions(const std::vector<Suggestion>& suggestions);
    int suggestionCount() const { return static_cast<int>(m_suggestions.size()); }
    // Marks where a search's words are (cleared when another article is shown).
    void setSearchMatches(const std::vector<CodePointRange>& matches);
    int searchMatchCount() const { return static_cast<int>(m_searchMatches.size()); }
    // Marks the words changed since another version (cleared when another article is shown).
    void setChanges(std::vector<ChangeMark> changes);
    int changeCount() const { return static_cast<int>(m_changes.size()); }
    // Selects the next change after the selection or cursor, from the top after the last; false if none.
    bool selectNextChange();
    // The tooltip of the change at a UTF-16 position in the text, or empty.
    QString changeAtPosition(int position) const;
    // Scrolls to words and selects them.
    void selectRange(CodePointRange range);
    // Scrolls to a claim's words and selects them.
    void selectClaim(std::int64_t claimId);
    std::int64_t articleId() const { return m_articleId; }
    std::int64_t selectedClaim() const { return m_selectedClaim; }
    // The selected words in code points, if any are selected.
    std::optional<CodePointRange> selectedRange() const;
    // Where the selected words are on the screen (global coordinates); empty without a selection.
    QRect selectionScreenRect() const;
    QString selectedText() const;
    // The menu shown on right-click (the main window's claim actions).
    void setContextActions(QList<QAction*> textActions, QList<QAction*> claimActions) {
        m_text->textActions = std::move(textActions);
        m_text->claimActions = std::move(claimActions);
    }
    ArticleTextView* textView() { return m_text; }
    // The claim highlighted at a UTF-16 position in the text, or 0.
    std::int64_t claimAtPosition(int position) const;
    int highlightCount() const { return static_cast<int>(m_highlights.size()); }

public Q_SLOTS:
    void showFindBar();

Q_SIGNALS:
    void claimClicked(qint64 id);
    void selectionChanged();
    // A double-click selected a word; the main window widens it to the figure the word belongs to.
    void wordDoubleClicked();

private:
    struct Highlight {
        Utf16Range range;
        std::int64_t claimId;
        ClaimStatus status;
        QString category;  // under the colouring: its status, source, metric or first tag
        QString tooltip;
    };
    QColor colourOf(const Highlight& highlight) const;
    void applyHighlights();
    void updateLegend();
    void find(bool backwards);

    QLabel* m_title;
    ArticleTextView* m_text;
    QWidget* m_findBar;
    QLineEdit* m_findEdit;
    QLabel* m_findStatus;
    QLabel* m_hint;
    QLabel* m_legend;
    HighlightColouring m_colouring = HighlightColouring::Status;
    std::int64_t m_articleId = 0;
    std::int64_t m_selectedClaim = 0;
    std::optional<OffsetConverter> m_offsets;
    std::vector<Highlight> m_highlights;      // by start
    std::vector<Utf16Range> m_suggestions;    // by start
    std::vector<Utf16Range> m_searchMatches;  // by start
    struct Change {
        Utf16Range range;
        bool added;
        QString tooltip;
    };
    std::vector<Change> m_changes;  // by start
};

}  // namespace claimtrack::gui
