// The reader: highlights follow the scroll position, offsets survive
// characters outside the BMP, and Ctrl+F finds words.
#include "reader/reader_view.h"
#include "test_support.h"

#include <QApplication>
#include <QGlyphRun>
#include <QLineEdit>
#include <QRawFont>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

ClaimRecord claimAt(std::int64_t id, std::int64_t articleId, CodePointRange range, ClaimStatus status) {
    ClaimRecord claim;
    claim.id = id;
    claim.articleId = articleId;
    claim.anchor.range = range;
    claim.fields.status = status;
    return claim;
}

bool hasSelectionAt(const QPlainTextEdit& text, int start) {
    const auto selections = text.extraSelections();
    return std::any_of(selections.begin(), selections.end(), [start](const QTextEdit::ExtraSelection& s) {
        return s.cursor.selectionStart() == start;
    });
}

}  // namespace

TEST(Reader, HighlightsFarDownAppearWhenScrolledTo) {
    std::string text;
    for (int i = 0; i < 3000; ++i)
        text += "Line " + std::to_string(i) + " " + kEmoji + " with 42 cameras.\n";
    ReaderView reader;
    reader.resize(800, 400);
    reader.show();
    reader.showArticle(1, QStringLiteral("Long"), text);
    const std::int64_t lastLine = codePointCount(text.substr(0, text.rfind("Line 2999")));
    reader.setClaims({claimAt(7, 1, {0, 4}, ClaimStatus::Supported),
                      claimAt(8, 1, {lastLine, lastLine + 4}, ClaimStatus::Refuted)});
    ArticleTextView& view = *reader.textView();
    const int lastUtf16 =
        static_cast<int>(QString::fromStdString(text).lastIndexOf(QStringLiteral("Line 2999")));
    EXPECT_TRUE(hasSelectionAt(view, 0));
    EXPECT_FALSE(hasSelectionAt(view, lastUtf16)) << "far off screen: not laid out yet";
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    EXPECT_TRUE(hasSelectionAt(view, lastUtf16));
    EXPECT_EQ(reader.claimAtPosition(lastUtf16 + 1), 8) << "UTF-16 offsets count each emoji twice";
    reader.selectClaim(7);
    EXPECT_TRUE(hasSelectionAt(view, 0)) << "selecting a claim scrolls to it and highlights it";
    EXPECT_EQ(reader.selectedText(), QStringLiteral("Line"));
}

TEST(Reader, SelectedRangeIsInCodePoints) {
    const std::string text = kCjk + " " + kEmoji + " 176 million";
    ReaderView reader;
    reader.showArticle(1, QStringLiteral("T"), text);
    QTextCursor cursor = reader.textView()->textCursor();
    const int start = static_cast<int>(QString::fromStdString(text).indexOf(QStringLiteral("176")));
    cursor.setPosition(start);
    cursor.setPosition(start + 11, QTextCursor::KeepAnchor);
    reader.textView()->setTextCursor(cursor);
    ASSERT_TRUE(reader.selectedRange());
    EXPECT_EQ(*reader.selectedRange(), (CodePointRange{7, 18}));
}

TEST(Reader, FindBarFindsAndWraps) {
    ReaderView reader;
    reader.show();
    reader.showArticle(1, QStringLiteral("T"), "alpha beta alpha gamma");
    reader.showFindBar();
    auto* find = reader.findChild<QLineEdit*>(QStringLiteral("findEdit"));
    ASSERT_NE(find, nullptr);
    find->setText(QStringLiteral("alpha"));
    QTest::keyClick(find, Qt::Key_Return);
    EXPECT_EQ(reader.textView()->textCursor().selectionStart(), 0);
    QTest::keyClick(find, Qt::Key_Return);
    EXPECT_EQ(reader.textView()->textCursor().selectionStart(), 11);
    QTest::keyClick(find, Qt::Key_Return);  // wraps to the first again
    EXPECT_EQ(reader.textView()->textCursor().selectionStart(), 0);
}

// Articles about China quote Chinese (and Japanese and Korean) names; articles in Arabic or Hebrew run right
// to left. Each is drawn in its own glyphs (none of them the empty box a font without the script gives) and
// in its own direction.
TEST(Reader, ChineseJapaneseAndKoreanAreDrawnInTheirGlyphsAndArabicRightToLeft) {
    // "the number of surveillance cameras", then "surveillance camera" in Japanese and in Korean
    const QString cjk = QStringLiteral("监控摄像头的数量 監視カメラ 감시카메라");
    // "the number of surveillance cameras in China, IHS Markit estimates"
    const QString arabic = QStringLiteral("عدد كاميرات المراقبة في الصين حسب تقدير IHS Markit للسوق");
    ReaderView reader;
    reader.resize(800, 400);
    reader.show();
    reader.showArticle(1, QStringLiteral("Scripts"),
                       (cjk + QStringLiteral(" 200 million\n") + arabic + QLatin1Char('\n')).toStdString());
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&reader));
    QApplication::processEvents();
    const QTextDocument& document = *reader.textView()->document();
    const QTextBlock cjkLine = document.findBlockByNumber(0), arabicLine = document.findBlockByNumber(1);
    ASSERT_NE(cjkLine.layout(), nullptr);
    ASSERT_GT(cjkLine.layout()->lineCount(), 0) << "laid out";
    const auto runs = cjkLine.layout()->glyphRuns(0, static_cast<int>(cjk.size()));
    ASSERT_FALSE(runs.isEmpty());
    qsizetype glyphs = 0;
    for (const QGlyphRun& run : runs)
        for (const quint32 glyph : run.glyphIndexes()) {
            EXPECT_NE(glyph, 0u) << "a character of " << qPrintable(cjk) << " has no glyph in "
                                 << qPrintable(run.rawFont().familyName());
            ++glyphs;
        }
    EXPECT_EQ(glyphs, cjk.size());

    EXPECT_EQ(arabicLine.textDirection(), Qt::RightToLeft);
    const QTextLine line = arabicLine.layout()->lineAt(0);
    EXPECT_GT(line.cursorToX(0), line.cursorToX(static_cast<int>(arabic.size())))
        << "the first letter is drawn on the right";
    // A name in Latin letters inside it keeps the paragraph's order: the words before it on its right.
    const int latinName = static_cast<int>(arabic.indexOf(QStringLiteral("IHS")));
    EXPECT_GT(line.cursorToX(0), line.cursorToX(latinName));
    EXPECT_GT(line.cursorToX(latinName), line.cursorToX(latinName + 12))
        << "and the words after it on its left";
    for (const QGlyphRun& run : arabicLine.layout()->glyphRuns())
        for (const quint32 glyph : run.glyphIndexes())
            EXPECT_NE(glyph, 0u) << "an Arabic letter has no glyph in "
                                 << qPrintable(run.rawFont().familyName());
}
