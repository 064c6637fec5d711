#include "compare_chart.h"
#include "claims/claim_display.h"
#include "palette.h"

#include <QCategoryAxis>
#include <QChart>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>
#include <limits>
#include <map>

namespace claimtrack::gui {

namespace {

const QColor kConflictColour(0xd6, 0x27, 0x28);
const QColor kSettledColour(0x88, 0x88, 0x88);
const QColor kSupportedColour(0x2c, 0xa0, 0x2c);
const QColor kNoSourceColour(0x9e, 0x9e, 0x9e);
constexpr int kArrowSize = 14;

// Where on the time axis a period lies, in years: 2020 is [2020, 2021).
double periodStart(const Period& p) {
    double start = p.year;
    if (p.month)
        start += (p.month - 1) / 12.0;
    if (p.day)
        start += (p.day - 1) / 365.0;
    return start;
}

double periodWidth(const Period& p) {
    return p.day ? 1 / 365.0 : p.month ? 1 / 12.0 : 1.0;
}

// A triangle pointing up or down, the marker at a one-sided figure's open end.
QImage arrowImage(const QColor& colour, bool up) {
    QImage image(kArrowSize, kArrowSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    const double s = kArrowSize;
    if (up) {
        path.moveTo(s / 2, 1);
        path.lineTo(s - 1, s - 2);
        path.lineTo(1, s - 2);
    } else {
        path.moveTo(1, 2);
        path.lineTo(s - 1, 2);
        path.lineTo(s / 2, s - 1);
    }
    path.closeSubpath();
    painter.fillPath(path, colour);
    return image;
}

// The unit the axis counts in, so that it reads "626", not "6.26e+08".
std::pair<double, QString> displayFactor(double largest) {
    if (largest >= 1e9)
        return {1e9, QObject::tr("billions")};
    if (largest >= 1e6)
        return {1e6, QObject::tr("millions")};
    if (largest >= 1e4)
        return {1e3, QObject::tr("thousands")};
    return {1, {}};
}

QString tipFor(const ComparedClaim& c) {
    const ClaimRecord& r = c.claim;
    return QStringLiteral("<b>%1</b> — %2<br>%3%4<br><i>“%5”</i>")
        .arg(QString::fromStdString(c.figure).toHtmlEscaped(), sourceName(r.fields).toHtmlEscaped(),
             QString::fromStdString(r.articleTitle).toHtmlEscaped(),
             r.fields.asOf.empty() ? QObject::tr(", undated")
                                   : QStringLiteral(", ") + QString::fromStdString(r.fields.asOf),
             QString::fromStdString(r.anchor.quote.exact).toHtmlEscaped());
}

}  // namespace

QColor sourceColour(std::size_t index) {
    return QColor(QLatin1String(sourceColourHex(index)));
}

CompareChart::CompareChart(QWidget* parent) : QChartView(new QChart, parent) {
    setObjectName(QStringLiteral("compareChart"));
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    setMinimumSize(360, 260);
}

void CompareChart::addSeries(QXYSeries* series, std::vector<Drawn> claims, bool inLegend) {
    chart()->addSeries(series);
    for (QAbstractAxis* axis : chart()->axes())
        series->attachAxis(axis);
    if (!inLegend)
        for (QLegendMarker* marker : chart()->legend()->markers(series))
            marker->setVisible(false);
    if (claims.empty())
        return;
    m_drawn.insert(series, std::move(claims));
    connect(series, &QXYSeries::clicked, this, [this, series](const QPointF& point) {
        if (const qint64 id = claimAt(series, point))
            Q_EMIT claimClicked(id);
    });
    connect(series, &QXYSeries::hovered, this, [this, series](const QPointF& point, bool entered) {
        const auto& drawn = m_drawn[series];
        const qint64 id = claimAt(series, point);
        const auto it =
            std::find_if(drawn.begin(), drawn.end(), [id](const Drawn& d) { return d.claimId == id; });
        if (entered && it != drawn.end())
            QToolTip::showText(QCursor::pos(), it->tip, this);
        else
            QToolTip::hideText();
    });
}

qint64 CompareChart::claimAt(QXYSeries* series, const QPointF& point) const {
    const auto drawn = m_drawn.find(series);
    if (drawn == m_drawn.end())
        return 0;
    const QList<QPointF> points = series->points();
    qsizetype best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF d = chart()->mapToPosition(points[i], series) - chart()->mapToPosition(point, series);
        if (const double distance = std::hypot(d.x(), d.y()); distance < bestDistance)
            best = i, bestDistance = distance;
    }
    // A bar's two ends stand for one claim; a point series has one claim per point.
    const auto& claims = drawn.value();
    if (best < 0)
        return 0;
    return claims[std::min<std::size_t>(static_cast<std::size_t>(best), claims.size() - 1)].claimId;
}

std::optional<QPointF> CompareChart::positionOf(qint64 claimId) const {
    const auto it = m_position.find(claimId);
    return it == m_position.end() ? std::nullopt : std::optional(*it);
}

void CompareChart::highlightClaim(qint64 claimId) {
    if (!m_ring)
        return;
    m_ring->clear();
    if (const auto at = positionOf(claimId))
        m_ring->append(*at);
}

// The time axis: a band a year from the first dated figure to the last, and one more for the undated.
QCategoryAxis* CompareChart::timeAxis(const std::vector<const ComparedClaim*>& figures) {
    int firstYear = 0, lastYear = 0;
    bool anyUndated = figures.empty();
    for (const ComparedClaim* f : figures) {
        if (!f->period.dated()) {
            anyUndated = true;
            continue;
        }
        firstYear = firstYear ? std::min(firstYear, f->period.year) : f->period.year;
        lastYear = std::max(lastYear, f->period.year);
    }
    m_undatedBand = firstYear ? lastYear + 1 : 0;
    if (!firstYear)
        firstYear = m_undatedBand;
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    axis->setStartValue(firstYear);
    for (int year = firstYear; year < m_undatedBand; ++year)
        axis->append(QString::number(year), year + 1);
    if (anyUndated)
        axis->append(tr("undated"), m_undatedBand + 1);
    axis->setRange(firstYear, anyUndated ? m_undatedBand + 1 : m_undatedBand);
    axis->setTitleText(tr("as of"));
    return axis;
}

// The figure axis, from zero (or the lowest figure, if negative) to above the highest, counted in
// millions or billions where the figures are that large.
QValueAxis* CompareChart::figureAxis(const MetricComparison& comparison) {
    double lowest = 0, highest = 0;
    for (const ComparedClaim& claim : comparison.claims)
        if (claim.stated)
            for (const double end :
                 {claim.stated->low, claim.stated->high, claim.compared.low, claim.compared.high})
                if (std::isfinite(end))
                    lowest = std::min(lowest, end), highest = std::max(highest, end);
    QString unitTitle;
    std::tie(m_factor, unitTitle) = displayFactor(std::max(std::abs(lowest), std::abs(highest)));
    auto* axis = new QValueAxis;
    axis->setRange(lowest < 0 ? lowest * 1.15 / m_factor : 0, (highest > 0 ? highest * 1.15 : 1) / m_factor);
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%g"));
    const QString scale = comparison.summary.scale == "a count"
                              ? tr("count")
                              : QString::fromStdString(comparison.summary.scale);
    axis->setTitleText(unitTitle.isEmpty() ? scale : QStringLiteral("%1, %2").arg(scale, unitTitle));
    return axis;
}

// Where each figure sits on the time axis: in the middle of its period, figures of one period side by
// side rather than on top of one another.
QHash<qint64, double> CompareChart::placeInTime(const std::vector<const ComparedClaim*>& figures) const {
    std::map<Period, std::vector<const ComparedClaim*>> byPeriod;
    for (const ComparedClaim* f : figures)
        byPeriod[f->period].push_back(f);
    QHash<qint64, double> xOf;
    for (const auto& [period, inPeriod] : byPeriod) {
        const double start = period.dated() ? periodStart(period) : m_undatedBand;
        const double width = period.dated() ? periodWidth(period) : 1.0;
        const double n = static_cast<double>(inPeriod.size());
        const double step = std::min(0.7 / n, 0.12) * width;
        for (std::size_t i = 0; i < inPeriod.size(); ++i)
            xOf[inPeriod[i]->claim.id] = start + width / 2 + (static_cast<double>(i) - (n - 1) / 2) * step;
    }
    return xOf;
}

// Draws one figure at `x`: a point, a bar, or a dashed line to an arrow for an open end; returns
// where it stands (the point, the bar's middle, the bound).
QPointF CompareChart::drawFigure(const ComparedClaim& f, double x, QScatterSeries* points, Shapes& shapes) {
    const QColor colour = points->color();
    const double low = f.stated->low / m_factor, high = f.stated->high / m_factor;
    const Drawn drawn{f.claim.id, tipFor(f)};
    const auto line = [&](double from, double to, double width, Qt::PenStyle style, int alpha) {
        auto* bar = new QLineSeries;
        QColor penColour = colour;
        penColour.setAlpha(alpha);
        bar->setPen(QPen(penColour, width, style, Qt::FlatCap));
        bar->append(x, from);
        bar->append(x, to);
        shapes.emplace_back(bar, std::vector<Drawn>{drawn, drawn});
    };
    // An approximate figure's reach under the tolerance, faint behind the figure itself.
    if (f.compared.low != f.stated->low || f.compared.high != f.stated->high)
        line(std::isfinite(f.compared.low) ? f.compared.low / m_factor : low,
             std::isfinite(f.compared.high) ? f.compared.high / m_factor : high, 2, Qt::SolidLine, 110);
    if (low == high) {
        points->append(x, low);
        m_drawn[points].push_back(drawn);
        return {x, low};
    }
    if (std::isfinite(low) && std::isfinite(high)) {
        line(low, high, 7, Qt::SolidLine, 255);
        return {x, (low + high) / 2};
    }
    const bool up = std::isfinite(low);  // "at least": open upwards
    const double bound = up ? low : high;
    const auto* axis = static_cast<QValueAxis*>(chart()->axes(Qt::Vertical).front());
    const double margin = (axis->max() - axis->min()) * 0.03;
    const double end = up ? axis->max() - margin : axis->min() + margin;
    line(bound, end, 3, Qt::DashLine, 255);
    auto* arrow = new QScatterSeries;
    arrow->setLightMarker(arrowImage(colour, up));
    arrow->setMarkerSize(kArrowSize);
    arrow->append(x, end);
    shapes.emplace_back(arrow, std::vector<Drawn>{drawn});
    // The bound itself, as a short tick across the line.
    auto* tick = new QLineSeries;
    tick->setPen(QPen(colour, 3));
    tick->append(x - 0.04, bound);
    tick->append(x + 0.04, bound);
    shapes.emplace_back(tick, std::vector<Drawn>{drawn, drawn});
    return {x, bound};
}

// Joins each conflicting pair, from the top of the lower figure to the bottom of the higher one.
void CompareChart::drawConflicts(const MetricComparison& comparison) {
    QHash<qint64, const ComparedClaim*> byId;  // every claim of a repeat group states the same figure
    for (const ComparedClaim& c : comparison.claims)
        if (c.stated)
            byId.insert(c.claim.id, &c);
    bool namedOpen = false, namedSettled = false;
    auto* supported = new QScatterSeries;
    supported->setName(tr("supported"));
    supported->setMarkerSize(22);
    supported->setColor(Qt::transparent);
    supported->setBorderColor(kSupportedColour);
    supported->setPen(QPen(kSupportedColour, 3));
    for (const ConflictRow& row : comparison.conflicts) {
        const ComparedClaim* lower = byId.value(row.lower.claim.id);
        const ComparedClaim* higher = byId.value(row.higher.claim.id);
        if (!lower || !higher || !m_position.contains(lower->claim.id) ||
            !m_position.contains(higher->claim.id))
            continue;
        const bool settled = row.verdict.has_value();
        auto* line = new QLineSeries;
        line->setPen(settled ? QPen(kSettledColour, 2, Qt::DotLine) : QPen(kConflictColour, 2, Qt::DashLine));
        line->append(m_position.value(lower->claim.id).x(), lower->stated->high / m_factor);
        line->append(m_position.value(higher->claim.id).x(), higher->stated->low / m_factor);
        line->setName(settled ? tr("settled") : tr("conflict"));
        bool& named = settled ? namedSettled : namedOpen;
        addSeries(line, {}, !named);
        named = true;
        (settled ? m_settledLines : m_conflictLines).emplace_back(row.lower.claim.id, row.higher.claim.id);
        const std::optional<VerdictChoice> choice = row.choice();
        if (!choice || *choice == VerdictChoice::BothStand)
            continue;
        const ComparedClaim* kept = *choice == VerdictChoice::LowerSupported ? lower : higher;
        supported->append(m_position.value(kept->claim.id));
        m_supported.push_back(kept->claim.id);
    }
    if (supported->count() == 0) {
        delete supported;
        return;
    }
    addSeries(supported, {}, true);
}

void CompareChart::showComparison(const MetricComparison& comparison, const QHash<qint64, int>& sourceIndex) {
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis), delete axis;
    m_drawn.clear();
    m_position.clear();
    m_conflictLines.clear();
    m_settledLines.clear();
    m_supported.clear();
    m_ring = nullptr;
    c->setTitle(QString::fromStdString(comparison.summary.metric.name));

    // One figure per repeat group; the others of the group stand where it stands.
    std::vector<const ComparedClaim*> figures;
    std::map<std::size_t, std::vector<qint64>> groupClaims;
    for (const ComparedClaim& claim : comparison.claims) {
        if (!claim.stated)
            continue;
        auto& ids = groupClaims[claim.group];
        if (ids.empty())
            figures.push_back(&claim);
        ids.push_back(claim.claim.id);
    }
    c->addAxis(timeAxis(figures), Qt::AlignBottom);
    c->addAxis(figureAxis(comparison), Qt::AlignLeft);
    const QHash<qint64, double> xOf = placeInTime(figures);

    // One legend entry per source: its series of exact figures, empty or not.
    std::map<int, QScatterSeries*> points;
    Shapes
        shapes;  // added after the conflict lines and the ring, so that they lie on top and take the clicks
    for (const ComparedClaim* f : figures) {
        const int index = sourceIndex.value(f->claim.id, -1);
        QScatterSeries*& series = points[index];
        if (!series) {
            series = new QScatterSeries;
            // Named by the source itself: the series holds its figures whatever they came through.
            ClaimFields source;
            source.source = f->claim.fields.source;
            series->setName(sourceName(source));
            series->setColor(index < 0 ? kNoSourceColour : sourceColour(static_cast<std::size_t>(index)));
            series->setBorderColor(series->color().darker(130));
            series->setMarkerSize(11);
        }
        const QPointF at = drawFigure(*f, xOf.value(f->claim.id), series, shapes);
        for (const qint64 id : groupClaims[f->group])
            m_position.insert(id, at);
    }
    drawConflicts(comparison);

    auto* ring = new QScatterSeries;
    ring->setMarkerSize(22);
    ring->setColor(Qt::transparent);
    ring->setPen(QPen(palette().color(QPalette::Highlight), 2.5));
    m_ring = ring;
    addSeries(m_ring, {}, false);

    for (auto& [series, claims] : shapes)
        addSeries(series, std::move(claims), false);
    for (auto& [index, series] : points)
        addSeries(series, std::move(m_drawn[series]), true);
}

Result<void> CompareChart::save(const QString& path, int scale) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    const QRect area = viewport()->rect();
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(area.size());
        svg.setViewBox(area);
        svg.setTitle(chart()->title());
        svg.setDescription(tr("A Claimtrack compare chart"));
        QPainter painter(&svg);
        render(&painter, QRectF(area), area);
    } else {
        QImage image(area.size() * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        QPainter painter(&image);
        render(&painter, QRectF(area), area);
        painter.end();
        if (!image.save(&file, "PNG"))
            return makeError(ErrorCode::Io, tr("cannot write %1 as a PNG image").arg(path).toStdString());
    }
    if (!file.commit())
        return makeError(ErrorCode::Io,
                         tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    return {};
}

}  // namespace claimtrack::gui
