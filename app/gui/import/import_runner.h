#pragma once
// Imports files into the open project with a progress dialog and Cancel;
// files that cannot be imported are listed at the end with the reason, the
// rest land. The whole import is one undoable step.

#include "project.h"

#include <QStringList>

#include <cstdint>
#include <map>
#include <vector>

class QWidget;

namespace claimtrack::gui {

class ProjectSession;

struct ImportSummary {
    std::vector<std::int64_t> imported;             // new articles
    std::vector<std::int64_t> existing;             // texts already in the project
    QStringList failures;                           // "file: reason"
    QStringList guesses;                            // "file: WINDOWS-1252", files whose encoding was guessed
    std::map<std::int64_t, VersionAdded> versions;  // of them, newer versions of articles, by id
    std::size_t claimsCarried = 0, claimsWaiting = 0;  // their earlier versions' claims
    bool cancelled = false;
};

// Imports files, and folders whole. `keepCopies`: the project keeps a copy of each file's bytes; else its
// path and hash.
ImportSummary importFiles(QWidget* parent, ProjectSession& session, const QStringList& paths,
                          bool keepCopies = true);

}  // namespace claimtrack::gui
