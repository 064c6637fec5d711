#include "qdpx.h"

#include "claim_format.h"
#include "guarded.h"
#include "zip_archive.h"

#include <QString>
#include <QUuid>
#include <fmt/format.h>
#include <libxml/xmlwriter.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include <unistd.h>

namespace claimtrack {

using db::orRefuse;
using db::refuse;
using db::ZipArchive;

namespace {

// GUIDs derived from a name (UUID v5) live in this namespace: Claimtrack's own, fixed for good.
const QUuid kGuidNamespace(QStringLiteral("{4d8f3a52-9c1e-4b7a-8e26-3f0d5c9a71b4}"));

std::string derivedGuid(std::string_view kind, std::string_view name) {
    const QString key = QString::fromUtf8(kind.data(), static_cast<qsizetype>(kind.size())) + u':' +
                        QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    return QUuid::createUuidV5(kGuidNamespace, key).toString(QUuid::WithoutBraces).toStdString();
}

// The GUID of a selection's `index`-th coding: the selection's own with its last four hex digits changed
// (XOR index + 1), so never the selection's, never another coding's of it, and as unlikely as any two
// random UUIDs to be another selection's. Deriving a UUID v5 for each of four million codings (a SHA-1
// each) was a tenth of a million-claim export.
std::string codingGuid(const std::string& selection, unsigned index) {
    if (selection.size() != 36)
        return derivedGuid("coding", selection + std::to_string(index));
    unsigned last = 0;
    std::from_chars(selection.data() + 32, selection.data() + 36, last, 16);
    std::string guid = selection;
    fmt::format_to(guid.begin() + 32, "{:04x}", (last ^ (index + 1)) & 0xffffu);
    return guid;
}

std::string guidOf(const Entity& entity, std::string_view kind) {
    return entity.uuid.empty() ? derivedGuid(kind, entity.name) : entity.uuid;
}

// XML 1.0 has no place for a control character other than tab and the line ends, not even escaped; a
// stray one in a title or a note becomes a space. Most texts have none and are passed as they are.
bool isXmlText(std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
    });
}
template <class Write>
int writeXmlText(const std::string& text, Write write) {
    if (isXmlText(text))
        return write(BAD_CAST text.c_str());
    std::string clean = text;
    for (char& c : clean)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
            c = ' ';
    return write(BAD_CAST clean.c_str());
}

// libxml2 also says its errors on standard error; ours say them once, in one line.
void ignoreXmlError(void*, const char*, ...) {}

// Where libxml2's writer puts the document: handed on to the archive a megabyte at a time. The callbacks
// are called from C, so a refusal is caught here and said by XmlWriter::check.
struct DocumentSink {
    db::EntryPipe& pipe;
    std::string chunk;
};

int writeToPipe(void* context, const char* bytes, int length) {
    auto* sink = static_cast<DocumentSink*>(context);
    sink->chunk.append(bytes, static_cast<std::size_t>(length));
    if (sink->chunk.size() >= (1u << 20)) {
        try {
            sink->pipe.write(std::move(sink->chunk));
        } catch (const sql::Failure&) {
            return -1;
        }
        sink->chunk.clear();
    }
    return length;
}

// libxml2's streaming writer: the document goes to the archive as it is written, never whole in memory.
class XmlWriter {
public:
    explicit XmlWriter(db::EntryPipe& pipe)
        : m_sink{pipe, {}},
          m_writer(xmlNewTextWriter(xmlOutputBufferCreateIO(writeToPipe, nullptr, &m_sink, nullptr)),
                   xmlFreeTextWriter) {
        if (!m_writer)
            refuse(ErrorCode::Io, "cannot write the project document");
        xmlTextWriterSetIndent(m_writer.get(), 1);
        check(xmlTextWriterSetIndentString(m_writer.get(), BAD_CAST " "));
        check(xmlTextWriterStartDocument(m_writer.get(), nullptr, "UTF-8", nullptr));
    }
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;

    void start(const char* name) { check(xmlTextWriterStartElement(m_writer.get(), BAD_CAST name)); }
    void attribute(const char* name, const std::string& value) {
        check(writeXmlText(value, [&](const xmlChar* text) {
            return xmlTextWriterWriteAttribute(m_writer.get(), BAD_CAST name, text);
        }));
    }
    void element(const char* name, const std::string& value) {
        check(writeXmlText(value, [&](const xmlChar* text) {
            return xmlTextWriterWriteElement(m_writer.get(), BAD_CAST name, text);
        }));
    }
    void end() { check(xmlTextWriterEndElement(m_writer.get())); }
    // Ends the document and hands on the rest of it, as the pipe's current entry.
    void finish() {
        check(xmlTextWriterEndDocument(m_writer.get()));
        check(xmlTextWriterFlush(m_writer.get()));
        m_writer.reset();
        m_sink.pipe.write(std::move(m_sink.chunk));
        m_sink.pipe.endEntry();
    }

private:
    static void check(int written) {
        if (written < 0)
            refuse(ErrorCode::Io, "the archive could not be written");
    }
    DocumentSink m_sink;
    std::unique_ptr<xmlTextWriter, decltype(&xmlFreeTextWriter)> m_writer;
};

// An article's text in the archive, under sources/.
std::string textFile(const Article& article) {
    return article.uuid + ".txt";
}

struct Code {
    std::string guid;
    std::string name;
};

// The codes of one kind under their uncodable parent, by name.
struct CodeGroup {
    const char* parent;
    std::map<std::string, Code> codes;
};

void writeCodeGroup(XmlWriter& xml, const CodeGroup& group) {
    xml.start("Code");
    xml.attribute("guid", derivedGuid("group", group.parent));
    xml.attribute("name", group.parent);
    xml.attribute("isCodable", "false");
    for (const auto& [name, code] : group.codes) {
        xml.start("Code");
        xml.attribute("guid", code.guid);
        xml.attribute("name", name);
        xml.attribute("isCodable", "true");
        xml.end();
    }
    xml.end();
}

struct Note {
    std::string guid;
    std::string name;
    std::string text;
};

// The notes met while the sources are written, kept in a temporary file until the document reaches its
// Notes, after every source (the schema's order). Kept in memory, a million claims' notes of a thousand
// characters took the export to 1.4 GB; a second pass over the claims would read every claim again. The
// file is made at the first note and has no name: it is gone when closed, or when the program ends.
class NoteSpill {
public:
    void add(const Note& note) {
        if (!m_file)
            open();
        for (const std::string* part : {&note.guid, &note.name, &note.text}) {
            const std::uint64_t size = part->size();
            if (std::fwrite(&size, sizeof size, 1, m_file.get()) != 1 ||
                std::fwrite(part->data(), 1, part->size(), m_file.get()) != part->size())
                failed();
        }
        ++m_count;
    }

    std::size_t size() const { return m_count; }

    // Calls `each` with every note, in the order added.
    template <class Each>
    void forEach(Each each) {
        if (m_count == 0)
            return;
        if (std::fflush(m_file.get()) != 0 || std::fseek(m_file.get(), 0, SEEK_SET) != 0)
            failed();
        Note note;
        for (std::size_t i = 0; i < m_count; ++i) {
            for (std::string* part : {&note.guid, &note.name, &note.text}) {
                std::uint64_t size = 0;
                if (std::fread(&size, sizeof size, 1, m_file.get()) != 1)
                    failed();
                part->resize(size);
                if (std::fread(part->data(), 1, size, m_file.get()) != size)
                    failed();
            }
            each(note);
        }
    }

private:
    void open() {
        const char* folder = std::getenv("TMPDIR");  // as POSIX tools choose it
        m_folder = folder && *folder ? folder : "/tmp";
        std::string name = (m_folder / "claimtrack-notes-XXXXXX").string();
        const int fd = mkstemp(name.data());
        if (fd < 0)
            failed();
        unlink(name.c_str());
        m_file.reset(fdopen(fd, "w+b"));
        if (!m_file) {
            close(fd);
            failed();
        }
    }

    [[noreturn]] void failed() const {
        refuse(ErrorCode::Io,
               fmt::format("cannot keep the notes in a temporary file in {} while exporting: {}",
                           m_folder.string(), std::strerror(errno)));
    }

    std::filesystem::path m_folder;
    std::unique_ptr<std::FILE, decltype(&std::fclose)> m_file{nullptr, &std::fclose};
    std::size_t m_count = 0;
};

class QdpxWriter {
public:
    QdpxWriter(Project& project, db::EntryPipe& pipe) : m_project(project), m_xml(pipe) {}

    // Writes project.qde, whose sources are `articles`, each in the archive's textFile(article).
    QdpxCounts write(const std::string& name, const std::vector<Article>& articles) {
        readCodes();
        m_xml.start("Project");
        m_xml.attribute("xmlns", "urn:QDA-XML:project:1.0");
        m_xml.attribute("name", name);
        m_xml.attribute("origin", "Claimtrack");
        m_xml.start("Users");
        m_xml.start("User");
        m_xml.attribute("guid", m_user);
        m_xml.attribute("name", "Claimtrack");
        m_xml.end();
        m_xml.end();
        m_xml.start("CodeBook");
        m_xml.start("Codes");
        for (const CodeGroup* group : {&m_metrics, &m_sources, &m_tags, &m_statuses})
            writeCodeGroup(m_xml, *group);
        m_xml.end();
        m_xml.end();

        m_xml.start("Sources");
        for (const Article& article : articles)
            writeSource(article);
        m_xml.end();
        if (const std::string memo = orRefuse(m_project.projectMemo()); !memo.empty())
            m_notes.add({derivedGuid("memo", "project"), "Project memo", memo});
        if (m_notes.size() > 0) {
            m_xml.start("Notes");
            m_notes.forEach([&](const Note& note) {
                m_xml.start("Note");
                m_xml.attribute("guid", note.guid);
                m_xml.attribute("name", note.name);
                m_xml.element("PlainTextContent", note.text);
                m_xml.end();
            });
            m_xml.end();
        }
        m_xml.end();
        m_xml.finish();
        m_counts.notes = m_notes.size();
        for (const CodeGroup* group : {&m_metrics, &m_sources, &m_tags, &m_statuses})
            m_counts.codes += 1 + group->codes.size();
        return m_counts;
    }

private:
    void readCodes() {
        for (const auto& [kind, group] :
             {std::pair{EntityKind::Metric, &m_metrics}, std::pair{EntityKind::Source, &m_sources},
              std::pair{EntityKind::Tag, &m_tags}})
            for (const Entity& entity : orRefuse(m_project.entities(kind)))
                group->codes[entity.name] = {guidOf(entity, group->parent), entity.name};
        for (const ClaimStatus status :
             {ClaimStatus::Unverified, ClaimStatus::Supported, ClaimStatus::Disputed, ClaimStatus::Refuted}) {
            const std::string name(toString(status));
            m_statuses.codes[name] = {derivedGuid("status", name), name};
        }
    }

    void coding(const CodeGroup& group, const std::string& name) {
        const auto code = group.codes.find(name);
        if (code == group.codes.end())
            return;
        m_xml.start("Coding");
        m_xml.attribute("guid", codingGuid(m_selection, m_codings++));
        m_xml.start("CodeRef");
        m_xml.attribute("targetGUID", code->second.guid);
        m_xml.end();
        m_xml.end();
    }

    void writeSource(const Article& article) {
        m_xml.start("TextSource");
        m_xml.attribute("guid", article.uuid);
        m_xml.attribute("name", article.meta.title);
        m_xml.attribute("plainTextPath", "internal://" + textFile(article));
        m_xml.attribute("creationDateTime", article.importedAt);
        if (!article.meta.url.empty() || !article.meta.publisher.empty())
            m_xml.element("Description",
                          fmt::format("{}{}{}", article.meta.publisher,
                                      article.meta.publisher.empty() ? "" : " ", article.meta.url));
        orRefuse(
            m_project.forEachClaim({article.id}, [&](const ClaimRecord& claim) { writeSelection(claim); }));
        if (!article.memo.empty()) {
            const std::string guid = derivedGuid("memo", article.uuid);
            m_notes.add({guid, "Memo: " + article.meta.title, article.memo});
            m_xml.start("NoteRef");
            m_xml.attribute("targetGUID", guid);
            m_xml.end();
        }
        m_xml.end();
        ++m_counts.sources;
    }

    void writeSelection(const ClaimRecord& claim) {
        const ClaimFields& f = claim.fields;
        m_selection = claim.uuid;
        m_codings = 0;
        m_xml.start("PlainTextSelection");
        m_xml.attribute("guid", claim.uuid);
        m_xml.attribute("name", claim.anchor.quote.exact);
        m_xml.attribute("startPosition", std::to_string(claim.anchor.range.start));
        m_xml.attribute("endPosition", std::to_string(claim.anchor.range.end));
        m_xml.attribute("creatingUser", m_user);
        m_xml.attribute("creationDateTime", claim.createdAt);
        m_xml.attribute("modifiedDateTime", claim.updatedAt);
        m_xml.element("Description", fmt::format("{}{}{}{}", describeFigure(f), f.unit.empty() ? "" : " ",
                                                 f.unit, f.asOf.empty() ? "" : ", as of " + f.asOf));
        coding(m_metrics, f.metric);
        coding(m_sources, f.source);
        for (const std::string& tag : f.tags)
            coding(m_tags, tag);
        coding(m_statuses, std::string(toString(f.status)));
        if (!f.note.empty()) {
            const std::string guid = derivedGuid("note", claim.uuid);
            m_notes.add({guid, "Note: " + claim.anchor.quote.exact, f.note});
            m_xml.start("NoteRef");
            m_xml.attribute("targetGUID", guid);
            m_xml.end();
        }
        m_xml.end();
        ++m_counts.selections;
    }

    Project& m_project;
    XmlWriter m_xml;
    const std::string m_user = derivedGuid("user", "Claimtrack");
    CodeGroup m_metrics{"Metrics", {}}, m_sources{"Sources", {}}, m_tags{"Tags", {}},
        m_statuses{"Status", {}};
    NoteSpill m_notes;        // written after the sources, as the schema orders them
    std::string m_selection;  // the claim being written, for its codings' GUIDs
    unsigned m_codings = 0;   // its codings so far
    QdpxCounts m_counts;
};

}  // namespace

Result<QdpxCounts> exportQdpx(Project& project, const std::filesystem::path& path) {
    xmlSetGenericErrorFunc(nullptr, ignoreXmlError);
    auto articles = project.articles();
    if (!articles)
        return articles.error();
    QdpxCounts counts;
    auto written = db::writeArchive(path, [&](ZipArchive& archive) {
        db::EntryPipe pipe;
        for (const Article& article : *articles)
            archive.addPiped("sources/" + textFile(article), pipe);
        archive.addPiped("project.qde", pipe);
        // The texts, one at a time, then the document of a million claims (770 MB of XML), each packed on a
        // second thread as it is written: written to a file and packed after, it was 2.95 times the CSV.
        db::packWhileWriting(archive, pipe, path, [&] {
            for (const Article& article : *articles) {
                pipe.write(orRefuse(project.articleText(article.id)));
                pipe.endEntry();
            }
            QdpxWriter writer(project, pipe);
            counts = writer.write(project.path().stem().string(), *articles);
        });
    });
    if (!written)
        return written.error();
    return counts;
}

}  // namespace claimtrack
