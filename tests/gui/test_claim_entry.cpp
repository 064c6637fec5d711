// Recording a claim with as few keys as the words allow: the editor opens with
// the figure finder's reading, marked until touched, beside the words.
#include "claims/claim_editor.h"
#include "claims/claim_table.h"
#include "gui_support.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "test_support.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

const std::string kArticle =
    "Cameras are everywhere.\nIHS Markit estimated that there were more than 200 million "
    "cameras in China in 2018, and 176 million two years earlier.\n"
    "Flats near the new cameras sell for anywhere from $800,000 to $1.3 million.\n";

class ClaimEntryTest : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(file());
            ASSERT_TRUE(project);
            article =
                project->importArticle(kArticle, {"Cameras", "", "Daily", "", "2018-06-01"}, "a.txt")->id;
            // Another article's claim: the project knows the metric and the source already.
            const std::int64_t other =
                project
                    ->importArticle("Surveillance cameras in China reached 450 million, state media said.\n",
                                    {}, "b.txt")
                    ->id;
            NewClaim known{other, QuoteSelector{"450 million", 1}, {}};
            known.fields.value = 450e6;
            known.fields.unit = "cameras";
            known.fields.metric = "Surveillance cameras in China";
            known.fields.source = "IHS Markit";
            ASSERT_TRUE(project->addClaim(known));
        }
        window = std::make_unique<MainWindow>();
        window->resize(1200, 800);
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        ASSERT_TRUE(window->openProject(qs(file())));
        window->showArticle(article);
    }

    std::filesystem::path file() const { return dir / "entry.claims"; }
    Project& project() { return window->session()->project(); }
    QPlainTextEdit* text() { return window->reader()->textView(); }

    void select(const QString& words) { selectWords(window->reader(), words); }

    QLineEdit* field(const char* name) {
        ClaimEditor* editor = window->claimEditor();
        if (auto* edit = editor->findChild<QLineEdit*>(QString::fromLatin1(name)))
            return edit;
        return editor->findChild<QComboBox*>(QString::fromLatin1(name))->lineEdit();
    }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
    std::int64_t article = 0;
};

}  // namespace

TEST_F(ClaimEntryTest, SelectCtrlEEnterRecordsTheWholeClaimTheFinderRead) {
    select(QStringLiteral("00 million ca"));  // a careless drag that cuts the figure
    QTest::keyClick(text(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(window->reader()->selectedText(), QStringLiteral("more than 200 million cameras"))
        << "widened to the figure and to whole words";
    EXPECT_EQ(field("valueEdit")->text(), QStringLiteral("200000000"));
    EXPECT_EQ(field("lowEdit")->text(), QStringLiteral("200000000"));
    EXPECT_EQ(field("highEdit")->text(), QString());
    EXPECT_EQ(field("unitEdit")->text(), QStringLiteral("cameras"));
    EXPECT_EQ(field("sourceBox")->text(), QStringLiteral("IHS Markit"));
    EXPECT_EQ(field("asOfEdit")->text(), QStringLiteral("2018"));
    EXPECT_EQ(field("metricBox")->text(), QStringLiteral("Surveillance cameras in China"));
    for (const char* name : {"valueEdit", "lowEdit", "unitEdit", "sourceBox", "asOfEdit", "metricBox"})
        EXPECT_TRUE(ClaimEditor::isProposed(field(name))) << name << " is marked as the finder's";
    EXPECT_FALSE(ClaimEditor::isProposed(field("highEdit"))) << "nothing was proposed there";

    ASSERT_TRUE(
        QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor->valueEdit(); }, 2000))
        << "the keyboard is in the editor";
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    const ClaimRecord claim = project().claims({article})->front();
    EXPECT_EQ(claim.anchor.quote.exact, "more than 200 million cameras");
    EXPECT_EQ(claim.fields.value, 200e6);
    EXPECT_EQ(claim.fields.low, 200e6);
    EXPECT_EQ(claim.fields.high, std::nullopt);
    EXPECT_EQ(claim.fields.unit, "cameras");
    EXPECT_EQ(claim.fields.source, "IHS Markit");
    EXPECT_EQ(claim.fields.asOf, "2018");
    EXPECT_EQ(claim.fields.metric, "Surveillance cameras in China");
    EXPECT_TRUE(claim.fields.tags.empty());
}

TEST_F(ClaimEntryTest, ARangeWithTheCurrencyOnEachEndIsProposedWithItsBounds) {
    select(QStringLiteral("$1.3 mil"));
    QTest::keyClick(text(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(window->reader()->selectedText(), QStringLiteral("from $800,000 to $1.3 million"));
    EXPECT_EQ(field("lowEdit")->text(), QStringLiteral("800000"));
    EXPECT_EQ(field("highEdit")->text(), QStringLiteral("1300000"));
    EXPECT_EQ(field("unitEdit")->text(), QStringLiteral("USD"));
    ASSERT_TRUE(
        QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor->valueEdit(); }, 2000));
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    const ClaimRecord claim = project().claims({article})->front();
    EXPECT_EQ(claim.anchor.quote.exact, "from $800,000 to $1.3 million");
    EXPECT_EQ(claim.fields.low, 800000);
    EXPECT_EQ(claim.fields.high, 1.3e6);
    EXPECT_EQ(claim.fields.unit, "USD");
}

TEST_F(ClaimEntryTest, AFieldTheUserTouchesIsNoLongerMarkedAsProposed) {
    select(QStringLiteral("176 million"));
    QTest::keyClick(text(), Qt::Key_E, Qt::ControlModifier);
    ASSERT_NE(window->claimEditor(), nullptr);
    QLineEdit* asOf = field("asOfEdit");
    asOf->setFocus();
    asOf->selectAll();
    QTest::keyClicks(asOf, QStringLiteral("2016"));
    EXPECT_FALSE(ClaimEditor::isProposed(asOf));
    EXPECT_TRUE(ClaimEditor::isProposed(field("valueEdit")));
    QTest::keyClick(asOf, Qt::Key_Escape);
}

TEST_F(ClaimEntryTest, AltAndANumberTakeAMetricProposalFromTheKeyboard) {
    select(QStringLiteral("200 million"));
    QTest::keyClick(text(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    ASSERT_TRUE(
        QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor->valueEdit(); }, 2000));
    QLineEdit* metric = field("metricBox");
    ASSERT_EQ(metric->text(), QStringLiteral("Surveillance cameras in China"));
    QTest::keyClick(editor->valueEdit(), Qt::Key_2, Qt::AltModifier);
    EXPECT_EQ(editor->valueEdit()->text(), QStringLiteral("200000000"))
        << "no proposal is showing while a metric is chosen: the key does nothing";

    QTest::mouseClick(metric, Qt::LeftButton);
    QTest::keyClick(metric, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(metric, Qt::Key_Delete);
    ASSERT_TRUE(editor->proposalLabel()->isVisible()) << "an empty metric shows the proposals again";
    EXPECT_TRUE(editor->proposalLabel()->text().contains(
        QKeySequence(Qt::ALT | Qt::Key_1).toString(QKeySequence::NativeText)))
        << "the key is shown beside its proposal";
    QTest::keyClick(metric, Qt::Key_2, Qt::AltModifier);
    EXPECT_EQ(metric->text(), QString()) << "there is no second proposal";
    QTest::keyClick(metric, Qt::Key_1, Qt::AltModifier);
    EXPECT_EQ(metric->text(), QStringLiteral("Surveillance cameras in China"));
    EXPECT_FALSE(editor->proposalLabel()->isVisible());
    QTest::keyClick(metric, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    EXPECT_EQ(project().claims({article})->front().fields.metric, "Surveillance cameras in China");
}

TEST_F(ClaimEntryTest, TheValueBoxTakesFiguresAsPeopleWriteThem) {
    struct Typed {
        const char* text;
        std::optional<double> value, low, high;
        const char* unit;
    };
    const Typed cases[] = {
        {"1.2 million", 1.2e6, std::nullopt, std::nullopt, ""},
        {"626,000,000", 626e6, std::nullopt, std::nullopt, ""},
        {"about 1,000", 1000, std::nullopt, std::nullopt, ""},
        {"more than 200 million", 200e6, 200e6, std::nullopt, ""},
        {"10-11 percent", 11, 10, 11, "percent"},  // typed with the keyboard's hyphen
    };
    for (const Typed& typed : cases) {
        select(QStringLiteral("Cameras are everywhere"));  // words without a figure: the editor opens empty
        QTest::keyClick(text(), Qt::Key_E, Qt::ControlModifier);
        ClaimEditor* editor = window->claimEditor();
        ASSERT_NE(editor, nullptr);
        EXPECT_TRUE(field("valueEdit")->text().isEmpty());
        QTest::keyClicks(field("valueEdit"), QString::fromUtf8(typed.text));
        auto fields = editor->fields();
        ASSERT_TRUE(fields) << typed.text << ": " << fields.error().message;
        EXPECT_EQ(fields->value, typed.value) << typed.text;
        EXPECT_EQ(fields->low, typed.low) << typed.text;
        EXPECT_EQ(fields->high, typed.high) << typed.text;
        EXPECT_EQ(fields->unit, typed.unit) << typed.text;
        editor->reject();
        ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
        reactivate(window.get());
    }
}

TEST_F(ClaimEntryTest, TheEditorNeverCoversTheWordsItIsAbout) {
    select(QStringLiteral("176 million"));
    const QRect words = window->reader()->selectionScreenRect();
    QTest::keyClick(text(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    ASSERT_FALSE(words.isEmpty());
    EXPECT_FALSE(editor->frameGeometry().intersects(words))
        << "editor at " << editor->frameGeometry().y() << "+" << editor->frameGeometry().height()
        << ", words at " << words.y() << "+" << words.height();
    editor->reject();
}

TEST_F(ClaimEntryTest, ADoubleClickOnANumberSelectsItsWholeFigure) {
    const int at = static_cast<int>(text()->toPlainText().indexOf(QStringLiteral("200 million")));
    QTextCursor cursor(text()->document());
    cursor.setPosition(at + 1);
    QTest::mouseDClick(text()->viewport(), Qt::LeftButton, {}, text()->cursorRect(cursor).center());
    EXPECT_EQ(window->reader()->selectedText(), QStringLiteral("more than 200 million"));
}

// "Xinhua, citing IHS Markit": the editor proposes the source and whom the figure came through, and Enter
// records both; the claim table shows the chain.
TEST_F(ClaimEntryTest, ASourceCitedThroughAnotherIsProposedWithWhomItCameThrough) {
    const auto cited = project().importArticle(
        "Xinhua, citing IHS Markit, said China would have 626 million cameras by 2020.\n",
        {"Forecast", "", "Wire", "", "2018-01-02"}, "c.txt");
    ASSERT_TRUE(cited);
    window->showArticle(cited->id);
    select(QStringLiteral("626 million cameras"));
    QTest::keyClick(text(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(field("sourceBox")->text(), QStringLiteral("IHS Markit"));
    EXPECT_EQ(field("viaEdit")->text(), QStringLiteral("Xinhua"));
    EXPECT_TRUE(ClaimEditor::isProposed(field("viaEdit")));
    ASSERT_TRUE(
        QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor->valueEdit(); }, 2000));
    QTest::keyClick(editor->valueEdit(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    const ClaimRecord claim = project().claims({cited->id})->front();
    EXPECT_EQ(claim.fields.source, "IHS Markit");
    EXPECT_EQ(claim.fields.via, std::vector<std::string>{"Xinhua"});
    const QAbstractItemModel* table = window->claimTable()->model();
    const auto shown = [table] {  // the table is read again in the background
        for (int row = 0; row < table->rowCount(); ++row)
            for (int column = 0; column < table->columnCount(); ++column)
                if (table->index(row, column).data().toString() == QStringLiteral("IHS Markit via Xinhua"))
                    return true;
        return false;
    };
    EXPECT_TRUE(QTest::qWaitFor(shown, 3000)) << "the claim table shows the chain";
}

// A percentage's base, sample size and fieldwork are the finder's reading, proposed in the editor; the
// researcher corrects one by typing (Alt+E reaches the base) and saves with Enter.
TEST_F(ClaimEntryTest, APercentagesBaseIsProposedAndCorrectedFromTheKeyboard) {
    const auto survey = project().importArticle(
        "In a survey of 2,209 respondents, surveyed in 2018, 80 percent approved of the scores.\n",
        {"Survey", "", "Lab", "", "2019-01-02"}, "s.txt");
    ASSERT_TRUE(survey);
    window->showArticle(survey->id);
    select(QStringLiteral("80 percent"));
    QTest::keyClick(text(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(field("baseEdit")->text(), QStringLiteral("respondents"));
    EXPECT_EQ(field("sampleSizeEdit")->text(), QStringLiteral("2209"));
    EXPECT_EQ(field("fieldworkEdit")->text(), QStringLiteral("2018"));
    EXPECT_TRUE(ClaimEditor::isProposed(field("baseEdit")));
    ASSERT_TRUE(
        QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor->valueEdit(); }, 2000));
    QTest::keyClick(editor->valueEdit(), Qt::Key_E, Qt::AltModifier);
    ASSERT_EQ(QApplication::focusWidget(), field("baseEdit"));
    field("baseEdit")->selectAll();
    QTest::keyClicks(field("baseEdit"), QStringLiteral("adult respondents"));
    QTest::keyClick(field("baseEdit"), Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), field("sampleSizeEdit"));
    field("sampleSizeEdit")->selectAll();
    QTest::keyClicks(field("sampleSizeEdit"), QStringLiteral("2,210"));
    QTest::keyClick(field("sampleSizeEdit"), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([this] { return window->claimEditor() == nullptr; }, 2000));
    const ClaimRecord claim = project().claims({survey->id})->front();
    EXPECT_EQ(claim.fields.base, (FigureBase{"adult respondents", 2210, "2018"}));
}
