#include "annotation.h"

#include "claim_format.h"

namespace claimtrack {

namespace {

nlohmann::ordered_json textualBody(std::string_view purpose, const std::string& value,
                                   std::string_view format = "text/plain") {
    return {{"type", "TextualBody"}, {"purpose", purpose}, {"value", value}, {"format", format}};
}

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

}  // namespace

nlohmann::ordered_json claimToAnnotation(const ClaimRecord& claim) {
    const ClaimFields& f = claim.fields;
    nlohmann::ordered_json figure{{"value", jsonNumber(f.value)}, {"low", jsonNumber(f.low)},
                                  {"high", jsonNumber(f.high)},   {"unit", jsonText(f.unit)},
                                  {"metric", jsonText(f.metric)}, {"source", jsonText(f.source)},
                                  {"as_of", jsonText(f.asOf)},    {"status", toString(f.status)}};
    nlohmann::ordered_json bodies = nlohmann::ordered_json::array();
    bodies.push_back(textualBody("describing", describeClaim(f)));
    bodies.push_back(textualBody("describing", figure.dump(), "application/json"));
    bodies.push_back(textualBody("assessing", std::string(toString(f.status))));
    for (const std::string& tag : f.tags)
        bodies.push_back(textualBody("tagging", tag));
    if (!f.note.empty())
        bodies.push_back(textualBody("commenting", f.note));

    const TextQuote& quote = claim.anchor.quote;
    nlohmann::ordered_json quoteSelector{{"type", "TextQuoteSelector"}, {"exact", quote.exact}};
    if (!quote.prefix.empty())
        quoteSelector["prefix"] = quote.prefix;
    if (!quote.suffix.empty())
        quoteSelector["suffix"] = quote.suffix;
    return {
        {"@context", kAnnotationContext},
        {"id", "urn:uuid:" + claim.uuid},
        {"type", "Annotation"},
        {"motivation", "describing"},
        {"created", claim.createdAt},
        {"modified", claim.updatedAt},
        {"body", std::move(bodies)},
        {"target",
         {{"source", claim.url.empty() ? "urn:uuid:" + claim.articleUuid : claim.url},
          {"selector",
           {std::move(quoteSelector),
            {{"type", "TextPositionSelector"},
             {"start", claim.anchor.range.start},
             {"end", claim.anchor.range.end}}}}}},
    };
}

}  // namespace claimtrack
