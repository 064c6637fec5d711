#include "main_window.h"
#include "version.h"

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
    parser.process(app);

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
