#include "test_support.h"
#include "xlsx_sheet.h"

#include <QXmlStreamReader>
#include <gtest/gtest.h>

#include <map>

using namespace claimtrack;
using claimtrack::test::kEmoji;

namespace {

// A sheet's cells as an XML reader reads them back: reference → (type and style, text or value).
struct Cell {
    std::string attributes;  // t= and s=, as "t=inlineStr s=1"
    std::string content;
};

std::map<std::string, Cell> readCells(const std::string& xml, std::string* error = nullptr) {
    std::map<std::string, Cell> cells;
    QXmlStreamReader reader(QByteArray::fromStdString(xml));
    std::string at;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == u"c") {
            at = reader.attributes().value(QStringLiteral("r")).toString().toStdString();
            const auto attribute = [&](const QString& name) {
                const auto value = reader.attributes().value(name);
                return value.isNull() ? std::string()
                                      : QStringLiteral("%1=%2 ").arg(name, value).toStdString();
            };
            cells[at].attributes = attribute(QStringLiteral("t")) + attribute(QStringLiteral("s"));
        } else if (reader.name() == u"t" || reader.name() == u"v") {
            cells[at].content = reader.readElementText().toStdString();
        }
    }
    if (error)
        *error = reader.hasError() ? reader.errorString().toStdString() : std::string();
    return cells;
}

struct WrittenSheet {
    std::string xml;
    std::size_t chunks = 0;
};

}  // namespace

TEST(XlsxDates, CountDaysAsTheNineteenHundredDateSystemDoes) {
    EXPECT_EQ(xlsx::serialOf("2018-03-12"), 43171.0);
    EXPECT_EQ(xlsx::serialOf("1900-01-01"), 1.0);
    EXPECT_EQ(xlsx::serialOf("1900-02-28"), 59.0);
    EXPECT_EQ(xlsx::serialOf("1900-03-01"), 61.0);  // 60 is the 29 February 1900 that never was
    EXPECT_EQ(xlsx::serialOf("2018-03-12T12:00:00Z"), 43171.5);
    EXPECT_DOUBLE_EQ(*xlsx::serialOf("2018-03-12T06:00:00.500Z"), 43171.25 + 0.5 / 86400);
    for (const char* notADay :
         {"2018", "2018-04", "2018-02-30", "1899-12-31", "2018-13-01", "2018-03-12T25:00:00Z",
          "2018-03-12T09:30:00.0Z", "2018/03/12", "", "12 March 2018"})
        EXPECT_FALSE(xlsx::serialOf(notADay)) << notADay;
}

TEST(XlsxColumns, AreNamedAsSpreadsheetsNameThem) {
    EXPECT_EQ(xlsx::columnName(0), "A");
    EXPECT_EQ(xlsx::columnName(25), "Z");
    EXPECT_EQ(xlsx::columnName(26), "AA");
    EXPECT_EQ(xlsx::columnName(701), "ZZ");
    EXPECT_EQ(xlsx::columnName(702), "AAA");
}

TEST(XlsxSheet, WritesEachCellWithItsTypeAndTheTextAsItWas) {
    WrittenSheet written;
    xlsx::SheetWriter sheet([&](std::string&& text) { written.xml += text, ++written.chunks; }, true);
    for (const char* header : {"claim_id", "note", "value", "count", "as_of", "created_at"})
        sheet.text(header);
    sheet.endRow();
    const std::string note = "=SUM(A1) <b>&amp; ]]> " + kEmoji + "\nsecond line";
    sheet.text("a1b2");
    sheet.text(note);
    sheet.number(-0.25);
    sheet.integer(176000000);
    sheet.date("2018-03-12");
    sheet.date("2018-03-12T12:00:00.000Z");
    sheet.endRow();
    sheet.text("");
    sheet.text(" padded\t");
    sheet.number(std::nullopt);
    sheet.integer(0);
    sheet.date("2018");
    sheet.endRow();
    sheet.finish();

    std::string error;
    const auto cells = readCells(written.xml, &error);
    ASSERT_EQ(error, "") << written.xml;
    EXPECT_EQ(cells.at("A1").attributes, "t=inlineStr s=1 ");  // the header's bold
    EXPECT_EQ(cells.at("B2").content, note);
    EXPECT_EQ(cells.at("B2").attributes, "t=inlineStr ");
    EXPECT_EQ(cells.at("C2").content, "-0.25");
    EXPECT_EQ(cells.at("C2").attributes, "");
    EXPECT_EQ(cells.at("D2").content, "176000000");
    EXPECT_EQ(cells.at("E2").content, "43171");
    EXPECT_EQ(cells.at("E2").attributes, "s=2 ");
    EXPECT_EQ(cells.at("F2").content, "43171.5");
    EXPECT_EQ(cells.at("F2").attributes, "s=3 ");
    EXPECT_FALSE(cells.contains("A3")) << "an empty text is no cell";
    EXPECT_EQ(cells.at("B3").content, " padded\t");
    EXPECT_FALSE(cells.contains("C3"));
    EXPECT_EQ(cells.at("E3").content, "2018");  // a year alone is not a day
    EXPECT_EQ(cells.at("E3").attributes, "t=inlineStr ");
    EXPECT_EQ(written.xml.find("<f>"), std::string::npos);
    EXPECT_NE(
        written.xml.find(R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)"),
        std::string::npos);
    EXPECT_NE(written.xml.find(R"(<autoFilter ref="A1:F3"/>)"), std::string::npos);
    EXPECT_NE(written.xml.find(R"(<col min="2" max="2" width="40.7109375" customWidth="1"/>)"),
              std::string::npos)
        << "a note has room to be read";
    EXPECT_NE(written.xml.find(R"(<col min="6" max="6" width="24.7109375" customWidth="1"/>)"),
              std::string::npos)
        << "a time stamp fits its column";
    EXPECT_EQ(written.chunks, 1u);
    EXPECT_EQ(sheet.rows(), 3u);
    EXPECT_EQ(sheet.columns(), 6u);
    EXPECT_EQ(sheet.filterRange(true), "$A$1:$F$3") << "as the workbook names the filtered cells";
}

// XML 1.0 cannot hold most control characters at all: they are written as SpreadsheetML writes them
// (_xHHHH_), and a text that would read as such an escape is escaped itself.
TEST(XlsxSheet, EscapesWhatXmlCannotHoldAsSpreadsheetsDo) {
    std::string xml;
    xlsx::SheetWriter sheet([&](std::string&& text) { xml += text; }, false);
    sheet.text("note");
    sheet.endRow();
    sheet.text(std::string("bell\x07, return\r, nul") + '\0' + ", _x0041_ and _x00_ and \xEF\xBF\xBF");
    sheet.endRow();
    sheet.finish();
    std::string error;
    const auto cells = readCells(xml, &error);
    ASSERT_EQ(error, "") << xml;
    EXPECT_EQ(cells.at("A2").content,
              "bell_x0007_, return_x000D_, nul_x0000_, _x005F_x0041_ and _x00_ and _xFFFF_");
}

// A cell holds 32,767 UTF-16 units; a longer text is cut between characters and counted.
TEST(XlsxSheet, CutsATextLongerThanACellHoldsBetweenCharacters) {
    std::string xml;
    xlsx::SheetWriter sheet([&](std::string&& text) { xml += text; }, false);
    sheet.text("note");
    sheet.endRow();
    std::string emojis;
    for (int i = 0; i < 20000; ++i)
        emojis += kEmoji;  // two UTF-16 units each
    sheet.text(emojis);
    sheet.text(std::string(xlsx::SheetWriter::kMaxCellText, 'n'));  // fits exactly
    sheet.endRow();
    sheet.finish();
    const auto cells = readCells(xml);
    EXPECT_EQ(cells.at("A2").content, emojis.substr(0, 16383 * kEmoji.size()));
    EXPECT_EQ(cells.at("B2").content.size(), xlsx::SheetWriter::kMaxCellText);
    EXPECT_EQ(sheet.truncated(), 1u);
}

// A long sheet is handed on in chunks, each about a megabyte, that together are the sheet.
TEST(XlsxSheet, HandsALongSheetOnInChunks) {
    WrittenSheet written;
    std::size_t largest = 0;
    xlsx::SheetWriter sheet(
        [&](std::string&& text) {
            largest = std::max(largest, text.size());
            written.xml += text;
            ++written.chunks;
        },
        false);
    sheet.text("quote");
    sheet.endRow();
    for (int row = 0; row < 50000; ++row) {
        sheet.text("China had 176 million cameras, an estimate said");
        sheet.endRow();
    }
    sheet.finish();
    EXPECT_GE(written.chunks, 4u);
    EXPECT_LT(largest, 1'200'000u);
    std::string error;
    const auto cells = readCells(written.xml, &error);
    EXPECT_EQ(error, "");
    EXPECT_EQ(cells.size(), 50001u);
    EXPECT_EQ(cells.at("A50001").content, "China had 176 million cameras, an estimate said");
    EXPECT_NE(written.xml.find(R"(<autoFilter ref="A1:A50001"/>)"), std::string::npos);
}
