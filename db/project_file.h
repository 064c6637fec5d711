#pragma once
// A whole project as one JSON file, for moving it between machines and bringing two researchers' work
// together: `export --format project` writes it, `merge` reads it (docs/project-file.md describes it).
//
// It is read and written one row at a time, through ProjectRecords, so that memory stays flat however
// large the project: from a project (readProjectRecords) or a file (readProjectFile), into a file
// (ProjectFileWriter) or into another project (Project::mergeProject).

#include "project.h"

#include <filesystem>
#include <iosfwd>
#include <string>

namespace claimtrack {

inline constexpr const char* kProjectFileFormat = "claimtrack-project";
// 2: articles' versions, and the claims waiting on them; 3: the base of a percentage (claims, suggestions)
inline constexpr int kProjectFileVersion = 3;

// A claim waiting after a new version of its article (claim_carry), by UUIDs: `articleUuid` is the version
// it was not carried to.
struct CarryRecord {
    std::string claimUuid, articleUuid;
    Carry carry;
};

// Receives a project's rows in the order a project file holds them: its memo and publishing settings,
// sources, metrics, articles, claims (after their articles), the claims waiting on newer versions (after
// the claims), verdicts (after their claims) and suggestions (after their articles). A receiver refuses a
// row by throwing sql::Failure.
class ProjectRecords {
public:
    virtual ~ProjectRecords() = default;
    virtual void memo(const std::string& text) = 0;
    virtual void publishing(const PublishingSettings& settings) = 0;  // right after the memo
    virtual void source(const Entity& source) = 0;
    virtual void metric(const Entity& metric) = 0;
    virtual void article(const ArticleWithText& article) = 0;  // its claims and suggestions come apart
    virtual void claim(const ClaimRecord& claim) = 0;          // its article named by articleUuid
    virtual void carry(const CarryRecord& carry) = 0;
    virtual void verdict(const VerdictRecord& verdict) = 0;
    virtual void suggestion(const std::string& articleUuid, const Suggestion& suggestion) = 0;
};

// Hands every row of `project` to `records`, reading one article's text at a time.
Result<void> readProjectRecords(Project& project, ProjectRecords& records);

// Hands every row of a project file to `records` as it is read. Refuses, saying where, a file that is not
// a project file, is of a newer version, is malformed or truncated, or holds a row that contradicts itself
// (an article whose text is not its SHA-256, a claim whose quote is not its words).
Result<void> readProjectFile(std::istream& in, ProjectRecords& records);

// Writes the rows it is given as a project file: the same rows always give the same bytes.
class ProjectFileWriter : public ProjectRecords {
public:
    explicit ProjectFileWriter(std::ostream& out);
    void memo(const std::string& text) override;
    void publishing(const PublishingSettings& settings) override;
    void source(const Entity& source) override;
    void metric(const Entity& metric) override;
    void article(const ArticleWithText& article) override;
    void claim(const ClaimRecord& claim) override;
    void carry(const CarryRecord& carry) override;
    void verdict(const VerdictRecord& verdict) override;
    void suggestion(const std::string& articleUuid, const Suggestion& suggestion) override;
    // Closes the file's last list and the file; the stream reports whether it was written.
    void finish();

private:
    enum class Section { Head, Sources, Metrics, Articles, Claims, Carries, Verdicts, Suggestions, End };
    void enter(Section section);  // closes the lists before `section`, opens its own
    // Writes one row of `section`: the JSON object `fill` writes.
    template <class Fill>
    void writeRow(Section section, Fill&& fill);

    std::ostream& m_out;
    Section m_section = Section::Head;
    bool m_firstRow = true;
    std::string m_row;
};

// Merges `other` into `ours`: a project when its name ends in ".claims" or it names a server, else a project
// file. Errors about the file name it.
Result<MergeReport> mergeFrom(Project& ours, const std::filesystem::path& other, MergePreference prefer,
                              MergeMode mode = MergeMode::Apply);

// What a merge did, for people: a line per kind of row that it touched ("claims: 12 added, 30 already
// here, …"), then each conflict with the two versions of what differs.
std::string describeMerge(const MergeReport& report);

// Writes `project` to `out` as a project file.
Result<void> writeProjectFile(Project& project, std::ostream& out);

}  // namespace claimtrack
