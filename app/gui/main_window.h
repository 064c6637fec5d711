#pragma once
// The main window only wires the features together: the article list (left),
// the reader above the claim table (centre), the sources and metrics panes
// (right), and the menus. Each feature lives in its own folder.

#include "claims/claim_editor.h"
#include "project.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QUndoGroup;

namespace claimtrack::gui {

class ArticleList;
class ClaimTable;
class CompareView;
class ConflictList;
class EntityPane;
class HistoryPane;
class ProjectSession;
class ReaderView;
class SearchPane;
class SuggestionPane;
class VersionsPane;
struct ChangeMarks;
template <typename T>
class BackgroundRead;

// What an export did: a line for the status bar, and what it could not write, shown in a message box.
struct ExportDone {
    QString message;
    QString leftOut;
};

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a project, a file or a postgresql:// URI; on failure shows why and keeps the
    // current one.
    bool openProject(const QString& path, bool create = false);
    // File ▸ Open Shared Project: asks for a server's URI and opens the project there.
    void askSharedProject();
    ProjectSession* session() { return m_session.get(); }
    ReaderView* reader() { return m_reader; }
    ArticleList* articleList() { return m_articles; }
    ClaimTable* claimTable() { return m_claimTable; }
    EntityPane* sourcePane() { return m_sources; }
    EntityPane* metricPane() { return m_metrics; }
    EntityPane* tagPane() { return m_tags; }
    SuggestionPane* suggestionPane() { return m_suggestions; }
    CompareView* compareView() { return m_compare; }
    ConflictList* conflictList() { return m_conflicts; }
    QTabWidget* centreTabs() { return m_tabs; }
    SearchPane* searchPane() { return m_search; }
    HistoryPane* historyPane() { return m_history; }
    VersionsPane* versionsPane() { return m_versions; }  // null until first shown
    bool isMarkingChanges() const;                       // the versions' diff is still to come
    // How many of the newest changes the History pane lists.
    static constexpr int kHistoryShown = 500;
    // The claim editor while it is open.
    ClaimEditor* claimEditor() { return m_editor; }
    void showArticle(std::int64_t articleId);
    // Shows the search pane with the results of `query`, the first opened.
    void searchProject(const QString& query);
    // Opens an article found by a search, its words marked and the first selected.
    // Opens a search result: its article, its matches marked; found only by a claim, that claim.
    void showSearchResult(std::int64_t articleId, const QString& query, std::int64_t claimId = 0);
    // Opens the claim's article, scrolls to its words and selects its row.
    void goToClaim(std::int64_t claimId);
    std::int64_t currentClaim() const { return m_currentClaim; }
    // Shows the metric's figures in the compare view; false if the project has no such metric.
    bool compareMetric(const QString& name);

public Q_SLOTS:
    void recordClaim();
    // Moves a dialog about the reader's selected words where it does not cover them.
    void placeBesideSelection(QWidget* dialog);
    void editCurrentClaim();
    void deleteCurrentClaim();
    void reanchorCurrentClaim();
    void importArticles();
    void importFolder();
    void exportClaims(bool onlyFiltered);
    void exportConflicts();
    void exportWorkbook();
    void exportQdaProject();
    void exportWholeProject();
    // The judged claims as ClaimReview markup; those whose metric has no fact-check yet are listed.
    void exportClaimReviews();
    // The report of every metric, as one HTML page or a PDF document (by the name's suffix).
    void exportReport();
    // Prints the report: the page is written on another thread, then printed where the user chose.
    void printReport();
    // Asks for another project (or a project file) and whose version to keep where both changed the same
    // claim, shows what merging it would do (what comes in, what conflicts) and, when the user agrees, merges
    // it in; each on another thread.
    void mergeProject();
    // Asks where, then writes a file of the whole project there on another thread; `write` says what was
    // done.
    void exportProjectFile(const QString& title, const QString& suffix, const QString& filter,
                           std::function<Result<ExportDone>(Project&, const QString& path)> write);
    // The current article's details and memo, in a dialog; deleting it (and its claims, when the user
    // agrees).
    void editArticleDetails();
    void deleteCurrentArticle();
    void editProjectMemo();
    void editProjectSettings();
    // Edit ▸ History: the project's last changes, newest first.
    void showHistoryPane();
    // Edit ▸ Your Name: asks the name changes are recorded under, kept for the next sessions.
    void askUserName();
    // Article ▸ Versions: the versions of the article in the reader and the claims waiting on them.
    void showVersionsPane();

protected:
    void closeEvent(QCloseEvent* event) override;
    // Lets Ctrl+Z and redo through the window's filter and search boxes when they have nothing of their
    // own to undo, so the keys undo the last change to the project instead of nothing.
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void applySavedUserName();
    void refreshHistory();
    void refreshVersions();
    // Marks in the reader the words changed since the version the Versions pane compares with.
    void markChanges();
    void showWaitingClaim();
    void buildProjectViews();
    void onProjectChanged(qint64 articleId);
    void reloadReaderClaims();
    void reloadSuggestions();
    // Refreshes the conflict list and the compare view, if they are in sight; else when they come into it.
    void refreshComparisons();
    // Says what to do in the reader's place while the project has no articles.
    void updateEmptyHint();
    QString outsideChangeMessage();
    // Shows the compare view, on the current claim's metric when it has one.
    void compareCurrentClaimsMetric();
    // Switches to the compare view once `show` has asked it for a metric.
    void showInCompareView(const std::function<void()>& show);
    void setCurrentClaim(std::int64_t claimId);
    void updateActions();
    void importFileList(const QStringList& files);
    // Merges `other` in (or previews it, changing nothing) on another thread; then asks to merge what a
    // preview shows, or says in the status bar what the merge did.
    void runMerge(const QString& other, MergePreference prefer, MergeMode mode);
    // The projects opened last, newest first: files by their paths, servers by their addresses.
    static QStringList recentProjects();
    void addRecentProject(const QString& path);
    void updateRecentMenu();
    void saveLayout();
    void restoreLayout();
    void showError(const QString& title, const Error& error);
    void openEditor(const QString& quote, const ClaimFields& fields,
                    std::function<Result<void>(const ClaimFields&)> save);

    std::unique_ptr<ProjectSession> m_session;
    QUndoGroup* m_undoGroup;
    ArticleList* m_articles;
    ReaderView* m_reader;
    ClaimTable* m_claimTable = nullptr;
    EntityPane* m_sources = nullptr;
    EntityPane* m_metrics = nullptr;
    EntityPane* m_tags = nullptr;
    SuggestionPane* m_suggestions = nullptr;
    CompareView* m_compare = nullptr;
    ConflictList* m_conflicts = nullptr;
    SearchPane* m_search = nullptr;
    HistoryPane* m_history = nullptr;  // in m_historyDock
    QTabWidget* m_tabs;
    QSplitter* m_centre;
    QDockWidget* m_articleDock;
    QDockWidget* m_sourceDock;
    QDockWidget* m_metricDock;
    QDockWidget* m_tagDock;
    QDockWidget* m_suggestionDock;
    QDockWidget* m_conflictDock;
    QDockWidget* m_searchDock;
    QDockWidget* m_historyDock = nullptr;   // made when first asked for
    VersionsPane* m_versions = nullptr;     // in m_versionsDock
    QDockWidget* m_versionsDock = nullptr;  // made when first asked for
    // Diffs the versions away from the window (a long article takes a good part of a second); one per
    // project opened.
    std::unique_ptr<BackgroundRead<ChangeMarks>> m_marking;
    QLabel* m_placeholder;
    QPointer<ClaimEditor> m_editor;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_claimMenu = nullptr;
    std::int64_t m_currentClaim = 0;
    bool m_compareStale = true;  // the project changed since the view was last filled
    bool m_conflictsStale = true;

    QAction* m_newProject = nullptr;
    QAction* m_openProject = nullptr;
    QAction* m_openSharedProject = nullptr;
    QAction* m_import = nullptr;
    QAction* m_importFolder = nullptr;
    QAction* m_keepCopies = nullptr;
    QAction* m_exportAll = nullptr;
    QAction* m_exportFiltered = nullptr;
    QAction* m_exportConflicts = nullptr;
    QAction* m_exportWorkbook = nullptr;
    QAction* m_exportQda = nullptr;
    bool m_exporting = false;  // a workbook or archive is being written, on another thread
    QAction* m_exportWhole = nullptr;
    QAction* m_exportReviews = nullptr;
    QAction* m_exportReport = nullptr;
    QAction* m_printReport = nullptr;
    QAction* m_mergeProject = nullptr;
    QAction* m_showCompare = nullptr;
    QAction* m_searchProject = nullptr;
    QAction* m_record = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_reanchor = nullptr;
    QAction* m_find = nullptr;
    QAction* m_findFigures = nullptr;
    QAction* m_findOnImport = nullptr;
    QAction* m_showHistory = nullptr;
    QAction* m_showVersions = nullptr;
    QAction* m_userName = nullptr;
    QAction* m_articleDetails = nullptr;
    QAction* m_deleteArticle = nullptr;
    QAction* m_projectMemo = nullptr;
    QAction* m_projectSettings = nullptr;
};

}  // namespace claimtrack::gui
