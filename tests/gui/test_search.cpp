// The project's search box as a user drives it: real widgets under the
// offscreen platform, a real project file and its FTS5 index.
#include "articles/details_dialogs.h"
#include "claims/claim_table.h"
#include "gui_support.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "search/search_pane.h"
#include "test_support.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

class SearchTest : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(dir / "search.claims");
            ASSERT_TRUE(project);
            first = project
                        ->importArticle("Cameras in " + kCjk + " " + kEmoji +
                                            " cities.\nThe cameras watch stations; more cameras are planned.",
                                        {"Lenses", "", "Daily", "", "2018"}, "a.txt")
                        ->id;
            second = project
                         ->importArticle("A survey of social credit found wide approval.",
                                         {"Survey", "", "Weekly", "", "2019"}, "b.txt")
                         ->id;
        }
        window = std::make_unique<MainWindow>();
        window->show();
        ASSERT_TRUE(window->openProject(qs(dir / "search.claims")));
        pressKey(window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);  // Edit > Search Project
        ASSERT_EQ(QApplication::focusWidget(), window->searchPane()->searchBox());
    }

    void search(const QString& query) {
        QLineEdit* box = window->searchPane()->searchBox();
        box->clear();
        QTest::keyClicks(box, query);
        QTest::keyClick(box, Qt::Key_Return);
        waitForResults();
    }
    // The search runs on another thread: waits until its results are shown.
    void waitForResults() {
        SearchPane* pane = window->searchPane();
        ASSERT_TRUE(QTest::qWaitFor([pane] { return !pane->isBusy(); }, 5000));
    }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
    std::int64_t first = 0, second = 0;
};

}  // namespace

TEST_F(SearchTest, AResultOpensTheArticleWithEveryMatchMarkedAndTheFirstSelected) {
    EXPECT_TRUE(QTest::qWaitFor(
        [this] { return QApplication::focusWidget() == window->searchPane()->searchBox(); }, 2000))
        << "the action puts the focus there";
    window->showArticle(second);
    search(QStringLiteral("camera*"));
    QListWidget* results = window->searchPane()->results();
    ASSERT_EQ(results->count(), 1);
    EXPECT_EQ(window->searchPane()->status()->text(), QStringLiteral("1 article(s), best first"));
    auto* label = qobject_cast<QLabel*>(results->itemWidget(results->item(0)));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QStringLiteral("<b style=\"background-color:#ff80e6\">cameras</b>")))
        << label->text().toStdString();

    QTest::keyClick(results, Qt::Key_Return);  // activates the current (first) result
    EXPECT_EQ(window->reader()->articleId(), first);
    EXPECT_EQ(window->reader()->searchMatchCount(), 3);
    EXPECT_EQ(window->reader()->selectedText(), QStringLiteral("Cameras"));

    window->showArticle(second);
    EXPECT_EQ(window->reader()->searchMatchCount(), 0) << "another article shows no old marks";
}

TEST_F(SearchTest, TypingSearchesAfterAPauseAndAMistakeIsExplained) {
    QLineEdit* box = window->searchPane()->searchBox();
    QTest::keyClicks(box, QStringLiteral("approval"));
    EXPECT_TRUE(QTest::qWaitFor([this] { return window->searchPane()->results()->count() == 1; }, 2000));

    // While a search runs, the pane says so and the last results are greyed, not passed off as new.
    box->clear();
    QTest::keyClicks(box, QStringLiteral("camera*"));
    QTest::keyClick(box, Qt::Key_Return);
    EXPECT_EQ(window->searchPane()->status()->text(), QStringLiteral("Searching…"));
    EXPECT_FALSE(window->searchPane()->results()->isEnabled());
    waitForResults();
    EXPECT_TRUE(window->searchPane()->results()->isEnabled());
    EXPECT_EQ(window->searchPane()->status()->text(), QStringLiteral("1 article(s), best first"));

    search(QStringLiteral("social \"credit"));
    EXPECT_EQ(window->searchPane()->results()->count(), 0);
    EXPECT_EQ(window->searchPane()->status()->text(),
              QStringLiteral("search: a quote is not closed (at character 8)"));

    search(QStringLiteral("bicycles"));
    EXPECT_EQ(window->searchPane()->status()->text(), QStringLiteral("Nothing matches."));
}

TEST_F(SearchTest, ARecordedClaimIsFoundAtOnce) {
    NewClaim claim{second, QuoteSelector{"wide approval", 1}, {}};
    claim.fields.source = "Genia Kostka";
    ASSERT_TRUE(window->session()->addClaim(claim));
    search(QStringLiteral("kostka"));
    ASSERT_EQ(window->searchPane()->results()->count(), 1);
    window->session()->undoStack()->undo();
    search(QStringLiteral("kostka"));
    EXPECT_EQ(window->searchPane()->results()->count(), 0);
}

TEST_F(SearchTest, MoreResultsThanAPageAreSaidAndShownOnDemand) {
    for (int i = 0; i < SearchPane::kPage + 10; ++i)
        ASSERT_TRUE(window->session()->project().importArticle(
            "Report " + std::to_string(i) + " counts the lenses on every corner.", {}, "r.txt"));
    search(QStringLiteral("lenses"));
    SearchPane* pane = window->searchPane();
    EXPECT_EQ(pane->results()->count(), SearchPane::kPage);
    EXPECT_EQ(pane->status()->text(), QStringLiteral("The best 50 of 61 articles"));
    EXPECT_EQ(pane->moreButton()->text(), QStringLiteral("Show 11 more"));
    ASSERT_TRUE(pane->moreButton()->isVisible());
    pane->results()->setCurrentRow(7);
    QTest::mouseClick(pane->moreButton(), Qt::LeftButton);
    waitForResults();
    EXPECT_EQ(pane->results()->count(), SearchPane::kPage + 11) << "every report and the first article";
    EXPECT_EQ(pane->results()->currentRow(), 7) << "the place in the list stays";
    EXPECT_EQ(pane->status()->text(), QStringLiteral("61 article(s), best first"));
    EXPECT_FALSE(pane->moreButton()->isVisible());
    auto* label = qobject_cast<QLabel*>(pane->results()->itemWidget(pane->results()->item(0)));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->wordWrap()) << "the matched words are never cut at the pane's edge";
}

TEST_F(SearchTest, ClaimsThatMatchByTheirOwnFieldsAreListedAndOneOpensAtItsWords) {
    NewClaim tagged{second, QuoteSelector{"wide approval", 1}, {}};
    tagged.fields.tags = {"sentiment"};  // a word in no article's text
    const std::int64_t claim = *window->session()->project().addClaim(tagged);
    window->session()->changed(second);
    search(QStringLiteral("sentiment"));
    QListWidget* results = window->searchPane()->results();
    ASSERT_EQ(results->count(), 1);
    auto* label = qobject_cast<QLabel*>(results->itemWidget(results->item(0)));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QStringLiteral("1 claim(s) match: \u201Cwide approval\u201D")))
        << label->text().toStdString();
    window->showArticle(first);
    QTest::keyClick(results, Qt::Key_Return);  // Enter on the result
    EXPECT_EQ(window->reader()->articleId(), second);
    EXPECT_EQ(window->claimTable()->selectedClaim(), claim) << "the claim that matched, in sight";
}

TEST_F(SearchTest, TheProjectMemoIsFoundAndOpensForEditing) {
    ASSERT_TRUE(window->session()->setProjectMemo(QStringLiteral("Ask every vendor how they count lenses.")));
    search(QStringLiteral("vendor"));
    SearchPane* pane = window->searchPane();
    ASSERT_EQ(pane->results()->count(), 1);
    EXPECT_EQ(pane->results()->item(0)->data(Qt::AccessibleTextRole).toString(),
              QStringLiteral("Project memo"));
    EXPECT_EQ(pane->status()->text(), QStringLiteral("Only the project memo matches."));

    search(QStringLiteral("lenses"));  // the memo, then the article that says it too
    ASSERT_EQ(pane->results()->count(), 2);
    EXPECT_EQ(pane->results()->item(0)->data(Qt::AccessibleTextRole).toString(),
              QStringLiteral("Project memo"));
    QTest::keyClick(pane->results(), Qt::Key_Return);  // Enter on the memo
    auto* dialog = window->findChild<ProjectMemoDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->memoEdit()->toPlainText(), QStringLiteral("Ask every vendor how they count lenses."));
    QTest::keyClick(dialog, Qt::Key_Escape);
}

TEST_F(SearchTest, ResultsWrapAgainWhenThePaneIsNarrowed) {
    search(QStringLiteral("camera*"));
    QListWidget* results = window->searchPane()->results();
    ASSERT_EQ(results->count(), 1);
    const int wide = results->visualItemRect(results->item(0)).height();
    auto* dock = qobject_cast<QDockWidget*>(window->searchPane()->parentWidget());
    ASSERT_NE(dock, nullptr);
    dock->setFloating(true);  // free of the main window's layout, so its width is ours to set
    dock->resize(160, dock->height());
    ASSERT_TRUE(QTest::qWaitFor([&] { return results->viewport()->width() < 160; }, 2000));
    QApplication::processEvents();
    EXPECT_GT(results->visualItemRect(results->item(0)).height(), wide)
        << "the passage takes more lines, and the row grows to hold them";
}
