#include "document.h"
#include "encoding.h"
#include "html.h"
#include "pdf.h"
#include "text.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace claimtrack {

namespace {

DocumentFormat formatOf(std::string_view bytes, std::string_view fileName) {
    const std::optional<DocumentFormat> byName = formatOfExtension(fileName);
    if (byName == DocumentFormat::Pdf || bytes.starts_with("%PDF-"))
        return DocumentFormat::Pdf;
    if (byName == DocumentFormat::Html || looksLikeHtml(bytes))
        return DocumentFormat::Html;
    return byName.value_or(DocumentFormat::Text);
}

}  // namespace

std::string lowerExtension(std::string_view fileName) {
    std::string extension = std::filesystem::path(fileName).extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

std::optional<DocumentFormat> formatOfExtension(std::string_view fileName) {
    const std::string extension = lowerExtension(fileName);
    static const std::pair<std::string_view, DocumentFormat> kExtensions[] = {
        {".txt", DocumentFormat::Text},    {".text", DocumentFormat::Text},
        {".md", DocumentFormat::Markdown}, {".markdown", DocumentFormat::Markdown},
        {".html", DocumentFormat::Html},   {".htm", DocumentFormat::Html},
        {".xhtml", DocumentFormat::Html},  {".pdf", DocumentFormat::Pdf}};
    for (const auto& [known, format] : kExtensions)
        if (extension == known)
            return format;
    return std::nullopt;
}

std::string_view toString(DocumentFormat format) {
    switch (format) {
    case DocumentFormat::Text:
        return "text";
    case DocumentFormat::Markdown:
        return "markdown";
    case DocumentFormat::Html:
        return "html";
    case DocumentFormat::Pdf:
        return "pdf";
    }
    return "text";
}

Result<ImportedDocument> readDocument(std::string_view bytes, std::string_view fileName) {
    if (bytes.empty())
        return makeError(ErrorCode::InvalidInput, std::string(fileName) + " is empty");
    ImportedDocument document;
    document.format = formatOf(bytes, fileName);
    std::string text;
    if (document.format == DocumentFormat::Pdf) {
        auto pdf = extractPdfArticle(bytes, fileName);
        if (!pdf)
            return pdf.error();
        document.meta = std::move(pdf->meta);
        // Pages are joined with form feeds, which normalising keeps, so that their starts can be found after
        // it.
        for (const std::string& page : pdf->pages)
            text += page + '\f';
    } else {
        auto decoded = decodeText(bytes, fileName);
        if (!decoded)
            return decoded.error();
        document.encoding = std::move(decoded->encoding);
        document.encodingGuessed = decoded->guessed;
        if (document.format == DocumentFormat::Html) {
            auto page = extractHtmlArticle(decoded->utf8, fileName);
            if (!page)
                return page.error();
            document.meta = std::move(page->meta);
            text = std::move(page->text);
        } else {
            text = std::move(decoded->utf8);
        }
    }
    auto normalized = normalizeArticleText(text, fileName);
    if (!normalized)
        return normalized.error();
    document.text = std::move(*normalized);
    if (document.format == DocumentFormat::Pdf) {
        std::int64_t at = 0;
        document.pageStarts.push_back(0);
        for (char& c : document.text) {
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
                ++at;
            if (c == '\f') {
                c = '\n';  // a page ends a line; the form feed would show as a box
                document.pageStarts.push_back(at);
            }
        }
        while (!document.text.empty() && document.text.back() == '\n')
            document.text.pop_back();
        // Pages without text at the end (a chart, a blank back cover) lost their feeds with the trailing
        // line ends: no page starts at or past the end of the text, except the first of an empty one.
        const std::int64_t length = codePointCount(document.text);
        while (document.pageStarts.size() > 1 && document.pageStarts.back() >= length)
            document.pageStarts.pop_back();
    }
    return document;
}

int pageAt(const std::vector<std::int64_t>& pageStarts, std::int64_t offset) {
    const auto after = std::upper_bound(pageStarts.begin(), pageStarts.end(), offset);
    return static_cast<int>(after - pageStarts.begin());
}

}  // namespace claimtrack
