#pragma once
// A claim as a W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): its words on its
// article by a TextQuoteSelector and a TextPositionSelector (code points, as the model counts), and bodies
// that say what the claim records: the figure in words, the same as data, its status, its tags and note.

#include "model.h"

#include "anchor.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

inline constexpr std::string_view kAnnotationContext = "http://www.w3.org/ns/anno.jsonld";

// Appends the annotation of `claim` as JSON, identified by the claim's UUID ("urn:uuid:…"); its target is
// the article's URL, or the article's UUID where it has none.
void appendAnnotationJson(std::string& out, const ClaimRecord& claim);

// An annotation as read from a file, before it is placed on an article.
struct ReadAnnotation {
    std::string id;                  // its IRI, or empty
    std::string source;              // what it annotates: an article's URL, or "urn:uuid:" and its UUID
    std::optional<TextQuote> quote;  // from a TextQuoteSelector
    std::optional<CodePointRange> position;  // from a TextPositionSelector
    ClaimFields fields;                      // from its bodies: tags, note, status; Claimtrack's figure data
};

// The annotations in a JSON(-LD) document: one annotation, an array of them, an AnnotationPage or an
// AnnotationCollection (its first page, as Claimtrack writes it). Bodies with the purpose tagging give
// tags, commenting the note, assessing the status; a describing body of application/json (as Claimtrack
// writes the figure) gives value, bounds, unit, metric, source and as-of. A document that is not JSON, or
// an annotation without a target, is refused, saying where.
Result<std::vector<ReadAnnotation>> readAnnotations(std::string_view json);

}  // namespace claimtrack
