#include "claim_table.h"
#include "claim_display.h"
#include "name_completion.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <unordered_map>
#include <unordered_set>

namespace claimtrack::gui {

namespace {

constexpr ClaimStatus kStatuses[] = {ClaimStatus::Unverified, ClaimStatus::Supported, ClaimStatus::Disputed,
                                     ClaimStatus::Refuted};

// Edits a claim's metric, source or tags in a line with the project's names to complete, and its status
// in a list.
class CellDelegate : public QStyledItemDelegate {
public:
    CellDelegate(Project& project, std::function<void(const QModelIndex&)> started, QObject* parent)
        : QStyledItemDelegate(parent), m_project(project), m_started(std::move(started)) {}

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&,
                          const QModelIndex& index) const override {
        m_started(index);
        if (index.column() == ClaimTableModel::Status) {
            auto* box = new QComboBox(parent);
            for (const ClaimStatus status : kStatuses)
                box->addItem(statusName(status), static_cast<int>(status));
            return box;
        }
        auto* edit = new QLineEdit(parent);
        const EditorCompletions names = projectCompletions(m_project);
        if (index.column() == ClaimTableModel::Tags) {
            edit->setCompleter(new TagCompleter(names.tags, edit));
        } else {
            auto* completer = new QCompleter(
                index.column() == ClaimTableModel::Metric ? names.metrics : names.sources, edit);
            completeNames(completer);
            edit->setCompleter(completer);
        }
        return edit;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            box->setCurrentIndex(box->findData(index.data(Qt::EditRole)));
        else
            static_cast<QLineEdit*>(editor)->setText(index.data(Qt::EditRole).toString());
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            model->setData(index, box->currentData());
        else
            model->setData(index, static_cast<QLineEdit*>(editor)->text().trimmed());
    }

private:
    Project& m_project;
    std::function<void(const QModelIndex&)> m_started;
};

bool sameTag(const std::string& a, const std::string& b) {
    return QString::fromStdString(a).compare(QString::fromStdString(b), Qt::CaseInsensitive) == 0;
}

bool hasTag(const std::vector<std::string>& tags, const std::string& tag) {
    return std::any_of(tags.begin(), tags.end(), [&](const std::string& t) { return sameTag(t, tag); });
}

}  // namespace

ClaimTable::ClaimTable(Project& project, const QString& path, QWidget* parent)
    : QWidget(parent), m_project(project), m_model(new ClaimTableModel(project, path, this)),
      m_scope(new QComboBox(this)), m_filter(new QLineEdit(this)), m_tagFilter(new QToolButton(this)),
      m_count(new QLabel(this)), m_busy(new QProgressBar(this)), m_busyDelay(new QTimer(this)),
      m_view(new QTableView(this)), m_filterDelay(new QTimer(this)) {
    m_scope->setObjectName(QStringLiteral("claimScope"));
    m_scope->addItem(tr("All articles"));
    m_scope->addItem(tr("This article"));
    m_filter->setObjectName(QStringLiteral("claimFilter"));
    m_filter->setPlaceholderText(tr("Filter claims: quote, metric, source, tags, note"));
    m_filter->setClearButtonEnabled(true);
    m_tagFilter->setObjectName(QStringLiteral("claimTagFilter"));
    m_tagFilter->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_tagFilter->setIcon(style()->standardIcon(QStyle::SP_LineEditClearButton));
    m_tagFilter->setToolTip(tr("Only claims with this tag; click to show every claim"));
    m_tagFilter->hide();
    m_count->setObjectName(QStringLiteral("claimCount"));
    m_busy->setObjectName(QStringLiteral("claimBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(m_count->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 6);
    m_busy->hide();
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(150);  // query once typing pauses, not on every key

    m_view->setObjectName(QStringLiteral("claimView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // F2 or a double-click edits a metric, source, status or tags cell in place (for every selected claim,
    // when its row is one of them); Enter, and a double-click elsewhere, open the claim editor.
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_view->installEventFilter(this);
    m_view->setItemDelegate(new CellDelegate(
        project,
        [this](const QModelIndex& index) {
            const std::vector<std::int64_t> selected = selectedClaims();
            const qint64 id = m_model->claimIdAt(index.row());
            if (selected.size() > 1 && std::find(selected.begin(), selected.end(), id) != selected.end())
                Q_EMIT message(
                    tr("Editing the %1 of the %Ln selected claims: Enter sets it on all of them, Esc "
                       "leaves them as they are.",
                       nullptr, static_cast<int>(selected.size()))
                        .arg(m_model->headerData(index.column(), Qt::Horizontal).toString().toLower()));
        },
        m_view));
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    // Fixed row heights: the view never measures rows it does not show.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {22, 10, 6, 15, 11, 6, 9, 9, 14, 16};
    for (int column = 0; column < ClaimTableModel::ColumnCount; ++column)
        m_view->setColumnWidth(column, widths[column] * em);
    // Columns of known words get room for the widest of them (measuring every row would read them all).
    int statusWidth = 0;
    for (const ClaimStatus status :
         {ClaimStatus::Unverified, ClaimStatus::Supported, ClaimStatus::Disputed, ClaimStatus::Refuted})
        statusWidth = std::max(statusWidth, m_view->fontMetrics().horizontalAdvance(statusName(status)));
    m_view->setColumnWidth(ClaimTableModel::Status, statusWidth + 3 * em);
    m_view->setColumnWidth(ClaimTableModel::AsOf,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("2020-12-31")) + em);
    // The article beside the quote, so a claim's place is in sight without scrolling; the user reorders
    // and hides columns (the header's context menu), and the window keeps that.
    QHeaderView* header = m_view->horizontalHeader();
    header->moveSection(header->visualIndex(ClaimTableModel::Article), 1);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint& at) { showColumnMenu(header->mapToGlobal(at)); });

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_scope);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_tagFilter);
    bar->addWidget(m_busy);
    bar->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &ClaimTable::applyQuery);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &ClaimTable::applyQuery);
    connect(m_tagFilter, &QToolButton::clicked, this, [this] {
        setTagFilter(0, {});
        Q_EMIT tagFilterCleared();
    });
    // Work that takes longer than a moment shows that it runs: the count says what is happening at once,
    // and a busy bar joins it after 200 ms.
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(200);
    connect(m_busyDelay, &QTimer::timeout, this, [this] { m_busy->setVisible(m_model->isBusy()); });
    connect(m_model, &ClaimTableModel::queryStarted, this, [this] {
        m_count->setText(m_model->query().text.empty() && !m_model->query().tagId ? tr("loading…")
                                                                                  : tr("filtering…"));
        m_busyDelay->start();
    });
    connect(m_model, &ClaimTableModel::queryFinished, this, [this] {
        m_busyDelay->stop();
        m_busy->hide();
        m_count->setText(tr("%Ln claim(s)", nullptr, m_model->rowCount()));
        reselect();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                m_selected = current.data(ClaimTableModel::IdRole).toLongLong();
                Q_EMIT claimSelected(m_selected);
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_selection = selectedClaims(); });
    // Queued: the edit is made once the cell's editor has closed and the view is done with the row.
    connect(m_model, &ClaimTableModel::cellEdited, this, &ClaimTable::applyEdit, Qt::QueuedConnection);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT claimActivated(index.data(ClaimTableModel::IdRole).toLongLong());
    });
    applyQuery();
}

bool ClaimTable::onlyCurrentArticle() const {
    return m_scope->currentIndex() == 1;
}

void ClaimTable::setCurrentArticle(std::int64_t articleId) {
    m_articleId = articleId;
    if (onlyCurrentArticle())
        applyQuery();
}

void ClaimTable::showColumnMenu(const QPoint& at) {
    delete m_columnMenu;
    m_columnMenu = new QMenu(this);
    m_columnMenu->setObjectName(QStringLiteral("claimColumnMenu"));
    QHeaderView* header = m_view->horizontalHeader();
    int shown = 0;
    for (int column = 0; column < ClaimTableModel::ColumnCount; ++column)
        shown += header->isSectionHidden(column) ? 0 : 1;
    for (int visual = 0; visual < ClaimTableModel::ColumnCount; ++visual) {
        const int column = header->logicalIndex(visual);
        QAction* action = m_columnMenu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setEnabled(shown > 1 || header->isSectionHidden(column));  // one column always stays
        connect(action, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    m_columnMenu->popup(at);
}

void ClaimTable::setTagFilter(std::int64_t tagId, const QString& name) {
    m_tagFilter->setText(tr("tag: %1").arg(name));
    m_tagFilter->setVisible(tagId != 0);
    if (tagId == m_tagId)
        return;
    m_tagId = tagId;
    applyQuery();
}

void ClaimTable::applyQuery() {
    ClaimQuery query = m_model->query();
    query.tagId = m_tagId ? std::optional(m_tagId) : std::nullopt;
    query.text = m_filter->text().trimmed().toStdString();
    query.articleId = onlyCurrentArticle() ? std::optional(m_articleId) : std::nullopt;
    m_model->setQuery(query);
}

bool ClaimTable::eventFilter(QObject* watched, QEvent* event) {
    // F2 is also Edit Claim's shortcut: over a cell that edits in place, the table takes the key.
    if (watched == m_view && event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_F2 &&
        (m_model->flags(m_view->currentIndex()) & Qt::ItemIsEditable)) {
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ClaimTable::setEditable(ProjectRole role) {
    m_model->setEditable(role);
}

std::vector<std::int64_t> ClaimTable::selectedClaims() const {
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<std::int64_t> ids;
    ids.reserve(static_cast<std::size_t>(rows.size()));
    for (const QModelIndex& row : rows)
        ids.push_back(m_model->claimIdAt(row.row()));
    return ids;
}

void ClaimTable::applyEdit(int row, int column, const QVariant& value) {
    if (row >= m_model->rowCount())
        return;
    const std::int64_t editedId = m_model->claimIdAt(row);
    std::vector<std::int64_t> ids = selectedClaims();
    if (std::find(ids.begin(), ids.end(), editedId) == ids.end())
        ids = {editedId};
    // Their versions first: another program's change after these reads is refused on saving, not undone.
    std::unordered_map<std::int64_t, std::int64_t> versions;
    for (const std::int64_t id : ids)
        if (auto version = m_project.claimVersion(id))
            versions[id] = *version;
    const auto claims = m_project.claimsById(ids);
    if (!claims)
        return;
    const auto edited = std::find_if(claims->begin(), claims->end(),
                                     [editedId](const ClaimRecord& claim) { return claim.id == editedId; });
    if (edited == claims->end())
        return;  // deleted meanwhile, by another program
    // Tags: what was added to the edited row's tags is added to every claim, what was removed is removed,
    // and every other tag a claim has stays.
    const std::vector<std::string> typed = typedTags(value.toString());
    std::vector<std::string> added, removed;
    for (const std::string& tag : typed)
        if (!hasTag(edited->fields.tags, tag))
            added.push_back(tag);
    for (const std::string& tag : edited->fields.tags)
        if (!hasTag(typed, tag))
            removed.push_back(tag);

    std::vector<ClaimUpdate> updates;
    for (const ClaimRecord& claim : *claims) {
        ClaimFields fields = claim.fields;
        switch (column) {
        case ClaimTableModel::Metric:
            fields.metric = value.toString().toStdString();
            break;
        case ClaimTableModel::Source:
            fields.source = value.toString().toStdString();
            break;
        case ClaimTableModel::Status:
            fields.status = static_cast<ClaimStatus>(value.toInt());
            break;
        case ClaimTableModel::Tags:
            std::erase_if(fields.tags, [&](const std::string& tag) { return hasTag(removed, tag); });
            for (const std::string& tag : added)
                if (!hasTag(fields.tags, tag))
                    fields.tags.push_back(tag);
            break;
        default:
            return;
        }
        if (!(fields == claim.fields))
            updates.push_back({claim.id, std::move(fields), versions[claim.id]});
    }
    if (!updates.empty())
        Q_EMIT claimsEdited(updates, m_model->headerData(column, Qt::Horizontal).toString());
}

void ClaimTable::selectClaim(std::int64_t claimId) {
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && m_model->claimIdAt(current.row()) == claimId) {
        m_selected = claimId;  // the table's own current row: its selection (of one or several) stays
        return;
    }
    m_selected = claimId;
    m_selection.clear();  // a claim chosen elsewhere is selected alone
    reselect();
}

void ClaimTable::reselect() {
    // The claims selected before the rows were read again, as many as are still there, and the current one.
    std::unordered_set<std::int64_t> wanted(m_selection.begin(), m_selection.end());
    if (m_selected)
        wanted.insert(m_selected);
    QItemSelection selection;
    int current = -1;
    const std::vector<std::int64_t>& ids = m_model->claimIds();
    for (int row = 0; row < static_cast<int>(ids.size()); ++row) {
        const std::int64_t id = ids[static_cast<std::size_t>(row)];
        if (!wanted.contains(id))
            continue;
        if (id == m_selected)
            current = row;
        selection.select(m_model->index(row, 0), m_model->index(row, ClaimTableModel::ColumnCount - 1));
    }
    const QSignalBlocker blocker(m_view->selectionModel());
    if (current < 0) {
        m_view->selectionModel()->clearSelection();
        m_selection.clear();
        return;
    }
    const QModelIndex index =
        m_model->index(current, m_view->currentIndex().isValid() ? m_view->currentIndex().column() : 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_selection = selectedClaims();
    m_view->scrollTo(index);
    m_view->viewport()->update();
}

}  // namespace claimtrack::gui
