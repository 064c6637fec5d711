#pragma once
// Files on disk: reading an article with the checks every importer makes, and
// writing an export so that a failure never leaves a half-written file.

#include "result.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace claimtrack {

// Articles larger than this are refused before they are read into memory.
inline constexpr std::uintmax_t kMaxArticleBytes = 64 * 1024 * 1024;

// The file's bytes; refuses missing files, folders, special files and files
// larger than kMaxArticleBytes, naming the file.
Result<std::string> readArticleFile(const std::filesystem::path& path);

// Exchange files read whole (W3C annotations) larger than this are refused before they are read.
inline constexpr std::uintmax_t kMaxExchangeBytes = 256 * 1024 * 1024;
Result<std::string> readExchangeFile(const std::filesystem::path& path);

// The article files under `folder`, recursively, in name order: those whose extension names a format
// the importers read (formatOfExtension). Hidden files and folders are passed over, and so are symbolic links
// to folders (a link can lead back up the tree and loop). Folders that cannot be read are named in
// `problems`.
std::vector<std::filesystem::path> articleFilesIn(const std::filesystem::path& folder,
                                                  std::vector<std::string>& problems);

// Writes `target` through `write`, first to "<target>.partial" beside it, then
// renamed over it; on any failure (from `write` or the disk) the partial file is
// removed and `target` is left as it was.
Result<void> writeFileAtomically(const std::filesystem::path& target,
                                 const std::function<Result<void>(std::ostream&)>& write);

}  // namespace claimtrack
