#include "pdf.h"
#include "text.h"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace claimtrack {

namespace {

std::string utf8Of(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Inflates every deflated stream of the file with a running budget, without keeping what comes out:
// true when all of them together stay within `limit`. Streams that are not deflated (images) end the
// inflater at once and cost nothing.
bool inflatesWithin(std::string_view bytes, std::uint64_t limit) {
    std::uint64_t total = 0;
    std::vector<unsigned char> sink(1 << 16);
    for (std::size_t at = bytes.find("stream"); at != std::string_view::npos;
         at = bytes.find("stream", at + 6)) {
        if (at >= 3 && bytes.substr(at - 3, 3) == "end")
            continue;  // "endstream"
        std::size_t data = at + 6;
        if (data < bytes.size() && bytes[data] == '\r')
            ++data;
        if (data < bytes.size() && bytes[data] == '\n')
            ++data;
        z_stream z{};
        if (inflateInit(&z) != Z_OK)
            return false;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + data));
        z.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes.size() - data, UINT32_MAX));
        int status = Z_OK;
        while (status == Z_OK) {
            z.next_out = sink.data();
            z.avail_out = static_cast<uInt>(sink.size());
            status = inflate(&z, Z_NO_FLUSH);
            total += sink.size() - z.avail_out;
            if (total > limit) {
                inflateEnd(&z);
                return false;
            }
            if (z.avail_out != 0 && status == Z_OK && z.avail_in == 0)
                break;
        }
        inflateEnd(&z);
    }
    return true;
}

struct Word {
    std::string text;
    poppler::rectf box;
    bool spaceAfter = false;
};

// A page's words, in Poppler's reading order, as paragraphs: a new line where the words go back to the
// left or down, a new paragraph where the gap between lines is well above the page's usual line
// spacing or the reading order jumps to another column; a hyphen that ends a line joins the word.
std::string pageText(const std::vector<Word>& words) {
    struct Line {
        std::string text;
        double top = 0, bottom = 0, left = 0;
    };
    std::vector<Line> lines;
    for (const Word& word : words) {
        const poppler::rectf& b = word.box;
        const bool newLine = lines.empty() || b.top() >= lines.back().bottom - 0.2 * b.height() ||
                             b.left() < lines.back().left - 1 || b.bottom() <= lines.back().top;
        if (newLine)
            lines.push_back({{}, b.top(), b.bottom(), b.left()});
        Line& line = lines.back();
        line.text += word.text + (word.spaceAfter ? " " : "");
        line.top = std::min(line.top, b.top());
        line.bottom = std::max(line.bottom, b.bottom());
    }
    // The usual distance from one line's top to the next one's, below which lines run on in a paragraph.
    std::vector<double> steps;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (lines[i].top > lines[i - 1].top)
            steps.push_back(lines[i].top - lines[i - 1].top);
    std::sort(steps.begin(), steps.end());
    const double usual = steps.empty() ? 0 : steps[steps.size() / 2];

    std::string text;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = lines[i].text;
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        if (i > 0) {
            const double step = lines[i].top - lines[i - 1].top;
            const bool paragraph = step <= 0 || (usual > 0 && step > 1.4 * usual);
            if (paragraph)
                text += "\n\n";
            else if (!text.empty() && text.back() == '-' && text.size() > 1 &&
                     std::isalpha(static_cast<unsigned char>(text[text.size() - 2])))
                text.pop_back();  // "surveil-" + "lance"
            else
                text += ' ';
        }
        text += line;
    }
    return text;
}

}  // namespace

Result<PdfArticle> extractPdfArticle(std::string_view bytes, std::string_view what) {
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        return makeError(ErrorCode::InvalidInput, fmt::format("{} is too large a PDF", what));
    if (!inflatesWithin(bytes, kMaxPdfInflatedBytes))
        return makeError(ErrorCode::InvalidInput,
                         fmt::format("{}: its compressed contents would grow past {} MiB; a PDF like that is "
                                     "refused (a \"zip bomb\")",
                                     what, kMaxPdfInflatedBytes >> 20));
    // Poppler reports every oddity of a damaged file on stderr; the import reports what matters.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    const std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document)
        return makeError(ErrorCode::InvalidInput, fmt::format("{} is not a PDF that can be read", what));
    if (document->is_locked())
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("{} is protected by a password; save an unprotected copy to import it", what));

    PdfArticle article;
    article.meta.title = normalizeField(utf8Of(document->get_title()));
    article.meta.author = normalizeField(utf8Of(document->get_author()));
    if (const time_t created = document->get_creation_date_t(); created > 0) {
        char date[11];
        std::tm utc{};
        gmtime_r(&created, &utc);
        if (std::strftime(date, sizeof date, "%Y-%m-%d", &utc) == 10)
            article.meta.published = date;
    }
    bool anyText = false;
    for (int i = 0; i < document->pages(); ++i) {
        const std::unique_ptr<poppler::page> page(document->create_page(i));
        std::vector<Word> words;
        if (page)
            for (const poppler::text_box& box : page->text_list())
                words.push_back({utf8Of(box.text()), box.bbox(), box.has_space_after()});
        article.pages.push_back(pageText(words));
        anyText = anyText || !words.empty();
    }
    if (!anyText)
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("{} has no text to import: it looks like a scan (pages as images). Run it "
                        "through OCR first, then import the result",
                        what));
    return article;
}

}  // namespace claimtrack
