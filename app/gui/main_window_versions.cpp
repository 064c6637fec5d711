// MainWindow, continued: the Versions pane. It follows the article in the reader: its versions, the words
// changed since the version chosen (marked in the reader), and the claims of earlier versions that wait for
// the researcher's decision.
#include "background.h"
#include "carry.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "versions/versions_pane.h"

#include <QDockWidget>
#include <QStatusBar>
#include <QTreeWidget>

namespace claimtrack::gui {

namespace {

std::size_t wordCount(std::string_view words) {
    std::size_t count = 0;
    bool inWord = false;
    for (const char c : words) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        count += !space && !inWord;
        inWord = !space;
    }
    return count;
}

// The first or the last word of a range of a text.
CodePointRange edgeWord(const CodePointIndex& text, CodePointRange range, bool first) {
    const std::string_view words = text.slice(range);
    constexpr std::string_view kSpace = " \n\t\r";
    if (first) {
        const std::size_t end = std::min(words.find_first_of(kSpace), words.size());
        return {range.start, range.start + codePointCount(words.substr(0, end))};
    }
    const std::size_t space = words.find_last_of(kSpace);
    const std::size_t start = space == std::string_view::npos ? 0 : space + 1;
    return {range.end - codePointCount(words.substr(start)), range.end};
}

// The newer text's marks for the word diff of two versions: each run of added words, with the words it
// replaced; where words were only removed, the kept word after them (before them at the text's end).
ChangeMarks changeMarks(const VersionDiff& diff, const CodePointIndex& older, const CodePointIndex& newer) {
    ChangeMarks result;
    const std::vector<TextChange>& changes = diff.changes();
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const TextChange& change = changes[i];
        if (change.kind == TextChange::Kind::Kept)
            continue;
        const std::string_view words =
            change.kind == TextChange::Kind::Removed ? older.slice(change.before) : newer.slice(change.after);
        (change.kind == TextChange::Kind::Removed ? result.removed : result.added) += wordCount(words);
        if (change.kind == TextChange::Kind::Added) {
            const bool replaces = i > 0 && changes[i - 1].kind == TextChange::Kind::Removed;
            result.marks.push_back(
                {change.after, true,
                 replaces ? QString::fromStdString(std::string(older.slice(changes[i - 1].before)))
                          : QString()});
            continue;
        }
        if (i + 1 < changes.size() && changes[i + 1].kind == TextChange::Kind::Added)
            continue;  // marked with the words that replaced it
        // The kept word beside the removal: the first of the next run, or at the text's end the last before.
        const bool atEnd = i + 1 == changes.size();
        if (atEnd && i == 0)
            continue;
        const CodePointRange word = edgeWord(newer, changes[atEnd ? i - 1 : i + 1].after, !atEnd);
        result.marks.push_back({word, false, QString::fromStdString(std::string(words))});
    }
    return result;
}

}  // namespace

void MainWindow::showVersionsPane() {
    // Made on first use, as the History pane is (main_window_history.cpp says why).
    if (!m_versionsDock) {
        m_versionsDock = new QDockWidget(tr("Versions"), this);
        m_versionsDock->setObjectName(QStringLiteral("versionsDock"));
        m_versions = new VersionsPane(m_versionsDock);
        m_versions->setObjectName(QStringLiteral("versionsPane"));
        m_versionsDock->setWidget(m_versions);
        tabifyDockWidget(m_searchDock, m_versionsDock);
        connect(m_versionsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible)
                refreshVersions();
            else
                m_reader->setChanges({});
        });
        connect(m_versions, &VersionsPane::versionActivated, this, &MainWindow::showArticle);
        connect(m_versions, &VersionsPane::comparedWithChanged, this, &MainWindow::markChanges);
        connect(m_versions, &VersionsPane::nextChangeAsked, this, [this] { m_reader->selectNextChange(); });
        // Queued: showing the version the claim waits on refreshes the pane, which must not happen inside
        // the list's own signal.
        connect(m_versions, &VersionsPane::waitingSelected, this, &MainWindow::showWaitingClaim,
                Qt::QueuedConnection);
        connect(m_versions, &VersionsPane::decided, this, [this](qint64 claimId, CarryDecision decision) {
            const QString quote =
                m_versions->selectedWaiting()
                    ? ProjectSession::claimLabel(m_versions->selectedWaiting()->claim.anchor.quote.exact)
                    : QString();
            if (auto done = m_session->resolveCarry(claimId, decision); !done)
                return showError(tr("Cannot decide on the claim"), done.error());
            statusBar()->showMessage(
                decision == CarryDecision::Move ? tr("Moved claim %1 to the newer version "
                                                     "with its new figure.")
                                                      .arg(quote)
                : decision == CarryDecision::Keep ? tr("Kept claim %1 on its version.").arg(quote)
                                                  : tr("Rejected the words proposed for claim "
                                                       "%1; it stays on its version, orphaned.")
                                                        .arg(quote),
                5000);
            m_versions->waitingList()->setFocus();
        });
    }
    m_versionsDock->show();
    m_versionsDock->raise();
    refreshVersions();
    QWidget* list = m_versions->waitingList()->topLevelItemCount() > 0
                        ? static_cast<QWidget*>(m_versions->waitingList())
                        : m_versions->versionList();
    list->setFocus();
}

void MainWindow::refreshVersions() {
    if (!m_versionsDock || !m_versionsDock->isVisible() || !m_session)
        return;
    const std::int64_t shown = m_reader->articleId();
    if (shown == 0)
        return m_versions->showVersions({}, 0, {});
    auto versions = m_session->project().articleVersions(shown);
    auto waiting = m_session->project().pendingCarries(shown);
    if (!versions || !waiting)
        return showError(tr("Cannot read the article's versions"),
                         !versions ? versions.error() : waiting.error());
    m_versions->showVersions(std::move(*versions), shown, std::move(*waiting));
    markChanges();
}

void MainWindow::markChanges() {
    const std::int64_t since = m_versions ? m_versions->comparedWith() : 0;
    if (m_marking)
        m_marking->cancel();  // the marks asked for before are of another article or version
    m_reader->setChanges({});
    if (since == 0 || !m_session)
        return;
    if (!m_marking)
        m_marking = std::make_unique<BackgroundRead<ChangeMarks>>(this, m_session->path());
    m_versions->showComparing();
    const std::int64_t shown = m_reader->articleId();
    m_marking->run(
        [since, shown](Project& project) -> Result<ChangeMarks> {
            auto older = project.articleText(since);
            auto newer = project.articleText(shown);
            if (!older || !newer)
                return !older ? older.error() : newer.error();
            const CodePointIndex olderIndex(*older), newerIndex(*newer);
            return changeMarks(VersionDiff(olderIndex, newerIndex), olderIndex, newerIndex);
        },
        [this, shown](Result<ChangeMarks> marks) {
            if (!marks)
                return showError(tr("Cannot compare the versions"), marks.error());
            if (m_reader->articleId() != shown)
                return;
            m_reader->setChanges(marks->marks);
            m_versions->setChangeCount(marks->added, marks->removed);
        });
}

bool MainWindow::isMarkingChanges() const {
    return m_marking && m_marking->busy();
}

// Shows the words a waiting claim would move to (a changed figure, in the newer version), or the claim on its
// own version (orphaned).
void MainWindow::showWaitingClaim() {
    const PendingCarry* carry = m_versions->selectedWaiting();
    if (!carry)
        return;
    const bool proposed = carry->kind == CarryKind::FigureChanged;
    const PendingCarry shown = *carry;  // showing another version refreshes the pane
    showArticle(proposed ? shown.articleId : shown.claim.articleId);
    if (proposed)
        m_reader->selectRange(shown.range);
    else
        m_reader->selectClaim(shown.claim.id);
}

}  // namespace claimtrack::gui
