#include "comparison_table_model.h"
#include "claims/claim_display.h"
#include "compare_chart.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QStringList>

#include <algorithm>

namespace claimtrack::gui {

namespace {

QString side(const ConflictSide& other, bool above) {
    return (above ? QObject::tr("above %1 (%2)") : QObject::tr("below %1 (%2)"))
        .arg(QString::fromStdString(other.figure), sourceName(other.claim.fields));
}

const QColor kConflictColour(0xc6, 0x28, 0x28);

}  // namespace

void ComparisonTableModel::setComparison(std::shared_ptr<const MetricComparison> comparison,
                                         QHash<qint64, int> sourceIndex) {
    beginResetModel();
    m_comparison = std::move(comparison);
    m_sourceIndex = std::move(sourceIndex);
    m_conflictsOfClaim.clear();
    m_inOpenConflict.clear();
    const std::vector<ConflictRow>& conflicts = m_comparison->conflicts;
    for (std::size_t r = 0; r < conflicts.size(); ++r)
        for (const bool higher : {false, true})
            for (const std::int64_t id : *(higher ? conflicts[r].higher : conflicts[r].lower).claimIds) {
                m_conflictsOfClaim[id].push_back({r, higher});
                if (!conflicts[r].verdict)
                    m_inOpenConflict.insert(id);
            }
    endResetModel();
}

std::int64_t ComparisonTableModel::claimIdAt(int row) const {
    return m_comparison->claims.at(static_cast<std::size_t>(row)).claim.id;
}

int ComparisonTableModel::rowOf(std::int64_t claimId) const {
    if (!m_comparison)
        return -1;
    const auto& claims = m_comparison->claims;
    const auto found = std::find_if(claims.begin(), claims.end(),
                                    [&](const ComparedClaim& c) { return c.claim.id == claimId; });
    return found == claims.end() ? -1 : static_cast<int>(found - claims.begin());
}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_comparison ? 0 : static_cast<int>(m_comparison->claims.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

ComparisonTableModel::Said ComparisonTableModel::conflictsOf(const ComparedClaim& claim) const {
    Said said;
    const auto listed = m_conflictsOfClaim.find(claim.claim.id);
    if (listed == m_conflictsOfClaim.end())
        return said;
    QStringList with, explanations;
    for (const auto& [r, higher] : listed->second) {
        const ConflictRow& conflict = m_comparison->conflicts[r];
        const QString other = side(higher ? conflict.lower : conflict.higher, higher);
        with << (conflict.verdict ? tr("%1, settled").arg(other) : other);
        explanations << QString::fromStdString(conflict.explanation);
    }
    said.with = with.join(QStringLiteral("; "));
    said.explanations = explanations.join(QLatin1Char('\n'));
    return said;
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_comparison)
        return {};
    const ComparedClaim& c = m_comparison->claims.at(static_cast<std::size_t>(index.row()));
    const ClaimFields& f = c.claim.fields;
    const int column = index.column();
    if (role == Qt::ForegroundRole) {
        if ((column == Figure || column == Conflicts) && m_inOpenConflict.contains(c.claim.id))
            return kConflictColour;
        if (column == Figure && !c.stated)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    }
    if (role == Qt::DecorationRole && column == Source) {
        const auto found = m_sourceIndex.constFind(c.claim.id);
        return found == m_sourceIndex.constEnd() ? QVariant()
                                                 : QVariant(sourceColour(static_cast<std::size_t>(*found)));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Figure:
        if (c.stated)
            return QString::fromStdString(c.figure);
        return role == Qt::ToolTipRole ? QString::fromStdString(c.setAside) : tr("not compared");
    case Source:
        return sourceName(f);
    case AsOf:
        return f.asOf.empty() ? tr("undated") : QString::fromStdString(f.asOf);
    case Conflicts: {
        Said said = conflictsOf(c);
        return role == Qt::ToolTipRole && !said.explanations.isEmpty() ? said.explanations : said.with;
    }
    case Status:
        return statusName(f.status);
    case Article:
        return QString::fromStdString(c.claim.articleTitle);
    case Words:
        return QString::fromStdString(c.claim.anchor.quote.exact).simplified();
    default:
        return {};
    }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Figure:
        return tr("Figure");
    case Source:
        return tr("Source");
    case AsOf:
        return tr("As of");
    case Conflicts:
        return tr("Conflicts");
    case Status:
        return tr("Status");
    case Article:
        return tr("Article");
    case Words:
        return tr("Words");
    default:
        return {};
    }
}

}  // namespace claimtrack::gui
