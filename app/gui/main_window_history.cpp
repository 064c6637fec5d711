// MainWindow, continued: the project's History pane, and the name changes are recorded under.
#include "history/history_pane.h"
#include "main_window.h"
#include "project_session.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace claimtrack::gui {

namespace {

const QString kUserNameSetting = QStringLiteral("userName");

}  // namespace

void MainWindow::showHistoryPane() {
    // Made on first use. Made with the window, it changed how the saved split between the reader and the
    // claim table came back (as the splitter's 3:2 stretch, not the sizes saved; seen in the layout test,
    // cause not found), whether or not it was shown.
    if (!m_historyDock) {
        m_historyDock = new QDockWidget(tr("History"), this);
        m_historyDock->setObjectName(QStringLiteral("historyDock"));
        m_history = new HistoryPane(m_historyDock);
        m_history->setObjectName(QStringLiteral("historyPane"));
        m_historyDock->setWidget(m_history);
        tabifyDockWidget(m_searchDock, m_historyDock);
        // Read when it comes into sight, and while in sight when the project changes.
        connect(m_historyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible)
                refreshHistory();
        });
        // A change to a claim that still exists opens it.
        connect(m_history->view(), &QTableView::activated, this, [this](const QModelIndex& index) {
            const HistoryEntry& entry = m_history->model().entries()[static_cast<std::size_t>(index.row())];
            if (entry.entity == "claim" && m_session && m_session->project().claim(entry.entityId))
                goToClaim(entry.entityId);
        });
    }
    m_historyDock->show();
    m_historyDock->raise();
    m_history->view()->setFocus();
    refreshHistory();
}

void MainWindow::applySavedUserName() {
    // Changes made from now on are recorded under the name chosen in the app, if one was.
    db::setProgramUserName(QSettings().value(kUserNameSetting).toString().trimmed().toStdString());
}

void MainWindow::refreshHistory() {
    if (!m_historyDock || !m_historyDock->isVisible())
        return;
    if (!m_session)
        return m_history->showEntries({}, tr("Open a project to see its history."));
    HistoryQuery query;
    query.limit = kHistoryShown;
    query.newestFirst = true;
    auto entries = m_session->project().history(query);
    if (!entries)
        return m_history->showEntries({}, errorText(entries.error()));
    const auto count = static_cast<int>(entries->size());
    const QString caption = count == 0              ? tr("No change has been recorded yet.")
                            : count < kHistoryShown ? tr("%n change(s), the newest first.", "", count)
                                                    : tr("The last %n changes, the newest first.", "", count);
    m_history->showEntries(std::move(*entries), caption);
}

void MainWindow::askUserName() {
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("userNameDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Your Name"));
    dialog->setLabelText(tr("The name your changes are recorded under in the history:"));
    // The name this project's changes are recorded under now; a reader's, the name it would be.
    auto current = m_session && !m_session->isReadOnly() ? m_session->project().userName()
                                                         : Result<std::string>(db::defaultUserName());
    dialog->setTextValue(QString::fromStdString(current ? *current : db::defaultUserName()));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& typed) {
        const QString name = typed.simplified();
        if (name.isEmpty())
            return statusBar()->showMessage(tr("A name cannot be empty; the name was not changed."), 5000);
        QSettings().setValue(kUserNameSetting, name);
        db::setProgramUserName(name.toStdString());
        if (m_session && !m_session->isReadOnly())
            if (auto set = m_session->project().setUserName(name.toStdString()); !set)
                return showError(tr("Cannot change your name"), set.error());
        statusBar()->showMessage(tr("Your changes are recorded as %1.").arg(name), 5000);
    });
    dialog->open();
}

}  // namespace claimtrack::gui
