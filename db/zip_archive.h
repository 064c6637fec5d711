#pragma once
// A zip archive written with libzip, whole at close or not at all, its entries deflated at zlib's fastest
// level: the exports pack up to a gigabyte of repetitive XML, which the default level took three times as
// long to pack for an archive a fifth larger. Failures are thrown as sql::Failure, for db::guarded.

#include "result.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

struct zip;
struct zip_source;

namespace claimtrack::db {

// The bytes of entries written on one thread while another packs them: the writer hands over each
// entry's bytes in turn (`write`, then `endEntry`), the archive's close reads them in the same order. At
// most a few chunks wait, so a writer ahead of the packing waits for it and memory stays flat.
class EntryPipe {
public:
    // Refuses (sql::Failure) once the reading stopped (the archive could not be written), and a chunk that
    // would make its entry larger than ZipArchive::kLargestPiped.
    void write(std::string&& chunk);
    void endEntry();
    // The writer stopped: the entry being read, and any after it, end in an error.
    void fail();
    // Whether the writer failed while its entries were still being read (and so caused the packing to fail).
    bool writerFailed() const;

    // The reader's side: the next chunk of the entry being read, nothing at its end, or an error.
    enum class Next { Bytes, EntryEnd, Failed };
    Next read(std::string& chunk);
    // No more reading: a writer waiting to write is let go.
    void stopReading();

private:
    static constexpr std::size_t kWaiting = 8;
    struct Message {
        std::string bytes;
        bool entryEnd = false;
    };
    mutable std::mutex m_mutex;
    std::condition_variable m_written, m_taken;
    std::deque<Message> m_messages;
    std::deque<std::string> m_names;  // of the entries to be written, the current one first
    std::uint64_t m_entryBytes = 0;   // written so far to the current entry
    bool m_failed = false, m_stopped = false;
    friend class ZipArchive;  // which names the entries as they are added
};

class ZipArchive {
public:
    // The most bytes a piped entry may hold (deflate's worst case then still fits 4 GB without Zip64).
    static constexpr std::uint64_t kLargestPiped = 4'293'656'963;

    explicit ZipArchive(const std::filesystem::path& path);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Adds `bytes`, which must outlive the archive's close, as `name`.
    void addBytes(const std::string& name, std::string_view bytes);
    // Adds the next entry written to `pipe` as `name`; entries so added are read from it in order.
    void addPiped(const std::string& name, EntryPipe& pipe);

    // Packs and writes the archive; `shownPath` names it in an error.
    void close(const std::filesystem::path& shownPath);

private:
    void addSource(const std::string& name, ::zip_source* source);
    ::zip* m_zip = nullptr;
};

// Writes the archive at `path` whole or not at all: `fill` adds its entries to an archive beside it and
// packs it (close or packWhileWriting), which is then renamed to `path`, or removed if anything failed.
Result<void> writeArchive(const std::filesystem::path& path, const std::function<void(ZipArchive&)>& fill);

// Closes `archive` on a second thread while `write`, on this one, writes its piped entries into `pipe`, so
// that deflating overlaps writing. Throws (sql::Failure) the writer's error, or else the packing's.
void packWhileWriting(ZipArchive& archive, EntryPipe& pipe, const std::filesystem::path& shownPath,
                      const std::function<void()>& write);

}  // namespace claimtrack::db
