#include "help.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <sqlite3.h>

namespace claimtrack::gui {

namespace {

// Keys that belong to one view rather than to an action (the view handles them itself).
struct ViewKey {
    const char* where;
    const char* what;
    const char* keys;
};
constexpr ViewKey kViewKeys[] = {
    {QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Reader"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Select a number's whole figure"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Double-click")},
    {QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Claim table"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Open the claim in the editor"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Enter")},
    {QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Claim table"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog",
                       "Edit a metric, source, status or tags cell (of every selected claim)"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "F2 or double-click")},
    {QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Claim table"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Select several claims"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Shift+click, Ctrl+click")},
    {QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Figures list"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Accept the selected figures as claims"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Enter")},
    {QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Claim editor"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Save, cancel"),
     QT_TRANSLATE_NOOP("claimtrack::gui::ShortcutsDialog", "Enter, Esc")},
};

QDialogButtonBox* closeButton(QDialog* dialog) {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

}  // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent)
    : QDialog(parent), m_table(new QTableWidget(0, 3, this)) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("What"), tr("Keys")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const auto add = [this](const QString& where, const QString& what, const QString& keys) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(where));
        m_table->setItem(row, 1, new QTableWidgetItem(what));
        m_table->setItem(row, 2, new QTableWidgetItem(keys));
    };
    for (const QAction* entry : menus->actions()) {
        const QMenu* menu = entry->menu();
        if (!menu)
            continue;
        for (const QAction* action : menu->actions()) {
            if (action->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence& key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            const QVariant name = action->property(kShortcutNameProperty);
            const QVariant where = action->property(kShortcutWhereProperty);
            add(where.isValid() ? where.toString() : QString(menu->title()).remove(QLatin1Char('&')),
                (name.isValid() ? name.toString() : action->text())
                    .remove(QLatin1Char('&'))
                    .remove(QChar(0x2026)),
                keys.join(tr(" or ")));
        }
    }
    for (const ViewKey& key : kViewKeys)
        add(tr(key.where), tr(key.what), tr(key.keys));
    m_table->resizeColumnsToContents();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(closeButton(this));
    // Wide enough for every column whole; as tall as the screen allows.
    int width = m_table->verticalScrollBar()->sizeHint().width() + 2 * m_table->frameWidth();
    for (int column = 0; column < m_table->columnCount(); ++column)
        width += m_table->columnWidth(column);
    resize(width + layout->contentsMargins().left() + layout->contentsMargins().right(), 600);
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Claimtrack"));
    // Each library the programs link, with the licence it is used under (as Debian 12 ships it).
    const QString libraries =
        tr("<tr><td>Qt %1</td><td>LGPL-3.0</td></tr>"
           "<tr><td>SQLite %2</td><td>public domain</td></tr>"
           "<tr><td>Poppler (PDF text)</td><td>GPL-2.0-or-later</td></tr>"
           "<tr><td>ICU (Unicode)</td><td>Unicode-DFS-2016</td></tr>"
           "<tr><td>uchardet (encodings)</td><td>MPL-1.1 or GPL-2.0 or LGPL-2.1</td></tr>"
           "<tr><td>Gumbo (HTML5 parsing)</td><td>Apache-2.0</td></tr>"
           "<tr><td>Snowball (word stems)</td><td>BSD-3-Clause</td></tr>"
           "<tr><td>libzip (Excel workbooks, REFI-QDA archives)</td><td>BSD-3-Clause</td></tr>"
           "<tr><td>libxml2 (REFI-QDA projects)</td><td>MIT</td></tr>"
           "<tr><td>libpq (PostgreSQL servers)</td><td>PostgreSQL</td></tr>"
           "<tr><td>nlohmann/json</td><td>MIT</td></tr>"
           "<tr><td>CLI11</td><td>BSD-3-Clause</td></tr>"
           "<tr><td>{fmt}</td><td>MIT</td></tr>"
           "<tr><td>OpenSSL (hashes)</td><td>Apache-2.0</td></tr>"
           "<tr><td>zlib</td><td>Zlib</td></tr>")
            .arg(QString::fromLatin1(qVersion()), QString::fromLatin1(sqlite3_libversion()));
    auto* text =
        new QLabel(tr("<h3>Claimtrack %1</h3>"
                      "<p>Track the figures news reports claim, who claims them, and where they "
                      "disagree.</p><p>Built with these libraries:</p><table cellspacing='6'>%2</table>")
                       .arg(QApplication::applicationVersion().toHtmlEscaped(), libraries),
                   this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(closeButton(this));
}

UserGuideDialog::UserGuideDialog(QWidget* parent) : QDialog(parent), m_browser(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("userGuideDialog"));
    setWindowTitle(tr("Claimtrack User Guide"));
    m_browser->setObjectName(QStringLiteral("userGuideText"));
    m_browser->setOpenExternalLinks(true);
    QFile guide(QStringLiteral(":/docs/user-guide.md"));
    if (guide.open(QIODevice::ReadOnly))
        m_browser->setMarkdown(QString::fromUtf8(guide.readAll()));
    else
        m_browser->setPlainText(tr("The user guide is missing from this build."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(closeButton(this));
    resize(720, 640);
}

}  // namespace claimtrack::gui
