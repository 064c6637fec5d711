#pragma once
// What a metric measures: its unit kind, place, population and description,
// how far an approximate figure of it reaches (its tolerance), and where and
// when the fact-check of its claims is published. A refusal ("not a web
// address") is shown in the dialog, which stays open with what was typed.

#include "articles/details_dialogs.h"
#include "project.h"

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;

namespace claimtrack::gui {

class MetricDetailsDialog : public SavingDialog {
    Q_OBJECT

public:
    MetricDetailsDialog(const Entity& metric, const std::function<Result<void>(const MetricDetails&)>& save,
                        QWidget* parent = nullptr);

    MetricDetails details() const;
    QComboBox* kindBox() { return m_kind; }
    QLineEdit* placeEdit() { return m_place; }
    QDoubleSpinBox* toleranceBox() { return m_tolerance; }
    QLineEdit* factCheckUrlEdit() { return m_factCheckUrl; }
    QLineEdit* reviewedEdit() { return m_reviewed; }

private:
    QComboBox* m_kind;
    QLineEdit* m_place;
    QLineEdit* m_population;
    QPlainTextEdit* m_description;
    QDoubleSpinBox* m_tolerance;
    QLineEdit* m_factCheckUrl;
    QLineEdit* m_reviewed;
};

}  // namespace claimtrack::gui
