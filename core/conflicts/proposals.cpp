#include "proposals.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace claimtrack {

namespace {

// Words that say nothing of what is measured.
const std::set<std::string, std::less<>> kStopWords{
    "a",     "about",  "after",  "all",      "also", "an",    "and",     "are",     "as",       "at",
    "be",    "been",   "by",     "for",      "from", "had",   "has",     "have",    "in",       "into",
    "is",    "it",     "its",    "more",     "most", "no",    "not",     "of",      "on",       "one",
    "or",    "other",  "over",   "per",      "put",  "said",  "says",    "some",    "than",     "that",
    "the",   "their",  "there",  "these",    "they", "this",  "those",   "to",      "was",      "were",
    "which", "while",  "who",    "will",     "with", "would", "million", "billion", "thousand", "percent",
    "cent",  "number", "figure", "estimate", "total"};

// A crude stem: lowercase, no plural, cut to six letters, so that "cameras" meets "camera", "approval"
// meets "approved" and "detained" meets "detainees". A stemmer library would do better on English, but
// none is packaged for C++ in Debian, and metric names are short.
std::string stem(std::string word) {
    for (char& c : word)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    if (word.size() > 4 && word.ends_with("ies"))
        word.replace(word.size() - 3, 3, "y");
    else if (word.size() > 3 && word.back() == 's' && !word.ends_with("ss"))
        word.pop_back();
    if (word.size() > 6 && static_cast<unsigned char>(word[6]) < 0x80)
        word.resize(6);
    return word;
}

// Calls `visit(stem, begin, word)` for each word of `text` (letters and digits; anything above ASCII counts
// as a letter), lowercased, that is no stop word.
template <typename Visit>
void forEachWord(std::string_view text, Visit visit) {
    std::string word;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto u = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        if (std::isalnum(u) || u >= 0x80) {
            if (word.empty())
                begin = i;
            word += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
            continue;
        }
        const bool digits =
            std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (word.size() > 1 && !digits && !kStopWords.contains(word))
            visit(stem(word), begin, word);
        word.clear();
    }
}

std::set<std::string> stems(std::string_view text) {
    std::set<std::string> out;
    forEachWord(text, [&](std::string w, std::size_t, const std::string&) { out.insert(std::move(w)); });
    return out;
}

// The claim's words and how much each says: the quote's own words most (but the unit, which the unit match
// weighs), then the rest of the sentence, except that a sentence often holds two figures ("80 percent
// approved ... while 1 percent disapproved"), and a word nearer to another figure counts for little.
struct ClaimWord {
    double weight = 0;
    std::string written;  // as the claim's sentence has it (lowercased), for the reason
};

std::map<std::string, ClaimWord> claimWords(const ClaimContext& claim) {
    std::vector<std::pair<std::string, std::size_t>> words;
    std::map<std::string, ClaimWord> weights;
    const auto keep = [&](std::string w, std::size_t at, const std::string& written) {
        weights.try_emplace(w, ClaimWord{0, written});
        words.emplace_back(std::move(w), at);
    };
    forEachWord(claim.sentence, keep);
    forEachWord(claim.subject, [&](std::string w, std::size_t, const std::string& written) {
        weights.try_emplace(std::move(w), ClaimWord{0, written});
    });
    // The distance in words from word `i` to the byte range [begin, end).
    const auto distance = [&](std::size_t i, std::size_t begin, std::size_t end) -> std::ptrdiff_t {
        const auto index = static_cast<std::ptrdiff_t>(i);
        const auto first =
            std::find_if(words.begin(), words.end(), [&](const auto& w) { return w.second >= begin; });
        const auto last = std::find_if(first, words.end(), [&](const auto& w) { return w.second >= end; });
        const auto from = first - words.begin(), to = last - words.begin();
        return index < from ? from - index : index >= to ? index - to + 1 : 0;
    };
    // Where another figure's words begin: past the first clause break ("and", "while", a comma) on
    // the way to it, or else halfway.
    const std::string_view text = claim.sentence;
    const auto belongsToOther = [&](std::size_t i, std::size_t begin, std::size_t end) {
        const std::size_t at = words[i].second;
        const bool after = begin >= claim.quoteEnd;
        const std::string_view between = after ? text.substr(claim.quoteEnd, begin - claim.quoteEnd)
                                               : text.substr(end, claim.quoteBegin - end);
        std::size_t cut = std::string_view::npos;
        for (std::string_view mark : {",", ";", " and ", " while ", " but ", " whereas "}) {
            const std::size_t found = after ? between.find(mark) : between.rfind(mark);
            if (found != std::string_view::npos &&
                (cut == std::string_view::npos || (after ? found < cut : found > cut)))
                cut = found;
        }
        if (cut != std::string_view::npos)
            return after ? at >= claim.quoteEnd + cut : at < end + cut;
        return distance(i, begin, end) < distance(i, claim.quoteBegin, claim.quoteEnd);
    };
    const std::set<std::string> unit = stems(claim.unit);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool inQuote = distance(i, claim.quoteBegin, claim.quoteEnd) == 0;
        double weight = inQuote && !unit.contains(words[i].first) ? 1.5 : 1.0;
        for (const auto& [begin, end] : claim.otherFigures)
            if (!inQuote && belongsToOther(i, begin, end))
                weight = 0.25;
        double& kept = weights[words[i].first].weight;
        kept = std::max(kept, weight);
    }
    for (const std::string& w : stems(claim.subject))
        weights[w].weight = std::max(weights[w].weight, unit.contains(w) ? 1.0 : 1.5);
    return weights;
}

struct Profile {
    const MetricProfile* metric;
    std::set<std::string> own;      // name and details
    std::set<std::string> context;  // its claims' sentences
    std::set<std::string> all;      // both
};

std::string joinWords(const std::vector<std::string>& words, std::string_view separator = ", ") {
    std::string joined;
    for (const std::string& w : words)
        joined += (joined.empty() ? std::string() : std::string(separator)) + w;
    return joined;
}

}  // namespace

bool isConfident(const std::vector<MetricProposal>& proposals) {
    return !proposals.empty() && proposals[0].nameWords > 0 && proposals[0].nameShare >= 1.0 / 3 &&
           (proposals.size() == 1 || proposals[0].score >= 1.5 * proposals[1].score);
}

std::vector<MetricProposal> proposeMetrics(const ClaimContext& claim,
                                           const std::vector<MetricProfile>& metrics, std::size_t limit) {
    std::vector<Profile> profiles;
    std::map<std::string, int> documentFrequency;
    for (const MetricProfile& m : metrics) {
        Profile p{&m, stems(m.name + " " + m.details), {}, {}};
        for (const std::string& sentence : m.claimSentences)
            p.context.merge(stems(sentence));
        p.all = p.own;
        p.all.insert(p.context.begin(), p.context.end());
        for (const std::string& w : p.all)
            ++documentFrequency[w];
        profiles.push_back(std::move(p));
    }
    std::map<std::string, int> metricsWithUnit;
    for (const MetricProfile& m : metrics)
        for (const std::string& unit : std::set<std::string>(m.claimUnits.begin(), m.claimUnits.end()))
            ++metricsWithUnit[unit];
    // Rarer words tell metrics apart: "cameras" more than "china".
    const auto weight = [&](const std::string& w) {
        return std::log(1.0 + static_cast<double>(metrics.size()) / documentFrequency[w]);
    };

    const std::map<std::string, ClaimWord> words = claimWords(claim);
    const Scale claimScale = scaleOf(claim.unit);
    const std::set<std::string> unitWords = stems(claim.unit);
    // The kind of a metric's figures, stated or as its first claim has it.
    const auto kindOf = [](const MetricProfile& m) {
        std::optional<UnitKind> kind = m.kind;
        if (!kind && !m.claimUnits.empty())
            kind = scaleOf(m.claimUnits.front()).kind;
        return kind;
    };
    // A metric whose figures are of another kind (a count, a share) measures something else.
    const auto sameKind = [&](const Profile& p) {
        const auto kind = kindOf(*p.metric);
        return !kind || claim.unit.empty() || *kind == claimScale.kind;
    };
    // How many of those metrics' names, and their claims' words, hold each word: the words fewest others
    // share tell a metric apart ("disapproval" in "Disapproval of social credit systems", not "credit").
    std::map<std::string, int> namesWith, profilesWith;
    for (const Profile& p : profiles)
        if (sameKind(p)) {
            for (const std::string& w : p.own)
                ++namesWith[w];
            for (const std::string& w : p.all)
                ++profilesWith[w];
        }
    // Whether a word is the claim's own: in its unit, or in its words at full weight (not nearer another
    // figure of the sentence).
    const auto inClaim = [&](const std::string& w) {
        const auto found = words.find(w);
        return unitWords.contains(w) || (found != words.end() && found->second.weight >= 1.0);
    };
    // Whether the claim itself says what `p` measures: one of the words that tell its name apart, or a
    // word of its claims no other metric has, is the claim's own. Words shared with other names, or a unit
    // like theirs, rank metrics but never propose one alone: a claim of a metric the project does not
    // have yet gets no proposal.
    const auto says = [&](const Profile& p) {
        int fewest = std::numeric_limits<int>::max();
        for (const std::string& w : p.own)
            fewest = std::min(fewest, namesWith[w]);
        return std::any_of(p.own.begin(), p.own.end(),
                           [&](const std::string& w) { return namesWith[w] == fewest && inClaim(w); }) ||
               std::any_of(p.context.begin(), p.context.end(), [&](const std::string& w) {
                   return profilesWith[w] == 1 && !unitWords.contains(w) && inClaim(w);
               });
    };
    std::vector<MetricProposal> proposals;
    for (const Profile& p : profiles) {
        if (!sameKind(p) || !says(p))
            continue;
        double score = 0;
        double contextScore = 0;
        std::vector<std::string> named, mentioned;
        for (const auto& [w, word] : words) {
            if (p.own.contains(w)) {
                score += weight(w) * word.weight;
                named.push_back(word.written);
            } else if (p.context.contains(w) && !unitWords.contains(w)) {  // the unit match weighs the unit
                contextScore += weight(w) * word.weight;
                mentioned.push_back(word.written);
            }
        }
        // Words its claims were told with count for less, and less again the more claims there are.
        score += 0.5 * contextScore / std::sqrt(1.0 + static_cast<double>(p.metric->claimSentences.size()));

        std::vector<std::string> reasons;
        if (!named.empty())
            reasons.push_back("name: " + joinWords(named));
        if (!mentioned.empty())
            reasons.push_back("its claims: " + joinWords(mentioned));

        const auto sameUnit =
            std::count_if(p.metric->claimUnits.begin(), p.metric->claimUnits.end(),
                          [&](const std::string& u) { return !u.empty() && u == claim.unit; });
        if (sameUnit > 0) {
            // A unit few metrics use ("cameras") tells more than one many use ("percent").
            score += (1.0 + std::log(static_cast<double>(sameUnit))) * 0.5 *
                     std::log(1.0 + static_cast<double>(metrics.size()) / metricsWithUnit[claim.unit]);
            reasons.push_back(fmt::format("unit '{}' as {} of its claims", claim.unit, sameUnit));
        }
        const std::set<std::string> name = stems(p.metric->name);
        const auto held = std::count_if(name.begin(), name.end(), inClaim);
        if (score > 0)
            proposals.push_back(
                {p.metric->metricId, score, joinWords(reasons, "; "), named.size(),
                 name.empty() ? 0.0 : static_cast<double>(held) / static_cast<double>(name.size())});
    }
    std::stable_sort(proposals.begin(), proposals.end(),
                     [](const MetricProposal& a, const MetricProposal& b) { return a.score > b.score; });
    if (proposals.size() > limit)
        proposals.resize(limit);
    return proposals;
}

}  // namespace claimtrack
