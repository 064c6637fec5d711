#pragma once
// Fact-check markup: every claim the researcher has judged, as a schema.org ClaimReview in JSON-LD, the
// markup search engines and fact-check aggregators read. docs/claimreview.md says what each property is
// made from, and the rating scale.

#include "project.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace claimtrack {

// The rating scale every review states: worst 1, best 3.
struct ClaimRating {
    int value = 0;
    const char* name = "";  // "Supported", "Disputed", "Refuted": the words search results show
};
inline constexpr ClaimRating kRefuted{1, "Refuted"}, kDisputed{2, "Disputed"}, kSupported{3, "Supported"};

// What was written, and each judged claim left out with why.
struct ClaimReviewsWritten {
    std::size_t written = 0;
    std::vector<std::string>
        leftOut;  // "claim 12 "more than 200 million": its metric "…" has no fact-check URL"
};

// Writes a JSON array of ClaimReviews to `out`, one for each claim whose status is supported, disputed or
// refuted, or, left unverified, that a verdict decided: the claim a verdict supports is rated supported,
// the other side disputed. A review is published with its claim's metric (its fact-check URL and review
// day); a judged claim whose metric has neither, or that has no metric, is left out and named, never
// half-written. Refused, writing nothing, while the project names no reviewer.
Result<ClaimReviewsWritten> writeClaimReviews(Project& project, std::ostream& out);

}  // namespace claimtrack
