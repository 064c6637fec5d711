#pragma once
// RFC 4180 CSV, written as a stream: rows end in CRLF, fields holding a comma,
// quote or line break are quoted, quotes are doubled. Text cells that a
// spreadsheet would run as a formula get a leading apostrophe.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

namespace claimtrack {

class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out) : m_out(out) {}

    void text(std::string_view value);         // guarded against formula injection
    void number(std::optional<double> value);  // empty when absent
    void integer(std::int64_t value);
    void endRow();

private:
    void separate();
    void raw(std::string_view value);

    std::ostream& m_out;
    bool m_rowStarted = false;
};

}  // namespace claimtrack
