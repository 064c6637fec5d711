#include "references.h"

#include "text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace claimtrack {

namespace {

using Json = nlohmann::json;

std::string textOf(const Json& node, const char* key) {
    const auto found = node.find(key);
    return found != node.end() && found->is_string() ? normalizeField(found->get<std::string>())
                                                     : std::string();
}

// "2018-03-12", "2018-03" or "2018" from up to three numbers; empty when the year is not one.
std::string partialDate(int year, int month, int day) {
    if (year < 1000 || year > 9999)
        return {};
    if (month < 1 || month > 12)
        return std::to_string(year);
    if (day < 1 || day > 31)
        return fmt::format("{}-{:02}", year, month);
    return fmt::format("{}-{:02}-{:02}", year, month, day);
}

// A CSL name: its literal, or its given and family names in reading order.
std::string cslName(const Json& name) {
    if (!name.is_object())
        return {};
    if (std::string literal = textOf(name, "literal"); !literal.empty())
        return literal;
    const std::string given = textOf(name, "given"), family = textOf(name, "family");
    return given.empty() ? family : family.empty() ? given : given + " " + family;
}

Result<std::vector<Reference>> readCslJson(std::string_view bytes) {
    Json document;
    try {
        document = Json::parse(bytes);
    } catch (const Json::exception& error) {
        return makeError(ErrorCode::InvalidInput, fmt::format("not CSL-JSON: {}", error.what()));
    }
    if (document.is_object())
        document = Json::array({document});
    if (!document.is_array())
        return makeError(ErrorCode::InvalidInput, "not CSL-JSON: neither a reference nor a list of them");
    std::vector<Reference> references;
    for (std::size_t i = 0; i < document.size(); ++i) {
        const Json& item = document[i];
        if (!item.is_object() || textOf(item, "title").empty())
            return makeError(ErrorCode::InvalidInput, fmt::format("reference {} has no title", i + 1));
        Reference reference;
        reference.meta.title = textOf(item, "title");
        std::vector<std::string> authors;
        if (const auto found = item.find("author"); found != item.end() && found->is_array())
            for (const Json& name : *found)
                if (std::string author = cslName(name); !author.empty())
                    authors.push_back(author);
        for (const std::string& author : authors)
            reference.meta.author += (reference.meta.author.empty() ? "" : ", ") + author;
        reference.meta.publisher = textOf(item, "container-title");
        if (reference.meta.publisher.empty())
            reference.meta.publisher = textOf(item, "publisher");
        reference.meta.url = textOf(item, "URL");
        reference.doi = textOf(item, "DOI");
        if (const auto issued = item.find("issued"); issued != item.end() && issued->is_object()) {
            const auto parts = issued->find("date-parts");
            if (parts != issued->end() && parts->is_array() && !parts->empty() && parts->front().is_array()) {
                int date[3] = {0, 0, 0};
                for (std::size_t p = 0; p < 3 && p < parts->front().size(); ++p) {
                    const Json& part = parts->front()[p];
                    if (part.is_number_integer())
                        date[p] = part.get<int>();
                    else if (part.is_string())
                        std::from_chars(part.get_ref<const std::string&>().data(),
                                        part.get_ref<const std::string&>().data() +
                                            part.get_ref<const std::string&>().size(),
                                        date[p]);
                }
                reference.meta.published = partialDate(date[0], date[1], date[2]);
            }
        }
        references.push_back(std::move(reference));
    }
    return references;
}

// RIS: a tag of two letters or digits, two spaces, a hyphen and a space, then the value; "ER  -" ends a
// reference. Authors (AU, A1) are "Family, Given".
Result<std::vector<Reference>> readRis(std::string_view bytes) {
    std::vector<Reference> references;
    std::optional<Reference> open;
    std::vector<std::string> authors;
    std::size_t lineNumber = 0;
    for (std::size_t at = 0; at <= bytes.size();) {
        std::size_t end = std::min(bytes.find('\n', at), bytes.size());
        std::string_view line = bytes.substr(at, end - at);
        at = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (lineNumber == 1 && line.substr(0, 3) == "\xEF\xBB\xBF")
            line.remove_prefix(3);
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        if (line.size() < 5 || line.substr(2, 3) != "  -")
            return makeError(ErrorCode::InvalidInput,
                             fmt::format("not RIS: line {} is not \"TAG  - value\"", lineNumber));
        const std::string_view tag = line.substr(0, 2);
        const std::string value = normalizeField(line.size() > 6 ? line.substr(6) : std::string_view());
        if (tag == "TY") {
            open = Reference{};
            authors.clear();
            continue;
        }
        if (!open)
            return makeError(ErrorCode::InvalidInput,
                             fmt::format("not RIS: line {} comes before any \"TY  -\"", lineNumber));
        ArticleMeta& m = open->meta;
        if (tag == "ER") {
            for (const std::string& author : authors)
                m.author += (m.author.empty() ? "" : ", ") + author;
            if (m.title.empty())
                return makeError(ErrorCode::InvalidInput,
                                 fmt::format("the reference that ends on line {} has no title", lineNumber));
            references.push_back(std::move(*open));
            open.reset();
        } else if ((tag == "TI" || tag == "T1") && m.title.empty()) {
            m.title = value;
        } else if (tag == "AU" || tag == "A1") {
            const std::size_t comma = value.find(',');
            authors.push_back(comma == std::string::npos
                                  ? value
                                  : normalizeField(value.substr(comma + 1)) + " " + value.substr(0, comma));
        } else if ((tag == "JO" || tag == "T2" || tag == "JF" || tag == "PB") && m.publisher.empty()) {
            m.publisher = value;
        } else if (tag == "UR" && m.url.empty()) {
            m.url = value;
        } else if (tag == "DO") {
            open->doi = value;
        } else if (tag == "L1" && open->attachment.empty()) {
            open->attachment = value.rfind("file://", 0) == 0 ? value.substr(7) : value;
        } else if ((tag == "DA" || tag == "PY" || tag == "Y1") && m.published.empty()) {
            int date[3] = {0, 0, 0};  // "2018/03/12/" or "2018"
            std::size_t from = 0;
            for (int& part : date) {
                const std::size_t to = std::min(value.find_first_of("/-", from), value.size());
                if (from < to)
                    std::from_chars(value.data() + from, value.data() + to, part);
                from = to + 1;
                if (from > value.size())
                    break;
            }
            m.published = partialDate(date[0], date[1], date[2]);
        }
    }
    if (open)
        return makeError(ErrorCode::InvalidInput,
                         "not RIS: the last reference has no \"ER  -\" (cut short?)");
    return references;
}

}  // namespace

Result<std::vector<Reference>> readReferences(std::string_view bytes, std::string_view fileName) {
    const auto dot = fileName.rfind('.');
    std::string extension(dot == std::string_view::npos ? std::string_view() : fileName.substr(dot));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (auto valid = validateUtf8(bytes, fileName); !valid)
        return valid.error();
    if (extension == ".json")
        return readCslJson(bytes);
    if (extension == ".ris")
        return readRis(bytes);
    return makeError(ErrorCode::InvalidInput,
                     fmt::format("{}: not a file of references (CSL-JSON .json or RIS .ris)", fileName));
}

}  // namespace claimtrack
