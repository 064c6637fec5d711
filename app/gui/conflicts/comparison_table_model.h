#pragma once
// The compare view's table: one row a claim of the metric compared, in the comparison's order (by date,
// then figure). Rows are said in words only when the view asks for them, so a metric of ten thousand
// claims is shown at once: as seventy thousand table items it took a third of a second to fill.

#include "project.h"

#include <QAbstractTableModel>
#include <QHash>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace claimtrack::gui {

class ComparisonTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Figure, Source, AsOf, Conflicts, Status, Article, Words, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Shows `comparison`; `sourceIndex` gives each claim's source its colour, as in the chart.
    void setComparison(std::shared_ptr<const MetricComparison> comparison, QHash<qint64, int> sourceIndex);
    // The claim on a row, and the row of a claim (-1 when it is not shown).
    std::int64_t claimIdAt(int row) const;
    int rowOf(std::int64_t claimId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // What a claim conflicts with, from its side: the others, and the explanations.
    struct Said {
        QString with, explanations;
    };
    Said conflictsOf(const ComparedClaim& claim) const;

    std::shared_ptr<const MetricComparison> m_comparison;
    QHash<qint64, int> m_sourceIndex;
    // Each claim's conflicts: the index of the conflict, and whether the claim is on its higher side.
    std::unordered_map<std::int64_t, std::vector<std::pair<std::size_t, bool>>> m_conflictsOfClaim;
    // The claims in a conflict no verdict settled: their figure and conflicts are shown in red.
    std::unordered_set<std::int64_t> m_inOpenConflict;
};

}  // namespace claimtrack::gui
