// The compare view, the conflict list, verdicts and metric details as a user
// drives them: real widgets under the offscreen platform, a real project file.
#include "articles/details_dialogs.h"
#include "claims/claim_editor.h"
#include "conflicts/compare_chart.h"
#include "conflicts/compare_view.h"
#include "conflicts/comparison_table_model.h"
#include "conflicts/conflict_list.h"
#include "conflicts/verdict_dialog.h"
#include "dialogs.h"
#include "entities/entity_pane.h"
#include "entities/metric_details_dialog.h"
#include "gui_support.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "test_support.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QXYSeries>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

class CompareTest : public testing::Test {
protected:
    void SetUp() override {
        {
            auto project = Project::create(file());
            ASSERT_TRUE(project);
            first = project
                        ->importArticle("IHS Markit expects 626 million cameras by 2020. About 1.4 billion "
                                        "people live in China.",
                                        {"Lenses", "", "Daily", "", "2018"}, "a.txt")
                        ->id;
            second = project
                         ->importArticle("State media put it at 450 million cameras by 2020; IHS Markit "
                                         "says 626 million. Another estimate counts 570 million cameras.",
                                         {"Forecasts", "", "Weekly", "", "2019"}, "b.txt")
                         ->id;
            ihs = add(*project, first, "626 million", 626e6, "Cameras", "IHS Markit");
            state = add(*project, second, "450 million", 450e6, "Cameras", "State media");
            ihsAgain = add(*project, second, "626 million", 626e6, "Cameras", "IHS Markit");
            population = add(*project, first, "1.4 billion", 1.4e9, "Population", "");
        }
        window = std::make_unique<MainWindow>();
        window->resize(1300, 800);
        window->show();
        ASSERT_TRUE(window->openProject(qs(file())));
    }

    static std::int64_t add(Project& project, std::int64_t article, const char* quote, double value,
                            const char* metric, const char* source) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.unit = "cameras";
        claim.fields.metric = metric;
        claim.fields.source = source;
        claim.fields.asOf = "2020";
        return *project.addClaim(claim);
    }

    std::filesystem::path file() const { return dir / "compare.claims"; }
    QAction* action(const char* name) { return window->findChild<QAction*>(QString::fromLatin1(name)); }
    Project& project() { return window->session()->project(); }
    ClaimStatus status(std::int64_t id) { return project().claim(id)->fields.status; }

    // Where the chart drew a claim's figure, in the chart view's viewport coordinates.
    QPoint onScreen(std::int64_t claimId) {
        CompareChart* chart = window->compareView()->chart();
        const auto at = chart->positionOf(claimId);
        EXPECT_TRUE(at);
        QAbstractSeries* series = chart->chart()->series().front();
        const QPointF scene = chart->chart()->mapToScene(chart->chart()->mapToPosition(*at, series));
        return chart->mapFromScene(scene);
    }

    // A cell of the compare view's table, as the view shows it (`role`: its text, or its tooltip).
    QString compareCell(std::int64_t claimId, int column, int role = Qt::DisplayRole) {
        ComparisonTableModel* model = window->compareView()->tableModel();
        return model->index(model->rowOf(claimId), column).data(role).toString();
    }

    // Shows the metric in the compare view and waits for its figures, read on another thread.
    bool compare(const QString& metric) {
        const bool known = window->compareMetric(metric);
        waitForViews();
        return known;
    }
    // Waits until the compare view and the conflicts pane show the project as it is.
    void waitForViews() {
        EXPECT_TRUE(QTest::qWaitFor(
            [this] {
                return (!window->compareView() || !window->compareView()->isBusy()) &&
                       (!window->conflictList() || !window->conflictList()->isBusy());
            },
            5000));
    }

    ConflictList* showConflicts() {
        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("conflictDock"));
        dock->show();
        dock->raise();
        EXPECT_TRUE(
            QTest::qWaitFor([this] { return window->conflictList()->table()->rowCount() > 0; }, 2000));
        waitForViews();
        return window->conflictList();
    }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
    std::int64_t first = 0, second = 0, ihs = 0, state = 0, ihsAgain = 0, population = 0;
};

}  // namespace

TEST_F(CompareTest, DrawsEachFigureOnceAndMarksTheConflictInChartAndTable) {
    ASSERT_TRUE(compare(QStringLiteral("cameras")));  // names match as the project does
    EXPECT_EQ(window->centreTabs()->currentWidget(), window->compareView());
    CompareView* view = window->compareView();
    EXPECT_EQ(view->summary()->text(), QStringLiteral("3 claim(s) · compared as a count · 1 conflict(s)"));
    EXPECT_EQ(view->metricBox()->count(), 2) << "every metric to choose from";
    EXPECT_EQ(view->metricBox()->currentText(), QStringLiteral("Cameras (3)"));

    CompareChart* chart = view->chart();
    // The IHS figure is told twice and drawn once; the state media figure beside it.
    EXPECT_EQ(chart->positionOf(ihs), chart->positionOf(ihsAgain));
    ASSERT_TRUE(chart->positionOf(state));
    EXPECT_DOUBLE_EQ(chart->positionOf(state)->y(), 450);  // in millions, as the axis reads
    EXPECT_NE(chart->positionOf(state)->x(), chart->positionOf(ihs)->x());
    EXPECT_EQ(chart->conflictLines(), (std::vector<std::pair<qint64, qint64>>{{state, ihs}}));

    ASSERT_EQ(view->table()->model()->rowCount(), 3);
    EXPECT_EQ(compareCell(state, 3), QStringLiteral("below 626 million (IHS Markit)"));
    EXPECT_EQ(compareCell(ihsAgain, 3), QStringLiteral("above 450 million (State media)"));
    EXPECT_EQ(compareCell(ihs, 3, Qt::ToolTipRole), QStringLiteral("626 million is 39% above 450 million"));
    EXPECT_EQ(compareCell(state, 0, Qt::ForegroundRole), QStringLiteral("#c62828"))
        << "a figure in an open conflict is red";

    ASSERT_TRUE(compare(QStringLiteral("Population")));
    EXPECT_TRUE(view->chart()->conflictLines().empty());
    EXPECT_TRUE(view->table()->model()->index(0, 3).data().toString().isEmpty());
    EXPECT_FALSE(compare(QStringLiteral("No such metric")));
}

TEST_F(CompareTest, ClickingAFigureOrARowOpensTheArticleAtTheWords) {
    ASSERT_TRUE(compare(QStringLiteral("Cameras")));
    CompareChart* chart = window->compareView()->chart();
    QApplication::processEvents();  // the chart lays out its items
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, onScreen(state));
    EXPECT_EQ(window->centreTabs()->currentIndex(), 0);
    EXPECT_EQ(window->reader()->articleId(), second);
    EXPECT_EQ(window->currentClaim(), state);
    EXPECT_EQ(window->reader()->selectedText(), QStringLiteral("450 million"));

    window->centreTabs()->setCurrentIndex(1);
    QTableView* table = window->compareView()->table();
    const QModelIndex cell = table->model()->index(window->compareView()->tableModel()->rowOf(ihs), 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    EXPECT_EQ(window->reader()->articleId(), first);
    EXPECT_EQ(window->currentClaim(), ihs);
}

TEST_F(CompareTest, AVerdictFromTheConflictListSetsStatusesAndIsUndone) {
    ConflictList* list = showConflicts();
    ASSERT_EQ(list->table()->rowCount(), 1);
    EXPECT_EQ(list->table()->item(0, 0)->text(), QStringLiteral("39%"));
    EXPECT_EQ(list->table()->item(0, 2)->text(), QStringLiteral("626 million is 39% above 450 million"));
    list->table()->selectRow(0);

    list->findChild<QPushButton*>(QStringLiteral("conflictVerdict"))->click();
    auto* dialog = list->findChild<VerdictDialog*>(QStringLiteral("verdictDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->findChild<QRadioButton*>(QStringLiteral("verdictChoice1"))
                    ->text()
                    .contains(QStringLiteral("IHS Markit, 626 million (in 2 places)")));
    dialog->findChild<QRadioButton*>(QStringLiteral("verdictChoice0"))->click();  // the lower one
    QTest::keyClicks(dialog->noteEdit(), QStringLiteral("The ministry's own count"));
    dialog->findChild<QPushButton*>(QStringLiteral("recordVerdictButton"))->click();
    waitForViews();

    EXPECT_EQ(status(state), ClaimStatus::Supported);
    EXPECT_EQ(status(ihs), ClaimStatus::Disputed);
    EXPECT_EQ(status(ihsAgain), ClaimStatus::Disputed);
    ASSERT_EQ(list->table()->rowCount(), 1);
    EXPECT_EQ(list->table()->item(0, 3)->text(), QStringLiteral("lower figure supported"));
    EXPECT_EQ(list->table()->item(0, 3)->toolTip(), QStringLiteral("The ministry's own count"));
    EXPECT_EQ(list->summary()->text(), QStringLiteral("1 conflict(s), 1 settled"));
    EXPECT_TRUE(list->detail()->isVisible());
    EXPECT_TRUE(list->detail()->text().contains(QStringLiteral("626 million is 39% above 450 million")))
        << list->detail()->text().toStdString();
    EXPECT_TRUE(list->detail()->text().contains(QStringLiteral("Verdict: lower figure supported")));

    pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier);
    waitForViews();
    EXPECT_EQ(status(state), ClaimStatus::Unverified);
    EXPECT_EQ(status(ihs), ClaimStatus::Unverified);
    EXPECT_TRUE(list->table()->item(0, 3)->text().isEmpty());
    pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    waitForViews();
    EXPECT_EQ(status(ihsAgain), ClaimStatus::Disputed);
    EXPECT_EQ(list->table()->item(0, 3)->text(), QStringLiteral("lower figure supported"));
}

TEST_F(CompareTest, ASettledConflictIsDrawnApartAndSaysWhichSideIsSupported) {
    const ConflictRow conflict = project().conflicts("cameras")->conflicts.front();
    ASSERT_TRUE(window->session()->recordVerdict(conflict, VerdictChoice::LowerSupported,
                                                 QStringLiteral("Ministry count")));
    ASSERT_TRUE(compare(QStringLiteral("cameras")));
    CompareView* view = window->compareView();
    EXPECT_EQ(view->summary()->text(),
              QStringLiteral("3 claim(s) · compared as a count · 1 conflict(s), 1 settled"));
    CompareChart* chart = view->chart();
    EXPECT_TRUE(chart->conflictLines().empty()) << "no red line: nothing is open";
    EXPECT_EQ(chart->settledLines(), (std::vector<std::pair<qint64, qint64>>{{state, ihs}}));
    EXPECT_EQ(chart->supportedFigures(), std::vector<qint64>{state}) << "the lower figure is ringed";
    EXPECT_EQ(compareCell(state, 3), QStringLiteral("below 626 million (IHS Markit), settled"));

    pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier);  // the verdict undone: the conflict is open again
    waitForViews();
    ASSERT_TRUE(compare(QStringLiteral("cameras")));
    EXPECT_EQ(view->chart()->conflictLines(), (std::vector<std::pair<qint64, qint64>>{{state, ihs}}));
    EXPECT_TRUE(view->chart()->settledLines().empty());
    EXPECT_TRUE(view->chart()->supportedFigures().empty());
}

TEST_F(CompareTest, LongWorkShowsItIsRunningAndNeverPassesTheOldResultOffAsNew) {
    ConflictList* list = showConflicts();
    ASSERT_TRUE(compare(QStringLiteral("Cameras")));
    // A change: both views read the project again on another thread.
    Q_EMIT window->session()->changed(0);
    EXPECT_TRUE(list->isBusy());
    EXPECT_TRUE(list->findChild<QProgressBar*>(QStringLiteral("conflictBusy"))->isVisible());
    EXPECT_FALSE(list->table()->isEnabled()) << "the last list is greyed until the new one comes";
    EXPECT_EQ(list->summary()->text(), QStringLiteral("Checking the figures…"));
    CompareView* view = window->compareView();
    EXPECT_TRUE(view->isBusy());
    EXPECT_FALSE(view->table()->isEnabled());
    EXPECT_EQ(view->summary()->text(), QStringLiteral("Comparing the figures…"));
    waitForViews();
    EXPECT_FALSE(list->findChild<QProgressBar*>(QStringLiteral("conflictBusy"))->isVisible());
    EXPECT_TRUE(list->table()->isEnabled());
    EXPECT_EQ(list->summary()->text(), QStringLiteral("1 conflict(s)"));
    EXPECT_TRUE(view->table()->isEnabled());
    EXPECT_EQ(view->summary()->text(), QStringLiteral("3 claim(s) · compared as a count · 1 conflict(s)"));
}

TEST_F(CompareTest, TheCompareViewOpensOnTheCurrentClaimsMetric) {
    const auto metricId = [this](const char* name) { return project().metricNamed(name)->id; };
    window->goToClaim(population);
    window->reader()->textView()->setFocus();
    pressKey(window.get(), Qt::Key_K, Qt::ControlModifier);
    waitForViews();
    EXPECT_EQ(window->centreTabs()->currentWidget(), window->compareView());
    EXPECT_EQ(window->compareView()->metricId(), metricId("Population"));

    window->centreTabs()->setCurrentIndex(0);
    window->goToClaim(state);
    QTabBar* tabs = window->centreTabs()->tabBar();
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
    waitForViews();
    EXPECT_EQ(window->centreTabs()->currentWidget(), window->compareView());
    EXPECT_EQ(window->compareView()->metricId(), metricId("Cameras"));
}

TEST_F(CompareTest, TheConflictListLeadsToTheCompareViewWithBothSidesSelected) {
    ConflictList* list = showConflicts();
    list->table()->selectRow(0);
    list->findChild<QPushButton*>(QStringLiteral("conflictCompare"))->click();
    waitForViews();
    EXPECT_EQ(window->centreTabs()->currentWidget(), window->compareView());
    QItemSelectionModel* selection = window->compareView()->table()->selectionModel();
    ComparisonTableModel* model = window->compareView()->tableModel();
    EXPECT_TRUE(selection->isRowSelected(model->rowOf(state)));
    EXPECT_TRUE(selection->isRowSelected(model->rowOf(ihs)));
    EXPECT_FALSE(selection->isRowSelected(model->rowOf(ihsAgain)));
}

TEST_F(CompareTest, MetricDetailsChangeTheComparisonAndAreUndone) {
    EntityPane* metrics = window->metricPane();
    for (int row = 0; row < metrics->table()->rowCount(); ++row)
        if (metrics->table()->item(row, 0)->text() == QStringLiteral("Cameras"))
            metrics->table()->selectRow(row);
    metrics->findChild<QPushButton*>(QStringLiteral("metricDetails"))->click();
    auto* dialog = metrics->findChild<MetricDetailsDialog*>(QStringLiteral("metricDetailsDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->toleranceBox()->text(), QStringLiteral("default (5%)"));
    // Counted as percent, camera counts cannot be compared: they are set aside, with the reason.
    dialog->kindBox()->setCurrentIndex(dialog->kindBox()->findText(QStringLiteral("percent")));
    QTest::keyClicks(dialog->placeEdit(), QStringLiteral("China"));
    QTest::keyClick(dialog->placeEdit(), Qt::Key_Return);  // Save
    EXPECT_FALSE(dialog->isVisible());

    const Entity cameras = [&] {
        for (const Entity& e : *project().entities(EntityKind::Metric))
            if (e.name == "Cameras")
                return e;
        return Entity{};
    }();
    EXPECT_EQ(cameras.metric.kind, UnitKind::Percent);
    EXPECT_EQ(cameras.metric.place, "China");
    ASSERT_TRUE(compare(QStringLiteral("Cameras")));
    EXPECT_EQ(window->compareView()->summary()->text(),
              QStringLiteral("3 claim(s) · compared as percent · 0 conflict(s) · 3 not compared"));
    EXPECT_EQ(window->compareView()->table()->model()->index(0, 0).data().toString(),
              QStringLiteral("not compared"));

    pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier);
    waitForViews();
    EXPECT_EQ(project().conflicts()->conflicts.size(), 1u);
    EXPECT_EQ(window->compareView()->summary()->text(),
              QStringLiteral("3 claim(s) · compared as a count · 1 conflict(s)"));
}

// Publishing: the reviewer set through the Article menu's keys, a metric's fact-check in its details (each
// refusing what is not a web address or a day, in the dialog, which keeps what was typed), then the reviews
// exported from the File menu, with the judged claim whose metric has no fact-check listed.
TEST_F(CompareTest, ClaimReviewsAreSetUpAndExportedWithTheKeys) {
    const auto openMenu = [&](Qt::Key menuKey, Qt::Key itemKey) {
        QApplication::setActiveWindow(window.get());  // as a click on it would, after a menu closed
        pressKey(window.get(), menuKey, Qt::AltModifier);
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        ASSERT_NE(menu, nullptr);
        QTest::keyClick(menu, itemKey);
    };
    openMenu(Qt::Key_A, Qt::Key_T);  // Article ▸ Project Settings…
    auto* settings = window->findChild<ProjectSettingsDialog*>(QStringLiteral("projectSettingsDialog"));
    ASSERT_NE(settings, nullptr);
    QTest::keyClicks(settings->reviewerEdit(), QStringLiteral("Camera Count Desk"));
    QTest::keyClicks(settings->reviewerUrlEdit(), QStringLiteral("example.org/desk"));
    QTest::keyClick(settings->reviewerUrlEdit(), Qt::Key_Return);
    EXPECT_TRUE(settings->isVisible());
    EXPECT_TRUE(settings->errorLabel()->text().contains(QStringLiteral("is not a web address")))
        << settings->errorLabel()->text().toStdString();
    EXPECT_EQ(*project().publishingSettings(), PublishingSettings{});
    QTest::keyClick(settings->reviewerUrlEdit(), Qt::Key_Home);
    QTest::keyClicks(settings->reviewerUrlEdit(), QStringLiteral("https://"));
    QTest::keyClick(settings->reviewerUrlEdit(), Qt::Key_Return);
    EXPECT_FALSE(settings->isVisible());
    EXPECT_EQ(*project().publishingSettings(),
              (PublishingSettings{"Camera Count Desk", "https://example.org/desk"}));

    EntityPane* metrics = window->metricPane();
    for (int row = 0; row < metrics->table()->rowCount(); ++row)
        if (metrics->table()->item(row, 0)->text() == QStringLiteral("Cameras"))
            metrics->table()->selectRow(row);
    QTest::mouseClick(metrics->findChild<QPushButton*>(QStringLiteral("metricDetails")), Qt::LeftButton);
    auto* details = metrics->findChild<MetricDetailsDialog*>(QStringLiteral("metricDetailsDialog"));
    ASSERT_NE(details, nullptr);
    QTest::keyClicks(details->factCheckUrlEdit(), QStringLiteral("https://example.org/desk/cameras"));
    QTest::keyClicks(details->reviewedEdit(), QStringLiteral("2026-11"));
    QTest::keyClick(details->reviewedEdit(), Qt::Key_Return);
    EXPECT_TRUE(details->isVisible());
    EXPECT_TRUE(details->errorLabel()->text().contains(QStringLiteral("is not a day")));
    QTest::keyClicks(details->reviewedEdit(), QStringLiteral("-28"));
    QTest::keyClick(details->reviewedEdit(), Qt::Key_Return);
    EXPECT_FALSE(details->isVisible());
    EXPECT_EQ(project().metricNamed("Cameras")->metric.reviewed, "2026-11-28");

    // Two judged claims: IHS Markit's forecast refuted, and the population, whose metric has no fact-check.
    for (const auto& [id, judged] :
         {std::pair{ihs, ClaimStatus::Refuted}, std::pair{population, ClaimStatus::Supported}}) {
        ClaimFields fields = project().claim(id)->fields;
        fields.status = judged;
        ASSERT_TRUE(project().updateClaim(id, fields));
    }
    const std::filesystem::path output = dir / "reviews.jsonld";
    FileDialog::setNextAnswer({qs(output)});
    MessageBox::setNextAnswer(QMessageBox::Ok);
    openMenu(Qt::Key_F, Qt::Key_V);  // File ▸ Export Claim Reviews…
    ASSERT_TRUE(QTest::qWaitFor(
        [] { return MessageBox::lastText().startsWith(QStringLiteral("Exported 1 claim review(s)")); },
        10000))
        << MessageBox::lastText().toStdString();
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("1 judged claim(s) left out")));
    EXPECT_TRUE(MessageBox::lastDetails().contains(
        QStringLiteral("\"1.4 billion\": its metric \"Population\" has no fact-check URL")))
        << MessageBox::lastDetails().toStdString();
    QFile file(qs(output));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto reviews = nlohmann::json::parse(file.readAll().toStdString());
    ASSERT_EQ(reviews.size(), 1u);
    EXPECT_EQ(reviews[0]["reviewRating"]["alternateName"], "Refuted");
    EXPECT_EQ(reviews[0]["url"], "https://example.org/desk/cameras");
    EXPECT_EQ(reviews[0]["author"]["name"], "Camera Count Desk");
}

TEST_F(CompareTest, ExportedConflictsReadBackWithPythonCsv) {
    FileDialog::setNextAnswer({qs(dir / "conflicts.csv")});
    action("actionExportConflicts")->trigger();
    const ProcessResult read =
        runProcess(QStringLiteral("python3"),
                   {QStringLiteral("-c"),
                    QStringLiteral("import csv,sys\n"
                                   "rows = list(csv.DictReader(open(sys.argv[1], newline='')))\n"
                                   "print(len(rows), rows[0]['metric'], rows[0]['gap_percent'], "
                                   "rows[0]['higher_source'], rows[0]['higher_places'])"),
                    qs(dir / "conflicts.csv")});
    EXPECT_EQ(read.exitCode, 0) << read.err;
    EXPECT_EQ(read.out, "1 Cameras 39.1 IHS Markit 2\n");
}

TEST_F(CompareTest, TheClaimEditorProposesTheLikelyMetricWithItsReason) {
    window->showArticle(second);
    QPlainTextEdit* text = window->reader()->textView();
    const int start = static_cast<int>(text->toPlainText().indexOf(QStringLiteral("570 million")));
    QTextCursor cursor = text->textCursor();
    cursor.setPosition(start);
    cursor.setPosition(start + 11, QTextCursor::KeepAnchor);
    text->setTextCursor(cursor);
    text->setFocus();
    pressKey(window.get(), Qt::Key_E, Qt::ControlModifier);
    ClaimEditor* editor = window->claimEditor();
    ASSERT_NE(editor, nullptr);
    QLabel* proposals = editor->proposalLabel();
    // The proposals are sure of it: the metric is filled in, marked as proposed, and the list stays hidden.
    auto* metric = editor->findChild<QComboBox*>(QStringLiteral("metricBox"));
    EXPECT_EQ(metric->currentText(), QStringLiteral("Cameras"));
    EXPECT_TRUE(ClaimEditor::isProposed(metric->lineEdit()));
    EXPECT_TRUE(proposals->isHidden());
    // The user clears it: the proposals show, with their reasons.
    metric->lineEdit()->setFocus();
    metric->lineEdit()->selectAll();
    QTest::keyClick(metric->lineEdit(), Qt::Key_Delete);
    EXPECT_FALSE(ClaimEditor::isProposed(metric->lineEdit()));
    ASSERT_FALSE(proposals->isHidden());
    const QString shown = proposals->text();
    EXPECT_TRUE(shown.startsWith(QStringLiteral("Likely:<br><a href=\"Cameras\">Cameras</a>")))
        << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("cameras")))
        << "the reason names the shared words: " << shown.toStdString();

    Q_EMIT proposals->linkActivated(QStringLiteral("Cameras"));  // the user clicks the first proposal
    EXPECT_EQ(editor->findChild<QComboBox*>(QStringLiteral("metricBox"))->currentText(),
              QStringLiteral("Cameras"));
    EXPECT_TRUE(proposals->isHidden());
    editor->reject();
}

TEST_F(CompareTest, AConflictLineJoinsARepeatedFigureWhicheverOfItsClaimsStandsForIt) {
    // The repeat group's first claim (lowest id) is in the later article, so the chart, which meets
    // the claims in article order, draws the group from another of its claims.
    const std::int64_t later = add(project(), second, "626 million", 7e8, "Trains", "Rail office");
    const std::int64_t earlier = add(project(), first, "626 million", 7e8, "Trains", "Rail office");
    const std::int64_t low = add(project(), first, "1.4 billion", 5e8, "Trains", "Ministry");
    window->session()->changed(0);
    ASSERT_TRUE(compare(QStringLiteral("Trains")));
    CompareChart* chart = window->compareView()->chart();
    EXPECT_EQ(chart->conflictLines(), (std::vector<std::pair<qint64, qint64>>{{low, later}}));
    EXPECT_EQ(chart->positionOf(later), chart->positionOf(earlier));
}

TEST_F(CompareTest, TheChartIsSavedAsAPngImageAndAnSvgDrawing) {
    ASSERT_TRUE(compare(QStringLiteral("Cameras")));
    CompareView* view = window->compareView();
    const QSize shown = view->chart()->viewport()->size();

    // The resolution is asked for; each choice gives its size, and cancelling writes nothing.
    const std::pair<QString, int> resolutions[] = {{QStringLiteral("Twice the screen's"), 2},
                                                   {QStringLiteral("The screen's"), 1},
                                                   {QStringLiteral("Four times the screen's"), 4}};
    for (const auto& [choice, times] : resolutions) {
        const QString chosen = choice + QStringLiteral(" resolution (%1 × %2 pixels)")
                                            .arg(shown.width() * times)
                                            .arg(shown.height() * times);
        FileDialog::setNextAnswer({qs(dir / "cameras.png")});
        InputDialog::setNextAnswer(times == 1 ? chosen
                                              : chosen + (times == 2 ? QStringLiteral(": sharp on any screen")
                                                                     : QStringLiteral(": for print")));
        QTest::mouseClick(view->saveChartButton(), Qt::LeftButton);
        const QImage image(qs(dir / "cameras.png"));
        ASSERT_FALSE(image.isNull()) << "Qt reads the PNG back";
        EXPECT_EQ(image.size(), shown * times) << choice.toStdString();
        EXPECT_NE(image.pixelColor(image.width() / 2, image.height() / 2), QColor()) << "something is drawn";
    }
    FileDialog::setNextAnswer({qs(dir / "cancelled.png")});
    InputDialog::setNextAnswer(std::nullopt);
    QTest::mouseClick(view->saveChartButton(), Qt::LeftButton);
    EXPECT_FALSE(std::filesystem::exists(dir / "cancelled.png"));

    FileDialog::setNextAnswer({qs(dir / "cameras.svg")});
    QTest::mouseClick(view->saveChartButton(), Qt::LeftButton);
    const ProcessResult parsed =
        runProcess(QStringLiteral("xmllint"), {QStringLiteral("--noout"), qs(dir / "cameras.svg")});
    EXPECT_EQ(parsed.exitCode, 0) << parsed.err;
    const std::string svg = readFile(dir / "cameras.svg");
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("<title>Cameras</title>"), std::string::npos) << "named after its metric";
    EXPECT_NE(svg.find("<path"), std::string::npos) << "drawn as vectors";

    MessageBox::setNextAnswer(QMessageBox::Ok);
    FileDialog::setNextAnswer({qs(dir / "missing" / "chart.png")});
    InputDialog::setNextAnswer(
        QStringLiteral("The screen's resolution (%1 × %2 pixels)").arg(shown.width()).arg(shown.height()));
    QTest::mouseClick(view->saveChartButton(), Qt::LeftButton);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("cannot write")))
        << MessageBox::lastText().toStdString();
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
}

// Two figures of different bases are not a conflict: the summary counts the pair, its tooltip says why.
TEST_F(CompareTest, FiguresOfDifferentBasesAreCountedAsNotComparedWithTheReasonInTheTooltip) {
    for (const auto& [id, of] :
         {std::pair{ihs, "cameras in cities"}, std::pair{ihsAgain, "cameras in cities"},
          std::pair{state, "cameras nationwide"}}) {
        ClaimFields fields = project().claim(id)->fields;
        fields.base.of = of;
        ASSERT_TRUE(window->session()->updateClaim(id, fields));
    }
    ASSERT_TRUE(compare(QStringLiteral("cameras")));
    CompareView* view = window->compareView();
    EXPECT_EQ(view->summary()->text().toStdString(),
              std::string("3 claim(s) · compared as a count · 0 conflict(s) · 1 "
                          "pair(s) of different bases not compared"));
    EXPECT_EQ(view->summary()->toolTip(),
              QStringLiteral("450 million of cameras nationwide and 626 million of cameras in cities are not "
                             "compared: they are of different bases"));
}
