#pragma once
// JSON written straight into text, for the exports that write a million objects.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

// One JSON object written straight into text, as nlohmann's dump() writes it (compact, UTF-8 kept,
// control characters escaped). By hand because building a tree for each of a million claims and then
// dumping it took three times as long as writing the CSV.
class JsonObjectWriter {
public:
    explicit JsonObjectWriter(std::string& out) : m_out(out) { m_out += '{'; }
    ~JsonObjectWriter() { m_out += '}'; }

    void text(std::string_view key, std::string_view value) {
        name(key);
        quoted(value);
    }
    void textOrNull(std::string_view key, std::string_view value) {
        if (value.empty())
            return null(key);
        text(key, value);
    }
    void integer(std::string_view key, std::int64_t value) {
        name(key);
        char digits[24];
        m_out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    }
    void number(std::string_view key, std::optional<double> value) {
        if (!value)
            return null(key);
        if (*value == std::trunc(*value) && std::fabs(*value) < 1e15)
            return integer(key, static_cast<std::int64_t>(*value));
        name(key);
        m_out += nlohmann::json(*value).dump();  // the shortest form that reads back exactly, as before
    }
    void texts(std::string_view key, const std::vector<std::string>& values) {
        name(key);
        m_out += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                m_out += ',';
            quoted(values[i]);
        }
        m_out += ']';
    }
    void null(std::string_view key) {
        name(key);
        m_out += "null";
    }
    // The key of a value the caller writes next: an object (a JsonObjectWriter on the same text) or an array.
    void key(std::string_view key) { name(key); }

private:
    void name(std::string_view key) {
        if (!m_first)
            m_out += ',';
        m_first = false;
        quoted(key);
        m_out += ':';
    }
    void quoted(std::string_view text) {
        m_out += '"';
        std::size_t run = 0;  // characters since the last escape are appended as one run
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            m_out.append(text.substr(run, i - run));
            run = i + 1;
            switch (c) {
            case '"':
                m_out += "\\\"";
                break;
            case '\\':
                m_out += "\\\\";
                break;
            case '\b':
                m_out += "\\b";
                break;
            case '\f':
                m_out += "\\f";
                break;
            case '\n':
                m_out += "\\n";
                break;
            case '\r':
                m_out += "\\r";
                break;
            case '\t':
                m_out += "\\t";
                break;
            default:
                m_out += fmt::format("\\u{:04x}", c);
            }
        }
        m_out.append(text.substr(run));
        m_out += '"';
    }

    std::string& m_out;
    bool m_first = true;
};

}  // namespace claimtrack
