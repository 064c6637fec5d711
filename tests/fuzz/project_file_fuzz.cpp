// libFuzzer target for the project file reader and the merge behind it: any bytes must be merged into a fresh
// project or refused with a one-line error that leaves the project empty, never a crash. Built by
// tests/fuzz/run.sh.
#include "project_file.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimtrack;
    static const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                              ("project_file_fuzz-" + std::to_string(getpid()) + ".claims");
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
    auto project = Project::create(path);
    if (!project)
        std::abort();
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    const auto merged = project->mergeProject(
        [&](ProjectRecords& records) { return readProjectFile(in, records); }, MergePreference::Ours);
    if (!merged) {
        if (merged.error().message.empty() || merged.error().message.find('\n') != std::string::npos)
            std::abort();
        if (*project->articleCount() != 0 || !project->claims()->empty())
            std::abort();  // a refused file changed the project
    }
    return 0;
}
