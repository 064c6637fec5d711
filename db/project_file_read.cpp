// Reading a project file (db/project_file.h) one row at a time.
#include "guarded.h"
#include "project_file.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <utility>

#include <algorithm>
#include <cctype>
#include <istream>

namespace claimtrack {

using db::orRefuse;
using db::refuse;
using nlohmann::json;

namespace {

// One row of the file, as a JSON object, with the place it has there for messages: "claims[12]".
class Row {
public:
    Row(const json& object, std::string where) : m_object(object), m_where(std::move(where)) {}

    [[noreturn]] void fail(std::string_view what) const {
        refuse(ErrorCode::InvalidInput, fmt::format("project file, {}: {}", m_where, what));
    }
    // A text field; empty when missing or null.
    std::string text(const char* key) const {
        const json* value = present(key, &json::is_string, "is not text");
        return value ? value->get<std::string>() : std::string();
    }
    std::string required(const char* key) const {
        std::string value = text(key);
        if (value.empty())
            fail(fmt::format("\"{}\" is missing", key));
        return value;
    }
    // A UUID: 36 characters, hex digits and the four dashes, so that a message can name it.
    std::string uuid(const char* key) const {
        std::string value = required(key);
        const bool isUuid =
            value.size() == 36 && std::all_of(value.begin(), value.end(), [&, i = 0](char c) mutable {
                const int at = i++;
                return (at == 8 || at == 13 || at == 18 || at == 23)
                           ? c == '-'
                           : std::isxdigit(static_cast<unsigned char>(c)) != 0;
            });
        if (!isUuid)
            fail(fmt::format("\"{}\" is not a UUID: {}", key, quotedExcerpt(value)));
        return value;
    }
    std::optional<double> number(const char* key) const {
        const json* value = present(key, &json::is_number, "is not a number");
        return value ? std::optional(value->get<double>()) : std::nullopt;
    }
    std::int64_t integer(const char* key) const {
        const auto found = m_object.find(key);
        if (found == m_object.end() || !found->is_number_integer())
            fail(fmt::format("\"{}\" is not a whole number", key));
        return found->get<std::int64_t>();
    }
    std::optional<std::int64_t> optionalInteger(const char* key) const {
        const json* value = present(key, &json::is_number_integer, "is not a whole number");
        return value ? std::optional(value->get<std::int64_t>()) : std::nullopt;
    }
    const json* object(const char* key) const { return present(key, &json::is_object, "is not an object"); }
    std::vector<std::string> texts(const char* key) const {
        return list<std::string>(key, &json::is_string, "holds something other than text");
    }
    std::vector<std::int64_t> integers(const char* key) const {
        return list<std::int64_t>(key, &json::is_number_integer, "holds something other than whole numbers");
    }
    Anchor anchor() const {
        return {{integer("start"), integer("end")}, {text("quote"), text("prefix"), text("suffix")}};
    }
    const std::string& where() const { return m_where; }

private:
    using Is = bool (json::*)() const noexcept;

    // The field `key`, or null when it is missing or null; one not of its kind is refused, saying `notIt`.
    const json* present(const char* key, Is isIt, std::string_view notIt) const {
        const auto found = m_object.find(key);
        if (found == m_object.end() || found->is_null())
            return nullptr;
        if (!((*found).*isIt)())
            fail(fmt::format("\"{}\" {}", key, notIt));
        return &*found;
    }
    // A list of values of one kind; empty when missing or null.
    template <class T>
    std::vector<T> list(const char* key, Is isIt, std::string_view notIt) const {
        std::vector<T> values;
        const json* found = present(key, &json::is_array, "is not a list");
        for (const json& value : found ? *found : json::array()) {
            if (!(value.*isIt)())
                fail(fmt::format("\"{}\" {}", key, notIt));
            values.push_back(value.get<T>());
        }
        return values;
    }

    const json& m_object;
    std::string m_where;
};

// What a percentage is of; absent in files written before it. Checked with the claim's other fields.
FigureBase readBase(const Row& row) {
    return {row.text("base"), row.optionalInteger("sample_size"), row.text("fieldwork")};
}

Entity readEntity(const Row& row, bool isMetric) {
    Entity entity;
    entity.uuid = row.uuid("uuid");
    entity.name = row.required("name");
    if (!isMetric) {
        entity.kind = row.text("kind");
        if (!entity.kind.empty() && !parseSourceKind(entity.kind))
            row.fail(fmt::format("no source kind {}", quotedExcerpt(entity.kind)));
        entity.note = row.text("note");
        return entity;
    }
    MetricDetails& m = entity.metric;
    m.description = entity.note = row.text("description");
    if (const std::string kind = row.text("unit_kind"); !kind.empty()) {
        const auto unitKind = parseUnitKind(kind);
        if (!unitKind)
            row.fail(fmt::format("no unit kind {}", quotedExcerpt(kind)));
        m.kind = *unitKind;
    }
    m.place = row.text("place");
    m.population = row.text("population");
    m.tolerance = row.number("tolerance");
    m.factCheckUrl = row.text("fact_check_url");
    m.reviewed = row.text("reviewed");
    return entity;
}

ArticleWithText readArticle(const Row& row) {
    ArticleWithText a;
    a.article.uuid = row.uuid("uuid");
    a.article.meta = {row.text("title"), row.text("author"), row.text("publisher"), row.text("url"),
                      row.text("published")};
    a.article.importedAt = row.required("imported_at");
    // Version 1 files have no versions: every article its own first.
    if (!row.text("lineage").empty()) {
        a.article.lineage = row.uuid("lineage");
        a.article.version = row.integer("version");
        if (a.article.version < 1)
            row.fail("\"version\" is not 1 or more");
    }
    a.article.format = row.text("format");
    a.article.encoding = row.text("encoding");
    a.article.memo = row.text("memo");
    a.text = row.required("text");
    // Offsets count the code points of the text as stored: a text the importers would have stored otherwise
    // (another normal form, CR line ends, NUL) is not one Claimtrack wrote.
    if (auto stored = normalizeArticleText(a.text, "text"); !stored || *stored != a.text)
        row.fail("its text is not as Claimtrack stores one (Unicode NFC, LF line ends, no NUL)");
    a.article.sha256 = sha256Hex(a.text);
    if (row.text("sha256") != a.article.sha256)
        row.fail("its text is not the text its \"sha256\" names: the file was changed or cut");
    a.article.length = codePointCount(a.text);
    a.pageStarts = row.integers("pages");
    if (const json* original = row.object("original")) {
        const Row file(*original, row.where() + ".original");
        ArticleOriginal o{file.required("file_name"), file.integer("size"), file.required("sha256"), {}, {}};
        if (const std::string bytes = file.text("bytes"); !bytes.empty()) {
            o.bytes = base64Decode(bytes);
            if (!o.bytes)
                file.fail("\"bytes\" is not base64");
            if (sha256Hex(*o.bytes) != o.sha256 || o.bytes->size() != static_cast<std::size_t>(o.size))
                file.fail("its bytes are not the bytes its \"sha256\" and \"size\" name");
        } else {
            o.path = file.required("path");
        }
        a.original = std::move(o);
    }
    return a;
}

CarryRecord readCarry(const Row& row) {
    CarryRecord waiting{row.uuid("claim"), row.uuid("article"), {}};
    Carry& carry = waiting.carry;
    const std::string kind = row.required("kind");
    if (kind == toString(CarryKind::FigureChanged))
        carry.kind = CarryKind::FigureChanged;
    else if (kind != toString(CarryKind::Orphaned))
        row.fail(
            fmt::format("\"kind\" is neither \"figure changed\" nor \"orphaned\": {}", quotedExcerpt(kind)));
    carry.range = {row.integer("start"), row.integer("end")};
    if (carry.kind == CarryKind::FigureChanged &&
        (carry.range.start < 0 || carry.range.end <= carry.range.start))
        row.fail("its \"start\" and \"end\" are not words of the article");
    carry.score = row.number("score").value_or(0);
    carry.figureBefore = row.text("figure_before");
    carry.figureAfter = row.text("figure_after");
    return waiting;
}

ClaimRecord readClaim(const Row& row) {
    ClaimRecord claim;
    claim.uuid = row.uuid("uuid");
    claim.articleUuid = row.uuid("article");
    claim.anchor = row.anchor();
    ClaimFields& f = claim.fields;
    f.value = row.number("value");
    f.low = row.number("low");
    f.high = row.number("high");
    f.unit = row.text("unit");
    f.metric = row.text("metric");
    f.source = row.text("source");
    f.asOf = row.text("as_of");
    auto status = parseClaimStatus(row.text("status"));
    if (!status)
        row.fail(fmt::format("no status {}", quotedExcerpt(row.text("status"))));
    f.status = *status;
    f.tags = row.texts("tags");
    f.via = row.texts("via");  // absent in files written before it
    f.base = readBase(row);
    f.note = row.text("note");
    claim.createdAt = row.required("created_at");
    claim.updatedAt = row.required("updated_at");
    return claim;
}

VerdictRecord readVerdict(const Row& row) {
    VerdictRecord verdict{row.uuid("uuid"),      row.uuid("claim_a"), row.uuid("claim_b"),
                          row.text("supported"), row.text("note"),    row.required("created_at")};
    if (!verdict.supported.empty() && verdict.supported != verdict.claimA &&
        verdict.supported != verdict.claimB)
        row.fail("the claim it supports is neither of its two");
    return verdict;
}

Suggestion readSuggestion(const Row& row) {
    Suggestion suggestion;
    suggestion.anchor = row.anchor();
    Figure& f = suggestion.figure;
    f.range = suggestion.anchor.range;
    f.text = suggestion.anchor.quote.exact;
    f.value = row.number("value");
    f.low = row.number("low");
    f.high = row.number("high");
    f.approximate = row.number("approximate").value_or(0) != 0;
    f.unit = row.text("unit");
    const auto kind = figureKindNamed(row.text("kind"));
    if (!kind)
        row.fail(fmt::format("no figure kind {}", quotedExcerpt(row.text("kind"))));
    f.kind = *kind;
    f.subject = row.text("subject");
    f.source = row.text("source");
    f.via = row.text("via");  // absent in files written before it
    f.base = readBase(row);
    f.time = row.text("time");
    const std::string state = row.text("state");
    if (state != "pending" && state != "rejected")
        row.fail(fmt::format("no suggestion state {}", quotedExcerpt(state)));
    suggestion.rejected = state == "rejected";
    return suggestion;
}

// Follows the parser through the file's top level, handing each row to `records` as soon as it is read and
// then dropping it, so that only one row is in memory at a time.
class FileReader {
public:
    explicit FileReader(ProjectRecords& records) : m_records(records) {}

    bool event(int depth, json::parse_event_t event, json& parsed) {
        using Event = json::parse_event_t;
        if (depth == 0) {
            if (event == Event::array_start || event == Event::value)
                refuse(ErrorCode::InvalidInput, "not a Claimtrack project file: it is not a JSON object");
            return true;
        }
        if (depth == 1) {
            if (event == Event::key)
                return enterSection(parsed.get<std::string>());
            if (event == Event::value)
                headValue(parsed);
            else if (event == Event::object_start)
                refuse(ErrorCode::InvalidInput, fmt::format("project file: \"{}\" is not a list", m_section));
            return event != Event::array_end;  // a section's list is dropped once read
        }
        if (depth == 2 && event != Event::object_end && event != Event::object_start && event != Event::key)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("project file, {}[{}]: not an object", m_section, m_index));
        if (depth == 2 && event == Event::object_end) {
            dispatch(Row(parsed, fmt::format("{}[{}]", m_section, m_index++)));
            return false;
        }
        return true;
    }

    void finish() {
        if (!m_versionSeen)
            refuse(ErrorCode::InvalidInput,
                   "not a Claimtrack project file: it has no \"format\" and \"version\"");
        givePublishing();
    }

private:
    bool enterSection(std::string name) {
        constexpr const char* kKnown[] = {"format",       "version", "memo",     "reviewer",
                                          "reviewer_url", "sources", "metrics",  "articles",
                                          "claims",       "carries", "verdicts", "suggestions"};
        if (std::find_if(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return name == k; }) ==
            std::end(kKnown))
            refuse(ErrorCode::InvalidInput,
                   fmt::format("project file: unknown part {}", quotedExcerpt(name)));
        const bool isRows = !isHead(name);
        if (isRows && !m_versionSeen)
            refuse(ErrorCode::InvalidInput,
                   "not a Claimtrack project file: its rows come before its \"format\" and \"version\"");
        if (isRows)
            givePublishing();
        m_section = std::move(name);
        m_index = 0;
        return true;
    }

    void headValue(const json& value) {
        if (m_section == "format") {
            if (value != kProjectFileFormat)
                refuse(
                    ErrorCode::InvalidInput,
                    fmt::format("not a Claimtrack project file: its format is {}",
                                quotedExcerpt(value.is_string() ? value.get<std::string>() : value.dump())));
            m_formatSeen = true;
        } else if (m_section == "version") {
            if (!m_formatSeen)
                refuse(ErrorCode::InvalidInput,
                       "not a Claimtrack project file: \"version\" before \"format\"");
            if (!value.is_number_integer() || value.get<std::int64_t>() < 1)
                refuse(ErrorCode::InvalidInput, "project file: \"version\" is not a version number");
            if (value.get<std::int64_t>() > kProjectFileVersion)
                refuse(ErrorCode::InvalidInput,
                       fmt::format("the project file is version {}, written by a newer Claimtrack; this one "
                                   "reads up to version {}",
                                   value.get<std::int64_t>(), kProjectFileVersion));
            m_versionSeen = true;
        } else if (m_section == "memo") {
            if (!m_versionSeen || !value.is_string())
                refuse(ErrorCode::InvalidInput, "project file: \"memo\" is not text after the version");
            m_records.memo(value.get<std::string>());
        } else if (m_section == "reviewer" || m_section == "reviewer_url") {
            if (!m_versionSeen || m_publishingGiven || !value.is_string())
                refuse(ErrorCode::InvalidInput,
                       fmt::format("project file: \"{}\" is not text between the version and the rows",
                                   m_section));
            (m_section == "reviewer" ? m_publishing.reviewer : m_publishing.reviewerUrl) =
                value.get<std::string>();
        } else if (!value.is_null()) {
            refuse(ErrorCode::InvalidInput, fmt::format("project file: \"{}\" is not a list", m_section));
        }
    }

    void dispatch(const Row& row) {
        if (m_section == "sources")
            m_records.source(readEntity(row, false));
        else if (m_section == "metrics")
            m_records.metric(readEntity(row, true));
        else if (m_section == "articles")
            m_records.article(readArticle(row));
        else if (m_section == "claims")
            m_records.claim(readClaim(row));
        else if (m_section == "carries")
            m_records.carry(readCarry(row));
        else if (m_section == "verdicts")
            m_records.verdict(readVerdict(row));
        else if (m_section == "suggestions")
            m_records.suggestion(row.uuid("article"), readSuggestion(row));
        else
            row.fail("not a list of rows");
    }

    // The publishing settings, once the head that holds them has been read (before the first rows).
    void givePublishing() {
        if (!std::exchange(m_publishingGiven, true))
            m_records.publishing(m_publishing);
    }

    static bool isHead(std::string_view name) {
        return name == "format" || name == "version" || name == "memo" || name == "reviewer" ||
               name == "reviewer_url";
    }

    ProjectRecords& m_records;
    PublishingSettings m_publishing;
    bool m_publishingGiven = false;
    std::string m_section;
    std::size_t m_index = 0;
    bool m_formatSeen = false;
    bool m_versionSeen = false;
};

}  // namespace

Result<void> readProjectFile(std::istream& in, ProjectRecords& records) {
    return db::guarded([&] {
        FileReader reader(records);
        try {
            const json head = json::parse(in, [&](int depth, json::parse_event_t event, json& parsed) {
                return reader.event(depth, event, parsed);
            });  // the format, version and memo: every row was handed over and dropped as it was read
        } catch (const json::parse_error& error) {
            // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error …"
            std::string what = error.what();
            if (const auto bracket = what.find("] "); bracket != std::string::npos)
                what.erase(0, bracket + 2);
            refuse(ErrorCode::InvalidInput, fmt::format("project file: {}", what));
        } catch (const json::exception& error) {
            refuse(ErrorCode::InvalidInput, fmt::format("project file: {}", error.what()));
        }
        reader.finish();
    });
}

}  // namespace claimtrack
