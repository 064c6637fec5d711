#include "files.h"

#include <fstream>
#include <sstream>

namespace claimtrack {

namespace fs = std::filesystem;

Result<std::string> readArticleFile(const fs::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return makeError(ErrorCode::NotFound, name + ": no such file");
    if (fs::is_directory(status))
        return makeError(ErrorCode::InvalidInput, name + " is a folder; name the files inside it");
    if (!fs::is_regular_file(status))
        return makeError(ErrorCode::InvalidInput, name + " is not a regular file");
    if (fs::file_size(path, ec) > kMaxArticleBytes)
        return makeError(ErrorCode::InvalidInput, name + " is larger than 64 MiB, too large for an article");
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
