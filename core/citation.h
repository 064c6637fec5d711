#pragma once
// Articles as reference managers read them, so that a report's sources can be cited from Zotero, JabRef
// or a LaTeX bibliography: CSL-JSON (the Citation Style Language's data format) and BibTeX.
//
// A news article is an "article-newspaper" in CSL and an @article in BibTeX, its publisher the container
// ("journal"); its author is kept as written (a literal name: "Staff reporters" or a byline with two names
// is not split into given and family names), its date as precise as it is known, the date it was imported
// as the date it was accessed.

#include "model.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace claimtrack {

// One CSL-JSON item for the article, its id "article-<id>".
nlohmann::ordered_json cslItem(const Article& article);

// The BibTeX entries for the articles, keys made from the author (or publisher) and the year, unique
// among them ("ledger2018", "ledger2018a").
std::string bibtexEntries(const std::vector<Article>& articles);

}  // namespace claimtrack
