// The app as a user drives it, with real widgets under the offscreen platform
// and a real project file.
#include "articles/article_list.h"
#include "claims/claim_editor.h"
#include "claims/claim_table.h"
#include "dialogs.h"
#include "entities/entity_pane.h"
#include "figures/suggestion_pane.h"
#include "gui_support.h"
#include "importers/qdpx.h"
#include "main_window.h"
#include "project_file.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "test_support.h"
#include "text.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <filesystem>
#include <sstream>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

const std::string kArticle =
    "Cameras in " + kCjk + " " + kEmoji +
    " cities.\nIHS Markit counted 176 million cameras in 2016 and expects 626 million by 2020.\n";

class MainWindowTest : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(file());
            ASSERT_TRUE(project);
            articleId = project->importArticle(kArticle, {"Cameras", "", "Daily", "", "2018"}, "a.txt")->id;
            NewClaim existing{articleId, QuoteSelector{"626 million", 1}, {}};
            existing.fields.source = "IHS Markit";
            existing.fields.value = 626e6;
            ASSERT_TRUE(project->addClaim(existing));
        }
        window = std::make_unique<MainWindow>();
        window->show();
        reactivate(window.get());
        ASSERT_TRUE(window->openProject(qs(file())));
        waitForTable();
    }

    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        pressKey(window.get(), key, modifiers);
    }
    // Puts the keyboard in the reader, on the claim the window has selected there.
    void focusReader() { window->reader()->textView()->setFocus(); }

    std::filesystem::path file() const { return dir / "gui.claims"; }
    QAction* action(const char* name) { return window->findChild<QAction*>(QString::fromLatin1(name)); }
    Project& project() { return window->session()->project(); }

    void waitForTable() {
        ClaimTableModel* model = window->claimTable()->model();
        ASSERT_TRUE(QTest::qWaitFor([model] { return !model->isBusy(); }, 5000));
    }

    // Types into the claim filter and waits until the table shows that filter's rows.
    void filterClaims(const QString& text) {
        waitForTable();
        QTest::keyClicks(window->claimTable()->filterEdit(), text);
        ClaimTableModel* model = window->claimTable()->model();
        ASSERT_TRUE(QTest::qWaitFor(
            [model, text] { return model->query().text == text.toStdString() && !model->isBusy(); }, 5000));
    }

    static long csvRecords(const std::string& csv) {
        long records = 0;
        for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
            ++records;
        return records;
    }

    void selectInReader(const QString& quote) { selectWords(window->reader(), quote); }

    // Records a claim on `quote` through the action and the editor, typing `value`.
    void recordClaim(const QString& quote, const QString& value, const QString& metric) {
        selectInReader(quote);
        ASSERT_TRUE(action("actionRecordClaim")->isEnabled());
        press(Qt::Key_E, Qt::ControlModifier);
        ClaimEditor* editor = window->claimEditor();
        ASSERT_NE(editor, nullptr);
        EXPECT_TRUE(
            QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor->valueEdit(); }, 2000))
            << "the focus starts on the first field";
        EXPECT_TRUE(editor->findChild<QLabel*>(QStringLiteral("quoteLabel"))->text().contains(quote));
        QTest::keyClicks(editor->valueEdit(), value);
        editor->findChild<QComboBox*>(QStringLiteral("metricBox"))->setCurrentText(metric);
        QTest::keyClick(editor->valueEdit(), Qt::Key_Return);  // Enter saves
        ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
    std::int64_t articleId = 0;
};

}  // namespace

TEST_F(MainWindowTest, OpensTheProjectWithItsArticleAndHighlights) {
    EXPECT_EQ(window->articleList()->model()->rowCount(), 1);
    EXPECT_EQ(window->reader()->articleId(), articleId);
    EXPECT_EQ(window->reader()->highlightCount(), 1);
    EXPECT_EQ(window->claimTable()->model()->rowCount(), 1);
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("gui.claims")));
}

TEST_F(MainWindowTest, RecordClaimFromSelectionThenUndoAndRedo) {
    recordClaim(QStringLiteral("176 million"), QStringLiteral("176,000,000"),
                QStringLiteral("Cameras in China"));

    auto claims = *project().claims();
    ASSERT_EQ(claims.size(), 2u);
    const ClaimRecord& stored = claims[0];
    EXPECT_EQ(stored.anchor.quote.exact, "176 million");
    EXPECT_EQ(stored.fields.value, 176e6);
    EXPECT_EQ(stored.fields.metric, "Cameras in China");
    // Code points: the CJK and the emoji before it count one each.
    EXPECT_EQ(stored.anchor.range.start, codePointCount(kArticle.substr(0, kArticle.find("176 million"))));
    EXPECT_EQ(window->reader()->highlightCount(), 2);
    const int position =
        static_cast<int>(window->reader()->textView()->toPlainText().indexOf(QStringLiteral("176")));
    EXPECT_EQ(window->reader()->claimAtPosition(position + 2), stored.id);
    waitForTable();
    EXPECT_EQ(window->claimTable()->model()->rowCount(), 2);

    QAction* undo = action("actionUndo");
    EXPECT_EQ(undo->text(), QStringLiteral("Undo Add claim '176 million'"));
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().claims()->size(), 1u);
    EXPECT_EQ(window->reader()->highlightCount(), 1);
    EXPECT_EQ(window->reader()->claimAtPosition(position + 2), 0);
    waitForTable();
    EXPECT_EQ(window->claimTable()->model()->rowCount(), 1);

    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(project().claims()->size(), 2u);
    EXPECT_EQ(project().claims()->front().uuid, stored.uuid);
    EXPECT_EQ(window->reader()->highlightCount(), 2);
    EXPECT_EQ(window->reader()->claimAtPosition(position + 2), stored.id);
}

TEST_F(MainWindowTest, BadInputInTheEditorIsShownAndNothingIsWritten) {
    selectInReader(QStringLiteral("176 million"));
    action("actionRecordClaim")->trigger();
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    QTest::keyClicks(editor->valueEdit(), QStringLiteral("lots"));
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    auto* error = editor->findChild<QLabel*>(QStringLiteral("editorError"));
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(
        QStringLiteral("value \"lots\" is not a figure: write it as 626,000,000, 1.2 million")))
        << error->text().toStdString();
    EXPECT_EQ(window->claimEditor(), editor) << "the editor stays open";
    QTest::keyClick(editor->valueEdit(), Qt::Key_Escape);  // Esc cancels
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    EXPECT_EQ(project().claims()->size(), 1u);
}

TEST_F(MainWindowTest, TableRowAndHighlightSelectEachOther) {
    recordClaim(QStringLiteral("176 million"), QStringLiteral("176000000"), QString());
    waitForTable();
    QTableView* view = window->claimTable()->view();
    const std::int64_t forecast = project().claims()->back().id;  // "626 million"
    const int row = window->claimTable()->model()->rowOf(forecast);
    view->selectionModel()->setCurrentIndex(view->model()->index(row, 0),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    EXPECT_EQ(window->reader()->selectedClaim(), forecast);
    EXPECT_EQ(window->reader()->selectedText(), QStringLiteral("626 million"));

    // Clicking the other highlight selects its row.
    QPlainTextEdit* text = window->reader()->textView();
    QTextCursor cursor(text->document());
    cursor.setPosition(static_cast<int>(text->toPlainText().indexOf(QStringLiteral("176 million"))) + 3);
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, text->cursorRect(cursor).center());
    const std::int64_t cameras = project().claims()->front().id;
    EXPECT_EQ(window->currentClaim(), cameras);
    EXPECT_EQ(window->claimTable()->selectedClaim(), cameras);
    EXPECT_EQ(view->currentIndex().row(), window->claimTable()->model()->rowOf(cameras));
}

TEST_F(MainWindowTest, FilterBoxNarrowsTheTable) {
    recordClaim(QStringLiteral("176 million"), QStringLiteral("176000000"),
                QStringLiteral("Cameras in China"));
    waitForTable();
    EXPECT_EQ(window->claimTable()->model()->rowCount(), 2);
    filterClaims(QStringLiteral("china"));
    ASSERT_EQ(window->claimTable()->model()->rowCount(), 1);
    EXPECT_EQ(window->claimTable()->model()->index(0, ClaimTableModel::Quote).data().toString(),
              QStringLiteral("176 million"));
    window->claimTable()->filterEdit()->clear();
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimTable()->model()->rowCount() == 2; }, 3000));
}

TEST_F(MainWindowTest, DeletingASourceInUseIsRefusedWithAMessage) {
    EntityPane* sources = window->sourcePane();
    ASSERT_EQ(sources->table()->rowCount(), 1);
    sources->table()->selectRow(0);
    EXPECT_EQ(sources->claimList()->count(), 1) << "the pane shows the source's claims";
    MessageBox::setNextAnswer(QMessageBox::Ok);
    sources->findChild<QPushButton*>(QStringLiteral("sourceDelete"))->click();
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("\"IHS Markit\" is used by 1 claim")))
        << MessageBox::lastText().toStdString();
    EXPECT_EQ(project().entities(EntityKind::Source)->size(), 1u);
}

TEST_F(MainWindowTest, RenamingASourceReachesEveryClaimAndIsUndoable) {
    EntityPane* sources = window->sourcePane();
    sources->table()->selectRow(0);
    InputDialog::setNextAnswer(QStringLiteral("IHS Markit Ltd"));
    sources->renameSelected();
    EXPECT_EQ(project().claims()->front().fields.source, "IHS Markit Ltd");
    EXPECT_EQ(sources->table()->item(0, 0)->text(), QStringLiteral("IHS Markit Ltd"));
    EXPECT_EQ(action("actionUndo")->text(), QStringLiteral("Undo Rename 'IHS Markit' to 'IHS Markit Ltd'"));
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().claims()->front().fields.source, "IHS Markit");
}

TEST_F(MainWindowTest, EditAndDeleteTheCurrentClaimAreUndoable) {
    const std::int64_t id = project().claims()->front().id;
    window->goToClaim(id);
    focusReader();
    press(Qt::Key_F2);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->valueEdit()->text(), QStringLiteral("626000000"));
    auto* status = editor->findChild<QComboBox*>(QStringLiteral("statusBox"));
    status->setCurrentIndex(static_cast<int>(ClaimStatus::Disputed));
    editor->findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    EXPECT_EQ(project().claim(id)->fields.status, ClaimStatus::Disputed);

    reactivate(window.get());
    focusReader();
    press(Qt::Key_Delete);
    EXPECT_TRUE(project().claims()->empty());
    EXPECT_EQ(window->reader()->highlightCount(), 0);
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().claim(id)->fields.status, ClaimStatus::Disputed);
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().claim(id)->fields.status, ClaimStatus::Unverified);
}

TEST_F(MainWindowTest, TheEditorOfAClaimCanDeleteIt) {
    window->goToClaim(project().claims()->front().id);
    focusReader();
    press(Qt::Key_F2);
    ASSERT_NE(window->claimEditor(), nullptr);
    window->claimEditor()->findChild<QPushButton*>(QStringLiteral("deleteButton"))->click();
    EXPECT_TRUE(project().claims()->empty());
    EXPECT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    EXPECT_EQ(action("actionUndo")->text(), QStringLiteral("Undo Delete claim '626 million'"));
}

TEST_F(MainWindowTest, ReanchorMovesAClaimToTheSelectedWords) {
    const std::int64_t id = project().claims()->front().id;
    window->goToClaim(id);
    selectInReader(QStringLiteral("626 million by 2020"));
    press(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(project().claim(id)->anchor.quote.exact, "626 million by 2020");
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().claim(id)->anchor.quote.exact, "626 million");
}

TEST_F(MainWindowTest, ImportListsFilesThatCannotBeImportedAndKeepsTheRest) {
    writeFile(dir / "good.txt", "A new report: 450 million cameras.\n");
    writeFile(dir / "empty.txt", "");
    FileDialog::setNextAnswer({qs(dir / "good.txt"), qs(dir / "empty.txt")});
    MessageBox::setNextAnswer(QMessageBox::Ok);
    action("actionImport")->trigger();
    EXPECT_EQ(*project().articleCount(), 2);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("empty.txt is empty")));
    EXPECT_EQ(window->articleList()->model()->rowCount(), 2);
    EXPECT_EQ(action("actionUndo")->text(), QStringLiteral("Undo Import 1 article(s)"));
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(*project().articleCount(), 1);
    EXPECT_EQ(window->articleList()->model()->rowCount(), 1);
}

TEST_F(MainWindowTest, ASavedPageAtAnArticlesUrlIsItsNewVersionAndTheStatusBarSaysWhatWasCarried) {
    const auto page = [](const char* figure) {
        return fmt::format(
            "<html><head><title>Counting cameras</title>"
            "<link rel=\"canonical\" href=\"https://news.example/cameras\"></head><body><article>"
            "<p>Analysts counted more than {} surveillance cameras across the country.</p>"
            "<p>The ministry said 43 pilot cities had tested local schemes.</p></article></body></html>",
            figure);
    };
    writeFile(dir / "v1.html", page("200 million"));
    writeFile(dir / "v2.html", page("250 million"));
    FileDialog::setNextAnswer({qs(dir / "v1.html")});
    press(Qt::Key_I, Qt::ControlModifier);
    ASSERT_EQ(*project().articleCount(), 2);
    const std::int64_t first = project().articles()->back().id;
    for (const char* quote : {"more than 200 million surveillance cameras", "43 pilot cities"})
        ASSERT_TRUE(project().addClaim(NewClaim{first, QuoteSelector{quote, 1}, {}}));

    FileDialog::setNextAnswer({qs(dir / "v2.html")});
    press(Qt::Key_I, Qt::ControlModifier);
    const QString message = window->statusBar()->currentMessage();
    EXPECT_TRUE(
        message.contains(QStringLiteral("1 of them a newer version of an article: 1 claim(s) carried, 1 "
                                        "waiting for you on the earlier version")))
        << message.toStdString();
    const auto versions = project().articleVersions(first);
    ASSERT_EQ(versions->size(), 2U);
    EXPECT_EQ(window->reader()->articleId(), versions->back().id) << "the new version is opened";
    EXPECT_EQ(project().pendingCarries(first)->size(), 1U);

    // Ctrl+Z takes the import back: both claims on version 1 again, nothing waiting; redo carries them again.
    press(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_EQ(*project().articleCount(), 2) << window->statusBar()->currentMessage().toStdString();
    EXPECT_EQ(project().claims({first})->size(), 2U);
    EXPECT_TRUE(project().pendingCarries()->empty());
    EXPECT_EQ(project().articleVersions(first)->size(), 1U);
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(project().articleVersions(first)->size(), 2U);
    EXPECT_EQ(project().claims({versions->back().id})->size(), 1U);
    EXPECT_EQ(project().pendingCarries(first)->size(), 1U);
}

TEST_F(MainWindowTest, ExportShownClaimsWritesTheFilteredRows) {
    recordClaim(QStringLiteral("176 million"), QStringLiteral("176000000"),
                QStringLiteral("Cameras in China"));
    filterClaims(QStringLiteral("china"));
    ASSERT_EQ(window->claimTable()->model()->rowCount(), 1);
    FileDialog::setNextAnswer({qs(dir / "shown.csv")});
    action("actionExportFiltered")->trigger();
    const std::string csv = readFile(dir / "shown.csv");
    EXPECT_EQ(csvRecords(csv), 2) << csv;
    EXPECT_NE(csv.find("176 million"), std::string::npos);
    FileDialog::setNextAnswer({qs(dir / "all.csv")});
    action("actionExportAll")->trigger();
    const std::string all = readFile(dir / "all.csv");
    EXPECT_EQ(csvRecords(all), 3);
}

TEST_F(MainWindowTest, FileMenuKeysExportTheProjectToAnExcelWorkbook) {
    recordClaim(QStringLiteral("176 million"), QStringLiteral("176000000"),
                QStringLiteral("Cameras in China"));
    FileDialog::setNextAnswer({qs(dir / "project.xlsx")});
    // Alt+F opens the File menu; X is the workbook's key there.
    press(Qt::Key_F, Qt::AltModifier);
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    ASSERT_NE(menu, nullptr) << "Alt+F opened no menu";
    QTest::keyClick(menu, Qt::Key_X);
    ASSERT_TRUE(QTest::qWaitFor([this] { return action("actionExportWorkbook")->isEnabled(); }, 20000));
    ASSERT_TRUE(std::filesystem::exists(dir / "project.xlsx")) << "written where the dialog said";
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("Exported the workbook")));
    EXPECT_EQ(readFile(dir / "project.xlsx").substr(0, 2), "PK") << "an xlsx is a zip file";
}

TEST_F(MainWindowTest, AProjectThatCannotBeOpenedIsReportedAndTheCurrentOneStays) {
    writeFile(dir / "notes.claims", "just some notes, not a project");
    MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(window->openProject(qs(dir / "notes.claims")));
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("not a Claimtrack project")));
    EXPECT_EQ(window->session()->path(), qs(file()));
    EXPECT_EQ(readFile(dir / "notes.claims"), "just some notes, not a project");
}

TEST_F(MainWindowTest, HighlightTooltipShowsFigureMetricSourceAndStatus) {
    const std::int64_t id = project().claims()->front().id;
    const QString tip = window->reader()->textView()->claimTooltip(id);
    EXPECT_TRUE(tip.contains(QStringLiteral("Figure: 626,000,000"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Source: IHS Markit")));
    EXPECT_TRUE(tip.contains(QStringLiteral("Status: Unverified")));
}

TEST_F(MainWindowTest, DroppedFilesAreImported) {
    writeFile(dir / "dropped.txt", "Dropped on the window: 300 yuan.\n");
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(qs(dir / "dropped.txt"))});
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    // QApplication::notify drops drag-and-drop events that no drag started; hand it to the window directly.
    static_cast<QObject*>(window.get())->event(&drop);
    EXPECT_EQ(*project().articleCount(), 2);
    EXPECT_EQ(window->reader()->articleId(), 2) << "the new article is opened";
}

TEST_F(MainWindowTest, AFolderIsImportedWholeAsOneUndoableStep) {
    std::filesystem::create_directories(dir / "folder" / "inner");
    writeFile(dir / "folder" / "a.txt", "A text about 300 cameras.\n");
    writeFile(
        dir / "folder" / "inner" / "b.html",
        "<!doctype html><title>Saved page</title><article><p>A page about 40 trains a day.</p></article>");
    writeFile(dir / "folder" / "inner" / "empty.md", "");
    // Kept as a path and hash only, as the user chose.
    window->findChild<QAction*>(QStringLiteral("actionKeepCopies"))->setChecked(false);
    FileDialog::setNextAnswer({qs(dir / "folder")});
    MessageBox::setNextAnswer(QMessageBox::Ok);
    ASSERT_TRUE(action("actionImportFolder")->isEnabled());
    action("actionImportFolder")->trigger();
    EXPECT_EQ(*project().articleCount(), 3);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("empty.md is empty")))
        << "the bad file is named";
    const auto original = *project().articleOriginal(3);
    ASSERT_TRUE(original);
    EXPECT_FALSE(original->bytes);
    EXPECT_TRUE(original->path.ends_with("b.html")) << original->path;
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(*project().articleCount(), 1);
    window->findChild<QAction*>(QStringLiteral("actionKeepCopies"))->setChecked(true);
}

TEST_F(MainWindowTest, LayoutAndRecentProjectsSurviveARestart) {
    auto* splitter = window->findChild<QSplitter*>(QStringLiteral("centreSplitter"));
    splitter->setSizes({300, 200});
    const QList<int> sizes = splitter->sizes();
    window->claimTable()->view()->setColumnWidth(ClaimTableModel::Quote, 333);
    window->close();
    window.reset();

    MainWindow again;
    again.show();
    ASSERT_TRUE(again.openProject(qs(file())));
    EXPECT_EQ(again.findChild<QSplitter*>(QStringLiteral("centreSplitter"))->sizes(), sizes);
    EXPECT_EQ(again.claimTable()->view()->columnWidth(ClaimTableModel::Quote), 333);
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    ASSERT_FALSE(recent.isEmpty());
    EXPECT_EQ(recent.first(), QFileInfo(qs(file())).absoluteFilePath());
}

TEST_F(MainWindowTest, FoundFiguresAreReviewedWithEnterAndDeleteAndUndone) {
    action("actionFindFigures")->trigger();
    SuggestionPane* pane = window->suggestionPane();
    QListWidget* list = pane->list();
    ASSERT_EQ(list->count(), 1) << "626 million is claimed already; 2016 and 2020 are dates";
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("176 million")));
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("IHS Markit")));
    EXPECT_EQ(window->reader()->suggestionCount(), 1);
    EXPECT_EQ(action("actionUndo")->text(), QStringLiteral("Undo Find 1 figure(s)"));
    EXPECT_EQ(window->reader()->selectedText(), QStringLiteral("176 million"))
        << "the reader shows the first";

    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);  // accept
    auto claims = *project().claims();
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].anchor.quote.exact, "176 million");
    EXPECT_EQ(claims[0].fields.value, 176e6);
    EXPECT_EQ(claims[0].fields.source, "IHS Markit");
    EXPECT_EQ(claims[0].fields.asOf, "2016");
    EXPECT_EQ(list->count(), 0);
    EXPECT_EQ(window->reader()->suggestionCount(), 0);
    EXPECT_EQ(window->reader()->highlightCount(), 2);
    EXPECT_EQ(action("actionUndo")->text(), QStringLiteral("Undo Accept figure '176 million'"));

    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().claims()->size(), 1u);
    ASSERT_EQ(list->count(), 1);
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Delete);  // reject
    EXPECT_EQ(list->count(), 0);
    EXPECT_EQ(project().suggestions(articleId, true)->front().rejected, true);
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(list->count(), 1);
    press(Qt::Key_Z, Qt::ControlModifier);  // the finding itself
    EXPECT_EQ(list->count(), 0);
    EXPECT_TRUE(project().suggestions(articleId, true)->empty());
}

TEST_F(MainWindowTest, FileMenuKeysExportTheProjectForQdaSoftware) {
    recordClaim(QStringLiteral("176 million"), QStringLiteral("176000000"),
                QStringLiteral("Cameras in China"));
    FileDialog::setNextAnswer({qs(dir / "project.qdpx")});
    // Alt+F opens the File menu; D is the QDA export's key there.
    press(Qt::Key_F, Qt::AltModifier);
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    ASSERT_NE(menu, nullptr) << "Alt+F opened no menu";
    QTest::keyClick(menu, Qt::Key_D);
    EXPECT_FALSE(action("actionExportWorkbook")->isEnabled()) << "one export at a time";
    ASSERT_TRUE(QTest::qWaitFor([this] { return action("actionExportQda")->isEnabled(); }, 20000));
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Exported 1 article(s) and their claims for QDA software to %1.")
                  .arg(QDir::toNativeSeparators(qs(dir / "project.qdpx"))));
    // The archive, as QDA software reads it.
    auto read = readQdpx(dir / "project.qdpx");
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_EQ(read->sources.size(), 1u);
    const std::u32string text = toCodePoints(read->sources[0].text);
    std::vector<std::string> words;
    for (const QdaSelection& selection : read->sources[0].selections)
        words.push_back(toUtf8(text.substr(static_cast<std::size_t>(selection.start),
                                           static_cast<std::size_t>(selection.end - selection.start))));
    EXPECT_NE(std::find(words.begin(), words.end(), "176 million"), words.end()) << "the claim just recorded";
    EXPECT_EQ(words.size(), project().claims()->size());
}

TEST_F(MainWindowTest, FileMenuKeysMergeAColleaguesProjectAndTheViewsShowWhatCameIn) {
    recordClaim(QStringLiteral("176 million"), QStringLiteral("176000000"),
                QStringLiteral("Cameras in China"));
    ASSERT_TRUE(action("actionUndo")->isEnabled());
    // A colleague's copy: this project's article and claims (passed over), and an article and a claim of
    // their own.
    const std::filesystem::path colleague = dir / "colleague.claims";
    {
        auto other = Project::create(colleague);
        ASSERT_TRUE(other);
        std::ostringstream file;
        ASSERT_TRUE(writeProjectFile(project(), file));
        std::istringstream in(file.str());
        ASSERT_TRUE(other->mergeProject([&](ProjectRecords& r) { return readProjectFile(in, r); },
                                        MergePreference::Ours));
        const std::int64_t article =
            other
                ->importArticle("Bans\nCourts barred travellers from flights 17.5 million times.\n", {},
                                "b.txt")
                ->id;
        NewClaim bans{article, QuoteSelector{"17.5 million", 1}, {}};
        bans.fields.value = 17.5e6;
        ASSERT_TRUE(other->addClaim(bans));
    }
    waitForTable();
    const std::int64_t before = window->claimTable()->model()->rowCount();
    // Alt+F opens the File menu; M is the merge's key there. What the merge would do is shown first: said
    // No to, nothing changes.
    const auto mergeWith = [&](QMessageBox::StandardButton answer) {
        // Under the offscreen platform the menu closed by the merge before stays the active window (no window
        // manager gives the activation back): the window is made active again, as a click on it would.
        QApplication::setActiveWindow(window.get());
        FileDialog::setNextAnswer({qs(colleague)});
        InputDialog::setNextAnswer(QStringLiteral("Keep ours (this project's version)"));
        MessageBox::setNextAnswer(answer);
        press(Qt::Key_F, Qt::AltModifier);
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        ASSERT_NE(menu, nullptr) << "Alt+F opened no menu";
        QTest::keyClick(menu, Qt::Key_M);
        ASSERT_TRUE(QTest::qWaitFor(
            [] { return MessageBox::lastText().startsWith(QStringLiteral("Merge colleague.claims")); },
            20000))
            << MessageBox::lastText().toStdString();
    };
    mergeWith(QMessageBox::No);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("A merge cannot be undone.\nIt would do this: "
                                                               "1 article(s) added, 1 claim(s) added.\n")))
        << MessageBox::lastText().toStdString();
    EXPECT_NE(MessageBox::lastDetails().indexOf(QStringLiteral("claims: 1 added, 2 already the same")), -1)
        << MessageBox::lastDetails().toStdString();
    QTest::qWait(300);
    EXPECT_EQ(project().claims()->size(), 2u) << "a preview changes nothing";
    EXPECT_TRUE(action("actionUndo")->isEnabled());

    mergeWith(QMessageBox::Yes);  // the same preview again, agreed to this time
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window->statusBar()->currentMessage().startsWith(QStringLiteral("Merged")); }, 20000));
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Merged colleague.claims: 1 article(s) added, 1 claim(s) added."));
    // The views show it at once, and it is not taken for another program's change.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return window->claimTable()->model()->rowCount() == before + 1; }, 5000));
    EXPECT_EQ(window->articleList()->model()->rowCount(), 2);
    EXPECT_EQ(project().claims()->size(), 3u);
    EXPECT_FALSE(action("actionUndo")->isEnabled()) << "a merge cannot be undone, nor steps made before it";
}
