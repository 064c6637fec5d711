// The app open on a project that other programs write at the same time: the
// command line as a real process, or another connection for a precise change.
#include "articles/article_list.h"
#include "claims/claim_editor.h"
#include "claims/claim_table.h"
#include "dialogs.h"
#include "gui_support.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "test_support.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

#include <filesystem>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

const std::string kArticle =
    "IHS Markit counted 176 million cameras in 2016 and expects 626 million by 2020.\n";

class SharedProjectApp : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(file());
            ASSERT_TRUE(project);
            articleId = project->importArticle(kArticle, {"Cameras", "", "Daily", "", "2018"}, "a.txt")->id;
        }
        window = std::make_unique<MainWindow>();
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));  // shortcuts reach only the active window
        ASSERT_TRUE(window->openProject(qs(file())));
        waitForTable();
    }

    std::filesystem::path file() const { return dir / "shared.claims"; }
    Project& project() { return window->session()->project(); }
    QAction* action(const char* name) { return window->findChild<QAction*>(QString::fromLatin1(name)); }

    void waitForTable() {
        ClaimTableModel* model = window->claimTable()->model();
        ASSERT_TRUE(QTest::qWaitFor([model] { return !model->isBusy(); }, 10000));
    }

    // Selects `quote` in the reader, presses Ctrl+E there, types `value` and Enter.
    void recordWithKeys(const QString& quote, const QString& value) {
        selectWords(window->reader(), quote);
        QTest::keyClick(window->reader()->textView(), Qt::Key_E, Qt::ControlModifier);
        ClaimEditor* editor = window->claimEditor();
        ASSERT_NE(editor, nullptr);
        editor->valueEdit()->clear();  // the editor opens with the finder's reading; the test types its own
        QTest::keyClicks(editor->valueEdit(), value);
        QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
        ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 5000))
            << "the save was refused: "
            << editor->findChild<QLabel*>(QStringLiteral("editorError"))->text().toStdString();
        reactivate(window.get());
    }

    void pressUndo() { pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier); }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
    std::int64_t articleId = 0;
};

std::int64_t walSize(const std::filesystem::path& project) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(project.string() + "-wal", ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
}

}  // namespace

TEST_F(SharedProjectApp, TheCommandLineWritesWhileTheAppIsOpenAndTheAppShowsItAllAndStillSaves) {
    // 100 articles, then 1,000 claims one command each, as a script would.
    const auto folder = dir / "incoming";
    std::filesystem::create_directory(folder);
    for (int i = 0; i < 100; ++i)
        writeFile(folder / ("report" + std::to_string(1000 + i) + ".txt"),
                  "Report " + std::to_string(i) + ": the city counted " + std::to_string(i + 1) +
                      " million cameras and 12 percent more than before.\n");
    const QString script = QStringLiteral(
        "set -e; cli=\"$1\"; project=\"$2\"; \"$cli\" import \"$project\" \"$3\" >/dev/null;"
        "for i in $(seq 0 999); do \"$cli\" claim add \"$project\" --article $((i % 100 + 2)) "
        "--quote cameras --metric \"Cameras in cities\" --source \"City office\" >/dev/null; done");
    QProcess cli;
    cli.start(QStringLiteral("bash"), {QStringLiteral("-c"), script, QStringLiteral("bash"),
                                       QStringLiteral(CLAIMTRACK_CLI), qs(file()), qs(folder)});
    ASSERT_TRUE(cli.waitForStarted());

    // Meanwhile the user records a claim, and the log stays bounded.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cli.state() == QProcess::NotRunning || *project().articleCount() > 1; }, 30000));
    recordWithKeys(QStringLiteral("176 million"), QStringLiteral("176000000"));
    std::int64_t largestLog = 0;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            largestLog = std::max(largestLog, walSize(file()));
            return cli.state() == QProcess::NotRunning;
        },
        180000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();

    // Within a second the app shows every article and claim, with their words, not blank rows.
    ClaimTableModel* model = window->claimTable()->model();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return window->articleList()->model()->rowCount() == 101 && !model->isBusy() &&
                   model->rowCount() == 1001;
        },
        1000 + ProjectSession::kWatchIntervalMs))
        << window->articleList()->model()->rowCount() << " articles, " << model->rowCount()
        << " claims shown";
    for (int row : {0, 500, 1000})
        EXPECT_FALSE(model->data(model->index(row, ClaimTableModel::Quote)).toString().isEmpty())
            << "row " << row << " is blank";
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("Another program")));

    // And the user goes on: records, edits and undoes.
    recordWithKeys(QStringLiteral("626 million"), QStringLiteral("626000000"));
    const std::int64_t forecast = window->currentClaim();
    ASSERT_NE(forecast, 0);
    QTest::keyClick(window->reader()->textView(), Qt::Key_F2);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    editor->valueEdit()->selectAll();
    QTest::keyClicks(editor->valueEdit(), QStringLiteral("620000000"));
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 5000));
    reactivate(window.get());
    EXPECT_EQ(project().claim(forecast)->fields.value, 620e6);
    pressUndo();
    EXPECT_EQ(project().claim(forecast)->fields.value, 626e6);
    pressUndo();
    EXPECT_FALSE(project().claim(forecast));
    EXPECT_EQ(project().claims()->size(), 1001u);

    // The log was checkpointed all along: never much past SQLite's 1,000-page checkpoint size.
    EXPECT_LT(largestLog, 6 << 20) << "the log grew to " << largestLog << " bytes";
    EXPECT_LT(walSize(file()), 6 << 20);
    EXPECT_TRUE(project().connectionIsIdle());
}

TEST_F(SharedProjectApp, AnUndoThatWouldOverwriteAnotherProgramsChangeIsRefusedAndSaysWhy) {
    recordWithKeys(QStringLiteral("176 million"), QStringLiteral("176000000"));
    const std::int64_t claim = window->currentClaim();
    {
        auto other = Project::open(file());
        ASSERT_TRUE(other);
        ClaimFields fields = other->claim(claim)->fields;
        fields.note = "checked against the IHS Markit report";
        ASSERT_TRUE(other->updateClaim(claim, fields));
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [this] { return window->statusBar()->currentMessage().contains(QStringLiteral("Another program")); },
        2000));

    MessageBox::setNextAnswer(QMessageBox::Ok);
    pressUndo();
    EXPECT_EQ(
        MessageBox::lastText(),
        QStringLiteral("“Add claim '176 million'” was not carried out: another program changed the claim "
                       "'176 million' since; undoing would overwrite that change"));
    ASSERT_TRUE(project().claim(claim)) << "the claim the other program changed is still there";
    EXPECT_EQ(project().claim(claim)->fields.note, "checked against the IHS Markit report");
    EXPECT_FALSE(window->session()->undoStack()->canUndo()) << "the refused step left the stack";
}

TEST_F(SharedProjectApp, UndoingARenameAnotherProgramChangedSinceIsRefused) {
    recordWithKeys(QStringLiteral("176 million"), QStringLiteral("176000000"));  // its source: IHS Markit
    const std::int64_t source = project().entities(EntityKind::Source)->front().id;
    ASSERT_TRUE(window->session()->renameEntity(EntityKind::Source, source, QStringLiteral("IHS")));
    {
        auto other = Project::open(file());
        ASSERT_TRUE(other);
        ASSERT_TRUE(other->renameEntity(EntityKind::Source, source, "S&P Global Mobility"));
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [this] { return window->statusBar()->currentMessage().contains(QStringLiteral("Another program")); },
        2000));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    pressUndo();
    EXPECT_EQ(MessageBox::lastText(),
              QStringLiteral(
                  "“Rename 'IHS Markit' to 'IHS'” was not carried out: another program changed the source "
                  "'IHS' since; undoing would overwrite that change"));
    EXPECT_EQ(project().entities(EntityKind::Source)->front().name, "S&P Global Mobility");
}

TEST_F(SharedProjectApp, ASaveWhileAnotherProgramWritesNamesItKeepsWhatWasTypedAndGoesThroughLater) {
    QProcess shell;  // another program in the middle of a write
    shell.start(QStringLiteral("sqlite3"), {qs(file())});
    ASSERT_TRUE(shell.waitForStarted());
    shell.write("BEGIN IMMEDIATE;\nSELECT 'holding';\n");
    while (!shell.readAllStandardOutput().contains("holding"))
        ASSERT_TRUE(shell.waitForReadyRead(10000));

    selectWords(window->reader(), QStringLiteral("176 million"));
    QTest::keyClick(window->reader()->textView(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    editor->valueEdit()->clear();
    QTest::keyClicks(editor->valueEdit(), QStringLiteral("176000000"));
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    auto* error = editor->findChild<QLabel*>(QStringLiteral("editorError"));
    EXPECT_EQ(error->text(),
              QStringLiteral("project file %1 is being written by sqlite3 (process %2); nothing was "
                             "changed, try again when it has finished")
                  .arg(qs(file()))
                  .arg(shell.processId()));
    EXPECT_EQ(window->claimEditor(), editor) << "the editor stays open";
    EXPECT_EQ(editor->valueEdit()->text(), QStringLiteral("176000000")) << "what was typed is kept";
    EXPECT_TRUE(project().claims()->empty());

    shell.write("ROLLBACK;\n.quit\n");
    shell.closeWriteChannel();
    ASSERT_TRUE(shell.waitForFinished(10000));
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 5000));
    ASSERT_EQ(project().claims()->size(), 1u);
    EXPECT_EQ(project().claims()->front().fields.value, 176e6);
}

TEST(SharedProjectReadOnly, AProjectInAReadOnlyFolderOpensReadOnlyAndSaysWhyNothingCanBeChanged) {
    TempDir dir;
    const auto folder = dir / "published";
    std::filesystem::create_directory(folder);
    const auto path = folder / "final.claims";
    {
        auto project = Project::create(path);
        ASSERT_TRUE(project);
        const auto article = project->importArticle(kArticle, {"Cameras", "", "Daily", "", "2018"}, "a.txt");
        ASSERT_TRUE(article);
        ASSERT_TRUE(project->addClaim({article->id, CodePointRange{0, 3}, {}}));
    }
    std::filesystem::permissions(folder,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    {
        MainWindow window;
        window.show();
        ASSERT_TRUE(window.openProject(qs(path)));
        EXPECT_EQ(window.windowTitle(), QStringLiteral("final.claims (read-only) — Claimtrack"));
        const QString why = QStringLiteral("project file %1 is read-only: its folder %2 cannot be written")
                                .arg(qs(path), qs(folder));
        EXPECT_EQ(window.statusBar()->currentMessage(), why);
        EXPECT_EQ(window.reader()->articleId(), 1);
        for (const char* name :
             {"actionImport", "actionImportFolder", "actionRecordClaim", "actionFindFigures"}) {
            auto* edit = window.findChild<QAction*>(QString::fromLatin1(name));
            EXPECT_FALSE(edit->isEnabled()) << name;
            EXPECT_EQ(edit->statusTip(), why) << name;
        }
        // No cell of the claim table edits in place.
        ClaimTableModel* claims = window.claimTable()->model();
        ASSERT_TRUE(QTest::qWaitFor([claims] { return !claims->isBusy() && claims->rowCount() == 1; }, 5000));
        for (int column = 0; column < ClaimTableModel::ColumnCount; ++column)
            EXPECT_FALSE(claims->flags(claims->index(0, column)) & Qt::ItemIsEditable) << column;
        // Selecting words and pressing Ctrl+E opens no editor.
        window.reader()->textView()->selectAll();
        window.reader()->textView()->setFocus();
        QTest::keyClick(window.reader()->textView(), Qt::Key_E, Qt::ControlModifier);
        EXPECT_EQ(window.claimEditor(), nullptr);
        EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
        EXPECT_FALSE(std::filesystem::exists(path.string() + "-shm"));
    }
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
}
