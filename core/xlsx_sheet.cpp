#include "xlsx_sheet.h"

#include "model.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace claimtrack::xlsx {

namespace {

using namespace std::chrono;

constexpr std::size_t kChunk = 1 << 20;  // bytes handed on at a time

// The number in text[at, at + length), or -1.
int digitsAt(std::string_view text, std::size_t at, std::size_t length) {
    int value = 0;
    if (at + length > text.size())
        return -1;
    const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + length, value);
    return error == std::errc() && end == text.data() + at + length ? value : -1;
}

void appendNumber(std::string& out, double value) {
    char digits[32];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void appendInteger(std::string& out, std::int64_t value) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

// The bytes of `value` that make at most kMaxCellText UTF-16 units (a character past U+FFFF is two),
// cut between characters.
std::size_t cellLength(std::string_view value) {
    if (value.size() <= SheetWriter::kMaxCellText)  // never more units than bytes
        return value.size();
    std::size_t units = 0, at = 0;
    while (at < value.size()) {
        const auto lead = static_cast<unsigned char>(value[at]);
        const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        units += bytes == 4 ? 2 : 1;
        if (units > SheetWriter::kMaxCellText)
            break;
        at += bytes;
    }
    return std::min(at, value.size());
}

// Whether `text[at]` starts what Excel would read as an escaped character ("_x000D_").
bool looksEscaped(std::string_view text, std::size_t at) {
    if (at + 7 > text.size() || text[at + 1] != 'x' || text[at + 6] != '_')
        return false;
    return std::all_of(text.begin() + at + 2, text.begin() + at + 6,
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// `text` as the content of an element. XML 1.0 has no place for most control characters, not even as
// references; SpreadsheetML writes them as "_xHHHH_" (§22.9.2.19, ST_Xstring), and so an underscore that
// would read as such an escape is itself escaped ("_x005F_"). A carriage return is kept the same way (an
// XML reader would make a line end of it).
void appendEscaped(std::string& out, std::string_view text) {
    std::size_t run = 0;  // the bytes since the last escape are appended as one run
    const auto escape = [&](std::size_t at, std::string_view with, std::size_t length = 1) {
        out.append(text.substr(run, at - run));
        out.append(with);
        run = at + length;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '<')
            escape(i, "&lt;");
        else if (c == '>')
            escape(i, "&gt;");
        else if (c == '&')
            escape(i, "&amp;");
        else if (c == '_' && looksEscaped(text, i))
            escape(i, "_x005F_");
        else if (c < 0x20 && c != '\t' && c != '\n') {
            char code[8];
            escape(i, std::string_view(
                          code, static_cast<std::size_t>(std::snprintf(code, sizeof code, "_x%04X_", c))));
        } else if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
            // U+FFFE and U+FFFF, the other characters XML has no place for.
            escape(i, text[i + 2] == '\xBE' ? "_xFFFE_" : "_xFFFF_", 3);
        }
    }
    out.append(text.substr(run));
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A column's width in Excel's stored measure for `characters` of the default font: the characters' pixels
// (7 each) and 5 of padding, in 256ths of a character, as Excel itself writes it.
double storedWidth(double characters) {
    return std::floor((characters * 7 + 5) / 7 * 256) / 256;
}

// Long texts get room to be read; ids, time stamps ("created_at"), numbers and dates what they need (a
// column too narrow for its number shows "###").
double widthFor(std::string_view header) {
    static constexpr std::array<std::string_view, 8> kWide{"title", "quote", "prefix", "suffix",
                                                           "note",  "name",  "metric", "explanation"};
    if (std::any_of(kWide.begin(), kWide.end(),
                    [&](std::string_view w) { return header.find(w) != header.npos; }))
        return 40;
    return header.ends_with("_id") ? 36 : header.ends_with("_at") ? 24 : 14;
}

constexpr std::string_view kSheetStart =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews>)";
constexpr std::string_view kFrozenHeader =
    R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)"
    R"(<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>)"
    R"(<sheetFormatPr defaultRowHeight="15"/>)";

}  // namespace

const std::string_view kStylesXml =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>)"
    R"(<numFmt numFmtId="165" formatCode="yyyy\-mm\-dd&quot;T&quot;hh:mm:ss.000&quot;Z&quot;"/></numFmts>)"
    R"(<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>)"
    R"(<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>)"
    R"(<fills count="2"><fill><patternFill patternType="none"/></fill>)"
    R"(<fill><patternFill patternType="gray125"/></fill></fills>)"
    R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
    R"(<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>)"
    R"(<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>)"
    R"(<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>)"
    R"(<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>)"
    R"(<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>)"
    R"(</styleSheet>)";

std::optional<double> serialOf(std::string_view text) {
    if (text.size() != 10 && !(text.size() >= 20 && text[10] == 'T' && text.back() == 'Z'))
        return std::nullopt;
    const year_month_day day{year(digitsAt(text, 0, 4)), month(static_cast<unsigned>(digitsAt(text, 5, 2))),
                             std::chrono::day(static_cast<unsigned>(digitsAt(text, 8, 2)))};
    if (text[4] != '-' || text[7] != '-' || !day.ok() || day.year() < year(1900) || day.year() > year(9999))
        return std::nullopt;
    double serial = static_cast<double>((sys_days(day) - sys_days(year(1899) / December / 30)).count());
    // The 1900 date system counts a 29 February 1900 that never was (ECMA-376 §18.17.4.1): the days
    // before it are one less.
    if (serial < 61)
        serial -= 1;
    if (text.size() > 10) {
        const int hours = digitsAt(text, 11, 2), minutes = digitsAt(text, 14, 2),
                  seconds = digitsAt(text, 17, 2), millis = text.size() == 24 ? digitsAt(text, 20, 3) : 0;
        if (text[13] != ':' || text[16] != ':' || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 ||
            seconds < 0 || seconds > 60 || millis < 0 || (text.size() != 20 && text.size() != 24))
            return std::nullopt;
        serial += ((hours * 60 + minutes) * 60 + seconds + millis / 1000.0) / 86400;
    }
    return serial;
}

std::string columnName(std::size_t column) {
    std::string name;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

SheetWriter::SheetWriter(std::function<void(std::string&&)> handOn, bool selected)
    : m_handOn(std::move(handOn)) {
    m_out.reserve(kChunk + kChunk / 4);
    m_out += kSheetStart;
    m_out +=
        selected ? R"(<sheetView tabSelected="1" workbookViewId="0">)" : R"(<sheetView workbookViewId="0">)";
    m_out += kFrozenHeader;
    m_sheetDataAt = m_out.size();
}

void SheetWriter::startCell(Style style, bool text) {
    if (!m_rowOpen) {
        m_out += "<row r=\"";
        m_out += m_rowNumber;
        m_out += "\">";
        m_rowOpen = true;
    }
    if (m_column >= m_columnNames.size())
        m_columnNames.push_back(columnName(m_columnNames.size()));
    m_out += "<c r=\"";
    m_out += m_columnNames[m_column];
    m_out += m_rowNumber;
    if (style != Style::Plain) {
        m_out += "\" s=\"";
        m_out += static_cast<char>('0' + static_cast<int>(style));
    }
    m_out += text ? "\" t=\"inlineStr\"><is><t" : "\"><v>";
}

void SheetWriter::text(std::string_view value) {
    if (m_rows == 0)
        m_widths.push_back(widthFor(value));
    if (!value.empty()) {
        const std::string_view cell = value.substr(0, cellLength(value));
        m_truncated += cell.size() < value.size() ? 1 : 0;
        startCell(m_rows == 0 ? Style::Header : Style::Plain, true);
        // Leading or trailing white space is the text's own, not the document's layout.
        m_out += isSpace(cell.front()) || isSpace(cell.back()) ? R"( xml:space="preserve">)" : ">";
        appendEscaped(m_out, cell);
        m_out += "</t></is></c>";
    }
    ++m_column;
}

void SheetWriter::number(std::optional<double> value) {
    if (value && !std::isfinite(*value))
        return text(formatNumber(*value));  // a cell's number is finite; "inf" stays readable as text
    if (value) {
        startCell(Style::Plain, false);
        m_out += formatNumber(*value);
        m_out += "</v></c>";
    }
    ++m_column;
}

void SheetWriter::integer(std::int64_t value) {
    startCell(Style::Plain, false);
    appendInteger(m_out, value);
    m_out += "</v></c>";
    ++m_column;
}

void SheetWriter::date(std::string_view value) {
    const auto serial = serialOf(value);
    if (!serial)
        return text(value);
    startCell(value.size() > 10 ? Style::Stamp : Style::Day, false);
    appendNumber(m_out, *serial);
    m_out += "</v></c>";
    ++m_column;
}

void SheetWriter::endRow() {
    if (m_rowOpen)
        m_out += "</row>";
    m_rowOpen = false;
    if (m_rows == 0) {
        m_columns = m_column;
        std::string columns = "<cols>";
        for (std::size_t i = 0; i < m_widths.size(); ++i) {
            columns +=
                "<col min=\"" + std::to_string(i + 1) + "\" max=\"" + std::to_string(i + 1) + "\" width=\"";
            appendNumber(columns, storedWidth(m_widths[i]));
            columns += "\" customWidth=\"1\"/>";
        }
        columns += "</cols><sheetData>";
        // The header row was written after the frozen pane; the columns' widths go between them.
        m_out.insert(m_sheetDataAt, columns);
    }
    ++m_rows;
    m_column = 0;
    m_rowNumber.clear();
    appendInteger(m_rowNumber, static_cast<std::int64_t>(m_rows + 1));
    if (m_out.size() >= kChunk) {
        m_handOn(std::move(m_out));
        m_out.clear();
        m_out.reserve(kChunk + kChunk / 4);
    }
}

std::string SheetWriter::filterRange(bool absolute) const {
    if (m_columns == 0)
        return {};
    const std::string_view dollar = absolute ? "$" : "";
    return fmt::format("{0}A{0}1:{0}{1}{0}{2}", dollar, columnName(m_columns - 1), m_rows);
}

void SheetWriter::finish() {
    if (m_rows == 0)
        m_out += "<sheetData>";
    m_out += "</sheetData>";
    if (m_columns > 0)
        m_out += "<autoFilter ref=\"" + filterRange(false) + "\"/>";
    m_out += "</worksheet>";
    m_handOn(std::move(m_out));
    m_out.clear();
}

}  // namespace claimtrack::xlsx
