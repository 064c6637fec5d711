#pragma once
// What the GUI tests do to the app as a user would.

#include "reader/reader_view.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextCursor>

#include <gtest/gtest.h>

namespace claimtrack::test {

// Selects `words` (their first occurrence) in the reader, as one drag of the mouse would, and gives the
// reader the keyboard.
inline void selectWords(gui::ReaderView* reader, const QString& words) {
    QPlainTextEdit* text = reader->textView();
    const int start = static_cast<int>(text->toPlainText().indexOf(words));
    ASSERT_GE(start, 0) << words.toStdString() << " is not in the reader";
    QTextCursor cursor = text->textCursor();
    cursor.setPosition(start);
    cursor.setPosition(start + static_cast<int>(words.size()), QTextCursor::KeepAnchor);
    text->setTextCursor(cursor);
    text->setFocus();
}

// The offscreen platform gives the focus back to no window when a dialog closes, where a window manager
// would; shortcuts reach only the active window.
inline void reactivate(QWidget* window) {
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window));
}

// Presses a key where the keyboard is in `window` (its focused widget), as a user does: a shortcut bound
// twice, swallowed by the focused widget, or scoped to a widget without the focus does nothing here.
inline void pressKey(QWidget* window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    if (!window->isActiveWindow())
        reactivate(window);
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(focus && window->isAncestorOf(focus) ? focus : window, key, modifiers);
}

}  // namespace claimtrack::test
