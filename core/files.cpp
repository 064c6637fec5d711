#include "files.h"
#include "importers/document.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace claimtrack {

namespace fs = std::filesystem;

namespace {

// The file's bytes, when it is a regular file of at most `maxBytes`; `tooLarge` ends the refusal.
Result<std::string> readFileUpTo(const fs::path& path, std::uintmax_t maxBytes, std::string_view tooLarge) {
    const std::string name = path.string();
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec == std::errc::too_many_symbolic_link_levels)
        return makeError(ErrorCode::InvalidInput, name + " is a symbolic link that leads round in a loop");
    if (ec || !fs::exists(status))
        return makeError(ErrorCode::NotFound, name + ": no such file");
    if (fs::is_directory(status))
        return makeError(ErrorCode::InvalidInput, name + " is a folder; name the files inside it");
    if (!fs::is_regular_file(status))
        return makeError(ErrorCode::InvalidInput, name + " is not a regular file");
    if (fs::file_size(path, ec) > maxBytes)
        return makeError(ErrorCode::InvalidInput, name + " is larger than " + std::string(tooLarge));
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf()) || in.bad()) {
        // An empty file makes operator<< fail without reading anything: that is not an I/O error.
        if (fs::file_size(path, ec) == 0 && !ec)
            return std::string();
        return makeError(ErrorCode::Io, name + ": cannot read the file");
    }
    return std::move(bytes).str();
}

}  // namespace

Result<std::string> readArticleFile(const fs::path& path) {
    return readFileUpTo(path, kMaxArticleBytes, "64 MiB, too large for an article");
}

Result<std::string> readExchangeFile(const fs::path& path) {
    return readFileUpTo(path, kMaxExchangeBytes, "256 MiB, more than an exchange file of annotations holds");
}

std::vector<fs::path> articleFilesIn(const fs::path& folder, std::vector<std::string>& problems) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        problems.push_back(folder.string() + ": " + ec.message());
        return files;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            problems.push_back(it->path().string() + ": " + ec.message());
            ec.clear();
            continue;
        }
        const fs::path& path = it->path();
        if (path.filename().string().starts_with('.')) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        // Links to folders are not followed (the iterator's default); links to files are files.
        if (it->is_regular_file(ec) && formatOfExtension(path.string()))
            files.push_back(path);
        else if (ec == std::errc::too_many_symbolic_link_levels)
            problems.push_back(path.string() + " is a symbolic link that leads round in a loop");
        ec.clear();
    }
    std::sort(files.begin(), files.end());
    return files;
}

Result<void> writeFileAtomically(const fs::path& target,
                                 const std::function<Result<void>(std::ostream&)>& write) {
    const fs::path partial = fs::path(target).concat(".partial");
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file)
        return makeError(ErrorCode::Io, "cannot write " + partial.string());
    Result<void> written = write(file);
    file.close();
    std::error_code ec;
    if (written && !file.fail())
        fs::rename(partial, target, ec);
    if (!written || file.fail() || ec) {
        fs::remove(partial, ec);
        return written ? makeError(ErrorCode::Io, "cannot write " + target.string()) : written;
    }
    return {};
}

}  // namespace claimtrack
