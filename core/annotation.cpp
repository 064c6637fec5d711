#include "annotation.h"

#include "claim_format.h"
#include "json_object_writer.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <utility>

namespace claimtrack {

namespace {

// "626,000,000 cameras: Surveillance cameras in China, IHS Markit, as of 2020"
std::string describeClaim(const ClaimFields& f) {
    std::string text = f.value || f.low || f.high ? describeFigure(f) : std::string("no figure");
    if (!f.unit.empty())
        text += " " + f.unit;
    for (const auto& [label, part] : {std::pair{"", &f.metric}, {"", &f.source}, {"as of ", &f.asOf}})
        if (!part->empty())
            text += std::string(text.find(':') == std::string::npos ? ": " : ", ") + label + *part;
    return text;
}

// The figure as data, for a program that reads the annotation: the keys of `claims --format json`.
std::string figureJson(const ClaimFields& f) {
    std::string out;
    {
        JsonObjectWriter json(out);  // closes the object when it goes
        writeFigureJson(json, f);
    }
    return out;
}

}  // namespace

// Written straight into text, as `claims --format json` is: a tree for each of a million annotations took
// four times as long as the CSV.
void appendAnnotationJson(std::string& out, const ClaimRecord& claim) {
    const ClaimFields& f = claim.fields;
    JsonObjectWriter annotation(out);
    annotation.text("@context", kAnnotationContext);
    annotation.text("id", "urn:uuid:" + claim.uuid);
    annotation.text("type", "Annotation");
    annotation.text("motivation", "describing");
    annotation.text("created", claim.createdAt);
    annotation.text("modified", claim.updatedAt);

    annotation.key("body");
    out += '[';
    bool first = true;
    const auto body = [&](std::string_view purpose, std::string_view value,
                          std::string_view format = "text/plain") {
        if (!std::exchange(first, false))
            out += ',';
        JsonObjectWriter textual(out);
        textual.text("type", "TextualBody");
        textual.text("purpose", purpose);
        textual.text("value", value);
        textual.text("format", format);
    };
    body("describing", describeClaim(f));
    body("describing", figureJson(f), "application/json");
    body("assessing", toString(f.status));
    for (const std::string& tag : f.tags)
        body("tagging", tag);
    if (!f.note.empty())
        body("commenting", f.note);
    out += ']';

    annotation.key("target");
    JsonObjectWriter target(out);
    target.text("source", claim.url.empty() ? "urn:uuid:" + claim.articleUuid : claim.url);
    target.key("selector");
    out += '[';
    {
        const TextQuote& quote = claim.anchor.quote;
        JsonObjectWriter selector(out);
        selector.text("type", "TextQuoteSelector");
        selector.text("exact", quote.exact);
        if (!quote.prefix.empty())
            selector.text("prefix", quote.prefix);
        if (!quote.suffix.empty())
            selector.text("suffix", quote.suffix);
    }
    out += ',';
    {
        JsonObjectWriter selector(out);
        selector.text("type", "TextPositionSelector");
        selector.integer("start", claim.anchor.range.start);
        selector.integer("end", claim.anchor.range.end);
    }
    out += ']';
}

namespace {

using Json = nlohmann::json;

std::string textOf(const Json& node, const char* key) {
    const auto found = node.find(key);
    return found != node.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<double> numberOf(const Json& node, const char* key) {
    const auto found = node.find(key);
    return found != node.end() && found->is_number() ? std::optional(found->get<double>()) : std::nullopt;
}

// A property that may be one value or an array of them, as JSON-LD allows.
std::vector<Json> eachOf(const Json& node, const char* key) {
    const auto found = node.find(key);
    if (found == node.end())
        return {};
    return found->is_array() ? std::vector<Json>(found->begin(), found->end()) : std::vector<Json>{*found};
}

void readBody(const Json& body, ClaimFields& fields) {
    if (!body.is_object())
        return;
    const std::string purpose = textOf(body, "purpose");
    const std::string value = textOf(body, "value");
    if (purpose == "tagging" && !value.empty())
        fields.tags.push_back(value);
    else if (purpose == "commenting" && !value.empty())
        fields.note += (fields.note.empty() ? "" : "\n\n") + value;
    else if (purpose == "assessing") {
        if (auto status = parseClaimStatus(value))
            fields.status = *status;
    } else if (purpose == "describing" && textOf(body, "format") == "application/json") {
        const Json figure = Json::parse(value, nullptr, false);
        if (!figure.is_object())
            return;
        fields.value = numberOf(figure, "value");
        fields.low = numberOf(figure, "low");
        fields.high = numberOf(figure, "high");
        fields.unit = textOf(figure, "unit");
        fields.metric = textOf(figure, "metric");
        fields.source = textOf(figure, "source");
        fields.asOf = textOf(figure, "as_of");
    }
}

Result<ReadAnnotation> readAnnotation(const Json& node, std::size_t index) {
    ReadAnnotation annotation;
    annotation.id = textOf(node, "id");
    const std::string which =
        annotation.id.empty() ? fmt::format("annotation {}", index + 1) : "annotation " + annotation.id;
    const std::vector<Json> targets = eachOf(node, "target");
    if (targets.empty())
        return makeError(ErrorCode::InvalidInput, which + " has no target");
    const Json& target = targets.front();
    if (target.is_string()) {
        annotation.source = target.get<std::string>();
    } else if (target.is_object()) {
        annotation.source = textOf(target, "source");
        for (const Json& selector : eachOf(target, "selector")) {
            if (!selector.is_object())
                continue;
            const std::string type = textOf(selector, "type");
            if (type == "TextQuoteSelector" && !textOf(selector, "exact").empty())
                annotation.quote = TextQuote{textOf(selector, "exact"), textOf(selector, "prefix"),
                                             textOf(selector, "suffix")};
            else if (type == "TextPositionSelector") {
                const auto start = numberOf(selector, "start"), end = numberOf(selector, "end");
                constexpr double kLongest = 1e15;  // code points: beyond any text, and within an int64
                if (start && end && *start >= 0 && *end > *start && *end < kLongest)
                    annotation.position =
                        CodePointRange{static_cast<std::int64_t>(*start), static_cast<std::int64_t>(*end)};
            }
        }
    }
    if (annotation.source.empty())
        return makeError(ErrorCode::InvalidInput, which + ": its target names no source");
    for (const Json& body : eachOf(node, "body"))
        readBody(body, annotation.fields);
    return annotation;
}

}  // namespace

Result<std::vector<ReadAnnotation>> readAnnotations(std::string_view text) {
    Json document;
    try {
        document = Json::parse(text);
    } catch (const Json::parse_error& error) {
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("not JSON: {} (at byte {})", error.what(), error.byte));
    } catch (const Json::exception& error) {  // a number past a double's range, found by the fuzz target
        return makeError(ErrorCode::InvalidInput, fmt::format("not JSON that can be read: {}", error.what()));
    }
    // The annotations: one, an array, a page's items or a collection's first page.
    Json items = document;
    if (document.is_object()) {
        const std::string type = textOf(document, "type");
        if (type == "AnnotationCollection" && document.contains("first") && document["first"].is_object())
            items = document["first"].value("items", Json::array());
        else if (type == "AnnotationPage")
            items = document.value("items", Json::array());
        else
            items = Json::array({document});
    }
    if (!items.is_array())
        return makeError(ErrorCode::InvalidInput, "not W3C Web Annotations: no annotation or list of them");
    std::vector<ReadAnnotation> annotations;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto annotation = readAnnotation(items[i], i);
        if (!annotation)
            return annotation.error();
        annotations.push_back(std::move(*annotation));
    }
    return annotations;
}

}  // namespace claimtrack
