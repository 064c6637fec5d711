#pragma once
// The claim editor: the fields of one claim, for a new claim from the
// selected words or for editing one. Enter saves, Esc cancels; the dialog is
// opened window-modal (open(), not exec()), so nothing blocks.

#include "name_completion.h"
#include "project.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace claimtrack::gui {

class ClaimEditor : public QDialog {
    Q_OBJECT

public:
    ClaimEditor(const QString& quote, const ClaimFields& fields, const EditorCompletions& completions,
                QWidget* parent = nullptr);

    // The fields as typed, checked; or the message that says what is wrong.
    Result<ClaimFields> fields() const;
    // Shows an error under the fields (kept open so nothing typed is lost).
    void showError(const QString& message);

    // Where the figure is typed; has the focus when the editor opens.
    QLineEdit* valueEdit() const { return m_value; }

    // Marks the fields filled so far as the figure finder's proposal (shaded, in italics, with a tooltip)
    // until the user edits them, so nothing proposed passes unseen.
    void markProposed();
    static bool isProposed(const QLineEdit* edit);

    // Adds a Delete button, for an editor of a claim that exists.
    void allowDelete();
    // For a user who may change only the claim's status (a reviewer): every other field is disabled, the
    // status has the focus, and `why` says so above the buttons.
    void limitToStatus(const QString& why);
    QComboBox* statusBox() const { return m_status; }
    // Shows a History tab listing the claim's changes (newest first); called again, lists them anew.
    void showHistory(std::vector<HistoryEntry> entries);

    // Existing metrics the claim most likely measures, best first, with the reason for each; shown
    // under the metric while it is empty, a click or Alt+1 to Alt+3 fills it in.
    struct Proposal {
        QString metric;
        QString reason;
    };
    void setMetricProposals(const QList<Proposal>& proposals);
    QLabel* proposalLabel() const { return m_proposals; }
    const QStringList& proposedMetrics() const { return m_proposed; }

Q_SIGNALS:
    // Save was pressed and the fields are valid.
    void saveRequested(const claimtrack::ClaimFields& fields);
    void deleteRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void trySave();
    void takeProposal(const QString& metric);

    QLineEdit* m_value;
    QLineEdit* m_low;
    QLineEdit* m_high;
    QLineEdit* m_unit;
    QComboBox* m_metric;
    QLabel* m_proposals;
    QStringList m_proposed;  // the metrics m_proposals lists, in order
    QComboBox* m_source;
    QLineEdit* m_via;  // the sources the figure came through, separated by ';'
    QLineEdit* m_asOf;
    QLineEdit* m_baseOf;  // what a percentage is of, a survey's sample size and its fieldwork
    QLineEdit* m_sampleSize;
    QLineEdit* m_fieldwork;
    QComboBox* m_status;
    QLineEdit* m_tags;
    QPlainTextEdit* m_note;
    QLabel* m_error;
    QTabWidget* m_tabs;
    QDialogButtonBox* m_buttons;
};

// The three metrics of `project` that the claim on `words` at `range` most likely measures.
// `proposals` as the editor lists them: the first three, by name, with their reasons.
QList<ClaimEditor::Proposal> editorProposals(Project& project, const std::vector<MetricProposal>& proposals);
QList<ClaimEditor::Proposal> metricProposals(Project& project, std::int64_t articleId, CodePointRange range,
                                             const QString& words);

}  // namespace claimtrack::gui
