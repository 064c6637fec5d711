#include "workbook.h"

#include "claim_format.h"
#include "conflict_format.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <system_error>

namespace claimtrack {

namespace {

constexpr lxw_row_t kMaxRows = 1'048'576;     // rows in a sheet, the header's included
constexpr std::size_t kMaxCellText = 32'767;  // characters in a cell

// The number in text[at, at + length), or -1.
int digitsAt(std::string_view text, std::size_t at, std::size_t length) {
    int value = 0;
    if (at + length > text.size())
        return -1;
    const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + length, value);
    return error == std::errc() && end == text.data() + at + length ? value : -1;
}

// "2018-03-12" and "2018-03-12T09:30:00.000Z" as a spreadsheet's date; anything else (a year alone,
// "2018-04") is not a day and stays text.
std::optional<lxw_datetime> dateOf(std::string_view text) {
    if (text.size() != 10 && !(text.size() >= 20 && text[10] == 'T' && text.back() == 'Z'))
        return std::nullopt;
    lxw_datetime date{digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2), 0, 0, 0};
    if (text[4] != '-' || text[7] != '-' || date.year < 1900 || date.month < 1 || date.month > 12 ||
        date.day < 1 || date.day > 31)
        return std::nullopt;
    if (text.size() > 10) {
        date.hour = digitsAt(text, 11, 2);
        date.min = digitsAt(text, 14, 2);
        const int seconds = digitsAt(text, 17, 2), millis = text.size() == 24 ? digitsAt(text, 20, 3) : 0;
        if (date.hour < 0 || date.min < 0 || seconds < 0 || millis < 0)
            return std::nullopt;
        date.sec = seconds + millis / 1000.0;
    }
    return date;
}

struct Formats {
    lxw_format* header;
    lxw_format* date;
    lxw_format* stamp;
};

// One sheet's rows, cell by cell with their types. The header row is bold, sets the columns' widths, and
// is frozen with a filter over the columns once the rows are written.
class SheetWriter final : public RowWriter {
public:
    SheetWriter(lxw_worksheet* sheet, const Formats& formats) : m_sheet(sheet), m_formats(formats) {}

    void text(std::string_view value) override {
        if (m_row == 0) {
            // Long texts get room to be read; ids, numbers and dates what they need.
            const bool wide = std::any_of(kWideColumns.begin(), kWideColumns.end(),
                                          [&](std::string_view w) { return value.find(w) != value.npos; });
            worksheet_set_column(m_sheet, m_column, m_column,
                                 wide                     ? 40
                                 : value.ends_with("_id") ? 36
                                                          : 14,
                                 nullptr);
        }
        if (!value.empty()) {
            std::string cell(value.substr(0, cellLength(value)));
            m_truncated += cell.size() < value.size() ? 1 : 0;
            check(worksheet_write_string(m_sheet, m_row, m_column, cell.c_str(),
                                         m_row == 0 ? m_formats.header : nullptr));
        }
        ++m_column;
    }

    void number(std::optional<double> value) override {
        if (value)
            check(worksheet_write_number(m_sheet, m_row, m_column, *value, nullptr));
        ++m_column;
    }

    void integer(std::int64_t value) override { number(static_cast<double>(value)); }

    void date(std::string_view value) override {
        if (auto date = dateOf(value)) {
            check(worksheet_write_datetime(m_sheet, m_row, m_column, &*date,
                                           value.size() > 10 ? m_formats.stamp : m_formats.date));
            ++m_column;
        } else {
            text(value);
        }
    }

    void endRow() override {
        if (m_row == 0)
            m_columns = m_column;
        ++m_row;
        m_column = 0;
    }

    // After the last row: the header frozen, with a filter over what was written.
    Result<void> finish() {
        worksheet_freeze_panes(m_sheet, 1, 0);
        if (m_columns > 0)
            check(worksheet_autofilter(m_sheet, 0, 0, m_row - 1, static_cast<lxw_col_t>(m_columns - 1)));
        if (m_error != LXW_NO_ERROR)
            return makeError(ErrorCode::Io,
                             fmt::format("cannot write the workbook: {}", lxw_strerror(m_error)));
        return {};
    }

    bool full() const { return m_row >= kMaxRows; }
    std::size_t truncated() const { return m_truncated; }

private:
    static constexpr std::array<std::string_view, 8> kWideColumns{"title", "quote", "prefix", "suffix",
                                                                  "note",  "name",  "metric", "explanation"};

    // The bytes of `value` that make at most kMaxCellText characters, cut between characters.
    static std::size_t cellLength(std::string_view value) {
        if (value.size() <= kMaxCellText)
            return value.size();
        std::size_t characters = 0, at = 0;
        for (; at < value.size(); ++at)
            if ((static_cast<unsigned char>(value[at]) & 0xC0) != 0x80 && ++characters > kMaxCellText)
                break;
        return at;
    }

    void check(lxw_error error) {
        if (error != LXW_NO_ERROR && m_error == LXW_NO_ERROR)
            m_error = error;
    }

    lxw_worksheet* m_sheet;
    const Formats& m_formats;
    lxw_row_t m_row = 0;
    lxw_col_t m_column = 0;
    lxw_col_t m_columns = 0;
    std::size_t m_truncated = 0;
    lxw_error m_error = LXW_NO_ERROR;
};

// The sheets, each filled and finished; returns how many texts were cut to fit a cell.
Result<std::size_t> writeSheets(Project& project, lxw_workbook* workbook) {
    const Formats formats = [&] {
        Formats f{workbook_add_format(workbook), workbook_add_format(workbook),
                  workbook_add_format(workbook)};
        format_set_bold(f.header);
        format_set_num_format(f.date, "yyyy-mm-dd");
        format_set_num_format(f.stamp, "yyyy-mm-dd\"T\"hh:mm:ss.000\"Z\"");
        return f;
    }();
    const auto sheet = [&](const char* name) {
        return SheetWriter(workbook_add_worksheet(workbook, name), formats);
    };

    SheetWriter claims = sheet("Claims");
    writeClaimHeader(claims);
    bool tooMany = false;
    if (auto written = project.forEachClaim({},
                                            [&](const ClaimRecord& claim) {
                                                if (claims.full())
                                                    tooMany = true;
                                                else
                                                    writeClaimRow(claims, claim);
                                            });
        !written)
        return written.error();
    if (tooMany)
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("the project has more claims than a sheet holds ({} rows): export it "
                                     "as CSV instead",
                                     kMaxRows - 1));

    auto report = project.conflicts();
    if (!report)
        return report.error();
    SheetWriter conflicts = sheet("Conflicts");
    writeConflictHeader(conflicts);
    for (const ConflictRow& conflict : report->conflicts)
        writeConflictRow(conflicts, conflict);

    SheetWriter metrics = sheet("Metrics");
    writeMetricHeader(metrics);
    for (const MetricSummary& metric : report->metrics)
        writeMetricRow(metrics, metric);

    auto sourceList = project.entities(EntityKind::Source);
    if (!sourceList)
        return sourceList.error();
    SheetWriter sources = sheet("Sources");
    writeSourceHeader(sources);
    for (const Entity& source : *sourceList)
        writeSourceRow(sources, source);

    auto articleList = project.articles();
    if (!articleList)
        return articleList.error();
    SheetWriter articles = sheet("Articles");
    writeArticleHeader(articles);
    for (const Article& article : *articleList)
        writeArticleRow(articles, article);

    std::size_t truncated = 0;
    for (SheetWriter* written : {&claims, &conflicts, &metrics, &sources, &articles}) {
        if (auto finished = written->finish(); !finished)
            return finished.error();
        truncated += written->truncated();
    }
    return truncated;
}

}  // namespace

Result<std::size_t> exportWorkbook(Project& project, const std::filesystem::path& path) {
    const std::filesystem::path partial = path.string() + ".partial";
    const std::string tmpdir = path.parent_path().empty() ? std::string(".") : path.parent_path().string();
    // A place it cannot write is said here, in one line: the library would say it on stderr, at the end.
    if (std::ofstream probe(partial, std::ios::binary); !probe)
        return makeError(ErrorCode::Io,
                         fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
    // Rows go to temporary files as they are written, so a million claims never sit in memory.
    lxw_workbook_options options{LXW_TRUE, const_cast<char*>(tmpdir.c_str()), LXW_TRUE};
    lxw_workbook* workbook = workbook_new_opt(partial.c_str(), &options);
    if (!workbook)
        return makeError(ErrorCode::Io, fmt::format("cannot create {}", path.string()));
    auto written = writeSheets(project, workbook);
    const lxw_error closed = workbook_close(workbook);  // frees the workbook, whatever was written
    std::error_code ignored;
    if (!written || closed != LXW_NO_ERROR) {
        std::filesystem::remove(partial, ignored);
        if (!written)
            return written.error();
        return makeError(ErrorCode::Io,
                         fmt::format("cannot write {}: {}", path.string(), lxw_strerror(closed)));
    }
    std::error_code renamed;
    std::filesystem::rename(partial, path, renamed);
    if (renamed) {
        std::filesystem::remove(partial, ignored);
        return makeError(ErrorCode::Io, fmt::format("cannot write {}: {}", path.string(), renamed.message()));
    }
    return *written;
}

}  // namespace claimtrack
