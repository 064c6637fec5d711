#include "model.h"
#include "text.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>

namespace claimtrack {

namespace {

constexpr std::array kStatusNames{std::string_view("unverified"), std::string_view("supported"),
                                  std::string_view("disputed"), std::string_view("refuted")};
constexpr std::array kSourceKindNames{std::string_view("person"), std::string_view("organisation"),
                                      std::string_view("publication"), std::string_view("report")};
constexpr std::array kRoleNames{std::string_view("reader"), std::string_view("reviewer"),
                                std::string_view("annotator"), std::string_view("owner")};

template <class Enum, std::size_t N>
Result<Enum> parseName(const std::array<std::string_view, N>& names, std::string_view text,
                       std::string_view what) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == text)
            return static_cast<Enum>(i);
    std::string choices;
    for (const auto name : names)
        choices += (choices.empty() ? "" : ", ") + std::string(name);
    return makeError(ErrorCode::InvalidInput,
                     fmt::format("unknown {} {} (expected one of: {})", what, quotedExcerpt(text), choices));
}

bool parseDigits(std::string_view text, int& out) {
    if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{};
}

}  // namespace

std::string_view toString(ClaimStatus status) {
    return kStatusNames[static_cast<std::size_t>(status)];
}
std::string_view toString(SourceKind kind) {
    return kSourceKindNames[static_cast<std::size_t>(kind)];
}
std::string_view toString(ProjectRole role) {
    return kRoleNames[static_cast<std::size_t>(role)];
}

Result<ClaimStatus> parseClaimStatus(std::string_view text) {
    return parseName<ClaimStatus>(kStatusNames, text, "status");
}

Result<SourceKind> parseSourceKind(std::string_view text) {
    return parseName<SourceKind>(kSourceKindNames, text, "source kind");
}

Result<std::string> parsePartialDate(std::string_view text, std::string_view field) {
    auto invalid = [&](std::string_view why) {
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("{} {} is not a valid date: {} (use YYYY, YYYY-MM or YYYY-MM-DD)", field,
                                     quotedExcerpt(text), why));
    };
    int year = 0, month = 0, day = 0;
    const bool hasMonth = text.size() >= 7, hasDay = text.size() == 10;
    if (!(text.size() == 4 || text.size() == 7 || text.size() == 10) ||
        !parseDigits(text.substr(0, 4), year) ||
        (hasMonth && (text[4] != '-' || !parseDigits(text.substr(5, 2), month))) ||
        (hasDay && (text[7] != '-' || !parseDigits(text.substr(8, 2), day))))
        return invalid("wrong form");
    if (hasMonth && (month < 1 || month > 12))
        return invalid("no such month");
    if (hasDay) {
        const std::chrono::year_month_day date{std::chrono::year(year),
                                               std::chrono::month(static_cast<unsigned>(month)),
                                               std::chrono::day(static_cast<unsigned>(day))};
        if (!date.ok())
            return invalid("no such day");
    }
    return std::string(text);
}

Result<double> parseNumber(std::string_view text, std::string_view field) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end || !std::isfinite(value))
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("{} {} is not a number (write digits without thousands separators, "
                                     "e.g. 626000000 or 1.4e9)",
                                     field, quotedExcerpt(text)));
    return value;
}

Result<std::optional<double>> parseOptionalNumber(std::string_view text, std::string_view field) {
    if (text.empty())
        return std::optional<double>();
    auto number = parseNumber(text, field);
    if (!number)
        return number.error();
    return std::optional<double>(*number);
}

std::string formatNumber(double value) {
    if (value == std::trunc(value) && std::fabs(value) < 1e15)
        return fmt::format("{}", static_cast<std::int64_t>(value));
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

std::string nowUtc() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

// A version 4 UUID from QRandomGenerator::global(), a generator seeded from
// the system's entropy; QUuid::createUuid() asks the system for every UUID,
// which was a tenth of the time of recording a million claims.
std::string newUuid() {
    std::array<quint32, 4> words{};
    QRandomGenerator::global()->fillRange(words.data(), words.size());
    std::array<unsigned char, 16> bytes{};
    std::memcpy(bytes.data(), words.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    std::string uuid = hexEncode(bytes);
    for (const std::size_t at : {20, 16, 12, 8})
        uuid.insert(at, 1, '-');  // 8-4-4-4-12
    return uuid;
}

namespace {

// Names (tags, sources) checked as UTF-8 and normalised; an empty one is refused with `empty`.
Result<std::vector<std::string>> cleanNames(const std::vector<std::string>& names, const char* what,
                                            const char* empty) {
    std::vector<std::string> clean;
    for (const std::string& name : names) {
        if (auto valid = validateUtf8(name, what); !valid)
            return valid.error();
        clean.push_back(normalizeField(name));
        if (clean.back().empty())
            return makeError(ErrorCode::InvalidInput, empty);
    }
    return clean;
}

}  // namespace

Result<ClaimFields> validateClaimFields(ClaimFields fields) {
    if (fields.low && fields.high && *fields.low > *fields.high)
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("low {} is greater than high {}", formatNumber(*fields.low),
                                     formatNumber(*fields.high)));
    if (fields.value &&
        ((fields.low && *fields.value < *fields.low) || (fields.high && *fields.value > *fields.high)))
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("value {} lies outside its bounds [{}, {}]", formatNumber(*fields.value),
                                     fields.low ? formatNumber(*fields.low) : "open",
                                     fields.high ? formatNumber(*fields.high) : "open"));
    if (!fields.asOf.empty()) {
        auto asOf = parsePartialDate(fields.asOf, "as-of date");
        if (!asOf)
            return asOf.error();
    }
    // Refused, as article metadata is, rather than repaired with U+FFFD behind the user's back.
    for (auto [text, name] : {std::pair{&fields.unit, "unit"},
                              {&fields.metric, "metric"},
                              {&fields.source, "source"},
                              {&fields.note, "note"}}) {
        if (auto valid = validateUtf8(*text, name); !valid)
            return valid.error();
        *text = normalizeField(*text);
    }
    auto tags = cleanNames(fields.tags, "tag", "a tag cannot be empty");
    if (!tags)
        return tags.error();
    // Tags said twice are one; a source said twice in a chain is a mistake.
    fields.tags.clear();
    for (std::string& tag : *tags)
        if (std::find(fields.tags.begin(), fields.tags.end(), tag) == fields.tags.end())
            fields.tags.push_back(std::move(tag));
    auto via = cleanNames(fields.via, "via", "a source a claim came through (via) cannot be empty");
    if (!via)
        return via.error();
    for (auto name = via->begin(); name != via->end(); ++name)
        if (*name == fields.source || std::find(via->begin(), name, *name) != name)
            return makeError(
                ErrorCode::InvalidInput,
                fmt::format("\"{}\" is named twice in the claim's source and the sources it came "
                            "through (via)",
                            *name));
    if (!via->empty() && fields.source.empty())
        return makeError(ErrorCode::InvalidInput,
                         "a claim that came through other sources (via) needs the source it comes from");
    fields.via = std::move(*via);
    if (auto valid = validateUtf8(fields.base.of, "base"); !valid)
        return valid.error();
    fields.base.of = normalizeField(fields.base.of);
    if (fields.base.sampleSize && *fields.base.sampleSize < 1)
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("a sample size is a count of at least 1, not {}", *fields.base.sampleSize));
    if (!fields.base.fieldwork.empty()) {
        auto fieldwork = parseFieldwork(fields.base.fieldwork);
        if (!fieldwork)
            return fieldwork.error();
        fields.base.fieldwork = std::move(*fieldwork);
    }
    return fields;
}

Result<std::optional<std::int64_t>> parseSampleSize(std::string_view text) {
    if (text.empty())
        return std::optional<std::int64_t>();
    std::int64_t size = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), size);
    if (ec != std::errc{} || end != text.data() + text.size() || size < 1)
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("sample size {} is not a whole number of at least 1 (write 2209, not "
                                     "2,209)",
                                     quotedExcerpt(text)));
    return std::optional(size);
}

Result<std::string> parseFieldwork(std::string_view text) {
    const std::size_t slash = text.find('/');
    auto first = parsePartialDate(text.substr(0, slash), "fieldwork date");
    if (!first || slash == std::string_view::npos)
        return first;
    auto last = parsePartialDate(text.substr(slash + 1), "fieldwork end");
    if (!last)
        return last;
    // Compared to the precision both have, where ISO dates order as text: "2019/2018" is refused.
    if (last->substr(0, std::min(first->size(), last->size())) <
        first->substr(0, std::min(first->size(), last->size())))
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("the fieldwork ends ({}) before it begins ({})", *last, *first));
    if (*first == *last)
        return first;
    return *first + "/" + *last;
}

}  // namespace claimtrack
