#include "zip_archive.h"

#include "guarded.h"
#include "importers/qdpx.h"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace claimtrack::db {

bool EntryPipe::write(std::string&& chunk) {
    std::unique_lock lock(m_mutex);
    m_taken.wait(lock, [&] { return m_messages.size() < kWaiting || m_stopped; });
    if (m_stopped)
        return false;
    m_messages.push_back({std::move(chunk), false});
    m_written.notify_one();
    return true;
}

void EntryPipe::endEntry() {
    const std::lock_guard lock(m_mutex);
    m_messages.push_back({{}, true});
    m_written.notify_one();
}

void EntryPipe::fail() {
    const std::lock_guard lock(m_mutex);
    m_failed = true;
    m_written.notify_one();
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

bool EntryPipe::readingStopped() const {
    const std::lock_guard lock(m_mutex);
    return m_stopped;
}

namespace {

// An entry read at close, after zip_source_function's protocol: `next` gives its bytes a chunk at a time
// (EntryPipe's protocol), READ copies them out.
struct Lazy {
    std::function<EntryPipe::Next(std::string& bytes)> next;
    bool whole = false;  // `next` gives all the bytes at once (a text), so their size is known beforehand
    std::string bytes;
    std::size_t at = 0;
    bool fetched = false, ended = false;
    zip_error_t error;
};

bool fetch(Lazy& lazy) {
    lazy.at = 0;
    lazy.bytes.clear();
    const EntryPipe::Next next = lazy.next(lazy.bytes);
    if (next == EntryPipe::Next::Failed) {
        zip_error_set(&lazy.error, ZIP_ER_READ, 0);
        return false;
    }
    lazy.ended = next == EntryPipe::Next::EntryEnd;
    lazy.fetched = true;
    return true;
}

zip_int64_t readLazy(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto* lazy = static_cast<Lazy*>(state);
    switch (command) {
    case ZIP_SOURCE_OPEN:
        return 0;
    case ZIP_SOURCE_READ: {
        while (lazy->at == lazy->bytes.size() && !lazy->ended)
            if (!fetch(*lazy))
                return -1;
        const std::size_t n = std::min<std::size_t>(length, lazy->bytes.size() - lazy->at);
        std::memcpy(data, lazy->bytes.data() + lazy->at, n);
        lazy->at += n;
        return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
        lazy->bytes = std::string();
        return 0;
    case ZIP_SOURCE_STAT: {
        // libzip asks just before it packs the entry, and marks Zip64 in the local header of an entry
        // whose size it is not told (1.7.3, add_data); Excel is reported to refuse a workbook whose entries
        // are Zip64 without needing to be (minizip-ng issue 894). So a text is read now and its size told,
        // and a piped entry tells the largest size that needs no Zip64: libzip uses it for that choice
        // alone and writes the real sizes once packed.
        if (lazy->whole && !lazy->fetched && !fetch(*lazy))
            return -1;
        auto* stat = static_cast<zip_stat_t*>(data);
        zip_stat_init(stat);
        stat->size = lazy->whole ? lazy->bytes.size() : ZipArchive::kLargestPiped;
        stat->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&lazy->error, data, length);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&lazy->error);
        delete lazy;
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&lazy->error, ZIP_ER_OPNOTSUPP, 0);
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

void ZipArchive::addText(const std::string& name, std::function<Result<std::string>()> read) {
    addLazy(name, true, [read = std::move(read), given = false](std::string& bytes) mutable {
        if (std::exchange(given, true))
            return EntryPipe::Next::EntryEnd;
        auto text = read();
        if (!text)
            return EntryPipe::Next::Failed;
        bytes = std::move(*text);
        return EntryPipe::Next::Bytes;
    });
}

void ZipArchive::addPiped(const std::string& name, EntryPipe& pipe) {
    addLazy(name, false, [&pipe](std::string& bytes) { return pipe.read(bytes); });
}

void ZipArchive::addLazy(const std::string& name, bool whole,
                         std::function<EntryPipe::Next(std::string&)> next) {
    auto* lazy = new Lazy{std::move(next), whole, {}, 0, false, false, {}};
    zip_error_init(&lazy->error);
    zip_source_t* source = zip_source_function(m_zip, readLazy, lazy);
    if (!source) {
        zip_error_fini(&lazy->error);
        delete lazy;
    }
    addSource(name, source);
}

void ZipArchive::addFile(const std::string& name, const std::filesystem::path& file) {
    addSource(name, zip_source_file(m_zip, file.c_str(), 0, 0));
}

void ZipArchive::close(const std::filesystem::path& shownPath, const std::optional<Error>& cause) {
    if (zip_close(m_zip) == 0)
        return void(m_zip = nullptr);
    if (cause)
        throw sql::Failure(*cause);
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

}  // namespace claimtrack::db
