#include "report.h"

#include "claim_format.h"
#include "guarded.h"
#include "report_chart.h"
#include "text.h"

#include <QLocale>
#include <QString>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <tuple>
#include <utility>

namespace claimtrack {

using db::orRefuse;
using db::refuse;

namespace {

// Print a metric to a page; on a narrow screen, tables scroll sideways on their own and the chart shrinks.
constexpr const char* kStyle = R"css(
body { font: 15px/1.45 system-ui, sans-serif; color: #222; max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.meta, .generated { color: #555; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e4e4e4; }
td.number { text-align: right; white-space: nowrap; }
td.where { min-width: 14em; }
td.figure { white-space: nowrap; }
svg { max-width: 100%; height: auto; }
.status-supported { color: #2e7d32; } .status-disputed { color: #b45f06; } .status-refuted { color: #b00020; }
.conflict { margin: 0.4rem 0; }
.verdict { color: #444; }
ol.references li { margin-bottom: 0.3rem; }
@media print {
  body { max-width: none; font-size: 11pt; }
  section.metric { break-before: page; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; }
}
)css";

std::string escape(std::string_view text) {
    return markupEscaped(text);
}

// The articles the report cites, numbered in the order of the list of references.
class References {
public:
    void cite(const ClaimRecord& claim) { m_articles.emplace(claim.articleId, claim); }
    // Numbers them: by publisher, then date, then title.
    void number() {
        std::vector<const ClaimRecord*> order;
        for (const auto& [id, claim] : m_articles)
            order.push_back(&claim);
        std::sort(order.begin(), order.end(), [](const ClaimRecord* a, const ClaimRecord* b) {
            return std::tie(a->publisher, a->published, a->articleTitle) <
                   std::tie(b->publisher, b->published, b->articleTitle);
        });
        for (std::size_t i = 0; i < order.size(); ++i)
            m_number[order[i]->articleId] = i + 1, m_order.push_back(order[i]);
    }
    std::size_t numberOf(std::int64_t articleId) const { return m_number.at(articleId); }
    std::size_t size() const { return m_articles.size(); }

    void write(std::ostream& out) const {
        out << "<section id=\"references\">\n<h2>Articles cited</h2>\n<ol class=\"references\">\n";
        for (const ClaimRecord* a : m_order) {
            out << "<li id=\"ref-" << m_number.at(a->articleId) << "\">";
            if (!a->publisher.empty())
                out << escape(a->publisher) << (a->published.empty() ? ". " : ", ");
            if (!a->published.empty())
                out << escape(a->published) << ". ";
            out << (a->url.empty() ? "<cite>" + escape(a->articleTitle) + "</cite>"
                                   : fmt::format("<a href=\"{}\"><cite>{}</cite></a>", escape(a->url),
                                                 escape(a->articleTitle)));
            if (!a->url.empty())
                out << ". <span class=\"meta\">" << escape(a->url) << "</span>";
            out << "</li>\n";
        }
        out << "</ol>\n</section>\n";
    }

private:
    std::map<std::int64_t, ClaimRecord> m_articles;  // by article id: a claim of it, for its details
    std::map<std::int64_t, std::size_t> m_number;
    std::vector<const ClaimRecord*> m_order;
};

class ReportWriter {
public:
    ReportWriter(Project& project, const ReportOptions& options, std::ostream& out)
        : m_project(project), m_options(options), m_out(out) {
        if (!m_options.number)
            m_options.number = [](double v) { return readableNumber(v); };
    }

    ReportWritten write() {
        const ConflictReport report = orRefuse(m_project.conflicts());
        std::vector<const MetricSummary*> chosen;
        for (const std::string& name : m_options.metrics)
            if (std::none_of(report.metrics.begin(), report.metrics.end(),
                             [&](const MetricSummary& m) { return m.metric.name == name; }))
                refuse(ErrorCode::NotFound, fmt::format("no metric named {}", quotedExcerpt(name)));
        for (const MetricSummary& m : report.metrics)
            if (m_options.metrics.empty() || std::find(m_options.metrics.begin(), m_options.metrics.end(),
                                                       m.metric.name) != m_options.metrics.end())
                chosen.push_back(&m);
        // Each metric is compared once: its claims and conflicts are cited before the references are
        // numbered, and written after.
        std::vector<MetricComparison> comparisons;
        for (const MetricSummary* m : chosen) {
            comparisons.push_back(orRefuse(m_project.compare(m->metric.id)));
            for (const ComparedClaim& c : comparisons.back().claims)
                if (shown(c.claim))
                    m_references.cite(c.claim), ++m_written.claims;
            for (const ConflictRow& row : comparisons.back().conflicts)
                m_written.conflicts += conflictShown(row) ? 1 : 0;
        }
        m_references.number();
        m_written.metrics = chosen.size();
        m_written.articles = m_references.size();

        head();
        summary(comparisons);
        for (const MetricComparison& comparison : comparisons)
            metric(comparison);
        m_references.write(m_out);
        m_out << "</body>\n</html>\n";
        m_out.flush();
        return m_written;
    }

private:
    bool shown(const ClaimRecord& claim) const {
        return m_options.statuses.empty() || std::find(m_options.statuses.begin(), m_options.statuses.end(),
                                                       claim.fields.status) != m_options.statuses.end();
    }
    bool conflictShown(const ConflictRow& row) const {
        return shown(row.lower.claim) || shown(row.higher.claim);
    }

    void head() {
        m_out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
              << escape(m_options.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<h1>"
              << escape(m_options.title) << "</h1>\n";
        if (!m_options.generatedOn.empty())
            m_out << "<p class=\"generated\">Written by Claimtrack on " << escape(m_options.generatedOn)
                  << ".</p>\n";
    }

    void summary(const std::vector<MetricComparison>& comparisons) {
        m_out << fmt::format("<p>{} metric(s), {} claim(s), {} conflict(s), from {} article(s).</p>\n",
                             m_written.metrics, m_written.claims, m_written.conflicts, m_written.articles)
              << "<div class=\"scroll\"><table>\n<thead><tr><th>Metric</th><th>Claims</th><th>Conflicts</th>"
                 "<th>Compared as</th></tr></thead>\n<tbody>\n";
        for (std::size_t i = 0; i < comparisons.size(); ++i) {
            const MetricSummary& m = comparisons[i].summary;
            m_out << fmt::format("<tr><td><a href=\"#metric-{}\">{}</a></td><td class=\"number\">{}</td>"
                                 "<td class=\"number\">{}</td><td>{}</td></tr>\n",
                                 i + 1, escape(m.metric.name),
                                 m_options.number(static_cast<double>(
                                     std::count_if(comparisons[i].claims.begin(), comparisons[i].claims.end(),
                                                   [&](const ComparedClaim& c) { return shown(c.claim); }))),
                                 m_options.number(static_cast<double>(std::count_if(
                                     comparisons[i].conflicts.begin(), comparisons[i].conflicts.end(),
                                     [&](const ConflictRow& row) { return conflictShown(row); }))),
                                 escape(m.scale));
        }
        m_out << "</tbody></table></div>\n";
    }

    void metric(const MetricComparison& comparison) {
        const Entity& metric = comparison.summary.metric;
        m_out << fmt::format("<section class=\"metric\" id=\"metric-{}\">\n<h2>{}</h2>\n", ++m_metricIndex,
                             escape(metric.name));
        std::vector<std::string> about;
        for (const auto& [label, text] :
             {std::pair{"Place", &metric.metric.place}, std::pair{"Population", &metric.metric.population}})
            if (!text->empty())
                about.push_back(fmt::format("{}: {}", label, escape(*text)));
        if (!metric.metric.description.empty())
            m_out << "<p>" << escape(metric.metric.description) << "</p>\n";
        if (!about.empty())
            m_out << "<p class=\"meta\">" << fmt::format("{}", fmt::join(about, " · ")) << "</p>\n";
        m_out << compareChartSvg(comparison);
        claims(comparison);
        conflicts(comparison);
        m_out << "</section>\n";
    }

    // A row per figure: claims of one repeat group (the same figure, period and source) are one row, with
    // every place it was told.
    void claims(const MetricComparison& comparison) {
        std::map<std::size_t, std::vector<const ComparedClaim*>> groups;
        std::vector<std::size_t> order;
        for (const ComparedClaim& c : comparison.claims) {
            if (!shown(c.claim))
                continue;
            // Set-aside claims share no figure with another: a group of their own, past every real one.
            const std::size_t group = c.stated ? c.group : (1u << 30) + static_cast<std::size_t>(c.claim.id);
            if (groups[group].empty())
                order.push_back(group);
            groups[group].push_back(&c);
        }
        if (order.empty()) {
            m_out << "<p class=\"meta\">No claims of the statuses asked for.</p>\n";
            return;
        }
        m_out << "<div class=\"scroll\"><table>\n<thead><tr><th>Figure</th><th>Source</th>"
                 "<th>As of</th><th>Status</th><th>Where</th></tr></thead>\n<tbody>\n";
        for (const std::size_t group : order) {
            const std::vector<const ComparedClaim*>& told = groups[group];
            const ClaimRecord& first = told.front()->claim;
            std::vector<std::string> places;
            for (const ComparedClaim* c : told)
                places.push_back(fmt::format(
                    "“{}” in <a href=\"#ref-{}\">{}</a>", escape(c->claim.anchor.quote.exact),
                    m_references.numberOf(c->claim.articleId),
                    escape(c->claim.publisher.empty() ? c->claim.articleTitle : c->claim.publisher)));
            const std::string status(toString(first.fields.status));
            const std::string figure = describeFigure(first.fields, m_options.number);
            m_out << fmt::format(
                "<tr><td class=\"figure\">{}{}</td><td>{}</td><td>{}</td><td class=\"status-{}\">{}</td><td "
                "class=\"where\">{}{}"
                "</td></tr>\n",
                escape(figure.empty() ? first.anchor.quote.exact : figure) +
                    (first.fields.unit.empty() || figure.empty() ? "" : " " + escape(first.fields.unit)),
                told.size() > 1 ? fmt::format("<br><span class=\"meta\">told {} times</span>", told.size())
                                : "",
                escape(first.fields.source), escape(first.fields.asOf), status, status,
                fmt::format("{}", fmt::join(places, "; ")),
                told.front()->setAside.empty()
                    ? ""
                    : " <span class=\"meta\">(not compared: " + escape(told.front()->setAside) + ")</span>");
        }
        m_out << "</tbody></table></div>\n";
    }

    void conflicts(const MetricComparison& comparison) {
        std::vector<const ConflictRow*> rows;
        for (const ConflictRow& row : comparison.conflicts)
            if (conflictShown(row))
                rows.push_back(&row);
        unlikeBases(comparison);
        if (rows.empty())
            return;
        m_out << "<h3>Conflicts</h3>\n";
        for (const ConflictRow* row : rows) {
            m_out << "<div class=\"conflict\"><p>" << escape(row->explanation) << " ("
                  << escape(sideName(row->lower)) << " against " << escape(sideName(row->higher)) << ").";
            if (row->verdict) {
                const std::optional<VerdictChoice> choice = row->choice();
                const std::string decided =
                    !choice || *choice == VerdictChoice::BothStand
                        ? "both figures stand"
                        : sideName(*choice == VerdictChoice::LowerSupported ? row->lower : row->higher) +
                              " is supported";
                m_out << " <span class=\"verdict\">Verdict: " << escape(decided)
                      << (row->verdict->note.empty() ? "" : ": " + escape(row->verdict->note)) << ".</span>";
            }
            m_out << "</p></div>\n";
        }
    }

    // Figures that would conflict but are percentages of different bases: said, so that no reader takes
    // them for an agreement, or for a conflict the report forgot.
    void unlikeBases(const MetricComparison& comparison) {
        bool first = true;
        for (const ConflictRow& row : comparison.unlikeBases) {
            if (!conflictShown(row))
                continue;
            if (std::exchange(first, false))
                m_out << "<h3>Not compared</h3>\n";
            m_out << "<div class=\"conflict\"><p>" << escape(row.explanation) << " ("
                  << escape(sideName(row.lower)) << " against " << escape(sideName(row.higher))
                  << ").</p></div>\n";
        }
    }

    static std::string sideName(const ConflictSide& side) {
        return side.figure + (side.claim.fields.source.empty() ? "" : ", " + side.claim.fields.source);
    }

    Project& m_project;
    ReportOptions m_options;
    std::ostream& m_out;
    References m_references;
    ReportWritten m_written;
    int m_metricIndex = 0;
};

}  // namespace

std::function<std::string(double)> localeNumbers(const std::string& name) {
    const QLocale locale = name.empty() ? QLocale::system() : QLocale(QString::fromStdString(name));
    if (locale.language() == QLocale::C)
        return [](double v) { return readableNumber(v); };
    return [locale](double v) {
        if (std::abs(v) < 1e15 && v == std::trunc(v))
            return locale.toString(static_cast<qlonglong>(v)).toStdString();
        return locale.toString(v, 'f', QLocale::FloatingPointShortest).toStdString();
    };
}

Result<ReportWritten> writeReportHtml(Project& project, const ReportOptions& options, std::ostream& out) {
    return db::guarded([&] { return ReportWriter(project, options, out).write(); });
}

}  // namespace claimtrack
