#pragma once
// Versions of an article: the words that changed between two texts, and where each claim of the older
// text stands in the newer one. A claim is carried only where its words are still there; when a figure in
// them changed ("200 million" became "250 million") it is never carried silently, and when its words are
// gone it is orphaned, never dropped.

#include "text.h"

#include <optional>
#include <string>
#include <vector>

namespace claimtrack {

// A run of the word-level difference between two texts: words kept, removed from the older text, or added
// in the newer. `before` is a range of the older text, `after` of the newer (empty for the side without).
struct TextChange {
    enum class Kind { Kept, Removed, Added };
    Kind kind = Kind::Kept;
    CodePointRange before;
    CodePointRange after;
};

// How a claim of the older version stands in the newer.
enum class CarryKind {
    AtOffsets,      // the same words at the same offsets
    Shifted,        // the same words, moved by changes elsewhere in the text
    ByContext,      // the same words found elsewhere with the words around them (a moved sentence)
    CloseMatch,     // some words changed, none of its figures: carried, with the match's score
    FigureChanged,  // a figure in its words changed: waits for the researcher
    Orphaned,       // its words are gone
};
std::string_view toString(CarryKind kind);

struct Carry {
    CarryKind kind = CarryKind::Orphaned;
    CodePointRange range;                   // in the newer text; empty when orphaned
    double score = 0;                       // how much of the words are the same: 1 for all, 0 when orphaned
    std::string figureBefore, figureAfter;  // FigureChanged: the figures as written ("200 million")

    bool carried() const { return kind != CarryKind::FigureChanged && kind != CarryKind::Orphaned; }
};

// The word-level difference of two texts, computed once (Myers' diff over words, libdtl), then asked for
// where each claim of the older text went. Words are compared with their quotation marks straightened, so a
// change of quote style or of white space is no change.
class VersionDiff {
public:
    VersionDiff(const CodePointIndex& before, const CodePointIndex& after);

    const std::vector<TextChange>& changes() const { return m_changes; }
    // Where the claim on `quote` (a range of the older text) stands in the newer.
    Carry carry(CodePointRange quote) const;

    // A claim is carried as a close match only when at least this share of its words is kept.
    static constexpr double kCloseMatch = 0.6;
    // How many words either side of a claim's words are compared to tell its place from a look-alike,
    // and the share of them that must be the same.
    static constexpr std::size_t kContextWords = 5;
    static constexpr double kContextMatch = 0.5;
    // How many words more or fewer the words standing for a claim's may have.
    static constexpr std::size_t kWordsChanged = 2;

private:
    struct Word {
        CodePointRange range;
        std::uint32_t id;  // equal words have equal ids
    };
    struct Words {  // a run of words, by index
        std::size_t first = 0, count = 0;
        std::size_t end() const { return first + count; }
    };
    Words wordsOf(CodePointRange quote) const;
    double contextMatch(Words words, Words at) const;
    CodePointRange rangeOf(CodePointRange quote, Words words, Words at) const;
    std::optional<Carry> findElsewhere(CodePointRange quote, Words words) const;
    std::optional<Words> standingFor(Words words) const;
    std::optional<Words> closeElsewhere(Words words) const;
    bool onlyPlace(Words words, Words at) const;
    template <typename Visit>
    void eachPlace(Words words, Visit visit) const;
    double shared(Words words, Words at) const;
    Carry compared(CodePointRange quote, Words words, Words at) const;

    const CodePointIndex& m_before;
    const CodePointIndex& m_after;
    std::vector<Word> m_beforeWords, m_afterWords;
    std::vector<std::int64_t> m_keptAs;  // per word of the older text: its index in the newer, or -1
    std::vector<TextChange> m_changes;
};

}  // namespace claimtrack
