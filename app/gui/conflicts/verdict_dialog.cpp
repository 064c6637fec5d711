#include "verdict_dialog.h"
#include "conflict_list.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace claimtrack::gui {

VerdictDialog::VerdictDialog(const ConflictRow& conflict, QWidget* parent)
    : QDialog(parent), m_choices(new QButtonGroup(this)), m_note(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("verdictDialog"));
    setWindowTitle(tr("Verdict on %1").arg(QString::fromStdString(conflict.metric)));
    setWindowModality(Qt::WindowModal);

    auto* explanation = new QLabel(QString::fromStdString(conflict.explanation), this);
    explanation->setWordWrap(true);
    QFont bold = explanation->font();
    bold.setBold(true);
    explanation->setFont(bold);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    const std::pair<VerdictChoice, QString> choices[] = {
        {VerdictChoice::HigherSupported,
         tr("The higher figure is supported: %1").arg(sideLabel(conflict.higher))},
        {VerdictChoice::LowerSupported,
         tr("The lower figure is supported: %1").arg(sideLabel(conflict.lower))},
        {VerdictChoice::BothStand, tr("Both stand: they measure different things")}};
    for (const auto& [choice, text] : choices) {
        auto* button = new QRadioButton(text, this);
        button->setObjectName(QStringLiteral("verdictChoice%1").arg(static_cast<int>(choice)));
        m_choices->addButton(button, static_cast<int>(choice));
        layout->addWidget(button);
    }
    setChoice(conflict.choice().value_or(VerdictChoice::HigherSupported));
    auto* hint = new QLabel(tr("The supported figure's claims become supported and the other's disputed; "
                               "when both stand, all become supported."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    auto* noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    layout->addWidget(noteLabel);
    m_note->setObjectName(QStringLiteral("verdictNote"));
    m_note->setPlaceholderText(tr("Why: the evidence, or how the definitions differ"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4);
    if (conflict.verdict)
        m_note->setPlainText(QString::fromStdString(conflict.verdict->note));
    layout->addWidget(m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record Verdict"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("recordVerdictButton"));
    layout->addWidget(buttons);
    setMinimumWidth(480);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

VerdictChoice VerdictDialog::choice() const {
    return static_cast<VerdictChoice>(m_choices->checkedId());
}

void VerdictDialog::setChoice(VerdictChoice choice) {
    m_choices->button(static_cast<int>(choice))->setChecked(true);
}

QString VerdictDialog::note() const {
    return m_note->toPlainText().trimmed();
}

}  // namespace claimtrack::gui
