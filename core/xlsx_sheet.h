#pragma once
// A worksheet of an Excel workbook as SpreadsheetML text (ECMA-376 part 1, §18.3), written row by row and
// handed on in chunks, so that a sheet of a million rows never sits in memory.
//
// Written by hand, not with libxlsxwriter (Debian 12 has 1.1.4): that library spills every row to a
// temporary file, copies it into the archive and deflates it at zlib's default level, which made a
// workbook of a million claims 4.4 times as slow as their CSV. Writing the sheet's text here and packing it
// at deflate's fastest level on a second thread (db/workbook.cpp) is what reaches the 3x the issue asks
// (docs/performance.md, "The Excel workbook").

#include "csv.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack::xlsx {

// The cell styles the sheets use, by their index in kStylesXml's cellXfs.
enum class Style { Plain = 0, Header = 1, Day = 2, Stamp = 3 };

// xl/styles.xml: a bold header, a day as yyyy-mm-dd and a time stamp as the CSV writes it.
extern const std::string_view kStylesXml;

// Excel's number for "2018-03-12" (days since 30 December 1899, as the 1900 date system counts them) or
// for "2018-03-12T09:30:00.000Z" (with the time as a fraction of the day); nothing for what is not a whole
// day of 1900 to 9999 ("2018", "2018-04", "2018-02-30").
std::optional<double> serialOf(std::string_view date);

// "A" for column 0, "Z" for 25, "AA" for 26.
std::string columnName(std::size_t column);

// The cells of one sheet. The first row is the header: bold, frozen, with a filter over the columns, and
// its texts set the columns' widths. Texts are XML-escaped and never a formula; numbers are numbers; days
// and time stamps are numbers in a date format.
class SheetWriter final : public RowWriter {
public:
    static constexpr std::size_t kMaxRows = 1'048'576;   // a sheet's rows, the header's included
    static constexpr std::size_t kMaxCellText = 32'767;  // a cell's characters, as Excel counts them (UTF-16)

    // `handOn` takes the sheet's text so far, about a megabyte at a time, and the rest at finish().
    SheetWriter(std::function<void(std::string&&)> handOn, bool selected);

    void text(std::string_view value) override;
    void number(std::optional<double> value) override;
    void integer(std::int64_t value) override;
    void date(std::string_view value) override;
    void endRow() override;

    // Closes the sheet with its filter and hands on the rest of its text.
    void finish();

    bool full() const { return m_rows >= kMaxRows; }
    std::size_t rows() const { return m_rows; }
    std::size_t columns() const { return m_columns; }
    // The cells the header's filter covers, "A1:N1001" ("$A$1:$N$1001" where `absolute`, as the workbook
    // names them); empty while the sheet has no columns.
    std::string filterRange(bool absolute) const;
    // How many texts were longer than a cell holds and were cut to fit.
    std::size_t truncated() const { return m_truncated; }

private:
    void startCell(Style style, bool text);

    std::function<void(std::string&&)> m_handOn;
    std::string m_out;
    std::size_t m_sheetDataAt = 0;           // where the columns and the rows begin, once the header is known
    std::vector<std::string> m_columnNames;  // "A", "B", … as far as the header goes
    std::vector<double> m_widths;            // set by the header's texts
    std::string m_rowNumber = "1";           // of the row being written, as text
    std::size_t m_rows = 0;                  // rows ended so far
    std::size_t m_column = 0;                // in the row being written
    std::size_t m_columns = 0;               // the header's
    std::size_t m_truncated = 0;
    bool m_rowOpen = false;
};

}  // namespace claimtrack::xlsx
