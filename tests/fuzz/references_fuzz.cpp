// libFuzzer target for the reference readers (CSL-JSON, RIS, BibTeX): any bytes, read as each, must give
// references or a clear refusal, never a crash; every reference has a title. Built by tests/fuzz/run.sh.
#include "importers/references.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (const char* name : {"refs.json", "refs.ris", "refs.bib"})
        if (const auto references = claimtrack::readReferences(bytes, name))
            for (const claimtrack::Reference& reference : *references)
                if (reference.meta.title.empty())
                    std::abort();
    return 0;
}
