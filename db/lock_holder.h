#pragma once
// Who holds a project file's write lock, so that "the project is busy" can name
// the program: SQLite only says that someone does.

#include <filesystem>
#include <optional>
#include <string>

namespace claimtrack::db {

// "claimtrack-cli (process 4242)" when another process holds the write lock of the
// project at `path` (in WAL mode, the write-lock byte of its -shm file; else the
// file's own reserved and pending bytes); empty when no one does, or it cannot be told.
std::optional<std::string> lockHolder(const std::filesystem::path& path);

}  // namespace claimtrack::db
