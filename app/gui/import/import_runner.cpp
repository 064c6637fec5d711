#include "import_runner.h"
#include "dialogs.h"
#include "files.h"
#include "project_session.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QProgressDialog>

namespace claimtrack::gui {

ImportSummary importFiles(QWidget* parent, ProjectSession& session, const QStringList& paths,
                          bool keepCopies) {
    ImportSummary summary;
    // Folders are read whole, recursively; what cannot be listed is reported with the failures.
    QStringList files;
    for (const QString& path : paths) {
        if (!QFileInfo(path).isDir()) {
            files << path;
            continue;
        }
        std::vector<std::string> problems;
        const std::vector<std::filesystem::path> found = articleFilesIn(path.toStdString(), problems);
        for (const std::filesystem::path& file : found)
            files << QString::fromStdString(file.string());
        if (found.empty() && problems.empty())
            problems.push_back(path.toStdString() +
                               " has no files to import (text, Markdown, saved web pages or PDFs)");
        for (const std::string& problem : problems)
            summary.failures << QString::fromStdString(problem);
    }
    QProgressDialog progress(QCoreApplication::translate("Import", "Importing articles…"),
                             QCoreApplication::translate("Import", "Cancel"), 0,
                             static_cast<int>(files.size()), parent);
    progress.setObjectName(QStringLiteral("importProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);  // only long batches show it

    // A few files at a time, so the window stays live and Cancel takes effect
    // between chunks; each chunk is committed before the next starts.
    constexpr qsizetype kChunk = 25;
    for (qsizetype first = 0; first < files.size() && !progress.wasCanceled(); first += kChunk) {
        std::vector<ArticleSource> sources;
        for (qsizetype i = first; i < std::min(files.size(), first + kChunk); ++i) {
            const std::string path = files[i].toStdString();
            sources.push_back({path,
                               {},
                               [path] { return readArticleFile(path); },
                               QFileInfo(files[i]).absoluteFilePath().toStdString(),
                               keepCopies});
        }
        auto imported = session.project().importArticles(
            sources, [&](const ArticleSource& source, const Result<ImportedArticle>& article) {
                if (!article)
                    return summary.failures << QString::fromStdString(article.error().message), void();
                (article->alreadyPresent ? summary.existing : summary.imported).push_back(article->id);
                if (const auto& version = article->version) {
                    summary.claimsCarried += version->carried;
                    summary.claimsWaiting += version->figureChanged + version->orphaned;
                    summary.versions.emplace(article->id, *version);
                }
                if (!article->guessedEncoding.empty())
                    summary.guesses << QStringLiteral("%1: %2").arg(
                        QString::fromStdString(std::filesystem::path(source.name).filename().string()),
                        QString::fromStdString(article->guessedEncoding));
            });
        if (!imported) {
            summary.failures << errorText(imported.error());
            break;
        }
        progress.setValue(static_cast<int>(std::min(files.size(), first + kChunk)));
        QCoreApplication::processEvents();
    }
    summary.cancelled = progress.wasCanceled();
    progress.setValue(static_cast<int>(files.size()));

    session.recordImport(summary.imported, summary.versions);
    // A guessed encoding may be wrong, so it is said, with the failures or alone.
    QString guesses;
    if (!summary.guesses.isEmpty())
        guesses = QCoreApplication::translate(
                      "Import", "These files name no encoding and are not UTF-8; they were read in "
                                "the encoding that fits them best. Check their text:\n\n%1")
                      .arg(summary.guesses.join(QLatin1Char('\n')));
    if (!summary.failures.isEmpty())
        MessageBox::information(parent, QCoreApplication::translate("Import", "Some files were not imported"),
                                QCoreApplication::translate(
                                    "Import", "Imported %1 of %2 files. These could not be imported:\n\n%3")
                                        .arg(QLocale().toString(static_cast<qulonglong>(
                                            summary.imported.size() + summary.existing.size())))
                                        .arg(QLocale().toString(static_cast<qulonglong>(files.size())))
                                        .arg(summary.failures.join(QLatin1Char('\n'))) +
                                    (guesses.isEmpty() ? QString() : QStringLiteral("\n\n") + guesses));
    else if (!guesses.isEmpty())
        MessageBox::information(parent, QCoreApplication::translate("Import", "Check the text of some files"),
                                guesses);
    return summary;
}

}  // namespace claimtrack::gui
