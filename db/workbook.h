#pragma once
// The project as one Excel workbook (.xlsx), its sheets written by core/xlsx_sheet.h and packed by libzip
// (db/zip_archive.h) on a second thread as they are written: sheets Claims (the CSV's columns),
// Conflicts, Metrics, Sources and Articles; numbers as numbers, dates as dates and everything else as text
// (no cell is ever a formula); a frozen header row with filters on every sheet.

#include "project.h"

#include <filesystem>

namespace claimtrack {

// Writes the workbook to `path` whole or not at all (a temporary file beside it, renamed when done). A
// project with more claims than a sheet holds (1,048,575 rows) is refused, naming the limit. Returns how
// many texts were longer than a cell holds (32,767 characters) and were cut to fit.
Result<std::size_t> exportWorkbook(Project& project, const std::filesystem::path& path);

}  // namespace claimtrack
