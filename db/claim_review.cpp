#include "claim_review.h"

#include "guarded.h"
#include "text.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <ostream>

namespace claimtrack {

using db::orRefuse;
using db::refuse;

namespace {

using Json = nlohmann::ordered_json;  // properties in the order a reader expects them, not sorted

// The researcher's own judgement first; else what the verdicts on its conflicts decided (against it in
// any one: disputed).
std::optional<ClaimRating> ratingOf(const ClaimRecord& claim, const std::map<std::string, bool>& verdicts) {
    switch (claim.fields.status) {
    case ClaimStatus::Supported:
        return kSupported;
    case ClaimStatus::Disputed:
        return kDisputed;
    case ClaimStatus::Refuted:
        return kRefuted;
    case ClaimStatus::Unverified:
        break;
    }
    const auto decided = verdicts.find(claim.uuid);
    if (decided == verdicts.end())
        return std::nullopt;
    return decided->second ? kSupported : kDisputed;
}

// Whether each claim a verdict decided was supported by all of them: claim UUID to true, or false when a
// verdict went against it. Verdicts that let both stand decide nothing.
std::map<std::string, bool> verdictOutcomes(Project& project) {
    std::map<std::string, bool> outcomes;
    for (const VerdictRecord& verdict : orRefuse(project.verdictRecords())) {
        if (verdict.supported.empty())
            continue;
        for (const std::string& claim : {verdict.claimA, verdict.claimB}) {
            const bool supported = claim == verdict.supported;
            const auto [it, added] = outcomes.emplace(claim, supported);
            if (!added)
                it->second = it->second && supported;
        }
    }
    return outcomes;
}

// The claim in words, as a reader would say it: what it measures, then its own words and, when they do
// not say it, when it holds ("Surveillance cameras in China: more than 200 million cameras (2018)").
std::string claimInWords(const ClaimRecord& claim) {
    std::string words = fmt::format("{}: {}", claim.fields.metric, claim.anchor.quote.exact);
    if (!claim.fields.asOf.empty() &&
        claim.anchor.quote.exact.find(claim.fields.asOf.substr(0, 4)) == std::string::npos)
        words += fmt::format(" ({})", claim.fields.asOf);
    return words;
}

Json named(const char* type, const std::string& name, const std::string& url = {}) {
    Json thing{{"@type", type}, {"name", name}};
    if (!url.empty())
        thing["url"] = url;
    return thing;
}

// Where the claim was made: its article.
Json appearance(const ClaimRecord& claim) {
    Json work{{"@type", "CreativeWork"}, {"headline", claim.articleTitle}};
    if (!claim.url.empty())
        work["url"] = claim.url;
    if (!claim.published.empty())
        work["datePublished"] = claim.published;
    if (!claim.publisher.empty())
        work["publisher"] = named("Organization", claim.publisher);
    return work;
}

Json claimReview(const ClaimRecord& claim, const ClaimRating& rating, const MetricDetails& metric,
                 const PublishingSettings& publishing,
                 const std::map<std::string, std::string>& sourceKinds) {
    Json item{{"@type", "Claim"}};
    if (!claim.fields.source.empty()) {
        const auto kind = sourceKinds.find(claim.fields.source);
        const bool person = kind != sourceKinds.end() && kind->second == "person";
        item["author"] = named(person ? "Person" : "Organization", claim.fields.source);
    }
    if (!claim.published.empty())
        item["datePublished"] = claim.published;
    item["appearance"] = appearance(claim);
    return Json{{"@context", "https://schema.org"},
                {"@type", "ClaimReview"},
                {"url", metric.factCheckUrl},
                {"claimReviewed", claimInWords(claim)},
                {"datePublished", metric.reviewed},
                {"author", named("Organization", publishing.reviewer, publishing.reviewerUrl)},
                {"reviewRating",
                 {{"@type", "Rating"},
                  {"ratingValue", rating.value},
                  {"bestRating", kSupported.value},
                  {"worstRating", kRefuted.value},
                  {"alternateName", rating.name}}},
                {"itemReviewed", std::move(item)}};
}

// Why a judged claim cannot be published, or empty.
std::string whyLeftOut(const ClaimRecord& claim, const MetricDetails* metric) {
    const std::string what = fmt::format("claim {} {}", claim.id, quotedExcerpt(claim.anchor.quote.exact));
    if (!metric)
        return what + ": it has no metric, whose fact-check it would be published with";
    std::vector<std::string> missing;
    if (metric->factCheckUrl.empty())
        missing.emplace_back("fact-check URL");
    if (metric->reviewed.empty())
        missing.emplace_back("review date");
    if (missing.empty())
        return {};
    return fmt::format("{}: its metric {} has no {}", what, quotedExcerpt(claim.fields.metric, 60),
                       fmt::join(missing, " and no "));
}

}  // namespace

Result<ClaimReviewsWritten> writeClaimReviews(Project& project, std::ostream& out) {
    return db::guarded([&] {
        const PublishingSettings publishing = orRefuse(project.publishingSettings());
        if (publishing.reviewer.empty())
            refuse(
                ErrorCode::InvalidInput,
                "the project names no reviewer to publish the reviews under: set one with 'claimtrack-cli "
                "settings PROJECT --reviewer NAME --reviewer-url URL' (in the app: File > Project Settings)");
        std::map<std::string, MetricDetails> metrics;
        for (const Entity& metric : orRefuse(project.entities(EntityKind::Metric)))
            metrics.emplace(metric.name, metric.metric);
        std::map<std::string, std::string> sourceKinds;
        for (const Entity& source : orRefuse(project.entities(EntityKind::Source)))
            sourceKinds.emplace(source.name, source.kind);
        const std::map<std::string, bool> verdicts = verdictOutcomes(project);

        ClaimReviewsWritten written;
        out << '[';
        orRefuse(project.forEachClaim({}, [&](const ClaimRecord& claim) {
            const std::optional<ClaimRating> rating = ratingOf(claim, verdicts);
            if (!rating)
                return;
            const auto metric = metrics.find(claim.fields.metric);
            const MetricDetails* details = metric == metrics.end() ? nullptr : &metric->second;
            if (std::string why = whyLeftOut(claim, details); !why.empty()) {
                written.leftOut.push_back(std::move(why));
                return;
            }
            // Each review indented as an element of the list.
            std::string review = claimReview(claim, *rating, *details, publishing, sourceKinds).dump(2);
            for (std::size_t at = review.find('\n'); at != std::string::npos; at = review.find('\n', at + 1))
                review.insert(at + 1, "  ");
            out << (written.written++ ? ",\n  " : "\n  ") << review;
        }));
        out << (written.written ? "\n]\n" : "]\n");
        return written;
    });
}

}  // namespace claimtrack
