#pragma once
// The app's CSV exports: the same columns as the command line's, written
// atomically (a failed export leaves any earlier file as it was).

#include "project.h"

#include <QString>

namespace claimtrack::gui {

// Every claim, or only `onlyIds` in that order.
Result<void> exportClaimsCsv(Project& project, const QString& path, const std::vector<std::int64_t>* onlyIds);
// Every conflicting pair, largest gap first; returns how many.
Result<std::size_t> exportConflictsCsv(Project& project, const QString& path);

}  // namespace claimtrack::gui
