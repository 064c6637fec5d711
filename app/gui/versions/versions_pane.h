#pragma once
// The Versions pane: the versions of the article in the reader with their dates, which one its words are
// compared with (the reader marks the words added and removed since), and the claims of earlier versions
// that wait for the researcher: a changed figure to keep on its version, move with the new figure, or
// reject; orphaned claims listed, never dropped.

#include "project.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace claimtrack::gui {

class VersionsPane : public QWidget {
    Q_OBJECT

public:
    explicit VersionsPane(QWidget* parent = nullptr);

    // Shows the versions of the article `shownId` (oldest first) and the claims waiting on them; keeps the
    // version compared with when it is still one of them, else takes the one before the shown.
    void showVersions(std::vector<Article> versions, std::int64_t shownId, std::vector<PendingCarry> waiting);
    // The version the shown one is compared with, or 0 for none.
    std::int64_t comparedWith() const;
    // Says how many words the reader marks as added and removed.
    void setChangeCount(std::size_t added, std::size_t removed);
    void showComparing();  // while the words changed are found
    // The waiting claim selected, if any.
    const PendingCarry* selectedWaiting() const;

    QTreeWidget* versionList() const { return m_versions; }
    QComboBox* comparedWithBox() const { return m_since; }
    QTreeWidget* waitingList() const { return m_waiting; }
    QLabel* changesCaption() const { return m_changes; }

    // The keys that decide on the waiting claim selected, in the waiting list.
    static constexpr Qt::Key kMoveKey = Qt::Key_M;
    static constexpr Qt::Key kKeepKey = Qt::Key_K;
    static constexpr Qt::Key kRejectKey = Qt::Key_R;

Q_SIGNALS:
    void versionActivated(qint64 articleId);
    void comparedWithChanged();
    void nextChangeAsked();
    void waitingSelected();
    void decided(qint64 claimId, claimtrack::CarryDecision decision);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void decide(CarryDecision decision);
    void updateButtons();

    QLabel* m_caption;
    QTreeWidget* m_versions;
    QComboBox* m_since;
    QLabel* m_changes;
    QPushButton* m_nextChange;
    QLabel* m_waitingCaption;
    QTreeWidget* m_waiting;
    QPushButton* m_move;
    QPushButton* m_keep;
    QPushButton* m_reject;
    std::vector<Article> m_shownVersions;
    std::vector<PendingCarry> m_pending;
    std::int64_t m_shown = 0;
};

}  // namespace claimtrack::gui
