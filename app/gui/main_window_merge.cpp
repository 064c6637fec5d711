// MainWindow, continued: another project (or a project file) merged into the open one.
#include "background.h"
#include "dialogs.h"
#include "main_window.h"
#include "project_file.h"
#include "project_session.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace claimtrack::gui {

namespace {

// "1 article(s) added, 12 claim(s) added.": the counts a researcher looks for first; then how many things
// changed on both sides, and whose version is kept.
QString mergeSummary(const MergeReport& report, MergePreference prefer) {
    QStringList parts;
    const auto count = [&](std::size_t n, const char* text) {
        if (n > 0)
            parts << QObject::tr(text, nullptr, static_cast<int>(n));
    };
    count(report.articles.added, "%Ln article(s) added");
    count(report.claims.added, "%Ln claim(s) added");
    count(report.claims.taken, "%Ln claim(s) taken from theirs");
    count(report.verdicts.added, "%Ln verdict(s) added");
    count(report.carries.added, "%Ln claim(s) waiting on a newer version");
    QString summary = parts.isEmpty() ? QObject::tr("nothing new: everything is here already.")
                                      : parts.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (!report.conflicts.empty()) {
        const int n = static_cast<int>(report.conflicts.size());
        summary +=
            QLatin1Char(' ') + (prefer == MergePreference::Ours
                                    ? QObject::tr("%Ln changed on both sides: ours kept.", nullptr, n)
                                : prefer == MergePreference::Theirs
                                    ? QObject::tr("%Ln changed on both sides: theirs kept.", nullptr, n)
                                    : QObject::tr("%Ln changed on both sides: the later kept.", nullptr, n));
    }
    return summary;
}

}  // namespace

void MainWindow::mergeProject() {
    if (!m_session || !m_session->whyNot(ProjectRole::Annotator).isEmpty())
        return;
    const QString other =
        FileDialog::openFile(this, tr("Merge project"),
                             tr("Claimtrack projects and project files (*.claims *.json);;All files (*)"));
    if (other.isEmpty())
        return;
    if (QFileInfo(other).canonicalFilePath() == QFileInfo(m_session->path()).canonicalFilePath())
        return showError(tr("Cannot merge"),
                         makeError(ErrorCode::InvalidInput, "a project cannot be merged into itself"));
    const QStringList sides{tr("Keep ours (this project's version)"), tr("Keep theirs"),
                            tr("Keep the one changed last")};
    const std::optional<QString> side =
        InputDialog::item(this, tr("Merge project"),
                          tr("Merge %1 into this project.\nWhere both changed the same claim:")
                              .arg(QFileInfo(other).fileName()),
                          sides);
    if (!side)
        return;
    const MergePreference prefer = *side == sides[1]   ? MergePreference::Theirs
                                   : *side == sides[2] ? MergePreference::Newer
                                                       : MergePreference::Ours;
    // A merge cannot be undone: it is first run as a preview, rolled back, and what it would do is shown.
    runMerge(other, prefer, MergeMode::Preview);
}

void MainWindow::runMerge(const QString& other, MergePreference prefer, MergeMode mode) {
    const QString name = QFileInfo(other).fileName();
    // A large project takes seconds: read on another thread while a busy dialog holds the window, so no
    // edit waits on the merge's transaction.
    auto* busy = new QProgressDialog(mode == MergeMode::Preview ? tr("Reading %1…").arg(name)
                                                                : tr("Merging %1…").arg(name),
                                     QString(), 0, 0, this);
    busy->setWindowTitle(tr("Merge project"));
    busy->setWindowModality(Qt::WindowModal);
    busy->setMinimumDuration(200);
    if (mode == MergeMode::Apply)
        m_session->beginOwnChange();
    auto* watcher = new QFutureWatcher<Result<MergeReport>>(this);
    connect(watcher, &QFutureWatcher<Result<MergeReport>>::finished, this,
            [this, watcher, busy, other, name, prefer, mode] {
                watcher->deleteLater();
                busy->deleteLater();
                if (m_session && mode == MergeMode::Apply)
                    m_session->endOwnChange();
                const Result<MergeReport> merged = watcher->result();
                if (!merged)
                    return showError(tr("Cannot merge %1").arg(name), merged.error());
                if (mode == MergeMode::Preview) {
                    const auto answer = MessageBox::question(
                        this, tr("Merge project"),
                        tr("Merge %1 into this project? A merge cannot be undone.\nIt would do this: %2\n"
                           "Show Details lists it row by row, and each change made on both sides with both "
                           "versions.")
                            .arg(name, mergeSummary(*merged, prefer)),
                        QMessageBox::Yes | QMessageBox::No, QString::fromStdString(describeMerge(*merged)));
                    if (answer == QMessageBox::Yes && m_session)
                        runMerge(other, prefer, MergeMode::Apply);
                    return;
                }
                // The steps before the merge would be undone over what it brought in, and Ctrl+Z would seem
                // to undo the merge while undoing something else: undo starts again from the merged project.
                m_session->undoStack()->clear();
                statusBar()->showMessage(tr("Merged %1: %2").arg(name, mergeSummary(*merged, prefer)), 10000);
            });
    const std::filesystem::path path = m_session->path().toStdString();
    watcher->setFuture(QtConcurrent::run(
        readPool(),
        [path, other = std::filesystem::path(other.toStdString()), prefer, mode]() -> Result<MergeReport> {
            auto ours = Project::open(path);
            return ours ? mergeFrom(*ours, other, prefer, mode) : Result<MergeReport>(ours.error());
        }));
}

}  // namespace claimtrack::gui
