#pragma once
// Writes small PDFs for the importer tests: pages of paragraphs set in
// Helvetica, lines at a fixed leading with a gap between paragraphs, and the
// document's title and author; or a page with only a drawing, as a scan has.

#include <zlib.h>

#include <string>
#include <vector>

namespace claimtrack::test {

struct PdfPage {
    std::vector<std::vector<std::string>> paragraphs;  // each paragraph as its lines
    bool drawingOnly = false;                          // no text: a filled rectangle, as a scanned page
};

inline std::string pdfString(const std::string& text) {
    std::string out = "(";
    for (const char c : text)
        out += (c == '(' || c == ')' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return out + ")";
}

// `content` replaces the first page's content stream when given (already deflated when `deflated`).
inline std::string makePdf(const std::vector<PdfPage>& pages, const std::string& title,
                           const std::string& author, const std::string& content = {},
                           bool deflated = false) {
    std::vector<std::string> objects;  // object n is objects[n - 1]
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("");  // the page tree, once the pages are numbered
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Title " + pdfString(title) + " /Author " + pdfString(author) +
                      " /CreationDate (D:20190115093000Z) >>");
    std::string kids;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::string stream;
        if (p == 0 && !content.empty()) {
            stream = content;
        } else if (pages[p].drawingOnly) {
            stream = "0.5 g 72 72 468 648 re f";
        } else {
            stream = "BT /F1 11 Tf 14 TL 72 720 Td\n";
            for (const auto& paragraph : pages[p].paragraphs) {
                for (const std::string& line : paragraph)
                    stream += pdfString(line) + " Tj T*\n";
                stream += "0 -10 Td\n";  // the gap between paragraphs
            }
            stream += "ET";
        }
        const std::string filter = p == 0 && deflated ? " /Filter /FlateDecode" : "";
        objects.push_back("<< /Length " + std::to_string(stream.size()) + filter + " >>\nstream\n" + stream +
                          "\nendstream");
        const std::size_t contentId = objects.size();
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
            ">> >> /Contents " +
            std::to_string(contentId) + " 0 R >>");
        kids += std::to_string(objects.size()) + " 0 R ";
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char entry[21];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R /Info 4 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// `size` zero bytes, deflated: a few hundred kilobytes that inflate to `size`.
inline std::string deflatedZeros(std::size_t size) {
    z_stream z{};
    deflateInit(&z, 1);
    std::string out;
    std::vector<unsigned char> zeros(1 << 20, 0), buffer(1 << 16);
    for (std::size_t done = 0; done < size; done += zeros.size()) {
        z.next_in = zeros.data();
        z.avail_in = static_cast<uInt>(std::min(zeros.size(), size - done));
        const int flush = done + zeros.size() >= size ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = buffer.data();
            z.avail_out = static_cast<uInt>(buffer.size());
            deflate(&z, flush);
            out.append(reinterpret_cast<char*>(buffer.data()), buffer.size() - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

}  // namespace claimtrack::test
