#pragma once
// The project's findings as one self-contained HTML page, for readers outside the project: a first part with
// its metrics and their claim and conflict counts; per metric its description, its compare chart (inline
// SVG), its claims (a figure repeated by one source counted once, with each place it was told), its
// conflicts with their explanation and any verdict with its note; and the articles cited, as references.
// It reads well on a phone (tables scroll on their own) and printed (a metric to a page).

#include "project.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace claimtrack {

struct ReportOptions {
    std::string title;                  // the page's heading: "Claims: research.claims"
    std::vector<std::string> metrics;   // only these metrics (by name); empty: all of them
    std::vector<ClaimStatus> statuses;  // only claims of these statuses; empty: all
    std::string generatedOn;            // "2026-12-01", said under the title
    // A number for the reader ("626,000,000", or "626.000.000" in German); formatNumber by default.
    std::function<std::string(double)> number;
};

struct ReportWritten {
    std::size_t metrics = 0, claims = 0, conflicts = 0, articles = 0;
};

// Numbers as a reader of `locale` writes them ("de_DE": "626.000.000"; "" for the system's); the C locale
// and one Qt does not know give "626,000,000".
std::function<std::string(double)> localeNumbers(const std::string& locale);

// Writes the report; refuses a metric named that the project does not have.
Result<ReportWritten> writeReportHtml(Project& project, const ReportOptions& options, std::ostream& out);

}  // namespace claimtrack
