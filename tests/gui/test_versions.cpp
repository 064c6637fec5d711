// Versions in the app, driven by keys: Article ▸ Versions lists an article's versions, the reader marks the
// words changed since the one before, and the claims waiting after a new version are moved, kept or
// rejected with one key each, undone with Ctrl+Z.
#include "articles/article_list.h"
#include "gui_support.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "test_support.h"
#include "versions/versions_pane.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

const std::string kFirst = "Analysts counted more than 200 million surveillance cameras across the country. "
                           "The ministry said 43 pilot cities had tested local schemes.\n\n"
                           "A survey found that 80 percent of respondents approved.";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    return text.replace(text.find(from), from.size(), to);
}

class VersionsTest : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(file);
            ASSERT_TRUE(project);
            first =
                project->importArticle(kFirst, {"Counting cameras", "", "Daily", "", "2018"}, "v1.txt")->id;
            for (const char* quote : {"more than 200 million surveillance cameras", "43 pilot cities",
                                      "80 percent of respondents"}) {
                NewClaim claim{first, QuoteSelector{quote, 1}, {}};
                claim.fields.status = ClaimStatus::Supported;
                claims.push_back(*project->addClaim(claim));
            }
            // Version 2: the cameras' figure revised, the survey's paragraph cut, a sentence added.
            const std::string second =
                replaced(kFirst.substr(0, kFirst.find("\n\n")), "200 million", "250 million") +
                " Officials did not comment.";
            ArticleSource source{"v2.txt",
                                 {"Counting cameras", "", "Daily", "", "2019"},
                                 [second] { return Result<std::string>(second); },
                                 {},
                                 true,
                                 first};
            ASSERT_TRUE(project->importArticles(std::span(&source, 1), [&](const auto&, const auto& added) {
                ASSERT_TRUE(added) << added.error().message;
                second_ = added->id;
            }));
        }
        window = std::make_unique<MainWindow>();
        window->show();
        reactivate(window.get());
        ASSERT_TRUE(window->openProject(qs(file)));
    }

    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        pressKey(window.get(), key, modifiers);
    }
    Project& project() { return window->session()->project(); }
    // Lets the queued showing of a waiting claim run.
    // Lets queued signals run, and the words changed between versions, found on another thread, arrive.
    void settle() {
        QCoreApplication::processEvents();
        EXPECT_TRUE(QTest::qWaitFor([this] { return !window->isMarkingChanges(); }, 5000));
    }

    TempDir dir;
    std::filesystem::path file = dir / "versions.claims";
    std::unique_ptr<MainWindow> window;
    std::int64_t first = 0, second_ = 0;
    std::vector<std::int64_t> claims;
};

}  // namespace

TEST_F(VersionsTest, TheArticleListTellsVersionsApartAndThePaneListsThemWithTheChangesMarked) {
    const ArticleListModel* list = window->articleList()->model();
    ASSERT_EQ(list->rowCount(), 2);
    EXPECT_EQ(list->index(0, ArticleListModel::Title).data().toString(),
              QStringLiteral("Counting cameras (version 1)"));
    EXPECT_EQ(list->index(1, ArticleListModel::Title).data().toString(),
              QStringLiteral("Counting cameras (version 2)"));

    window->showArticle(second_);
    press(Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    VersionsPane* pane = window->versionsPane();
    ASSERT_NE(pane, nullptr) << "Ctrl+Shift+V opened no Versions pane";
    ASSERT_TRUE(pane->isVisible());
    ASSERT_EQ(pane->versionList()->topLevelItemCount(), 2);
    EXPECT_EQ(pane->versionList()->topLevelItem(1)->text(0), QStringLiteral("version 2"));
    EXPECT_EQ(pane->comparedWithBox()->currentText(), QStringLiteral("version 1"))
        << "compared with the one before";

    // The reader marks what changed since version 1: "250" replaced "200", the sentence added, and the
    // place the survey's paragraph was cut from.
    settle();
    window->showArticle(second_);
    settle();
    ReaderView* reader = window->reader();
    EXPECT_EQ(reader->articleId(), second_);
    EXPECT_EQ(pane->changesCaption()->text(),
              QStringLiteral("5 word(s) added (green), 10 removed (red mark where they stood)."));
    ASSERT_EQ(reader->changeCount(), 2);
    const int at250 = static_cast<int>(project().articleText(second_)->find("250"));
    EXPECT_EQ(reader->changeAtPosition(at250), QStringLiteral("Added; it was: 200"));
    const QString text = reader->textView()->toPlainText();
    const int lastWord = static_cast<int>(text.lastIndexOf(QStringLiteral("comment.")));
    EXPECT_TRUE(
        reader->changeAtPosition(lastWord).startsWith(QStringLiteral("Added; it was: A survey found")))
        << reader->changeAtPosition(lastWord).toStdString();

    // Enter on version 1 opens it; it has no earlier version to be compared with, so nothing is marked.
    pane->versionList()->setFocus();
    press(Qt::Key_Up);
    press(Qt::Key_Return);
    settle();
    EXPECT_EQ(reader->articleId(), first);
    EXPECT_EQ(pane->comparedWithBox()->currentText(), QStringLiteral("(mark none)"));
    EXPECT_EQ(reader->changeCount(), 0);
}

TEST_F(VersionsTest, AChangedFigureIsMovedKeptOrRejectedWithOneKeyAndUndoneWithCtrlZ) {
    window->showArticle(first);
    press(Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    VersionsPane* pane = window->versionsPane();
    ASSERT_NE(pane, nullptr);
    settle();
    QTreeWidget* waiting = pane->waitingList();
    ASSERT_EQ(waiting->topLevelItemCount(), 2);  // the changed figure and the orphaned survey
    EXPECT_TRUE(waiting->hasFocus()) << "the keyboard starts on the claims waiting";
    EXPECT_EQ(
        waiting->topLevelItem(0)->text(0),
        QStringLiteral("“more than 200 million surveillance cameras”\nfigure changed in version 2: more than "
                       "200 million → more than 250 million"));
    EXPECT_EQ(waiting->topLevelItem(1)->text(0),
              QStringLiteral("“80 percent of respondents”\norphaned in version 2: its words are gone"));

    // The first is shown: the reader has version 2 with the words proposed for it selected.
    ReaderView* reader = window->reader();
    EXPECT_EQ(reader->articleId(), second_);
    EXPECT_EQ(reader->selectedText(), QStringLiteral("more than 250 million surveillance cameras"));

    // M moves it onto those words with the new figure.
    press(Qt::Key_M);
    const ClaimRecord moved = *project().claim(claims[0]);
    EXPECT_EQ(moved.articleId, second_);
    EXPECT_EQ(moved.fields.value, 250e6);
    EXPECT_EQ(moved.fields.status, ClaimStatus::Unverified);
    EXPECT_TRUE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Moved claim")));
    settle();
    ASSERT_EQ(waiting->topLevelItemCount(), 1);
    // The orphan is selected next, and shown on its own version; M cannot move it anywhere.
    EXPECT_EQ(reader->articleId(), first);
    EXPECT_EQ(reader->selectedClaim(), claims[2]);
    press(Qt::Key_M);
    EXPECT_EQ(project().claim(claims[2])->articleId, first);
    EXPECT_EQ(project().pendingCarries(first)->size(), 1U);

    // Ctrl+Z puts the moved claim back on version 1, waiting, with its figure and status.
    press(Qt::Key_Z, Qt::ControlModifier);
    const ClaimRecord back = *project().claim(claims[0]);
    EXPECT_EQ(back.articleId, first);
    EXPECT_EQ(back.fields.value, std::nullopt);
    EXPECT_EQ(back.fields.status, ClaimStatus::Supported);
    EXPECT_EQ(project().pendingCarries(first)->size(), 2U);

    // R rejects the words proposed: the claim stays, orphaned; K keeps the orphan on its version.
    settle();
    waiting->setFocus();
    waiting->setCurrentItem(waiting->topLevelItem(0));
    settle();
    ASSERT_EQ(pane->selectedWaiting()->claim.id, claims[0]);
    press(Qt::Key_R);
    EXPECT_EQ(project().claim(claims[0])->articleId, first);
    const auto pending = *project().pendingCarries(first);
    ASSERT_EQ(pending.size(), 2U);
    EXPECT_EQ(pending[0].kind, CarryKind::Orphaned);
    settle();
    waiting->setCurrentItem(waiting->topLevelItem(1));
    settle();
    press(Qt::Key_K);
    EXPECT_EQ(project().pendingCarries(first)->size(), 1U);
    EXPECT_EQ(project().claim(claims[2])->articleId, first);
}
