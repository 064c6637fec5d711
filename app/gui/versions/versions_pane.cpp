#include "versions_pane.h"

#include "history/history_pane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace claimtrack::gui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QTreeWidget* makeList(const QString& objectName, const QStringList& headers, QWidget* parent) {
    auto* list = new QTreeWidget(parent);
    list->setObjectName(objectName);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setAllColumnsShowFocus(true);
    list->header()->setStretchLastSection(true);
    list->setTextElideMode(Qt::ElideMiddle);
    return list;
}

}  // namespace

VersionsPane::VersionsPane(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)),
      m_versions(makeList(QStringLiteral("versionList"),
                          {tr("Version"), tr("Imported"), tr("Published"), tr("Claims")}, this)),
      m_since(new QComboBox(this)), m_changes(new QLabel(this)), m_nextChange(new QPushButton(this)),
      m_waitingCaption(new QLabel(this)),
      m_waiting(makeList(QStringLiteral("waitingList"), {tr("Claims waiting")}, this)),
      m_move(new QPushButton(this)), m_keep(new QPushButton(this)), m_reject(new QPushButton(this)) {
    m_caption->setWordWrap(true);
    m_since->setObjectName(QStringLiteral("comparedWith"));
    m_changes->setObjectName(QStringLiteral("changesCaption"));
    m_nextChange->setText(tr("Next Change"));
    m_nextChange->setToolTip(tr("Selects the next words changed in the reader"));
    m_waitingCaption->setWordWrap(true);
    m_move->setText(tr("Move (M)"));
    m_move->setToolTip(tr("The claim moves to the newer words and takes their figure; its status goes back "
                          "to unverified. Its earlier figure stays in its history."));
    m_keep->setText(tr("Keep (K)"));
    m_keep->setToolTip(tr("The claim stays on its version, as it is"));
    m_reject->setText(tr("Reject (R)"));
    m_reject->setToolTip(tr("The proposed words are not the claim's: it stays on its version, orphaned"));
    m_versions->setMaximumHeight(m_versions->fontMetrics().height() * 8);  // a few versions; more scroll

    auto* since = new QHBoxLayout;
    since->addWidget(new QLabel(tr("Mark changes since:"), this));
    since->addWidget(m_since, 1);
    auto* changes = new QHBoxLayout;
    changes->addWidget(m_changes, 1);
    changes->addWidget(m_nextChange);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_move);
    buttons->addWidget(m_keep);
    buttons->addWidget(m_reject);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_versions);
    layout->addLayout(since);
    layout->addLayout(changes);
    layout->addWidget(m_waitingCaption);
    layout->addWidget(m_waiting, 1);
    layout->addLayout(buttons);

    connect(m_versions, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { Q_EMIT versionActivated(item->data(0, kIdRole).toLongLong()); });
    connect(m_since, &QComboBox::activated, this, &VersionsPane::comparedWithChanged);
    connect(m_nextChange, &QPushButton::clicked, this, &VersionsPane::nextChangeAsked);
    connect(m_waiting, &QTreeWidget::currentItemChanged, this, [this] {
        updateButtons();
        if (selectedWaiting())
            Q_EMIT waitingSelected();
    });
    m_waiting->installEventFilter(this);
    connect(m_move, &QPushButton::clicked, this, [this] { decide(CarryDecision::Move); });
    connect(m_keep, &QPushButton::clicked, this, [this] { decide(CarryDecision::Keep); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(CarryDecision::Reject); });
    showVersions({}, 0, {});
}

void VersionsPane::showVersions(std::vector<Article> versions, std::int64_t shownId,
                                std::vector<PendingCarry> waiting) {
    const std::int64_t compared = comparedWith();
    const bool sameVersion = shownId == m_shown;
    m_shownVersions = std::move(versions);
    m_pending = std::move(waiting);
    m_shown = shownId;
    const auto versionOf = [this](std::int64_t id) {
        for (const Article& version : m_shownVersions)
            if (version.id == id)
                return version.version;
        return std::int64_t{0};
    };

    const QSignalBlocker blockVersions(m_versions);
    m_versions->clear();
    for (const Article& version : m_shownVersions) {
        auto* item = new QTreeWidgetItem(m_versions, {tr("version %1").arg(version.version),
                                                      HistoryModel::whenText(version.importedAt),
                                                      QString::fromStdString(version.meta.published),
                                                      QString::number(version.claimCount)});
        item->setData(0, kIdRole, QVariant::fromValue<qint64>(version.id));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        if (version.id == shownId) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < m_versions->columnCount(); ++column)
                item->setFont(column, bold);
            m_versions->setCurrentItem(item);
        }
    }
    for (int column = 0; column < 3; ++column)
        m_versions->resizeColumnToContents(column);
    const std::int64_t shownVersion = versionOf(shownId);
    m_caption->setText(shownId == 0 ? tr("Open an article to see its versions.")
                       : m_shownVersions.size() <= 1
                           ? tr("This article has one version. Importing a newer text of it (a saved "
                                "page with its URL) adds the next.")
                           : tr("The reader shows version %1 of %2. Enter opens the version selected.")
                                 .arg(shownVersion)
                                 .arg(m_shownVersions.size()));

    // What the shown version is compared with: the one chosen, while the same version is shown; else the one
    // before it.
    const QSignalBlocker blockSince(m_since);
    m_since->clear();
    m_since->addItem(tr("(mark none)"), QVariant::fromValue<qint64>(0));
    for (const Article& version : m_shownVersions)
        if (version.id != shownId)
            m_since->addItem(tr("version %1").arg(version.version), QVariant::fromValue<qint64>(version.id));
    std::int64_t chosen = sameVersion ? compared : 0;
    if (!sameVersion)
        for (const Article& version : m_shownVersions)
            if (version.version == shownVersion - 1)
                chosen = version.id;
    m_since->setCurrentIndex(std::max(0, m_since->findData(QVariant::fromValue<qint64>(chosen))));
    m_since->setEnabled(m_shownVersions.size() > 1);
    m_nextChange->setEnabled(comparedWith() != 0);
    if (comparedWith() == 0)
        m_changes->clear();

    const QTreeWidgetItem* selected = m_waiting->currentItem();
    const std::int64_t selectedId = selected ? selected->data(0, kIdRole).toLongLong() : 0;
    const QSignalBlocker blockWaiting(m_waiting);
    m_waiting->clear();
    QTreeWidgetItem* reselect = nullptr;
    for (const PendingCarry& carry : m_pending) {
        const QString what =
            carry.kind == CarryKind::FigureChanged
                ? tr("figure changed in version %1: %2 → %3")
                      .arg(versionOf(carry.articleId))
                      .arg(QString::fromStdString(carry.figureBefore),
                           QString::fromStdString(carry.figureAfter))
                : tr("orphaned in version %1: its words are gone").arg(versionOf(carry.articleId));
        // Two lines, to be read in a narrow pane: the claim's words, then what happened to them.
        const QString quote = tr("“%1”").arg(QString::fromStdString(carry.claim.anchor.quote.exact));
        auto* item = new QTreeWidgetItem(m_waiting, {quote + u'\n' + what});
        item->setData(0, kIdRole, QVariant::fromValue<qint64>(carry.claim.id));
        const QString reads = carry.words.empty()
                                  ? QString()
                                  : tr("\nNow reads: “%1”").arg(QString::fromStdString(carry.words));
        item->setToolTip(
            0,
            tr("%1, on version %2\n%3").arg(quote).arg(versionOf(carry.claim.articleId)).arg(what) + reads);
        if (carry.claim.id == selectedId)
            reselect = item;
    }
    m_waitingCaption->setText(
        m_pending.empty()
            ? tr("No claim of an earlier version waits for you.")
            : tr("%n claim(s) of earlier versions wait for you. Select one to see its words in the newer "
                 "version; M moves it there with the new figure, K keeps it on its version, R rejects the "
                 "words proposed.",
                 "", static_cast<int>(m_pending.size())));
    // The claim selected stays selected; after a decision, the next one waiting is.
    if (!m_pending.empty())
        m_waiting->setCurrentItem(reselect ? reselect : m_waiting->topLevelItem(0));
    updateButtons();
    // While the researcher works through the list, the claim selected next is shown, so that its keys
    // never act on a claim out of sight.
    if (selectedWaiting() && !reselect && m_waiting->hasFocus())
        Q_EMIT waitingSelected();
}

std::int64_t VersionsPane::comparedWith() const {
    return m_since->currentData().toLongLong();
}

void VersionsPane::setChangeCount(std::size_t added, std::size_t removed) {
    m_changes->setText(
        tr("%1 word(s) added (green), %2 removed (red mark where they stood).").arg(added).arg(removed));
    m_nextChange->setEnabled(added + removed > 0);
}

void VersionsPane::showComparing() {
    m_changes->setText(tr("Comparing the versions…"));
    m_nextChange->setEnabled(false);
}

const PendingCarry* VersionsPane::selectedWaiting() const {
    const QTreeWidgetItem* item = m_waiting->currentItem();
    if (!item)
        return nullptr;
    const std::int64_t id = item->data(0, kIdRole).toLongLong();
    const auto it = std::find_if(m_pending.begin(), m_pending.end(),
                                 [id](const PendingCarry& carry) { return carry.claim.id == id; });
    return it == m_pending.end() ? nullptr : &*it;
}

void VersionsPane::decide(CarryDecision decision) {
    if (const PendingCarry* carry = selectedWaiting())
        Q_EMIT decided(carry->claim.id, decision);
}

void VersionsPane::updateButtons() {
    const PendingCarry* carry = selectedWaiting();
    const bool figureChanged = carry && carry->kind == CarryKind::FigureChanged;
    m_move->setEnabled(figureChanged);
    m_reject->setEnabled(figureChanged);
    m_keep->setEnabled(carry != nullptr);
}

// M, K and R decide on the claim selected in the waiting list, the one whose words the reader shows; only
// while the list has the keyboard, so a key never decides on a claim out of sight. Coming back to the list
// shows its claim again.
bool VersionsPane::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_waiting && event->type() == QEvent::FocusIn && selectedWaiting())
        Q_EMIT waitingSelected();
    if (watched == m_waiting && event->type() == QEvent::KeyPress) {
        const auto* press = static_cast<QKeyEvent*>(event);
        if (press->modifiers() & ~Qt::KeypadModifier)
            return QWidget::eventFilter(watched, event);
        const std::pair<int, QPushButton*> keys[] = {
            {kMoveKey, m_move}, {kKeepKey, m_keep}, {kRejectKey, m_reject}};
        for (const auto& [key, button] : keys) {
            if (press->key() == key) {
                if (button->isEnabled())
                    button->click();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace claimtrack::gui
