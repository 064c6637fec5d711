#include "csv_export.h"
#include "claim_format.h"
#include "conflict_format.h"
#include "files.h"

namespace claimtrack::gui {

Result<void> exportClaimsCsv(Project& project, const QString& path,
                             const std::vector<std::int64_t>* onlyIds) {
    return writeFileAtomically(path.toStdString(), [&](std::ostream& out) -> Result<void> {
        CsvWriter csv(out);
        writeClaimHeader(csv);
        if (!onlyIds)
            return project.forEachClaim({}, [&](const ClaimRecord& claim) { writeClaimRow(csv, claim); });
        // Read in chunks, so a long table is never all in memory twice.
        constexpr std::size_t kChunk = 1000;
        const std::vector<std::int64_t>& ids = *onlyIds;
        for (std::size_t first = 0; first < ids.size(); first += kChunk) {
            auto claims =
                project.claimsById(std::span(ids).subspan(first, std::min(kChunk, ids.size() - first)));
            if (!claims)
                return claims.error();
            for (const ClaimRecord& claim : *claims)
                writeClaimRow(csv, claim);
        }
        return {};
    });
}

Result<std::size_t> exportConflictsCsv(Project& project, const QString& path) {
    auto report = project.conflicts();
    if (!report)
        return report.error();
    auto written = writeFileAtomically(path.toStdString(), [&](std::ostream& out) -> Result<void> {
        CsvWriter csv(out);
        writeConflictHeader(csv);
        for (const ConflictRow& conflict : report->conflicts)
            writeConflictRow(csv, conflict);
        return {};
    });
    if (!written)
        return written.error();
    return report->conflicts.size();
}

}  // namespace claimtrack::gui
