// libFuzzer target for the W3C Web Annotation reader: any bytes must give annotations or a clear refusal,
// never a crash; every annotation read names what it annotates. Built by tests/fuzz/run.sh.
#include "annotation.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto annotations =
        claimtrack::readAnnotations(std::string_view(reinterpret_cast<const char*>(data), size));
    if (annotations)
        for (const claimtrack::ReadAnnotation& annotation : *annotations)
            if (annotation.source.empty())
                std::abort();
    return 0;
}
