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
#include <optional>
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
    // False once the reading stopped (the archive could not be written): the writer should stop too.
    bool write(std::string&& chunk);
    void endEntry();
    // The writer stopped: the entry being read, and any after it, end in an error.
    void fail();

    // The reader's side: the next chunk of the entry being read, nothing at its end, or an error.
    enum class Next { Bytes, EntryEnd, Failed };
    Next read(std::string& chunk);
    // No more reading: a writer waiting to write is let go.
    void stopReading();
    bool readingStopped() const;

private:
    static constexpr std::size_t kWaiting = 8;
    struct Message {
        std::string bytes;
        bool entryEnd = false;
    };
    mutable std::mutex m_mutex;
    std::condition_variable m_written, m_taken;
    std::deque<Message> m_messages;
    bool m_failed = false, m_stopped = false;
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
    // Adds the text `read` gives as `name`. It is read when the archive is closed and let go once packed,
    // so that many such texts never sit in memory together.
    void addText(const std::string& name, std::function<Result<std::string>()> read);
    void addFile(const std::string& name, const std::filesystem::path& file);
    // Adds the next entry written to `pipe` as `name`; entries so added are read from it in order. The
    // writer keeps each to kLargestPiped bytes.
    void addPiped(const std::string& name, EntryPipe& pipe);

    // Packs and writes the archive; `shownPath` names it in an error, and `cause`, when a text could not be
    // read, is the error said instead of libzip's.
    void close(const std::filesystem::path& shownPath, const std::optional<Error>& cause = std::nullopt);

private:
    void addLazy(const std::string& name, bool whole, std::function<EntryPipe::Next(std::string&)> next);
    void addSource(const std::string& name, ::zip_source* source);
    ::zip* m_zip = nullptr;
};

}  // namespace claimtrack::db
