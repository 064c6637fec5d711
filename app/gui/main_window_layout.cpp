// MainWindow, continued: what it remembers between sessions (geometry, dock
// and splitter layout, column widths, recent projects).
#include "articles/article_list.h"
#include "claims/claim_table.h"
#include "main_window.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTableView>

namespace claimtrack::gui {

namespace {
constexpr int kMaxRecent = 8;
const QString kRecentProjectsSetting = QStringLiteral("recentProjects");
}  // namespace

QStringList MainWindow::recentProjects() {
    return QSettings().value(kRecentProjectsSetting).toStringList();
}

void MainWindow::addRecentProject(const QString& path) {
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    QSettings().setValue(kRecentProjectsSetting, recent.mid(0, kMaxRecent));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = recentProjects();
    for (const QString& path : recent)
        m_recentMenu
            ->addAction(isServerLocation(path.toStdString()) ? path : QFileInfo(path).fileName(), this,
                        [this, path] { openProject(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
    settings.setValue(QStringLiteral("centreSplitter"), m_centre->saveState());
    settings.setValue(QStringLiteral("articleHeader"), m_articles->view()->horizontalHeader()->saveState());
    if (m_claimTable)
        settings.setValue(QStringLiteral("claimHeader"),
                          m_claimTable->view()->horizontalHeader()->saveState());
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1400, 860);
    restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
    if (!m_centre->restoreState(settings.value(QStringLiteral("centreSplitter")).toByteArray()))
        m_centre->setSizes({520, 340});
    m_articles->view()->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("articleHeader")).toByteArray());
    if (!settings.contains(QStringLiteral("windowState"))) {
        resizeDocks({m_articleDock}, {440}, Qt::Horizontal);
        resizeDocks({m_articleDock, m_sourceDock}, {330, 420}, Qt::Vertical);
    }
}

}  // namespace claimtrack::gui
