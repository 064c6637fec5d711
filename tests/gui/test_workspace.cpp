// The researcher's workspace, driven by keys and clicks: articles' details, memos and deletion; the tags
// pane.
#include "articles/article_list.h"
#include "articles/details_dialogs.h"
#include "claims/claim_display.h"
#include "claims/claim_table.h"
#include "dialogs.h"
#include "entities/entity_pane.h"
#include "gui_support.h"
#include "help.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "test_support.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

class WorkspaceTest : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(dir / "workspace.claims");
            ASSERT_TRUE(project);
            first = project
                        ->importArticle(
                            "Officials counted 200 million cameras in 2019 and plan 300 million more.",
                            {"Camera count", "", "Daily", "", "2019"}, "a.txt")
                        ->id;
            second = project
                         ->importArticle("A report names 5 billion yuan of spending.",
                                         {"Spending", "", "", "", ""}, "b.txt")
                         ->id;
            add(*project, first, "200 million", {"cameras", "installed"});
            add(*project, first, "300 million", {"cameras", "forecast"});
            add(*project, second, "5 billion yuan", {"spending"});
        }
        QSettings().remove(QStringLiteral("claimHeader"));  // the defaults, not another test's columns
        window = std::make_unique<MainWindow>();
        window->show();
        reactivate(window.get());
        ASSERT_TRUE(window->openProject(qs(dir / "workspace.claims")));
        waitForTable();
    }

    static void add(Project& project, std::int64_t article, const char* quote,
                    std::vector<std::string> tags) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.tags = std::move(tags);
        ASSERT_TRUE(project.addClaim(claim));
    }

    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        pressKey(window.get(), key, modifiers);
    }
    Project& project() { return window->session()->project(); }

    void waitForTable() {
        ClaimTableModel* model = window->claimTable()->model();
        ASSERT_TRUE(QTest::qWaitFor([model] { return !model->isBusy(); }, 5000));
    }
    int claimRows() {
        waitForTable();
        return window->claimTable()->model()->rowCount();
    }

    // Clicks the article's row in the article list, which gives the list the keyboard.
    void clickArticle(std::int64_t id) {
        window->articleList()->selectArticle(id);
        QTableView* view = window->articleList()->view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->currentIndex()).center());
        ASSERT_EQ(window->articleList()->currentArticle(), id);
        ASSERT_TRUE(view->hasFocus());
    }

    // The window-modal dialog open over the window, once it has the keyboard.
    template <typename Dialog>
    Dialog* openDialog() {
        Dialog* dialog = nullptr;
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                dialog = window->findChild<Dialog*>();
                return dialog && dialog->isVisible() && dialog->isAncestorOf(QApplication::focusWidget());
            },
            2000));
        return dialog;
    }

    // Replaces a line's text as a user does: click into it, select all, type.
    static void retype(QLineEdit* line, const QString& text) {
        QTest::mouseClick(line, Qt::LeftButton);
        QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(line, text);
    }

    void clickTag(const QString& name) {
        QTableWidget* table = window->tagPane()->table();
        const auto found = table->findItems(name, Qt::MatchExactly);
        ASSERT_EQ(found.size(), 1) << name.toStdString();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualItemRect(found.front()).center());
    }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
    std::int64_t first = 0, second = 0;
};

}  // namespace

TEST_F(WorkspaceTest, F2InTheArticleListEditsTheArticlesDetailsUndoably) {
    clickArticle(first);
    press(Qt::Key_F2);
    auto* dialog = openDialog<ArticleDetailsDialog>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(QApplication::focusWidget(), dialog->titleEdit()) << "the keyboard starts on the title";
    EXPECT_EQ(dialog->titleEdit()->text(), QStringLiteral("Camera count"));
    QTest::keyClick(dialog->titleEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Cameras counted in 2019"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);  // Tab selected the publisher's text
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral(" Post"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);  // Enter saves
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->findChild<ArticleDetailsDialog*>(); }, 2000));
    const Article edited = *project().article(first);
    EXPECT_EQ(edited.meta.title, "Cameras counted in 2019");
    EXPECT_EQ(edited.meta.publisher, "Daily Post");
    EXPECT_EQ(window->articleList()->model()->articles().front().meta.title, "Cameras counted in 2019")
        << "the list shows it at once";
    reactivate(window.get());
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().article(first)->meta.publisher, "Daily");
    EXPECT_EQ(project().article(first)->meta.title, "Camera count");
}

TEST_F(WorkspaceTest, ABadDateIsShownInTheDialogWhichKeepsWhatWasTyped) {
    clickArticle(first);
    press(Qt::Key_F2);
    auto* dialog = openDialog<ArticleDetailsDialog>();
    ASSERT_NE(dialog, nullptr);
    retype(dialog->publishedEdit(), QStringLiteral("May 2019"));
    QTest::keyClick(dialog->publishedEdit(), Qt::Key_Return);
    ASSERT_TRUE(dialog->isVisible()) << "a refusal keeps the dialog open";
    QLabel* error = dialog->errorLabel();
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("published date"))) << error->text().toStdString();
    EXPECT_EQ(dialog->publishedEdit()->text(), QStringLiteral("May 2019"));
    EXPECT_EQ(project().article(first)->meta.published, "2019");
    EXPECT_EQ(window->session()->undoStack()->count(), 0) << "nothing to undo: nothing was written";
    QTest::keyClick(dialog->publishedEdit(), Qt::Key_Escape);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window->findChild<ArticleDetailsDialog*>(); }, 2000));
}

TEST_F(WorkspaceTest, AMemoIsWrittenInTheDetailsAndFoundBySearch) {
    clickArticle(second);
    press(Qt::Key_F2);
    auto* dialog = openDialog<ArticleDetailsDialog>();
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->memoEdit()->viewport(), Qt::LeftButton);
    QTest::keyClicks(dialog->memoEdit(), QStringLiteral("Ask the ministry."));
    QTest::keyClick(dialog->memoEdit(), Qt::Key_Return);  // a new line in the memo, not Save
    QTest::keyClicks(dialog->memoEdit(), QStringLiteral("Second line."));
    ASSERT_TRUE(dialog->isVisible());
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->findChild<ArticleDetailsDialog*>(); }, 2000));
    EXPECT_EQ(project().article(second)->memo, "Ask the ministry.\nSecond line.");
    const auto found = project().search("ministry");
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().articleId, second);
}

TEST_F(WorkspaceTest, DeleteInTheArticleListDeletesTheArticleWithItsClaimsAfterAskingAndUndoes) {
    clickArticle(first);
    ASSERT_EQ(claimRows(), 3);
    MessageBox::setNextAnswer(QMessageBox::No);
    press(Qt::Key_Delete);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("with its 2 claim(s)")))
        << MessageBox::lastText().toStdString();
    EXPECT_EQ(*project().articleCount(), 2) << "No keeps it";
    MessageBox::setNextAnswer(QMessageBox::Yes);
    press(Qt::Key_Delete);
    EXPECT_EQ(*project().articleCount(), 1);
    EXPECT_EQ(window->articleList()->model()->rowCount(), 1);
    EXPECT_EQ(claimRows(), 1) << "its claims went with it";
    EXPECT_EQ(project().entities(EntityKind::Tag)->size(), 1u) << "only 'spending' is left";
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(*project().articleCount(), 2);
    EXPECT_EQ(claimRows(), 3);
    EXPECT_EQ(project().claims({first})->front().fields.tags,
              (std::vector<std::string>{"cameras", "installed"}));
}

TEST_F(WorkspaceTest, DeleteInTheReaderStillActsOnTheClaimNotTheArticle) {
    const std::int64_t claim = project().claims({second})->front().id;
    window->goToClaim(claim);
    window->reader()->textView()->setFocus();
    press(Qt::Key_Delete);
    EXPECT_EQ(*project().articleCount(), 2);
    EXPECT_FALSE(project().claim(claim)) << "the claim, selected where the keyboard is, was deleted";
}

TEST_F(WorkspaceTest, CtrlMEditsTheProjectMemo) {
    press(Qt::Key_M, Qt::ControlModifier);
    auto* dialog = openDialog<ProjectMemoDialog>();
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(dialog->memoEdit(), QStringLiteral("Scope: camera counts since 2015."));
    QTest::keyClick(dialog->memoEdit(), Qt::Key_Tab);  // to the buttons: Save first
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->findChild<ProjectMemoDialog*>(); }, 2000));
    EXPECT_EQ(*project().projectMemo(), "Scope: camera counts since 2015.");
    reactivate(window.get());
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(*project().projectMemo(), "");
}

TEST_F(WorkspaceTest, TheTagsPaneCountsTagsAndAClickFiltersTheClaimTable) {
    QTableWidget* tags = window->tagPane()->table();
    ASSERT_EQ(tags->rowCount(), 4);
    EXPECT_EQ(tags->item(0, 0)->text(), QStringLiteral("cameras"));
    EXPECT_EQ(tags->item(0, 1)->data(Qt::DisplayRole).toInt(), 2);
    clickTag(QStringLiteral("forecast"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return claimRows() == 1; }, 2000));
    QToolButton* chip = window->claimTable()->tagFilterButton();
    EXPECT_TRUE(chip->isVisible());
    EXPECT_TRUE(chip->text().contains(QStringLiteral("forecast")));
    clickTag(QStringLiteral("cameras"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return claimRows() == 2; }, 2000));
    QTest::mouseClick(chip, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return claimRows() == 3; }, 2000));
    EXPECT_FALSE(chip->isVisible());
    EXPECT_TRUE(tags->selectedItems().isEmpty()) << "the pane no longer shows a tag as chosen";
}

TEST_F(WorkspaceTest, TagsAreRenamedMergedAndDeletedUndoably) {
    clickTag(QStringLiteral("installed"));
    InputDialog::setNextAnswer(QStringLiteral("counted"));
    QTest::mouseClick(window->tagPane()->findChild<QPushButton*>(QStringLiteral("tagRename")),
                      Qt::LeftButton);
    EXPECT_EQ(project().claims({first})->front().fields.tags,
              (std::vector<std::string>{"cameras", "counted"}));

    clickTag(QStringLiteral("forecast"));
    InputDialog::setNextAnswer(QStringLiteral("counted"));
    QTest::mouseClick(window->tagPane()->findChild<QPushButton*>(QStringLiteral("tagMerge")), Qt::LeftButton);
    EXPECT_EQ(project().claims({first})->back().fields.tags,
              (std::vector<std::string>{"cameras", "counted"}));
    EXPECT_EQ(window->tagPane()->table()->rowCount(), 3);

    clickTag(QStringLiteral("cameras"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(window->tagPane()->findChild<QPushButton*>(QStringLiteral("tagDelete")),
                      Qt::LeftButton);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("off its 2 claim(s)")))
        << MessageBox::lastText().toStdString();
    EXPECT_EQ(project().claims({first})->front().fields.tags, std::vector<std::string>{"counted"});
    EXPECT_EQ(claimRows(), 3) << "the filter of a deleted tag ends with it";

    reactivate(window.get());
    for (int step = 0; step < 3; ++step)
        press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().claims({first})->front().fields.tags,
              (std::vector<std::string>{"cameras", "installed"}));
    EXPECT_EQ(project().claims({first})->back().fields.tags,
              (std::vector<std::string>{"cameras", "forecast"}));
}

TEST_F(WorkspaceTest, TheHeadersMenuHidesAndShowsColumnsAndTheArticleIsInSightByDefault) {
    QHeaderView* header = window->claimTable()->view()->horizontalHeader();
    EXPECT_EQ(header->visualIndex(ClaimTableModel::Article), 1) << "beside the quote";
    const QPoint at(header->sectionViewportPosition(ClaimTableModel::Quote) + 10, 5);
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, header->viewport()->mapToGlobal(at));
    QApplication::sendEvent(header->viewport(), &event);
    QMenu* menu = window->claimTable()->columnMenu();
    ASSERT_NE(menu, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(menu));
    QAction* note = nullptr;
    for (QAction* action : menu->actions())
        if (action->text() == QStringLiteral("Note"))
            note = action;
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(menu->actions().at(1)->text(), QStringLiteral("Article")) << "listed in the order shown";
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(note).center());
    EXPECT_TRUE(header->isSectionHidden(ClaimTableModel::Note));
}

TEST_F(WorkspaceTest, AClaimLeftInAnotherArticleIsNoLongerCurrent) {
    const std::int64_t claim = project().claims({first})->front().id;
    window->goToClaim(claim);
    ASSERT_TRUE(window->findChild<QAction*>(QStringLiteral("actionDeleteClaim"))->isEnabled());
    clickArticle(second);
    EXPECT_FALSE(window->findChild<QAction*>(QStringLiteral("actionDeleteClaim"))->isEnabled())
        << "the claim is out of sight: no key may delete it";
    EXPECT_TRUE(window->claimTable()->selectedClaims().empty());
    // Its tooltip in the table says all of it: tags and note too.
    ClaimTableModel* model = window->claimTable()->model();
    const QString tip = model->index(0, ClaimTableModel::Source).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Tags: cameras; installed"))) << tip.toStdString();
}

TEST_F(WorkspaceTest, CountsUseTheLocalesThousandsSeparators) {
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    std::vector<NewClaim> more(997, NewClaim{first, QuoteSelector{"200 million", 1}, {}});
    ASSERT_TRUE(project().addClaims(more));
    window->claimTable()->refresh();
    ASSERT_TRUE(QTest::qWaitFor([&] { return claimRows() == 1000; }, 5000));
    EXPECT_EQ(window->claimTable()->findChild<QLabel*>(QStringLiteral("claimCount"))->text(),
              QStringLiteral("1.000 claim(s)"));
    QLocale::setDefault(before);
}

TEST_F(WorkspaceTest, AnEmptyProjectSaysWhatToDoUntilItHasAnArticle) {
    QLabel* hint = window->reader()->emptyHint();
    EXPECT_FALSE(hint->isVisible()) << "a project with articles shows them";
    ASSERT_TRUE(window->openProject(qs(dir / "new.claims"), true));
    EXPECT_TRUE(hint->isVisible());
    EXPECT_TRUE(hint->text().contains(QStringLiteral("Import Articles</b> (Ctrl+I)")))
        << hint->text().toStdString();
    EXPECT_TRUE(hint->text().contains(QStringLiteral("press Ctrl+E")));
    EXPECT_FALSE(window->reader()->textView()->isVisible());

    writeFile(dir / "dropped.txt", "Dropped on the window: 300 yuan.\n");
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(qs(dir / "dropped.txt"))});
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    static_cast<QObject*>(window.get())->event(&drop);  // as MainWindowTest.DroppedFilesAreImported does
    EXPECT_FALSE(hint->isVisible());
    EXPECT_TRUE(window->reader()->textView()->isVisible());
    reactivate(window.get());
    press(Qt::Key_Z, Qt::ControlModifier);  // the import undone: empty again
    EXPECT_TRUE(hint->isVisible());
}

TEST_F(WorkspaceTest, HelpShowsTheUserGuideBuiltIntoTheProgram) {
    press(Qt::Key_H, Qt::AltModifier);
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    ASSERT_NE(menu, nullptr) << "Alt+H opened no menu";
    QTest::keyClick(menu, Qt::Key_U);
    auto* guide = window->findChild<UserGuideDialog*>();
    ASSERT_NE(guide, nullptr);
    EXPECT_TRUE(guide->isVisible());
    const QString text = guide->browser()->toPlainText();
    EXPECT_TRUE(text.startsWith(QStringLiteral("Claimtrack user guide"))) << text.left(80).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Recording a claim")));
    EXPECT_FALSE(text.contains(QStringLiteral("## "))) << "Markdown is shown as formatted text";
    guide->close();
}

TEST_F(WorkspaceTest, HighlightsAreColouredByTagFromTheViewMenuWithALegend) {
    window->articleList()->selectArticle(first);
    const std::int64_t claim = project().claims({first})->front().id;
    EXPECT_EQ(window->reader()->highlightColour(claim), statusColor(ClaimStatus::Unverified));
    // Alt+V, H (Colour Highlights By), T (Tag).
    press(Qt::Key_V, Qt::AltModifier);
    auto* view = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    ASSERT_NE(view, nullptr) << "Alt+V opened no menu";
    QTest::keyClick(view, Qt::Key_H);
    auto* colouring = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    ASSERT_NE(colouring, nullptr);
    ASSERT_EQ(colouring->objectName(), QStringLiteral("colouringMenu"));
    QTest::keyClick(colouring, Qt::Key_T);
    EXPECT_EQ(window->reader()->highlightColour(claim), categoryColour(QStringLiteral("cameras")))
        << "coloured by its first tag";
    QLabel* legend = window->reader()->legend();
    EXPECT_TRUE(legend->isVisible());
    EXPECT_TRUE(legend->text().contains(QStringLiteral("cameras"))) << legend->text().toStdString();
    EXPECT_FALSE(legend->text().contains(QStringLiteral("Unverified")));
    EXPECT_EQ(QSettings().value(QStringLiteral("highlightColouring")).toInt(),
              static_cast<int>(HighlightColouring::Tag))
        << "remembered";
    window->findChild<QAction*>(QStringLiteral("actionColourBy0"))->trigger();  // back to status for others
    EXPECT_TRUE(window->reader()->legend()->text().contains(QStringLiteral("Unverified")));
}

TEST_F(WorkspaceTest, TheClaimTableSaysItIsReadingAndGreysTheLastRowsMeanwhile) {
    ClaimTable* table = window->claimTable();
    QLabel* count = table->findChild<QLabel*>(QStringLiteral("claimCount"));
    ASSERT_EQ(count->text(), QStringLiteral("3 claim(s)"));
    table->refresh();  // as after any change: the rows are read again on another thread
    EXPECT_EQ(count->text(), QStringLiteral("loading…"));
    const QModelIndex cell = table->model()->index(0, ClaimTableModel::Quote);
    EXPECT_TRUE(cell.data(Qt::ForegroundRole).isValid()) << "the last rows are greyed, not passed off as new";
    waitForTable();
    EXPECT_EQ(count->text(), QStringLiteral("3 claim(s)"));
    EXPECT_FALSE(cell.data(Qt::ForegroundRole).isValid());
    QTest::keyClicks(table->filterEdit(), QStringLiteral("zzz"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->query().text == "zzz"; }, 2000));
    EXPECT_TRUE(count->text() == QStringLiteral("filtering…") ||
                count->text() == QStringLiteral("0 claim(s)"))
        << count->text().toStdString();
    waitForTable();
    EXPECT_EQ(count->text(), QStringLiteral("0 claim(s)"));
}
