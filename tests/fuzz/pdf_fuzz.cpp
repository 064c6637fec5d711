// libFuzzer target for the PDF importer: any bytes, read as a PDF, must give
// pages or a clear refusal, never a crash; page starts lie inside the text (the
// first may be 0 in an empty one) and rise. Built by tests/fuzz/run.sh.
#include "importers/document.h"
#include "text.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto document = claimtrack::readDocument(bytes, "report.pdf");
    if (!document)
        return 0;
    const std::int64_t length = claimtrack::codePointCount(document->text);
    std::int64_t previous = -1;
    for (const std::int64_t start : document->pageStarts) {
        if (start <= previous || (start >= length && start != 0))
            std::abort();
        previous = start;
    }
    return 0;
}
