// libFuzzer target for text in other encodings: any bytes must decode to
// valid UTF-8 with the encoding named, or be refused, never crash. Built by
// tests/fuzz/run.sh.
#include "importers/encoding.h"
#include "text.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto decoded = claimtrack::decodeText(bytes, "a.txt");
    if (decoded && (decoded->encoding.empty() || !claimtrack::validateUtf8(decoded->utf8, "text")))
        std::abort();
    return 0;
}
