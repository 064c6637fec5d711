#pragma once
// Modal dialogs behind small wrappers, so GUI tests can answer them without
// blocking: a test sets the next answer, the wrapper returns it at once and
// records what would have been shown.

#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

class QPrinter;

namespace claimtrack::gui {

struct MessageBox {
    static QMessageBox::StandardButton critical(QWidget* parent, const QString& title, const QString& text);
    // `details`, when given, are behind the box's "Show Details…" button.
    static QMessageBox::StandardButton information(QWidget* parent, const QString& title, const QString& text,
                                                   const QString& details = {});
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                       QMessageBox::No,
                                                const QString& details = {});

    // For tests: the next message box returns this button without showing.
    static void setNextAnswer(QMessageBox::StandardButton button) { s_nextAnswer = button; }
    // For tests: the text (and details) of the last message box, shown or answered.
    static QString lastText() { return s_lastText; }
    static QString lastDetails() { return s_lastDetails; }

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget* parent, const QString& title,
                                            const QString& text, QMessageBox::StandardButtons buttons,
                                            const QString& details = {});
    static inline std::optional<QMessageBox::StandardButton> s_nextAnswer;
    static inline QString s_lastText;
    static inline QString s_lastDetails;
};

struct FileDialog {
    static QStringList openFiles(QWidget* parent, const QString& title, const QString& filter);
    static QString openFile(QWidget* parent, const QString& title, const QString& filter);
    static QString saveFile(QWidget* parent, const QString& title, const QString& suggested,
                            const QString& filter);
    static QString folder(QWidget* parent, const QString& title);

    // For tests: the next file dialog returns these paths without showing.
    static void setNextAnswer(QStringList paths) { s_nextAnswer = std::move(paths); }

private:
    static inline std::optional<QStringList> s_nextAnswer;
};

struct PrintDialog {
    // Asks which printer and pages, onto `printer`; false when cancelled.
    static bool ask(QWidget* parent, QPrinter& printer);

    // For tests: the next print dialog prints to this PDF file without showing.
    static void setNextAnswer(QString pdfPath) { s_nextAnswer = std::move(pdfPath); }

private:
    static inline std::optional<QString> s_nextAnswer;
};

struct InputDialog {
    // A line of text, or nullopt when cancelled.
    static std::optional<QString> text(QWidget* parent, const QString& title, const QString& label,
                                       const QString& value);
    // One of `items`, or nullopt when cancelled.
    static std::optional<QString> item(QWidget* parent, const QString& title, const QString& label,
                                       const QStringList& items);

    // For tests: the next input dialog returns this (nullopt: cancelled) without showing.
    static void setNextAnswer(std::optional<QString> answer) {
        s_nextAnswer = std::move(answer), s_answered = true;
    }

private:
    static inline std::optional<QString> s_nextAnswer;
    static inline bool s_answered = false;
};

}  // namespace claimtrack::gui
