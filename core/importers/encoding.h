#pragma once
// Text files in whatever encoding they were saved in: the encoding told by a
// byte-order mark, or UTF-8 when the bytes are valid UTF-8, or else guessed by
// uchardet (Mozilla's detector) and converted with ICU. Text whose encoding
// cannot be told, or that is not valid in the encoding found, is refused
// rather than imported as garbage.

#include "result.h"

#include <string>
#include <string_view>

namespace claimtrack {

struct DecodedText {
    std::string utf8;
    std::string encoding;  // as detected: "UTF-8", "UTF-16LE", "WINDOWS-1252", "GB18030", ...
    bool guessed = false;  // told by statistics (uchardet), not by a byte-order mark or valid UTF-8
};

// `what` names the file in messages.
Result<DecodedText> decodeText(std::string_view bytes, std::string_view what);

// `utf8` in `encoding` (any name ICU knows), for tests and exports; refuses characters it cannot hold.
Result<std::string> encodeText(std::string_view utf8, std::string_view encoding);

}  // namespace claimtrack
