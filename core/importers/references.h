#pragma once
// Reading what reference managers export (Zotero, Mendeley, JabRef, EndNote): CSL-JSON, RIS and BibTeX,
// each reference as an article's metadata, with the file it names as its attachment when it names one.

#include "model.h"

#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

struct Reference {
    ArticleMeta meta;        // title, authors ("Mei Zhang, Tom Ashby"), container as publisher, URL, date
    std::string doi;         // "10.1080/…": matched in an article's URL
    std::string attachment;  // a file the reference names (RIS L1, BibTeX file), or empty
};

// The references in a CSL-JSON (.json), RIS (.ris) or BibTeX (.bib) file, `fileName` telling which. A
// file that is none of them is refused, saying where.
Result<std::vector<Reference>> readReferences(std::string_view bytes, std::string_view fileName);

}  // namespace claimtrack
