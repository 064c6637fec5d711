#pragma once
// RFC 4180 CSV, written as a stream: rows end in CRLF, fields holding a comma,
// quote or line break are quoted, quotes are doubled. Text cells that a
// spreadsheet would run as a formula get a leading apostrophe.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

namespace claimtrack {

// Where the rows of a table go, cell by cell: a CSV stream, or a spreadsheet's sheet that keeps each cell's
// type. The tables (claims, articles, conflicts, metrics) are written once, for both.
class RowWriter {
public:
    virtual ~RowWriter() = default;
    virtual void text(std::string_view value) = 0;
    virtual void number(std::optional<double> value) = 0;  // empty when absent
    virtual void integer(std::int64_t value) = 0;
    // A date ("2018-03-12") or a time stamp ("2018-03-12T09:30:00.000Z"); partial dates ("2018") as text.
    virtual void date(std::string_view value) { text(value); }
    virtual void endRow() = 0;
};

class CsvWriter final : public RowWriter {
public:
    explicit CsvWriter(std::ostream& out) : m_out(out) {}

    void text(std::string_view value) override;  // guarded against formula injection
    void number(std::optional<double> value) override;
    void integer(std::int64_t value) override;
    void endRow() override;

private:
    void separate();
    void raw(std::string_view value);

    std::ostream& m_out;
    bool m_rowStarted = false;
};

}  // namespace claimtrack
