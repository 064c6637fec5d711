#include "encoding.h"
#include "text.h"

#include <QString>
#include <fmt/format.h>
#include <uchardet.h>
#include <unicode/ucnv.h>

#include <memory>

namespace claimtrack {

namespace {

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// Opens an ICU converter that stops at the first byte (or character) it cannot convert.
Result<Converter> openConverter(std::string_view encoding) {
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(std::string(encoding).c_str(), &status));
    if (U_FAILURE(status))
        return makeError(ErrorCode::InvalidInput, fmt::format("the encoding {} is not known", encoding));
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    return converter;
}

Result<std::string> toUtf8(std::string_view bytes, std::string_view encoding, std::string_view what) {
    auto converter = openConverter(encoding);
    if (!converter)
        return converter.error();
    std::u16string utf16(bytes.size() * 2 + 16, u'\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = ucnv_toUChars(converter->get(), reinterpret_cast<UChar*>(utf16.data()),
                                         static_cast<int32_t>(utf16.size()), bytes.data(),
                                         static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status))
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("{} looks like {} but is not valid {}; save it as UTF-8 and import it again", what,
                        encoding, encoding));
    return QString::fromUtf16(utf16.data(), length).toStdString();
}

// The encoding a byte-order mark names, and the mark's length; empty when there is none.
std::pair<std::string_view, std::size_t> byteOrderMark(std::string_view bytes) {
    const auto starts = [&](std::string_view mark) { return bytes.substr(0, mark.size()) == mark; };
    if (starts("\xEF\xBB\xBF"))
        return {"UTF-8", 3};
    if (starts(std::string_view("\xFF\xFE\0\0", 4)))
        return {"UTF-32LE", 4};
    if (starts(std::string_view("\0\0\xFE\xFF", 4)))
        return {"UTF-32BE", 4};
    if (starts("\xFF\xFE"))
        return {"UTF-16LE", 2};
    if (starts("\xFE\xFF"))
        return {"UTF-16BE", 2};
    return {{}, 0};
}

// Whether text decoded with a guessed encoding reads as text: mostly letters and digits, and no control
// characters. A detector always has a best guess, even for noise; noise decoded as Windows-1252 is a
// run of symbols and accented capitals, which this refuses.
bool readsAsText(std::string_view utf8) {
    const QString text = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    qsizetype visible = 0, wordy = 0;
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            continue;
        if (c.category() == QChar::Other_Control)
            return false;
        if (c.isSpace())
            continue;
        ++visible;
        wordy += c.isLetterOrNumber() ? 1 : 0;
    }
    constexpr double kMinimumWordy = 0.7;
    return visible > 0 && static_cast<double>(wordy) >= kMinimumWordy * static_cast<double>(visible);
}

std::string detect(std::string_view bytes) {
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                                            &uchardet_delete);
    uchardet_handle_data(detector.get(), bytes.data(), bytes.size());
    uchardet_data_end(detector.get());
    return uchardet_get_charset(detector.get());
}

}  // namespace

Result<DecodedText> decodeText(std::string_view bytes, std::string_view what) {
    if (const auto [encoding, length] = byteOrderMark(bytes); length > 0) {
        if (encoding == "UTF-8") {
            if (auto valid = validateUtf8(bytes.substr(length), what); !valid)
                return valid.error();
            return DecodedText{std::string(bytes.substr(length)), "UTF-8"};
        }
        auto utf8 = toUtf8(bytes.substr(length), encoding, what);
        if (!utf8)
            return utf8.error();
        return DecodedText{std::move(*utf8), std::string(encoding)};
    }
    if (validateUtf8(bytes, what))
        return DecodedText{std::string(bytes), "UTF-8"};
    const std::string guessed = detect(bytes);
    // uchardet answers ASCII or UTF-8 for bytes that were not valid UTF-8 only when it has no better idea.
    if (guessed.empty() || guessed == "ASCII" || guessed == "UTF-8")
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("{}: cannot tell which encoding the text is in (it is not UTF-8); save it as "
                        "UTF-8 and import it again",
                        what));
    auto utf8 = toUtf8(bytes, guessed, what);
    if (!utf8)
        return utf8.error();
    if (!readsAsText(*utf8))
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("{}: cannot tell which encoding the text is in (it is not UTF-8, and read as "
                        "{} it is not text); save it as UTF-8 and import it again",
                        what, guessed));
    return DecodedText{std::move(*utf8), guessed, true};
}

Result<std::string> encodeText(std::string_view utf8, std::string_view encoding) {
    auto converter = openConverter(encoding);
    if (!converter)
        return converter.error();
    const QString utf16 = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    std::string out(utf16.size() * 4 + 16, '\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = ucnv_fromUChars(converter->get(), out.data(), static_cast<int32_t>(out.size()),
                                           reinterpret_cast<const UChar*>(utf16.utf16()),
                                           static_cast<int32_t>(utf16.size()), &status);
    if (U_FAILURE(status))
        return makeError(ErrorCode::InvalidInput, fmt::format("the text cannot be written in {}", encoding));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

}  // namespace claimtrack
