#pragma once
// Which metric a claim most likely measures, for a claim recorded without one:
// existing metrics ranked by the words they share with the claim's sentence
// and subject, and by the unit, each with the reason in words.

#include "units.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace claimtrack {

// What is known of a metric: its own words and those of the claims it holds.
struct MetricProfile {
    std::int64_t metricId = 0;
    std::string name;
    std::string details;  // description, place and population
    std::optional<UnitKind> kind;
    std::vector<std::string> claimSentences;  // each claim's words with those around them
    std::vector<std::string> claimUnits;
    std::vector<std::string> claimQuotes;  // each claim's own words, inside its entry in claimSentences
    std::vector<double> claimValues;       // each claim's figure (its bound when it has no value)
};

// The claim to place.
struct ClaimContext {
    std::string sentence;
    std::size_t quoteBegin = 0;  // where the claim's words are in `sentence` (bytes)
    std::size_t quoteEnd = 0;
    std::vector<std::pair<std::size_t, std::size_t>> otherFigures;  // other figures in `sentence` (bytes)
    std::string subject;  // what the figure finder says it counts ("surveillance cameras")
    std::string unit;
    std::optional<double> value;  // its figure, as the finder reads it
};

struct MetricProposal {
    std::int64_t metricId = 0;
    double score = 0;
    std::string reason;         // "name: surveillance, cameras; unit 'cameras' as 4 of its claims"
    std::size_t nameWords = 0;  // how many of the claim's words are in the metric's own name
    double nameShare = 0;       // the share of the name's words the claim's own words hold
};

// Whether the best of `proposals` (best first) is sure enough to fill a claim in without asking: the
// claim's own words hold a third of its name or more, and it scores well ahead of the next (half as much
// again).
bool isConfident(const std::vector<MetricProposal>& proposals);

// The `limit` best metrics, best first; metrics that share nothing with the claim are left out.
std::vector<MetricProposal> proposeMetrics(const ClaimContext& claim,
                                           const std::vector<MetricProfile>& metrics, std::size_t limit = 5);

}  // namespace claimtrack
