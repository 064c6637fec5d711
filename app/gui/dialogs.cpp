#include "dialogs.h"

#include <QPrintDialog>
#include <QPrinter>

#include <QFileDialog>
#include <QInputDialog>

namespace claimtrack::gui {

QMessageBox::StandardButton MessageBox::show(QMessageBox::Icon icon, QWidget* parent, const QString& title,
                                             const QString& text, QMessageBox::StandardButtons buttons,
                                             const QString& details) {
    s_lastText = text;
    s_lastDetails = details;
    if (s_nextAnswer) {
        const auto answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDetailedText(details);
    if (!details.isEmpty())  // details are lines of a report: wide enough that they do not wrap
        box.setStyleSheet(QStringLiteral("QTextEdit { min-width: 44em; min-height: 14em; }"));
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

QMessageBox::StandardButton MessageBox::critical(QWidget* parent, const QString& title, const QString& text) {
    return show(QMessageBox::Critical, parent, title, text, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::information(QWidget* parent, const QString& title,
                                                    const QString& text, const QString& details) {
    return show(QMessageBox::Information, parent, title, text, QMessageBox::Ok, details);
}

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                                 QMessageBox::StandardButtons buttons,
                                                 const QString& details) {
    return show(QMessageBox::Question, parent, title, text, buttons, details);
}

namespace {

template <class T>
std::optional<T> takeAnswer(std::optional<T>& answer) {
    std::optional<T> taken;
    taken.swap(answer);
    return taken;
}

}  // namespace

QStringList FileDialog::openFiles(QWidget* parent, const QString& title, const QString& filter) {
    if (auto answer = takeAnswer(s_nextAnswer))
        return *answer;
    return QFileDialog::getOpenFileNames(parent, title, {}, filter);
}

QString FileDialog::openFile(QWidget* parent, const QString& title, const QString& filter) {
    if (auto answer = takeAnswer(s_nextAnswer))
        return answer->value(0);
    return QFileDialog::getOpenFileName(parent, title, {}, filter);
}

QString FileDialog::saveFile(QWidget* parent, const QString& title, const QString& suggested,
                             const QString& filter) {
    if (auto answer = takeAnswer(s_nextAnswer))
        return answer->value(0);
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QString FileDialog::folder(QWidget* parent, const QString& title) {
    if (auto answer = takeAnswer(s_nextAnswer))
        return answer->value(0);
    return QFileDialog::getExistingDirectory(parent, title);
}

std::optional<QString> InputDialog::text(QWidget* parent, const QString& title, const QString& label,
                                         const QString& value) {
    if (s_answered) {
        s_answered = false;
        return takeAnswer(s_nextAnswer);
    }
    bool ok = false;
    const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, value, &ok);
    return ok ? std::optional(text) : std::nullopt;
}

std::optional<QString> InputDialog::item(QWidget* parent, const QString& title, const QString& label,
                                         const QStringList& items) {
    if (s_answered) {
        s_answered = false;
        return takeAnswer(s_nextAnswer);
    }
    bool ok = false;
    const QString item = QInputDialog::getItem(parent, title, label, items, 0, false, &ok);
    return ok ? std::optional(item) : std::nullopt;
}

bool PrintDialog::ask(QWidget* parent, QPrinter& printer) {
    if (auto answer = std::exchange(s_nextAnswer, std::nullopt)) {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(*answer);
        return true;
    }
    QPrintDialog dialog(&printer, parent);
    return dialog.exec() == QDialog::Accepted;
}

}  // namespace claimtrack::gui
