#pragma once
// The domain: articles, claims, sources, metrics, and the small value types
// their fields are made of. Storage lives in db/; this is plain data.

#include "anchor.h"
#include "result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

enum class ClaimStatus { Unverified, Supported, Disputed, Refuted };
enum class SourceKind { Person, Organisation, Publication, Report };
// What a person may do in a project on a server, each role all the one before it may and more: read; also
// set claims' statuses and record verdicts; also change articles, claims, sources and metrics; also manage
// the project (its settings, who has which role). A project file's user is its owner.
enum class ProjectRole { Reader, Reviewer, Annotator, Owner };

std::string_view toString(ClaimStatus status);
std::string_view toString(SourceKind kind);
std::string_view toString(ProjectRole role);
Result<ClaimStatus> parseClaimStatus(std::string_view text);
Result<SourceKind> parseSourceKind(std::string_view text);

// Someone with a role in a project on a server: the database role, and the project's role it has.
struct ProjectMember {
    std::string user;
    ProjectRole role;
    bool operator==(const ProjectMember&) const = default;
};

// A change of who has which role: `user` gets `role` in place of any it had, or, with none, loses its role.
struct RoleChange {
    std::string user;
    std::optional<ProjectRole> role;
};

// A date as precise as the text says: "2020", "2020-06" or "2020-06-30".
// Returns the canonical form, or an error naming `field`.
Result<std::string> parsePartialDate(std::string_view text, std::string_view field);

// A figure as typed on the command line: "626000000", "1.4e9", "-3.5".
// Refuses thousands separators, words, NaN and infinities, naming `field`.
Result<double> parseNumber(std::string_view text, std::string_view field);
// The same, where an empty text means no figure.
Result<std::optional<double>> parseOptionalNumber(std::string_view text, std::string_view field);

// The shortest text that reads back as the same double; whole numbers below
// 1e15 are written without exponent or decimal point ("626000000").
std::string formatNumber(double value);

// The current time as ISO 8601 UTC with milliseconds: 2026-11-23T19:27:39.123Z.
std::string nowUtc();

// A new random (version 4) UUID, lowercase, without braces.
std::string newUuid();

struct ArticleMeta {
    std::string title;
    std::string author;
    std::string publisher;
    std::string url;
    std::string published;  // a partial date, or empty
    bool operator==(const ArticleMeta&) const = default;
};

struct Article {
    std::int64_t id = 0;
    std::string uuid;
    ArticleMeta meta;
    std::string importedAt;
    std::string sha256;
    std::int64_t length = 0;  // in code points
    std::int64_t claimCount = 0;
    std::string format = "text";  // text, markdown, html or pdf
    std::string encoding;         // of the file it came from, as detected; empty for PDFs
    std::string memo;             // the researcher's notes on it
    std::string lineage;          // the UUID of its first version, when it has others; else empty
    std::int64_t version = 1;     // its number among the versions of the article
};

// The file an article was imported from, as it was.
struct ArticleOriginal {
    std::string fileName;
    std::int64_t size = 0;
    std::string sha256;
    std::optional<std::string> bytes;  // kept in the project; or else only
    std::string path;                  // where the file was
};

// What a percentage or share is of: "80 percent of 2,209 respondents, surveyed in 2018" is of
// "respondents", sample size 2209, fieldwork "2018". Two percentages of different populations are not
// compared (the cross-check says so instead).
struct FigureBase {
    std::string of;                          // the population, or empty
    std::optional<std::int64_t> sampleSize;  // how many were asked, for a survey
    std::string fieldwork;                   // when they were asked: a partial date, or "2018-03/2018-05"
    bool empty() const { return of.empty() && !sampleSize && fieldwork.empty(); }
    bool operator==(const FigureBase&) const = default;
};

// A sample size as typed: "2209"; empty means none. Refuses separators, signs, fractions and zero.
Result<std::optional<std::int64_t>> parseSampleSize(std::string_view text);

// Checks a fieldwork period, "2018", "2018-03-01" or "2018-03/2018-05", and returns it canonical.
Result<std::string> parseFieldwork(std::string_view text);

// What the user records about a claim, apart from where it is.
struct ClaimFields {
    std::optional<double> value;
    std::optional<double> low;
    std::optional<double> high;
    std::string unit;
    std::string metric;  // metric name, or empty
    std::string source;  // source name, or empty
    // The sources the figure came through, from the source outward: "IHS Markit via state media" is source
    // IHS Markit, via {"state media"}. Empty when the source is quoted directly.
    std::vector<std::string> via;
    std::string asOf;  // a partial date, or empty
    ClaimStatus status = ClaimStatus::Unverified;
    std::vector<std::string> tags;
    std::string note;
    FigureBase base;  // for percentages and shares
    bool operator==(const ClaimFields&) const = default;
};

// Checks the fields that relate to one another (bounds) and normalises the
// text ones; returns the fields as they will be stored.
Result<ClaimFields> validateClaimFields(ClaimFields fields);

// One row of the claim table: a claim with its article's columns joined in.
struct ClaimRecord {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t articleId = 0;
    std::string articleUuid;
    std::string articleTitle;
    std::string publisher;
    std::string url;
    std::string published;
    Anchor anchor;
    ClaimFields fields;
    std::string createdAt;
    std::string updatedAt;
    int page = 0;  // the page of a PDF the claim's words begin on ("p. 4"); 0 for other articles
};

}  // namespace claimtrack
