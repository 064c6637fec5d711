#pragma once
// The researcher's verdict on one conflict: which figure the evidence
// supports, or that both stand (they measure different things), with a note.

#include "project.h"

#include <QDialog>

class QButtonGroup;
class QPlainTextEdit;

namespace claimtrack::gui {

class VerdictDialog : public QDialog {
    Q_OBJECT

public:
    explicit VerdictDialog(const ConflictRow& conflict, QWidget* parent = nullptr);

    VerdictChoice choice() const;
    void setChoice(VerdictChoice choice);
    QString note() const;
    QPlainTextEdit* noteEdit() { return m_note; }

private:
    QButtonGroup* m_choices;
    QPlainTextEdit* m_note;
};

}  // namespace claimtrack::gui
