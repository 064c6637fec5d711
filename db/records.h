#pragma once
// Reading and writing the rows behind Article and ClaimRecord, shared by the
// parts of Project.

#include "conflicts/proposals.h"
#include "model.h"
#include "project.h"
#include "sql.h"

#include <map>
#include <memory>
#include <string>

namespace claimtrack::db {

// The project's memo (?1) and one of its settings (?1 its name, ?2 its value), written whether or not
// there was one.
inline constexpr const char* kWriteProjectMemo =
    "INSERT INTO project_memo (id, text) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET text = excluded.text";
inline constexpr const char* kWriteProjectSetting =
    "INSERT INTO project_setting (name, value) VALUES (?1, ?2) "
    "ON CONFLICT (name) DO UPDATE SET value = excluded.value";

// The stored text of an article; refuses an unknown id, naming the project file.
std::string readArticleText(sql::Connection& db, std::int64_t articleId);

// SELECT of every Article column; ?1 filters by id when bound.
extern const char* const kSelectArticles;
Article readArticle(const sql::Statement& row);
// Metadata as stored: valid UTF-8, each field normalised, the date a partial date; refuses what is not.
ArticleMeta validateMeta(ArticleMeta meta);
// Writes an article's row as it was (same UUID and import time; id 0 takes a new one); returns its id.
std::int64_t insertArticleRow(sql::Connection& db, const Article& article, std::string_view text);
// Where a claim waits after a new version (claim_carry): replaces what was there.
void writeCarry(sql::Connection& db, std::int64_t claimId, std::int64_t articleId, const Carry& carry);
// `version` when no article of `lineage` has it yet, else the number after the last one's.
std::int64_t freeVersion(sql::Connection& db, const std::string& lineage, std::int64_t version);
// Writes the file an article came from and where its pages begin.
void writeOriginalAndPages(sql::Connection& db, std::int64_t articleId,
                           const std::optional<ArticleOriginal>& original,
                           const std::vector<std::int64_t>& pageStarts);

// Binds a row id to ?1; 0 binds NULL, which takes a new one.
sql::Statement& bindId(sql::Statement& insert, std::int64_t id);
// Writes a source, metric or tag as it was (id 0 takes a new one), and a verdict.
void insertEntity(sql::Connection& db, EntityKind kind, const Entity& entity);
void insertVerdict(sql::Connection& db, const Verdict& verdict);
// Writes a suggestion; `id` 0 takes a new one.
void insertSuggestion(sql::Connection& db, std::int64_t id, std::int64_t articleId, const Anchor& anchor,
                      const Figure& figure, bool rejected);

// SELECT of every ClaimRecord column, with `where` (may be empty) and ORDER BY `order`.
std::string selectClaims(std::string_view where, std::string_view order = "c.article_id, c.start, c.id");
ClaimRecord readClaim(const sql::Statement& row);

// SELECT of what the cross-check reads of each claim (ClaimFigure's fields, in order), metric by metric in
// id order and each in id order; of one metric (bound as ?1) when `oneMetric`.
std::string selectFigures(bool oneMetric);

// 1 when the quote's figure is hedged ("about 1.4 billion"): the claim's `approximate` column.
std::int64_t isApproximate(const TextQuote& quote);

// What the metric proposals know of every metric: its words, and its latest claims' words and units.
std::vector<MetricProfile> metricProfiles(sql::Connection& db, std::int64_t exceptClaim = 0);
// The claim at `range` of an article's `text` as the metric proposals read it; `figure` is the finder's
// reading of the words when the caller has it, read here otherwise.
ClaimContext claimContextAt(std::string_view text, const CodePointIndex& index, CodePointRange range,
                            const std::string& unit, const Figure* figure = nullptr);

// Writes claims, resolving metric, source and tag names (created on first
// use) and article texts once per batch. Call inside a transaction.
class ClaimWriter {
public:
    explicit ClaimWriter(sql::Connection& db) : m_db(db) {}

    std::int64_t insert(const NewClaim& claim, const ClaimFields& fields, const std::string& now);
    // Puts back a deleted claim exactly as it was: same id (0 takes a new one), UUID, anchor and times;
    // returns its id.
    std::int64_t restore(const ClaimRecord& claim);
    // Changes a claim's fields from `before` (as stored) to `fields`, writing only the columns that change.
    void update(std::int64_t claimId, const ClaimFields& before, const ClaimFields& fields,
                const std::string& now);
    // Puts an existing claim, stored as `current`, back as `claim` was (its anchor, fields and times), in
    // place: the history sees the fields that changed, not a claim deleted and created again. Where only
    // fields differ, only their columns are written, as by update(): undoing a change of status is then a
    // change of status, which a reviewer's role allows.
    void rewrite(const ClaimRecord& current, const ClaimRecord& claim);
    // Anchors a claim on `range` of an article (its own, or another version of it).
    void moveTo(std::int64_t claimId, std::int64_t articleId, CodePointRange range, const std::string& now);
    void remove(std::int64_t claimId);  // with its tags' links and its search entry (cascades, triggers)
    // Deletes the tags no claim has any more: once a transaction, after its updates and deletions; nothing
    // when this writer took no tag off a claim.
    void dropUnusedTags();
    Anchor anchor(std::int64_t articleId, const std::variant<QuoteSelector, CodePointRange>& where);
    std::int64_t metricId(const std::string& name);
    std::int64_t sourceId(const std::string& name);

private:
    void writeFields(sql::Statement& statement, const ClaimFields& fields);  // ?8 to ?16, ?21 to ?24
    void bindRecord(sql::Statement& statement, const ClaimRecord& claim);
    void writeTags(std::int64_t claimId, const std::vector<std::string>& tags);
    // Unlinks the tags not in `tags` and links those that are.
    void replaceTags(std::int64_t claimId, const std::vector<std::string>& tags);
    std::int64_t nameId(std::map<std::string, std::int64_t>& cache, const char* table,
                        const std::string& name);
    const CodePointIndex& articleText(std::int64_t articleId);

    struct LoadedArticle {
        explicit LoadedArticle(std::string t) : text(std::move(t)), index(text) {}
        std::string text;
        CodePointIndex index;  // views `text`; LoadedArticle is never moved (held by unique_ptr)
    };

    sql::Connection& m_db;
    std::map<std::int64_t, std::unique_ptr<LoadedArticle>> m_articles;
    std::map<std::string, std::int64_t> m_metrics, m_sources, m_tags;
    bool m_tagsUnlinked = false;  // a tag may have lost its last claim
};

}  // namespace claimtrack::db
