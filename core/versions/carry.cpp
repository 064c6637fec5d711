#include "carry.h"

#include "figures.h"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <unordered_map>

namespace claimtrack {

std::string_view toString(CarryKind kind) {
    switch (kind) {
    case CarryKind::AtOffsets:
        return "at its offsets";
    case CarryKind::Shifted:
        return "shifted";
    case CarryKind::ByContext:
        return "found by its context";
    case CarryKind::CloseMatch:
        return "close match";
    case CarryKind::FigureChanged:
        return "figure changed";
    case CarryKind::Orphaned:
        break;
    }
    return "orphaned";
}

namespace {

// Quotation marks of any style read as the straight ones, so "‘200 million’" and "'200 million'" are one
// word.
char32_t comparable(char32_t c) {
    switch (c) {
    case U'\u2018':
    case U'\u2019':
    case U'\u201A':
    case U'\u201B':
        return U'\'';
    case U'\u201C':
    case U'\u201D':
    case U'\u201E':
    case U'\u201F':
    case U'\u00AB':
    case U'\u00BB':
        return U'"';
    default:
        return c;
    }
}

using Interned = std::unordered_map<std::u32string, std::uint32_t>;

template <typename Word>
std::vector<Word> splitWords(const CodePointIndex& text, Interned& ids) {
    const std::u32string codePoints = toCodePoints(text.text());
    std::vector<Word> words;
    std::u32string word;
    std::int64_t start = 0;
    for (std::int64_t i = 0; i <= static_cast<std::int64_t>(codePoints.size()); ++i) {
        const bool space = i == static_cast<std::int64_t>(codePoints.size()) ||
                           isUnicodeSpace(codePoints[static_cast<std::size_t>(i)]);
        if (!space) {
            if (word.empty())
                start = i;
            word += comparable(codePoints[static_cast<std::size_t>(i)]);
            continue;
        }
        if (word.empty())
            continue;
        const auto [at, added] = ids.try_emplace(word, static_cast<std::uint32_t>(ids.size()));
        words.push_back(Word{{start, i}, at->second});
        word.clear();
    }
    return words;
}

// The figures written in `words`, as the finder reads them, compared by what they say.
bool sameFigures(const std::vector<Figure>& a, const std::vector<Figure>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Figure& x, const Figure& y) {
        return x.value == y.value && x.low == y.low && x.high == y.high && x.unit == y.unit &&
               x.kind == y.kind;
    });
}

std::string figureTexts(const std::vector<Figure>& figures) {
    std::string joined;
    for (const Figure& figure : figures)
        joined += (joined.empty() ? "" : ", ") + figure.text;
    return joined.empty() ? "(no figure)" : joined;
}

}  // namespace

VersionDiff::VersionDiff(const CodePointIndex& before, const CodePointIndex& after)
    : m_before(before), m_after(after) {
    Interned ids;
    m_beforeWords = splitWords<Word>(before, ids);
    m_afterWords = splitWords<Word>(after, ids);
    std::vector<std::uint32_t> a, b;
    a.reserve(m_beforeWords.size());
    b.reserve(m_afterWords.size());
    for (const Word& word : m_beforeWords)
        a.push_back(word.id);
    for (const Word& word : m_afterWords)
        b.push_back(word.id);

    m_keptAs.assign(a.size(), -1);
    dtl::Diff<std::uint32_t> diff(a, b, true);  // a change lists the words removed, then those added
    diff.onHuge();                              // long texts: bounded memory for the edit path
    diff.compose();
    // Where each word is, counted along the edit script in order. dtl's own indices in the script
    // (beforeIdx, afterIdx) are not to be trusted: on 4,000 shuffled paragraphs a third of its "common"
    // pairs named two different words (docs/performance.md), which carried claims onto other words.
    std::size_t i = 0, j = 0;
    for (const auto& [id, info] : diff.getSes().getSequence()) {
        TextChange::Kind kind = TextChange::Kind::Kept;
        CodePointRange older, newer;
        if (info.type == dtl::SES_COMMON) {
            m_keptAs[i] = static_cast<std::int64_t>(j);
            older = m_beforeWords[i++].range;
            newer = m_afterWords[j++].range;
        } else if (info.type == dtl::SES_DELETE) {
            kind = TextChange::Kind::Removed;
            older = m_beforeWords[i++].range;
        } else {
            kind = TextChange::Kind::Added;
            newer = m_afterWords[j++].range;
        }
        if (!m_changes.empty() && m_changes.back().kind == kind) {
            TextChange& run = m_changes.back();
            run.before.end = kind == TextChange::Kind::Added ? run.before.end : older.end;
            run.after.end = kind == TextChange::Kind::Removed ? run.after.end : newer.end;
        } else {
            m_changes.push_back(TextChange{kind, older, newer});
        }
    }
}

// The older text's words the quote touches.
VersionDiff::Words VersionDiff::wordsOf(CodePointRange quote) const {
    const auto isBefore = [&](const Word& word) { return word.range.end <= quote.start; };
    const auto first = static_cast<std::size_t>(
        std::partition_point(m_beforeWords.begin(), m_beforeWords.end(), isBefore) - m_beforeWords.begin());
    std::size_t count = 0;
    while (first + count < m_beforeWords.size() && m_beforeWords[first + count].range.start < quote.end)
        ++count;
    return {first, count};
}

// How many of the words around the older `words` stand around the newer words at `at` (as many), as a
// share: kContextWords either side, compared in place.
double VersionDiff::contextMatch(Words words, Words at) const {
    std::size_t compared = 0, matched = 0;
    const auto same = [&](std::size_t i, std::size_t j) { return m_beforeWords[i].id == m_afterWords[j].id; };
    for (std::size_t k = 1; k <= kContextWords && k <= words.first; ++k, ++compared)
        matched += k <= at.first && same(words.first - k, at.first - k);
    for (std::size_t k = 0; k < kContextWords && words.end() + k < m_beforeWords.size(); ++k, ++compared)
        matched += at.end() + k < m_afterWords.size() && same(words.end() + k, at.end() + k);
    return compared == 0 ? 1.0 : static_cast<double>(matched) / static_cast<double>(compared);
}

// The range of the newer words `at` standing for the quote: where the quote began or ended inside a word,
// it begins or ends as far inside the word there when that word is the same.
CodePointRange VersionDiff::rangeOf(CodePointRange quote, Words words, Words at) const {
    const Word& first = m_beforeWords[words.first];
    const Word& last = m_beforeWords[words.end() - 1];
    const Word& newFirst = m_afterWords[at.first];
    const Word& newLast = m_afterWords[at.end() - 1];
    CodePointRange range{newFirst.range.start, newLast.range.end};
    if (first.id == newFirst.id)
        range.start += quote.start - first.range.start;
    if (last.id == newLast.id)
        range.end -= last.range.end - quote.end;
    return range;
}

Carry VersionDiff::carry(CodePointRange quote) const {
    const Words words = wordsOf(quote);
    if (words.count == 0)
        return {};
    // 1. Its words all kept, one after the other, among the same words around them.
    bool inStep = true;
    for (std::size_t i = words.first; i < words.end() && inStep; ++i)
        inStep = m_keptAs[i] >= 0 &&
                 m_keptAs[i] == m_keptAs[words.first] + static_cast<std::int64_t>(i - words.first);
    if (inStep) {
        const Words at{static_cast<std::size_t>(m_keptAs[words.first]), words.count};
        if (contextMatch(words, at) >= kContextMatch) {
            const CodePointRange range = rangeOf(quote, words, at);
            return Carry{range == quote ? CarryKind::AtOffsets : CarryKind::Shifted, range, 1.0, {}, {}};
        }
    }
    // 2. Its words, the same, elsewhere among the same words around them: a moved sentence.
    if (const std::optional<Carry> moved = findElsewhere(quote, words))
        return *moved;
    // 3. What stands where its words stood, between the same words around them: changed words. Where most
    // of those words changed too, what stands there is other text (a look-alike put in its place).
    if (const std::optional<Words> at = standingFor(words);
        at && contextMatch(words, *at) >= kContextMatch && onlyPlace(words, *at))
        return compared(quote, words, *at);
    // 4. Changed words elsewhere, among the same words around them: a moved sentence, its words changed.
    if (const std::optional<Words> at = closeElsewhere(words); at && onlyPlace(words, *at))
        return compared(quote, words, *at);
    return {};
}

// Whether no other place in the newer text, with nearly as many words (kWordsChanged more or fewer), has
// the words around the quote's as well as `at` has. On text written from a template ("analysts in district
// 12 counted 1012 cameras") the diff may pair a claim's neighbours with another paragraph's; there, a place
// the words around fit no better than elsewhere is a guess, and a guess is refused.
bool VersionDiff::onlyPlace(Words words, Words at) const {
    const double context = contextMatch(words, at);
    bool alone = true;
    eachPlace(words, [&](Words other) {
        const bool overlaps = other.first < at.end() && at.first < other.end();
        alone = alone && (overlaps || contextMatch(words, other) < context);
    });
    return alone;
}

// Calls `visit` with every run of the newer text's words with nearly as many words as `words`
// (kWordsChanged more or fewer).
template <typename Visit>
void VersionDiff::eachPlace(Words words, Visit visit) const {
    const std::size_t fewest = words.count > kWordsChanged ? words.count - kWordsChanged : 1;
    for (std::size_t j = 0; j < m_afterWords.size(); ++j)
        for (std::size_t count = fewest;
             count <= words.count + kWordsChanged && j + count <= m_afterWords.size(); ++count)
            visit(Words{j, count});
}

// The one place in the newer text where the words around the quote's stand, with nearly as many words
// between them (kWordsChanged more or fewer) and at least half of them the quote's.
std::optional<VersionDiff::Words> VersionDiff::closeElsewhere(Words words) const {
    std::optional<Words> best;
    double bestScore = 0;
    bool tied = false;
    eachPlace(words, [&](Words at) {
        const double context = contextMatch(words, at);
        if (context < kContextMatch || shared(words, at) < 0.5)
            return;
        if (best && context == bestScore) {
            tied = tied || best->first != at.first;
        } else if (!best || context > bestScore) {
            best = at;
            bestScore = context;
            tied = false;
        }
    });
    if (!best || tied)
        return std::nullopt;
    return best;
}

// The share of words two runs have in common, of the longer.
double VersionDiff::shared(Words words, Words at) const {
    std::vector<std::uint32_t> older, newer;
    for (std::size_t i = 0; i < words.count; ++i)
        older.push_back(m_beforeWords[words.first + i].id);
    for (std::size_t j = 0; j < at.count; ++j)
        newer.push_back(m_afterWords[at.first + j].id);
    std::sort(older.begin(), older.end());
    std::sort(newer.begin(), newer.end());
    std::vector<std::uint32_t> common;
    std::set_intersection(older.begin(), older.end(), newer.begin(), newer.end(), std::back_inserter(common));
    return static_cast<double>(common.size()) / static_cast<double>(std::max(words.count, at.count));
}

// The quote's exact words elsewhere in the newer text, where at least kContextMatch of the words around
// them came along, and only one such place: the same words among other words are a look-alike.
std::optional<Carry> VersionDiff::findElsewhere(CodePointRange quote, Words words) const {
    std::optional<Words> best;
    double bestScore = 0;
    bool tied = false;
    for (std::size_t j = 0; j + words.count <= m_afterWords.size(); ++j) {
        bool same = true;
        for (std::size_t k = 0; k < words.count && same; ++k)
            same = m_beforeWords[words.first + k].id == m_afterWords[j + k].id;
        if (!same)
            continue;
        const double score = contextMatch(words, {j, words.count});
        if (score < kContextMatch)
            continue;
        if (best && score == bestScore) {
            tied = true;
        } else if (!best || score > bestScore) {
            best = Words{j, words.count};
            bestScore = score;
            tied = false;
        }
    }
    if (!best || tied)
        return std::nullopt;
    return Carry{CarryKind::ByContext, rangeOf(quote, words, *best), bestScore, {}, {}};
}

// The newer words between the nearest kept words either side of the quote (within kContextWords), counted
// in from them; none when either side has no kept word near, or the quote's place closed up.
std::optional<VersionDiff::Words> VersionDiff::standingFor(Words words) const {
    std::optional<std::size_t> before, after;
    for (std::size_t k = 1; k <= kContextWords && k <= words.first && !before; ++k)
        if (m_keptAs[words.first - k] >= 0)
            before = words.first - k;
    for (std::size_t k = 0; k < kContextWords && words.end() + k < m_beforeWords.size() && !after; ++k)
        if (m_keptAs[words.end() + k] >= 0)
            after = words.end() + k;
    // At the text's start or end, the text's edge stands for the kept word.
    const std::int64_t from = before ? m_keptAs[*before] + static_cast<std::int64_t>(words.first - *before)
                                     : (words.first == 0 ? 0 : -1);
    const std::int64_t to =
        after ? m_keptAs[*after] - static_cast<std::int64_t>(*after - words.end())
              : (words.end() == m_beforeWords.size() ? static_cast<std::int64_t>(m_afterWords.size()) : -1);
    if (from < 0 || to <= from)
        return std::nullopt;
    // Many more or fewer words there are not the claim's words changed, but other text (a cut, a look-alike).
    const auto count = static_cast<std::size_t>(to - from);
    if (count > words.count + kWordsChanged || count + kWordsChanged < words.count)
        return std::nullopt;
    return Words{static_cast<std::size_t>(from), count};
}

// The quote's words against the newer words standing for them: a changed figure waits; else enough words
// in common carry it as a close match.
Carry VersionDiff::compared(CodePointRange quote, Words words, Words at) const {
    const CodePointRange range = rangeOf(quote, words, at);
    const double score = shared(words, at);
    const std::vector<Figure> before = extractFigures(m_before.slice(quote));
    const std::vector<Figure> after = extractFigures(m_after.slice(range));
    if (!sameFigures(before, after))
        return Carry{CarryKind::FigureChanged, range, score, figureTexts(before), figureTexts(after)};
    if (score < kCloseMatch)
        return {};
    return Carry{CarryKind::CloseMatch, range, score, {}, {}};
}

}  // namespace claimtrack
