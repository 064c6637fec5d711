#include "search_pane.h"
#include "project_session.h"

#include "project.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace claimtrack::gui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kClaimRole = Qt::UserRole + 2;
constexpr int kTypingPauseMs = 300;

// The snippet as rich text, its matched words in bold on the reader's search-hit magenta.
QString snippetHtml(const std::string& snippet) {
    QString html;
    std::string plain;
    const auto flush = [&] {
        html += QString::fromStdString(plain).toHtmlEscaped();
        plain.clear();
    };
    for (const char c : snippet) {
        if (c == kMatchStart || c == kMatchEnd) {
            flush();
            html += c == kMatchStart ? QStringLiteral("<b style=\"background-color:#ff80e6\">")
                                     : QStringLiteral("</b>");
        } else {
            plain += c == '\n' ? ' ' : c;
        }
    }
    flush();
    return html;
}

}  // namespace

SearchPane::SearchPane(ProjectSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_find(this, session.path()), m_box(new QLineEdit(this)),
      m_status(new QLabel(this)), m_results(new QListWidget(this)), m_typing(new QTimer(this)),
      m_more(new QPushButton(this)) {
    m_more->setObjectName(QStringLiteral("searchMore"));
    m_more->hide();
    setObjectName(QStringLiteral("searchPane"));
    m_box->setObjectName(QStringLiteral("searchBox"));
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_box->setPlaceholderText(tr("Search articles and claims"));
    m_box->setClearButtonEnabled(true);
    m_box->setToolTip(tr("Words (all must match), \"a phrase\", prefix*, OR, -word;\n"
                         "filters publisher:, source:, metric:, tag:, status:, since:, until:"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_results->setAlternatingRowColors(true);
    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingPauseMs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_box);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_more);

    connect(m_box, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_box, &QLineEdit::returnPressed, this, [this] { runSearch(); });
    connect(m_typing, &QTimer::timeout, this, [this] { runSearch(); });
    connect(m_more, &QPushButton::clicked, this,
            [this] { search(m_shown + kPage, m_results->currentRow()); });  // the place in the list stays
    const auto choose = [this](QListWidgetItem* item) { chooseResult(m_results->row(item)); };
    connect(m_results, &QListWidget::itemActivated, this, choose);
    connect(m_results, &QListWidget::itemClicked, this, choose);
}

QString SearchPane::matchingClaims(const std::vector<std::int64_t>& ids) {
    if (ids.empty())
        return {};
    constexpr std::size_t kNamed = 3;
    const std::vector<std::int64_t> named(ids.begin(), ids.begin() + std::min(ids.size(), kNamed));
    auto claims = m_session.project().claimsById(named);
    if (!claims)
        return {};
    QStringList quotes;
    for (const ClaimRecord& claim : *claims)
        quotes << QStringLiteral("\u201C%1\u201D")
                      .arg(QString::fromStdString(claim.anchor.quote.exact).simplified());
    QString text = tr("%Ln claim(s) match: %1", nullptr, static_cast<int>(ids.size()))
                       .arg(quotes.join(QStringLiteral(", ")));
    if (ids.size() > kNamed)
        text += tr(" and %Ln more", nullptr, static_cast<int>(ids.size() - kNamed));
    return QStringLiteral("<br><span style=\"color:gray\">%1</span>").arg(text.toHtmlEscaped());
}

QString SearchPane::query() const {
    return m_box->text().trimmed();
}

void SearchPane::chooseResult(int row) {
    if (QListWidgetItem* item = m_results->item(row))
        Q_EMIT resultChosen(item->data(kIdRole).toLongLong(), m_shownQuery,
                            item->data(kClaimRole).toLongLong());
}

void SearchPane::runSearch(bool openFirst) {
    search(kPage, 0, openFirst);
}

void SearchPane::search(int shown, int row, bool open) {
    m_typing->stop();
    m_shown = shown;
    m_status->setStyleSheet(QString());
    const QString text = query();
    if (text.isEmpty()) {
        m_find.cancel();
        m_more->hide();
        m_results->clear();
        m_status->clear();
        return;
    }
    m_status->setText(tr("Searching…"));
    m_results->setEnabled(false);  // the last results stay in view, but not as if they were the new ones
    m_more->setEnabled(false);
    m_find.run(
        [query = text.toStdString(), shown](Project& project) -> Result<Found> {
            Found found;
            auto hits = project.search(query, static_cast<std::size_t>(shown), &found.total);
            if (!hits)
                return hits.error();
            found.hits = std::move(*hits);
            return found;
        },
        [this, text, row, open](Result<Found> found) { show(text, std::move(found), row, open); });
}

void SearchPane::show(const QString& text, Result<Found> found, int row, bool open) {
    m_results->clear();
    m_results->setEnabled(true);
    m_more->setEnabled(true);
    m_more->hide();
    if (!found) {
        m_status->setStyleSheet(QStringLiteral("color: #c62828"));
        m_status->setText(errorText(found.error()));
        return;
    }
    m_shownQuery = text;
    const std::vector<SearchHit>& hits = found->hits;
    const qsizetype more = static_cast<qsizetype>(found->total) - static_cast<qsizetype>(hits.size());
    if (more > 0) {
        m_more->setText(tr("Show %Ln more", nullptr, static_cast<int>(std::min<qsizetype>(more, kPage))));
        m_more->show();
    }
    const QString all = QLocale().toString(static_cast<qulonglong>(found->total));
    m_status->setText(hits.empty() ? tr("Nothing matches.")
                      : more > 0
                          ? tr("The best %Ln of %1 articles", nullptr, static_cast<int>(hits.size())).arg(all)
                          : tr("%Ln article(s), best first", nullptr, static_cast<int>(hits.size())));
    for (const SearchHit& hit : hits) {
        auto* item = new QListWidgetItem(m_results);
        item->setData(kIdRole, QVariant::fromValue<qint64>(hit.articleId));
        QString source = QString::fromStdString(hit.publisher);
        if (!hit.published.empty())
            source +=
                (source.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(hit.published);
        item->setData(kClaimRole,
                      QVariant::fromValue<qint64>(hit.claimIds.empty() ? 0 : hit.claimIds.front()));
        auto* label =
            new QLabel(QStringLiteral("<b>%1</b> <span style=\"color:gray\">%2</span><br>%3%4")
                           .arg(QString::fromStdString(hit.title).toHtmlEscaped(), source.toHtmlEscaped(),
                                snippetHtml(hit.snippet), matchingClaims(hit.claimIds)),
                       m_results);
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);  // the matched words are in sight, never cut at the pane's edge
        label->setToolTip(QStringLiteral("<p>%1</p>").arg(snippetHtml(hit.snippet)));
        label->setContentsMargins(4, 3, 4, 3);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);                     // clicks go to the list
        item->setData(Qt::AccessibleTextRole, QString::fromStdString(hit.title));  // the label draws the rest
        m_results->setItemWidget(item, label);
        const int width = m_results->viewport()->width();
        item->setSizeHint(QSize(width, label->heightForWidth(width)));
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(std::min(row, m_results->count() - 1));
    if (open)
        chooseResult(0);
}

}  // namespace claimtrack::gui
