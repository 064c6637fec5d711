#include "proposals.h"

#include <fmt/format.h>
#include <libstemmer.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
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

// A word's stem, by Snowball's English stemmer (Porter 2), so that "cameras" meets "camera", "approval"
// meets "approved" and "scoring" meets "scores"; then one stem for words reports use for the same thing.
std::string stem(std::string word) {
    for (char& c : word)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    // A stemmer is not to be shared between threads: one for each, for the thread's life.
    thread_local const std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> english(
        sb_stemmer_new("english", "UTF_8"), sb_stemmer_delete);
    if (english)
        if (const sb_symbol* stemmed =
                sb_stemmer_stem(english.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                static_cast<int>(word.size())))
            word.assign(reinterpret_cast<const char*>(stemmed),
                        static_cast<std::size_t>(sb_stemmer_length(english.get())));
    // People "held" or "interned" are detained.
    static const std::map<std::string, std::string, std::less<>> kSameThing{{"held", "detain"},
                                                                            {"intern", "detain"},
                                                                            {"imprison", "detain"},
                                                                            {"jail", "detain"},
                                                                            {"detaine", "detain"}};
    if (const auto same = kSameThing.find(word); same != kSameThing.end())
        return same->second;
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

// The words `text` writes with a capital inside a sentence: names of places, people and bodies
// ("Rongcheng", "Kostka"), which say where or whose a figure is, not what it measures.
std::set<std::string> properNames(std::string_view text) {
    std::set<std::string> names;
    forEachWord(text, [&](std::string w, std::size_t at, const std::string&) {
        std::size_t before = at;
        while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '"' || text[before - 1] == '('))
            --before;
        const bool sentenceStart = before == 0 || text[before - 1] == '.' || text[before - 1] == '!' ||
                                   text[before - 1] == '?' || text[before - 1] == ':';
        if (text[at] >= 'A' && text[at] <= 'Z' && !sentenceStart)
            names.insert(std::move(w));
    });
    return names;
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

// Whether the word at `at` of `text` is denied: "not", "don't" or "never" one to three words before it.
bool negated(std::string_view text, std::size_t at) {
    std::size_t end = at;
    for (int words = 0; words < 3 && end > 0; ++words) {
        while (end > 0 && !std::isalnum(static_cast<unsigned char>(text[end - 1])) &&
               static_cast<unsigned char>(text[end - 1]) < 0x80)
            --end;
        std::size_t begin = end;
        while (begin > 0 && (std::isalnum(static_cast<unsigned char>(text[begin - 1])) ||
                             static_cast<unsigned char>(text[begin - 1]) >= 0x80 || text[begin - 1] == '\''))
            --begin;
        std::string word(text.substr(begin, end - begin));
        for (char& c : word)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (word == "not" || word == "never" || word == "no" || word.ends_with("n't") ||
            word.ends_with("n\xE2\x80\x99t"))
            return true;
        end = begin;
    }
    return false;
}

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
        if (negated(text, words[i].second))  // "(don't disapprove or approve)" names neither
            weight = 0;
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

// Counted nouns that count too many things to tell a metric ("2,209 people" is no more the people held in
// camps than the people of a country).
bool isGenericNoun(const std::string& stemmed) {
    static const std::set<std::string, std::less<>> generic = [] {
        std::set<std::string, std::less<>> stems;
        for (const char* w : {"people", "persons", "times", "cases", "units", "items", "things", "points",
                              "members", "individuals"})
            stems.insert(stem(w));
        return stems;
    }();
    return generic.contains(stemmed);
}

// Whether a claim stored with `context` around its words `quote` was told in `sentence`: the quote with
// the words just around it, up to a sentence end, is there.
bool toldIn(const std::string& sentence, const std::string& context, const std::string& quote) {
    const std::size_t at = quote.empty() ? std::string::npos : context.find(quote);
    if (at == std::string::npos)
        return false;
    std::size_t from = at >= 12 ? at - 12 : 0;
    if (const std::size_t end = context.rfind(". ", at); end != std::string::npos && end + 2 > from)
        from = end + 2;
    std::size_t to = std::min(context.size(), at + quote.size() + 12);
    if (const std::size_t end = context.find(". ", at + quote.size()); end != std::string::npos && end < to)
        to = end;
    return sentence.find(std::string_view(context).substr(from, to - from)) != std::string::npos;
}

struct Profile {
    const MetricProfile* metric;
    std::set<std::string> own;        // name and details
    std::set<std::string> context;    // its claims' sentences
    std::set<std::string> all;        // both
    std::set<std::string> elsewhere;  // the sentences of its claims told in another sentence than the claim's
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
        Profile p{&m, stems(m.name + " " + m.details), {}, {}, {}};
        for (std::size_t i = 0; i < m.claimSentences.size(); ++i) {
            std::set<std::string> words = stems(m.claimSentences[i]);
            const bool sameSentence =
                i < m.claimQuotes.size() && toldIn(claim.sentence, m.claimSentences[i], m.claimQuotes[i]);
            if (!sameSentence)
                p.elsewhere.insert(words.begin(), words.end());
            p.context.merge(words);
        }
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
    const std::set<std::string> names = properNames(claim.sentence);
    // A figure one of its claims gave already ("1.4 billion"), when it is no small number that many
    // metrics share.
    const auto repeatsFigure = [&](const Profile& p) {
        return claim.value && std::abs(*claim.value) >= 1000 &&
               std::any_of(p.metric->claimValues.begin(), p.metric->claimValues.end(),
                           [&](double v) { return std::abs(v - *claim.value) <= 0.005 * std::abs(v); });
    };
    const auto says = [&](const Profile& p) {
        int fewest = std::numeric_limits<int>::max();
        for (const std::string& w : p.own)
            if (!isGenericNoun(w))
                fewest = std::min(fewest, namesWith[w]);
        const auto telling = [&](const std::string& w) {
            return namesWith[w] == fewest && !isGenericNoun(w);
        };
        // A word that tells its name apart, told of another figure of the sentence only ("80 percent
        // approved … while 1 percent expressed disapproval"), says the metric is that figure's.
        if (std::any_of(p.own.begin(), p.own.end(), [&](const std::string& w) {
                const auto found = words.find(w);
                return telling(w) && found != words.end() && found->second.weight < 1.0 && !inClaim(w);
            }))
            return false;
        const bool named = std::any_of(p.own.begin(), p.own.end(), [&](const std::string& w) {
            return telling(w) && inClaim(w) && !names.contains(w);
        });
        // Words of its claims count only from claims told in other sentences (a sibling told beside the
        // claim, "flights 11.14 million times and trains 4.25 million times", shares every word of the
        // sentence), and two of them at least: one word in common ("residents", "expressed") is chance.
        const auto toldWith =
            std::count_if(p.elsewhere.begin(), p.elsewhere.end(), [&](const std::string& w) {
                return profilesWith[w] == 1 && !p.own.contains(w) && !unitWords.contains(w) && inClaim(w);
            });
        // Or half its name, two words or more, that one other name may share but no more ("43 pilot cities"
        // for "Social credit pilot cities" beside "Pilot cities scoring individuals"; not "social credit",
        // which many names have).
        std::size_t content = 0, held = 0;
        for (const std::string& w : p.own)
            if (!isGenericNoun(w) && !names.contains(w))
                ++content, held += inClaim(w) && namesWith[w] <= 2 ? 1 : 0;
        return named || toldWith >= 2 || repeatsFigure(p) || (held >= 2 && 2 * held >= content);
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
        if (repeatsFigure(p)) {
            score += 1.0;
            reasons.push_back("the figure of one of its claims");
        }
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
