// MainWindow, continued: the project written out, as CSV, an Excel workbook, a REFI-QDA archive, a project
// file, a report or ClaimReview markup.
#include "background.h"
#include "claim_review.h"
#include "claims/claim_table.h"
#include "claims/claim_table_model.h"
#include "dialogs.h"
#include "export/csv_export.h"
#include "export/report_document.h"
#include "files.h"
#include "main_window.h"
#include "project_file.h"
#include "project_session.h"
#include "qdpx.h"
#include "report.h"
#include "workbook.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPrinter>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <sstream>

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
                                   std::function<Result<ExportDone>(Project&, const QString& path)> write) {
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
    auto* watcher = new QFutureWatcher<Result<ExportDone>>(this);
    connect(watcher, &QFutureWatcher<Result<ExportDone>>::finished, this, [this, watcher, title] {
        watcher->deleteLater();
        m_exporting = false;
        updateActions();
        const Result<ExportDone> written = watcher->result();
        if (!written)
            return statusBar()->clearMessage(), showError(tr("Cannot export"), written.error());
        statusBar()->showMessage(written->message, 8000);
        if (!written->leftOut.isEmpty())
            MessageBox::information(this, title, written->message, written->leftOut);
    });
    const std::filesystem::path project = m_session->path().toStdString();
    watcher->setFuture(QtConcurrent::run(readPool(), [project, path, write = std::move(write)] {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        return opened ? write(*opened, path) : Result<ExportDone>(opened.error());
    }));
}

void MainWindow::exportWorkbook() {
    exportProjectFile(
        tr("Export project to Excel workbook"), QStringLiteral(".xlsx"), tr("Excel workbooks (*.xlsx)"),
        [](Project& project, const QString& path) {
            const auto cut = claimtrack::exportWorkbook(project, path.toStdString());
            if (!cut)
                return Result<ExportDone>(cut.error());
            QString done = tr("Exported the workbook to %1.").arg(QDir::toNativeSeparators(path));
            if (*cut > 0)
                done += QLatin1Char(' ') + tr("%Ln text(s) longer than a cell holds were cut to fit.",
                                              nullptr, static_cast<int>(*cut));
            return Result<ExportDone>(ExportDone{done, {}});
        });
}

void MainWindow::exportQdaProject() {
    exportProjectFile(tr("Export project for QDA software"), QStringLiteral(".qdpx"),
                      tr("REFI-QDA projects (*.qdpx)"), [](Project& project, const QString& path) {
                          const auto counts = exportQdpx(project, path.toStdString());
                          if (!counts)
                              return Result<ExportDone>(counts.error());
                          return Result<ExportDone>(ExportDone{
                              tr("Exported %Ln article(s) and their claims for QDA software to %1.", nullptr,
                                 static_cast<int>(counts->sources))
                                  .arg(QDir::toNativeSeparators(path)),
                              {}});
                      });
}

void MainWindow::exportWholeProject() {
    exportProjectFile(
        tr("Export project file"), QStringLiteral(".json"), tr("Claimtrack project files (*.json)"),
        [](Project& project, const QString& path) {
            auto written = writeFileAtomically(
                path.toStdString(), [&](std::ostream& out) { return writeProjectFile(project, out); });
            if (!written)
                return Result<ExportDone>(written.error());
            return Result<ExportDone>(
                ExportDone{tr("Exported the whole project to %1.").arg(QDir::toNativeSeparators(path)), {}});
        });
}

void MainWindow::exportClaimReviews() {
    exportProjectFile(
        tr("Export claim reviews"), QStringLiteral("-reviews.jsonld"), tr("ClaimReview JSON-LD (*.jsonld)"),
        [](Project& project, const QString& path) {
            ClaimReviewsWritten reviews;
            auto written = writeFileAtomically(path.toStdString(), [&](std::ostream& out) -> Result<void> {
                auto done = writeClaimReviews(project, out);
                if (!done)
                    return done.error();
                reviews = std::move(*done);
                return {};
            });
            if (!written)
                return Result<ExportDone>(written.error());
            ExportDone done{
                tr("Exported %Ln claim review(s) to %1.", nullptr, static_cast<int>(reviews.written))
                    .arg(QDir::toNativeSeparators(path)),
                {}};
            if (!reviews.leftOut.empty()) {
                done.message +=
                    QLatin1Char(' ') +
                    tr("%Ln judged claim(s) left out: their metric's fact-check is not set (Metrics "
                       "pane ▸ Details).",
                       nullptr, static_cast<int>(reviews.leftOut.size()));
                for (const std::string& why : reviews.leftOut)
                    done.leftOut += QString::fromStdString(why) + QLatin1Char('\n');
            }
            return Result<ExportDone>(std::move(done));
        });
}

namespace {

// The report of every metric, as the app writes it: titled by the project's file, numbers in the system's
// locale.
Result<std::string> reportHtml(Project& project, const QString& title) {
    ReportOptions options;
    options.title = title.toStdString();
    options.generatedOn = QDate::currentDate().toString(Qt::ISODate).toStdString();
    options.number = localeNumbers({});
    std::ostringstream html;
    if (auto report = writeReportHtml(project, options, html); !report)
        return report.error();
    return html.str();
}

}  // namespace

void MainWindow::exportReport() {
    if (!m_session)
        return;
    const QString title = tr("Claims: %1").arg(QFileInfo(m_session->path()).fileName());
    exportProjectFile(
        tr("Export report"), QStringLiteral(".html"), tr("Web pages (*.html);;PDF documents (*.pdf)"),
        [title](Project& project, const QString& path) {
            const auto html = reportHtml(project, title);
            if (!html)
                return Result<ExportDone>(html.error());
            const auto written =
                path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive)
                    ? writeReportPdf(*html, path)
                    : writeFileAtomically(path.toStdString(), [&](std::ostream& out) -> Result<void> {
                          out << *html;
                          return {};
                      });
            if (!written)
                return Result<ExportDone>(written.error());
            return Result<ExportDone>(
                ExportDone{tr("Exported the report to %1.").arg(QDir::toNativeSeparators(path)), {}});
        });
}

void MainWindow::printReport() {
    if (!m_session || m_exporting)
        return;
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setDocName(tr("Claims: %1").arg(QFileInfo(m_session->path()).fileName()));
    if (!PrintDialog::ask(this, *printer))
        return;
    m_exporting = true;
    updateActions();
    statusBar()->showMessage(tr("Preparing the report…"));
    auto* watcher = new QFutureWatcher<Result<std::string>>(this);
    connect(watcher, &QFutureWatcher<Result<std::string>>::finished, this, [this, watcher, printer] {
        watcher->deleteLater();
        m_exporting = false;
        updateActions();
        const Result<std::string> html = watcher->result();
        if (!html)
            return statusBar()->clearMessage(), showError(tr("Cannot print"), html.error());
        claimtrack::gui::printReport(*html, *printer);
        statusBar()->showMessage(tr("Printed the report."), 8000);
    });
    const std::filesystem::path project = m_session->path().toStdString();
    watcher->setFuture(QtConcurrent::run(readPool(), [project, title = printer->docName()] {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        return opened ? reportHtml(*opened, title) : Result<std::string>(opened.error());
    }));
}

}  // namespace claimtrack::gui
