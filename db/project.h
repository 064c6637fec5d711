#pragma once
// A Claimtrack project: one SQLite file holding articles, their claims, and
// the sources, metrics and tags the claims share. Every public function that
// writes is one transaction; on any error the file is exactly as before.

#include "annotation.h"
#include "conflicts/conflicts.h"
#include "conflicts/proposals.h"
#include "figures.h"
#include "history.h"
#include "importers/document.h"
#include "importers/qdpx.h"
#include "importers/references.h"
#include "model.h"
#include "result.h"
#include "versions/carry.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <variant>
#include <vector>

namespace claimtrack::sql {
class Connection;
}

namespace claimtrack {

class ProjectRecords;  // db/project_file.h

struct QuoteSelector {
    std::string text;
    int occurrence = 1;
};

// A claim to record: where it is (a quote to find, or code point offsets) and its fields.
struct NewClaim {
    std::int64_t articleId = 0;
    std::variant<QuoteSelector, CodePointRange> where;
    ClaimFields fields;
};

// New fields for a recorded claim.
struct ClaimUpdate {
    std::int64_t id = 0;
    ClaimFields fields;
    // The claim's version (Project::claimVersion) when the fields were read: if it changed since, the update
    // is refused (ErrorCode::Stale) with who changed what, rather than overwriting their change. 0:
    // unchecked.
    std::int64_t basedOn = 0;
};

// A claim of an earlier version that was not carried to the latest: it stays on its version until the
// researcher keeps it there, moves it (figure changed) or rejects the move.
struct PendingCarry {
    ClaimRecord claim;
    std::int64_t articleId = 0;            // the version it was not carried to
    CarryKind kind = CarryKind::Orphaned;  // FigureChanged or Orphaned
    CodePointRange range;                  // FigureChanged: the words standing for the claim's there
    std::string words;                     // those words
    double score = 0;
    std::string figureBefore, figureAfter;

    // How it stands in that version, as claim_carry holds it.
    Carry carry() const { return {kind, range, score, figureBefore, figureAfter}; }
};

// An article imported as a newer version of one in the project, and what became of the claims of the
// version before it.
struct VersionAdded {
    std::int64_t previousId = 0;  // the version it follows
    std::int64_t version = 2;
    std::size_t carried = 0, figureChanged = 0, orphaned = 0;
    // What carrying changed, so that the import can be taken back (undone): the claims it moved, as they
    // were, and the claims that waited on the versions before, as they waited.
    std::vector<ClaimRecord> movedBefore;
    std::vector<PendingCarry> waitingBefore;
};

struct ImportedArticle {
    std::int64_t id = 0;
    std::string title;
    bool alreadyPresent = false;          // the same text was imported before; nothing was written
    std::string guessedEncoding;          // the encoding its text was read in, when that was a guess
    std::optional<VersionAdded> version;  // when it is a newer version of an article
};

enum class CarryDecision {
    Keep,    // the claim stays on its version, as it was
    Move,    // figure changed: the claim moves to the words in the newer version, with their figure
    Reject,  // those words are not the claim's: it stays on its version, orphaned
};

// One article to import: its name for messages, its metadata, and a function
// that reads its bytes when its turn comes (so a large import holds one at a time).
struct ArticleSource {
    std::string name;
    ArticleMeta meta;  // given by the user: overrides what the file says of itself
    std::function<Result<std::string>()> read;
    // Where the file is; when set and keepBytes is false, the project keeps this path and the file's
    // hash instead of a copy of its bytes.
    std::string path;
    bool keepBytes = true;
    // The article this is a newer version of; 0 takes the article with the same URL, when there is one.
    std::int64_t newVersionOf = 0;
};

// Told, in order, what became of each source once that is final: the article
// (committed), or why it was not imported.
using ImportReport = std::function<void(const ArticleSource&, const Result<ImportedArticle>&)>;

// What importing a QDA project did.
struct QdaImported {
    std::size_t articles = 0, articlesPresent = 0;  // added; already in the project with the same text
    std::size_t claims = 0, claimsPresent = 0;      // added; already recorded on the same words
};

// What importing W3C Web Annotations did.
struct AnnotationsImported {
    std::size_t claims = 0, claimsPresent = 0;  // added; already recorded on the same words
    std::vector<std::string> unplaced;          // "annotation …: why", for each that could not be placed
};

// What importing a reference manager's references did.
struct ReferencesImported {
    std::size_t filled = 0;              // articles whose empty details it filled
    std::size_t unchanged = 0;           // articles it matched that had every detail it gives
    std::size_t added = 0;               // attachments added as articles
    std::vector<std::string> unmatched;  // "reference "…": why", for each that did neither
};

// Who publishes the project's fact-checks: the author of its ClaimReviews. Both empty until set.
struct PublishingSettings {
    std::string reviewer;     // an organisation's (or a person's) name: "Claimtrack Review Desk"
    std::string reviewerUrl;  // its web address
    bool operator==(const PublishingSettings&) const = default;
};

// A verdict as projects exchange it: its claims named by UUID.
struct VerdictRecord {
    std::string uuid;
    std::string claimA, claimB;  // claim UUIDs
    std::string supported;       // claimA or claimB; empty: both stand
    std::string note;
    std::string createdAt;
    bool operator==(const VerdictRecord&) const = default;
};

// Whose version a merge keeps where both projects changed the same thing.
enum class MergePreference { Ours, Theirs, Newer };
// Whether a merge is kept, or only says what it would do (its transaction rolled back).
enum class MergeMode { Apply, Preview };

// Something both projects have, changed on both sides: what it is, how the two differ, which was kept.
struct MergeConflict {
    std::string what;  // "claim 3f2a… "more than 200 million" in "Cameras everywhere""
    struct Difference {
        std::string field, ours, theirs;
    };
    std::vector<Difference> differences;
    bool keptTheirs = false;
};

// What merging another project in did, per kind of row.
struct MergeReport {
    struct Count {
        std::size_t added = 0;      // new here
        std::size_t identical = 0;  // here already, the same: passed over
        std::size_t taken = 0;      // here already; theirs was kept (changed there only, or preferred)
        std::size_t kept = 0;       // here already; ours was kept (changed here only, or preferred)
    };
    Count articles, sources, metrics, claims, carries, verdicts, suggestions, memo, publishing;
    std::vector<MergeConflict> conflicts;  // changed on both sides
    std::vector<std::string> notes;        // rows kept apart, and why ("same UUID, other text: added anew")
};

// A figure the finder proposed, waiting for the researcher.
struct Suggestion {
    std::int64_t id = 0;
    std::int64_t articleId = 0;
    Anchor anchor;
    Figure figure;  // the figure as found: value, bounds, unit, kind, subject, source, time
    bool rejected = false;
};

// An article as deleted: everything needed to put it back.
struct ArticleWithText {
    Article article;
    std::string text;
    std::optional<ArticleOriginal> original;
    std::vector<std::int64_t> pageStarts;
    std::vector<ClaimRecord> claims;
    std::vector<Suggestion> suggestions;  // pending and rejected
};

struct ClaimFilter {
    std::optional<std::int64_t> articleId;
};

// What the figure finder reads in some words of an article, as a claim.
struct ClaimReading {
    bool found = false;    // the words hold a figure
    CodePointRange range;  // the figure's words with the selection's (its qualifier and unit included)
    ClaimFields fields;    // value, bounds, unit, source, as-of; the metric when the proposals are sure
    std::vector<MetricProposal> proposals;  // the metrics it most likely measures, best first
};

// What `detect` did for one article.
struct DetectedFigures {
    std::int64_t articleId = 0;
    std::vector<std::int64_t> suggestionIds;  // the suggestions stored
    int suggested = 0;                        // new suggestions stored
    int accepted = 0;                         // recorded as claims at once (accept all)
    int alreadyClaimed = 0;                   // figures on words a claim already holds
    int alreadySuggested = 0;                 // figures suggested (or rejected) before
};

enum class EntityKind { Source, Metric, Tag };
// "source", "metric", "tag": for messages.
const char* entityNoun(EntityKind kind);

// What a metric measures, beyond its name, and how strictly its figures are compared.
struct MetricDetails {
    std::optional<UnitKind> kind;  // unset: the kind most of its claims are counted in
    std::string place;             // "China"
    std::string population;        // "adult Uighurs in Xinjiang"
    std::string description;
    std::optional<double> tolerance;  // how far an approximate figure reaches, as a fraction; unset: 5%
    // Where the fact-check of its claims is published (http or https), and the day it was (YYYY-MM-DD):
    // what a ClaimReview of one of its claims needs besides the claim.
    std::string factCheckUrl;
    std::string reviewed;
    bool operator==(const MetricDetails&) const = default;
};

// A source or a metric, with how many claims use it.
struct Entity {
    std::int64_t id = 0;
    std::string uuid;
    std::string name;
    std::string kind;  // a source's kind (person, organisation, publication, report); empty for metrics
    std::string note;  // a source's note, a metric's description
    std::int64_t claimCount = 0;
    MetricDetails metric;  // a metric's details (its description again); empty for sources
};

// What merging or deleting a source, metric or tag took away, for putting it back.
struct EntityRemoval {
    Entity entity;                        // as it was
    std::int64_t mergedInto = 0;          // the entity its claims went to, when it was merged
    std::vector<std::int64_t> claimIds;   // the claims that had it, by id
    std::vector<std::int64_t> hadTarget;  // a tag merged: those of its claims that had the other tag too
};

// One side of a conflict: the claim that stands for a figure, and every claim repeating it.
struct ConflictSide {
    ClaimRecord claim;
    // claim.id first. One list for every conflict the figure is in: a figure told in a thousand places and
    // in conflict with nine others would otherwise be ten copies (72 MB of a million claims' report).
    std::shared_ptr<const std::vector<std::int64_t>> claimIds;
    std::string figure;  // "about 1.4 billion", on the metric's common scale
    bool holds(std::int64_t claimId) const;
};

// The researcher's judgement of a conflict, kept with one claim of each side.
struct Verdict {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t claimA = 0;  // claimA < claimB
    std::int64_t claimB = 0;
    std::optional<std::int64_t> supported;  // claimA or claimB; unset: both stand (different definitions)
    std::string note;
    std::string createdAt;
};

enum class VerdictChoice { LowerSupported, HigherSupported, BothStand };

struct ConflictRow {
    std::int64_t metricId = 0;
    std::string metric;
    ConflictSide lower;
    ConflictSide higher;
    std::optional<double> gap;  // 0.39: the higher figure is 39% above the lower
    bool undated = false;       // one side has no as-of date and was compared with every period
    std::string explanation;    // "626 million is 39% above 450 million"
    std::optional<Verdict> verdict;
    std::optional<VerdictChoice> choice() const;
    // Whether claim `a` is on one side and claim `b` on the other, either way round.
    bool joins(std::int64_t a, std::int64_t b) const;
};

struct MetricSummary {
    Entity metric;
    std::string scale;  // what its figures were compared in: "a count", "percent"
    std::size_t conflicts = 0;
    std::vector<SetAside> setAside;  // claims with figures that could not be compared, and why
};

struct ConflictReport {
    std::vector<ConflictRow> conflicts;  // largest gap first
    // Figures that would conflict but are percentages of different bases, not compared; the explanation
    // says so ("62% of adults online and 80% of respondents are not compared: ...").
    std::vector<ConflictRow> unlikeBases;
    std::vector<MetricSummary> metrics;  // by name
    // The conflict with claim `a` on one side and claim `b` on the other, either way round.
    const ConflictRow* between(std::int64_t a, std::int64_t b) const;
};

// One claim of a metric as the cross-check saw it.
struct ComparedClaim {
    ClaimRecord claim;
    std::optional<Interval> stated;  // as written, on the metric's common scale; unset: set aside
    Interval compared;               // widened by the metric's tolerance where approximate
    Period period;                   // undated: year 0
    std::size_t group = 0;           // claims with the same group repeat one figure
    std::string figure;              // "about 1.4 billion"
    std::string setAside;            // why it was not compared
};

// Everything the compare view shows of one metric.
struct MetricComparison {
    MetricSummary summary;
    std::vector<ComparedClaim> claims;   // by period (undated first), then by figure
    std::vector<ConflictRow> conflicts;  // largest gap first
    std::vector<ConflictRow> unlikeBases;
};

// What recordVerdict changed, for undoVerdict.
struct VerdictChange {
    Verdict verdict;
    std::optional<Verdict> replaced;
    struct Status {
        std::int64_t claimId;
        ClaimStatus status;
        std::string updatedAt;
    };
    std::vector<Status> before;
    std::vector<Status> after;
};

// The columns the claim table sorts by.
enum class ClaimColumn {
    Article,
    Quote,
    Value,
    Low,
    High,
    Unit,
    Metric,
    Source,
    AsOf,
    Status,
    Tags,
    Note,
    Updated
};

// An article found by a search, with the passage that matched.
struct SearchHit {
    std::int64_t articleId = 0;
    std::string title;
    std::string publisher;
    std::string published;
    // The matched words between kMatchStart and kMatchEnd; a claim's words when only a claim matched.
    std::string snippet;
    bool inClaims = false;               // matched in its claims' fields (quote, note, metric, source, tags)
    bool inText = false;                 // matched in its title or text
    double score = 0;                    // lower is better (SQLite's bm25)
    std::vector<std::int64_t> claimIds;  // its claims that matched by their own fields, best first
};
inline constexpr char kMatchStart = '\x02';
inline constexpr char kMatchEnd = '\x03';

// Text with its matches marked, taken apart: the text, and where the matches are in it (code points).
struct MarkedText {
    std::string text;
    std::vector<CodePointRange> matches;
};
MarkedText splitMarks(std::string_view marked);

// Which claims, in which order: for tables that read rows lazily by id.
struct ClaimQuery {
    std::optional<std::int64_t> articleId;
    std::optional<std::int64_t> sourceId;
    std::optional<std::int64_t> metricId;
    std::optional<std::int64_t> tagId;
    std::string text;  // case-insensitive substring of quote, metric, source, a tag or note
    ClaimColumn sortBy = ClaimColumn::Article;
    bool descending = false;
};

// Whether `location` names a project on a PostgreSQL server (a postgresql:// or postgres:// URI) rather
// than a project file.
bool isServerLocation(std::string_view location);
// How a project at `location` is named to people: a file by its path as given, a server by its address
// without a password.
std::string displayedLocation(const std::string& location);

class Project {
public:
    enum class Access { ReadOnly, ReadWrite };
    static constexpr int kDefaultBusyTimeoutMs = 5000;

    // A project is a file (an SQLite database) or, given a postgresql:// URI, a database on a PostgreSQL
    // server (the schema its connection works in: libpq's search_path), which libpq's environment
    // variables and service files may complete.
    //
    // Creates a new, empty project; refuses a file that exists, or a database that holds tables.
    static Result<Project> create(const std::filesystem::path& path);
    // Opens an existing project, upgrading a file's schema when opened for writing.
    static Result<Project> open(const std::filesystem::path& path, Access access = Access::ReadWrite,
                                int busyTimeoutMs = kDefaultBusyTimeoutMs);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    // The project's file, or its server's address without a password: what messages name it by.
    const std::filesystem::path& path() const;
    // Whether the project holds no transaction and no statement open between calls. Every public
    // call leaves it so: an open read would pin an old snapshot, hide other programs' writes and
    // keep the write-ahead log from being checkpointed.
    bool connectionIsIdle() const;
    // A number that changes whenever another connection (another program, a colleague) commits a change
    // to the project: SQLite's data version for a file, the count of the server's notices from others
    // for a server. Cheap to ask often; the project's own writes leave it as it is.
    Result<std::int64_t> dataVersion();
    // A project on a server whose connection was lost (the server restarted, the network failed) connects
    // again, as it was (postgres::Connection::reconnectIfLost); a file's never needs to. Whether it did; an
    // error (Io) while the server cannot be reached.
    Result<bool> reconnectIfLost();

    // Imports the raw bytes of a text file as an article; `what` names the
    // file in error messages. An empty title becomes the text's first line.
    Result<ImportedArticle> importArticle(std::string_view bytes, ArticleMeta meta, std::string_view what);

    // Imports many articles. Each lands whole or not at all, and a bad one does
    // not stop the others. Commits come in groups (kImportGroupSize articles or
    // kImportGroupTime, whichever is first) so a large import does not pay one
    // commit per file; an article is reported only once its group is committed.
    // Fails only when the project itself cannot be written; the group being
    // written then is not reported, and the import stops.
    Result<void> importArticles(std::span<const ArticleSource> sources, const ImportReport& report);
    static constexpr std::size_t kImportGroupSize = 500;
    static constexpr std::chrono::milliseconds kImportGroupTime{250};

    Result<std::vector<Article>> articles();
    Result<Article> article(std::int64_t id);
    Result<std::string> articleText(std::int64_t id);
    // The file the article was imported from (none for articles imported before schema 4).
    Result<std::optional<ArticleOriginal>> articleOriginal(std::int64_t id);
    // Where each page begins in the text (code points), for PDFs; empty for other articles.
    Result<std::vector<std::int64_t>> articlePages(std::int64_t id);

    // Records claims in one transaction; all or none. Returns their row ids.
    Result<std::vector<std::int64_t>> addClaims(std::span<const NewClaim> claims);
    Result<std::int64_t> addClaim(const NewClaim& claim);

    Result<std::int64_t> articleCount();
    // Removes articles with their suggestions; returns them with everything they had. An article with
    // claims is refused unless `withClaims`, which deletes its claims too.
    Result<std::vector<ArticleWithText>> deleteArticles(std::span<const std::int64_t> ids,
                                                        bool withClaims = false);
    // Puts deleted articles back as they were: same ids, UUIDs and import times, their claims and
    // suggestions with them.
    Result<void> restoreArticles(std::span<const ArticleWithText> articles);
    // Changes what is known of an article: its title, author, publisher, URL, date and memo (never its
    // text, which its claims stand on); returns the article as it was. A title cannot be empty.
    Result<Article> setArticleDetails(std::int64_t id, const ArticleMeta& meta, const std::string& memo);
    // The project's memo: the researcher's notes on the whole project.
    Result<std::string> projectMemo();
    // Sets the project's memo; returns the one it had.
    Result<std::string> setProjectMemo(const std::string& memo);
    // Who publishes the project's fact-checks.
    Result<PublishingSettings> publishingSettings();
    // Sets them (a URL must be a web address); returns those it had.
    Result<PublishingSettings> setPublishingSettings(const PublishingSettings& settings);

    // Versions of an article (db/project_versions.cpp). Every version of the article `id` is one of,
    // oldest first.
    Result<std::vector<Article>> articleVersions(std::int64_t id);
    // The claims waiting for the researcher after a new version, of one article's versions (0: all).
    Result<std::vector<PendingCarry>> pendingCarries(std::int64_t articleId = 0);
    // Decides what becomes of a waiting claim, in one transaction; returns what was waiting.
    Result<PendingCarry> resolveCarry(std::int64_t claimId, CarryDecision decision);
    // Puts a claim back as it was while waiting (what resolveCarry returned), waiting again: undoes a
    // decision.
    Result<void> restoreCarry(const PendingCarry& waiting);
    // Takes back an import (undo): deletes the articles `ids`, after putting the claims the newer versions
    // among them (`versions`, by article id) carried back as they were; returns what it deleted.
    Result<std::vector<ArticleWithText>> deleteImported(std::span<const std::int64_t> ids,
                                                        const std::map<std::int64_t, VersionAdded>& versions);
    // Does it again (redo): restores the articles and carries the claims to the versions among them again;
    // returns what carrying did, by article id.
    Result<std::map<std::int64_t, VersionAdded>>
    restoreImported(std::span<const ArticleWithText> articles,
                    const std::map<std::int64_t, VersionAdded>& versions);

    Result<ClaimRecord> claim(std::int64_t id);
    // The claim's version: it grows with every change to the claim, by anyone (the id of its latest history
    // entry; 0 for none). Read before the claim, it makes an edit safe against others' (ClaimUpdate).
    Result<std::int64_t> claimVersion(std::int64_t id);
    // Changes what claims say, in one transaction (all or none); their anchors stay. Stamps updated_at.
    Result<void> updateClaims(std::span<const ClaimUpdate> updates);
    Result<void> updateClaim(std::int64_t id, const ClaimFields& fields);
    // Moves a claim's anchor to other words of the same article.
    Result<void> reanchorClaim(std::int64_t id, CodePointRange range);
    // Puts claims' anchors and fields back exactly as recorded (for undo), in one transaction.
    Result<void> rewriteClaims(std::span<const ClaimRecord> claims);
    Result<void> rewriteClaim(const ClaimRecord& claim);
    // Deletes claims in one transaction (all or none); returns them as they were.
    Result<std::vector<ClaimRecord>> deleteClaims(std::span<const std::int64_t> ids);
    Result<ClaimRecord> deleteClaim(std::int64_t id);
    // Puts deleted claims back as they were: same ids, UUIDs, anchors and times.
    Result<void> restoreClaims(std::span<const ClaimRecord> claims);
    Result<void> restoreClaim(const ClaimRecord& claim);

    // The ids of the claims a query matches, in its order; and claims by id, in the order given.
    Result<std::vector<std::int64_t>> claimIds(const ClaimQuery& query);
    Result<std::vector<ClaimRecord>> claimsById(std::span<const std::int64_t> ids);
    Result<std::vector<std::string>> tagNames();

    // Every source, metric or tag, by name, with how many claims use it.
    Result<std::vector<Entity>> entities(EntityKind kind);
    // One of them, by id.
    Result<Entity> entity(EntityKind kind, std::int64_t id);
    // Renames a source, metric or tag everywhere at once; refuses a name another one has.
    Result<void> renameEntity(EntityKind kind, std::int64_t id, const std::string& name);
    // Moves every claim of `fromId` to `intoId` (gives them the tag `intoId`) and deletes `fromId`.
    Result<EntityRemoval> mergeEntity(EntityKind kind, std::int64_t fromId, std::int64_t intoId);
    // Undoes mergeEntity: restores the entity and moves its claims back to it.
    Result<void> unmergeEntity(EntityKind kind, const EntityRemoval& merged);
    // Deletes a source or metric no claim uses (refuses one in use); deletes a tag, taking it off every
    // claim that has it.
    Result<EntityRemoval> deleteEntity(EntityKind kind, std::int64_t id);
    Result<void> restoreEntity(EntityKind kind, const EntityRemoval& deleted);

    // Cross-checks every metric's claims (or one metric's, by name) and returns the conflicts,
    // with their verdicts, and each metric's counts.
    Result<ConflictReport> conflicts(const std::string& metricName = {});
    // The metric of this name (names match without regard to case), with its details.
    Result<Entity> metricNamed(const std::string& name);
    // One metric's claims on its common scale, with their conflicts.
    Result<MetricComparison> compare(std::int64_t metricId);
    // The metrics a claim at `range` of an article, counted in `unit`, most likely measures, best
    // first, with the reason. `exceptClaim` leaves a claim's own words out (when placing it again).
    Result<std::vector<MetricProposal>> proposeMetrics(std::int64_t articleId, CodePointRange range,
                                                       const std::string& unit, std::int64_t exceptClaim = 0);
    // Sets what a metric measures; returns the details it had.
    Result<MetricDetails> setMetricDetails(std::int64_t metricId, const MetricDetails& details);
    // Records the researcher's verdict on a conflict and sets the statuses of both sides' claims
    // (supported; the other side disputed; both supported when both stand). Replaces an earlier verdict.
    Result<VerdictChange> recordVerdict(const ConflictRow& conflict, VerdictChoice choice,
                                        const std::string& note);
    // Puts back the statuses and the verdict recordVerdict replaced.
    Result<void> undoVerdict(const VerdictChange& change);
    // Does recordVerdict's change again, with the same verdict id and UUID.
    Result<void> redoVerdict(const VerdictChange& change);

    // Articles matching a query in the search box's language (core/search/query.h), best first; with
    // `total`, how many match in all.
    Result<std::vector<SearchHit>> search(const std::string& query, std::size_t limit = 50,
                                          std::size_t* total = nullptr);
    // Where the query's words occur in an article's text, for highlighting.
    Result<std::vector<CodePointRange>> searchMatches(std::int64_t articleId, const std::string& query);
    // The passage of the project's memo that matches a query, its words between kMatchStart and kMatchEnd;
    // unset when the memo does not match, or the query has filters (they are about articles and claims).
    Result<std::optional<std::string>> searchProjectMemo(const std::string& query);

    // Runs the figure finder on an article (or on all, when `articleId` is empty) and stores what it finds
    // as suggestions, or with `acceptAll` as claims; never on words a claim or a suggestion already holds,
    // in part or whole.
    // One transaction for all of it.
    Result<std::vector<DetectedFigures>> detectFigures(std::optional<std::int64_t> articleId, bool acceptAll);
    // The claim the words at `range` of an article carry, as the figure finder reads them: the words of
    // the whole figure (a selection that cuts "00 million c" grows to "200 million cameras") and the
    // fields accepting it as a suggestion would record. Nothing found: the range as given, no fields.
    Result<ClaimReading> readClaimAt(std::int64_t articleId, CodePointRange range);
    // Only the words readClaimAt widens a selection to (none when they hold no figure): for a double-click,
    // without reading the project's sources and metrics.
    Result<std::optional<CodePointRange>> figureWordsAt(std::int64_t articleId, CodePointRange range);
    Result<std::int64_t> pendingSuggestionCount(std::optional<std::int64_t> articleId);
    // The article's suggestions still waiting (and, if asked, the rejected ones), in text order.
    Result<std::vector<Suggestion>> suggestions(std::int64_t articleId, bool includeRejected = false);
    // Records suggestions as claims (value, bounds, unit, source, as-of from the figure's time, a metric
    // whose name matches the subject) and removes them; returns the claims. One transaction.
    Result<std::vector<ClaimRecord>> acceptSuggestions(std::span<const std::int64_t> ids);
    // Undoes acceptSuggestions: removes the claims, puts the suggestions back.
    Result<void> unacceptSuggestions(std::span<const ClaimRecord> claims,
                                     std::span<const Suggestion> suggestions);
    // Redoes acceptSuggestions: the same claims (ids, UUIDs, times) back, the suggestions gone.
    Result<void> reacceptSuggestions(std::span<const ClaimRecord> claims, std::span<const std::int64_t> ids);
    Result<void> setSuggestionsRejected(std::span<const std::int64_t> ids, bool rejected);
    Result<void> deleteSuggestions(std::span<const std::int64_t> ids);
    Result<void> restoreSuggestions(std::span<const Suggestion> suggestions);

    // Calls `visit` for each claim in article order, reading one row at a time.
    Result<void> forEachClaim(const ClaimFilter& filter,
                              const std::function<void(const ClaimRecord&)>& visit);
    Result<std::vector<ClaimRecord>> claims(const ClaimFilter& filter = {});

    // Imports a REFI-QDA project (core/importers/qdpx.h) in one transaction: its text sources as articles
    // (one already here with the same text is used as it is) and its selections as unverified claims (one
    // already recorded on the same words is passed over). Codes under "Metrics", "Sources" and "Status",
    // as Claimtrack exports them, give a claim its metric, source and status; every other code is a tag.
    // The notes a selection refers to are its note.
    Result<QdaImported> importQdaProject(const QdaProject& qda);
    // Places W3C Web Annotations (core/annotation.h) on the articles they target, by URL or "urn:uuid:",
    // as claims, in one transaction: on the words their TextPositionSelector gives when those are the
    // quote's, else on the occurrence of the quote whose prefix and suffix agree best. One already recorded
    // on the same words is passed over; one that cannot be placed is listed with the reason.
    Result<AnnotationsImported> importAnnotations(std::span<const ReadAnnotation> annotations);
    // Brings a reference manager's references in (core/importers/references.h), in one transaction: each
    // fills the details an article left empty (the article whose URL it gives, else whose title it has);
    // one that matches no article, but names an attachment `readAttachment` can read, adds the attachment
    // as an article with its details. Those that do neither are listed.
    Result<ReferencesImported>
    importReferences(std::span<const Reference> references,
                     const std::function<Result<std::string>(const std::string& attachment)>& readAttachment);

    // Who the changes made through this project are recorded under in its history (db::defaultUserName()
    // until set); refuses an empty name. Not for a project opened for reading.
    Result<void> setUserName(const std::string& name);
    Result<std::string> userName();
    // What this project's user may do in it: a file's user is its owner; on a server, the privileges of the
    // user's database role decide (db/server_roles.h), as they were when the project was opened or its
    // members last changed through it.
    ProjectRole role() const { return m_role; }
    // Who has which role in a project on a server. A file has no members (its permissions decide who may
    // change it), and refuses.
    Result<std::vector<ProjectMember>> members();
    // Changes who has which role, in one transaction (db::setServerRoles); an owner's to make.
    Result<void> changeMembers(const std::vector<RoleChange>& changes);
    // Whether the changes that follow are edits, or undo or redo one: the history says which.
    Result<void> setEditKind(EditKind kind);
    // Calls `visit` for each entry of the history the query selects, one row at a time.
    Result<void> forEachHistoryEntry(const HistoryQuery& query,
                                     const std::function<void(const HistoryEntry&)>& visit);
    Result<std::vector<HistoryEntry>> history(const HistoryQuery& query = {});

    // Every verdict whose two claims are both recorded, by creation time.
    Result<std::vector<VerdictRecord>> verdictRecords();
    // Brings another project's rows in (`readTheirs` hands them to the ProjectRecords it is given, as
    // db/project_file.h reads them), in one transaction; on any error, nothing changes. Rows match by UUID,
    // articles by text too, sources and metrics by name. What is new is added, what is the same passed
    // over; a detail one side left empty is filled from the other. A claim changed on one side only takes
    // that side's version; one changed on both (both updated since created), like any other detail both
    // sides set differently, is a conflict: kept as `prefer` says and listed with both versions.
    Result<MergeReport> mergeProject(const std::function<Result<void>(ProjectRecords&)>& readTheirs,
                                     MergePreference prefer, MergeMode mode = MergeMode::Apply);

private:
    Project(std::unique_ptr<sql::Connection> connection, std::filesystem::path path);
    static Result<Project> createOnServer(const std::string& location);
    static Result<Project> openOnServer(const std::string& location, Access access);
    // Inside a transaction: the article with this text, inserted unless it is there already.
    ImportedArticle insertArticle(const ImportedDocument& document, ArticleMeta meta,
                                  const std::optional<ArticleOriginal>& original,
                                  std::int64_t newVersionOf = 0);
    // Inside a transaction: the latest version of the article `id`, or of the one with this URL; 0 for none.
    std::int64_t latestVersionOf(std::int64_t id, const std::string& url);
    // Inside a transaction: makes `added` the next version after `previous` and carries claims to it.
    VersionAdded addVersion(std::int64_t previous, std::int64_t added);
    // Inside a transaction: carries the claims of `previous` and those waiting in its lineage to `added`.
    void carryClaims(std::int64_t previous, std::int64_t added, const std::string& lineage,
                     VersionAdded& report);
    // Inside a transaction: deletes articles (and, with `withClaims`, their claims); returns them whole.
    std::vector<ArticleWithText> removeArticles(std::span<const std::int64_t> ids, bool withClaims);
    // Inside a transaction: inserts articles deleted before, with their claims and suggestions.
    void insertArticles(std::span<const ArticleWithText> articles);
    // Inside a transaction: refuses (Stale) an update whose claim changed after its version `basedOn`.
    void refuseIfChangedSince(const ClaimUpdate& update);
    // On a server: keeps what the user's role allows (serverRole, read by the caller), and tells the
    // connection why it refuses what the role does not.
    void learnRole(ProjectRole role);

    std::unique_ptr<sql::Connection> m_db;
    std::filesystem::path m_path;
    ProjectRole m_role = ProjectRole::Owner;
};

}  // namespace claimtrack
