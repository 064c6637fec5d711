#include "claim_format.h"

#include <cmath>

namespace claimtrack {

nlohmann::ordered_json jsonText(const std::string& text) {
    return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
}

nlohmann::ordered_json jsonNumber(std::optional<double> value) {
    if (!value)
        return nullptr;
    if (*value == std::trunc(*value) && std::fabs(*value) < 1e15)
        return static_cast<std::int64_t>(*value);
    return *value;
}

namespace {

void header(CsvWriter& csv, const auto& columns) {
    for (const std::string_view column : columns)
        csv.text(column);
    csv.endRow();
}

}  // namespace

std::string joinTags(const std::vector<std::string>& tags) {
    std::string joined;
    for (const std::string& tag : tags) {
        if (!joined.empty())
            joined += kTagSeparator;
        joined += tag;
    }
    return joined;
}

void writeClaimCsvHeader(CsvWriter& csv) {
    header(csv, kClaimCsvColumns);
}

void writeClaimCsvRow(CsvWriter& csv, const ClaimRecord& claim) {
    const ClaimFields& f = claim.fields;
    csv.text(claim.uuid);
    csv.text(claim.articleUuid);
    csv.text(claim.articleTitle);
    csv.text(claim.publisher);
    csv.text(claim.url);
    csv.text(claim.published);
    csv.text(claim.anchor.quote.exact);
    csv.integer(claim.anchor.range.start);
    csv.integer(claim.anchor.range.end);
    csv.text(claim.anchor.quote.prefix);
    csv.text(claim.anchor.quote.suffix);
    csv.number(f.value);
    csv.number(f.low);
    csv.number(f.high);
    csv.text(f.unit);
    csv.text(f.metric);
    csv.text(f.source);
    csv.text(f.asOf);
    csv.text(toString(f.status));
    csv.text(joinTags(f.tags));
    csv.text(f.note);
    csv.text(claim.createdAt);
    csv.text(claim.updatedAt);
    csv.endRow();
}

nlohmann::ordered_json claimToJson(const ClaimRecord& claim) {
    const ClaimFields& f = claim.fields;
    return {
        {"claim_id", claim.uuid},
        {"row_id", claim.id},
        {"article_id", claim.articleUuid},
        {"article_row_id", claim.articleId},
        {"article_title", claim.articleTitle},
        {"publisher", jsonText(claim.publisher)},
        {"url", jsonText(claim.url)},
        {"published", jsonText(claim.published)},
        {"quote", claim.anchor.quote.exact},
        {"start", claim.anchor.range.start},
        {"end", claim.anchor.range.end},
        {"prefix", claim.anchor.quote.prefix},
        {"suffix", claim.anchor.quote.suffix},
        {"value", jsonNumber(f.value)},
        {"low", jsonNumber(f.low)},
        {"high", jsonNumber(f.high)},
        {"unit", jsonText(f.unit)},
        {"metric", jsonText(f.metric)},
        {"source", jsonText(f.source)},
        {"as_of", jsonText(f.asOf)},
        {"status", toString(f.status)},
        {"tags", f.tags},
        {"note", jsonText(f.note)},
        {"created_at", claim.createdAt},
        {"updated_at", claim.updatedAt},
        {"page", claim.page > 0 ? nlohmann::ordered_json(claim.page) : nlohmann::ordered_json()},
    };
}

void writeArticleCsvHeader(CsvWriter& csv) {
    header(csv, kArticleCsvColumns);
}

void writeArticleCsvRow(CsvWriter& csv, const Article& article) {
    csv.integer(article.id);
    csv.text(article.uuid);
    csv.text(article.meta.title);
    csv.text(article.meta.author);
    csv.text(article.meta.publisher);
    csv.text(article.meta.url);
    csv.text(article.meta.published);
    csv.text(article.importedAt);
    csv.text(article.sha256);
    csv.integer(article.length);
    csv.integer(article.claimCount);
    csv.endRow();
}

nlohmann::ordered_json articleToJson(const Article& article) {
    return {
        {"row_id", article.id},
        {"article_id", article.uuid},
        {"title", article.meta.title},
        {"author", jsonText(article.meta.author)},
        {"publisher", jsonText(article.meta.publisher)},
        {"url", jsonText(article.meta.url)},
        {"published", jsonText(article.meta.published)},
        {"imported_at", article.importedAt},
        {"sha256", article.sha256},
        {"length", article.length},
        {"claims", article.claimCount},
        {"format", article.format},
        {"encoding", article.encoding},
    };
}

std::string readableNumber(double value) {
    std::string digits = formatNumber(value);
    if (digits.find_first_of("e.") != std::string::npos)
        return digits;
    const std::size_t first = digits.front() == '-' ? 1 : 0;
    for (std::size_t at = digits.size(); at > first + 3; at -= 3)
        digits.insert(at - 3, ",");
    return digits;
}

std::string describeFigure(const ClaimFields& f) {
    const auto n = [](std::optional<double> v) { return readableNumber(*v); };
    if (!f.low && !f.high)
        return f.value ? n(f.value) : std::string();
    std::string bounds = f.low && f.high ? n(f.low) + "–" + n(f.high)
                         : f.low         ? "≥ " + n(f.low)
                                         : "≤ " + n(f.high);
    const bool valueIsABound =
        !f.value || (f.low && *f.value == *f.low && !f.high) || (f.high && *f.value == *f.high);
    return valueIsABound ? bounds : n(f.value) + " (" + bounds + ")";
}

}  // namespace claimtrack
