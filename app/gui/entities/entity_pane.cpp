#include "entity_pane.h"
#include "dialogs.h"
#include "metric_details_dialog.h"
#include "project_session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace claimtrack::gui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

EntityPane::EntityPane(ProjectSession& session, EntityKind kind, QWidget* parent)
    : QWidget(parent), m_session(session), m_kind(kind), m_table(new QTableWidget(this)),
      m_claims(new QListWidget(this)), m_rename(new QPushButton(tr("Rename…"), this)),
      m_merge(new QPushButton(tr("Merge into…"), this)), m_delete(new QPushButton(tr("Delete"), this)) {
    const QString name = QString::fromLatin1(entityNoun(kind));
    setObjectName(name + QStringLiteral("Pane"));
    m_table->setObjectName(name + QStringLiteral("Table"));
    m_claims->setObjectName(name + QStringLiteral("Claims"));
    m_rename->setObjectName(name + QStringLiteral("Rename"));
    m_merge->setObjectName(name + QStringLiteral("Merge"));
    m_delete->setObjectName(name + QStringLiteral("Delete"));

    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Claims")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_claims->setToolTip(tr("Claims that use it; double-click one to open it"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_rename);
    buttons->addWidget(m_merge);
    buttons->addWidget(m_delete);
    if (kind == EntityKind::Metric) {
        m_details = new QPushButton(tr("Details…"), this);
        m_details->setObjectName(QStringLiteral("metricDetails"));
        m_details->setToolTip(tr("What the metric measures, and how strictly its figures are compared"));
        m_compare = new QPushButton(tr("Compare"), this);
        m_compare->setObjectName(QStringLiteral("metricCompare"));
        m_compare->setToolTip(tr("Show the metric's figures side by side"));
        buttons->addWidget(m_details);
        buttons->addWidget(m_compare);
        connect(m_details, &QPushButton::clicked, this, &EntityPane::editSelectedDetails);
        connect(m_compare, &QPushButton::clicked, this, [this] {
            if (const std::int64_t id = selectedEntity())
                Q_EMIT compareRequested(id);
        });
    }
    buttons->addStretch();
    // Renaming, merging, deleting and a metric's details are an annotator's (db/server_roles.h).
    if (const QString why = m_session.whyNot(ProjectRole::Annotator); !why.isEmpty())
        for (QPushButton* button : {m_rename, m_merge, m_delete, m_details})
            if (button)
                button->setToolTip(why);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(name + QStringLiteral("Splitter"));
    split->addWidget(m_table);
    split->addWidget(m_claims);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    if (kind == EntityKind::Tag) {
        m_claims->hide();  // the claim table shows a tag's claims
        m_delete->setToolTip(tr("Take the tag off every claim that has it"));
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(split);

    connect(m_rename, &QPushButton::clicked, this, &EntityPane::renameSelected);
    connect(m_merge, &QPushButton::clicked, this, &EntityPane::mergeSelected);
    connect(m_delete, &QPushButton::clicked, this, &EntityPane::deleteSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { showClaimsOf(selectedEntity()); });
    connect(m_claims, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT claimActivated(item->data(kIdRole).toLongLong()); });
    refresh();
}

QString EntityPane::noun() const {
    switch (m_kind) {
    case EntityKind::Source:
        return tr("source");
    case EntityKind::Metric:
        return tr("metric");
    case EntityKind::Tag:
        break;
    }
    return tr("tag");
}

void EntityPane::refresh() {
    const std::int64_t selected = selectedEntity();
    auto entities = m_session.project().entities(m_kind);
    m_entities = entities ? std::move(*entities) : std::vector<Entity>();
    const QSignalBlocker blocker(m_table);
    m_table->setSortingEnabled(false);
    m_table->setRowCount(static_cast<int>(m_entities.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const Entity& entity = m_entities[static_cast<std::size_t>(row)];
        auto* nameItem = new QTableWidgetItem(QString::fromStdString(entity.name));
        nameItem->setData(kIdRole, QVariant::fromValue<qint64>(entity.id));
        auto* countItem = new QTableWidgetItem;
        countItem->setData(Qt::DisplayRole, QVariant::fromValue<qint64>(entity.claimCount));
        m_table->setItem(row, 0, nameItem);
        m_table->setItem(row, 1, countItem);
    }
    m_table->setSortingEnabled(true);
    selectEntity(selected);
    showClaimsOf(selectedEntity());
}

const Entity* EntityPane::selectedRecord() const {
    const std::int64_t id = selectedEntity();
    const auto it =
        std::find_if(m_entities.begin(), m_entities.end(), [id](const Entity& e) { return e.id == id; });
    return it == m_entities.end() ? nullptr : &*it;
}

std::int64_t EntityPane::selectedEntity() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(kIdRole).toLongLong();
}

void EntityPane::selectEntity(std::int64_t id) {
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->data(kIdRole).toLongLong() == id) {
            m_table->selectRow(row);
            return;
        }
    m_table->clearSelection();
}

void EntityPane::showClaimsOf(std::int64_t entityId) {
    m_claims->clear();
    const bool chosen = entityId != 0;
    const bool editable = chosen && m_session.whyNot(ProjectRole::Annotator).isEmpty();
    m_rename->setEnabled(editable);
    m_merge->setEnabled(editable && m_entities.size() > 1);
    m_delete->setEnabled(editable);
    if (m_details)
        m_details->setEnabled(editable);
    if (m_compare)
        m_compare->setEnabled(chosen);
    if (m_kind == EntityKind::Tag) {
        const Entity* tag = selectedRecord();
        Q_EMIT tagSelected(tag ? tag->id : 0, tag ? QString::fromStdString(tag->name) : QString());
        return;
    }
    if (!chosen)
        return;
    ClaimQuery query;
    (m_kind == EntityKind::Source ? query.sourceId : query.metricId) = entityId;
    auto ids = m_session.project().claimIds(query);
    if (!ids)
        return;
    constexpr std::size_t kShown = 500;  // a list for reading, not the whole project
    const std::span shown(ids->data(), std::min(ids->size(), kShown));
    auto claims = m_session.project().claimsById(shown);
    if (!claims)
        return;
    for (const ClaimRecord& claim : *claims) {
        auto* item =
            new QListWidgetItem(QStringLiteral("\u201C%1\u201D \u2014 %2")
                                    .arg(QString::fromStdString(claim.anchor.quote.exact).simplified(),
                                         QString::fromStdString(claim.articleTitle)),
                                m_claims);
        item->setData(kIdRole, QVariant::fromValue<qint64>(claim.id));
    }
    if (ids->size() > kShown)
        m_claims->addItem(
            tr("… and %1 more").arg(QLocale().toString(static_cast<qulonglong>(ids->size() - kShown))));
}

void EntityPane::renameSelected() {
    const Entity* selected = selectedRecord();
    if (!selected)
        return;
    const std::int64_t id = selected->id;
    const auto name = InputDialog::text(this, tr("Rename %1").arg(noun()), tr("New name:"),
                                        QString::fromStdString(selected->name));
    if (!name || name->trimmed() == QString::fromStdString(selected->name))
        return;
    if (auto renamed = m_session.renameEntity(m_kind, id, *name); !renamed)
        MessageBox::critical(this, tr("Cannot rename"), errorText(renamed.error()));
}

void EntityPane::mergeSelected() {
    const std::int64_t id = selectedEntity();
    QStringList others;
    for (const Entity& entity : m_entities)
        if (entity.id != id)
            others << QString::fromStdString(entity.name);
    const auto into =
        InputDialog::item(this, tr("Merge %1").arg(noun()),
                          tr("Merge into (its claims move there; this %1 is removed):").arg(noun()), others);
    if (!into)
        return;
    const auto target = std::find_if(m_entities.begin(), m_entities.end(), [&](const Entity& e) {
        return QString::fromStdString(e.name) == *into;
    });
    if (target == m_entities.end())
        return;
    if (auto merged = m_session.mergeEntity(m_kind, id, target->id); !merged)
        MessageBox::critical(this, tr("Cannot merge"), errorText(merged.error()));
}

void EntityPane::deleteSelected() {
    const Entity* selected = selectedRecord();
    if (!selected)
        return;
    const std::int64_t id = selected->id;
    if (m_kind == EntityKind::Tag &&
        MessageBox::question(this, tr("Delete tag"),
                             tr("Take the tag “%1” off its %Ln claim(s)? %2 puts it back.", nullptr,
                                static_cast<int>(selected->claimCount))
                                 .arg(QString::fromStdString(selected->name),
                                      QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText))) !=
            QMessageBox::Yes)
        return;
    if (auto deleted = m_session.deleteEntity(m_kind, id); !deleted)
        MessageBox::critical(this, tr("Cannot delete"), errorText(deleted.error()));
}

void EntityPane::editSelectedDetails() {
    const Entity* selected = selectedRecord();
    if (m_kind != EntityKind::Metric || !selected)
        return;
    const std::int64_t id = selected->id;
    auto* dialog = new MetricDetailsDialog(
        *selected,
        [this, id](const MetricDetails& details) { return m_session.setMetricDetails(id, details); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

}  // namespace claimtrack::gui
