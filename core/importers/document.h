#pragma once
// Any article file as text: plain text and Markdown in any common encoding,
// saved web pages, and PDFs, each with what it says of itself (title, author,
// publisher, URL, date) and, for a PDF, where each page starts.

#include "model.h"
#include "result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

enum class DocumentFormat { Text, Markdown, Html, Pdf };
std::string_view toString(DocumentFormat format);

struct ImportedDocument {
    std::string text;  // UTF-8, normalised (NFC, LF), as stored; PDF pages end at a line break each
    ArticleMeta meta;
    DocumentFormat format = DocumentFormat::Text;
    std::string encoding;                  // the text's encoding as found; empty for PDFs
    bool encodingGuessed = false;          // found by statistics: the reader should check the text
    std::vector<std::int64_t> pageStarts;  // PDFs: the code point where each page begins (page 1 first)
};

// A file name's extension in lower case, with its dot (".pdf" for "Report.PDF"), or empty.
std::string lowerExtension(std::string_view fileName);

// The format a file's extension names (.txt, .md, .html, .pdf, ...), or none for other files.
std::optional<DocumentFormat> formatOfExtension(std::string_view fileName);

// `fileName` picks the format by extension, or else the bytes do ("%PDF-", "<!doctype html").
Result<ImportedDocument> readDocument(std::string_view bytes, std::string_view fileName);

// The page (1 first) that holds code point `offset`, for a document with these page starts; 0 without pages.
int pageAt(const std::vector<std::int64_t>& pageStarts, std::int64_t offset);

}  // namespace claimtrack
