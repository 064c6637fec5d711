#include "csv.h"
#include "model.h"

#include <string>

namespace claimtrack {

void CsvWriter::separate() {
    if (m_rowStarted)
        m_out.put(',');
    m_rowStarted = true;
}

void CsvWriter::raw(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        m_out.write(value.data(), static_cast<std::streamsize>(value.size()));
        return;
    }
    m_out.put('"');
    for (const char c : value) {
        if (c == '"')
            m_out.put('"');
        m_out.put(c);
    }
    m_out.put('"');
}

void CsvWriter::text(std::string_view value) {
    separate();
    // OWASP's advice for CSV injection: a cell a spreadsheet would evaluate
    // (= + - @, or a tab / CR that some of them skip first) is made plain text.
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
        raw(std::string("'").append(value));
        return;
    }
    raw(value);
}

void CsvWriter::number(std::optional<double> value) {
    separate();
    if (value)
        raw(formatNumber(*value));
}

void CsvWriter::integer(std::int64_t value) {
    separate();
    raw(std::to_string(value));
}

void CsvWriter::endRow() {
    m_out.write("\r\n", 2);
    m_rowStarted = false;
}

}  // namespace claimtrack
