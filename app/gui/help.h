#pragma once
// The Help menu's windows: every keyboard shortcut, read from the menus' own actions so the list cannot go
// stale; and About: the version, the commit built, and the libraries Claimtrack uses with their licences.

#include <QDialog>

class QMenuBar;
class QTableWidget;
class QTextBrowser;

namespace claimtrack::gui {

// The property an action whose text changes with what it would act on ("Undo Delete claim '…'") names
// itself with in the shortcuts list ("Undo").
inline constexpr char kShortcutNameProperty[] = "shortcutName";
// The property an action whose key works only in some views names them with ("Article list"), in the
// shortcuts list's Where column instead of its menu.
inline constexpr char kShortcutWhereProperty[] = "shortcutWhere";

class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    // Lists each menu's actions that have keys; the claim table's and reader's own keys follow.
    ShortcutsDialog(const QMenuBar* menus, QWidget* parent);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent);
};

// The user guide (docs/user-guide.md, built into the program), to read beside the window.
class UserGuideDialog : public QDialog {
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget* parent = nullptr);
    QTextBrowser* browser() { return m_browser; }

private:
    QTextBrowser* m_browser;
};

}  // namespace claimtrack::gui
