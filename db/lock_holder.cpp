#include "lock_holder.h"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace claimtrack::db {

namespace {

// The byte ranges SQLite's unix VFS write-locks (src/os_unix.c, src/wal.c).
constexpr long long kWalWriteLock = 120;             // in the -shm file: WAL_WRITE_LOCK
constexpr long long kReservedByte = 0x40000000 + 1;  // in the database: RESERVED_BYTE
constexpr long long kPendingByte = 0x40000000;       // PENDING_BYTE

struct LockedFile {
    std::string id;  // as /proc/locks names it: "fe:00:10960907" (major and minor in hex, inode)
    long long from, to;
};

std::optional<LockedFile> lockedFile(const std::filesystem::path& path, long long from, long long to) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return std::nullopt;
    return LockedFile{fmt::format("{:02x}:{:02x}:{}", major(info.st_dev), minor(info.st_dev), info.st_ino),
                      from, to};
}

std::string processName(long pid) {
    std::ifstream comm(fmt::format("/proc/{}/comm", pid));
    std::string name;
    std::getline(comm, name);
    return name.empty() ? std::string("another program") : name;
}

}  // namespace

std::optional<std::string> lockHolder(const std::filesystem::path& path) {
    // Reading /proc/locks opens neither file: a close() of any descriptor of a file would drop every
    // POSIX lock this process holds on it, SQLite's own included. Linux only; elsewhere nothing is told.
    std::ifstream locks("/proc/locks");
    if (!locks)
        return std::nullopt;
    std::vector<LockedFile> files;
    for (auto file : {lockedFile(path.string() + "-shm", kWalWriteLock, kWalWriteLock),
                      lockedFile(path, kPendingByte, kReservedByte)})
        if (file)
            files.push_back(*file);
    const long self = static_cast<long>(::getpid());
    // "1: POSIX  ADVISORY  WRITE 8182 fe:00:10960907 120 120"
    for (std::string line; std::getline(locks, line);) {
        std::istringstream fields(line);
        std::string number, kind, advisory, type, id, end;
        long pid = 0;
        long long start = 0;
        if (!(fields >> number >> kind >> advisory >> type >> pid >> id >> start >> end))
            continue;
        if (kind != "POSIX" || type != "WRITE" || pid == self || pid <= 0)
            continue;
        long long stop = std::numeric_limits<long long>::max();  // "EOF": to the end of the file
        if (end != "EOF" && std::from_chars(end.data(), end.data() + end.size(), stop).ec != std::errc())
            continue;
        for (const LockedFile& file : files)
            if (id == file.id && start <= file.to && stop >= file.from)
                return fmt::format("{} (process {})", processName(pid), pid);
    }
    return std::nullopt;
}

}  // namespace claimtrack::db
