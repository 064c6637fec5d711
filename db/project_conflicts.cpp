// Project: the cross-check of each metric's claims, metric details and verdicts.
#include "conflicts/explain.h"
#include "guarded.h"
#include "project.h"
#include "records.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace claimtrack {

using namespace db;
using sql::Statement;
using sql::Transaction;

namespace {

// Reads the claims' figures (of one metric, or of all) metric by metric, and hands each metric's on whole:
// one metric's figures are held at a time (a million claims' were 176 MB). The index
// claim_figure_by_metric holds every column read, so they come from it alone, in its order.
void forEachMetricFigures(sql::Connection& db, std::optional<std::int64_t> metricId,
                          const std::function<void(std::span<const ClaimFigure>)>& each) {
    Statement select(db, selectFigures(metricId.has_value()));
    if (metricId)
        select.bind(1, *metricId);
    std::vector<ClaimFigure> figures;
    while (select.step()) {
        if (!figures.empty() && figures.back().metricId != select.integer(1)) {
            each(figures);
            figures.clear();
        }
        figures.push_back({select.integer(0), select.integer(1), select.integer(2), select.number(3),
                           select.number(4), select.number(5), select.integer(6) != 0, select.text(7),
                           select.text(8), select.text(9)});
    }
    if (!figures.empty())
        each(figures);
}

MetricRules loadRules(sql::Connection& db, std::int64_t metricId) {
    Statement select = db.cached("SELECT unit_kind, tolerance FROM metric WHERE id = ?1");
    select.bind(1, metricId);
    MetricRules rules{metricId, std::nullopt, kDefaultTolerance};
    if (select.step()) {
        if (auto kind = parseUnitKind(select.text(0)))
            rules.kind = *kind;
        rules.tolerance = select.number(1).value_or(kDefaultTolerance);
    }
    return rules;
}

std::vector<Verdict> loadVerdicts(sql::Connection& db) {
    Statement select(db, "SELECT id, uuid, claim_a, claim_b, supported, note, created_at FROM verdict");
    std::vector<Verdict> verdicts;
    while (select.step()) {
        verdicts.push_back({select.integer(0), select.text(1), select.integer(2), select.integer(3),
                            select.optionalInteger(4), select.text(5), select.text(6)});
    }
    return verdicts;
}

}  // namespace

std::string db::selectFigures(bool oneMetric) {
    return fmt::format("SELECT id, metric_id, coalesce(source_id, 0), value, low, high, approximate, "
                       "coalesce(unit, ''), coalesce(as_of, ''), coalesce(base_of, '') FROM claim "
                       "WHERE metric_id IS NOT NULL{} ORDER BY metric_id, id",
                       oneMetric ? " AND metric_id = ?1" : "");
}

void db::insertVerdict(sql::Connection& db, const Verdict& verdict) {
    Statement insert =
        db.cached("INSERT INTO verdict (id, uuid, claim_a, claim_b, supported, note, created_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    bindId(insert, verdict.id).bind(2, verdict.uuid).bind(3, verdict.claimA).bind(4, verdict.claimB);
    insert.bind(5, verdict.supported).bindOrNull(6, verdict.note).bind(7, verdict.createdAt);
    insert.run();
}

namespace {

void deleteVerdict(sql::Connection& db, std::int64_t claimA, std::int64_t claimB) {
    Statement remove = db.cached("DELETE FROM verdict WHERE claim_a = ?1 AND claim_b = ?2");
    remove.bind(1, claimA).bind(2, claimB);
    remove.run();
}

void writeStatuses(sql::Connection& db, const std::vector<VerdictChange::Status>& statuses) {
    Statement update = db.cached("UPDATE claim SET status = ?2, updated_at = ?3 WHERE id = ?1");
    for (const VerdictChange::Status& s : statuses) {
        update.reset();
        update.bind(1, s.claimId).bind(2, toString(s.status)).bind(3, s.updatedAt);
        update.run();
    }
}

// Attaches each stored verdict to the conflict between the groups its two claims belong to.
// A side of a repeated figure can hold thousands of claims: the rows' claims are looked up among
// the few verdicts' (mapping every claim of every row to its rows took 0.4 s on a million claims).
void attachVerdicts(std::vector<ConflictRow>& rows, const std::vector<Verdict>& verdicts) {
    if (verdicts.empty())
        return;
    std::unordered_map<std::int64_t, std::vector<const Verdict*>> verdictsOfClaim;
    for (const Verdict& verdict : verdicts)
        verdictsOfClaim[verdict.claimA].push_back(&verdict);
    for (ConflictRow& row : rows)
        for (const ConflictSide* side : {&row.lower, &row.higher})
            for (const std::int64_t id : *side->claimIds)
                if (const auto found = verdictsOfClaim.find(id); found != verdictsOfClaim.end())
                    for (const Verdict* verdict : found->second)
                        if (row.joins(verdict->claimA, verdict->claimB))
                            row.verdict = *verdict;
}

// The report on a project's conflicts, built one metric's check at a time: each metric's counts, and each
// conflict with its claims, explanation and verdict, largest gap first.
class ReportBuilder {
public:
    // `metrics`: those checked, by name.
    ReportBuilder(sql::Connection& db, const std::vector<Entity>& metrics) : m_db(db) {
        m_report.metrics.reserve(metrics.size());
        for (const Entity& metric : metrics) {
            m_summaryOf[metric.id] = m_report.metrics.size();
            m_report.metrics.push_back(MetricSummary{metric, {}, 0, {}});
        }
    }

    // Adds the check of one metric. One made since the list of metrics was read (by another program) is
    // left out, as it would have been a moment earlier.
    void add(const CrossCheck& check) {
        if (check.metrics.empty())
            return;
        const MetricCheck& metric = check.metrics.front();
        const auto known = m_summaryOf.find(metric.metricId);
        if (known == m_summaryOf.end())
            return;
        MetricSummary& summary = m_report.metrics[known->second];
        summary.scale = describeBase(metric.scale);
        summary.conflicts = metric.conflicts;
        summary.setAside = check.setAside;

        std::unordered_map<std::size_t, ConflictSide> sides;  // by group
        for (const auto* pairs : {&check.conflicts, &check.unlikeBases})
            for (const Conflict& c : *pairs)
                for (const std::size_t g : {c.lower, c.higher})
                    if (auto [side, added] = sides.try_emplace(g); added) {
                        const RepeatGroup& group = check.groups[g];
                        Statement select = m_db.cached(selectClaims("c.id = ?1"));
                        select.bind(1, group.claimIds.front());
                        if (select.step())
                            side->second.claim = readClaim(select);
                        side->second.claimIds =
                            std::make_shared<const std::vector<std::int64_t>>(group.claimIds);
                        side->second.figure = sayFigure(group, metric.scale);
                    }
        const auto row = [&](const Conflict& c, std::string explanation) {
            return ConflictRow{
                metric.metricId, summary.metric.name, sides.at(c.lower),      sides.at(c.higher),
                c.gap,           c.undated,           std::move(explanation), std::nullopt};
        };
        for (const Conflict& c : check.conflicts)
            m_report.conflicts.push_back(row(c, explainConflict(check, c)));
        for (const Conflict& c : check.unlikeBases)
            m_report.unlikeBases.push_back(row(c, explainUnlikeBases(check, c)));
    }

    ConflictReport finish() && {
        // Each metric's come largest gap first; so do all, metric by metric where gaps are equal.
        std::stable_sort(m_report.conflicts.begin(), m_report.conflicts.end(),
                         [](const ConflictRow& a, const ConflictRow& b) {
                             return a.gap.value_or(-1) > b.gap.value_or(-1);
                         });
        attachVerdicts(m_report.conflicts, loadVerdicts(m_db));
        return std::move(m_report);
    }

private:
    sql::Connection& m_db;
    ConflictReport m_report;
    std::unordered_map<std::int64_t, std::size_t> m_summaryOf;  // a metric's place in m_report.metrics
};

}  // namespace

bool ConflictSide::holds(std::int64_t claimId) const {
    return std::find(claimIds->begin(), claimIds->end(), claimId) != claimIds->end();
}

std::optional<VerdictChoice> ConflictRow::choice() const {
    if (!verdict)
        return std::nullopt;
    if (!verdict->supported)
        return VerdictChoice::BothStand;
    return lower.holds(*verdict->supported) ? VerdictChoice::LowerSupported : VerdictChoice::HigherSupported;
}

bool ConflictRow::joins(std::int64_t a, std::int64_t b) const {
    return (lower.holds(a) && higher.holds(b)) || (lower.holds(b) && higher.holds(a));
}

const ConflictRow* ConflictReport::between(std::int64_t a, std::int64_t b) const {
    const auto row =
        std::find_if(conflicts.begin(), conflicts.end(), [&](const ConflictRow& r) { return r.joins(a, b); });
    return row == conflicts.end() ? nullptr : &*row;
}

Result<Entity> Project::metricNamed(const std::string& name) {
    return guarded([&] {
        Statement select = m_db->cached("SELECT id FROM metric WHERE name = ?1");  // COLLATE NOCASE
        select.bind(1, normalizeField(name));
        if (!select.step())
            refuse(ErrorCode::NotFound, fmt::format("no metric named \"{}\"", name));
        return orRefuse(entity(EntityKind::Metric, select.integer(0)));
    });
}

Result<ConflictReport> Project::conflicts(const std::string& metricName) {
    return guarded([&] {
        std::vector<Entity> metrics = orRefuse(entities(EntityKind::Metric));  // by name
        std::optional<std::int64_t> only;
        if (!metricName.empty()) {
            only = orRefuse(metricNamed(metricName)).id;
            std::erase_if(metrics, [&](const Entity& m) { return m.id != *only; });
        }
        ReportBuilder report(*m_db, metrics);
        forEachMetricFigures(*m_db, only, [&](std::span<const ClaimFigure> figures) {
            report.add(crossCheckMetric(figures, loadRules(*m_db, figures.front().metricId)));
        });
        return std::move(report).finish();
    });
}

Result<MetricComparison> Project::compare(std::int64_t metricId) {
    return guarded([&] {
        const std::vector<Entity> metrics{orRefuse(entity(EntityKind::Metric, metricId))};
        CrossCheck check;
        forEachMetricFigures(*m_db, metricId, [&](std::span<const ClaimFigure> figures) {
            check = crossCheckMetric(figures, loadRules(*m_db, metricId));
        });
        ReportBuilder builder(*m_db, metrics);
        builder.add(check);
        ConflictReport report = std::move(builder).finish();
        MetricComparison comparison{std::move(report.metrics.front()),
                                    {},
                                    std::move(report.conflicts),
                                    std::move(report.unlikeBases)};

        std::unordered_map<std::int64_t, std::size_t> groupOf;
        for (std::size_t g = 0; g < check.groups.size(); ++g)
            for (const std::int64_t id : check.groups[g].claimIds)
                groupOf[id] = g;
        std::unordered_map<std::int64_t, std::string> setAside;
        for (const SetAside& s : check.setAside)
            setAside[s.claimId] = s.reason;
        const MetricCheck* metric = check.metric(metricId);
        Statement select = m_db->cached(selectClaims("c.metric_id = ?1"));
        select.bind(1, metricId);
        while (select.step()) {
            ComparedClaim compared{readClaim(select), std::nullopt, {}, {}, 0, {}, {}};
            compared.period = parsePeriod(compared.claim.fields.asOf);
            if (const auto g = groupOf.find(compared.claim.id); g != groupOf.end() && metric) {
                const RepeatGroup& group = check.groups[g->second];
                compared.stated = group.stated;
                compared.compared = group.interval;
                compared.group = g->second;
                compared.figure = sayFigure(group, metric->scale);
            } else if (const auto reason = setAside.find(compared.claim.id); reason != setAside.end()) {
                compared.setAside = reason->second;
            }
            comparison.claims.push_back(std::move(compared));
        }
        std::stable_sort(comparison.claims.begin(), comparison.claims.end(),
                         [](const ComparedClaim& a, const ComparedClaim& b) {
                             const double x = a.stated ? a.stated->low : -HUGE_VAL;
                             const double y = b.stated ? b.stated->low : -HUGE_VAL;
                             return std::tie(a.period, x) < std::tie(b.period, y);
                         });
        return comparison;
    });
}

std::vector<MetricProfile> db::metricProfiles(sql::Connection& db, std::int64_t exceptClaim) {
    std::vector<MetricProfile> profiles;
    std::unordered_map<std::int64_t, std::size_t> byId;
    Statement metrics =
        db.cached("SELECT id, name, coalesce(description, '') || ' ' || coalesce(place, '') || "
                  "' ' || coalesce(population, ''), coalesce(unit_kind, '') FROM metric ORDER BY name");
    while (metrics.step()) {
        byId[metrics.integer(0)] = profiles.size();
        std::optional<UnitKind> kind;
        if (auto stated = parseUnitKind(metrics.text(3)))
            kind = *stated;
        profiles.push_back({metrics.integer(0), metrics.text(1), metrics.text(2), kind, {}, {}, {}, {}});
    }
    // A metric's claims are known by their quotes and the words around them (stored with each
    // claim), its latest 20 at most, so that proposing stays quick in a large project: asked metric by
    // metric through its index. (A window function over all claims sorted every claim's words: 13 s
    // on a million claims, for each claim recorded in the app.)
    Statement claims = db.cached(R"sql(
        SELECT c.metric_id, c.prefix || c.quote || c.suffix, coalesce(c.unit, ''), c.quote,
               coalesce(c.value, c.low, c.high) FROM metric m, claim c
        WHERE c.id IN (SELECT id FROM claim WHERE metric_id = m.id AND id <> ?1 ORDER BY id DESC LIMIT 20))sql");
    claims.bind(1, exceptClaim);
    while (claims.step()) {
        MetricProfile& p = profiles[byId.at(claims.integer(0))];
        p.claimSentences.push_back(claims.text(1));
        p.claimUnits.push_back(claims.text(2));
        p.claimQuotes.push_back(claims.text(3));
        p.claimValues.push_back(claims.number(4).value_or(std::nan("")));
    }
    // Without the claim left out, a metric it alone measures would not be there yet.
    if (exceptClaim) {
        Statement metric = db.cached("SELECT metric_id FROM claim WHERE id = ?1");
        metric.bind(1, exceptClaim);
        if (metric.step() && !metric.isNull(0))
            std::erase_if(profiles, [id = metric.integer(0)](const MetricProfile& p) {
                return p.metricId == id && p.claimSentences.empty();
            });
    }
    return profiles;
}

ClaimContext db::claimContextAt(std::string_view text, const CodePointIndex& index, CodePointRange range,
                                const std::string& unit, const Figure* figure) {
    const FigureContext context =
        figureContext(text, index.byteOffset(range.start), index.byteOffset(range.end));
    // Byte offsets into the sentence: of the claim's words, and of the sentence's other figures.
    const CodePointIndex sentence(context.sentence);
    const std::size_t quoteAt = context.sentence.find(text.substr(
        index.byteOffset(range.start), index.byteOffset(range.end) - index.byteOffset(range.start)));
    ClaimContext claim{context.sentence, 0, 0, {}, context.subject, unit, std::nullopt};
    if (quoteAt != std::string::npos)
        claim.quoteBegin = quoteAt,
        claim.quoteEnd = quoteAt + index.byteOffset(range.end) - index.byteOffset(range.start);
    for (const CodePointRange& other : context.others)
        claim.otherFigures.emplace_back(sentence.byteOffset(other.start), sentence.byteOffset(other.end));
    // What it counts as read with the sentence before, which "the total" or "of them" refers to.
    std::optional<Figure> read;
    if (!figure && (read = figureAt(index, range)))
        figure = &*read;
    if (figure) {
        if (!figure->subject.empty())
            claim.subject = figure->subject;
        claim.value = figure->value;
    }
    return claim;
}

Result<std::vector<MetricProposal>> Project::proposeMetrics(std::int64_t articleId, CodePointRange range,
                                                            const std::string& unit,
                                                            std::int64_t exceptClaim) {
    return guarded([&] {
        const std::string text = readArticleText(*m_db, articleId);
        const CodePointIndex index(text);
        if (range.start < 0 || range.end > index.size() || range.end <= range.start)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("range [{}, {}) is not inside article {}", range.start, range.end, articleId));
        return claimtrack::proposeMetrics(claimContextAt(text, index, range, unit),
                                          metricProfiles(*m_db, exceptClaim));
    });
}

Result<MetricDetails> Project::setMetricDetails(std::int64_t metricId, const MetricDetails& details) {
    return guarded([&] {
        if (details.tolerance && !(*details.tolerance >= 0 && *details.tolerance < 1))
            refuse(ErrorCode::InvalidInput, fmt::format("a tolerance is a share below 100%, not {}%",
                                                        formatNumber(*details.tolerance * 100)));
        const std::string url = normalizeField(details.factCheckUrl);
        if (!url.empty() && !isWebAddress(url))
            refuse(ErrorCode::InvalidInput,
                   fmt::format("the fact-check URL {} is not a web address (http:// or https://…)",
                               quotedExcerpt(url)));
        const std::string reviewed = normalizeField(details.reviewed);
        if (!reviewed.empty()) {
            orRefuse(parsePartialDate(reviewed, "the review date"));
            if (reviewed.size() != 10)
                refuse(ErrorCode::InvalidInput,
                       fmt::format("the review date {} is not a day: write YYYY-MM-DD",
                                   quotedExcerpt(reviewed)));
        }
        Transaction transaction(*m_db);
        const auto metrics = orRefuse(entities(EntityKind::Metric));
        const auto it =
            std::find_if(metrics.begin(), metrics.end(), [&](const Entity& m) { return m.id == metricId; });
        if (it == metrics.end())
            refuse(ErrorCode::NotFound, fmt::format("no metric with id {}", metricId));
        Statement update = m_db->cached("UPDATE metric SET unit_kind = ?2, place = ?3, population = ?4, "
                                        "description = ?5, tolerance = ?6, "
                                        "fact_check_url = ?7, reviewed = ?8 WHERE id = ?1");
        update.bind(1, metricId).bindOrNull(2, details.kind ? toString(*details.kind) : std::string_view());
        update.bindOrNull(3, normalizeField(details.place)).bindOrNull(4, normalizeField(details.population));
        update.bindOrNull(5, normalizeField(details.description)).bind(6, details.tolerance);
        update.bindOrNull(7, url).bindOrNull(8, reviewed);
        update.run();
        transaction.commit();
        return it->metric;
    });
}

Result<VerdictChange> Project::recordVerdict(const ConflictRow& conflict, VerdictChoice choice,
                                             const std::string& note) {
    return guarded([&] {
        Transaction transaction(*m_db);
        const std::int64_t lower = conflict.lower.claim.id;
        const std::int64_t higher = conflict.higher.claim.id;
        VerdictChange change;
        change.verdict = {0,
                          newUuid(),
                          std::min(lower, higher),
                          std::max(lower, higher),
                          std::nullopt,
                          normalizeField(note),
                          nowUtc()};
        if (choice != VerdictChoice::BothStand)
            change.verdict.supported = choice == VerdictChoice::LowerSupported ? lower : higher;
        for (const Verdict& v : loadVerdicts(*m_db))
            if (v.claimA == change.verdict.claimA && v.claimB == change.verdict.claimB)
                change.replaced = v;

        const auto statusOf = [&](bool isLower) {
            if (choice == VerdictChoice::BothStand)
                return ClaimStatus::Supported;
            return (choice == VerdictChoice::LowerSupported) == isLower ? ClaimStatus::Supported
                                                                        : ClaimStatus::Disputed;
        };
        for (const auto& [side, isLower] :
             {std::pair{&conflict.lower, true}, std::pair{&conflict.higher, false}})
            for (const std::int64_t id : *side->claimIds) {
                const ClaimRecord current = orRefuse(claim(id));
                change.before.push_back({id, current.fields.status, current.updatedAt});
                change.after.push_back({id, statusOf(isLower), change.verdict.createdAt});
            }
        if (change.replaced)
            deleteVerdict(*m_db, change.verdict.claimA, change.verdict.claimB);
        insertVerdict(*m_db, change.verdict);
        change.verdict.id = m_db->lastInsertId();
        writeStatuses(*m_db, change.after);
        transaction.commit();
        return change;
    });
}

Result<void> Project::undoVerdict(const VerdictChange& change) {
    return guarded([&] {
        Transaction transaction(*m_db);
        deleteVerdict(*m_db, change.verdict.claimA, change.verdict.claimB);
        if (change.replaced)
            insertVerdict(*m_db, *change.replaced);
        writeStatuses(*m_db, change.before);
        transaction.commit();
    });
}

Result<void> Project::redoVerdict(const VerdictChange& change) {
    return guarded([&] {
        Transaction transaction(*m_db);
        deleteVerdict(*m_db, change.verdict.claimA, change.verdict.claimB);
        insertVerdict(*m_db, change.verdict);
        writeStatuses(*m_db, change.after);
        transaction.commit();
    });
}

}  // namespace claimtrack
