// Project: bringing another project's rows in (a project file or another project), and the verdicts as
// projects exchange them.
#include "claim_format.h"
#include "guarded.h"
#include "project.h"
#include "project_file.h"
#include "records.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace claimtrack {

using namespace db;
using sql::Statement;
using sql::Transaction;

namespace {

bool isDocumentFormat(std::string_view name) {
    constexpr DocumentFormat kFormats[] = {DocumentFormat::Text, DocumentFormat::Markdown,
                                           DocumentFormat::Html, DocumentFormat::Pdf};
    return std::any_of(std::begin(kFormats), std::end(kFormats), [&](auto f) { return toString(f) == name; });
}

std::string shortUuid(const std::string& uuid) {
    return uuid.substr(0, 8) + "…";
}

// Merges rows handed over one at a time into the project, inside the caller's transaction.
class Merger : public ProjectRecords {
public:
    Merger(sql::Connection& db, MergePreference prefer, MergeReport& report)
        : m_db(db), m_prefer(prefer), m_report(report), m_writer(db) {}

    void memo(const std::string& theirs) override {
        Statement select = m_db.cached("SELECT text FROM project_memo WHERE id = 1");
        const std::string ours = select.step() ? select.text(0) : std::string();
        if (ours.empty() && theirs.empty())
            return;
        std::vector<MergeConflict::Difference> differences;
        const Outcome outcome = mergeText(m_report.memo, "text", ours, theirs, differences);
        if (outcome == Outcome::Conflict)
            conflict("the project memo", differences, prefersTheirs(false));
        if (keepsTheirs(outcome, false)) {
            Statement write = m_db.cached(kWriteProjectMemo);
            write.bind(1, theirs);
            write.run();
        }
    }

    // Each setting as the memo is merged: one side's when the other has none, a conflict when both differ.
    void publishing(const PublishingSettings& theirs) override {
        Statement select = m_db.cached("SELECT name, value FROM project_setting");
        std::map<std::string, std::string> ours;
        while (select.step())
            ours[select.text(0)] = select.text(1);
        if (ours.empty() && theirs == PublishingSettings{})
            return;
        std::vector<MergeConflict::Difference> differences;
        bool changed = false;
        for (const auto& [name, value] :
             {std::pair{"reviewer", &theirs.reviewer}, std::pair{"reviewer_url", &theirs.reviewerUrl}}) {
            MergeReport::Count ignored;  // the settings are counted once, below
            if (!keepsTheirs(mergeText(ignored, name, ours[name], *value, differences), false))
                continue;
            Statement write = m_db.cached(kWriteProjectSetting);
            write.bind(1, name).bind(2, *value);
            write.run();
            changed = true;
        }
        if (!differences.empty())
            conflict("the publishing settings", differences, prefersTheirs(false));
        MergeReport::Count& count = m_report.publishing;
        ++(changed ? count.taken : (differences.empty() ? count.identical : count.kept));
    }

    void source(const Entity& theirs) override { entity(EntityKind::Source, theirs, m_report.sources); }
    void metric(const Entity& theirs) override { entity(EntityKind::Metric, theirs, m_report.metrics); }

    void article(const ArticleWithText& theirs) override {
        const Article& a = theirs.article;
        std::optional<std::int64_t> ours = articleWhere("uuid", a.uuid);
        if (ours && textHash(*ours) != a.sha256) {
            m_report.notes.push_back(fmt::format("article {} {} has another text here: theirs is kept as "
                                                 "an article of its own",
                                                 shortUuid(a.uuid), quotedExcerpt(a.meta.title, 60)));
            ours.reset();
        }
        if (!ours)
            ours = articleWhere("sha256", a.sha256);
        if (!ours) {
            Article added = a;
            added.id = 0;
            added.meta = validateMeta(a.meta);
            if (added.meta.title.empty())
                refuse(ErrorCode::InvalidInput, fmt::format("article {} has no title", a.uuid));
            if (added.format.empty())
                added.format = "text";
            if (!isDocumentFormat(added.format))
                refuse(ErrorCode::InvalidInput,
                       fmt::format("article {}: no format {}", a.uuid, quotedExcerpt(a.format)));
            if (taken("article", a.uuid))
                added.uuid = newUuid();
            if (!added.lineage.empty())
                added.version = versionHere(added, a.version);
            const std::int64_t id = insertArticleRow(m_db, added, theirs.text);
            writeOriginalAndPages(m_db, id, theirs.original, theirs.pageStarts);
            m_articles[a.uuid] = id;
            ++m_report.articles.added;
            return;
        }
        m_articles[a.uuid] = *ours;
        mergeArticleDetails(*ours, theirs);
        joinLineage(*ours, a);
    }

    // Theirs is a version of an article here: it takes its number, or the next free one when another
    // text has it here (both sides added a version 2).
    std::int64_t versionHere(const Article& theirs, std::int64_t version) {
        const std::int64_t here = freeVersion(m_db, theirs.lineage, version);
        if (here != version)
            m_report.notes.push_back(
                fmt::format("article {} {} is version {} there; here another text is, so "
                            "it is version {}",
                            shortUuid(theirs.uuid), quotedExcerpt(theirs.meta.title, 60), version, here));
        return here;
    }

    // An article here with no other version, which has versions there, joins them.
    void joinLineage(std::int64_t ours, const Article& theirs) {
        if (theirs.lineage.empty())
            return;
        Statement select = m_db.cached("SELECT coalesce(lineage, '') FROM article WHERE id = ?1");
        select.bind(1, ours);
        select.step();
        const std::string lineage = select.text(0);
        select.reset();
        if (!lineage.empty()) {
            if (lineage != theirs.lineage)
                m_report.notes.push_back(fmt::format("article {} {} is a version of other articles there "
                                                     "than here: its versions here are kept",
                                                     shortUuid(theirs.uuid),
                                                     quotedExcerpt(theirs.meta.title, 60)));
            return;
        }
        Statement join = m_db.cached("UPDATE article SET lineage = ?2, version = ?3 WHERE id = ?1");
        join.bind(1, ours).bind(2, theirs.lineage).bind(3, versionHere(theirs, theirs.version));
        join.run();
    }

    void carry(const CarryRecord& theirs) override {
        const std::string what = "waiting claim " + theirs.claimUuid;
        const std::int64_t articleId = articleOf(theirs.articleUuid, what);
        Statement select = m_db.cached(
            "SELECT c.id, c.article_id, coalesce(a.lineage, ''), coalesce(t.lineage, ''), t.length, "
            "EXISTS (SELECT 1 FROM claim_carry w WHERE w.claim_id = c.id) FROM claim c "
            "JOIN article a ON a.id = c.article_id JOIN article t ON t.id = ?2 WHERE c.uuid = ?1");
        select.bind(1, theirs.claimUuid).bind(2, articleId);
        if (!select.step()) {
            // Passed over as the same claim as one here, under another UUID: that one's place is kept.
            m_report.notes.push_back(
                fmt::format("{}: the claim is here under another UUID, and does not wait", what));
            return;
        }
        const std::int64_t claimId = select.integer(0);
        const bool settled = select.integer(1) == articleId || select.integer(5) != 0;
        const bool sameLineage = !select.text(2).empty() && select.text(2) == select.text(3);
        const std::int64_t length = select.integer(4);
        select.reset();
        if (settled) {
            ++m_report.carries.identical;  // carried here already, or waiting here already
            return;
        }
        if (!sameLineage)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("{}: its claim is not on a version of article {}", what, theirs.articleUuid));
        if (theirs.carry.kind == CarryKind::FigureChanged && theirs.carry.range.end > length)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("{}: the words proposed for it are past the end of article {}", what,
                               theirs.articleUuid));
        writeCarry(m_db, claimId, articleId, theirs.carry);
        ++m_report.carries.added;
    }

    void claim(const ClaimRecord& theirs) override {
        ClaimRecord incoming = theirs;
        incoming.articleId = articleOf(theirs.articleUuid, "claim " + theirs.uuid);
        incoming.anchor = checkedAnchor(incoming.articleId, theirs.anchor, "claim " + theirs.uuid);
        auto fields = validateClaimFields(theirs.fields);
        if (!fields)
            refuse(ErrorCode::InvalidInput, fmt::format("claim {}: {}", theirs.uuid, fields.error().message));
        incoming.fields = canonical(*fields);
        incoming.id = 0;

        Statement select = m_db.cached(selectClaims("c.uuid = ?1"));
        select.bind(1, theirs.uuid);
        if (!select.step()) {
            if (sameClaimOnSameWords(incoming)) {
                ++m_report.claims.identical;
                return;
            }
            m_writer.restore(incoming);
            ++m_report.claims.added;
            return;
        }
        ClaimRecord ours = readClaim(select);
        ours.fields = canonical(ours.fields);
        const auto differences = claimDifferences(ours, incoming);
        if (differences.empty()) {
            ++m_report.claims.identical;
            return;
        }
        // Without their common ancestor, a claim never edited since it was recorded is taken to be the one
        // that did not change.
        const bool oursEdited = ours.updatedAt != ours.createdAt;
        const bool theirsEdited = incoming.updatedAt != incoming.createdAt;
        bool takeTheirs;
        if (oursEdited != theirsEdited) {
            takeTheirs = theirsEdited;
        } else {
            takeTheirs = prefersTheirs(incoming.updatedAt > ours.updatedAt);
            conflict(fmt::format("claim {} {} in {}", shortUuid(ours.uuid),
                                 quotedExcerpt(ours.anchor.quote.exact, 60),
                                 quotedExcerpt(ours.articleTitle, 60)),
                     differences, takeTheirs);
        }
        if (!takeTheirs) {
            ++m_report.claims.kept;
            return;
        }
        m_writer.remove(ours.id);
        incoming.id = ours.id;
        m_writer.restore(incoming);
        ++m_report.claims.taken;
    }

    void verdict(const VerdictRecord& theirs) override {
        const std::string what = "verdict " + theirs.uuid;
        Verdict incoming{0,
                         theirs.uuid,
                         claimId(theirs.claimA, what),
                         claimId(theirs.claimB, what),
                         std::nullopt,
                         theirs.note,
                         theirs.createdAt};
        if (!theirs.supported.empty())
            incoming.supported = theirs.supported == theirs.claimA ? incoming.claimA : incoming.claimB;
        if (incoming.claimA > incoming.claimB)
            std::swap(incoming.claimA, incoming.claimB);
        if (incoming.claimA == incoming.claimB)
            refuse(ErrorCode::InvalidInput, fmt::format("{}: its two claims are one", what));

        Statement select =
            m_db.cached("SELECT id, uuid, supported, coalesce(note, ''), created_at FROM verdict "
                        "WHERE claim_a = ?1 AND claim_b = ?2");
        select.bind(1, incoming.claimA).bind(2, incoming.claimB);
        if (!select.step()) {
            if (taken("verdict", incoming.uuid))
                incoming.uuid = newUuid();
            insertVerdict(m_db, incoming);
            ++m_report.verdicts.added;
            return;
        }
        const std::optional<double> supported = select.number(2);
        const std::optional<std::int64_t> oursSupported =
            supported ? std::optional<std::int64_t>(static_cast<std::int64_t>(*supported)) : std::nullopt;
        std::vector<MergeConflict::Difference> differences;
        if (oursSupported != incoming.supported)
            differences.push_back(
                {"supported", supportedText(oursSupported), supportedText(incoming.supported)});
        if (select.text(3) != incoming.note)
            differences.push_back({"note", select.text(3), incoming.note});
        if (differences.empty()) {
            ++m_report.verdicts.identical;
            return;
        }
        const bool takeTheirs = prefersTheirs(incoming.createdAt > select.text(4));
        conflict(fmt::format("verdict {} on claims {} and {}", shortUuid(select.text(1)), theirs.claimA,
                             theirs.claimB),
                 differences, takeTheirs);
        if (!takeTheirs) {
            ++m_report.verdicts.kept;
            return;
        }
        incoming.id = select.integer(0);
        incoming.uuid = select.text(1);
        Statement remove = m_db.cached("DELETE FROM verdict WHERE id = ?1");
        remove.bind(1, incoming.id);
        remove.run();
        insertVerdict(m_db, incoming);
        ++m_report.verdicts.taken;
    }

    void suggestion(const std::string& articleUuid, const Suggestion& theirs) override {
        const std::string what = "suggestion " + quotedExcerpt(theirs.anchor.quote.exact);
        const std::int64_t articleId = articleOf(articleUuid, what);
        const Anchor anchor = checkedAnchor(articleId, theirs.anchor, what);
        // Words a claim here holds were accepted (or recorded) here: the suggestion is done with.
        Statement claimed =
            m_db.cached("SELECT 1 FROM claim WHERE article_id = ?1 AND start = ?2 AND \"end\" = ?3");
        claimed.bind(1, articleId).bind(2, anchor.range.start).bind(3, anchor.range.end);
        if (claimed.step()) {
            ++m_report.suggestions.identical;
            return;
        }
        Statement select = m_db.cached(
            "SELECT id, state FROM suggestion WHERE article_id = ?1 AND start = ?2 AND \"end\" = ?3");
        select.bind(1, articleId).bind(2, anchor.range.start).bind(3, anchor.range.end);
        if (!select.step()) {
            insertSuggestion(m_db, 0, articleId, anchor, theirs.figure, theirs.rejected);
            ++m_report.suggestions.added;
            return;
        }
        // The finder's reading of the same words is the same finder's; what the researcher decided is not:
        // a suggestion rejected on either side stays rejected.
        if (select.text(1) == "rejected" || !theirs.rejected) {
            ++m_report.suggestions.identical;
            return;
        }
        Statement reject = m_db.cached("UPDATE suggestion SET state = 'rejected' WHERE id = ?1");
        reject.bind(1, select.integer(0));
        reject.run();
        ++m_report.suggestions.taken;
    }

    // Once every row is in: the tags no claim has any more, once claims taken from theirs dropped them.
    void finish() { m_writer.dropUnusedTags(); }

private:
    enum class Outcome { Same, FilledFromTheirs, Conflict };

    bool prefersTheirs(bool theirsIsNewer) const {
        return m_prefer == MergePreference::Theirs || (m_prefer == MergePreference::Newer && theirsIsNewer);
    }
    // Whether a detail's outcome keeps their value; `theirsIsNewer` decides for --prefer newer.
    bool keepsTheirs(Outcome outcome, bool theirsIsNewer) const {
        return outcome == Outcome::FilledFromTheirs ||
               (outcome == Outcome::Conflict && prefersTheirs(theirsIsNewer));
    }

    // One detail both sides may have: the same, empty here (theirs fills it), or set differently on each.
    Outcome mergeText(MergeReport::Count& count, std::string field, const std::string& ours,
                      const std::string& theirs, std::vector<MergeConflict::Difference>& differences) {
        if (ours == theirs || theirs.empty()) {
            ++(ours == theirs ? count.identical : count.kept);
            return Outcome::Same;
        }
        if (ours.empty()) {
            ++count.taken;
            return Outcome::FilledFromTheirs;
        }
        differences.push_back({std::move(field), ours, theirs});
        ++(prefersTheirs(false) ? count.taken : count.kept);
        return Outcome::Conflict;
    }

    void conflict(std::string what, std::vector<MergeConflict::Difference> differences, bool keptTheirs) {
        m_report.conflicts.push_back({std::move(what), std::move(differences), keptTheirs});
    }

    // Sources and metrics with the same name are one: its empty details are filled from theirs.
    void entity(EntityKind kind, const Entity& theirs, MergeReport::Count& count) {
        const char* table = kind == EntityKind::Source ? "source" : "metric";
        Statement select = m_db.cached(fmt::format("SELECT id FROM {} WHERE name = ?1", table));
        select.bind(1, normalizeField(theirs.name));
        if (!select.step()) {
            Entity added = theirs;
            added.id = 0;
            added.name = normalizeField(theirs.name);
            if (added.name.empty())
                refuse(ErrorCode::InvalidInput, fmt::format("a {} without a name", table));
            if (taken(table, added.uuid))
                added.uuid = newUuid();
            insertEntity(m_db, kind, added);
            ++count.added;
            return;
        }
        const std::int64_t id = select.integer(0);
        Statement read = m_db.cached(
            fmt::format("SELECT name, {} FROM {} WHERE id = ?1",
                        kind == EntityKind::Source
                            ? "coalesce(kind, ''), coalesce(note, '')"
                            : "coalesce(description, ''), coalesce(unit_kind, ''), coalesce(place, ''), "
                              "coalesce(population, ''), coalesce(CAST(tolerance AS TEXT), ''), "
                              "coalesce(fact_check_url, ''), coalesce(reviewed, '')",
                        table));
        read.bind(1, id);
        read.step();
        const std::vector<std::pair<const char*, std::string>> details =
            kind == EntityKind::Source
                ? std::vector<std::pair<const char*, std::string>>{{"kind", theirs.kind},
                                                                   {"note", theirs.note}}
                : std::vector<std::pair<const char*, std::string>>{
                      {"description", theirs.metric.description},
                      {"unit_kind", theirs.metric.kind ? std::string(toString(*theirs.metric.kind)) : ""},
                      {"place", theirs.metric.place},
                      {"population", theirs.metric.population},
                      {"tolerance",
                       theirs.metric.tolerance ? fmt::format("{}", *theirs.metric.tolerance) : ""},
                      {"fact_check_url", theirs.metric.factCheckUrl},
                      {"reviewed", theirs.metric.reviewed}};
        MergeReport::Count ignored;  // the entity is counted once, below, not per detail
        std::vector<MergeConflict::Difference> differences;
        std::vector<std::pair<const char*, std::string>> changes;
        for (std::size_t i = 0; i < details.size(); ++i) {
            std::string ours = read.text(static_cast<int>(i) + 1);
            if (details[i].first == std::string_view("tolerance") && !ours.empty())
                ours = fmt::format("{}", std::stod(ours));
            const Outcome outcome =
                mergeText(ignored, details[i].first, ours, details[i].second, differences);
            if (keepsTheirs(outcome, false))
                changes.push_back(details[i]);
        }
        if (!differences.empty())
            conflict(fmt::format("{} {}", table, quotedExcerpt(read.text(0), 60)), differences,
                     prefersTheirs(false));
        for (const auto& [column, value] : changes) {
            Statement update = m_db.cached(fmt::format("UPDATE {} SET {} = ?2 WHERE id = ?1", table, column));
            update.bind(1, id);
            if (column == std::string_view("tolerance"))
                update.bind(2, std::optional<double>(std::stod(value)));
            else
                update.bind(2, value);
            update.run();
        }
        ++(changes.empty() ? (differences.empty() ? count.identical : count.kept) : count.taken);
    }

    void mergeArticleDetails(std::int64_t id, const ArticleWithText& theirs) {
        Statement select = m_db.cached(
            "SELECT title, coalesce(author, ''), coalesce(publisher, ''), coalesce(url, ''), "
            "coalesce(published, ''), coalesce(memo, ''), "
            "(SELECT count(*) FROM article_original WHERE article_id = a.id) FROM article a WHERE id = ?1");
        select.bind(1, id);
        select.step();
        const ArticleMeta& meta = theirs.article.meta;
        const std::pair<const char*, const std::string*> details[] = {
            {"title", &meta.title}, {"author", &meta.author},       {"publisher", &meta.publisher},
            {"url", &meta.url},     {"published", &meta.published}, {"memo", &theirs.article.memo}};
        MergeReport::Count ignored;
        std::vector<MergeConflict::Difference> differences;
        bool changed = false;
        for (int i = 0; i < 6; ++i) {
            const auto [column, value] = details[i];
            const Outcome outcome = mergeText(ignored, column, select.text(i), *value, differences);
            if (!keepsTheirs(outcome, false))
                continue;
            Statement update = m_db.cached(fmt::format("UPDATE article SET {} = ?2 WHERE id = ?1", column));
            update.bind(1, id).bind(2, *value);
            update.run();
            changed = true;
        }
        if (select.integer(6) == 0 && theirs.original) {
            writeOriginalAndPages(m_db, id, theirs.original, {});
            changed = true;
        }
        if (!differences.empty())
            conflict(fmt::format("article {}", quotedExcerpt(select.text(0), 60)), differences,
                     prefersTheirs(false));
        ++(changed ? m_report.articles.taken
                   : (differences.empty() ? m_report.articles.identical : m_report.articles.kept));
    }

    std::optional<std::int64_t> articleWhere(const char* column, const std::string& value) {
        Statement select = m_db.cached(fmt::format("SELECT id FROM article WHERE {} = ?1", column));
        select.bind(1, value);
        return select.step() ? std::optional(select.integer(0)) : std::nullopt;
    }
    std::string textHash(std::int64_t articleId) {
        Statement select = m_db.cached("SELECT sha256 FROM article WHERE id = ?1");
        select.bind(1, articleId);
        select.step();
        return select.text(0);
    }
    bool taken(const char* table, const std::string& uuid) {
        Statement select = m_db.cached(fmt::format("SELECT 1 FROM {} WHERE uuid = ?1", table));
        select.bind(1, uuid);
        return select.step();
    }

    std::int64_t articleOf(const std::string& uuid, const std::string& what) const {
        const auto found = m_articles.find(uuid);
        if (found == m_articles.end())
            refuse(ErrorCode::InvalidInput,
                   fmt::format("{}: its article {} does not come before it in the file", what, uuid));
        return found->second;
    }
    std::int64_t claimId(const std::string& uuid, const std::string& what) {
        Statement select = m_db.cached("SELECT id FROM claim WHERE uuid = ?1");
        select.bind(1, uuid);
        if (!select.step())
            refuse(ErrorCode::InvalidInput, fmt::format("{}: its claim {} is not in the file", what, uuid));
        return select.integer(0);
    }

    // The anchor as this project's text gives it, once the words there are the ones it quotes.
    Anchor checkedAnchor(std::int64_t articleId, const Anchor& theirs, const std::string& what) {
        if (m_textId != articleId) {
            m_index.reset();
            m_text = readArticleText(m_db, articleId);
            m_index = std::make_unique<CodePointIndex>(m_text);
            m_textId = articleId;
        }
        auto anchor = anchorAt(*m_index, theirs.range);
        if (!anchor || anchor->quote.exact != theirs.quote.exact)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("{}: its words {} are not the article's at {}–{}", what,
                               quotedExcerpt(theirs.quote.exact), theirs.range.start, theirs.range.end));
        return *anchor;
    }

    // The fields as this project names them: its own spelling of a metric or source of the same name, tags
    // in order.
    ClaimFields canonical(ClaimFields fields) {
        fields.metric = ownName("metric", fields.metric);
        fields.source = ownName("source", fields.source);
        for (std::string& name : fields.via)
            name = ownName("source", name);
        for (std::string& tag : fields.tags)
            tag = ownName("tag", tag);
        std::sort(fields.tags.begin(), fields.tags.end());
        return fields;
    }
    std::string ownName(const char* table, const std::string& name) {
        if (name.empty())
            return name;
        Statement select = m_db.cached(fmt::format("SELECT name FROM {} WHERE name = ?1", table));
        select.bind(1, name);
        return select.step() ? select.text(0) : name;
    }

    bool sameClaimOnSameWords(const ClaimRecord& incoming) {
        Statement select = m_db.cached(selectClaims("c.article_id = ?1 AND c.start = ?2 AND c.\"end\" = ?3"));
        select.bind(1, incoming.articleId)
            .bind(2, incoming.anchor.range.start)
            .bind(3, incoming.anchor.range.end);
        while (select.step())
            if (canonical(readClaim(select).fields) == incoming.fields)
                return true;
        return false;
    }

    static std::vector<MergeConflict::Difference> claimDifferences(const ClaimRecord& ours,
                                                                   const ClaimRecord& theirs) {
        std::vector<MergeConflict::Difference> differences;
        const auto differ = [&](const char* field, const std::string& a, const std::string& b) {
            if (a != b)
                differences.push_back({field, a, b});
        };
        const auto words = [](const ClaimRecord& c) {
            return fmt::format("{} at {}–{} of article {}", quotedExcerpt(c.anchor.quote.exact, 60),
                               c.anchor.range.start, c.anchor.range.end, c.articleId);
        };
        const ClaimFields& a = ours.fields;
        const ClaimFields& b = theirs.fields;
        differ("words", words(ours), words(theirs));
        if (a.value != b.value || a.low != b.low || a.high != b.high)
            differences.push_back({"figure", describeFigure(a), describeFigure(b)});
        differ("unit", a.unit, b.unit);
        differ("metric", a.metric, b.metric);
        differ("source", a.source, b.source);
        differ("via", joinTags(a.via), joinTags(b.via));
        differ("base", a.base.of, b.base.of);
        differ("sample_size", a.base.sampleSize ? std::to_string(*a.base.sampleSize) : "",
               b.base.sampleSize ? std::to_string(*b.base.sampleSize) : "");
        differ("fieldwork", a.base.fieldwork, b.base.fieldwork);
        differ("as_of", a.asOf, b.asOf);
        differ("status", std::string(toString(a.status)), std::string(toString(b.status)));
        differ("tags", joinTags(a.tags), joinTags(b.tags));
        differ("note", a.note, b.note);
        if (!differences.empty())
            differences.push_back({"updated", ours.updatedAt, theirs.updatedAt});
        return differences;
    }

    std::string supportedText(const std::optional<std::int64_t>& supported) {
        if (!supported)
            return "both stand";
        Statement select = m_db.cached("SELECT uuid FROM claim WHERE id = ?1");
        select.bind(1, *supported);
        return select.step() ? "claim " + select.text(0) : "a deleted claim";
    }

    sql::Connection& m_db;
    MergePreference m_prefer;
    MergeReport& m_report;
    ClaimWriter m_writer;
    std::map<std::string, std::int64_t> m_articles;  // their article UUID: the article here
    std::int64_t m_textId = 0;                       // the article whose text m_index holds
    std::string m_text;
    std::unique_ptr<CodePointIndex> m_index;
};

}  // namespace

Result<std::vector<VerdictRecord>> Project::verdictRecords() {
    // Its claims by UUID, not by row id: a project merged from the file numbers them in the file's order.
    return guarded([&] {
        Statement select(*m_db, R"sql(
            SELECT v.uuid, CASE WHEN a.uuid < b.uuid THEN a.uuid ELSE b.uuid END,
                   CASE WHEN a.uuid < b.uuid THEN b.uuid ELSE a.uuid END,
                   CASE v.supported WHEN a.id THEN a.uuid WHEN b.id THEN b.uuid END,
                   coalesce(v.note, ''), v.created_at
            FROM verdict v JOIN claim a ON a.id = v.claim_a JOIN claim b ON b.id = v.claim_b
            ORDER BY v.created_at, v.uuid)sql");
        std::vector<VerdictRecord> verdicts;
        while (select.step())
            verdicts.push_back({select.text(0), select.text(1), select.text(2), select.text(3),
                                select.text(4), select.text(5)});
        return verdicts;
    });
}

Result<MergeReport> Project::mergeProject(const std::function<Result<void>(ProjectRecords&)>& readTheirs,
                                          MergePreference prefer, MergeMode mode) {
    return guarded([&] {
        MergeReport report;
        Transaction transaction(*m_db);
        {
            Merger merger(*m_db, prefer, report);
            orRefuse(readTheirs(merger));
            merger.finish();
        }
        if (mode == MergeMode::Apply)
            transaction.commit();  // a preview's transaction rolls back as it goes out of scope
        return report;
    });
}

}  // namespace claimtrack
