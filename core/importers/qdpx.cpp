#include "qdpx.h"

#include "text.h"

#include <fmt/format.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

namespace claimtrack {

namespace {

constexpr std::string_view kNamespace = "urn:QDA-XML:project:1.0";

struct Refused {
    Error error;
};
[[noreturn]] void refuse(std::string message) {
    throw Refused{makeError(ErrorCode::InvalidInput, std::move(message))};
}

// The files of the archive, each read to the limits: the sizes a zip states can lie, so the bytes are
// counted as they come.
class Archive {
public:
    Archive(const std::filesystem::path& path, const QdpxLimits& limits) : m_path(path), m_limits(limits) {
        int error = 0;
        m_zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (!m_zip) {
            const std::string message =
                fmt::format("{}: not a readable .qdpx archive ({})", path.string(), zipErrorText(error));
            throw Refused{makeError(error == ZIP_ER_OPEN || error == ZIP_ER_NOENT ? ErrorCode::Io
                                                                                  : ErrorCode::InvalidInput,
                                    message)};
        }
    }
    ~Archive() { zip_discard(m_zip); }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    bool has(const std::string& name) const { return zip_name_locate(m_zip, name.c_str(), 0) >= 0; }

    std::string read(const std::string& name) {
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen(m_zip, name.c_str(), 0),
                                                                zip_fclose);
        if (!file)
            refuse(fmt::format("{}: {} is not in the archive", m_path.string(), name));
        std::string bytes;
        char buffer[1 << 16];
        zip_int64_t got = 0;
        while ((got = zip_fread(file.get(), buffer, sizeof buffer)) > 0) {
            const auto n = static_cast<std::size_t>(got);
            if (bytes.size() + n > m_limits.maxFileBytes || m_total + n > m_limits.maxTotalBytes)
                refuse(
                    fmt::format("{}: {} unpacks to more than {} MB, more than an exchange file holds (a zip "
                                "bomb?)",
                                m_path.string(), name,
                                (bytes.size() + n > m_limits.maxFileBytes ? m_limits.maxFileBytes
                                                                          : m_limits.maxTotalBytes) >>
                                    20));
            bytes.append(buffer, n);
            m_total += n;
        }
        if (got < 0)
            refuse(
                fmt::format("{}: cannot read {}: {}", m_path.string(), name, zip_file_strerror(file.get())));
        return bytes;
    }

private:
    std::filesystem::path m_path;
    QdpxLimits m_limits;
    zip_t* m_zip = nullptr;
    std::size_t m_total = 0;
};

std::string attribute(xmlTextReaderPtr reader, const char* name) {
    xmlChar* value = xmlTextReaderGetAttribute(reader, BAD_CAST name);
    std::string text = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
}

struct Code {
    std::string parent;
    std::string name;
};

// A selection as the document gives it, its codes and notes by GUID until the whole document is read.
struct PendingSelection {
    QdaSelection selection;
    std::vector<std::string> codes, notes;
    std::string name;
    int line = 0;
};
struct PendingSource {
    std::string name, path, content;
    std::vector<PendingSelection> selections;
    int line = 0;
};

class DocumentReader {
public:
    DocumentReader(const std::string& document, std::string where) : m_where(std::move(where)) {
        // No network, and no document type: an entity is never declared, so never expanded.
        m_reader = xmlReaderForMemory(document.data(), static_cast<int>(document.size()), nullptr, nullptr,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!m_reader)
            refuse(m_where + ": not an XML document");
    }
    ~DocumentReader() { xmlFreeTextReader(m_reader); }
    DocumentReader(const DocumentReader&) = delete;
    DocumentReader& operator=(const DocumentReader&) = delete;

    QdaProject read(Archive& archive) {
        bool sawProject = false;
        int got = xmlTextReaderRead(m_reader);
        while (got == 1) {
            const int type = xmlTextReaderNodeType(m_reader);
            if (type == XML_READER_TYPE_DOCUMENT_TYPE)
                refuse(at("a document type declaration (DTD), which an exchange file has no use for"));
            if (type == XML_READER_TYPE_END_ELEMENT)
                close(localName());
            if (type != XML_READER_TYPE_ELEMENT) {
                got = xmlTextReaderRead(m_reader);
                continue;
            }
            const std::string name = localName();
            const bool empty = xmlTextReaderIsEmptyElement(m_reader) == 1;
            if (!sawProject) {
                if (name != "Project")
                    refuse(at("a <" + name + "> where a REFI-QDA project begins with <Project>"));
                const auto* space = reinterpret_cast<const char*>(xmlTextReaderConstNamespaceUri(m_reader));
                if (!space || space != kNamespace)
                    refuse(at(fmt::format("the namespace \"{}\"; this version reads {} (QDA-XML 1.0)",
                                          space ? space : "", kNamespace)));
                m_project.name = attribute(m_reader, "name");
                sawProject = true;
            } else if (name == "PictureSource" || name == "PDFSource" || name == "AudioSource" ||
                       name == "VideoSource") {
                ++m_project.otherSources;
                if (!empty) {
                    got = xmlTextReaderNext(m_reader);  // past it and whatever it holds
                    continue;
                }
            } else {
                open(name, empty);
            }
            got = xmlTextReaderRead(m_reader);
        }
        if (got < 0)
            refuse(at("XML that is not well-formed"));
        if (!sawProject)
            refuse(m_where + ": no <Project> in it");
        finish(archive);
        return std::move(m_project);
    }

private:
    std::string localName() const {
        return reinterpret_cast<const char*>(xmlTextReaderConstLocalName(m_reader));
    }
    // The line of the node the reader is on; the parser's own line is further on, where it has read to.
    int line() const {
        const xmlNodePtr node = xmlTextReaderCurrentNode(m_reader);
        const long line = node ? xmlGetLineNo(node) : -1;
        return line > 0 ? static_cast<int>(line) : xmlTextReaderGetParserLineNumber(m_reader);
    }
    std::string at(const std::string& what) const {
        return fmt::format("{} line {}: {}", m_where, line(), what);
    }

    void open(const std::string& name, bool empty) {
        if (name == "Code") {
            const std::string parent = m_codePath.empty() ? std::string() : m_codePath.back();
            m_codes[attribute(m_reader, "guid")] = {parent, attribute(m_reader, "name")};
            if (!empty)
                m_codePath.push_back(attribute(m_reader, "name"));
        } else if (name == "TextSource" && !m_inNotes) {
            m_source = PendingSource{
                attribute(m_reader, "name"), attribute(m_reader, "plainTextPath"), {}, {}, line()};
            if (empty)
                close(name);
        } else if (name == "PlainTextSelection" && m_source) {
            PendingSelection selection;
            selection.name = attribute(m_reader, "name");
            selection.line = line();
            selection.selection.start = position("startPosition");
            selection.selection.end = position("endPosition");
            m_selection = std::move(selection);
            if (empty)
                close(name);
        } else if (name == "CodeRef" && m_selection) {
            m_selection->codes.push_back(attribute(m_reader, "targetGUID"));
        } else if (name == "NoteRef" && m_selection) {
            m_selection->notes.push_back(attribute(m_reader, "targetGUID"));
        } else if (name == "Notes") {
            m_inNotes = !empty;
        } else if (name == "Note" || (name == "TextSource" && m_inNotes)) {
            m_note = attribute(m_reader, "guid");
        } else if (name == "PlainTextContent" && !empty) {
            xmlChar* text = xmlTextReaderReadString(m_reader);
            std::string content = text ? reinterpret_cast<const char*>(text) : "";
            xmlFree(text);
            if (m_source && !m_selection)
                m_source->content = std::move(content);
            else if (!m_note.empty())
                m_notes[m_note] = std::move(content);
        }
    }

    void close(const std::string& name) {
        if (name == "Code" && !m_codePath.empty()) {
            m_codePath.pop_back();
        } else if (name == "PlainTextSelection" && m_selection && m_source) {
            m_source->selections.push_back(std::move(*m_selection));
            m_selection.reset();
        } else if (name == "TextSource" && m_source && !m_inNotes) {
            m_sources.push_back(std::move(*m_source));
            m_source.reset();
        } else if (name == "Notes") {
            m_inNotes = false;
        } else if (name == "Note") {
            m_note.clear();
        }
    }

    std::int64_t position(const char* name) const {
        const std::string text = attribute(m_reader, name);
        std::int64_t value = -1;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0)
            refuse(at(fmt::format("a selection whose {} is \"{}\", not a position", name, text)));
        return value;
    }

    // The sources' texts and the selections' codes and notes, now that every part of the document is read.
    void finish(Archive& archive) {
        for (PendingSource& pending : m_sources) {
            QdaSource source{pending.name, std::move(pending.content), {}};
            if (!pending.path.empty()) {
                constexpr std::string_view internal = "internal://";
                if (pending.path.rfind(internal, 0) != 0)
                    refuse(fmt::format(
                        "{} line {}: source \"{}\" is the file {}, outside the archive; export it "
                        "with its sources inside",
                        m_where, pending.line, pending.name, pending.path));
                const std::string file = pending.path.substr(internal.size());
                source.text = archive.read(archive.has("sources/" + file) ? "sources/" + file : file);
            }
            if (auto valid = validateUtf8(source.text, "source \"" + source.name + "\""); !valid)
                refuse(fmt::format("{}: {}", m_where, valid.error().message));
            const std::int64_t length = codePointCount(source.text);
            for (PendingSelection& marked : pending.selections) {
                QdaSelection& s = marked.selection;
                if (s.start >= s.end || s.end > length)
                    refuse(
                        fmt::format("{} line {}: selection \"{}\" runs from {} to {}, outside its source's "
                                    "{} characters",
                                    m_where, marked.line, marked.name, s.start, s.end, length));
                for (const std::string& guid : marked.codes) {
                    const auto code = m_codes.find(guid);
                    if (code == m_codes.end())
                        refuse(
                            fmt::format("{} line {}: selection \"{}\" is coded with {}, which is not in the "
                                        "code book",
                                        m_where, marked.line, marked.name, guid));
                    s.codes.emplace_back(code->second.parent, code->second.name);
                }
                for (const std::string& guid : marked.notes)
                    if (const auto note = m_notes.find(guid); note != m_notes.end() && !note->second.empty())
                        s.notes.push_back(note->second);
                source.selections.push_back(std::move(s));
            }
            m_project.sources.push_back(std::move(source));
        }
    }

    std::string m_where;
    xmlTextReaderPtr m_reader = nullptr;
    QdaProject m_project;
    std::map<std::string, Code> m_codes;  // by GUID
    std::vector<std::string> m_codePath;  // the codes the reader is inside, outermost first
    std::map<std::string, std::string> m_notes;
    std::vector<PendingSource> m_sources;
    std::optional<PendingSource> m_source;
    std::optional<PendingSelection> m_selection;
    std::string m_note;  // the note being read
    bool m_inNotes = false;
};

}  // namespace

std::string zipErrorText(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

Result<QdaProject> readQdpx(const std::filesystem::path& path, const QdpxLimits& limits) {
    try {
        Archive archive(path, limits);
        const std::string document = archive.read("project.qde");
        return DocumentReader(document, path.string() + ": project.qde").read(archive);
    } catch (const Refused& refused) {
        return refused.error;
    }
}

}  // namespace claimtrack
