#pragma once
// What a metric measures: its unit kind, place, population and description,
// and how far an approximate figure of it reaches (its tolerance).

#include "project.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;

namespace claimtrack::gui {

class MetricDetailsDialog : public QDialog {
    Q_OBJECT

public:
    MetricDetailsDialog(const Entity& metric, QWidget* parent = nullptr);

    MetricDetails details() const;
    QComboBox* kindBox() { return m_kind; }
    QLineEdit* placeEdit() { return m_place; }
    QDoubleSpinBox* toleranceBox() { return m_tolerance; }

private:
    QComboBox* m_kind;
    QLineEdit* m_place;
    QLineEdit* m_population;
    QPlainTextEdit* m_description;
    QDoubleSpinBox* m_tolerance;
};

}  // namespace claimtrack::gui
