#pragma once
// The compare chart: every figure of one metric on a timeline. Points for
// exact values, bars for ranges, arrows for figures open at one end
// ("at least 200 million"), one colour per source; a red dashed line joins
// each open conflicting pair, a grey dotted one each settled pair (a verdict
// recorded), with a green ring on the figure the verdict supports. Clicking a
// figure names its claim.

#include "project.h"

#include <QChartView>
#include <QColor>
#include <QHash>

class QCategoryAxis;
class QScatterSeries;
class QValueAxis;
class QXYSeries;

namespace claimtrack::gui {

// The colour of the n-th source in a chart and its table (a qualitative palette).
QColor sourceColour(std::size_t index);

class CompareChart : public QChartView {
    Q_OBJECT

public:
    explicit CompareChart(QWidget* parent = nullptr);

    // `sourceIndex` gives each claim's colour: the index of its source in the view.
    void showComparison(const MetricComparison& comparison, const QHash<qint64, int>& sourceIndex);
    // Rings the claim's figure; 0 clears the ring.
    void highlightClaim(qint64 claimId);
    // Writes the chart as it is drawn to `path`: an SVG drawing (vectors) when it ends in .svg, else a PNG
    // at `scale` times the screen's resolution. The file appears whole or not at all; an error says why.
    Result<void> save(const QString& path, int scale = 2);

    // Where a claim's figure was drawn, in chart values (for tests and the ring); unset if not drawn.
    std::optional<QPointF> positionOf(qint64 claimId) const;
    // The claims whose figures are joined by a line of an open conflict, in pairs; and of a settled one.
    const std::vector<std::pair<qint64, qint64>>& conflictLines() const { return m_conflictLines; }
    const std::vector<std::pair<qint64, qint64>>& settledLines() const { return m_settledLines; }
    // The claims whose figures a verdict supports, ringed in green.
    const std::vector<qint64>& supportedFigures() const { return m_supported; }

Q_SIGNALS:
    void claimClicked(qint64 claimId);

private:
    struct Drawn {
        qint64 claimId = 0;
        QString tip;
    };
    using Shapes = std::vector<std::pair<QXYSeries*, std::vector<Drawn>>>;

    // Adds a series whose points stand for `claims` (one per point), hidden from the legend unless named.
    void addSeries(QXYSeries* series, std::vector<Drawn> claims, bool inLegend);
    qint64 claimAt(QXYSeries* series, const QPointF& point) const;
    QCategoryAxis* timeAxis(const std::vector<const ComparedClaim*>& figures);
    QValueAxis* figureAxis(const MetricComparison& comparison);
    QHash<qint64, double> placeInTime(const std::vector<const ComparedClaim*>& figures) const;
    QPointF drawFigure(const ComparedClaim& figure, double x, QScatterSeries* points, Shapes& shapes);
    void drawConflicts(const MetricComparison& comparison);

    QHash<QXYSeries*, std::vector<Drawn>> m_drawn;
    QHash<qint64, QPointF> m_position;
    std::vector<std::pair<qint64, qint64>> m_conflictLines;
    std::vector<std::pair<qint64, qint64>> m_settledLines;
    std::vector<qint64> m_supported;
    QXYSeries* m_ring = nullptr;
    double m_factor = 1;    // the values are shown divided by this ("millions")
    int m_undatedBand = 0;  // where undated figures stand on the time axis: the band after the last year
};

}  // namespace claimtrack::gui
