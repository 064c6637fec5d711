// MainWindow, continued: the compare view and the conflicts pane, filled when they are in sight.
#include "conflicts/compare_view.h"
#include "conflicts/conflict_list.h"
#include "main_window.h"
#include "project_session.h"

#include <QDockWidget>
#include <QTabWidget>

#include <utility>

namespace claimtrack::gui {

void MainWindow::refreshComparisons() {
    if (!m_session)
        return;
    // A whole-project cross-check is quick but not free, so views out of sight wait until shown.
    if (m_compareStale && m_tabs->currentWidget() == m_compare) {
        m_compareStale = false;
        m_compare->refresh();
    }
    if (m_conflictsStale && (!m_conflictDock->visibleRegion().isEmpty() || m_conflictDock->isFloating())) {
        m_conflictsStale = false;
        m_conflicts->refresh();
    }
}

void MainWindow::showInCompareView(const std::function<void()>& show) {
    // One read: the metric asked for, with the metric list when the project changed since the view was
    // filled (switching to the tab first read the metric shown before as well, and in the way).
    if (std::exchange(m_compareStale, false))
        m_compare->markStale();
    show();
    m_tabs->setCurrentIndex(1);
}

void MainWindow::compareCurrentClaimsMetric() {
    if (m_session && m_currentClaim)
        if (auto claim = m_session->project().claim(m_currentClaim); claim && !claim->fields.metric.empty())
            if (auto metric = m_session->project().metricNamed(claim->fields.metric);
                metric && metric->id != m_compare->metricId())
                return showInCompareView([&] { m_compare->showMetric(metric->id); });
    m_tabs->setCurrentIndex(1);
}

bool MainWindow::compareMetric(const QString& name) {
    if (!m_session)
        return false;
    auto metric = m_session->project().metricNamed(name.toStdString());  // names match without regard to case
    if (!metric)
        return false;
    showInCompareView([&] { m_compare->showMetric(metric->id); });
    m_conflictDock->raise();  // the project's other conflicts, one click away
    return true;
}

}  // namespace claimtrack::gui
