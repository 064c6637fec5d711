#include "main_window.h"
#include "articles/article_list.h"
#include "background.h"
#include "claims/claim_editor.h"
#include "claims/claim_table.h"
#include "conflicts/compare_view.h"
#include "conflicts/conflict_list.h"
#include "dialogs.h"
#include "entities/entity_pane.h"
#include "figures/suggestion_pane.h"
#include "import/import_runner.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "search/search_pane.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QUndoGroup>

namespace claimtrack::gui {

namespace {

QString recordHint() {
    return QObject::tr("Select the words that carry a figure, then press %1 to record a claim.")
        .arg(QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText));
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_undoGroup(new QUndoGroup(this)), m_articles(new ArticleList(this)),
      m_reader(new ReaderView(this)), m_tabs(new QTabWidget(this)),
      m_centre(new QSplitter(Qt::Vertical, this)), m_articleDock(new QDockWidget(tr("Articles"), this)),
      m_sourceDock(new QDockWidget(tr("Sources"), this)), m_metricDock(new QDockWidget(tr("Metrics"), this)),
      m_tagDock(new QDockWidget(tr("Tags"), this)), m_suggestionDock(new QDockWidget(tr("Figures"), this)),
      m_conflictDock(new QDockWidget(tr("Conflicts"), this)),
      m_searchDock(new QDockWidget(tr("Search"), this)),
      m_placeholder(new QLabel(tr("Open or create a project from the File menu."), this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Claimtrack"));
    setAcceptDrops(true);
    m_centre->setObjectName(QStringLiteral("centreSplitter"));
    m_centre->addWidget(m_reader);
    m_centre->addWidget(m_placeholder);
    m_centre->setStretchFactor(0, 3);
    m_centre->setStretchFactor(1, 2);
    m_placeholder->setAlignment(Qt::AlignCenter);
    // Reading and comparing each get the whole centre; the compare view is built with a project.
    m_tabs->setObjectName(QStringLiteral("centreTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_centre, tr("Read"));
    m_tabs->addTab(new QLabel(tr("Open a project to compare its figures."), this), tr("Compare"));
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::refreshComparisons);
    connect(m_tabs->tabBar(), &QTabBar::tabBarClicked, this, [this](int index) {
        if (index == 1)
            compareCurrentClaimsMetric();
    });

    m_articleDock->setObjectName(QStringLiteral("articleDock"));
    m_articleDock->setWidget(m_articles);
    m_sourceDock->setObjectName(QStringLiteral("sourceDock"));
    m_metricDock->setObjectName(QStringLiteral("metricDock"));
    m_tagDock->setObjectName(QStringLiteral("tagDock"));
    m_suggestionDock->setObjectName(QStringLiteral("suggestionDock"));
    m_conflictDock->setObjectName(QStringLiteral("conflictDock"));
    m_searchDock->setObjectName(QStringLiteral("searchDock"));
    // Articles above sources and metrics on the left, so the reader and the
    // claim table get the width.
    addDockWidget(Qt::LeftDockWidgetArea, m_articleDock);
    addDockWidget(Qt::LeftDockWidgetArea, m_sourceDock);
    splitDockWidget(m_articleDock, m_sourceDock, Qt::Vertical);
    tabifyDockWidget(m_sourceDock, m_metricDock);
    tabifyDockWidget(m_metricDock, m_tagDock);
    tabifyDockWidget(m_tagDock, m_suggestionDock);
    tabifyDockWidget(m_suggestionDock, m_conflictDock);
    tabifyDockWidget(m_conflictDock, m_searchDock);
    applySavedUserName();
    m_sourceDock->raise();
    connect(m_conflictDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refreshComparisons();
    });

    createActions();
    createMenus();
    m_reader->setContextActions({m_record, m_findFigures}, {m_edit, m_reanchor, m_delete});
    // Edit and Delete act on the claim selected where the keyboard is (the reader or the claim table),
    // never on one selected in a view out of sight; from the Claim menu they act on the current claim.
    for (QAction* claimAction : {m_edit, m_delete}) {
        claimAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_reader->textView()->addAction(claimAction);
    }
    statusBar()->showMessage(recordHint());

    connect(m_articles, &ArticleList::articleSelected, this, &MainWindow::showArticle);
    connect(m_reader, &ReaderView::claimClicked, this, [this](qint64 id) {
        setCurrentClaim(id);
        if (m_claimTable)
            m_claimTable->selectClaim(id);
    });
    connect(m_reader, &ReaderView::selectionChanged, this, &MainWindow::updateActions);
    // A double-click on a number selects its whole figure: "more than 200 million cameras", not "200".
    connect(m_reader, &ReaderView::wordDoubleClicked, this, [this] {
        const auto range = m_reader->selectedRange();
        if (!m_session || !range)
            return;
        if (auto words = m_session->project().figureWordsAt(m_reader->articleId(), *range); words && *words)
            m_reader->selectRange(**words);
    });
    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProject(const QString& path, bool create) {
    auto opened = ProjectSession::open(path, create);
    if (!opened) {
        showError(create ? tr("Cannot create project") : tr("Cannot open project"), opened.error());
        return false;
    }
    if (m_editor)
        m_editor->reject();
    saveLayout();
    m_marking.reset();  // it reads the project it was made for
    m_session = std::move(*opened);
    m_undoGroup->addStack(m_session->undoStack());
    m_undoGroup->setActiveStack(m_session->undoStack());
    connect(m_session.get(), &ProjectSession::changed, this, &MainWindow::onProjectChanged);
    connect(m_session.get(), &ProjectSession::failed, this, [this](const QString& message) {
        MessageBox::critical(this, tr("Could not change the project"), message);
    });
    connect(m_session.get(), &ProjectSession::changedOutside, this,
            [this] { statusBar()->showMessage(outsideChangeMessage(), 5000); });
    // Shown until the connection is back: what is saved is on the server; what fails meanwhile says so.
    const QString server = QString::fromStdString(m_session->project().path().string());
    connect(m_session.get(), &ProjectSession::connectionLost, this, [this, server] {
        statusBar()->showMessage(tr("Lost the connection to %1; connecting again…").arg(server));
    });
    connect(m_session.get(), &ProjectSession::connectionRestored, this, [this, server] {
        statusBar()->showMessage(tr("Connected again to %1; shown as it is now.").arg(server), 10000);
    });
    buildProjectViews();
    // A server is named and remembered by its address without a password; a file by its name and path.
    const bool onServer = isServerLocation(path.toStdString());
    const QString shown = QString::fromStdString(displayedLocation(path.toStdString()));
    const QString name = onServer ? shown : QFileInfo(path).fileName();
    if (m_session->isReadOnly()) {
        setWindowTitle(tr("%1 (read-only) — Claimtrack").arg(name));
        statusBar()->showMessage(m_session->readOnlyReason());
    } else if (const ProjectRole role = m_session->role(); role != ProjectRole::Owner) {
        // On a server, a role short of owner: named in the title, and what it allows said once.
        setWindowTitle(tr("%1 (%2) — Claimtrack").arg(name, ProjectSession::roleName(role)));
        statusBar()->showMessage(m_session->whyNot(ProjectRole::Owner));  // says what the role allows
    } else {
        setWindowTitle(tr("%1 — Claimtrack").arg(name));
    }
    addRecentProject(onServer ? shown : QFileInfo(path).absoluteFilePath());
    return true;
}

void MainWindow::askSharedProject() {
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("sharedProjectDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Open Shared Project"));
    dialog->setLabelText(tr("The project's PostgreSQL server, as a connection URI:\n"
                            "postgresql://db.example.org/newsroom\n\n"
                            "Keep its password in ~/.pgpass or PGPASSWORD: Claimtrack never stores one."));
    // The server opened last, if any: the one a team member most often opens again.
    for (const QString& path : recentProjects())
        if (isServerLocation(path.toStdString())) {
            dialog->setTextValue(path);
            break;
        }
    dialog->resize(560, dialog->sizeHint().height());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& typed) {
        const QString location = typed.trimmed();
        if (!isServerLocation(location.toStdString()))
            return showError(tr("Cannot open project"),
                             makeError(ErrorCode::InvalidInput,
                                       tr("%1 is not a PostgreSQL connection URI: it starts with "
                                          "postgresql:// (File ▸ Open Project… opens a project file)")
                                           .arg(location)
                                           .toStdString()));
        openProject(location);
    });
    dialog->open();
}

void MainWindow::buildProjectViews() {
    m_currentClaim = 0;
    auto* table = new ClaimTable(m_session->project(), m_session->path(), this);
    table->setObjectName(QStringLiteral("claimTable"));
    QWidget* old = m_centre->replaceWidget(1, table);
    old->deleteLater();
    m_placeholder = nullptr;
    m_claimTable = table;
    connect(table, &ClaimTable::claimSelected, this, &MainWindow::goToClaim);
    connect(table, &ClaimTable::claimActivated, this, &MainWindow::editCurrentClaim);
    table->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->view()->addActions({m_edit, m_delete});
    table->setEditable(m_session->role());
    connect(table, &ClaimTable::message, this,
            [this](const QString& text) { statusBar()->showMessage(text); });
    connect(table, &ClaimTable::claimsEdited, this,
            [this](const std::vector<ClaimUpdate>& updates, const QString& what) {
                if (auto edited = m_session->updateClaims(updates); !edited)
                    return showError(tr("Cannot edit claims"), edited.error());
                statusBar()->showMessage(
                    tr("%1 set on %Ln claim(s) (%2 to undo).", nullptr, static_cast<int>(updates.size()))
                        .arg(what, QKeySequence(QKeySequence::Undo).toString()),
                    5000);
            });

    m_sources = new EntityPane(*m_session, EntityKind::Source, this);
    m_metrics = new EntityPane(*m_session, EntityKind::Metric, this);
    m_tags = new EntityPane(*m_session, EntityKind::Tag, this);
    delete m_sourceDock->widget();
    delete m_metricDock->widget();
    delete m_tagDock->widget();
    m_sourceDock->setWidget(m_sources);
    m_metricDock->setWidget(m_metrics);
    m_tagDock->setWidget(m_tags);
    connect(m_tags, &EntityPane::tagSelected, table, &ClaimTable::setTagFilter);
    connect(table, &ClaimTable::tagFilterCleared, m_tags, [this] { m_tags->selectEntity(0); });
    connect(m_sources, &EntityPane::claimActivated, this, &MainWindow::goToClaim);
    m_suggestions = new SuggestionPane(*m_session, this);
    delete m_suggestionDock->widget();
    m_suggestionDock->setWidget(m_suggestions);
    connect(m_suggestions, &SuggestionPane::suggestionSelected, this,
            [this](const Suggestion& suggestion) { m_reader->selectRange(suggestion.anchor.range); });
    connect(m_metrics, &EntityPane::claimActivated, this, &MainWindow::goToClaim);

    m_compare = new CompareView(*m_session, this);
    delete m_tabs->widget(1);
    m_tabs->insertTab(1, m_compare, tr("Compare"));
    m_search = new SearchPane(*m_session, this);
    delete m_searchDock->widget();
    m_searchDock->setWidget(m_search);
    connect(m_search, &SearchPane::resultChosen, this, &MainWindow::showSearchResult);
    connect(m_search, &SearchPane::projectMemoChosen, this, &MainWindow::editProjectMemo);
    m_conflicts = new ConflictList(*m_session, this);
    delete m_conflictDock->widget();
    m_conflictDock->setWidget(m_conflicts);
    // A figure chosen in the compare view opens its article at the words; the compare view stays a tab away.
    connect(m_compare, &CompareView::claimActivated, this, [this](qint64 id) {
        m_tabs->setCurrentIndex(0);
        goToClaim(id);
    });
    connect(m_conflicts, &ConflictList::compareRequested, this, [this](const ConflictRow& conflict) {
        showInCompareView([&] { m_compare->showConflict(conflict); });
    });
    connect(m_metrics, &EntityPane::compareRequested, this,
            [this](qint64 metricId) { showInCompareView([&] { m_compare->showMetric(metricId); }); });
    m_compareStale = m_conflictsStale = true;
    refreshComparisons();
    for (QLineEdit* box : findChildren<QLineEdit*>())
        box->installEventFilter(this);

    QSettings settings;
    table->view()->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("claimHeader")).toByteArray());
    table->view()->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);

    auto articles = m_session->project().articles();
    m_articles->setArticles(articles ? std::move(*articles) : std::vector<Article>());
    updateEmptyHint();
    m_reader->showArticle(0, {}, {});
    if (m_articles->model()->rowCount() > 0)
        m_articles->selectArticle(m_articles->model()->articles().front().id);
    updateActions();
}

void MainWindow::showArticle(std::int64_t articleId) {
    if (!m_session || articleId == m_reader->articleId())
        return;
    auto article = m_session->project().article(articleId);
    auto text = m_session->project().articleText(articleId);
    if (!article || !text)
        return;
    // A claim selected in the article left behind is no longer current: no key may act on it unseen.
    if (m_currentClaim)
        if (auto current = m_session->project().claim(m_currentClaim);
            !current || current->articleId != articleId) {
            m_currentClaim = 0;
            m_claimTable->selectClaim(0);
        }
    m_reader->showArticle(articleId, ArticleListModel::titleOf(*article), *text);
    reloadReaderClaims();
    reloadSuggestions();
    m_claimTable->setCurrentArticle(articleId);
    if (m_articles->currentArticle() != articleId)
        m_articles->selectArticle(articleId);
    refreshVersions();
    updateActions();
}

void MainWindow::searchProject(const QString& query) {
    if (!m_search)
        return;
    m_searchProject->trigger();
    m_search->searchBox()->setText(query);
    m_search->runSearch(true);
}

void MainWindow::showSearchResult(std::int64_t articleId, const QString& query, std::int64_t claimId) {
    m_tabs->setCurrentIndex(0);
    showArticle(articleId);
    auto matches = m_session->project().searchMatches(articleId, query.toStdString());
    if (!matches)
        return showError(tr("Cannot search"), matches.error());
    m_reader->setSearchMatches(*matches);
    if (!matches->empty())
        m_reader->selectRange(matches->front());
    else if (claimId)
        goToClaim(claimId);  // found by its claim's own fields: that claim
}

void MainWindow::reloadReaderClaims() {
    if (!m_session || m_reader->articleId() == 0)
        return;
    auto claims = m_session->project().claims({m_reader->articleId()});
    m_reader->setClaims(claims ? *claims : std::vector<ClaimRecord>());
    if (m_currentClaim)
        m_reader->selectClaim(m_currentClaim);
}

void MainWindow::reloadSuggestions() {
    if (!m_session)
        return;
    m_suggestions->showArticle(m_reader->articleId());
    m_reader->setSuggestions(m_suggestions->suggestions());
}

void MainWindow::goToClaim(std::int64_t claimId) {
    if (!m_session)
        return;
    auto claim = m_session->project().claim(claimId);
    if (!claim)
        return;
    setCurrentClaim(claimId);
    showArticle(claim->articleId);
    m_reader->selectClaim(claimId);
    m_claimTable->selectClaim(claimId);
}

void MainWindow::setCurrentClaim(std::int64_t claimId) {
    m_currentClaim = claimId;
    updateActions();
}

// Names who changed the project when its history names someone other than the user (a colleague on a
// shared project); an import, which the history does not hold, is "another program".
QString MainWindow::outsideChangeMessage() {
    Project& project = m_session->project();
    const auto latest = project.history({.entity = {}, .entityId = 0, .limit = 1, .newestFirst = true});
    const auto own =
        m_session->isReadOnly() ? Result<std::string>(db::defaultUserName()) : project.userName();
    if (latest && !latest->empty() && own && latest->front().user != *own)
        return tr("%1 changed the project; shown as it is now.")
            .arg(QString::fromStdString(latest->front().user));
    return tr("Another program changed the project; shown as it is now.");
}

void MainWindow::onProjectChanged(qint64 articleId) {
    auto articles = m_session->project().articles();
    if (articles)
        m_articles->setArticles(std::move(*articles));
    updateEmptyHint();
    if (m_currentClaim && !m_session->project().claim(m_currentClaim))
        m_currentClaim = 0;
    if (m_reader->articleId() != 0 && !m_session->project().article(m_reader->articleId()))
        m_reader->showArticle(0, {}, {});  // its import was undone
    if (articleId == 0 || articleId == m_reader->articleId()) {
        reloadReaderClaims();
        reloadSuggestions();
    }
    m_claimTable->refresh();
    m_sources->refresh();
    m_metrics->refresh();
    m_tags->refresh();
    m_compareStale = m_conflictsStale = true;
    refreshComparisons();
    refreshHistory();
    refreshVersions();
    updateActions();
}

void MainWindow::openEditor(const QString& quote, const ClaimFields& fields,
                            std::function<Result<void>(const ClaimFields&)> save) {
    if (m_editor)
        m_editor->reject();
    m_editor = new ClaimEditor(quote, fields, projectCompletions(m_session->project()), this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &ClaimEditor::saveRequested, this, [this, save](const ClaimFields& edited) {
        if (auto saved = save(edited); !saved) {
            m_editor->showError(errorText(saved.error()));  // the editor stays open: nothing typed is lost
            return;
        }
        m_editor->accept();
    });
    m_editor->open();
    placeBesideSelection(m_editor);
    m_editor->valueEdit()->setFocus();
}

void MainWindow::placeBesideSelection(QWidget* dialog) {
    // Below the words, else above them, else beside the reader: never over what the claim is about.
    const QRect words = m_reader->selectionScreenRect();
    if (words.isEmpty())
        return;
    const QRect screen =
        (dialog->screen() ? dialog->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    const QSize size = dialog->frameGeometry().size().expandedTo(dialog->sizeHint());
    constexpr int kGap = 12;
    const int x =
        std::clamp(words.left(), screen.left(), std::max(screen.left(), screen.right() - size.width()));
    if (words.bottom() + kGap + size.height() <= screen.bottom())
        return dialog->move(x, words.bottom() + kGap);
    if (words.top() - kGap - size.height() >= screen.top())
        return dialog->move(x, words.top() - kGap - size.height());
    const QRect reader(m_reader->mapToGlobal(QPoint(0, 0)), m_reader->size());
    dialog->move(reader.right() + kGap + size.width() <= screen.right()
                     ? reader.right() + kGap
                     : std::max(screen.left(), reader.left() - kGap - size.width()),
                 screen.top());
}

void MainWindow::recordClaim() {
    const auto range = m_reader->selectedRange();
    if (!m_session)
        return;
    if (!range)
        return statusBar()->showMessage(tr("Nothing is selected: %1").arg(recordHint()), 6000);
    const std::int64_t articleId = m_reader->articleId();
    // The editor opens with what the figure finder reads in the words, on the whole figure's words.
    auto reading = m_session->project().readClaimAt(articleId, *range);
    const bool found = reading && reading->found;
    const CodePointRange words = found ? reading->range : *range;
    if (found && words != *range)
        m_reader->selectRange(words);
    openEditor(m_reader->selectedText(), found ? reading->fields : ClaimFields(),
               [this, articleId, words](const ClaimFields& fields) -> Result<void> {
                   auto id = m_session->addClaim({articleId, words, fields});
                   if (!id)
                       return id.error();
                   goToClaim(*id);
                   statusBar()->showMessage(tr("Claim recorded."), 4000);
                   return {};
               });
    if (found)
        m_editor->markProposed();
    // The finder's reading has them already, weighed with the unit it proposes.
    m_editor->setMetricProposals(
        found ? editorProposals(m_session->project(), reading->proposals)
              : metricProposals(m_session->project(), articleId, words, m_reader->selectedText()));
}

void MainWindow::editCurrentClaim() {
    if (!m_session || !m_currentClaim)
        return;
    // A double-click in the table asks too, not only the disabled action.
    if (const QString why = m_session->whyNot(ProjectRole::Reviewer); !why.isEmpty())
        return statusBar()->showMessage(why);
    const std::int64_t id = m_currentClaim;
    // The version first: a change made between the two reads is then refused on saving, never undone.
    auto version = m_session->project().claimVersion(id);
    auto claim = m_session->project().claim(id);
    if (!version || !claim)
        return showError(tr("Cannot edit claim"), version ? claim.error() : version.error());
    const auto showHistory = [this, id] {
        if (auto history = m_session->project().history({"claim", id, 0, true}))
            m_editor->showHistory(std::move(*history));
    };
    // A reviewer changes the status alone: the stored fields are saved with it, not the others as typed.
    const bool statusOnly = m_session->role() == ProjectRole::Reviewer;
    openEditor(QString::fromStdString(claim->anchor.quote.exact), claim->fields,
               [this, id, basedOn = *version, showHistory, statusOnly,
                stored = claim->fields](const ClaimFields& edited) mutable -> Result<void> {
                   ClaimFields fields = statusOnly ? stored : edited;
                   fields.status = edited.status;
                   auto saved = m_session->updateClaim(id, fields, basedOn);
                   if (saved || saved.error().code != ErrorCode::Stale)
                       return saved;
                   // Someone else changed the claim while it was open here: their change is on the History
                   // tab, and this edit is still in the editor; saving again replaces theirs with it.
                   showHistory();
                   if (auto now = m_session->project().claimVersion(id))
                       basedOn = *now;
                   return makeError(ErrorCode::Stale,
                                    saved.error().message + tr(". Their change is on the History tab; "
                                                               "save again to replace it with yours.")
                                                                .toStdString());
               });
    if (statusOnly)
        m_editor->limitToStatus(m_session->whyNot(ProjectRole::Annotator));
    else
        m_editor->allowDelete();
    showHistory();
    connect(m_editor, &ClaimEditor::deleteRequested, this, [this] {
        m_editor->reject();
        deleteCurrentClaim();
    });
}

void MainWindow::deleteCurrentClaim() {
    if (!m_session || !m_currentClaim)
        return;
    // In the claim table, Delete acts on every selected row; elsewhere on the current claim.
    std::vector<std::int64_t> ids{m_currentClaim};
    if (m_claimTable->view()->hasFocus() && !m_claimTable->selectedClaims().empty())
        ids = m_claimTable->selectedClaims();
    if (auto deleted = m_session->deleteClaims(ids); !deleted)
        return showError(tr("Cannot delete claim"), deleted.error());
    statusBar()->showMessage(tr("%Ln claim(s) deleted (%1 to undo).", nullptr, static_cast<int>(ids.size()))
                                 .arg(QKeySequence(QKeySequence::Undo).toString()),
                             4000);
}

void MainWindow::reanchorCurrentClaim() {
    const auto range = m_reader->selectedRange();
    if (!m_session || !m_currentClaim || !range)
        return;
    auto claim = m_session->project().claim(m_currentClaim);
    if (claim && claim->articleId != m_reader->articleId())
        return MessageBox::critical(this, tr("Cannot re-anchor claim"),
                                    tr("Select the new words in the claim's own article.")),
               void();
    if (auto moved = m_session->reanchorClaim(m_currentClaim, *range); !moved)
        showError(tr("Cannot re-anchor claim"), moved.error());
}

void MainWindow::showError(const QString& title, const Error& error) {
    MessageBox::critical(this, title, errorText(error));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride)
        if (auto* box = qobject_cast<QLineEdit*>(watched)) {
            auto* key = static_cast<QKeyEvent*>(event);
            if ((key->matches(QKeySequence::Undo) && !box->isUndoAvailable()) ||
                ((key->matches(QKeySequence::Redo) || key->keyCombination() == (Qt::CTRL | Qt::Key_Y)) &&
                 !box->isRedoAvailable())) {
                event->ignore();
                return true;  // not the box's: the window's Undo and Redo take it
            }
        }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_editor)
        m_editor->reject();
    saveLayout();
    event->accept();
}

}  // namespace claimtrack::gui
