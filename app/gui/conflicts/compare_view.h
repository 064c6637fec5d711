#pragma once
// The compare view: one metric's figures on a timeline chart beside the
// table of its claims, conflicting pairs marked in both. Choosing a figure in
// either asks for its claim to be opened.

#include "project.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace claimtrack::gui {

class CompareChart;
class ProjectSession;

class CompareView : public QWidget {
    Q_OBJECT

public:
    explicit CompareView(ProjectSession& session, QWidget* parent = nullptr);

    // Reloads the metric list and the metric shown (after any change to the project).
    void refresh();
    void showMetric(std::int64_t metricId);
    std::int64_t metricId() const { return m_metricId; }
    // Shows the conflict's metric with its two claims selected.
    void showConflict(const ConflictRow& conflict);

    CompareChart* chart() { return m_chart; }
    QTableWidget* table() { return m_table; }
    QComboBox* metricBox() { return m_metricBox; }
    QLabel* summary() { return m_summary; }

Q_SIGNALS:
    void claimActivated(qint64 claimId);

private:
    void fillTable(const QHash<qint64, int>& sourceIndex);
    void selectClaims(const std::vector<std::int64_t>& ids);

    ProjectSession& m_session;
    std::int64_t m_metricId = 0;
    MetricComparison m_comparison;
    QComboBox* m_metricBox;
    QLabel* m_summary;
    CompareChart* m_chart;
    QTableWidget* m_table;
};

}  // namespace claimtrack::gui
