// The report from the app's File menu, read as its readers read it: the PDF's text (pdftotext) holds every
// figure, source and verdict, its pages are numbered, its charts are vectors (pdfimages finds no picture),
// and its pages render (pdftoppm); the HTML is the command line's page.
#include "claim_format.h"
#include "dialogs.h"
#include "gui_support.h"
#include "main_window.h"
#include "project_session.h"
#include "test_support.h"

#include <QApplication>
#include <QMenu>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

class ReportTest : public testing::Test {
protected:
    void SetUp() override {
        LOAD_SAMPLE_PROJECT(project());
        ASSERT_EQ(runProcess(QStringLiteral(CLAIMTRACK_CLI),
                             {QStringLiteral("verdict"), qs(project()), QStringLiteral("2"),
                              QStringLiteral("6"), QStringLiteral("--supported"), QStringLiteral("6"),
                              QStringLiteral("--note"), QStringLiteral("Ministry count")})
                      .exitCode,
                  0);
        window = std::make_unique<MainWindow>();
        window->resize(1300, 800);
        window->show();
        ASSERT_TRUE(window->openProject(qs(project())));
    }

    std::filesystem::path project() const { return dir / "demo.claims"; }

    // File ▸ Export Report as HTML or PDF (Alt+F, H), answered with `path`; waits until it is written.
    void exportReport(const std::filesystem::path& path) {
        QApplication::setActiveWindow(window.get());
        FileDialog::setNextAnswer({qs(path)});
        pressKey(window.get(), Qt::Key_F, Qt::AltModifier);
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        ASSERT_NE(menu, nullptr);
        QTest::keyClick(menu, Qt::Key_H);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return window->statusBar()->currentMessage().startsWith(
                    QStringLiteral("Exported the report"));
            },
            20000))
            << window->statusBar()->currentMessage().toStdString();
    }

    static bool have(const char* program) {
        return !QStandardPaths::findExecutable(QLatin1String(program)).isEmpty();
    }

    TempDir dir;
    std::unique_ptr<MainWindow> window;
};

}  // namespace

TEST_F(ReportTest, ThePdfHoldsEveryFigureSourceAndVerdictWithNumberedPagesAndVectorCharts) {
    const std::filesystem::path pdf = dir / "report.pdf";
    exportReport(pdf);
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Exported the report to %1.").arg(qs(pdf)));
    if (!have("pdftotext") || !have("pdfimages") || !have("pdftoppm"))
        GTEST_SKIP() << "poppler-utils is not installed: the PDF cannot be read back";
    // In the order the words were drawn, a table's cell after cell.
    const ProcessResult text =
        runProcess(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), qs(pdf), QStringLiteral("-")});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    // Words that fit a table's cell may be cut across lines: read as one line of words.
    // pdftotext writes the fonts' ligatures as such ("ﬁ" in "office"): read as their letters.
    const QString words =
        QString::fromStdString(text.out).normalized(QString::NormalizationForm_KC).simplified();
    // Every claim's figure and source, the verdict with its note, the chart's ticks, the references.
    for (const ClaimRecord& claim : *window->session()->project().claims()) {
        const std::string figure = describeFigure(claim.fields) + " " + claim.fields.unit;
        EXPECT_TRUE(words.contains(QString::fromStdString(figure))) << figure;
        EXPECT_TRUE(words.contains(QString::fromStdString(claim.fields.source))) << claim.fields.source;
    }
    for (const char* part : {"Verdict: 450 million, Chinese state media is supported: Ministry count.",
                             "Articles cited", "200 million"})
        EXPECT_TRUE(words.contains(QString::fromUtf8(part))) << part << "\n" << text.out.substr(0, 400);
    // print() numbers the pages at their foot: the last page's number is its count.
    const ProcessResult info = runProcess(QStringLiteral("pdfinfo"), {qs(pdf)});
    const QString pages = QString::fromStdString(info.out)
                              .section(QStringLiteral("Pages:"), 1)
                              .simplified()
                              .section(QLatin1Char(' '), 0, 0);
    ASSERT_GT(pages.toInt(), 1) << info.out;
    const ProcessResult last =
        runProcess(QStringLiteral("pdftotext"),
                   {QStringLiteral("-f"), pages, QStringLiteral("-l"), pages, qs(pdf), QStringLiteral("-")});
    EXPECT_EQ(QString::fromStdString(last.out).simplified().split(QLatin1Char(' ')).last(), pages)
        << last.out;
    // The charts are drawn as vectors: the PDF holds no picture at all.
    const ProcessResult images = runProcess(QStringLiteral("pdfimages"), {QStringLiteral("-list"), qs(pdf)});
    EXPECT_EQ(QString::fromStdString(images.out).trimmed().split(QLatin1Char('\n')).size(), 2) << images.out;
    const ProcessResult render = runProcess(
        QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), QStringLiteral("-f"),
         QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), qs(pdf), qs(dir / "page")});
    EXPECT_EQ(render.exitCode, 0) << render.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "page-01.png") || std::filesystem::exists(dir / "page-1.png"));
}

TEST_F(ReportTest, TheHtmlIsTheCommandLinesPage) {
    const std::filesystem::path html = dir / "report.html";
    exportReport(html);
    const ProcessResult cli =
        runProcess(QStringLiteral(CLAIMTRACK_CLI), {QStringLiteral("report"), qs(project())});
    ASSERT_EQ(cli.exitCode, 0) << cli.err;
    QFile file(qs(html));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    // The same page but for its title (the app names the project's file the same way) and the numbers'
    // locale, which is the system's in both.
    EXPECT_EQ(file.readAll().toStdString(), cli.out);
}

// Ctrl+P prints the same report where the print dialog says: here, a PDF file.
TEST_F(ReportTest, CtrlPPrintsTheReport) {
    const std::filesystem::path printed = dir / "printed.pdf";
    PrintDialog::setNextAnswer(qs(printed));
    pressKey(window.get(), Qt::Key_P, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window->statusBar()->currentMessage() == QStringLiteral("Printed the report."); },
        20000))
        << window->statusBar()->currentMessage().toStdString();
    if (!have("pdftotext"))
        GTEST_SKIP() << "poppler-utils is not installed: the PDF cannot be read back";
    const ProcessResult text =
        runProcess(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), qs(printed), QStringLiteral("-")});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    const QString words = QString::fromStdString(text.out).simplified();
    EXPECT_TRUE(words.startsWith(QStringLiteral("Claims: demo.claims"))) << text.out.substr(0, 200);
    EXPECT_TRUE(words.contains(QStringLiteral("Verdict: 450 million, Chinese state media is supported")));
}
