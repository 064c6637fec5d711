#pragma once
// The report (db/report.h) as Qt's rich text, for printing and for PDF: the same HTML page, its charts
// drawn from their SVG as vectors (a text object that paints with QSvgRenderer, where an image would be
// pixels), its pages numbered by QTextDocument::print.

#include "result.h"

#include <QString>

#include <memory>
#include <string>

class QPagedPaintDevice;
class QTextDocument;

namespace claimtrack::gui {

// The report's HTML as a document; each <svg> chart becomes an object that draws it, as wide as the page.
std::unique_ptr<QTextDocument> reportDocument(const std::string& html);

// Prints the report onto `device` (a printer, or a PDF writer), its pages numbered at the foot.
void printReport(const std::string& html, QPagedPaintDevice& device);

// Writes the report as a PDF file, whole or not at all.
Result<void> writeReportPdf(const std::string& html, const QString& path);

// Draws an SVG chart file as a PNG image at twice its size, on white, whole or not at all.
Result<void> writeChartPng(const QString& svgPath, const QString& path);

}  // namespace claimtrack::gui
