#include "report_chart.h"

#include "conflicts/explain.h"
#include "palette.h"
#include "text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace claimtrack {

namespace {

constexpr const char* kSettledColour = "#9a9a9a";
constexpr const char* kSupportedColour = "#2e9e44";

// A round step for about `ticks` ticks over `span`: 1, 2 or 5 times a power of ten.
double niceStep(double span, int ticks) {
    const double raw = span / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0})
        if (raw <= factor * power)
            return factor * power;
    return 10 * power;
}

struct Frame {
    double left, top, right, bottom;  // the plot's edges
    double lowest, highest;           // the figure axis's range
    double y(double value) const { return bottom - (value - lowest) / (highest - lowest) * (bottom - top); }
};

class ChartWriter {
public:
    ChartWriter(const MetricComparison& comparison, int width, int height)
        : m_comparison(comparison), m_width(width), m_height(height) {}

    std::string write() {
        for (const ComparedClaim& claim : m_comparison.claims)
            if (claim.stated)
                m_figures.push_back(&claim);
        m_svg = fmt::format(
            R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" )"
            R"(font-family="sans-serif" font-size="12" role="img">)"
            "\n<title>{}</title>\n",
            m_width, m_height, m_width, m_height, markupEscaped(m_comparison.summary.metric.name));
        frame();
        axes();
        for (const ComparedClaim* figure : m_figures)
            drawFigure(*figure);
        drawConflicts();
        legend();
        m_svg += "</svg>\n";
        return std::move(m_svg);
    }

private:
    void frame() {
        double lowest = 0, highest = 0;
        for (const ComparedClaim* f : m_figures)
            for (const double end : {f->stated->low, f->stated->high})
                if (std::isfinite(end))
                    lowest = std::min(lowest, end), highest = std::max(highest, end);
        if (highest <= lowest)
            highest = lowest + 1;
        const double step = niceStep((highest - lowest) * 1.1, 5);
        m_step = step;
        m_frame = {96,
                   16,
                   static_cast<double>(m_width) - 16,
                   static_cast<double>(m_height) - 64,
                   std::floor(lowest / step) * step,
                   std::ceil(highest * 1.1 / step) * step};
        // The time bands: each period's year from the first to the last, and one for the undated.
        for (const ComparedClaim* f : m_figures)
            m_bands[f->period.dated() ? f->period.year : 0].push_back(f);
    }

    double bandCentre(int year) const {
        const auto at = std::distance(m_bands.begin(), m_bands.find(year));
        // The undated (year 0) sort first but are drawn last, as in the app.
        const auto index =
            year == 0 ? static_cast<long>(m_bands.size()) - 1 : at - (m_bands.contains(0) ? 1 : 0);
        const double width = (m_frame.right - m_frame.left) / static_cast<double>(m_bands.size());
        return m_frame.left + (static_cast<double>(index) + 0.5) * width;
    }

    double xOf(const ComparedClaim& f) const {
        const auto& inBand = m_bands.at(f.period.dated() ? f.period.year : 0);
        const auto i = std::distance(inBand.begin(), std::find(inBand.begin(), inBand.end(), &f));
        const double width = (m_frame.right - m_frame.left) / static_cast<double>(m_bands.size());
        const double n = static_cast<double>(inBand.size());
        const double step = std::min(0.7 / n, 0.12) * width;
        return bandCentre(f.period.dated() ? f.period.year : 0) +
               (static_cast<double>(i) - (n - 1) / 2) * step;
    }

    void axes() {
        const Frame& f = m_frame;
        for (double tick = f.lowest; tick <= f.highest + m_step / 2; tick += m_step) {
            const double y = f.y(tick);
            m_svg += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#e4e4e4"/>)"
                                 R"(<text x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)"
                                 "\n",
                                 f.left, y, f.right, y, f.left - 6, y + 4,
                                 markupEscaped(sayCount(std::abs(tick) < m_step / 1e6 ? 0 : tick)));
        }
        m_svg += fmt::format(R"(<line x1="{0:.1f}" y1="{1:.1f}" x2="{2:.1f}" y2="{1:.1f}" stroke="#555"/>)"
                             "\n",
                             f.left, f.bottom, f.right);
        for (const auto& [year, figures] : m_bands)
            m_svg += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)"
                                 "\n",
                                 bandCentre(year), f.bottom + 18, year ? std::to_string(year) : "undated");
    }

    std::string colourOf(const ClaimRecord& claim) {
        const auto [it, added] = m_sources.emplace(claim.fields.source, m_sources.size());
        return sourceColourHex(it->second);
    }

    void drawFigure(const ComparedClaim& f) {
        const double x = xOf(f);
        const std::string colour = colourOf(f.claim);
        const std::string title =
            fmt::format("<title>{} — {}, {}</title>", markupEscaped(f.figure),
                        markupEscaped(f.claim.fields.source.empty() ? "no source" : f.claim.fields.source),
                        markupEscaped(f.claim.fields.asOf.empty() ? "undated" : f.claim.fields.asOf));
        const double low = f.stated->low, high = f.stated->high;
        double at;  // where conflict lines meet it
        if (low == high) {
            at = m_frame.y(low);
            m_svg += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="5" fill="{}">{}</circle>)"
                                 "\n",
                                 x, at, colour, title);
        } else if (std::isfinite(low) && std::isfinite(high)) {
            at = m_frame.y((low + high) / 2);
            m_svg +=
                fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="7" height="{:.1f}" fill="{}">{}</rect>)"
                            "\n",
                            x - 3.5, m_frame.y(high), m_frame.y(low) - m_frame.y(high), colour, title);
        } else {  // open at one end: a dashed line from the bound to an arrow at the axis's end
            const bool up = std::isfinite(low);
            at = m_frame.y(up ? low : high);
            const double end = up ? m_frame.top + 6 : m_frame.bottom - 6;
            const double tip = up ? end - 6 : end + 6;
            m_svg += fmt::format(
                R"(<g stroke="{0}" fill="{0}">{1}<line x1="{2:.1f}" y1="{3:.1f}" x2="{2:.1f}" y2="{4:.1f}" )"
                R"(stroke-width="3" stroke-dasharray="6 4"/><line x1="{5:.1f}" y1="{3:.1f}" x2="{6:.1f}" )"
                R"(y2="{3:.1f}" stroke-width="3"/><path d="M{5:.1f} {4:.1f} L{6:.1f} {4:.1f} L{2:.1f} {7:.1f} Z"/></g>)"
                "\n",
                colour, title, x, at, end, x - 6, x + 6, tip);
        }
        m_at[f.claim.id] = {x, at};
    }

    void drawConflicts() {
        for (const ConflictRow& row : m_comparison.conflicts) {
            const auto lower = m_at.find(row.lower.claim.id), higher = m_at.find(row.higher.claim.id);
            if (lower == m_at.end() || higher == m_at.end())
                continue;
            const bool settled = row.verdict.has_value();
            m_svg += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" )"
                                 R"(stroke-width="2" stroke-dasharray="{}"><title>{}</title></line>)"
                                 "\n",
                                 lower->second.first, lower->second.second, higher->second.first,
                                 higher->second.second, settled ? kSettledColour : kConflictColourHex,
                                 settled ? "2 3" : "7 4", markupEscaped(row.explanation));
            const std::optional<VerdictChoice> choice = row.choice();
            if (!choice || *choice == VerdictChoice::BothStand)
                continue;
            const auto& kept = *choice == VerdictChoice::LowerSupported ? lower->second : higher->second;
            m_svg += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="10" fill="none" stroke="{}" )"
                                 R"(stroke-width="3"><title>supported</title></circle>)"
                                 "\n",
                                 kept.first, kept.second, kSupportedColour);
        }
    }

    // The sources' colours, in a row under the time axis (as many as fit).
    void legend() {
        std::vector<std::pair<std::size_t, std::string>> sources;
        for (const auto& [name, index] : m_sources)
            sources.emplace_back(index, name.empty() ? "no source" : name);
        std::sort(sources.begin(), sources.end());
        double x = m_frame.left;
        const double y = m_frame.bottom + 42;
        for (const auto& [index, name] : sources) {
            const double width = 22 + 7.0 * static_cast<double>(codePointCount(name));
            if (x + width > m_frame.right)
                break;
            m_svg += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="5" fill="{}"/>)"
                                 R"(<text x="{:.1f}" y="{:.1f}">{}</text>)"
                                 "\n",
                                 x + 5, y - 4, sourceColourHex(index), x + 14, y, markupEscaped(name));
            x += width + 12;
        }
    }

    const MetricComparison& m_comparison;
    const int m_width, m_height;
    std::vector<const ComparedClaim*> m_figures;               // those with a figure to draw
    std::map<int, std::vector<const ComparedClaim*>> m_bands;  // by year; 0: undated
    std::map<std::string, std::size_t> m_sources;              // each source's colour, by first use
    std::map<std::int64_t, std::pair<double, double>> m_at;    // where each claim was drawn
    Frame m_frame{};
    double m_step = 1;
    std::string m_svg;
};

}  // namespace

std::string compareChartSvg(const MetricComparison& comparison, int width, int height) {
    return ChartWriter(comparison, width, height).write();
}

}  // namespace claimtrack
