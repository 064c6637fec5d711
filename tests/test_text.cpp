#include "anchor.h"
#include "test_support.h"
#include "text.h"

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::test;

TEST(Utf8, AcceptsTheUnicodeFixture) {
    EXPECT_TRUE(validateUtf8(fixtureArticleBytes(), "fixture"));
}

struct InvalidUtf8Case {
    std::string bytes;
    std::size_t offset;
    std::string byte;
};

// Names the case in test listings instead of dumping its bytes.
inline void PrintTo(const InvalidUtf8Case& c, std::ostream* os) {
    *os << c.byte;
}

class Utf8Invalid : public testing::TestWithParam<InvalidUtf8Case> {};

TEST_P(Utf8Invalid, RefusedWithTheByteAndItsOffset) {
    const auto& c = GetParam();
    auto result = validateUtf8(c.bytes, "notes.txt");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(result.error().message.find("notes.txt"), std::string::npos) << result.error().message;
    EXPECT_NE(result.error().message.find("offset " + std::to_string(c.offset)), std::string::npos)
        << result.error().message;
    EXPECT_NE(result.error().message.find(c.byte), std::string::npos) << result.error().message;
}

INSTANTIATE_TEST_SUITE_P(Cases, Utf8Invalid,
                         testing::Values(InvalidUtf8Case{"caf\xE9", 3, "0xE9"},           // Latin-1 é
                                         InvalidUtf8Case{"ab\xC0\xAF", 2, "0xC0"},        // overlong '/'
                                         InvalidUtf8Case{"x\xED\xA0\x80", 1, "0xED"},     // UTF-16 surrogate
                                         InvalidUtf8Case{"\xF4\x90\x80\x80", 0, "0xF4"},  // past U+10FFFF
                                         InvalidUtf8Case{"ok \xE2\x82", 3, "0xE2"},  // truncated sequence
                                         InvalidUtf8Case{"\xEF\xBB\xBF fine \x80", 9,
                                                         "0x80"}));  // stray continuation byte

TEST(ArticleText, NormalisesToNfcAndLfAndKeepsNoBreakSpaces) {
    auto text = normalizeArticleText(fixtureArticleBytes(), "fixture");
    ASSERT_TRUE(text) << text.error().message;
    EXPECT_NE(text->find(kNfcCafe), std::string::npos);
    EXPECT_EQ(text->find(kNfdCafe), std::string::npos);
    EXPECT_EQ(text->find('\r'), std::string::npos);
    EXPECT_NE(text->find("176" + kNbsp + "million"), std::string::npos);
    EXPECT_NE(text->find("1" + kNarrowNbsp + "400"), std::string::npos);
    EXPECT_NE(text->find(kEmoji), std::string::npos);
}

TEST(ArticleText, DropsAByteOrderMarkAndTurnsLoneCrIntoLf) {
    auto text = normalizeArticleText("\xEF\xBB\xBFone\rtwo\r\nthree", "x");
    ASSERT_TRUE(text);
    EXPECT_EQ(*text, "one\ntwo\nthree");
}

TEST(ArticleText, RefusesEmptyBlankAndBinaryFiles) {
    EXPECT_NE(normalizeArticleText("", "a.txt").error().message.find("a.txt is empty"), std::string::npos);
    EXPECT_NE(normalizeArticleText(" \n\t\r\n", "b.txt").error().message.find("no text"), std::string::npos);
    const auto binary = normalizeArticleText(std::string("PK\x03\x04\0\0", 6), "c.zip");
    ASSERT_FALSE(binary);
    EXPECT_NE(binary.error().message.find("not a text file (NUL byte at offset 4)"), std::string::npos);
}

TEST(CodePoints, CountAndSliceByCodePointNotByte) {
    const std::string text = kNfcCafe + " " + kCjk + " " + kEmoji + "!";
    EXPECT_EQ(codePointCount(text), 4 + 1 + 4 + 1 + 1 + 1);
    const CodePointIndex index(text);
    EXPECT_EQ(index.size(), 12);
    EXPECT_EQ(index.slice({5, 9}), kCjk);
    EXPECT_EQ(index.slice({10, 11}), kEmoji);
    EXPECT_EQ(toUtf8(toCodePoints(text)), text);
}

TEST(CodePoints, Utf16OffsetsCountTheEmojiTwice) {
    const std::string text = "a" + kEmoji + "b" + kCjk + kEmoji + kEmoji + "z";
    const OffsetConverter offsets(text);
    EXPECT_EQ(offsets.toUtf16(CodePointRange{2, 4}), (Utf16Range{3, 5}));  // "b社"
    EXPECT_EQ(offsets.toCodePoints(Utf16Range{3, 5}), (CodePointRange{2, 4}));
    // Every boundary agrees with Qt's own UTF-16.
    const QString qt = QString::fromStdString(text);
    const std::u32string codePoints = toCodePoints(text);
    std::int64_t utf16 = 0;
    for (std::size_t cp = 0; cp <= codePoints.size(); ++cp) {
        EXPECT_EQ(offsets.toUtf16(static_cast<std::int64_t>(cp)), utf16) << cp;
        EXPECT_EQ(offsets.toCodePoint(utf16), static_cast<std::int64_t>(cp)) << utf16;
        if (cp < codePoints.size())
            utf16 += codePoints[cp] > 0xFFFF ? 2 : 1;
    }
    EXPECT_EQ(utf16, qt.size());
    EXPECT_EQ(offsets.toCodePoint(2), 1) << "inside the emoji's surrogate pair";
}

class AnchorTest : public testing::Test {
protected:
    void SetUp() override {
        auto normalised = normalizeArticleText(fixtureArticleBytes(), "fixture");
        ASSERT_TRUE(normalised);
        text = *normalised;
    }
    std::string text;
};

TEST_F(AnchorTest, QuoteWithPlainSpaceMatchesNoBreakSpaceInTheText) {
    const CodePointIndex index(text);
    auto anchor = findQuote(index, "176 million cameras");
    ASSERT_TRUE(anchor) << anchor.error().message;
    EXPECT_EQ(anchor->quote.exact, "176" + kNbsp + "million cameras");
    EXPECT_EQ(index.slice(anchor->range), anchor->quote.exact);
    // Offsets are code points: the line before holds the NFC é, CJK and the emoji as one code point each.
    const std::int64_t lineStart = codePointCount("Le café et le 社会信用 📷\n");
    EXPECT_EQ(anchor->range.start, lineStart + codePointCount("China had "));
    EXPECT_EQ(anchor->range.length(), 19);
}

TEST_F(AnchorTest, QuoteAcrossALineBreakAndInNfdForm) {
    const CodePointIndex index(text);
    auto anchor = findQuote(index, "  " + kEmoji + "  China  ");
    ASSERT_TRUE(anchor) << anchor.error().message;
    EXPECT_EQ(anchor->quote.exact, kEmoji + "\nChina");
    auto accented = findQuote(index, kNfdCafe);  // typed in NFD, stored in NFC
    ASSERT_TRUE(accented);
    EXPECT_EQ(accented->range, (CodePointRange{3, 7}));
}

TEST_F(AnchorTest, PrefixAndSuffixHoldUpTo32CodePoints) {
    const CodePointIndex index(text);
    auto anchor = findQuote(index, "1" + kNarrowNbsp + "400 million people");
    ASSERT_TRUE(anchor);
    EXPECT_EQ(codePointCount(anchor->quote.prefix), kQuoteContextLength);
    EXPECT_EQ(anchor->quote.prefix,
              std::string(index.slice({anchor->range.start - 32, anchor->range.start})));
    auto atStart = anchorAt(index, {0, 2});
    ASSERT_TRUE(atStart);
    EXPECT_EQ(atStart->quote.prefix, "");
    EXPECT_EQ(atStart->quote.exact, "Le");
    auto atEnd = anchorAt(index, {index.size() - 2, index.size()});
    ASSERT_TRUE(atEnd);
    EXPECT_EQ(atEnd->quote.suffix, "");
}

TEST_F(AnchorTest, NthOccurrenceAndMissingOccurrences) {
    const CodePointIndex index(text);
    auto second = findQuote(index, "million", 2);
    ASSERT_TRUE(second);
    EXPECT_GT(second->range.start, findQuote(index, "million", 1)->range.start);
    auto third = findQuote(index, "million", 3);
    ASSERT_FALSE(third);
    EXPECT_EQ(third.error().message, "quote \"million\" occurs 2 times, so there is no occurrence 3");
    EXPECT_EQ(findQuote(index, "626 million").error().message, "quote \"626 million\" not found");
    EXPECT_FALSE(findQuote(index, " \n "));
    EXPECT_FALSE(findQuote(index, "million", 0));
}

TEST_F(AnchorTest, RangesOutsideTheTextOrEmptyAreRefused) {
    const CodePointIndex index(text);
    for (const CodePointRange range : {CodePointRange{5, 5}, CodePointRange{6, 5}, CodePointRange{-1, 3},
                                       CodePointRange{0, index.size() + 1}})
        EXPECT_FALSE(anchorAt(index, range)) << range.start << ", " << range.end;
    EXPECT_TRUE(anchorAt(index, {0, index.size()}));
}
