#include "conflict_list.h"
#include "claims/claim_display.h"
#include "conflict_format.h"
#include "conflicts/explain.h"
#include "project_session.h"
#include "verdict_dialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace claimtrack::gui {

namespace {
enum Column { Gap, Metric, Explanation, Verdict, ColumnCount };
}

QString sideLabel(const ConflictSide& side) {
    QString label =
        QStringLiteral("%1, %2").arg(sourceName(side.claim.fields), QString::fromStdString(side.figure));
    if (side.claimIds->size() > 1)
        label += QObject::tr(" (in %Ln places)", nullptr, static_cast<int>(side.claimIds->size()));
    return label;
}

QString conflictCount(const std::vector<ConflictRow>& conflicts) {
    const auto settled = std::count_if(conflicts.begin(), conflicts.end(),
                                       [](const ConflictRow& c) { return c.verdict.has_value(); });
    const QString count = QObject::tr("%Ln conflict(s)", nullptr, static_cast<int>(conflicts.size()));
    return settled == 0 ? count : QObject::tr("%1, %2 settled").arg(count, QLocale().toString(settled));
}

ConflictList::ConflictList(ProjectSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_check(this, session.path()), m_busy(new QProgressBar(this)),
      m_summary(new QLabel(this)), m_table(new QTableWidget(this)), m_detail(new QLabel(this)),
      m_compare(new QPushButton(tr("Compare"), this)), m_verdict(new QPushButton(tr("Verdict…"), this)) {
    setObjectName(QStringLiteral("conflictList"));
    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_compare->setObjectName(QStringLiteral("conflictCompare"));
    m_verdict->setObjectName(QStringLiteral("conflictVerdict"));
    m_summary->setObjectName(QStringLiteral("conflictSummary"));
    m_busy->setObjectName(QStringLiteral("conflictBusy"));
    m_busy->setRange(0, 0);  // busy, for as long as it takes
    m_busy->setMaximumHeight(m_summary->fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_detail->setObjectName(QStringLiteral("conflictDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Gap"), tr("Metric"), tr("Conflict"), tr("Verdict")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Explanation, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_compare->setToolTip(tr("Show the conflict's metric in the compare view"));
    m_verdict->setToolTip(tr("Record which figure is supported, or that both stand"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_compare);
    buttons->addWidget(m_verdict);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);

    const auto compareSelected = [this] {
        if (const ConflictRow* selected = selectedConflict()) {
            const ConflictRow conflict = *selected;  // a refresh on the way may replace the list
            Q_EMIT compareRequested(conflict);
        }
    };
    connect(m_compare, &QPushButton::clicked, this, compareSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, compareSelected);
    connect(m_verdict, &QPushButton::clicked, this, &ConflictList::recordVerdict);
    if (const QString why = m_session.whyNot(ProjectRole::Reviewer); !why.isEmpty())
        m_verdict->setToolTip(why);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConflictList::updateButtons);
}

const ConflictRow* ConflictList::selectedConflict() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const auto index =
        static_cast<std::size_t>(m_table->item(rows.front().row(), Gap)->data(Qt::UserRole).toInt());
    return index < m_conflicts.size() ? &m_conflicts[index] : nullptr;
}

void ConflictList::refresh() {
    m_summary->setText(tr("Checking the figures…"));
    m_busy->show();
    m_table->setEnabled(false);  // the last result stays in view, but not as if it were the new one
    updateButtons();
    m_check.run([](Project& project) { return project.conflicts(); },
                [this](Result<ConflictReport> report) { showConflicts(std::move(report)); });
}

void ConflictList::showConflicts(Result<ConflictReport> report) {
    const ConflictRow* selected = selectedConflict();
    const auto keep =
        selected ? std::pair{selected->lower.claim.id, selected->higher.claim.id} : std::pair{0L, 0L};
    m_busy->hide();
    m_table->setEnabled(true);
    m_conflicts = report ? std::move(report->conflicts) : std::vector<ConflictRow>();
    if (!report)
        m_summary->setText(errorText(report.error()));
    else
        m_summary->setText(m_conflicts.empty() ? tr("No figures disagree.") : conflictCount(m_conflicts));

    m_table->clearSelection();
    m_table->setRowCount(static_cast<int>(m_conflicts.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const ConflictRow& c = m_conflicts[static_cast<std::size_t>(row)];
        const auto set = [&](int column, const QString& text, const QString& tip = {}) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(tip.isEmpty() ? text : tip);
            m_table->setItem(row, column, item);
            return item;
        };
        QTableWidgetItem* gapItem = set(Gap, c.gap ? QString::fromStdString(sayGap(*c.gap)) : tr("—"));
        gapItem->setData(Qt::UserRole, row);
        gapItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        set(Metric, QString::fromStdString(c.metric));
        QString explanation = QString::fromStdString(c.explanation);
        if (c.undated)
            explanation += tr(" (undated)");
        set(Explanation, explanation,
            tr("Lower: %1\nHigher: %2").arg(sideLabel(c.lower), sideLabel(c.higher)));
        const QString verdict = QString::fromStdString(std::string(describeVerdict(c)));
        set(Verdict, verdict, c.verdict ? QString::fromStdString(c.verdict->note) : QString());
        if (c.lower.claim.id == keep.first && c.higher.claim.id == keep.second)
            m_table->selectRow(row);
    }
    updateButtons();
}

void ConflictList::updateButtons() {
    const ConflictRow* selected = isBusy() ? nullptr : selectedConflict();
    m_detail->setText(
        selected ? tr("%1: %2.\nLower: %3. Higher: %4.%5")
                       .arg(QString::fromStdString(selected->metric),
                            QString::fromStdString(selected->explanation), sideLabel(selected->lower),
                            sideLabel(selected->higher),
                            selected->verdict
                                ? tr(" Verdict: %1.").arg(QString::fromUtf8(describeVerdict(*selected)))
                                : QString())
                 : tr("Select a conflict to read it in full; Compare shows it in the compare view."));
    m_compare->setEnabled(selected != nullptr);
    m_verdict->setEnabled(selected != nullptr && m_session.whyNot(ProjectRole::Reviewer).isEmpty());
}

void ConflictList::recordVerdict() {
    const ConflictRow* selected = selectedConflict();
    if (!selected)
        return;
    auto* dialog = new VerdictDialog(*selected, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, conflict = *selected] {
        if (auto recorded = m_session.recordVerdict(conflict, dialog->choice(), dialog->note()); !recorded)
            m_summary->setText(errorText(recorded.error()));
    });
    dialog->open();
}

}  // namespace claimtrack::gui
