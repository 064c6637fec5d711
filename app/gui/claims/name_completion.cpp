#include "name_completion.h"

#include <QLineEdit>
#include <QStringListModel>

namespace claimtrack::gui {

EditorCompletions projectCompletions(Project& project) {
    EditorCompletions completions;
    for (auto [kind, list] : {std::pair{EntityKind::Metric, &completions.metrics},
                              std::pair{EntityKind::Source, &completions.sources}})
        if (auto entities = project.entities(kind))
            for (const Entity& entity : *entities)
                *list << QString::fromStdString(entity.name);
    if (auto tags = project.tagNames())
        for (const std::string& tag : *tags)
            completions.tags << QString::fromStdString(tag);
    return completions;
}

TagCompleter::TagCompleter(const QStringList& tags, QObject* parent)
    : QCompleter(new QStringListModel(tags, parent), parent) {
    setCaseSensitivity(Qt::CaseInsensitive);
}

QString TagCompleter::pathFromIndex(const QModelIndex& index) const {
    const QString typed = static_cast<QLineEdit*>(widget())->text();
    const qsizetype cut = typed.lastIndexOf(QLatin1Char(';'));
    const QString kept = cut < 0 ? QString() : typed.left(cut + 1) + QLatin1Char(' ');
    return kept + QCompleter::pathFromIndex(index);
}

QStringList TagCompleter::splitPath(const QString& path) const {
    return {path.mid(path.lastIndexOf(QLatin1Char(';')) + 1).trimmed()};
}

void completeNames(QCompleter* completer) {
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
}

std::vector<std::string> typedTags(const QString& text) {
    std::vector<std::string> tags;
    for (const QString& tag : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty())
            tags.push_back(tag.trimmed().toStdString());
    return tags;
}

}  // namespace claimtrack::gui
