// MainWindow, continued: its actions, the menus that hold them, and when each is enabled.
#include "articles/article_list.h"
#include "conflicts/compare_view.h"
#include "dialogs.h"
#include "figures/suggestion_pane.h"
#include "help.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "search/search_pane.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QUndoGroup>

namespace claimtrack::gui {

void MainWindow::createActions() {
    auto action = [this](const QString& name, const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newProject = action(QStringLiteral("actionNewProject"), tr("&New Project…"), QKeySequence::New, [this] {
        const QString path = FileDialog::saveFile(this, tr("New project"), QStringLiteral("research.claims"),
                                                  tr("Claimtrack projects (*.claims)"));
        if (!path.isEmpty())
            openProject(path, true);
    });
    m_openProject =
        action(QStringLiteral("actionOpenProject"), tr("&Open Project…"), QKeySequence::Open, [this] {
            const QString path =
                FileDialog::openFile(this, tr("Open project"), tr("Claimtrack projects (*.claims)"));
            if (!path.isEmpty())
                openProject(path);
        });
    m_openSharedProject =
        action(QStringLiteral("actionOpenSharedProject"), tr("Open Sh&ared Project…"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), &MainWindow::askSharedProject);
    m_openSharedProject->setToolTip(tr("Open a project on a PostgreSQL server"));
    m_import = action(QStringLiteral("actionImport"), tr("&Import Articles…"),
                      QKeySequence(Qt::CTRL | Qt::Key_I), &MainWindow::importArticles);
    m_importFolder = action(QStringLiteral("actionImportFolder"), tr("Import &Folder…"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), &MainWindow::importFolder);
    m_mergeProject = action(QStringLiteral("actionMergeProject"), tr("&Merge Project…"), QKeySequence(),
                            &MainWindow::mergeProject);
    m_mergeProject->setToolTip(tr("Bring another project, or a project file, into this one"));
    m_keepCopies =
        action(QStringLiteral("actionKeepCopies"), tr("&Keep Copies of Imported Files"), QKeySequence(),
               [](bool on) { QSettings().setValue(QStringLiteral("keepCopies"), on); });
    m_keepCopies->setCheckable(true);
    m_keepCopies->setChecked(QSettings().value(QStringLiteral("keepCopies"), true).toBool());
    m_keepCopies->setToolTip(
        tr("Keep each imported file's bytes in the project; otherwise its path and hash"));
    m_exportAll = action(QStringLiteral("actionExportAll"), tr("&Export All Claims to CSV…"), QKeySequence(),
                         [this] { exportClaims(false); });
    m_exportFiltered = action(QStringLiteral("actionExportFiltered"), tr("Export &Shown Claims to CSV…"),
                              QKeySequence(), [this] { exportClaims(true); });
    m_exportConflicts = action(QStringLiteral("actionExportConflicts"), tr("Export &Conflicts to CSV…"),
                               QKeySequence(), &MainWindow::exportConflicts);
    m_exportWorkbook =
        action(QStringLiteral("actionExportWorkbook"), tr("Export Project to E&xcel Workbook…"),
               QKeySequence(), &MainWindow::exportWorkbook);
    m_exportWorkbook->setToolTip(tr("Claims, conflicts, metrics, sources and articles, a sheet each"));
    m_exportQda = action(QStringLiteral("actionExportQda"), tr("Export Project for Q&DA Software…"),
                         QKeySequence(), &MainWindow::exportQdaProject);
    m_exportQda->setToolTip(
        tr("A REFI-QDA project (.qdpx) for QualCoder, NVivo, ATLAS.ti or MAXQDA: articles, "
           "and claims as coded selections"));
    m_exportWhole = action(QStringLiteral("actionExportProjectFile"), tr("Export &Project File…"),
                           QKeySequence(), &MainWindow::exportWholeProject);
    m_exportWhole->setToolTip(tr("Everything in the project, as one JSON file another project can merge"));
    m_exportReviews = action(QStringLiteral("actionExportClaimReviews"), tr("Export Claim Re&views…"),
                             QKeySequence(), &MainWindow::exportClaimReviews);
    m_exportReport = action(QStringLiteral("actionExportReport"), tr("Export Report as &HTML or PDF…"),
                            QKeySequence(), &MainWindow::exportReport);
    m_exportReport->setToolTip(
        tr("Per metric its chart, claims, conflicts and verdicts, and the articles cited: "
           "a web page (.html) or a PDF document (.pdf)"));
    m_printReport = action(QStringLiteral("actionPrintReport"), tr("Prin&t Report…"), QKeySequence::Print,
                           &MainWindow::printReport);
    m_exportReviews->setToolTip(tr(
        "The judged claims as ClaimReview markup (JSON-LD) for search engines and fact-check aggregators"));
    m_showCompare = action(QStringLiteral("actionCompare"), tr("&Compare Figures"),
                           QKeySequence(Qt::CTRL | Qt::Key_K), &MainWindow::compareCurrentClaimsMetric);
    m_searchProject = action(QStringLiteral("actionSearch"), tr("&Search Project…"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] {
                                 if (!m_search)
                                     return;
                                 m_searchDock->show();
                                 m_searchDock->raise();
                                 m_search->searchBox()->setFocus();
                                 m_search->searchBox()->selectAll();
                             });
    m_record = action(QStringLiteral("actionRecordClaim"), tr("&Record Claim from Selection"),
                      QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::recordClaim);
    m_edit = action(QStringLiteral("actionEditClaim"), tr("&Edit Claim…"), QKeySequence(Qt::Key_F2),
                    &MainWindow::editCurrentClaim);
    m_delete = action(QStringLiteral("actionDeleteClaim"), tr("&Delete Claim"), QKeySequence::Delete,
                      &MainWindow::deleteCurrentClaim);
    m_reanchor = action(QStringLiteral("actionReanchorClaim"), tr("Re-&anchor Claim to Selection"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &MainWindow::reanchorCurrentClaim);
    m_find = action(QStringLiteral("actionFind"), tr("&Find in Article…"), QKeySequence::Find,
                    [this] { m_reader->showFindBar(); });
    m_findFigures = action(QStringLiteral("actionFindFigures"), tr("Find &Figures in Article"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), [this] {
                               if (!m_suggestions)
                                   return;
                               m_suggestionDock->show();
                               m_suggestionDock->raise();
                               m_suggestions->findFigures();
                               m_suggestions->list()->setFocus();
                           });
    m_findOnImport =
        action(QStringLiteral("actionFindFiguresOnImport"), tr("Find Figures on &Import"), QKeySequence(),
               [](bool on) { QSettings().setValue(QStringLiteral("findOnImport"), on); });
    m_findOnImport->setCheckable(true);
    m_articleDetails = action(QStringLiteral("actionArticleDetails"), tr("Article &Details…"),
                              QKeySequence(Qt::Key_F2), &MainWindow::editArticleDetails);
    m_articleDetails->setToolTip(tr("Title, author, publisher, URL, date and memo of the selected article"));
    m_deleteArticle = action(QStringLiteral("actionDeleteArticle"), tr("De&lete Article"),
                             QKeySequence::Delete, &MainWindow::deleteCurrentArticle);
    m_projectMemo = action(QStringLiteral("actionProjectMemo"), tr("Project &Memo…"),
                           QKeySequence(Qt::CTRL | Qt::Key_M), &MainWindow::editProjectMemo);
    m_projectSettings = action(QStringLiteral("actionProjectSettings"), tr("Project Se&ttings…"),
                               QKeySequence(), &MainWindow::editProjectSettings);
    m_projectSettings->setToolTip(tr("Who publishes the project's fact-checks"));
    m_findOnImport->setChecked(QSettings().value(QStringLiteral("findOnImport"), false).toBool());
    m_showHistory = action(QStringLiteral("actionHistory"), tr("&History"),
                           QKeySequence(Qt::CTRL | Qt::Key_H), &MainWindow::showHistoryPane);
    m_showHistory->setToolTip(tr("Who changed which claim, source, metric or verdict, and when"));
    m_showVersions = action(QStringLiteral("actionVersions"), tr("&Versions"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), &MainWindow::showVersionsPane);
    m_showVersions->setToolTip(tr("The article's versions, the words changed since an earlier one, and the "
                                  "claims waiting after a new version"));
    m_userName =
        action(QStringLiteral("actionUserName"), tr("Your &Name…"), QKeySequence(), &MainWindow::askUserName);
    m_userName->setToolTip(tr("The name your changes are recorded under in the history"));
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newProject);
    file->addAction(m_openProject);
    file->addAction(m_openSharedProject);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(m_import);
    file->addAction(m_importFolder);
    file->addAction(m_mergeProject);
    file->addAction(m_keepCopies);
    file->addAction(m_exportAll);
    file->addAction(m_exportFiltered);
    file->addAction(m_exportConflicts);
    file->addAction(m_exportWorkbook);
    file->addAction(m_exportQda);
    file->addAction(m_exportWhole);
    file->addAction(m_exportReport);
    file->addAction(m_exportReviews);
    file->addAction(m_printReport);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    updateRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoGroup->createUndoAction(this, tr("Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setProperty(kShortcutNameProperty, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undoGroup->createRedoAction(this, tr("Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setProperty(kShortcutNameProperty, tr("Redo"));
    // Not QKeySequence::Redo beside it: on Linux that is Ctrl+Shift+Z again, and a key bound twice is
    // ambiguous to Qt, so neither worked.
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_find);
    edit->addAction(m_searchProject);
    edit->addSeparator();
    edit->addAction(m_showHistory);
    edit->addAction(m_userName);

    m_claimMenu = menuBar()->addMenu(tr("&Claim"));
    m_claimMenu->addAction(m_record);
    m_claimMenu->addAction(m_edit);
    m_claimMenu->addAction(m_reanchor);
    m_claimMenu->addAction(m_delete);
    m_claimMenu->addSeparator();
    m_claimMenu->addAction(m_findFigures);
    m_claimMenu->addAction(m_findOnImport);

    // F2 and Delete act on the article only where the keyboard is in the article list (elsewhere they
    // act on claims).
    QMenu* article = menuBar()->addMenu(tr("&Article"));
    article->addAction(m_articleDetails);
    article->addAction(m_deleteArticle);
    article->addAction(m_showVersions);
    article->addSeparator();
    article->addAction(m_projectMemo);
    article->addAction(m_projectSettings);
    for (QAction* articleAction : {m_articleDetails, m_deleteArticle}) {
        articleAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        articleAction->setProperty(kShortcutWhereProperty, tr("Article list"));
        m_articles->view()->addAction(articleAction);
    }
    for (QAction* claimAction : {m_edit, m_delete})
        claimAction->setProperty(kShortcutWhereProperty, tr("Reader, claim table"));
    m_articles->view()->setContextMenuPolicy(Qt::ActionsContextMenu);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_articleDock->toggleViewAction());
    view->addAction(m_sourceDock->toggleViewAction());
    view->addAction(m_metricDock->toggleViewAction());
    view->addAction(m_tagDock->toggleViewAction());
    view->addAction(m_suggestionDock->toggleViewAction());
    view->addAction(m_conflictDock->toggleViewAction());
    view->addAction(m_searchDock->toggleViewAction());
    view->addSeparator();
    // Highlights coloured by status (the default), source, metric or tag; the reader shows a legend.
    QMenu* colouring = view->addMenu(tr("Colour &Highlights By"));
    colouring->setObjectName(QStringLiteral("colouringMenu"));
    auto* colourings = new QActionGroup(this);
    const int chosen = QSettings().value(QStringLiteral("highlightColouring"), 0).toInt();
    const std::pair<HighlightColouring, QString> kinds[] = {{HighlightColouring::Status, tr("&Status")},
                                                            {HighlightColouring::Source, tr("S&ource")},
                                                            {HighlightColouring::Metric, tr("&Metric")},
                                                            {HighlightColouring::Tag, tr("&Tag")}};
    for (const auto& [kind, name] : kinds) {
        QAction* action = colouring->addAction(name);
        action->setObjectName(QStringLiteral("actionColourBy%1").arg(static_cast<int>(kind)));
        action->setCheckable(true);
        action->setChecked(static_cast<int>(kind) == chosen);
        colourings->addAction(action);
        connect(action, &QAction::triggered, this, [this, kind] {
            QSettings().setValue(QStringLiteral("highlightColouring"), static_cast<int>(kind));
            m_reader->setColouring(kind);
            reloadReaderClaims();
        });
    }
    m_reader->setColouring(static_cast<HighlightColouring>(std::clamp(chosen, 0, 3)));
    view->addSeparator();
    view->addAction(m_showCompare);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto* dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    QAction* guide = help->addAction(tr("&User Guide"), this, [this] {
        auto* dialog = new UserGuideDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();  // not modal: read beside the window
    });
    guide->setObjectName(QStringLiteral("actionUserGuide"));
    QAction* about = help->addAction(tr("&About Claimtrack"), this, [this] {
        auto* dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::updateActions() {
    const bool open = m_session != nullptr;
    // What the user may do: a project open to read changes nothing; on a server, a reviewer sets statuses
    // and verdicts, an annotator changes articles and claims, an owner also the settings. Each action that
    // is not the user's is disabled, and says why.
    const auto may = [&](ProjectRole needed, std::initializer_list<QAction*> actions) {
        const QString why = open ? m_session->whyNot(needed) : QString();
        for (QAction* action : actions)
            action->setStatusTip(why);
        return open && why.isEmpty();
    };
    const bool annotating =
        may(ProjectRole::Annotator, {m_import, m_importFolder, m_mergeProject, m_record, m_reanchor, m_delete,
                                     m_findFigures, m_articleDetails, m_deleteArticle, m_projectMemo});
    const bool reviewing = may(ProjectRole::Reviewer, {m_edit});
    const bool owning = may(ProjectRole::Owner, {m_projectSettings});
    const bool selection = annotating && m_reader->selectedRange().has_value();
    const bool reading = annotating && m_reader->articleId() != 0;
    m_import->setEnabled(annotating);
    m_importFolder->setEnabled(annotating);
    m_mergeProject->setEnabled(annotating);
    m_showVersions->setEnabled(open);
    m_exportAll->setEnabled(open);
    m_exportFiltered->setEnabled(open);
    m_exportConflicts->setEnabled(open);
    m_exportWorkbook->setEnabled(open && !m_exporting);
    m_exportQda->setEnabled(open && !m_exporting);
    m_exportWhole->setEnabled(open && !m_exporting);
    m_exportReviews->setEnabled(open && !m_exporting);
    m_exportReport->setEnabled(open && !m_exporting);
    m_printReport->setEnabled(open && !m_exporting);
    m_showCompare->setEnabled(open);
    m_searchProject->setEnabled(open);
    m_record->setEnabled(reading);  // without a selection it says what to do
    m_reanchor->setEnabled(selection && m_currentClaim != 0);
    m_edit->setEnabled(reviewing && m_currentClaim != 0);
    m_findFigures->setEnabled(reading);
    m_delete->setEnabled(annotating && m_currentClaim != 0);
    const bool article = annotating && m_articles->currentArticle() != 0;
    m_articleDetails->setEnabled(article);
    m_deleteArticle->setEnabled(article);
    m_projectMemo->setEnabled(annotating);
    m_projectSettings->setEnabled(owning);
}

}  // namespace claimtrack::gui
