#pragma once
// The compare view: one metric's figures on a timeline chart beside the
// table of its claims, conflicting pairs marked in both. Choosing a figure in
// either asks for its claim to be opened.

#include "background.h"
#include "project.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace claimtrack::gui {

class CompareChart;
class ComparisonTableModel;
class ProjectSession;

class CompareView : public QWidget {
    Q_OBJECT

public:
    explicit CompareView(ProjectSession& session, QWidget* parent = nullptr);

    // Reloads the metric list and the metric shown (after any change to the project). Both read on
    // another thread: the view shows them when they come, greyed out meanwhile.
    void refresh();
    // Has the next metric shown read the metric list again too (the project changed out of sight).
    void markStale() { m_listStale = true; }
    void showMetric(std::int64_t metricId);
    std::int64_t metricId() const { return m_metricId; }
    bool isBusy() const { return m_load.busy(); }
    // Shows the conflict's metric with its two claims selected.
    void showConflict(const ConflictRow& conflict);
    // Asks where, then saves the chart as a PNG image or an SVG drawing.
    void saveChart();

    CompareChart* chart() { return m_chart; }
    QTableView* table() { return m_table; }
    ComparisonTableModel* tableModel() { return m_tableModel; }
    QComboBox* metricBox() { return m_metricBox; }
    QLabel* summary() { return m_summary; }
    QPushButton* saveChartButton() { return m_saveChart; }

Q_SIGNALS:
    void claimActivated(qint64 claimId);

private:
    // What one read brings: the metrics (when the list is reloaded too) and the metric's comparison.
    struct Loaded {
        std::optional<std::vector<Entity>> metrics;
        MetricComparison comparison;
    };
    void load(std::int64_t metricId);
    void show(Result<Loaded> loaded);
    void selectClaims(const std::vector<std::int64_t>& ids);

    ProjectSession& m_session;
    BackgroundRead<Loaded> m_load;
    std::int64_t m_metricId = 0;
    std::vector<std::int64_t> m_selectOnLoad;  // the claims to select once the metric is shown
    bool m_listStale = true;                   // the metric list is to be read again
    std::shared_ptr<const MetricComparison> m_comparison;
    QComboBox* m_metricBox;
    QLabel* m_summary;
    QPushButton* m_saveChart;
    CompareChart* m_chart;
    ComparisonTableModel* m_tableModel;
    QTableView* m_table;
};

}  // namespace claimtrack::gui
