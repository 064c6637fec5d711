// libFuzzer target for the saved-page importer: any bytes, read as a file
// named .html, must give an article or a clear refusal, never a crash; an
// article's text is valid UTF-8 and not empty. Built by tests/fuzz/run.sh.
#include "importers/document.h"
#include "text.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto document = claimtrack::readDocument(bytes, "page.html");
    if (document && (document->text.empty() || !claimtrack::validateUtf8(document->text, "text")))
        std::abort();
    return 0;
}
