#pragma once
// Scores who the figure finder says a figure comes from, and what it counts, on passages with the source and
// subject a careful reader gives each figure (tests/data/news-attribution/README.md describes the format).

#include "figures.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <ostream>
#include <string>
#include <vector>

namespace claimtrack {

struct AttributionScore {
    int attributed = 0, rightSource = 0;  // figures the text attributes to someone; of those, named right
    int unattributed = 0,
        wrongSource = 0;  // figures it attributes to no one; of those, given a source anyway
    int subjects = 0, rightSubject = 0;
    std::vector<std::string> misses;
    double sourceRate() const { return attributed ? static_cast<double>(rightSource) / attributed : 1; }
    double wrongRate() const { return unattributed ? static_cast<double>(wrongSource) / unattributed : 0; }
    double subjectRate() const { return subjects ? static_cast<double>(rightSubject) / subjects : 1; }
    AttributionScore& operator+=(const AttributionScore& other) {
        attributed += other.attributed, rightSource += other.rightSource;
        unattributed += other.unattributed, wrongSource += other.wrongSource;
        subjects += other.subjects, rightSubject += other.rightSubject;
        misses.insert(misses.end(), other.misses.begin(), other.misses.end());
        return *this;
    }
};

namespace detail {

// Lower case, without a leading "the" or "its" and a trailing "'s": "The ministry's" names "ministry".
inline std::string normalName(std::string name) {
    for (char& c : name)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    for (const std::string prefix : {"the ", "its "})
        if (name.starts_with(prefix))
            name.erase(0, prefix.size());
    for (const std::string possessive : {"'s", "\xE2\x80\x99s"})  // "kostka's survey" names kostka
        for (std::size_t at; (at = name.find(possessive)) != std::string::npos;)
            name.erase(at, possessive.size());
    return name;
}

// The same party: one name holds the other as whole words ("Kostka" in "Kostka's survey").
inline bool sameParty(const std::string& found, const std::string& expected) {
    const std::string a = " " + normalName(found) + " ", b = " " + normalName(expected) + " ";
    return a.size() > 2 && b.size() > 2 && (a.find(b) != std::string::npos || b.find(a) != std::string::npos);
}

}  // namespace detail

inline AttributionScore scoreAttribution(const std::string& path) {
    AttributionScore score;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.empty())
            continue;
        const auto item = nlohmann::json::parse(line);
        const std::string text = item["text"];
        const std::vector<Figure> found = extractFigures(text);
        for (const auto& e : item["figures"]) {
            const std::string words = e["text"];
            const auto start = codePointCount(std::string_view(text).substr(0, text.find(words)));
            const CodePointRange place{start, start + codePointCount(words)};
            const Figure* figure = nullptr;
            for (const Figure& f : found)
                if (f.kind != FigureKind::Date && f.range.start < place.end && f.range.end > place.start)
                    figure = &f;
            const std::string source = figure ? figure->source : "";
            const std::string expected = e["source"];
            std::string miss;
            if (!expected.empty()) {
                ++score.attributed;
                const bool right = detail::sameParty(source, expected);
                score.rightSource += right;
                if (!right)
                    miss = "source '" + source + "', wanted '" + expected + "'";
            } else {
                ++score.unattributed;
                score.wrongSource += !source.empty();
                if (!source.empty())
                    miss = "source '" + source + "' for a figure no one is said to give";
            }
            if (e.contains("subject")) {
                ++score.subjects;
                const std::string subject = figure ? figure->subject : "";
                const bool right = detail::sameParty(subject, e["subject"]);
                score.rightSubject += right;
                if (!right)
                    miss += (miss.empty() ? "" : "; ") + std::string("subject '") + subject + "', wanted '" +
                            std::string(e["subject"]) + "'";
            }
            if (!miss.empty())
                score.misses.push_back(text + "\n    " + words + ": " + miss);
        }
    }
    return score;
}

inline void printAttribution(const AttributionScore& s, std::ostream& out) {
    auto percent = [](double rate) { return std::to_string(std::lround(100 * rate)) + "%"; };
    out << "sources right " << percent(s.sourceRate()) << " of " << s.attributed << " attributed figures; "
        << "a source named for " << percent(s.wrongRate()) << " of " << s.unattributed
        << " figures attributed to no one; subjects right " << percent(s.subjectRate()) << " of "
        << s.subjects << "\n";
    for (const std::string& miss : s.misses)
        out << "  " << miss << "\n";
}

}  // namespace claimtrack
