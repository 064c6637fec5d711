#include "export/report_document.h"
#include "main_window.h"
#include "version.h"

#include <QFile>

#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Claimtrack"));
    QApplication::setApplicationName(QStringLiteral("Claimtrack"));
    QApplication::setApplicationVersion(QStringLiteral(CLAIMTRACK_VERSION " (commit " CLAIMTRACK_COMMIT ")"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Track the factual claims in news reports."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("The project file to open (.claims)"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     QStringLiteral("Open the compare view on this metric."),
                                     QStringLiteral("metric"));
    parser.addOption(compare);
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("Search the project for these words."),
                                    QStringLiteral("query"));
    parser.addOption(search);
    // For `claimtrack-cli report -o FILE.pdf`, which links no GUI library: the app prints the page it wrote.
    const QCommandLineOption pdf(
        QStringLiteral("report-pdf"),
        QStringLiteral("Print the report page given as the argument to this PDF file, "
                       "without a window, and quit."),
        QStringLiteral("file.pdf"));
    parser.addOption(pdf);
    // For `claimtrack-cli chart -o FILE.png`: the app draws the SVG chart it wrote as a picture.
    const QCommandLineOption png(
        QStringLiteral("chart-png"),
        QStringLiteral("Draw the SVG chart given as the argument as this PNG image, at "
                       "twice its size, without a window, and quit."),
        QStringLiteral("file.png"));
    parser.addOption(png);
    parser.process(app);

    if (parser.isSet(png)) {
        const auto drawn =
            claimtrack::gui::writeChartPng(parser.positionalArguments().value(0), parser.value(png));
        if (!drawn)
            std::fprintf(stderr, "claimtrack: %s\n", drawn.error().message.c_str());
        return drawn ? 0 : 1;
    }

    if (parser.isSet(pdf)) {
        QFile html(parser.positionalArguments().value(0));
        if (!html.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "claimtrack: cannot read %s: %s\n", qPrintable(html.fileName()),
                         qPrintable(html.errorString()));
            return 1;
        }
        const auto written = claimtrack::gui::writeReportPdf(html.readAll().toStdString(), parser.value(pdf));
        if (!written)
            std::fprintf(stderr, "claimtrack: %s\n", written.error().message.c_str());
        return written ? 0 : 1;
    }

    claimtrack::gui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty() &&
        window.openProject(parser.positionalArguments().constFirst())) {
        if (parser.isSet(compare) && !window.compareMetric(parser.value(compare)))
            qWarning("No metric named \"%s\" in the project.", qPrintable(parser.value(compare)));
        if (parser.isSet(search))
            window.searchProject(parser.value(search));
    }
    return QApplication::exec();
}
