// MainWindow, continued: the project written out, as CSV, an Excel workbook or a REFI-QDA archive.
#include "background.h"
#include "claims/claim_table.h"
#include "claims/claim_table_model.h"
#include "dialogs.h"
#include "export/csv_export.h"
#include "files.h"
#include "main_window.h"
#include "project_file.h"
#include "project_session.h"
#include "qdpx.h"
#include "workbook.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace claimtrack::gui {

void MainWindow::exportClaims(bool onlyFiltered) {
    if (!m_session)
        return;
    const QString path =
        FileDialog::saveFile(this, onlyFiltered ? tr("Export shown claims") : tr("Export all claims"),
                             QStringLiteral("claims.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const std::vector<std::int64_t> ids = m_claimTable->model()->claimIds();
    auto written = exportClaimsCsv(m_session->project(), path, onlyFiltered ? &ids : nullptr);
    if (!written)
        return showError(tr("Cannot export"), written.error());
    statusBar()->showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::exportConflicts() {
    if (!m_session)
        return;
    const QString path = FileDialog::saveFile(this, tr("Export conflicts"), QStringLiteral("conflicts.csv"),
                                              tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    auto written = exportConflictsCsv(m_session->project(), path);
    if (!written)
        return showError(tr("Cannot export"), written.error());
    statusBar()->showMessage(tr("Exported %Ln conflict(s) to %1.", nullptr, static_cast<int>(*written))
                                 .arg(QDir::toNativeSeparators(path)),
                             5000);
}

void MainWindow::exportProjectFile(const QString& title, const QString& suffix, const QString& filter,
                                   std::function<Result<QString>(Project&, const QString& path)> write) {
    if (!m_session || m_exporting)
        return;
    const QString path =
        FileDialog::saveFile(this, title, QFileInfo(m_session->path()).completeBaseName() + suffix, filter);
    if (path.isEmpty())
        return;
    // A million claims take seconds: written on another thread, through a connection of its own, while the
    // status bar says so and the action waits.
    m_exporting = true;
    updateActions();  // this export's action, and the other's, wait for it
    statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    auto* watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcher<Result<QString>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_exporting = false;
        updateActions();
        const Result<QString> written = watcher->result();
        if (!written)
            return statusBar()->clearMessage(), showError(tr("Cannot export"), written.error());
        statusBar()->showMessage(*written, 8000);
    });
    const std::filesystem::path project = m_session->path().toStdString();
    watcher->setFuture(QtConcurrent::run(readPool(), [project, path, write = std::move(write)] {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        return opened ? write(*opened, path) : Result<QString>(opened.error());
    }));
}

void MainWindow::exportWorkbook() {
    exportProjectFile(
        tr("Export project to Excel workbook"), QStringLiteral(".xlsx"), tr("Excel workbooks (*.xlsx)"),
        [](Project& project, const QString& path) {
            const auto cut = claimtrack::exportWorkbook(project, path.toStdString());
            if (!cut)
                return Result<QString>(cut.error());
            QString done = tr("Exported the workbook to %1.").arg(QDir::toNativeSeparators(path));
            if (*cut > 0)
                done += QLatin1Char(' ') + tr("%Ln text(s) longer than a cell holds were cut to fit.",
                                              nullptr, static_cast<int>(*cut));
            return Result<QString>(done);
        });
}

void MainWindow::exportQdaProject() {
    exportProjectFile(tr("Export project for QDA software"), QStringLiteral(".qdpx"),
                      tr("REFI-QDA projects (*.qdpx)"), [](Project& project, const QString& path) {
                          const auto counts = exportQdpx(project, path.toStdString());
                          if (!counts)
                              return Result<QString>(counts.error());
                          return Result<QString>(
                              tr("Exported %Ln article(s) and their claims for QDA software to %1.", nullptr,
                                 static_cast<int>(counts->sources))
                                  .arg(QDir::toNativeSeparators(path)));
                      });
}

void MainWindow::exportWholeProject() {
    exportProjectFile(tr("Export project file"), QStringLiteral(".json"),
                      tr("Claimtrack project files (*.json)"), [](Project& project, const QString& path) {
                          auto written = writeFileAtomically(path.toStdString(), [&](std::ostream& out) {
                              return writeProjectFile(project, out);
                          });
                          if (!written)
                              return Result<QString>(written.error());
                          return Result<QString>(
                              tr("Exported the whole project to %1.").arg(QDir::toNativeSeparators(path)));
                      });
}

}  // namespace claimtrack::gui
