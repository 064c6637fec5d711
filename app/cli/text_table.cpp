#include "text_table.h"
#include "text.h"

#include <algorithm>

namespace claimtrack::cli {

namespace {

std::string fitCell(const std::string& cell, std::size_t width) {
    std::string oneLine = cell;
    std::replace(oneLine.begin(), oneLine.end(), '\n', ' ');
    const CodePointIndex index(oneLine);
    if (static_cast<std::size_t>(index.size()) <= width)
        return oneLine;
    return std::string(index.slice({0, static_cast<std::int64_t>(width) - 1})) + "…";
}

}  // namespace

void TextTable::addRow(std::vector<std::string> cells) {
    for (std::size_t i = 0; i < cells.size() && i < m_columns.size(); ++i)
        cells[i] = fitCell(cells[i], m_columns[i].maxWidth);
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const Column& column : m_columns)
        widths.push_back(static_cast<std::size_t>(codePointCount(column.title)));
    for (const auto& row : m_rows)
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], static_cast<std::size_t>(codePointCount(row[i])));

    auto printRow = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string& cell = i < cells.size() ? cells[i] : std::string();
            line += cell;
            if (i + 1 < widths.size())
                line.append(widths[i] - static_cast<std::size_t>(codePointCount(cell)) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    };
    std::vector<std::string> titles;
    for (const Column& column : m_columns)
        titles.push_back(column.title);
    printRow(titles);
    for (const auto& row : m_rows)
        printRow(row);
}

}  // namespace claimtrack::cli
