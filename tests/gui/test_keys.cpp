// Keys act where the user is looking: real key presses on the focused widget,
// so a clash of shortcuts or a focus mistake fails here.
#include "articles/article_list.h"
#include "claims/claim_editor.h"
#include "claims/claim_table.h"
#include "figures/suggestion_pane.h"
#include "gui_support.h"
#include "help.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "test_support.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

class KeysTest : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(file());
            ASSERT_TRUE(project);
            first = project
                        ->importArticle("IHS Markit counted 176 million cameras in 2016.\n",
                                        {"Cameras", "", "Daily", "", "2018"}, "a.txt")
                        ->id;
            second = project
                         ->importArticle("State media said 450 million cameras would be in place by 2020.\n",
                                         {"Forecast", "", "Daily", "", "2019"}, "b.txt")
                         ->id;
            NewClaim claim{first, QuoteSelector{"176 million", 1}, {}};
            claim.fields.value = 176e6;
            cameras = *project->addClaim(claim);
        }
        window = std::make_unique<MainWindow>();
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        ASSERT_TRUE(window->openProject(qs(file())));
    }

    std::filesystem::path file() const { return dir / "keys.claims"; }
    Project& project() { return window->session()->project(); }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
    std::int64_t first = 0, second = 0, cameras = 0;
};

}  // namespace

TEST_F(KeysTest, NoTwoActionsShareAShortcutInTheSameContext) {
    QMap<QString, QString> owner;  // "context [widgets] key" -> action
    for (QAction* action : window->findChildren<QAction*>()) {
        // A key scoped to widgets is bound once per widget (F2 edits a claim in the reader, an article in
        // the article list); menus only show it.
        QString scope = QString::number(action->shortcutContext());
        if (action->shortcutContext() != Qt::WindowShortcut &&
            action->shortcutContext() != Qt::ApplicationShortcut)
            for (QObject* object : action->associatedObjects())
                if (!qobject_cast<QMenu*>(object))
                    scope += QLatin1Char(' ') + object->objectName();
        for (const QKeySequence& key : action->shortcuts()) {
            const QString slot = scope + QLatin1Char(' ') + key.toString();
            EXPECT_FALSE(owner.contains(slot))
                << key.toString().toStdString() << " is bound to " << owner.value(slot).toStdString()
                << " and " << action->objectName().toStdString();
            owner.insert(slot, action->objectName());
        }
    }
    EXPECT_TRUE(owner.contains(QStringLiteral("%1 Ctrl+Y").arg(Qt::WindowShortcut)));
}

TEST_F(KeysTest, RedoWorksFromTheKeyboardWithBothKeys) {
    window->goToClaim(cameras);
    window->reader()->textView()->setFocus();
    QTest::keyClick(window->reader()->textView(), Qt::Key_Delete);
    ASSERT_FALSE(project().claim(cameras)) << "Delete in the reader deletes the claim selected there";
    QTest::keyClick(window->reader()->textView(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(project().claim(cameras));
    QTest::keyClick(window->reader()->textView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_FALSE(project().claim(cameras)) << "Ctrl+Shift+Z redoes";
    QTest::keyClick(window->reader()->textView(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(project().claim(cameras));
    QTest::keyClick(window->reader()->textView(), Qt::Key_Y, Qt::ControlModifier);
    EXPECT_FALSE(project().claim(cameras)) << "Ctrl+Y redoes";
}

TEST_F(KeysTest, DeleteInTheFiguresListRejectsFiguresAndNeverAClaimSelectedElsewhere) {
    // The claim in the first article is selected in the table; the user moves on to the second article.
    window->goToClaim(cameras);
    ASSERT_EQ(window->claimTable()->selectedClaim(), cameras);
    window->articleList()->selectArticle(second);
    ASSERT_EQ(window->reader()->articleId(), second);

    window->reader()->textView()->setFocus();
    QTest::keyClick(window->reader()->textView(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QListWidget* figures = window->findChild<SuggestionPane*>()->list();
    ASSERT_TRUE(QTest::qWaitFor([figures] { return figures->count() > 0; }, 2000));
    ASSERT_EQ(QApplication::focusWidget(), figures) << "finding figures puts the keyboard in their list";
    const int waiting = figures->count();
    figures->setCurrentRow(0);
    QTest::keyClick(figures, Qt::Key_Delete);

    EXPECT_TRUE(project().claim(cameras)) << "the claim selected in the other article is untouched";
    EXPECT_EQ(figures->count(), waiting - 1) << "the selected figure was rejected";
}

TEST_F(KeysTest, CtrlEWithNothingSelectedSaysSoAndOpensNoEditor) {
    window->goToClaim(cameras);  // a claim is current, but no words are selected
    QPlainTextEdit* text = window->reader()->textView();
    QTextCursor cursor = text->textCursor();
    cursor.clearSelection();
    text->setTextCursor(cursor);
    text->setFocus();
    QTest::keyClick(text, Qt::Key_E, Qt::ControlModifier);
    EXPECT_EQ(window->claimEditor(), nullptr);
    EXPECT_TRUE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Nothing is selected")))
        << window->statusBar()->currentMessage().toStdString();
}

TEST_F(KeysTest, F1ListsEveryMenuActionWithItsKeysAndTheHelpMenuShowsAbout) {
    ASSERT_TRUE(window->session()->deleteClaim(cameras));  // Undo now reads "Undo Delete claim '176 million'"
    pressKey(window.get(), Qt::Key_F1);
    auto* shortcuts = window->findChild<ShortcutsDialog*>();
    ASSERT_NE(shortcuts, nullptr) << "F1 opens the keyboard shortcuts";
    QMap<QString, QString> listed;
    for (int row = 0; row < shortcuts->table()->rowCount(); ++row)
        listed[shortcuts->table()->item(row, 1)->text()] = shortcuts->table()->item(row, 2)->text();
    EXPECT_EQ(listed.value(QStringLiteral("Record Claim from Selection")), QStringLiteral("Ctrl+E"));
    EXPECT_EQ(listed.value(QStringLiteral("Undo")), QStringLiteral("Ctrl+Z"))
        << "named as the action, not its step";
    EXPECT_EQ(listed.value(QStringLiteral("Redo")), QStringLiteral("Ctrl+Shift+Z or Ctrl+Y"));
    // A key that works only in some views says where: F2 edits a claim in one place, an article in another.
    const auto details = shortcuts->table()->findItems(QStringLiteral("Article Details"), Qt::MatchExactly);
    ASSERT_EQ(details.size(), 1);
    EXPECT_EQ(shortcuts->table()->item(details.front()->row(), 0)->text(), QStringLiteral("Article list"));
    // Every action in a menu that has a key is listed with it.
    for (const QAction* entry : window->menuBar()->actions())
        for (const QAction* action : entry->menu()->actions()) {
            const QVariant name = action->property(kShortcutNameProperty);
            const QString what = (name.isValid() ? name.toString() : action->text())
                                     .remove(QLatin1Char('&'))
                                     .remove(QChar(0x2026));
            EXPECT_TRUE(action->shortcut().isEmpty() || listed.contains(what)) << what.toStdString();
        }
    QTest::keyClick(shortcuts, Qt::Key_Escape);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->findChild<ShortcutsDialog*>() == nullptr; }, 2000));

    window->findChild<QAction*>(QStringLiteral("actionAbout"))->trigger();
    auto* about = window->findChild<AboutDialog*>();
    ASSERT_NE(about, nullptr);
    const QString text = about->findChild<QLabel*>(QStringLiteral("aboutText"))->text();
    EXPECT_TRUE(text.contains(QStringLiteral("SQLite 3."))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Poppler")));
    EXPECT_TRUE(text.contains(QStringLiteral("Snowball")));
    EXPECT_TRUE(text.contains(QStringLiteral("libzip")));
}
