// MainWindow, continued: bringing articles in (files, folders, drops).
#include "dialogs.h"
#include "import/import_runner.h"
#include "main_window.h"
#include "project_session.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QStatusBar>

namespace claimtrack::gui {

void MainWindow::importArticles() {
    if (!m_session)
        return;
    importFileList(FileDialog::openFiles(
        this, tr("Import articles"),
        tr("Articles (*.txt *.md *.markdown *.html *.htm *.xhtml *.pdf);;All files (*)")));
}

void MainWindow::importFolder() {
    if (!m_session)
        return;
    const QString folder = FileDialog::folder(this, tr("Import a folder of articles"));
    if (!folder.isEmpty())
        importFileList({folder});
}

void MainWindow::importFileList(const QStringList& files) {
    if (files.isEmpty() || !m_session)
        return;
    const ImportSummary summary = importFiles(this, *m_session, files, m_keepCopies->isChecked());
    if (m_findOnImport->isChecked() && !summary.imported.empty())
        if (auto found = m_session->findFigures(summary.imported); !found)
            showError(tr("Cannot find figures"), found.error());
    if (!summary.imported.empty())
        showArticle(summary.imported.front());
    QString message = tr("Imported %Ln article(s).", nullptr, static_cast<int>(summary.imported.size()));
    // A newer version moves claims: say so, and where the ones not carried wait.
    if (!summary.versions.empty())
        message += QLatin1Char(' ') +
                   tr("%Ln of them a newer version of an article: %1 claim(s) carried, %2 waiting for you on "
                      "the earlier version (claimtrack-cli carries).",
                      nullptr, static_cast<int>(summary.versions.size()))
                       .arg(summary.claimsCarried)
                       .arg(summary.claimsWaiting);
    statusBar()->showMessage(message, !summary.versions.empty() ? 0 : 5000);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (m_session && m_session->whyNot(ProjectRole::Annotator).isEmpty() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    event->acceptProposedAction();
    importFileList(files);
}

}  // namespace claimtrack::gui
