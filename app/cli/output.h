#pragma once
// Output shared by the subcommands: formats, streamed JSON arrays, and
// opening the project named on the command line.

#include "model.h"
#include "project.h"

#include <nlohmann/json.hpp>

#include <map>
#include <ostream>
#include <string>

namespace claimtrack::cli {

enum class Format { Table, Csv, Json };

// For CLI11's ->transform(CLI::CheckedTransformer(...)).
inline const std::map<std::string, Format> kFormatNames{
    {"table", Format::Table}, {"csv", Format::Csv}, {"json", Format::Json}};

// Writes a JSON array one element at a time, so output is streamed.
class JsonArrayWriter {
public:
    explicit JsonArrayWriter(std::ostream& out) : m_out(out) { m_out << '['; }
    ~JsonArrayWriter() { m_out << (m_empty ? "]\n" : "\n]\n"); }
    JsonArrayWriter(const JsonArrayWriter&) = delete;
    JsonArrayWriter& operator=(const JsonArrayWriter&) = delete;

    void add(const nlohmann::ordered_json& element) {
        addWritten(element.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    // An element already written as JSON.
    void addWritten(std::string_view json) {
        m_out << (m_empty ? "\n  " : ",\n  ") << json;
        m_empty = false;
    }

private:
    std::ostream& m_out;
    bool m_empty = true;
};

// The conflicts of a cross-check, as `conflicts` prints them and `export --conflicts` writes them.
void writeConflicts(const ConflictReport& report, Format format, std::ostream& out);

}  // namespace claimtrack::cli
