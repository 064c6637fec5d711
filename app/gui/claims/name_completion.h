#pragma once
// Completion of the names a claim refers to (metrics, sources, tags), shared by the claim editor and the
// claim table's cells.

#include "project.h"

#include <QCompleter>
#include <QStringList>

class QLineEdit;

namespace claimtrack::gui {

struct EditorCompletions {
    QStringList metrics;
    QStringList sources;
    QStringList tags;
};

// The project's metric, source and tag names (empty lists when they cannot be read).
EditorCompletions projectCompletions(Project& project);

// Completes the last of several "; "-separated tags.
class TagCompleter : public QCompleter {
public:
    TagCompleter(const QStringList& tags, QObject* parent);
    QString pathFromIndex(const QModelIndex& index) const override;
    QStringList splitPath(const QString& path) const override;
};

// Completes a name anywhere in it, without regard to case, in a popup.
void completeNames(QCompleter* completer);

// Tags as typed: separated by ';', trimmed, empty ones dropped.
std::vector<std::string> typedTags(const QString& text);

}  // namespace claimtrack::gui
