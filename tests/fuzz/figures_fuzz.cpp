// libFuzzer target for the figure finder: any valid UTF-8 input must give
// figures whose offsets lie inside the text, in order, with their text equal
// to the slice they name. Built by tests/fuzz/run.sh with clang under
// AddressSanitizer and UndefinedBehaviorSanitizer.
#include "figures.h"
#include "text.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!claimtrack::validateUtf8(text, "input"))
        return 0;  // the finder's contract is valid UTF-8; importers check it first
    const claimtrack::CodePointIndex index(text);
    for (const claimtrack::Figure& figure : claimtrack::extractFigures(text)) {
        const auto [start, end] = figure.range;
        if (start < 0 || end > index.size() || start >= end || figure.sentence.start > start ||
            figure.sentence.end < end)
            std::abort();
        if (index.slice(figure.range) != figure.text)
            std::abort();
    }
    return 0;
}
