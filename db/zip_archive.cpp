#include "zip_archive.h"

#include "guarded.h"
#include "importers/qdpx.h"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <thread>

namespace claimtrack::db {

void EntryPipe::write(std::string&& chunk) {
    // Checked here for every exporter: libzip was told the entry is no larger (see ZIP_SOURCE_STAT below),
    // and past it would fail only at the end, with "Internal error".
    m_entryBytes += chunk.size();
    if (m_entryBytes > ZipArchive::kLargestPiped)
        refuse(ErrorCode::InvalidInput,
               fmt::format("{} would be larger than 4 GB, more than the archive holds",
                           m_names.empty() ? std::string("an entry") : m_names.front()));
    std::unique_lock lock(m_mutex);
    m_taken.wait(lock, [&] { return m_messages.size() < kWaiting || m_stopped; });
    if (m_stopped)
        refuse(ErrorCode::Io, "the archive could not be written");
    m_messages.push_back({std::move(chunk), false});
    m_written.notify_one();
}

void EntryPipe::endEntry() {
    m_entryBytes = 0;
    if (!m_names.empty())
        m_names.pop_front();
    const std::lock_guard lock(m_mutex);
    m_messages.push_back({{}, true});
    m_written.notify_one();
}

void EntryPipe::fail() {
    const std::lock_guard lock(m_mutex);
    m_failed = !m_stopped;  // a writer turned away by a failed packing did not cause it
    m_written.notify_one();
}

bool EntryPipe::writerFailed() const {
    const std::lock_guard lock(m_mutex);
    return m_failed;
}

EntryPipe::Next EntryPipe::read(std::string& chunk) {
    std::unique_lock lock(m_mutex);
    m_written.wait(lock, [&] { return !m_messages.empty() || m_failed; });
    if (m_messages.empty())
        return Next::Failed;
    Message message = std::move(m_messages.front());
    m_messages.pop_front();
    m_taken.notify_one();
    if (message.entryEnd)
        return Next::EntryEnd;
    chunk = std::move(message.bytes);
    return Next::Bytes;
}

void EntryPipe::stopReading() {
    const std::lock_guard lock(m_mutex);
    m_stopped = true;
    m_messages.clear();
    m_taken.notify_all();
}

namespace {

// A piped entry as a zip_source_function reads it at close: the pipe's chunks, copied out on READ.
struct Piped {
    EntryPipe& pipe;
    std::string bytes;
    std::size_t at = 0;
    bool ended = false;
    zip_error_t error;
};

zip_int64_t readPiped(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto* piped = static_cast<Piped*>(state);
    switch (command) {
    case ZIP_SOURCE_OPEN:
        return 0;
    case ZIP_SOURCE_READ: {
        while (piped->at == piped->bytes.size() && !piped->ended) {
            piped->at = 0;
            piped->bytes.clear();
            const EntryPipe::Next next = piped->pipe.read(piped->bytes);
            if (next == EntryPipe::Next::Failed) {
                zip_error_set(&piped->error, ZIP_ER_READ, 0);
                return -1;
            }
            piped->ended = next == EntryPipe::Next::EntryEnd;
        }
        const std::size_t n = std::min<std::size_t>(length, piped->bytes.size() - piped->at);
        std::memcpy(data, piped->bytes.data() + piped->at, n);
        piped->at += n;
        return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
        // Its last chunk let go now, not when libzip frees its sources after the last entry (assigning an
        // empty string keeps the buffer: ten thousand texts were 50 MB kept to the end).
        std::string().swap(piped->bytes);
        return 0;
    case ZIP_SOURCE_STAT: {
        // libzip marks Zip64 in the local header of an entry whose size it is not told (1.7.3, add_data),
        // and Excel is reported to refuse a workbook whose entries are Zip64 without needing to be
        // (minizip-ng issue 894). So a piped entry tells the largest size that needs no Zip64: libzip uses
        // it for that choice alone and writes the real sizes once packed.
        auto* stat = static_cast<zip_stat_t*>(data);
        zip_stat_init(stat);
        stat->size = ZipArchive::kLargestPiped;
        stat->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&piped->error, data, length);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&piped->error);
        delete piped;
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&piped->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

}  // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path) {
    int error = 0;
    m_zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!m_zip)
        refuse(ErrorCode::Io, fmt::format("cannot create {}: {}", path.string(), zipErrorText(error)));
}

ZipArchive::~ZipArchive() {
    if (m_zip)
        zip_discard(m_zip);
}

void ZipArchive::addBytes(const std::string& name, std::string_view bytes) {
    addSource(name, zip_source_buffer(m_zip, bytes.data(), bytes.size(), 0));
}

void ZipArchive::addPiped(const std::string& name, EntryPipe& pipe) {
    pipe.m_names.push_back(name);
    auto* piped = new Piped{pipe, {}, 0, false, {}};
    zip_error_init(&piped->error);
    zip_source_t* source = zip_source_function(m_zip, readPiped, piped);
    if (!source) {
        zip_error_fini(&piped->error);
        delete piped;
    }
    addSource(name, source);
}

void ZipArchive::close(const std::filesystem::path& shownPath) {
    if (zip_close(m_zip) == 0)
        return void(m_zip = nullptr);
    refuse(ErrorCode::Io, fmt::format("cannot write {}: {}", shownPath.string(), zip_strerror(m_zip)));
}

void ZipArchive::addSource(const std::string& name, zip_source_t* source) {
    const zip_int64_t index = source ? zip_file_add(m_zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
        if (source)
            zip_source_free(source);
        refuse(ErrorCode::Io, fmt::format("cannot add {} to the archive: {}", name, zip_strerror(m_zip)));
    }
    zip_set_file_compression(m_zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
}

Result<void> writeArchive(const std::filesystem::path& path, const std::function<void(ZipArchive&)>& fill) {
    const std::filesystem::path partial = path.string() + ".partial";
    auto written = guarded([&] {
        // A place it cannot write is said here, in one line: the zip library would find out at the end.
        if (std::ofstream probe(partial, std::ios::binary); !probe)
            refuse(ErrorCode::Io, fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
        ZipArchive archive(partial);
        fill(archive);
        std::error_code renamed;
        std::filesystem::rename(partial, path, renamed);
        if (renamed)
            refuse(ErrorCode::Io, fmt::format("cannot write {}: {}", path.string(), renamed.message()));
    });
    if (!written) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
    }
    return written;
}

void packWhileWriting(ZipArchive& archive, EntryPipe& pipe, const std::filesystem::path& shownPath,
                      const std::function<void()>& write) {
    Result<void> packed;
    std::thread packer([&] {
        packed = guarded([&] { archive.close(shownPath); });
        pipe.stopReading();
    });
    Result<void> written;
    try {
        written = guarded(write);
    } catch (...) {
        pipe.fail();
        packer.join();
        throw;
    }
    if (!written)
        pipe.fail();
    packer.join();
    if (!packed && !pipe.writerFailed())
        throw sql::Failure(packed.error());  // the packing's own failure, which turned the writer away
    orRefuse(std::move(written));
    orRefuse(std::move(packed));
}

}  // namespace claimtrack::db
