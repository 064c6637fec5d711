#include "report_document.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>

namespace claimtrack::gui {

namespace {

constexpr int kChartObject = QTextFormat::UserObject + 1;
constexpr int kChartSvg = QTextFormat::UserProperty + 1;  // the chart's SVG, as bytes
constexpr const char* kChartScheme = "chart:";

// Draws a chart from its SVG at the size its format says: vectors on a PDF or a printer.
class ChartObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    using QObject::QObject;
    // Its size in the format is in pixels of a 96 dpi screen, as an image's is: on a printer or a PDF it
    // takes as many of the device's.
    QSizeF intrinsicSize(QTextDocument* document, int, const QTextFormat& format) override {
        const QTextImageFormat image = format.toImageFormat();
        const QPaintDevice* device = document->documentLayout()->paintDevice();
        const double scale = device ? device->logicalDpiY() / 96.0 : 1.0;
        return {image.width() * scale, image.height() * scale};
    }
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                    const QTextFormat& format) override {
        QSvgRenderer renderer(format.property(kChartSvg).toByteArray());
        renderer.render(painter, rect);
    }
};

}  // namespace

std::unique_ptr<QTextDocument> reportDocument(const std::string& html) {
    // Qt's rich text knows no <svg>: each chart stands in as an image first, then becomes a chart object.
    // The page's own style sheet sizes text in CSS pixels, which Qt takes for the device's: it gives way to
    // sizes in points, which print the same on every device.
    QString text = QString::fromStdString(html);
    static const QRegularExpression style(QStringLiteral("<style>.*?</style>"),
                                          QRegularExpression::DotMatchesEverythingOption);
    text.remove(style);
    text.replace(QStringLiteral("<table>"),
                 QStringLiteral("<table width=\"100%\">"));  // as the page's CSS says
    QList<QByteArray> charts;
    static const QRegularExpression svg(QStringLiteral("<svg\\b.*?</svg>"),
                                        QRegularExpression::DotMatchesEverythingOption);
    QString replaced;
    qsizetype from = 0;
    for (auto it = svg.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        replaced += text.mid(from, match.capturedStart() - from);
        replaced +=
            QStringLiteral("<p><img src=\"%1%2\"></p>").arg(QLatin1String(kChartScheme)).arg(charts.size());
        charts.push_back(match.captured().toUtf8());
        from = match.capturedEnd();
    }
    replaced += text.mid(from);

    auto document = std::make_unique<QTextDocument>();
    document->documentLayout()->registerHandler(kChartObject, new ChartObject(document.get()));
    document->setDefaultStyleSheet(QStringLiteral(
        "body { font-size: 10pt; } h1 { font-size: 17pt; } h2 { font-size: 13pt; page-break-before: always; "
        "} "
        "h3 { font-size: 11pt; } "
        "table { border-collapse: collapse; } th { text-align: left; } th, td { padding: 3px; } "
        "td.figure, td.status-supported, td.status-disputed, td.status-refuted, td.status-unverified { "
        "white-space: nowrap; } "
        ".meta, .generated { color: #555; } .status-supported { color: #2e7d32; } "
        ".status-disputed { color: #b45f06; } .status-refuted { color: #b00020; }"));
    document->setHtml(replaced);
    // An A4 page's width at 96 dpi, less its margins: the charts take it, in their proportion.
    constexpr double width = 600;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            const QTextFragment part = fragment.fragment();
            QTextCharFormat format = part.charFormat();
            if (!format.isImageFormat())
                continue;
            const QString name = format.toImageFormat().name();
            if (!name.startsWith(QLatin1String(kChartScheme)))
                continue;
            const QByteArray& chart = charts.value(name.mid(qsizetype(qstrlen(kChartScheme))).toInt());
            const QSizeF size = QSvgRenderer(chart).defaultSize();
            QTextImageFormat object = format.toImageFormat();
            object.setObjectType(kChartObject);
            object.setProperty(kChartSvg, chart);
            object.setWidth(width);
            object.setHeight(size.isEmpty() ? width / 2 : width * size.height() / size.width());
            QTextCursor cursor(document.get());
            cursor.setPosition(part.position());
            cursor.setPosition(part.position() + part.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(object);
        }
    return document;
}

void printReport(const std::string& html, QPagedPaintDevice& device) {
    // A document without a page size of its own is laid out on the device's pages and numbered by print().
    reportDocument(html)->print(&device);
}

Result<void> writeReportPdf(const std::string& html, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         QObject::tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        pdf.setTitle(QObject::tr("Claims report"));
        pdf.setCreator(QStringLiteral("Claimtrack"));
        printReport(html, pdf);
    }
    if (!file.commit())
        return makeError(ErrorCode::Io,
                         QObject::tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    return {};
}

Result<void> writeChartPng(const QString& svgPath, const QString& path) {
    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid())
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("%1 is not an SVG drawing Qt can draw").arg(svgPath).toStdString());
    QImage image(renderer.defaultSize() * 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return makeError(ErrorCode::Io,
                         QObject::tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    return {};
}

}  // namespace claimtrack::gui

#include "report_document.moc"
