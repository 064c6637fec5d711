#pragma once
// A plain-text table for people reading a terminal: columns padded to their
// widest cell (in code points), long cells cut with an ellipsis.

#include <ostream>
#include <string>
#include <vector>

namespace claimtrack::cli {

class TextTable {
public:
    struct Column {
        std::string title;
        std::size_t maxWidth = 40;
    };

    explicit TextTable(std::vector<Column> columns) : m_columns(std::move(columns)) {}

    void addRow(std::vector<std::string> cells);
    void print(std::ostream& out) const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace claimtrack::cli
