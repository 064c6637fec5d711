// The history in the app, driven by keys: the user's name set once, an edit and its undo recorded as such,
// Edit ▸ History listing them newest first, and the claim editor's History tab.
#include "claims/claim_editor.h"
#include "gui_support.h"
#include "history/history_pane.h"
#include "main_window.h"
#include "project_session.h"
#include "test_support.h"

#include <QApplication>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

class HistoryTest : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(file);
            ASSERT_TRUE(project);
            ASSERT_TRUE(project->setUserName("ana"));
            const auto article =
                project->importArticle("IHS Markit expects 626 million cameras by 2020.\n", {}, "a.txt")->id;
            NewClaim claim{article, QuoteSelector{"626 million", 1}, {}};
            claim.fields.value = 626e6;
            claimId = *project->addClaim(claim);
        }
        window = std::make_unique<MainWindow>();
        window->show();
        reactivate(window.get());
        ASSERT_TRUE(window->openProject(qs(file)));
    }

    void TearDown() override {
        // The name is kept for the next session: not for the next test.
        QSettings().remove(QStringLiteral("userName"));
        db::setProgramUserName({});
    }

    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        pressKey(window.get(), key, modifiers);
    }

    // Opens the Edit menu with Alt+E and chooses the item whose key is `item`.
    void editMenu(Qt::Key item) {
        QApplication::setActiveWindow(window.get());
        press(Qt::Key_E, Qt::AltModifier);
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        ASSERT_NE(menu, nullptr) << "Alt+E opened no menu";
        QTest::keyClick(menu, item);
    }

    // Opens the claim's editor with F2 in the reader.
    ClaimEditor* editClaim() {
        window->goToClaim(claimId);
        window->reader()->textView()->setFocus();
        press(Qt::Key_F2);
        return window->claimEditor();
    }

    Project& project() { return window->session()->project(); }

    TempDir dir;
    std::filesystem::path file = dir / "history.claims";
    std::unique_ptr<MainWindow> window;
    std::int64_t claimId = 0;
};

}  // namespace

TEST_F(HistoryTest, AnEditAndItsUndoAreListedUnderTheNameGiven) {
    editMenu(Qt::Key_N);  // Edit ▸ Your Name…
    auto* asked = window->findChild<QInputDialog*>(QStringLiteral("userNameDialog"));
    ASSERT_NE(asked, nullptr);
    auto* nameEdit = asked->findChild<QLineEdit*>();
    ASSERT_NE(nameEdit, nullptr);
    QTest::keyClick(nameEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(nameEdit, QStringLiteral("Dana Reyes"));
    QTest::keyClick(nameEdit, Qt::Key_Return);
    EXPECT_EQ(*project().userName(), "Dana Reyes");
    EXPECT_EQ(QSettings().value(QStringLiteral("userName")).toString(), QStringLiteral("Dana Reyes"));

    reactivate(window.get());
    ClaimEditor* editor = editClaim();
    ASSERT_NE(editor, nullptr);
    QTest::keyClick(editor->valueEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor->valueEdit(), QStringLiteral("650 million"));
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    EXPECT_EQ(project().claim(claimId)->fields.value, 650e6);
    reactivate(window.get());
    window->reader()->textView()->setFocus();
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().claim(claimId)->fields.value, 626e6);

    press(Qt::Key_H, Qt::ControlModifier);  // Edit ▸ History
    HistoryPane* pane = window->historyPane();
    ASSERT_TRUE(QTest::qWaitFor([pane] { return pane->isVisible(); }, 2000));
    EXPECT_EQ(QApplication::focusWidget(), pane->view()) << "the keyboard goes to the list";
    const auto& entries = pane->model().entries();
    std::string listed;
    for (const HistoryEntry& entry : entries)
        listed += describeChange(entry) + "\n";
    ASSERT_EQ(entries.size(), 3u) << "the claim created, the edit and its undo:\n" << listed;
    EXPECT_EQ(pane->caption()->text(), QStringLiteral("3 change(s), the newest first."));
    EXPECT_EQ(entries[0].how, EditKind::Undo);
    EXPECT_EQ(entries[0].user, "Dana Reyes");
    EXPECT_EQ(describeChange(entries[0]), "value: 650000000 \u2192 626000000");
    EXPECT_EQ(pane->view()->model()->index(0, HistoryModel::Who).data().toString(),
              QStringLiteral("Dana Reyes (undo)"));
    EXPECT_EQ(entries[1].how, EditKind::Edit);
    EXPECT_EQ(entries[2].change, "created");
    EXPECT_EQ(entries[2].user, "ana");

    // Redo is recorded too, and the open pane follows.
    press(Qt::Key_Y, Qt::ControlModifier);
    ASSERT_EQ(pane->model().entries().size(), 4u);
    EXPECT_EQ(pane->model().entries()[0].how, EditKind::Redo);

    // Enter on a change to a claim opens the claim.
    window->goToClaim(0);
    QTest::keyClick(pane->view(), Qt::Key_Down);
    QTest::keyClick(pane->view(), Qt::Key_Return);
    EXPECT_EQ(window->currentClaim(), claimId);
}

TEST_F(HistoryTest, TheClaimEditorHasAHistoryTab) {
    ClaimEditor* editor = editClaim();
    ASSERT_NE(editor, nullptr);
    auto* tabs = editor->findChild<QTabWidget*>(QStringLiteral("claimEditorTabs"));
    ASSERT_NE(tabs, nullptr);
    ASSERT_EQ(tabs->count(), 2);
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("&History (1)"));
    ASSERT_TRUE(
        QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor->valueEdit(); }, 2000))
        << "the fields come first";
    pressKey(editor, Qt::Key_H, Qt::AltModifier);
    EXPECT_EQ(tabs->currentIndex(), 1);
    auto* history = editor->findChild<HistoryPane*>(QStringLiteral("claimHistory"));
    ASSERT_NE(history, nullptr);
    EXPECT_TRUE(history->isVisible());
    EXPECT_TRUE(history->view()->isColumnHidden(HistoryModel::What)) << "it is this claim's";
    EXPECT_EQ(history->model().entries().front().change, "created");
    QTest::keyClick(tabs, Qt::Key_Escape);
    EXPECT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));

    // A new claim has no history: no tab bar.
    reactivate(window.get());
    selectWords(window->reader(), QStringLiteral("2020"));
    press(Qt::Key_E, Qt::ControlModifier);
    ASSERT_NE(window->claimEditor(), nullptr);
    EXPECT_FALSE(window->claimEditor()
                     ->findChild<QTabWidget*>(QStringLiteral("claimEditorTabs"))
                     ->tabBar()
                     ->isVisible());
}

// Another program (here the command line's library, as ben) changes the claim while it is open in the
// editor: Save is refused in the editor with who changed what, nothing typed is lost, their change is in
// the History tab, and saving again puts this edit over theirs knowingly.
TEST_F(HistoryTest, ASaveOverAnotherUsersChangeIsRefusedInTheEditorUntilMadeAgain) {
    ClaimEditor* editor = editClaim();
    ASSERT_NE(editor, nullptr);
    QTest::keyClick(editor->valueEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor->valueEdit(), QStringLiteral("650 million"));
    {
        auto other = Project::open(file);
        ASSERT_TRUE(other);
        ASSERT_TRUE(other->setUserName("ben"));
        ClaimFields fields = other->claim(claimId)->fields;
        fields.status = ClaimStatus::Disputed;
        ASSERT_TRUE(other->updateClaim(claimId, fields));
    }

    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_EQ(window->claimEditor(), editor) << "the editor stays open";
    auto* error = editor->findChild<QLabel*>(QStringLiteral("editorError"));
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("was changed by ben at ")))
        << qPrintable(error->text());
    EXPECT_TRUE(error->text().contains(QStringLiteral("status: unverified → disputed")))
        << qPrintable(error->text());
    EXPECT_EQ(editor->valueEdit()->text(), QStringLiteral("650 million")) << "nothing typed is lost";
    EXPECT_EQ(project().claim(claimId)->fields.value, 626e6);
    EXPECT_EQ(project().claim(claimId)->fields.status, ClaimStatus::Disputed);
    auto* tabs = editor->findChild<QTabWidget*>(QStringLiteral("claimEditorTabs"));
    ASSERT_NE(tabs, nullptr);
    EXPECT_EQ(tabs->count(), 2) << "one History tab, listed anew";
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("&History (2)"));
    auto* history = editor->findChild<HistoryPane*>(QStringLiteral("claimHistory"));
    ASSERT_NE(history, nullptr);
    EXPECT_EQ(history->model().entries().front().user, "ben");

    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000))
        << "saved the second time";
    EXPECT_EQ(project().claim(claimId)->fields.value, 650e6);
}
