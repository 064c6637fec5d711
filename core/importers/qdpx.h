#pragma once
// Reading a REFI-QDA project exchange file (.qdpx), as QualCoder, NVivo, ATLAS.ti, MAXQDA and Claimtrack
// write it: its text sources with their text, and each plain-text selection with the codes it carries and
// the notes it refers to. Other kinds of source (pictures, PDFs, audio, video) are counted, not read.
//
// An archive is untrusted input: each file in it is read to a limit (a zip bomb is refused before it
// fills memory), the XML may have no document type (so no entity, external or not, is ever expanded),
// and every position is checked against its text.

#include "result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace claimtrack {

struct QdaSelection {
    std::int64_t start = 0;  // code points into its source's text
    std::int64_t end = 0;    // exclusive
    // Each code it carries: the name of the code it sits under (empty at the top) and its own.
    std::vector<std::pair<std::string, std::string>> codes;
    std::vector<std::string> notes;  // the text of each note it refers to
};

struct QdaSource {
    std::string name;
    std::string text;  // UTF-8
    std::vector<QdaSelection> selections;
};

struct QdaProject {
    std::string name;
    std::vector<QdaSource> sources;
    std::size_t otherSources = 0;  // pictures, PDFs, audio and video: not read
};

struct QdpxLimits {
    std::size_t maxFileBytes = std::size_t{512} << 20;  // one file in the archive, uncompressed
    std::size_t maxTotalBytes = std::size_t{2} << 30;   // all of them
};

Result<QdaProject> readQdpx(const std::filesystem::path& path, const QdpxLimits& limits = {});

// What libzip's error code `code` (from zip_open) means, in words; for reading and writing archives alike.
std::string zipErrorText(int code);

}  // namespace claimtrack
