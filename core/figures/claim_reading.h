#pragma once
// What a claim recorded from a found figure says: the finder's reading turned
// into claim fields, for a suggestion accepted and for the claim editor opened
// on the words.

#include "figures.h"
#include "model.h"

#include <string>

namespace claimtrack {

// Value, bounds, unit, source and as-of from `figure`; `published` is the article's date, whose year a
// figure told "today" or with no time holds in. A count's unit is what it counts ("cameras"), since a bare
// number says nothing.
ClaimFields claimFieldsFrom(const Figure& figure, const std::string& published);

// The form of a source's name that finds the same source however the text writes it: case folded,
// a possessive and a leading "the" dropped ("the IHS's" -> "ihs").
std::string sourceKey(std::string_view name);

// Whether `written` (as a text names a source) names `known` (a source of the project): the same key,
// or the key of one is the first words of the other's ("IHS" and "IHS Markit").
bool namesSameSource(std::string_view written, std::string_view known);

}  // namespace claimtrack
