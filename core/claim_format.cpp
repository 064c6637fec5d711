#include "claim_format.h"
#include "json_object_writer.h"

#include <fmt/format.h>

#include <charconv>
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

void header(RowWriter& rows, const auto& columns) {
    for (const std::string_view column : columns)
        rows.text(column);
    rows.endRow();
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

std::string sourceChain(const ClaimFields& fields) {
    std::string chain = fields.source;
    for (const std::string& name : fields.via)
        chain += " via " + name;
    return chain;
}

void writeClaimHeader(RowWriter& rows) {
    header(rows, kClaimCsvColumns);
}

void writeClaimRow(RowWriter& rows, const ClaimRecord& claim) {
    const ClaimFields& f = claim.fields;
    rows.text(claim.uuid);
    rows.text(claim.articleUuid);
    rows.text(claim.articleTitle);
    rows.text(claim.publisher);
    rows.text(claim.url);
    rows.date(claim.published);
    rows.text(claim.anchor.quote.exact);
    rows.integer(claim.anchor.range.start);
    rows.integer(claim.anchor.range.end);
    rows.text(claim.anchor.quote.prefix);
    rows.text(claim.anchor.quote.suffix);
    rows.number(f.value);
    rows.number(f.low);
    rows.number(f.high);
    rows.text(f.unit);
    rows.text(f.metric);
    rows.text(f.source);
    rows.date(f.asOf);
    rows.text(toString(f.status));
    rows.text(joinTags(f.tags));
    rows.text(f.note);
    rows.date(claim.createdAt);
    rows.date(claim.updatedAt);
    rows.text(joinTags(f.via));
    rows.text(f.base.of);
    if (f.base.sampleSize)
        rows.integer(*f.base.sampleSize);
    else
        rows.number(std::nullopt);
    rows.text(f.base.fieldwork);
    rows.endRow();
}

void writeFigureJson(JsonObjectWriter& json, const ClaimFields& f) {
    json.number("value", f.value);
    json.number("low", f.low);
    json.number("high", f.high);
    json.textOrNull("unit", f.unit);
    json.textOrNull("metric", f.metric);
    json.textOrNull("source", f.source);
    json.textOrNull("as_of", f.asOf);
    json.text("status", toString(f.status));
}

void appendClaimJson(std::string& out, const ClaimRecord& claim) {
    const ClaimFields& f = claim.fields;
    JsonObjectWriter json(out);
    json.text("claim_id", claim.uuid);
    json.integer("row_id", claim.id);
    json.text("article_id", claim.articleUuid);
    json.integer("article_row_id", claim.articleId);
    json.text("article_title", claim.articleTitle);
    json.textOrNull("publisher", claim.publisher);
    json.textOrNull("url", claim.url);
    json.textOrNull("published", claim.published);
    json.text("quote", claim.anchor.quote.exact);
    json.integer("start", claim.anchor.range.start);
    json.integer("end", claim.anchor.range.end);
    json.text("prefix", claim.anchor.quote.prefix);
    json.text("suffix", claim.anchor.quote.suffix);
    writeFigureJson(json, f);
    json.texts("tags", f.tags);
    json.textOrNull("note", f.note);
    json.text("created_at", claim.createdAt);
    json.text("updated_at", claim.updatedAt);
    if (claim.page > 0)
        json.integer("page", claim.page);
    else
        json.null("page");
    json.texts("via", f.via);
    json.textOrNull("base", f.base.of);
    if (f.base.sampleSize)
        json.integer("sample_size", *f.base.sampleSize);
    else
        json.null("sample_size");
    json.textOrNull("fieldwork", f.base.fieldwork);
}

nlohmann::ordered_json claimToJson(const ClaimRecord& claim) {
    std::string json;
    appendClaimJson(json, claim);
    return nlohmann::ordered_json::parse(json);
}

void writeArticleHeader(RowWriter& rows) {
    header(rows, kArticleCsvColumns);
}

void writeArticleRow(RowWriter& rows, const Article& article) {
    rows.integer(article.id);
    rows.text(article.uuid);
    rows.text(article.meta.title);
    rows.text(article.meta.author);
    rows.text(article.meta.publisher);
    rows.text(article.meta.url);
    rows.date(article.meta.published);
    rows.date(article.importedAt);
    rows.text(article.sha256);
    rows.integer(article.length);
    rows.integer(article.claimCount);
    rows.text(article.memo);
    rows.endRow();
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
        {"memo", jsonText(article.memo)},
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

std::string describeFigure(const ClaimFields& fields) {
    return describeFigure(fields, readableNumber);
}

std::string describeFigure(const ClaimFields& f, const std::function<std::string(double)>& number) {
    const auto n = [&](std::optional<double> v) { return number(*v); };
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
