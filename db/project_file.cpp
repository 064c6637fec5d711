#include "project_file.h"

#include "guarded.h"
#include "importers/document.h"
#include "json_object_writer.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <ostream>

namespace claimtrack {

using db::orRefuse;
using db::refuse;

namespace {

constexpr const char* kSectionNames[] = {"",       "sources", "metrics",  "articles",
                                         "claims", "carries", "verdicts", "suggestions"};

void writeEntity(JsonObjectWriter& object, const Entity& entity, bool isMetric) {
    object.text("uuid", entity.uuid);
    object.text("name", entity.name);
    if (!isMetric) {
        object.text("kind", entity.kind);
        object.text("note", entity.note);
        return;
    }
    const MetricDetails& m = entity.metric;
    object.text("description", m.description);
    object.text("unit_kind", m.kind ? toString(*m.kind) : std::string_view());
    object.text("place", m.place);
    object.text("population", m.population);
    object.number("tolerance", m.tolerance);
    object.text("fact_check_url", m.factCheckUrl);
    object.text("reviewed", m.reviewed);
}

void writeAnchor(JsonObjectWriter& object, const Anchor& anchor) {
    object.integer("start", anchor.range.start);
    object.integer("end", anchor.range.end);
    object.text("quote", anchor.quote.exact);
    object.text("prefix", anchor.quote.prefix);
    object.text("suffix", anchor.quote.suffix);
}

// What a percentage is of; written for every claim and suggestion, as empty text and null when none.
void writeBase(JsonObjectWriter& object, const FigureBase& base) {
    object.text("base", base.of);
    if (base.sampleSize)
        object.integer("sample_size", *base.sampleSize);
    else
        object.null("sample_size");
    object.text("fieldwork", base.fieldwork);
}

}  // namespace

ProjectFileWriter::ProjectFileWriter(std::ostream& out) : m_out(out) {
    m_out << fmt::format(R"({{"format":"{}","version":{})", kProjectFileFormat, kProjectFileVersion);
}

void ProjectFileWriter::enter(Section section) {
    if (section < m_section)
        throw std::logic_error("project file rows out of order");
    while (m_section < section) {
        if (m_section != Section::Head)
            m_out << "\n]";
        m_section = static_cast<Section>(static_cast<int>(m_section) + 1);
        if (m_section != Section::End)
            m_out << ",\n\"" << kSectionNames[static_cast<int>(m_section)] << "\":[";
        m_firstRow = true;
    }
}

template <class Fill>
void ProjectFileWriter::writeRow(Section section, Fill&& fill) {
    enter(section);
    m_row.clear();
    {
        JsonObjectWriter object(m_row);  // closes the object as it goes out of scope
        fill(object);
    }
    m_out << (m_firstRow ? "\n" : ",\n") << m_row;
    m_firstRow = false;
}

void ProjectFileWriter::memo(const std::string& text) {
    if (m_section != Section::Head)
        throw std::logic_error("the project memo comes first");
    m_row.clear();
    {
        JsonObjectWriter head(m_row);
        head.text("memo", text);
    }
    m_out << ',' << std::string_view(m_row).substr(1, m_row.size() - 2);  // the key and value, no braces
}

void ProjectFileWriter::publishing(const PublishingSettings& settings) {
    if (m_section != Section::Head)
        throw std::logic_error("the publishing settings come first");
    m_row.clear();
    {
        JsonObjectWriter head(m_row);
        head.text("reviewer", settings.reviewer);
        head.text("reviewer_url", settings.reviewerUrl);
    }
    m_out << ',' << std::string_view(m_row).substr(1, m_row.size() - 2);
}

void ProjectFileWriter::source(const Entity& source) {
    writeRow(Section::Sources, [&](JsonObjectWriter& object) { writeEntity(object, source, false); });
}

void ProjectFileWriter::metric(const Entity& metric) {
    writeRow(Section::Metrics, [&](JsonObjectWriter& object) { writeEntity(object, metric, true); });
}

void ProjectFileWriter::article(const ArticleWithText& a) {
    writeRow(Section::Articles, [&](JsonObjectWriter& object) {
        object.text("uuid", a.article.uuid);
        object.text("title", a.article.meta.title);
        object.text("author", a.article.meta.author);
        object.text("publisher", a.article.meta.publisher);
        object.text("url", a.article.meta.url);
        object.text("published", a.article.meta.published);
        object.text("imported_at", a.article.importedAt);
        object.text("lineage", a.article.lineage);
        object.integer("version", a.article.version);
        object.text("format", a.article.format);
        object.text("encoding", a.article.encoding);
        object.text("memo", a.article.memo);
        object.text("sha256", a.article.sha256);
        object.text("text", a.text);
        object.key("pages");
        m_row += '[';
        for (std::size_t i = 0; i < a.pageStarts.size(); ++i)
            m_row += (i ? "," : "") + std::to_string(a.pageStarts[i]);
        m_row += ']';
        if (a.original) {
            object.key("original");
            JsonObjectWriter original(m_row);
            original.text("file_name", a.original->fileName);
            original.integer("size", a.original->size);
            original.text("sha256", a.original->sha256);
            if (a.original->bytes)
                original.text("bytes", base64Encode(*a.original->bytes));
            else
                original.text("path", a.original->path);
        }
    });
}

void ProjectFileWriter::claim(const ClaimRecord& claim) {
    writeRow(Section::Claims, [&](JsonObjectWriter& object) {
        const ClaimFields& f = claim.fields;
        object.text("uuid", claim.uuid);
        object.text("article", claim.articleUuid);
        writeAnchor(object, claim.anchor);
        object.number("value", f.value);
        object.number("low", f.low);
        object.number("high", f.high);
        object.text("unit", f.unit);
        object.text("metric", f.metric);
        object.text("source", f.source);
        object.text("as_of", f.asOf);
        object.text("status", toString(f.status));
        object.texts("tags", f.tags);
        object.text("note", f.note);
        object.text("created_at", claim.createdAt);
        object.text("updated_at", claim.updatedAt);
        object.texts("via", f.via);
        writeBase(object, f.base);
    });
}

void ProjectFileWriter::carry(const CarryRecord& carry) {
    writeRow(Section::Carries, [&](JsonObjectWriter& object) {
        object.text("claim", carry.claimUuid);
        object.text("article", carry.articleUuid);
        object.text("kind", toString(carry.carry.kind));
        object.integer("start", carry.carry.range.start);
        object.integer("end", carry.carry.range.end);
        object.number("score", carry.carry.score);
        object.text("figure_before", carry.carry.figureBefore);
        object.text("figure_after", carry.carry.figureAfter);
    });
}

void ProjectFileWriter::verdict(const VerdictRecord& verdict) {
    writeRow(Section::Verdicts, [&](JsonObjectWriter& object) {
        object.text("uuid", verdict.uuid);
        object.text("claim_a", verdict.claimA);
        object.text("claim_b", verdict.claimB);
        object.text("supported", verdict.supported);
        object.text("note", verdict.note);
        object.text("created_at", verdict.createdAt);
    });
}

void ProjectFileWriter::suggestion(const std::string& articleUuid, const Suggestion& suggestion) {
    writeRow(Section::Suggestions, [&](JsonObjectWriter& object) {
        const Figure& f = suggestion.figure;
        object.text("article", articleUuid);
        writeAnchor(object, suggestion.anchor);
        object.number("value", f.value);
        object.number("low", f.low);
        object.number("high", f.high);
        object.integer("approximate", f.approximate ? 1 : 0);
        object.text("unit", f.unit);
        object.text("kind", toString(f.kind));
        object.text("subject", f.subject);
        object.text("source", f.source);
        object.text("time", f.time);
        object.text("state", suggestion.rejected ? "rejected" : "pending");
        object.text("via", f.via);
        writeBase(object, f.base);
    });
}

void ProjectFileWriter::finish() {
    enter(Section::End);
    m_out << "\n}\n";
    m_out.flush();
}

Result<void> readProjectRecords(Project& project, ProjectRecords& records) {
    return db::guarded([&] {
        records.memo(orRefuse(project.projectMemo()));
        records.publishing(orRefuse(project.publishingSettings()));
        for (const Entity& source : orRefuse(project.entities(EntityKind::Source)))
            records.source(source);
        for (const Entity& metric : orRefuse(project.entities(EntityKind::Metric)))
            records.metric(metric);
        const std::vector<Article> articles = orRefuse(project.articles());
        for (const Article& article : articles) {
            ArticleWithText whole{article,
                                  orRefuse(project.articleText(article.id)),
                                  orRefuse(project.articleOriginal(article.id)),
                                  orRefuse(project.articlePages(article.id)),
                                  {},
                                  {}};
            records.article(whole);
        }
        // Claims article by article, in the articles' order: a project merged from this file numbers its
        // articles in that order, and lists their claims the same way.
        for (const Article& article : articles)
            orRefuse(
                project.forEachClaim({article.id}, [&](const ClaimRecord& claim) { records.claim(claim); }));
        std::map<std::int64_t, std::string> articleUuids;
        for (const Article& article : articles)
            articleUuids.emplace(article.id, article.uuid);
        for (const PendingCarry& waiting : orRefuse(project.pendingCarries()))
            records.carry({waiting.claim.uuid, articleUuids.at(waiting.articleId), waiting.carry()});
        for (const VerdictRecord& verdict : orRefuse(project.verdictRecords()))
            records.verdict(verdict);
        for (const Article& article : articles)
            for (const Suggestion& suggestion : orRefuse(project.suggestions(article.id, true)))
                records.suggestion(article.uuid, suggestion);
    });
}

std::string describeMerge(const MergeReport& report) {
    std::string text;
    const std::pair<const char*, const MergeReport::Count*> kinds[] = {
        {"memo", &report.memo},
        {"publishing settings", &report.publishing},
        {"sources", &report.sources},
        {"metrics", &report.metrics},
        {"articles", &report.articles},
        {"claims", &report.claims},
        {"waiting claims", &report.carries},
        {"verdicts", &report.verdicts},
        {"suggestions", &report.suggestions}};
    for (const auto& [name, count] : kinds) {
        std::vector<std::string> parts;
        if (count->added)
            parts.push_back(fmt::format("{} added", count->added));
        if (count->identical)
            parts.push_back(fmt::format("{} already the same", count->identical));
        if (count->taken)
            parts.push_back(fmt::format("{} taken from theirs", count->taken));
        if (count->kept)
            parts.push_back(fmt::format("{} ours kept", count->kept));
        if (!parts.empty())
            text += fmt::format("{}: {}\n", name, fmt::join(parts, ", "));
    }
    if (text.empty())
        text = "nothing to merge: the other project is empty\n";
    for (const std::string& note : report.notes)
        text += note + '\n';
    if (!report.conflicts.empty())
        text += fmt::format("{} changed on both sides:\n", report.conflicts.size());
    for (const MergeConflict& conflict : report.conflicts) {
        text += fmt::format("  {}: kept {}\n", conflict.what, conflict.keptTheirs ? "theirs" : "ours");
        for (const auto& [field, ours, theirs] : conflict.differences)
            text += fmt::format("      {}: ours {} · theirs {}\n", field, ours.empty() ? "(none)" : ours,
                                theirs.empty() ? "(none)" : theirs);
    }
    return text;
}

Result<MergeReport> mergeFrom(Project& ours, const std::filesystem::path& other, MergePreference prefer,
                              MergeMode mode) {
    if (lowerExtension(other.string()) == ".claims" || isServerLocation(other.string())) {
        auto theirs = Project::open(other, Project::Access::ReadOnly);
        if (!theirs)
            return theirs.error();
        return ours.mergeProject(
            [&](ProjectRecords& records) { return readProjectRecords(*theirs, records); }, prefer, mode);
    }
    std::ifstream in(other, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io,
                         fmt::format("cannot read {}: {}", other.string(), std::strerror(errno)));
    auto merged = ours.mergeProject([&](ProjectRecords& records) { return readProjectFile(in, records); },
                                    prefer, mode);
    if (!merged)
        return makeError(merged.error().code, fmt::format("{}: {}", other.string(), merged.error().message));
    return merged;
}

Result<void> writeProjectFile(Project& project, std::ostream& out) {
    ProjectFileWriter writer(out);
    auto read = readProjectRecords(project, writer);
    if (!read)
        return read;
    writer.finish();
    if (!out)
        return makeError(ErrorCode::Io, "the project file could not be written");
    return {};
}

}  // namespace claimtrack
