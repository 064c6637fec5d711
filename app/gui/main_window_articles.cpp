// MainWindow, continued: the researcher's keeping of articles (details, memo, deletion) and of the
// project's memo.
#include "articles/article_list.h"
#include "articles/details_dialogs.h"
#include "dialogs.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"

#include <QAction>
#include <QStatusBar>
#include <QTableView>

namespace claimtrack::gui {

void MainWindow::editArticleDetails() {
    const std::int64_t id = m_articles->currentArticle();
    if (!m_session || id == 0)
        return;
    auto article = m_session->project().article(id);
    if (!article)
        return showError(tr("Cannot edit the article"), article.error());
    auto* dialog = new ArticleDetailsDialog(
        *article,
        [this, id](const ArticleMeta& meta, const QString& memo) {
            return m_session->setArticleDetails(id, meta, memo);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::deleteCurrentArticle() {
    const std::int64_t id = m_articles->currentArticle();
    if (!m_session || id == 0)
        return;
    auto article = m_session->project().article(id);
    if (!article)
        return showError(tr("Cannot delete the article"), article.error());
    const QString title = QString::fromStdString(article->meta.title);
    const QString undo = QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText);
    // Only an article with claims asks first: deleting one without is a step as small as its import.
    if (article->claimCount > 0 &&
        MessageBox::question(this, tr("Delete article"),
                             tr("Delete “%1” with its %Ln claim(s)? %2 brings them back.", nullptr,
                                static_cast<int>(article->claimCount))
                                 .arg(title, undo)) != QMessageBox::Yes)
        return;
    if (auto deleted = m_session->deleteArticles({id}, true); !deleted)
        return showError(tr("Cannot delete the article"), deleted.error());
    statusBar()->showMessage(tr("“%1” deleted (%2 to undo).").arg(title, undo), 5000);
}

void MainWindow::editProjectMemo() {
    if (!m_session)
        return;
    auto memo = m_session->project().projectMemo();
    if (!memo)
        return showError(tr("Cannot read the project's memo"), memo.error());
    auto* dialog = new ProjectMemoDialog(
        QString::fromStdString(*memo),
        [this](const QString& text) { return m_session->setProjectMemo(text); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::editProjectSettings() {
    if (!m_session)
        return;
    auto settings = m_session->project().publishingSettings();
    if (!settings)
        return showError(tr("Cannot read the project's settings"), settings.error());
    auto* dialog = new ProjectSettingsDialog(
        *settings,
        [this](const PublishingSettings& given) { return m_session->setPublishingSettings(given); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::updateEmptyHint() {
    if (m_articles->model()->rowCount() > 0 || !m_session)
        return m_reader->setEmptyHint({});
    const auto key = [](const QAction* action) {
        return action->shortcut().toString(QKeySequence::NativeText);
    };
    m_reader->setEmptyHint(
        !m_session->whyNot(ProjectRole::Annotator).isEmpty()
            ? tr("<h3>This project has no articles</h3><p>%1</p>")
                  .arg(m_session->whyNot(ProjectRole::Annotator).toHtmlEscaped())
            : tr("<h3>This project has no articles yet</h3>"
                 "<p>Import articles with <b>File ▸ Import Articles</b> (%1) or a whole folder (%2), or drop "
                 "files and folders here: plain text, Markdown, saved web pages and PDFs.</p>"
                 "<p>Then select the words that carry a figure and press %3 to record a claim, or let "
                 "<b>Claim ▸ Find Figures in Article</b> (%4) find them for you.</p>"
                 "<p>%5 lists every key.</p>")
                  .arg(key(m_import), key(m_importFolder), key(m_record), key(m_findFigures),
                       QKeySequence(QKeySequence::HelpContents).toString(QKeySequence::NativeText)));
}

}  // namespace claimtrack::gui
