#pragma once
// A claim as a W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): its words on its
// article by a TextQuoteSelector and a TextPositionSelector (code points, as the model counts), and bodies
// that say what the claim records: the figure in words, the same as data, its status, its tags and note.

#include "model.h"

#include <string>
#include <string_view>

namespace claimtrack {

inline constexpr std::string_view kAnnotationContext = "http://www.w3.org/ns/anno.jsonld";

// Appends the annotation of `claim` as JSON, identified by the claim's UUID ("urn:uuid:…"); its target is
// the article's URL, or the article's UUID where it has none.
void appendAnnotationJson(std::string& out, const ClaimRecord& claim);

}  // namespace claimtrack
