#pragma once
// The project as a REFI-QDA project exchange file (.qdpx), which QDA software (QualCoder, NVivo, ATLAS.ti,
// MAXQDA) imports: a zip archive of `project.qde` (QDA-XML 1.0, urn:QDA-XML:project:1.0) and each article's
// text as `sources/<guid>.txt`.
//
// What goes where: each article is a TextSource, each claim a PlainTextSelection on it (positions in code
// points, the end exclusive, as QDA tools count them) named by its quote and described by its figure;
// metrics, sources, tags and statuses are codes under four uncodable parents ("Metrics", "Sources",
// "Tags", "Status"), and a claim is coded with its own; claim notes, article memos and the project memo are
// notes. Every GUID is the project's own UUID where it has one, else derived from the name (UUID v5), so
// exporting the same project twice gives the same document.

#include "project.h"

#include <cstddef>
#include <filesystem>

namespace claimtrack {

struct QdpxCounts {
    std::size_t sources = 0;     // articles
    std::size_t selections = 0;  // claims
    std::size_t codes = 0;       // metrics, sources, tags and statuses, with their four parents
    std::size_t notes = 0;
};

// Writes the archive to `path` whole or not at all (a temporary file beside it, renamed when done).
Result<QdpxCounts> exportQdpx(Project& project, const std::filesystem::path& path);

}  // namespace claimtrack
