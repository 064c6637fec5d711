#pragma once
// Scores the figure finder on a set of sentences with the figures a careful reader finds in each
// (tests/data/news-figures/README.md describes the format).

#include "figures.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace claimtrack {

struct NewsTally {
    int expected = 0;    // figures in the text
    int rightValue = 0;  // of those, found with the right value
    int found = 0;       // figures reported (dates aside)
    int real = 0;        // of those, ones that are a figure in the text
    int qualified = 0;   // expected figures with a bound or "about"
    int rightBounds = 0;
    int rightUnit = 0;  // of the figures found with the right value, those with the right unit
    int roles = 0;      // expected figures with a role (before, after)
    int rightRole = 0;
    double recall() const { return expected ? static_cast<double>(rightValue) / expected : 1; }
    double precision() const { return found ? static_cast<double>(real) / found : 1; }
    double boundsRate() const { return qualified ? static_cast<double>(rightBounds) / qualified : 1; }
    double unitRate() const { return rightValue ? static_cast<double>(rightUnit) / rightValue : 1; }
    void add(const NewsTally& o) {
        expected += o.expected, rightValue += o.rightValue, found += o.found, real += o.real;
        qualified += o.qualified, rightBounds += o.rightBounds, rightUnit += o.rightUnit;
        roles += o.roles, rightRole += o.rightRole;
    }
};

struct NewsScore {
    std::map<std::string, NewsTally> byKind;
    NewsTally total;
    std::vector<std::string> misses;  // one line per wrong or missing figure, and per figure that is none
};

namespace detail {

inline bool near(double a, double b) {
    return std::abs(a - b) <= 1e-4 * std::max(1.0, std::abs(b));
}

inline bool sameBound(const std::optional<double>& found, const nlohmann::json& expected, const char* key) {
    return expected.contains(key) ? found && near(*found, expected[key].get<double>()) : !found;
}

inline std::string describe(const Figure& f) {
    std::string s = "'" + f.text + "' " + (f.value ? std::to_string(*f.value) : "?");
    if (f.low || f.high)
        s += " [" + (f.low ? std::to_string(*f.low) : "") + ".." + (f.high ? std::to_string(*f.high) : "") +
             "]";
    if (f.approximate)
        s += " ~";
    s += " " + f.unit + (f.role.empty() ? "" : " @" + f.role);
    return s;
}

}  // namespace detail

inline NewsScore scoreNewsFigures(const std::string& path) {
    NewsScore score;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.empty())
            continue;
        const auto item = nlohmann::json::parse(line);
        const std::string text = item["text"];
        NewsTally tally;
        std::vector<Figure> found;
        for (Figure& f : extractFigures(text))
            if (f.kind != FigureKind::Date)
                found.push_back(std::move(f));
        // Where each expected figure's words are, in code points.
        std::vector<CodePointRange> places;
        for (const auto& e : item["figures"]) {
            const std::string words = e["text"];
            const auto start = codePointCount(std::string_view(text).substr(0, text.find(words)));
            places.push_back({start, start + codePointCount(words)});
        }
        auto overlap = [](CodePointRange a, CodePointRange b) {
            return std::min(a.end, b.end) - std::max(a.start, b.start);
        };
        for (std::size_t k = 0; k < places.size(); ++k) {
            const auto& e = item["figures"][k];
            ++tally.expected;
            const bool qualified = e.contains("low") || e.contains("high") || e.contains("approximate");
            tally.qualified += qualified;
            tally.roles += e.contains("role");
            const Figure* best = nullptr;
            for (const Figure& f : found)
                if (overlap(f.range, places[k]) > 0 &&
                    (!best || overlap(f.range, places[k]) > overlap(best->range, places[k])))
                    best = &f;
            const bool value = best && best->value && detail::near(*best->value, e["value"].get<double>());
            const bool bounds = value && detail::sameBound(best->low, e, "low") &&
                                detail::sameBound(best->high, e, "high") &&
                                best->approximate == e.value("approximate", false);
            const bool unit = value && best->unit == e["unit"].get<std::string>();
            const bool role = value && best->role == e.value("role", "");
            tally.rightValue += value;
            tally.rightBounds += qualified && bounds;
            tally.rightUnit += unit;
            tally.rightRole += e.contains("role") && role;
            if (!value || (qualified && !bounds) || !unit || !role)
                score.misses.push_back(std::string(item["kind"]) + ": " + text + "\n    wanted " + e.dump() +
                                       "\n    found  " + (best ? detail::describe(*best) : "nothing"));
        }
        for (const Figure& f : found) {
            ++tally.found;
            bool real = false;
            for (const CodePointRange place : places)
                real = real || overlap(f.range, place) > 0;
            tally.real += real;
            if (!real)
                score.misses.push_back(std::string(item["kind"]) + ": " + text +
                                       "\n    not a figure: " + detail::describe(f));
        }
        score.byKind[item["kind"]].add(tally);
        score.total.add(tally);
    }
    return score;
}

inline void printNewsScore(const NewsScore& score, std::ostream& out) {
    auto percent = [](double rate) { return std::to_string(std::lround(100 * rate)) + "%"; };
    auto row = [&](const std::string& name, const NewsTally& t) {
        out << name << ": " << t.expected << " figures, value " << percent(t.recall()) << ", real "
            << percent(t.precision()) << " of " << t.found << ", bounds " << percent(t.boundsRate()) << " of "
            << t.qualified << ", unit " << percent(t.unitRate()) << ", roles " << t.rightRole << " of "
            << t.roles << "\n";
    };
    for (const auto& [kind, tally] : score.byKind)
        row(kind, tally);
    row("all", score.total);
    for (const std::string& miss : score.misses)
        out << "  " << miss << "\n";
}

}  // namespace claimtrack
