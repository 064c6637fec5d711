#include "references.h"

#include "document.h"
#include "text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
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

// BibTeX, read by hand: Debian's libbtparse prints its errors on standard error with no way to stop it and
// keeps global state, and the grammar is small: @type{key, field = {value} | "value" | number | macro, ...},
// values joined with #, @string macros, @comment and @preamble passed over. Values are turned from LaTeX
// into text for the specials and accents reference managers write.
class BibtexReader {
public:
    explicit BibtexReader(std::string_view text) : m_text(text) {}

    Result<std::vector<Reference>> read() {
        std::vector<Reference> references;
        while (true) {
            const std::size_t at = m_text.find('@', m_at);
            if (at == std::string_view::npos)
                return references;
            m_at = at + 1;
            std::string type = lower(word());
            skipSpace();
            if (m_at >= m_text.size() || (m_text[m_at] != '{' && m_text[m_at] != '('))
                return fail("an entry without its opening brace");
            const char close = m_text[m_at] == '{' ? '}' : ')';
            ++m_at;
            if (type == "comment" || type == "preamble") {
                if (!skipBalanced(close))
                    return fail("an @" + type + " that is never closed");
                continue;
            }
            std::map<std::string, std::string> fields;
            if (type == "string") {
                if (auto error = readFields(close, fields); !error.empty())
                    return fail(error);
                for (auto& [name, value] : fields)
                    m_macros[name] = value;
                continue;
            }
            skipSpace();
            while (m_at < m_text.size() && m_text[m_at] != ',' && m_text[m_at] != close)
                ++m_at;  // the key
            if (m_at >= m_text.size())
                return fail("an entry that is never closed");
            if (m_text[m_at] == ',')
                ++m_at;
            if (auto error = readFields(close, fields); !error.empty())
                return fail(error);
            references.push_back(toReference(fields));
            if (references.back().meta.title.empty())
                return fail("an entry without a title");
        }
    }

private:
    Error fail(const std::string& what) const {
        const std::size_t line =
            1 + static_cast<std::size_t>(std::count(
                    m_text.begin(),
                    m_text.begin() + static_cast<std::ptrdiff_t>(std::min(m_at, m_text.size())), '\n'));
        return makeError(ErrorCode::InvalidInput, fmt::format("not BibTeX: line {}: {}", line, what));
    }
    static std::string lower(std::string text) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    }
    void skipSpace() {
        while (m_at < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_at])))
            ++m_at;
    }
    std::string word() {
        skipSpace();
        const std::size_t from = m_at;
        while (m_at < m_text.size() &&
               (std::isalnum(static_cast<unsigned char>(m_text[m_at])) ||
                std::string_view("_-:.+/").find(m_text[m_at]) != std::string_view::npos))
            ++m_at;
        return std::string(m_text.substr(from, m_at - from));
    }
    // Past text up to the `close` that balances the one just read; braces inside nest.
    bool skipBalanced(char close) {
        int depth = 0;
        for (; m_at < m_text.size(); ++m_at) {
            const char c = m_text[m_at];
            if (c == '{')
                ++depth;
            else if (c == '}' && depth > 0)
                --depth;
            else if (c == close && depth == 0)
                return ++m_at, true;
        }
        return false;
    }
    // name = value pieces joined with #, up to the entry's end; an error's description, or empty.
    std::string readFields(char close, std::map<std::string, std::string>& fields) {
        while (true) {
            skipSpace();
            if (m_at >= m_text.size())
                return "an entry that is never closed";
            if (m_text[m_at] == close)
                return ++m_at, std::string();
            if (m_text[m_at] == ',') {
                ++m_at;
                continue;
            }
            const std::string name = lower(word());
            skipSpace();
            if (name.empty() || m_at >= m_text.size() || m_text[m_at] != '=')
                return "a field without \"name = value\"";
            ++m_at;
            std::string value;
            while (true) {
                skipSpace();
                if (m_at >= m_text.size())
                    return "a value that is never closed";
                const char c = m_text[m_at];
                if (c == '{' || c == '"') {
                    const std::size_t from = ++m_at;
                    int depth = 0;
                    while (m_at < m_text.size() && !(depth == 0 && m_text[m_at] == (c == '{' ? '}' : '"'))) {
                        depth += m_text[m_at] == '{' ? 1 : m_text[m_at] == '}' ? -1 : 0;
                        ++m_at;
                    }
                    if (m_at >= m_text.size())
                        return "a value that is never closed";
                    value += m_text.substr(from, m_at - from);
                    ++m_at;
                } else {
                    const std::string piece = word();  // a number, or a macro
                    if (piece.empty())
                        return "a value that is neither braced, quoted, a number nor a macro";
                    const auto macro = m_macros.find(lower(piece));
                    value += macro != m_macros.end() ? macro->second : piece;
                }
                skipSpace();
                if (m_at < m_text.size() && m_text[m_at] == '#') {
                    ++m_at;
                    continue;
                }
                break;
            }
            fields[name] = value;
        }
    }
    // LaTeX as text: the escaped specials, \textasciitilde and friends, and the accents written {\"u}.
    static std::string plain(std::string_view latex) {
        static const std::map<std::string_view, std::string_view> kAccents{
            {"\"a", "ä"}, {"\"o", "ö"}, {"\"u", "ü"}, {"\"A", "Ä"}, {"\"O", "Ö"}, {"\"U", "Ü"},
            {"'e", "é"},  {"'a", "á"},  {"'o", "ó"},  {"'i", "í"},  {"'u", "ú"},  {"`e", "è"},
            {"`a", "à"},  {"^e", "ê"},  {"~n", "ñ"},  {"c c", "ç"}, {"ss", "ß"}};
        static const std::map<std::string_view, std::string_view> kWords{
            {"textasciitilde", "~"}, {"textasciicircum", "^"}, {"textbackslash", "\\"}, {"ss", "ß"}};
        std::string out;
        for (std::size_t i = 0; i < latex.size(); ++i) {
            const char c = latex[i];
            if (c == '{' || c == '}')
                continue;
            if (c != '\\' || i + 1 >= latex.size()) {
                out += c;
                continue;
            }
            const char next = latex[i + 1];
            if (std::string_view("&%$#_{}").find(next) != std::string_view::npos) {
                out += next, ++i;
                continue;
            }
            if (std::isalpha(static_cast<unsigned char>(next))) {  // a command: \textasciitilde{}, \ss
                std::size_t end = i + 1;
                while (end < latex.size() && std::isalpha(static_cast<unsigned char>(latex[end])))
                    ++end;
                const auto word = kWords.find(latex.substr(i + 1, end - i - 1));
                if (word != kWords.end()) {
                    out += word->second;
                    i = end - 1;
                    continue;
                }
            }
            // An accent: \"u, \"{u}, \'e
            std::string key(1, next);
            std::size_t letter = i + 2;
            if (letter < latex.size() && latex[letter] == '{')
                ++letter;
            if (letter < latex.size())
                key += latex[letter];
            if (const auto accent = kAccents.find(key); accent != kAccents.end()) {
                out += accent->second;
                i = letter;
                if (i + 1 < latex.size() && latex[i + 1] == '}')
                    ++i;
                continue;
            }
            out += c;
        }
        return normalizeField(out);
    }
    static std::string monthNumber(std::string month) {
        static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};
        month = lower(month);
        for (int m = 0; m < 12; ++m)
            if (month.rfind(kMonths[m], 0) == 0)
                return std::to_string(m + 1);
        return month;
    }
    Reference toReference(const std::map<std::string, std::string>& fields) const {
        const auto field = [&](const char* name) {
            const auto found = fields.find(name);
            return found == fields.end() ? std::string() : plain(found->second);
        };
        Reference reference;
        ArticleMeta& m = reference.meta;
        m.title = field("title");
        // "Zhang, Mei and Ashby, Tom" in reading order; a braced name ({Staff reporters}) as it is.
        std::string authors = field("author");
        for (std::size_t at = 0; at <= authors.size();) {
            std::size_t end = authors.find(" and ", at);
            if (end == std::string::npos)
                end = authors.size();
            std::string name = normalizeField(std::string_view(authors).substr(at, end - at));
            if (const std::size_t comma = name.find(','); comma != std::string::npos)
                name = normalizeField(name.substr(comma + 1)) + " " + name.substr(0, comma);
            if (!name.empty())
                m.author += (m.author.empty() ? "" : ", ") + name;
            at = end + 5;
        }
        m.publisher = field("journal");
        if (m.publisher.empty())
            m.publisher = field("journaltitle");
        if (m.publisher.empty())
            m.publisher = field("publisher");
        m.url = field("url");
        reference.doi = field("doi");
        if (const std::string date = field("date"); !date.empty()) {
            m.published = date.substr(0, 10);
        } else if (const std::string year = field("year"); !year.empty()) {
            int y = 0, mo = 0, d = 0;
            std::from_chars(year.data(), year.data() + year.size(), y);
            const std::string month = monthNumber(field("month")), day = field("day");
            std::from_chars(month.data(), month.data() + month.size(), mo);
            std::from_chars(day.data(), day.data() + day.size(), d);
            m.published = partialDate(y, mo, d);
        }
        // JabRef writes "description:path:type", Zotero's Better BibTeX the path alone.
        std::string file = fields.count("file") ? fields.at("file") : std::string();
        file = file.substr(0, file.find(';'));
        if (std::count(file.begin(), file.end(), ':') >= 2)
            file = file.substr(file.find(':') + 1, file.rfind(':') - file.find(':') - 1);
        reference.attachment = file;
        return reference;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    std::map<std::string, std::string> m_macros{{"jan", "1"}, {"feb", "2"},  {"mar", "3"},  {"apr", "4"},
                                                {"may", "5"}, {"jun", "6"},  {"jul", "7"},  {"aug", "8"},
                                                {"sep", "9"}, {"oct", "10"}, {"nov", "11"}, {"dec", "12"}};
};

}  // namespace

Result<std::vector<Reference>> readReferences(std::string_view bytes, std::string_view fileName) {
    const std::string extension = lowerExtension(fileName);
    if (auto valid = validateUtf8(bytes, fileName); !valid)
        return valid.error();
    if (extension == ".json")
        return readCslJson(bytes);
    if (extension == ".ris")
        return readRis(bytes);
    if (extension == ".bib")
        return BibtexReader(bytes).read();
    return makeError(
        ErrorCode::InvalidInput,
        fmt::format("{}: not a file of references (CSL-JSON .json, RIS .ris or BibTeX .bib)", fileName));
}

}  // namespace claimtrack
