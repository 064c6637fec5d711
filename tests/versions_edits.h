#pragma once
// Edits written for the project to measure how claims are carried to a new version of an article: figures
// changed, sentences moved, words inserted before a claim, paragraphs cut, look-alike sentences elsewhere,
// white space and quote style changed. Each case is an article in two versions, its claims in the older,
// and what must become of each in the newer. Used by the carrying tests (a few hundred cases) and by
// `claimtrack-bench carry` (many more). The sentences are our own writing; the figures follow public
// reporting on China's surveillance.

#include "text.h"

#include <random>
#include <string>
#include <vector>

namespace claimtrack::test {

// A sentence holding a claim: the quote is the claim's words, `revised` the same words with a figure changed.
struct ClaimSentence {
    const char* before;
    const char* quote;
    const char* after;
    const char* revised;
};

inline const ClaimSentence kClaimSentences[] = {
    {"Analysts counted ", "more than 200 million surveillance cameras", " across the country that year.",
     "more than 250 million surveillance cameras"},
    {"One market research firm put the figure at ", "176 million cameras", " in its first estimate.",
     "186 million cameras"},
    {"By its forecast the network would reach ", "626 million cameras by 2020", ", a number others doubted.",
     "626 million cameras by 2022"},
    {"The ministry said ", "43 pilot cities", " had tested local scoring schemes.", "47 pilot cities"},
    {"Court records listed ", "17.5 million plane tickets", " refused to blacklisted travellers.",
     "26.8 million plane tickets"},
    {"Train travel was denied ", "5.5 million times", " over the same period, the records show.",
     "6 million times"},
    {"A survey found that ", "80 percent of respondents", " approved of the scoring systems.",
     "76 percent of respondents"},
    {"The city spent ", "$1.2 billion", " on its safe city programme, officials said.", "$1.9 billion"},
    {"Some ", "1.4 billion people", " could in principle be covered by the system.", "1.41 billion people"},
    {"Police installed ", "about 3,000 cameras", " along the main roads of the district.",
     "about 4,000 cameras"},
    {"The report estimated ", "one camera for every 4.1 people", " in the largest cities.",
     "one camera for every 2.9 people"},
    {"More than ", "30,000 companies", " were placed on the list in its first two years.",
     "35,000 companies"},
};

inline const char* const kOtherSentences[] = {
    "Critics described the plans as vague and uneven.",
    "Local governments were left to decide much of the detail.",
    "The scheme drew attention far beyond the country's borders.",
    "Officials rejected comparisons with fiction.",
    "Several cities published their rules online.",
    "Researchers warned that the data was patchy.",
    "Companies were the first to be rated in most places.",
    "Few residents said they had heard of their own score.",
};

// What must become of a claim in the newer version.
enum class Expected { Carried, FigureChanged, Orphaned };

struct EditedClaim {
    CodePointRange before;  // its words in the older text
    Expected expected = Expected::Carried;
    CodePointRange after;  // Carried: its words in the newer text
};

struct EditCase {
    std::string before, after;
    std::vector<EditedClaim> claims;
    std::string edits;  // what was done, for messages
};

// Builds the two versions from sentences, recording where each claim's words land.
class EditCaseBuilder {
public:
    struct Sentence {
        int claim = -1;  // index into kClaimSentences, or -1
        std::string before, quote, after;
        int id = -1;  // the claim's number in the case, or -1 for no claim
    };
    using Paragraphs = std::vector<std::vector<Sentence>>;

    static EditCase make(std::mt19937& random) {
        Paragraphs paragraphs;
        std::uniform_int_distribution<int> pick(0, 1000);
        int claim = pick(random) % static_cast<int>(std::size(kClaimSentences));
        int other = pick(random) % static_cast<int>(std::size(kOtherSentences));
        int ids = 0;
        for (int p = 0; p < 4; ++p) {
            auto& paragraph = paragraphs.emplace_back();
            for (int s = 0; s < 3; ++s) {
                if ((p + s) % 2 == 0) {
                    const int which = claim++ % static_cast<int>(std::size(kClaimSentences));
                    const ClaimSentence& c = kClaimSentences[which];
                    paragraph.push_back({which, c.before, c.quote, c.after, ids++});
                } else {
                    paragraph.push_back(
                        {-1, kOtherSentences[other++ % std::size(kOtherSentences)], "", "", -1});
                }
            }
        }
        std::vector<Expected> expected(static_cast<std::size_t>(ids), Expected::Carried);
        Paragraphs edited = paragraphs;
        std::string edits;
        const int count = 1 + pick(random) % 3;
        for (int e = 0; e < count; ++e)
            edits += (edits.empty() ? "" : ", ") + edit(edited, expected, random);
        EditCase result;
        std::vector<CodePointRange> beforeRanges(expected.size()), afterRanges(expected.size());
        result.before = render(paragraphs, beforeRanges);
        result.after = render(edited, afterRanges);
        for (std::size_t i = 0; i < expected.size(); ++i)
            result.claims.push_back({beforeRanges[i], expected[i], afterRanges[i]});
        result.edits = edits;
        return result;
    }

private:
    static std::string edit(Paragraphs& text, std::vector<Expected>& expected, std::mt19937& random) {
        std::uniform_int_distribution<int> pick(0, 1000);
        const auto claimSentence = [&]() -> Sentence* {
            std::vector<Sentence*> found;
            for (auto& paragraph : text)
                for (auto& sentence : paragraph)
                    if (sentence.id >= 0 &&
                        expected[static_cast<std::size_t>(sentence.id)] == Expected::Carried)
                        found.push_back(&sentence);
            return found.empty() ? nullptr : found[static_cast<std::size_t>(pick(random)) % found.size()];
        };
        const auto lookAlike = [&](const Sentence& of) {
            // The same words of the claim, in a sentence of its own elsewhere.
            auto& paragraph = text[static_cast<std::size_t>(pick(random)) % text.size()];
            paragraph.insert(
                paragraph.begin() + pick(random) % static_cast<int>(paragraph.size() + 1),
                Sentence{-1, "Elsewhere a blog repeated ", of.quote, " without any source.", -1});
        };
        switch (pick(random) % 7) {
        case 0: {  // a figure changed
            Sentence* sentence = claimSentence();
            if (!sentence)
                return "nothing";
            sentence->quote = kClaimSentences[sentence->claim].revised;
            expected[static_cast<std::size_t>(sentence->id)] = Expected::FigureChanged;
            return "figure changed";
        }
        case 1: {  // a figure changed, and its old words repeated elsewhere
            Sentence* sentence = claimSentence();
            if (!sentence)
                return "nothing";
            const Sentence old = *sentence;
            sentence->quote = kClaimSentences[sentence->claim].revised;
            expected[static_cast<std::size_t>(sentence->id)] = Expected::FigureChanged;
            lookAlike(old);
            return "figure changed, with a look-alike";
        }
        case 2: {  // words inserted before a claim
            Sentence* sentence = claimSentence();
            if (!sentence)
                return "nothing";
            sentence->before = "According to figures published later, " + sentence->before;
            return "words inserted";
        }
        case 3: {  // a sentence moved to another paragraph
            auto& from = text[static_cast<std::size_t>(pick(random)) % text.size()];
            if (from.size() < 2)
                return "nothing";
            const auto at = from.begin() + pick(random) % static_cast<int>(from.size());
            if (at->id >= 0 && expected[static_cast<std::size_t>(at->id)] != Expected::Carried)
                return "nothing";  // a moved sentence whose figure also changed: not among these edits
            const Sentence moved = *at;
            from.erase(at);
            auto& to = text[static_cast<std::size_t>(pick(random)) % text.size()];
            to.insert(to.begin() + pick(random) % static_cast<int>(to.size() + 1), moved);
            return "sentence moved";
        }
        case 4: {  // a paragraph cut
            if (text.size() < 2)
                return "nothing";
            const auto at = text.begin() + pick(random) % static_cast<int>(text.size());
            for (const Sentence& sentence : *at)
                if (sentence.id >= 0)
                    expected[static_cast<std::size_t>(sentence.id)] = Expected::Orphaned;
            text.erase(at);
            return "paragraph cut";
        }
        case 5: {  // a claim's sentence cut, its words repeated elsewhere
            Sentence* sentence = claimSentence();
            if (!sentence)
                return "nothing";
            const Sentence old = *sentence;
            expected[static_cast<std::size_t>(old.id)] = Expected::Orphaned;
            for (auto& paragraph : text)
                std::erase_if(paragraph, [&](const Sentence& s) { return s.id == old.id; });
            lookAlike(old);
            return "sentence cut, with a look-alike";
        }
        default: {  // white space and quote style
            for (auto& paragraph : text)
                for (auto& sentence : paragraph) {
                    for (std::string* part : {&sentence.before, &sentence.after, &sentence.quote}) {
                        for (std::size_t at = part->find(' '); at != std::string::npos;
                             at = part->find(' ', at + 3))
                            part->replace(at, 1, "  ");
                        for (std::size_t at = part->find('\''); at != std::string::npos;
                             at = part->find('\''))
                            part->replace(at, 1, "\u2019");
                    }
                }
            return "white space and quotes";
        }
        }
    }

    static std::string render(const Paragraphs& text, std::vector<CodePointRange>& ranges) {
        std::string out;
        for (const auto& paragraph : text) {
            if (paragraph.empty())
                continue;
            if (!out.empty())
                out += "\n\n";
            bool first = true;
            for (const Sentence& sentence : paragraph) {
                if (!first)
                    out += ' ';
                first = false;
                out += sentence.before;
                const std::int64_t start = codePointCount(out);
                out += sentence.quote;
                if (sentence.id >= 0)
                    ranges[static_cast<std::size_t>(sentence.id)] = {start, codePointCount(out)};
                out += sentence.after;
            }
        }
        return out;
    }
};

}  // namespace claimtrack::test
