// A project on a PostgreSQL server in the app: File ▸ Open Shared Project… opens it by its URI, and the
// window and the list of recent projects name it without its password.
#include "claims/claim_table.h"
#include "gui_support.h"
#include "main_window.h"
#include "postgres_support.h"
#include "project_session.h"
#include "test_support.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

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
