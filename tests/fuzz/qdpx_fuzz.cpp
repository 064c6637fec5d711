// libFuzzer target for the REFI-QDA reader: any bytes, read as a .qdpx archive, must give a project or a
// clear refusal, never a crash; every source's text is valid UTF-8 and every selection lies inside it.
// Built by tests/fuzz/run.sh.
#include "importers/qdpx.h"
#include "text.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The reader takes a file, as the command line gives it one: the input is written to the same file
    // each time.
    static const std::string path = [] {
        char name[] = "/tmp/qdpx-fuzz-XXXXXX";
        ::close(::mkstemp(name));
        return std::string(name);
    }();
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    const auto project = claimtrack::readQdpx(path, claimtrack::QdpxLimits{16 << 20, 64 << 20});
    if (!project)
        return 0;
    for (const claimtrack::QdaSource& source : project->sources) {
        if (!claimtrack::validateUtf8(source.text, "text"))
            std::abort();
        const std::int64_t length = claimtrack::codePointCount(source.text);
        for (const claimtrack::QdaSelection& selection : source.selections)
            if (selection.start < 0 || selection.start >= selection.end || selection.end > length)
                std::abort();
    }
    return 0;
}
