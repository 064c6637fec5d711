#include "claim_display.h"
#include "claim_format.h"

#include <QCoreApplication>

#include <cstdint>
#include <iterator>

namespace claimtrack::gui {

QColor statusColor(ClaimStatus status) {
    switch (status) {
    case ClaimStatus::Unverified:
        return {240, 190, 0, 110};
    case ClaimStatus::Supported:
        return {40, 170, 80, 110};
    case ClaimStatus::Disputed:
        return {255, 120, 0, 130};
    case ClaimStatus::Refuted:
        return {220, 40, 40, 120};
    }
    return {128, 128, 128, 100};
}

QString highlightCategory(const ClaimFields& fields, HighlightColouring by) {
    switch (by) {
    case HighlightColouring::Status:
        return statusName(fields.status);
    case HighlightColouring::Source:
        return QString::fromStdString(fields.source);
    case HighlightColouring::Metric:
        return QString::fromStdString(fields.metric);
    case HighlightColouring::Tag:
        break;
    }
    return fields.tags.empty() ? QString() : QString::fromStdString(fields.tags.front());
}

QColor categoryColour(const QString& name) {
    if (name.isEmpty())
        return {150, 150, 150, 90};
    // Blues, teals, purples and browns: apart from the statuses' colours and the search hits' magenta.
    static const QColor palette[] = {{78, 121, 167, 110},  {118, 183, 178, 120}, {176, 122, 161, 110},
                                     {156, 117, 95, 110},  {47, 75, 124, 100},   {89, 161, 200, 110},
                                     {140, 110, 200, 100}, {100, 150, 130, 110}};
    // FNV-1a of the name's UTF-8: stable between sessions, where qHash is seeded afresh in each.
    std::uint32_t hash = 2166136261u;
    for (const char c : name.toUtf8()) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return palette[hash % std::size(palette)];
}

QString statusName(ClaimStatus status) {
    switch (status) {
    case ClaimStatus::Unverified:
        return QCoreApplication::translate("Claim", "Unverified");
    case ClaimStatus::Supported:
        return QCoreApplication::translate("Claim", "Supported");
    case ClaimStatus::Disputed:
        return QCoreApplication::translate("Claim", "Disputed");
    case ClaimStatus::Refuted:
        return QCoreApplication::translate("Claim", "Refuted");
    }
    return {};
}

QString figureText(const ClaimFields& fields) {
    QString figure = QString::fromStdString(describeFigure(fields));
    if (!fields.unit.empty() && !figure.isEmpty())
        figure += QLatin1Char(' ') + QString::fromStdString(fields.unit);
    return figure;
}

QString sourceName(const ClaimFields& fields) {
    return fields.source.empty() ? QCoreApplication::translate("Claim", "no source")
                                 : QString::fromStdString(sourceChain(fields));
}

QString claimSummary(const ClaimFields& fields) {
    const auto line = [](const QString& label, const std::string& value) {
        return value.empty() ? QString()
                             : label + QStringLiteral(": ") + QString::fromStdString(value) + u'\n';
    };
    QString summary;
    const QString figure = figureText(fields);
    if (!figure.isEmpty())
        summary += QCoreApplication::translate("Claim", "Figure: %1\n").arg(figure);
    summary += line(QCoreApplication::translate("Claim", "Metric"), fields.metric);
    summary += line(QCoreApplication::translate("Claim", "Source"), sourceChain(fields));
    summary += line(QCoreApplication::translate("Claim", "As of"), fields.asOf);
    summary += line(QCoreApplication::translate("Claim", "Tags"), joinTags(fields.tags));
    summary += line(QCoreApplication::translate("Claim", "Note"), fields.note);
    summary += QCoreApplication::translate("Claim", "Status: %1").arg(statusName(fields.status));
    return summary;
}

}  // namespace claimtrack::gui
