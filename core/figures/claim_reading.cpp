#include "claim_reading.h"

#include <QString>

#include <algorithm>

namespace claimtrack {

namespace {

// A claim's as-of date from a figure's time: "2016/2017" holds at its end. A figure told as holding now,
// or told with no time, holds in the year the article was published: the year, not the day, since "now"
// in a report is the latest figure at hand, and two reports of one year must meet in the cross-check.
std::string asOfFrom(const Figure& figure, const std::string& published) {
    if (figure.time.empty() || figure.time == "today")
        return published.substr(0, std::min<std::size_t>(published.size(), 4));
    const std::size_t slash = figure.time.find('/');
    const std::string time = figure.time.substr(slash == std::string::npos ? 0 : slash + 1);
    return parsePartialDate(time, "time") ? time : std::string();
}

// A source as a claim names it: "A United Nations panel" is that panel, but "a recent survey" or "some
// reports" name no one a researcher could ask.
std::string namedSource(const std::string& source) {
    const QString name = QString::fromStdString(source).simplified();
    for (const QLatin1String article : {QLatin1String("a "), QLatin1String("an "), QLatin1String("some "),
                                        QLatin1String("several "), QLatin1String("many ")}) {
        if (!name.startsWith(article, Qt::CaseInsensitive))
            continue;
        const QString rest = name.mid(article.size());
        const bool named = std::any_of(rest.begin(), rest.end(), [](QChar c) { return c.isUpper(); });
        return named ? rest.toStdString() : std::string();
    }
    return source;
}

// The noun a count counts: the last word of its subject ("surveillance cameras" -> "cameras").
std::string countedNoun(const std::string& subject) {
    const QString words = QString::fromStdString(subject).simplified();
    return words.section(QLatin1Char(' '), -1).toLower().toStdString();
}

}  // namespace

ClaimFields claimFieldsFrom(const Figure& figure, const std::string& published) {
    ClaimFields fields;
    fields.value = figure.value;
    fields.low = figure.low;
    fields.high = figure.high;
    fields.unit =
        figure.unit.empty() && figure.kind == FigureKind::Count ? countedNoun(figure.subject) : figure.unit;
    fields.source = namedSource(figure.source);
    if (const std::string via = namedSource(figure.via); !fields.source.empty() && !via.empty())
        fields.via = {via};
    fields.asOf = asOfFrom(figure, published);
    fields.base = figure.base;
    return fields;
}

std::string sourceKey(std::string_view name) {
    QString key =
        QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())).simplified().toCaseFolded();
    key.replace(QChar(0x2019), QLatin1Char('\''));
    if (key.endsWith(QLatin1String("'s")))
        key.chop(2);
    else if (key.endsWith(QLatin1Char('\'')))
        key.chop(1);
    if (key.startsWith(QLatin1String("the ")))
        key.remove(0, 4);
    return key.toStdString();
}

bool namesSameSource(std::string_view written, std::string_view known) {
    const std::string a = sourceKey(written), b = sourceKey(known);
    if (a.empty() || b.empty())
        return false;
    if (a == b)
        return true;
    // The first words of a name stand for it only when they are a name themselves ("IHS" for "IHS
    // Markit"), not a common noun ("the ministry" for "the ministry of health").
    const auto standsFor = [](const std::string& shortKey, std::string_view shortName,
                              const std::string& longKey) {
        QString name =
            QString::fromUtf8(shortName.data(), static_cast<qsizetype>(shortName.size())).trimmed();
        if (name.startsWith(QLatin1String("the "), Qt::CaseInsensitive))
            name.remove(0, 4);
        return longKey.size() > shortKey.size() && longKey.compare(0, shortKey.size(), shortKey) == 0 &&
               longKey[shortKey.size()] == ' ' && !name.isEmpty() && name.front().isUpper();
    };
    // A person named by the surname alone ("Kostka" for "Genia Kostka"), as news writes them after the first
    // mention: one capitalised word that is the last word of the other name.
    const auto surnameOf = [](const std::string& shortKey, std::string_view shortName,
                              const std::string& longKey) {
        const QString name =
            QString::fromUtf8(shortName.data(), static_cast<qsizetype>(shortName.size())).trimmed();
        return !name.isEmpty() && name.front().isUpper() && shortKey.find(' ') == std::string::npos &&
               longKey.size() > shortKey.size() + 1 && longKey.ends_with(" " + shortKey);
    };
    // A body told by what it is, without the place the text named before ("state media outlets" for
    // "Chinese state media", "the city's social credit office" for "Rongcheng social credit office"): two
    // words or more that end the other name.
    const auto withoutPlace = [](std::string key) {
        if (const std::size_t possessive = key.find("'s ");
            possessive != std::string::npos && key.find(' ') > possessive)
            key.erase(0, possessive + 3);
        if (key.ends_with(" outlets"))
            key.resize(key.size() - 8);
        return key;
    };
    const auto endsName = [](const std::string& shortKey, const std::string& longKey) {
        return shortKey.find(' ') != std::string::npos && longKey.size() > shortKey.size() + 1 &&
               longKey.ends_with(" " + shortKey);
    };
    return standsFor(a, written, b) || standsFor(b, known, a) || surnameOf(a, written, b) ||
           surnameOf(b, known, a) || endsName(withoutPlace(a), b);
}

}  // namespace claimtrack
