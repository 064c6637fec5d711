#include "claim_display.h"
#include "claim_format.h"

#include <QCoreApplication>

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
                                 : QString::fromStdString(fields.source);
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
    summary += line(QCoreApplication::translate("Claim", "Source"), fields.source);
    summary += line(QCoreApplication::translate("Claim", "As of"), fields.asOf);
    summary += line(QCoreApplication::translate("Claim", "Tags"), joinTags(fields.tags));
    summary += line(QCoreApplication::translate("Claim", "Note"), fields.note);
    summary += QCoreApplication::translate("Claim", "Status: %1").arg(statusName(fields.status));
    return summary;
}

}  // namespace claimtrack::gui
