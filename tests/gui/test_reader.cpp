// The reader: highlights follow the scroll position, offsets survive
// characters outside the BMP, and Ctrl+F finds words.
#include "reader/reader_view.h"
#include "test_support.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QTest>

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
