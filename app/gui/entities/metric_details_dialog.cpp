#include "metric_details_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace claimtrack::gui {

namespace {
// The tolerance box shows "default" at this value; below 0 no tolerance is meaningful.
constexpr double kDefaultToleranceShown = -1;
}  // namespace

MetricDetailsDialog::MetricDetailsDialog(const Entity& metric,
                                         const std::function<Result<void>(const MetricDetails&)>& save,
                                         QWidget* parent)
    : SavingDialog([this, save] { return save(details()); }, parent), m_kind(new QComboBox(this)),
      m_place(new QLineEdit(QString::fromStdString(metric.metric.place), this)),
      m_population(new QLineEdit(QString::fromStdString(metric.metric.population), this)),
      m_description(new QPlainTextEdit(QString::fromStdString(metric.metric.description), this)),
      m_tolerance(new QDoubleSpinBox(this)),
      m_factCheckUrl(new QLineEdit(QString::fromStdString(metric.metric.factCheckUrl), this)),
      m_reviewed(new QLineEdit(QString::fromStdString(metric.metric.reviewed), this)) {
    setObjectName(QStringLiteral("metricDetailsDialog"));
    setWindowTitle(tr("Metric: %1").arg(QString::fromStdString(metric.name)));
    m_kind->setObjectName(QStringLiteral("metricKind"));
    m_place->setObjectName(QStringLiteral("metricPlace"));
    m_population->setObjectName(QStringLiteral("metricPopulation"));
    m_description->setObjectName(QStringLiteral("metricDescription"));
    m_tolerance->setObjectName(QStringLiteral("metricTolerance"));
    m_factCheckUrl->setObjectName(QStringLiteral("metricFactCheckUrl"));
    m_reviewed->setObjectName(QStringLiteral("metricReviewed"));
    m_factCheckUrl->setPlaceholderText(tr("where its fact-check is published: https://…"));
    m_reviewed->setPlaceholderText(tr("the day it was: YYYY-MM-DD"));
    m_factCheckUrl->setToolTip(tr("The ClaimReview markup of its judged claims points here"));

    m_kind->addItem(tr("as most of its claims are counted"));
    for (const UnitKind kind :
         {UnitKind::Count, UnitKind::Percent, UnitKind::Money, UnitKind::Duration, UnitKind::Score})
        m_kind->addItem(QString::fromUtf8(toString(kind)), static_cast<int>(kind));
    if (metric.metric.kind)
        m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(*metric.metric.kind)));
    m_place->setPlaceholderText(tr("e.g. China"));
    m_population->setPlaceholderText(tr("e.g. adults in Xinjiang"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4);
    m_tolerance->setRange(kDefaultToleranceShown, 99.9);
    m_tolerance->setDecimals(1);
    m_tolerance->setSuffix(QStringLiteral("%"));
    m_tolerance->setSpecialValueText(tr("default (%1%)").arg(kDefaultTolerance * 100));
    m_tolerance->setValue(metric.metric.tolerance ? *metric.metric.tolerance * 100 : kDefaultToleranceShown);
    m_tolerance->setToolTip(tr("How far an approximate figure (\"about 1.4 billion\") reaches either way "
                               "when it is compared"));

    auto* form = new QFormLayout;
    form->addRow(tr("Counted &as:"), m_kind);
    form->addRow(tr("&Place:"), m_place);
    form->addRow(tr("P&opulation:"), m_population);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Tolerance:"), m_tolerance);
    form->addRow(tr("&Fact-check:"), m_factCheckUrl);
    form->addRow(tr("&Reviewed on:"), m_reviewed);
    content()->addLayout(form);
    setFieldOrder({m_kind, m_place, m_population, m_description, m_tolerance, m_factCheckUrl, m_reviewed});
}

MetricDetails MetricDetailsDialog::details() const {
    MetricDetails details;
    if (m_kind->currentIndex() > 0)
        details.kind = static_cast<UnitKind>(m_kind->currentData().toInt());
    details.place = m_place->text().trimmed().toStdString();
    details.population = m_population->text().trimmed().toStdString();
    details.description = m_description->toPlainText().trimmed().toStdString();
    if (m_tolerance->value() > kDefaultToleranceShown)
        details.tolerance = m_tolerance->value() / 100;
    details.factCheckUrl = m_factCheckUrl->text().trimmed().toStdString();
    details.reviewed = m_reviewed->text().trimmed().toStdString();
    return details;
}

}  // namespace claimtrack::gui
