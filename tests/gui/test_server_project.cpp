// A project on a PostgreSQL server in the app: File ▸ Open Shared Project… opens it by its URI, the
// window and the list of recent projects name it without its password, and others' changes show as they
// are made.
#include "claims/claim_editor.h"
#include "claims/claim_table.h"
#include "conflicts/compare_view.h"
#include "conflicts/comparison_table_model.h"
#include "conflicts/conflict_list.h"
#include "entities/entity_pane.h"
#include "gui_support.h"
#include "main_window.h"
#include "postgres_support.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "test_support.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

// Opens the project at `location` in `window`, active and of a size that shows every pane, on `article`.
void openShowing(MainWindow& window, const std::string& location, std::int64_t article) {
    window.resize(1300, 800);
    window.show();
    reactivate(&window);
    ASSERT_TRUE(window.openProject(QString::fromStdString(location)));
    window.showArticle(article);
}

}  // namespace

TEST(ServerProjectApp, OpenSharedProjectOpensItByItsUriAndNeverKeepsThePassword) {
    const char* server = postgresUnderTest();
    if (!server)
        GTEST_SKIP() << kNoPostgres;
    const ServerSchema schema(server);
    const std::string location = schema.location() + "&password=s3cret";  // the test server trusts anyone
    {
        auto project = Project::create(location);
        ASSERT_TRUE(project) << project.error().message;
        const auto article =
            project->importArticle("IHS Markit expects 626 million cameras by 2020.\n", {}, "a.txt")->id;
        ASSERT_TRUE(project->addClaim({article, QuoteSelector{"626 million", 1}, {}}));
    }
    QSettings().remove(QStringLiteral("recentProjects"));
    MainWindow window;
    window.show();
    reactivate(&window);

    pressKey(&window, Qt::Key_F, Qt::AltModifier);  // File ▸ Open Shared Project… (Alt+F, A)
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    ASSERT_NE(menu, nullptr) << "Alt+F opened no menu";
    QTest::keyClick(menu, Qt::Key_A);
    auto* asked = window.findChild<QInputDialog*>(QStringLiteral("sharedProjectDialog"));
    ASSERT_NE(asked, nullptr);
    auto* uriEdit = asked->findChild<QLineEdit*>();
    ASSERT_NE(uriEdit, nullptr);
    EXPECT_TRUE(uriEdit->text().isEmpty()) << "no server was opened before";
    QTest::keyClick(uriEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(uriEdit, QString::fromStdString(location));
    QTest::keyClick(uriEdit, Qt::Key_Return);

    ASSERT_NE(window.session(), nullptr) << "the project was not opened";
    EXPECT_EQ(window.session()->project().claims()->size(), 1U);
    const auto* table = window.findChild<ClaimTable*>(QStringLiteral("claimTable"));
    ASSERT_NE(table, nullptr);
    const QString title = window.windowTitle();
    EXPECT_TRUE(title.startsWith(QStringLiteral("postgresql://postgres@"))) << title.toStdString();
    EXPECT_FALSE(title.contains(QStringLiteral("s3cret"))) << title.toStdString();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    ASSERT_FALSE(recent.isEmpty());
    EXPECT_TRUE(recent.front().startsWith(QStringLiteral("postgresql://postgres@")))
        << recent.front().toStdString();
    EXPECT_FALSE(recent.join(QLatin1Char(' ')).contains(QStringLiteral("s3cret")));

    // Asked again, the dialog offers the server opened last.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the first dialog, closed
    ASSERT_EQ(window.findChild<QInputDialog*>(QStringLiteral("sharedProjectDialog")), nullptr);
    window.askSharedProject();
    auto* again = window.findChild<QInputDialog*>(QStringLiteral("sharedProjectDialog"));
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again->textValue(), recent.front());
    again->reject();
    QSettings().remove(QStringLiteral("recentProjects"));
}

TEST(ServerProjectApp, AnAddressThatIsNoServerIsRefusedAndNothingIsOpened) {
    MainWindow window;
    window.show();
    reactivate(&window);
    pressKey(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    auto* asked = window.findChild<QInputDialog*>(QStringLiteral("sharedProjectDialog"));
    ASSERT_NE(asked, nullptr) << "Ctrl+Shift+O asked for no server";
    auto* uriEdit = asked->findChild<QLineEdit*>();
    ASSERT_NE(uriEdit, nullptr);
    QTest::keyClick(uriEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(uriEdit, QStringLiteral("research.claims"));
    // The refusal is a message box: read, then closed as soon as it shows.
    QString refusal;
    QTimer::singleShot(0, [&refusal] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            refusal = box->text() + QLatin1Char(' ') + box->informativeText();
            QTest::keyClick(box, Qt::Key_Escape);
        }
    });
    QTest::keyClick(uriEdit, Qt::Key_Return);
    EXPECT_TRUE(refusal.contains(QStringLiteral("research.claims is not a PostgreSQL connection URI")))
        << refusal.toStdString();
    EXPECT_EQ(window.session(), nullptr);
}

// Two researchers on one project on a server: what the other records shows in the app within a second
// (the claim table, the reader's highlights, the conflicts and the compare view), and Ctrl+Z undoes the
// user's own change, never the other's.
TEST(ServerProjectApp, AColleaguesClaimShowsWithinASecondAndUndoStaysTheUsersOwn) {
    const char* server = postgresUnderTest();
    if (!server)
        GTEST_SKIP() << kNoPostgres;
    const ServerSchema schema(server);
    const std::string location = schema.location();
    auto colleague = Project::create(location);
    ASSERT_TRUE(colleague) << colleague.error().message;
    ASSERT_TRUE(colleague->setUserName("ana"));
    const auto article = colleague
                             ->importArticle("IHS Markit counted 176 million cameras in 2016 and expects 626 "
                                             "million by 2020; state media said 450 million.\n",
                                             {"Cameras", "", "Daily", "", "2018"}, "a.txt")
                             ->id;
    const auto claimOf = [article](const char* quote, double value, const char* source) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.metric = "Cameras in China";
        claim.fields.source = source;
        claim.fields.asOf = "2020";
        return claim;
    };
    ASSERT_TRUE(colleague->addClaim(claimOf("626 million", 626e6, "IHS Markit")));

    MainWindow window;
    openShowing(window, location, article);
    ClaimTableModel* table = window.claimTable()->model();
    ASSERT_TRUE(QTest::qWaitFor([table] { return !table->isBusy() && table->rowCount() == 1; }, 5000));
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("conflictDock"));
    ASSERT_NE(dock, nullptr);
    dock->show();
    ASSERT_TRUE(window.compareMetric(QStringLiteral("Cameras in China")));

    // The user records a claim with the keys.
    selectWords(window.reader(), QStringLiteral("176 million"));
    QTest::keyClick(window.reader()->textView(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window.claimEditor();
    ASSERT_NE(editor, nullptr);
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&window] { return window.claimEditor() == nullptr; }, 5000));
    reactivate(&window);
    ASSERT_EQ(window.reader()->highlightCount(), 2);

    // The colleague records one that conflicts with the first.
    const auto theirs = colleague->addClaim(claimOf("450 million", 450e6, "State media"));
    ASSERT_TRUE(theirs) << theirs.error().message;
    QElapsedTimer shown;
    shown.start();
    const auto allShown = [&] {
        return !table->isBusy() && table->rowCount() == 3 && window.reader()->highlightCount() == 3 &&
               !window.conflictList()->isBusy() && window.conflictList()->table()->rowCount() > 0 &&
               !window.compareView()->isBusy() && window.compareView()->tableModel()->rowOf(*theirs) >= 0;
    };
    EXPECT_TRUE(QTest::qWaitFor(allShown, 1000)) << "after a second: " << table->rowCount() << " claims, "
                                                 << window.reader()->highlightCount() << " highlights";
    EXPECT_LT(shown.elapsed(), 1000);
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("ana changed the project; shown as it is now."));
    ::testing::Test::RecordProperty("shown_after_ms", static_cast<int>(shown.elapsed()));

    // Ctrl+Z undoes the user's claim; the colleague's stays.
    pressKey(&window, Qt::Key_Z, Qt::ControlModifier);
    const auto claims = window.session()->project().claims();
    ASSERT_TRUE(claims);
    ASSERT_EQ(claims->size(), 2u);
    EXPECT_TRUE(window.session()->project().claim(*theirs));
    EXPECT_EQ(window.reader()->highlightCount(), 2);
    EXPECT_FALSE(window.session()->undoStack()->canUndo())
        << "the colleague's claim is not the user's to undo";
}

// The server restarts while the app is open: the status bar says the connection was lost, a save meanwhile
// is refused with the editor kept open, and once the server is back the app connects again by itself, the
// same save goes through under the user's name, and a colleague's change shows again.
TEST(ServerProjectApp, AfterTheServerRestartsTheAppConnectsAgainAndTheSameSaveGoesThrough) {
    const PrivateServer server;
    ASSERT_TRUE(server.error().empty()) << "the test's own server did not start: " << server.error();
    const std::string location = server.location();
    std::int64_t article = 0;
    {
        auto project = Project::create(location);
        ASSERT_TRUE(project) << project.error().message;
        article = project
                      ->importArticle("IHS Markit counted 176 million cameras in 2016 and expects 626 "
                                      "million by 2020.\n",
                                      {}, "a.txt")
                      ->id;
    }
    MainWindow window;
    openShowing(window, location, article);
    ASSERT_TRUE(window.session()->project().setUserName("ben"));
    QStatusBar* status = window.statusBar();

    ASSERT_TRUE(server.halt());
    EXPECT_TRUE(QTest::qWaitFor(
        [status] { return status->currentMessage().startsWith(QStringLiteral("Lost the connection to")); },
        2000))
        << status->currentMessage().toStdString();
    EXPECT_TRUE(status->currentMessage().endsWith(QStringLiteral("; connecting again…")));

    selectWords(window.reader(), QStringLiteral("176 million"));
    QTest::keyClick(window.reader()->textView(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window.claimEditor();
    ASSERT_NE(editor, nullptr);
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_EQ(window.claimEditor(), editor) << "the editor closed on a save the server never had";
    const QString refusal = editor->findChild<QLabel*>(QStringLiteral("editorError"))->text();
    EXPECT_TRUE(refusal.contains(QStringLiteral("connection"))) << refusal.toStdString();

    ASSERT_TRUE(server.resume());
    EXPECT_TRUE(QTest::qWaitFor(
        [status] { return status->currentMessage().startsWith(QStringLiteral("Connected again to")); }, 2000))
        << status->currentMessage().toStdString();
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&window] { return window.claimEditor() == nullptr; }, 5000))
        << editor->findChild<QLabel*>(QStringLiteral("editorError"))->text().toStdString();
    reactivate(&window);
    auto colleague = Project::open(location);
    ASSERT_TRUE(colleague) << colleague.error().message;
    const auto history = colleague->history();
    ASSERT_TRUE(history && !history->empty());
    EXPECT_EQ(history->back().user, "ben");
    EXPECT_EQ(colleague->claims()->size(), 1u);

    ASSERT_TRUE(colleague->addClaim({article, QuoteSelector{"626 million", 1}, {}}));
    ClaimTableModel* table = window.claimTable()->model();
    // Table and reader are read again each on its own: both show it within the second.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return !table->isBusy() && table->rowCount() == 2 && window.reader()->highlightCount() == 2; },
        1000))
        << table->rowCount() << " claims, " << window.reader()->highlightCount() << " highlights";
}

// A reviewer in the app: the title names the role and the status bar says what it allows; the keys that
// would record a claim or import do nothing; F2 opens the editor on the status alone, and Return saves the
// status under the reviewer's database role. Ctrl+Z undoes it: a reviewer's undo is a change of status too.
TEST(ServerProjectApp, AReviewerChangesAStatusWithTheKeysAndNothingElse) {
    const char* server = postgresUnderTest();
    if (!server)
        GTEST_SKIP() << kNoPostgres;
    const ServerSchema schema(server);
    const ServerPeople people(server, schema, {"owner", "rev"});
    std::int64_t article = 0, claim = 0;
    {
        auto owner = Project::create(people.location("owner"));
        ASSERT_TRUE(owner) << owner.error().message;
        article = owner->importArticle("IHS Markit expects 626 million cameras by 2020.\n", {}, "a.txt")->id;
        NewClaim recorded{article, QuoteSelector{"626 million", 1}, {}};
        recorded.fields.value = 626e6;
        recorded.fields.metric = "Cameras in China";
        claim = *owner->addClaim(recorded);
        ASSERT_TRUE(owner->changeMembers({{people.name("rev"), ProjectRole::Reviewer}}));
    }

    MainWindow window;
    openShowing(window, people.location("rev"), article);
    ASSERT_TRUE(QTest::qWaitFor(
        [&window] {
            return !window.claimTable()->model()->isBusy() && window.claimTable()->model()->rowCount() == 1;
        },
        5000));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("(reviewer)")))
        << window.windowTitle().toStdString();
    const QString allowed = QStringLiteral("You review this project: you can set claims' statuses and record "
                                           "verdicts. An owner of the project can give you another role.");
    EXPECT_EQ(window.statusBar()->currentMessage(), allowed);

    // Recording a claim: the key does nothing, and the menu's item says why.
    selectWords(window.reader(), QStringLiteral("IHS Markit"));
    QTest::keyClick(window.reader()->textView(), Qt::Key_E, Qt::ControlModifier);
    EXPECT_EQ(window.claimEditor(), nullptr);
    auto* record = window.findChild<QAction*>(QStringLiteral("actionRecordClaim"));
    ASSERT_NE(record, nullptr);
    EXPECT_FALSE(record->isEnabled());
    EXPECT_EQ(record->statusTip(), allowed);

    // Nor may a metric be renamed, or the figure finder run: their buttons say why.
    window.metricPane()->selectEntity(window.session()->project().metricNamed("Cameras in China")->id);
    for (const char* name : {"metricRename", "findFigures"}) {
        auto* button = window.findChild<QPushButton*>(QString::fromLatin1(name));
        ASSERT_NE(button, nullptr) << name;
        EXPECT_FALSE(button->isEnabled()) << name;
        EXPECT_EQ(button->toolTip(), allowed) << name;
    }

    // F2 on the claim: the editor, where only the status takes keys.
    window.goToClaim(claim);
    window.reader()->textView()->setFocus();
    pressKey(&window, Qt::Key_F2);
    ClaimEditor* editor = window.claimEditor();
    ASSERT_NE(editor, nullptr);
    EXPECT_FALSE(editor->valueEdit()->isEnabled());
    ASSERT_TRUE(QTest::qWaitFor([editor] { return editor->statusBox()->hasFocus(); }, 2000));
    QTest::keyClicks(editor->valueEdit(), QStringLiteral("7"));  // a disabled field takes no keys
    QTest::keyClick(editor->statusBox(), Qt::Key_Down);          // Unverified → Supported
    QTest::keyClick(editor->statusBox(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&window] { return window.claimEditor() == nullptr; }, 5000));
    Project& project = window.session()->project();
    EXPECT_EQ(project.claim(claim)->fields.status, ClaimStatus::Supported);
    EXPECT_EQ(project.claim(claim)->fields.value, 626e6);
    EXPECT_EQ(project.history()->back().user, people.name("rev"));

    reactivate(&window);
    pressKey(&window, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project.claim(claim)->fields.status, ClaimStatus::Unverified);
}
