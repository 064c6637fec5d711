#include "annotation.h"

#include "claim_format.h"
#include "json_object_writer.h"

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

}  // namespace claimtrack
