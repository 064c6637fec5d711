#include "compare_view.h"
#include "claims/claim_display.h"
#include "compare_chart.h"
#include "comparison_table_model.h"
#include "conflict_list.h"
#include "dialogs.h"
#include "project_session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace claimtrack::gui {

CompareView::CompareView(ProjectSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_load(this, session.path()), m_metricBox(new QComboBox(this)),
      m_summary(new QLabel(this)), m_saveChart(new QPushButton(tr("Save Chart As…"), this)),
      m_chart(new CompareChart(this)), m_tableModel(new ComparisonTableModel(this)),
      m_table(new QTableView(this)) {
    m_saveChart->setObjectName(QStringLiteral("saveChart"));
    m_saveChart->setToolTip(tr("The chart as a PNG image or an SVG drawing, for a report or a slide"));
    setObjectName(QStringLiteral("compareView"));
    m_metricBox->setObjectName(QStringLiteral("compareMetric"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_metricBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_table->setModel(m_tableModel);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);  // widths from the first rows, not 10,000

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Metric:"), this));
    top->addWidget(m_metricBox);
    top->addWidget(m_summary, 1);
    top->addWidget(m_saveChart);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("compareSplitter"));
    split->addWidget(m_chart);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({500, 500});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_saveChart, &QPushButton::clicked, this, &CompareView::saveChart);
    connect(m_metricBox, &QComboBox::activated, this,
            [this](int index) { showMetric(m_metricBox->itemData(index).toLongLong()); });
    connect(m_chart, &CompareChart::claimClicked, this, [this](qint64 id) {
        selectClaims({id});
        Q_EMIT claimActivated(id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        m_chart->highlightClaim(rows.isEmpty() ? 0 : m_tableModel->claimIdAt(rows.front().row()));
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT claimActivated(m_tableModel->claimIdAt(index.row()));
    });
}

void CompareView::refresh() {
    m_listStale = true;
    load(m_metricId);
}

void CompareView::showMetric(std::int64_t metricId) {
    m_metricId = metricId;
    m_metricBox->setCurrentIndex(m_metricBox->findData(QVariant::fromValue<qint64>(metricId)));
    load(metricId);
}

void CompareView::load(std::int64_t metricId) {
    // The metric list is read again after a change, also when a newer request (a metric chosen) drops the
    // result of the one that asked for it.
    const bool withMetrics = m_listStale;
    m_summary->setText(tr("Comparing the figures…"));
    m_chart->setEnabled(false);
    m_table->setEnabled(false);  // the last metric stays in view, but not as if it were the one asked for
    m_load.run(
        [metricId, withMetrics](Project& project) -> Result<Loaded> {
            Loaded loaded;
            std::int64_t shown = metricId;
            if (withMetrics) {
                auto metrics = project.entities(EntityKind::Metric);
                if (!metrics)
                    return metrics.error();
                const bool known = std::any_of(metrics->begin(), metrics->end(),
                                               [&](const Entity& m) { return m.id == metricId; });
                shown = known ? metricId : metrics->empty() ? 0 : metrics->front().id;
                loaded.metrics = std::move(*metrics);
            }
            if (shown) {
                auto comparison = project.compare(shown);
                if (!comparison)
                    return comparison.error();
                loaded.comparison = std::move(*comparison);
            }
            return loaded;
        },
        [this](Result<Loaded> loaded) { show(std::move(loaded)); });
}

void CompareView::show(Result<Loaded> loaded) {
    m_chart->setEnabled(true);
    m_table->setEnabled(true);
    if (!loaded) {
        m_summary->setText(errorText(loaded.error()));
        return;
    }
    m_comparison = std::make_shared<const MetricComparison>(std::move(loaded->comparison));
    m_metricId = m_comparison->summary.metric.id;
    if (loaded->metrics) {
        m_listStale = false;
        m_metricBox->clear();
        for (const Entity& metric : *loaded->metrics)
            m_metricBox->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(metric.name),
                                                               QLocale().toString(metric.claimCount)),
                                 QVariant::fromValue<qint64>(metric.id));
    }
    m_metricBox->setCurrentIndex(m_metricBox->findData(QVariant::fromValue<qint64>(m_metricId)));

    const MetricSummary& s = m_comparison->summary;
    QStringList parts;
    parts << tr("%Ln claim(s)", nullptr, static_cast<int>(m_comparison->claims.size()));
    if (!s.scale.empty())
        parts << tr("compared as %1").arg(QString::fromStdString(s.scale));
    parts << conflictCount(m_comparison->conflicts);
    if (!s.setAside.empty())
        parts << tr("%Ln not compared", nullptr, static_cast<int>(s.setAside.size()));
    // Pairs of percentages of different bases: counted here, each explained in the tooltip.
    QStringList unlike;
    for (const ConflictRow& pair : m_comparison->unlikeBases)
        unlike << QString::fromStdString(pair.explanation);
    if (!unlike.isEmpty())
        parts << tr("%Ln pair(s) of different bases not compared", nullptr, static_cast<int>(unlike.size()));
    m_summary->setText(m_metricId ? parts.join(QStringLiteral(" · ")) : tr("No metrics yet."));
    m_summary->setToolTip(unlike.join(QLatin1Char('\n')));

    // Sources coloured in the order they first appear, the same in the chart and the table.
    QHash<qint64, int> sourceIndex;
    std::map<std::string, int> sources;
    for (const ComparedClaim& c : m_comparison->claims)
        if (!c.claim.fields.source.empty())
            sourceIndex.insert(
                c.claim.id,
                sources.try_emplace(c.claim.fields.source, static_cast<int>(sources.size())).first->second);
    m_chart->showComparison(*m_comparison, sourceIndex);
    m_tableModel->setComparison(m_comparison, std::move(sourceIndex));
    m_table->resizeColumnsToContents();  // from the first rows only: the header's precision
    for (int column = 0; column < ComparisonTableModel::ColumnCount - 1; ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 220));
    if (!m_selectOnLoad.empty())
        selectClaims(std::exchange(m_selectOnLoad, {}));
}

void CompareView::selectClaims(const std::vector<std::int64_t>& ids) {
    m_table->clearSelection();
    for (const std::int64_t id : ids) {
        const int row = m_tableModel->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_tableModel->index(row, 0);
        m_table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    }
    m_chart->highlightClaim(ids.empty() ? 0 : ids.front());
}

void CompareView::saveChart() {
    const QString name =
        m_comparison
            ? QString::fromStdString(m_comparison->summary.metric.name).replace(QLatin1Char('/'), u'-')
            : QString();
    const QString path = FileDialog::saveFile(this, tr("Save chart"),
                                              (name.isEmpty() ? tr("chart") : name) + QStringLiteral(".png"),
                                              tr("PNG images (*.png);;SVG drawings (*.svg)"));
    if (path.isEmpty())
        return;
    int scale = 1;
    if (!path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        // Pixels for where the image goes: a slide or a page wants more than the screen shows.
        const QSize shown = m_chart->viewport()->size();
        const auto size = [&](int times) {
            return tr("%1 × %2 pixels").arg(shown.width() * times).arg(shown.height() * times);
        };
        const QStringList scales{tr("Twice the screen's resolution (%1): sharp on any screen").arg(size(2)),
                                 tr("The screen's resolution (%1)").arg(size(1)),
                                 tr("Four times the screen's resolution (%1): for print").arg(size(4))};
        const std::optional<QString> chosen =
            InputDialog::item(this, tr("Save chart"), tr("Resolution of the PNG image:"), scales);
        if (!chosen)
            return;
        scale = *chosen == scales[1] ? 1 : *chosen == scales[2] ? 4 : 2;
    }
    if (auto saved = m_chart->save(path, scale); !saved)
        MessageBox::critical(this, tr("Cannot save the chart"), errorText(saved.error()));
}

void CompareView::showConflict(const ConflictRow& conflict) {
    m_selectOnLoad = {conflict.lower.claim.id, conflict.higher.claim.id};
    showMetric(conflict.metricId);
}

}  // namespace claimtrack::gui
