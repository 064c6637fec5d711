// Several claims at once: the claim table's metric, source, status and tags cells edit in place, for every
// selected claim, in one transaction and one undo step. Driven by real clicks and keys.
#include "claims/claim_table.h"
#include "gui_support.h"
#include "main_window.h"
#include "project_session.h"
#include "test_support.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

class ClaimTableEdit : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(dir / "table.claims");
            ASSERT_TRUE(project);
            const std::int64_t article =
                project
                    ->importArticle(
                        "In 2016 there were 176 million cameras. By 2020 there may be 626 million, "
                        "or 450 million, or even 500 million.\n",
                        {"Cameras", "", "Daily", "", "2018"}, "a.txt")
                    ->id;
            const std::pair<const char*, std::vector<std::string>> claims[] = {{"176 million", {"forecast"}},
                                                                               {"626 million", {"checked"}},
                                                                               {"450 million", {}},
                                                                               {"500 million", {"checked"}}};
            for (const auto& [quote, tags] : claims) {
                NewClaim claim{article, QuoteSelector{quote, 1}, {}};
                claim.fields.metric = "Cameras";
                claim.fields.source = "IHS Markit";
                claim.fields.tags = tags;
                ids.push_back(*project->addClaim(claim));
            }
        }
        window = std::make_unique<MainWindow>();
        window->resize(1200, 800);
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        ASSERT_TRUE(window->openProject(qs(dir / "table.claims")));
        table = window->claimTable();
        view = table->view();
        ASSERT_TRUE(QTest::qWaitFor([this] { return !table->model()->isBusy(); }, 5000));
        ASSERT_EQ(table->model()->rowCount(), 4);
    }

    // Clicks the cell of a claim (its row in the table as shown), with `modifiers` as a user holds them.
    void click(std::int64_t claim, int column, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        const QModelIndex cell = table->model()->index(table->model()->rowOf(claim), column);
        view->scrollTo(cell);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(cell).center());
    }

    ClaimFields fields(std::int64_t claim) { return window->session()->project().claim(claim)->fields; }
    QUndoStack* undo() { return window->session()->undoStack(); }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
    ClaimTable* table = nullptr;
    QTableView* view = nullptr;
    std::vector<std::int64_t> ids;
};

}  // namespace

TEST_F(ClaimTableEdit, F2OnASelectedRowSetsTheSourceOfEverySelectedClaimInOneStep) {
    click(ids[0], ClaimTableModel::Quote);
    click(ids[2], ClaimTableModel::Source, Qt::ShiftModifier);
    ASSERT_EQ(table->selectedClaims(), (std::vector<std::int64_t>{ids[0], ids[1], ids[2]}));
    const int steps = undo()->count();

    pressKey(window.get(), Qt::Key_F2);
    auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(edit->parentWidget(), view->viewport()) << "F2 edits the source cell in place";
    EXPECT_EQ(window->claimEditor(), nullptr) << "F2 here is not Edit Claim";
    EXPECT_EQ(edit->text(), QStringLiteral("IHS Markit"));
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("3 selected claims")))
        << window->statusBar()->currentMessage().toStdString();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("Ministry of Transport"));
    QTest::keyClick(edit, Qt::Key_Return);

    ASSERT_TRUE(QTest::qWaitFor([&] { return fields(ids[0]).source == "Ministry of Transport"; }, 2000));
    EXPECT_EQ(fields(ids[1]).source, "Ministry of Transport");
    EXPECT_EQ(fields(ids[2]).source, "Ministry of Transport");
    EXPECT_EQ(fields(ids[3]).source, "IHS Markit") << "not selected: unchanged";
    ASSERT_EQ(undo()->count(), steps + 1) << "one undo step";
    EXPECT_EQ(undo()->undoText(), QStringLiteral("Edit 3 claims"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !table->model()->isBusy(); }, 2000));
    EXPECT_EQ(table->selectedClaims().size(), 3u) << "the selection stays for the next edit";

    view->setFocus();
    pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(fields(ids[i]).source, "IHS Markit") << "one undo puts all three back";
}

TEST_F(ClaimTableEdit, TagsTypedForSeveralClaimsAreAddedAndRemovedKeepingTheirOthers) {
    click(ids[0], ClaimTableModel::Quote);
    click(ids[1], ClaimTableModel::Tags, Qt::ShiftModifier);
    pressKey(window.get(), Qt::Key_F2);
    auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_NE(edit, nullptr);
    ASSERT_EQ(edit->text(), QStringLiteral("checked")) << "the current row's tags";
    // "checked" removed, "estimate" added: the first claim keeps its own "forecast".
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("estimate"));
    QTest::keyClick(edit, Qt::Key_Return);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return fields(ids[1]).tags == std::vector<std::string>{"estimate"}; }, 2000));
    EXPECT_EQ(fields(ids[0]).tags, (std::vector<std::string>{"estimate", "forecast"}));
    EXPECT_EQ(fields(ids[3]).tags, (std::vector<std::string>{"checked"})) << "not selected: unchanged";
}

TEST_F(ClaimTableEdit, ADoubleClickOnAStatusCellSetsThatClaimsStatusFromAList) {
    click(ids[3], ClaimTableModel::Status);
    const QModelIndex cell = table->model()->index(table->model()->rowOf(ids[3]), ClaimTableModel::Status);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(cell).center());
    auto* box = view->findChild<QComboBox*>();
    ASSERT_NE(box, nullptr) << "a list of statuses";
    ASSERT_TRUE(QTest::qWaitFor([box] { return box->hasFocus(); }, 1000));
    QTest::keyClick(box, Qt::Key_Down);
    QTest::keyClick(box, Qt::Key_Down);
    QTest::keyClick(box, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return fields(ids[3]).status == ClaimStatus::Disputed; }, 2000));
    EXPECT_EQ(fields(ids[2]).status, ClaimStatus::Unverified);
    EXPECT_EQ(window->claimEditor(), nullptr) << "the claim editor did not open";
}

TEST_F(ClaimTableEdit, DeleteInTheTableDeletesEverySelectedClaimInOneStep) {
    click(ids[1], ClaimTableModel::Quote);
    click(ids[3], ClaimTableModel::Quote, Qt::ControlModifier);
    ASSERT_EQ(table->selectedClaims(), (std::vector<std::int64_t>{ids[1], ids[3]}));
    pressKey(window.get(), Qt::Key_Delete);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->session()->project().claim(ids[1]); }, 2000));
    EXPECT_FALSE(window->session()->project().claim(ids[3]));
    EXPECT_TRUE(window->session()->project().claim(ids[0]));
    EXPECT_EQ(undo()->undoText(), QStringLiteral("Delete 2 claims"));
    view->setFocus();
    pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(window->session()->project().claim(ids[1]));
    EXPECT_TRUE(window->session()->project().claim(ids[3]));
}
