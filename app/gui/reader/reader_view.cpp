#include "reader_view.h"
#include "claims/claim_display.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace claimtrack::gui {

bool ArticleTextView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip && claimAtPoint && claimTooltip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const std::int64_t id = claimAtPoint(help->pos());
        const QString tip = id != 0 ? claimTooltip(id) : textTooltip ? textTooltip(help->pos()) : QString();
        if (!tip.isEmpty())
            QToolTip::showText(help->globalPos(), tip, viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

std::pair<int, int> ArticleTextView::visibleRange() const {
    // The scroll position is a block; walk down from it until the viewport is full.
    QTextBlock block = firstVisibleBlock();
    const int top = block.position();
    qreal height = 0;
    while (block.isValid() && height < viewport()->height()) {
        height += blockBoundingRect(block).height();
        block = block.next();
    }
    return {top, block.isValid() ? block.position() : document()->characterCount()};
}

void ArticleTextView::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    Q_EMIT resized();
}

void ArticleTextView::mouseReleaseEvent(QMouseEvent* event) {
    QPlainTextEdit::mouseReleaseEvent(event);
    // A plain click (no words selected) on a highlight selects its claim.
    if (claimAtPoint && !textCursor().hasSelection())
        if (const std::int64_t id = claimAtPoint(event->position().toPoint()))
            Q_EMIT claimClicked(id);
}

void ArticleTextView::mouseDoubleClickEvent(QMouseEvent* event) {
    QPlainTextEdit::mouseDoubleClickEvent(event);
    if (textCursor().hasSelection())
        Q_EMIT wordDoubleClicked();
}

void ArticleTextView::contextMenuEvent(QContextMenuEvent* event) {
    const std::int64_t id = claimAtPoint ? claimAtPoint(viewport()->mapFrom(this, event->pos())) : 0;
    // Over a claim with no words selected, the click makes it current, as a left click does; with words
    // selected (to re-anchor), the current claim stays, and its actions are offered only over it.
    bool overCurrent = false;
    if (id && !textCursor().hasSelection()) {
        Q_EMIT claimClicked(id);
        overCurrent = true;
    } else if (id && currentClaim) {
        overCurrent = currentClaim() == id;
    }
    QMenu* menu = createStandardContextMenu(event->pos());
    menu->addSeparator();
    menu->addActions(textActions);
    if (overCurrent) {
        menu->addSeparator();
        menu->addActions(claimActions);
    }
    menu->exec(event->globalPos());
    delete menu;
}

ReaderView::ReaderView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_text(new ArticleTextView(this)),
      m_findBar(new QWidget(this)), m_findEdit(new QLineEdit(m_findBar)), m_findStatus(new QLabel(m_findBar)),
      m_hint(new QLabel(this)), m_legend(new QLabel(this)) {
    m_legend->setObjectName(QStringLiteral("readerLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_legend->hide();
    m_hint->setObjectName(QStringLiteral("readerEmptyHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::RichText);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setContentsMargins(48, 24, 48, 24);
    m_hint->hide();
    m_title->setObjectName(QStringLiteral("readerTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_text->setObjectName(QStringLiteral("readerText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setMouseTracking(true);
    // The UTF-16 position of the character under a point of the widget, or -1 where there is no text.
    const auto positionAt = [this](QPoint point) {
        const QTextCursor cursor = m_text->cursorForPosition(point);
        // cursorForPosition gives the nearest gap; only count a point that is really over text.
        const QRect caret = m_text->cursorRect(cursor);
        if (std::abs(point.y() - caret.center().y()) > caret.height())
            return -1;
        const bool rightOfGap = point.x() >= caret.x();
        return cursor.position() - (rightOfGap ? 0 : 1);
    };
    m_text->claimAtPoint = [this, positionAt](QPoint point) {
        const int position = positionAt(point);
        return position < 0 ? std::int64_t{0} : claimAtPosition(position);
    };
    m_text->textTooltip = [this, positionAt](QPoint point) {
        const int position = positionAt(point);
        return position < 0 ? QString() : changeAtPosition(position);
    };
    m_text->currentClaim = [this] { return m_selectedClaim; };
    m_text->claimTooltip = [this](std::int64_t id) {
        const auto it = std::find_if(m_highlights.begin(), m_highlights.end(),
                                     [id](const Highlight& h) { return h.claimId == id; });
        return it == m_highlights.end() ? QString() : it->tooltip;
    };

    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find in article"));
    m_findEdit->setClearButtonEnabled(true);
    auto* previous = new QToolButton(m_findBar);
    previous->setText(tr("Previous"));
    auto* next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    auto* close = new QToolButton(m_findBar);
    close->setText(tr("Close"));
    auto* findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(close);
    m_findBar->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_legend);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_hint, 1);
    layout->addWidget(m_findBar);

    connect(m_text, &ArticleTextView::claimClicked, this, &ReaderView::claimClicked);
    connect(m_text, &ArticleTextView::wordDoubleClicked, this, &ReaderView::wordDoubleClicked);
    // Every scroll, however it came about (QPlainTextEdit moves its scroll bar with signals blocked when it
    // follows the cursor), is an update request with a vertical offset.
    connect(m_text, &QPlainTextEdit::updateRequest, this, [this](const QRect&, int dy) {
        if (dy != 0)
            applyHighlights();
    });
    connect(m_text, &ArticleTextView::resized, this, &ReaderView::applyHighlights);
    connect(m_text, &QPlainTextEdit::selectionChanged, this, &ReaderView::selectionChanged);
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { find(false); });
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] { m_findStatus->clear(); });
    connect(next, &QToolButton::clicked, this, [this] { find(false); });
    connect(previous, &QToolButton::clicked, this, [this] { find(true); });
    connect(close, &QToolButton::clicked, m_findBar, &QWidget::hide);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_findBar);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        m_findBar->hide();
        m_text->setFocus();
    });
    auto* findPrevious = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), m_findEdit);
    findPrevious->setContext(Qt::WidgetShortcut);
    connect(findPrevious, &QShortcut::activated, this, [this] { find(true); });
}

void ReaderView::showArticle(std::int64_t articleId, const QString& title, const std::string& text) {
    m_articleId = articleId;
    m_selectedClaim = 0;
    m_highlights.clear();
    m_suggestions.clear();
    m_searchMatches.clear();
    m_changes.clear();
    m_title->setText(title);
    m_offsets.emplace(text);
    m_text->setPlainText(QString::fromStdString(text));
    m_text->setExtraSelections({});
    const bool hinting = articleId == 0 && !m_hint->text().isEmpty();
    m_hint->setVisible(hinting);
    m_text->setVisible(!hinting);
}

void ReaderView::setEmptyHint(const QString& hint) {
    m_hint->setText(hint);
    const bool hinting = m_articleId == 0 && !hint.isEmpty();
    m_hint->setVisible(hinting);
    m_text->setVisible(!hinting);
}

void ReaderView::setClaims(const std::vector<ClaimRecord>& claims) {
    m_highlights.clear();
    m_highlights.reserve(claims.size());
    for (const ClaimRecord& claim : claims)
        if (claim.articleId == m_articleId)
            m_highlights.push_back({m_offsets->toUtf16(claim.anchor.range), claim.id, claim.fields.status,
                                    highlightCategory(claim.fields, m_colouring),
                                    claimSummary(claim.fields) +
                                        (claim.page > 0 ? tr("\nPage: %1").arg(claim.page) : QString())});
    std::sort(m_highlights.begin(), m_highlights.end(),
              [](const Highlight& a, const Highlight& b) { return a.range.start < b.range.start; });
    if (std::none_of(m_highlights.begin(), m_highlights.end(),
                     [this](const Highlight& h) { return h.claimId == m_selectedClaim; }))
        m_selectedClaim = 0;
    updateLegend();
    applyHighlights();
}

QColor ReaderView::colourOf(const Highlight& highlight) const {
    return m_colouring == HighlightColouring::Status ? statusColor(highlight.status)
                                                     : categoryColour(highlight.category);
}

QColor ReaderView::highlightColour(std::int64_t claimId) const {
    const auto it = std::find_if(m_highlights.begin(), m_highlights.end(),
                                 [claimId](const Highlight& h) { return h.claimId == claimId; });
    return it == m_highlights.end() ? QColor() : colourOf(*it);
}

// A swatch and a name for each colour the article's highlights have, in the order of the text.
void ReaderView::updateLegend() {
    QStringList entries;
    QSet<QString> seen;
    for (const Highlight& h : m_highlights) {
        const QString name = h.category.isEmpty() ? tr("none") : h.category;
        if (seen.contains(name))
            continue;
        seen.insert(name);
        const QColor c = colourOf(h);
        entries << QStringLiteral(
                       "<span style='background-color: rgba(%1, %2, %3, %4)'>&nbsp;&nbsp;&nbsp;&nbsp;"
                       "</span>&nbsp;%5")
                       .arg(c.red())
                       .arg(c.green())
                       .arg(c.blue())
                       .arg(c.alpha())
                       .arg(name.toHtmlEscaped());
    }
    m_legend->setText(entries.join(QStringLiteral(" &nbsp; ")));
    m_legend->setVisible(!entries.isEmpty());
}

// Only the highlights near what is on screen become extra selections: Qt lays
// out every block an extra selection touches, so handing it all 5,000
// highlights of a long article laid out the whole text (200 ms for 1 MB).
void ReaderView::applyHighlights() {
    constexpr int kMargin =
        4000;  // UTF-16 units around the visible text, so scrolling a little shows colour at once
    const auto [top, bottom] = m_text->visibleRange();
    const int first = top - kMargin;
    const int last = bottom + kMargin;

    QList<QTextEdit::ExtraSelection> selections;
    QTextCursor cursor(m_text->document());
    const auto end = std::upper_bound(m_highlights.begin(), m_highlights.end(), last,
                                      [](int pos, const Highlight& h) { return pos < h.range.start; });
    for (auto it = m_highlights.begin(); it != end; ++it) {
        const Highlight& highlight = *it;
        if (highlight.range.end < first)
            continue;
        QTextEdit::ExtraSelection selection;
        cursor.setPosition(static_cast<int>(highlight.range.start));
        cursor.setPosition(static_cast<int>(highlight.range.end), QTextCursor::KeepAnchor);
        selection.cursor = cursor;
        QColor color = colourOf(highlight);
        if (highlight.claimId == m_selectedClaim) {
            color.setAlpha(std::min(255, color.alpha() * 2));
            selection.format.setFontUnderline(true);
        }
        selection.format.setBackground(color);
        selections.append(selection);
    }
    // Marks ranges near the screen with one format.
    const auto mark = [&](const std::vector<Utf16Range>& ranges, const QTextCharFormat& format) {
        for (const Utf16Range& range : ranges) {
            if (range.end < first || range.start > last)
                continue;
            QTextEdit::ExtraSelection selection;
            cursor.setPosition(static_cast<int>(range.start));
            cursor.setPosition(static_cast<int>(range.end), QTextCursor::KeepAnchor);
            selection.cursor = cursor;
            selection.format = format;
            selections.append(selection);
        }
    };
    // Suggestions: a dashed underline on a faint background, so they never pass for claims.
    QTextCharFormat suggestion;
    suggestion.setBackground(QColor(90, 120, 220, 40));
    suggestion.setUnderlineStyle(QTextCharFormat::DashUnderline);
    suggestion.setUnderlineColor(QColor(70, 100, 210));
    mark(m_suggestions, suggestion);
    // Search matches: a magenta marker over everything, as the words looked for are what is being read
    // now; a colour family no claim highlight has (the statuses are yellow, green, orange and red, the
    // other colourings blues, teals, purples and browns), and underlined besides.
    QTextCharFormat hit;
    hit.setBackground(QColor(255, 128, 230));
    hit.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    hit.setUnderlineColor(QColor(160, 0, 130));
    mark(m_searchMatches, hit);
    // Changes since another version: added words on green, the word after a place words were removed from
    // with a red wave (the words removed are in its tooltip), both beneath the claims' colours.
    std::vector<Utf16Range> added, removed;
    for (const Change& change : m_changes)
        (change.added ? added : removed).push_back(change.range);
    QTextCharFormat addition;
    addition.setBackground(QColor(150, 230, 150, 110));
    addition.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    addition.setUnderlineColor(QColor(20, 140, 40));
    QTextCharFormat removal;
    removal.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    removal.setUnderlineColor(QColor(210, 30, 30));
    removal.setBackground(QColor(240, 120, 120, 70));
    const auto claimsFrom = selections.size();
    mark(added, addition);
    mark(removed, removal);
    std::rotate(selections.begin(), selections.begin() + claimsFrom, selections.end());
    m_text->setExtraSelections(selections);
}

void ReaderView::setChanges(std::vector<ChangeMark> changes) {
    m_changes.clear();
    if (!m_offsets)
        return;
    for (const ChangeMark& change : changes) {
        const QString removed =
            change.removed.size() > 200 ? change.removed.left(200) + u'…' : change.removed;
        m_changes.push_back({m_offsets->toUtf16(change.range), change.added,
                             change.added
                                 ? (removed.isEmpty() ? tr("Added") : tr("Added; it was: %1").arg(removed))
                                 : tr("Removed before this word: %1").arg(removed)});
    }
    std::sort(m_changes.begin(), m_changes.end(),
              [](const Change& a, const Change& b) { return a.range.start < b.range.start; });
    applyHighlights();
}

bool ReaderView::selectNextChange() {
    if (m_changes.empty())
        return false;
    const int from = m_text->textCursor().selectionEnd();
    auto next = std::find_if(m_changes.begin(), m_changes.end(),
                             [from](const Change& change) { return change.range.start >= from; });
    if (next == m_changes.end())
        next = m_changes.begin();
    QTextCursor cursor(m_text->document());
    cursor.setPosition(static_cast<int>(next->range.start));
    cursor.setPosition(static_cast<int>(next->range.end), QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);
    m_text->centerCursor();
    return true;
}

QString ReaderView::changeAtPosition(int position) const {
    for (const Change& change : m_changes)
        if (position >= change.range.start && position < change.range.end)
            return change.tooltip;
    return {};
}

void ReaderView::setSearchMatches(const std::vector<CodePointRange>& matches) {
    m_searchMatches.clear();
    if (m_offsets)
        for (const CodePointRange& match : matches)
            m_searchMatches.push_back(m_offsets->toUtf16(match));
    applyHighlights();
}

void ReaderView::setSuggestions(const std::vector<Suggestion>& suggestions) {
    m_suggestions.clear();
    for (const Suggestion& suggestion : suggestions)
        if (suggestion.articleId == m_articleId && m_offsets)
            m_suggestions.push_back(m_offsets->toUtf16(suggestion.anchor.range));
    std::sort(m_suggestions.begin(), m_suggestions.end(),
              [](const Utf16Range& a, const Utf16Range& b) { return a.start < b.start; });
    applyHighlights();
}

void ReaderView::selectRange(CodePointRange range) {
    if (!m_offsets)
        return;
    const Utf16Range utf16 = m_offsets->toUtf16(range);
    QTextCursor cursor(m_text->document());
    cursor.setPosition(static_cast<int>(utf16.start));
    cursor.setPosition(static_cast<int>(utf16.end), QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);
    m_text->centerCursor();
}

void ReaderView::selectClaim(std::int64_t claimId) {
    m_selectedClaim = claimId;
    applyHighlights();
    const auto it = std::find_if(m_highlights.begin(), m_highlights.end(),
                                 [claimId](const Highlight& h) { return h.claimId == claimId; });
    if (it == m_highlights.end())
        return;
    QTextCursor cursor(m_text->document());
    cursor.setPosition(static_cast<int>(it->range.start));
    cursor.setPosition(static_cast<int>(it->range.end), QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);
    m_text->centerCursor();
}

std::int64_t ReaderView::claimAtPosition(int position) const {
    // The innermost (latest-starting) highlight that covers the position.
    auto it = std::upper_bound(m_highlights.begin(), m_highlights.end(), position,
                               [](int pos, const Highlight& h) { return pos < h.range.start; });
    while (it != m_highlights.begin()) {
        --it;
        if (position < it->range.end)
            return it->claimId;
        if (m_highlights.end() - it > 64)
            break;  // highlights rarely nest deeper; do not scan the whole article
    }
    return 0;
}

QRect ReaderView::selectionScreenRect() const {
    const QTextCursor selection = m_text->textCursor();
    if (!selection.hasSelection())
        return {};
    QTextCursor start = selection, end = selection;
    start.setPosition(selection.selectionStart());
    end.setPosition(selection.selectionEnd());
    const QRect area = m_text->cursorRect(start).united(m_text->cursorRect(end));
    return QRect(m_text->viewport()->mapToGlobal(area.topLeft()), area.size());
}

std::optional<CodePointRange> ReaderView::selectedRange() const {
    const QTextCursor cursor = m_text->textCursor();
    if (!cursor.hasSelection() || !m_offsets)
        return std::nullopt;
    return m_offsets->toCodePoints(Utf16Range{cursor.selectionStart(), cursor.selectionEnd()});
}

QString ReaderView::selectedText() const {
    // QTextCursor turns line breaks into U+2029; give them back as they are stored.
    return m_text->textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

void ReaderView::showFindBar() {
    m_findBar->show();
    const QString selected = m_text->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_findEdit->setText(selected);
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

void ReaderView::find(bool backwards) {
    const QString needle = m_findEdit->text();
    if (needle.isEmpty())
        return;
    const QTextDocument::FindFlags flags =
        backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_text->find(needle, flags)) {
        m_findStatus->clear();
        return;
    }
    // Wrap around once.
    QTextCursor cursor = m_text->textCursor();
    cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_text->setTextCursor(cursor);
    m_findStatus->setText(m_text->find(needle, flags) ? tr("Wrapped") : tr("Not found"));
}

}  // namespace claimtrack::gui
