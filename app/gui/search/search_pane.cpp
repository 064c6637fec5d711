#include "search_pane.h"
#include "project_session.h"

#include "project.h"

#include <QEvent>
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
    m_results->viewport()->installEventFilter(this);
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
    const QListWidgetItem* item = m_results->item(row);
    if (!item)
        return;
    if (const qint64 articleId = item->data(kIdRole).toLongLong(); articleId == 0)
        Q_EMIT projectMemoChosen();
    else
        Q_EMIT resultChosen(articleId, m_shownQuery, item->data(kClaimRole).toLongLong());
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
            auto memo = project.searchProjectMemo(query);
            if (!memo)
                return memo.error();
            found.memo = std::move(*memo);
            return found;
        },
        [this, text, row, open](Result<Found> found) { show(text, std::move(found), row, open); });
}

void SearchPane::addResult(const QString& html, const QString& passage, qint64 articleId, qint64 claimId,
                           const QString& name) {
    auto* item = new QListWidgetItem(m_results);
    item->setData(kIdRole, articleId);
    item->setData(kClaimRole, claimId);
    auto* label = new QLabel(html, m_results);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);  // the matched words are in sight, never cut at the pane's edge
    label->setToolTip(QStringLiteral("<p>%1</p>").arg(passage));
    label->setContentsMargins(4, 3, 4, 3);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);  // clicks go to the list
    item->setData(Qt::AccessibleTextRole, name);            // the label draws the rest
    m_results->setItemWidget(item, label);
    const int width = m_results->viewport()->width();
    item->setSizeHint(QSize(width, label->heightForWidth(width)));
}

void SearchPane::fitRows() {
    // A row's height is its wrapped label's at the list's width, measured again when the width changes.
    const int width = m_results->viewport()->width();
    for (int row = 0; row < m_results->count(); ++row)
        if (auto* label = m_results->itemWidget(m_results->item(row)))
            m_results->item(row)->setSizeHint(QSize(width, label->heightForWidth(width)));
}

bool SearchPane::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_results->viewport() && event->type() == QEvent::Resize)
        fitRows();
    return QWidget::eventFilter(watched, event);
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
    m_status->setText(
        hits.empty() ? (found->memo ? tr("Only the project memo matches.") : tr("Nothing matches."))
        : more > 0   ? tr("The best %Ln of %1 articles", nullptr, static_cast<int>(hits.size())).arg(all)
                     : tr("%Ln article(s), best first", nullptr, static_cast<int>(hits.size())));
    if (found->memo) {
        const QString passage = snippetHtml(*found->memo);
        addResult(QStringLiteral("<b>%1</b><br>%2").arg(tr("Project memo"), passage), passage, 0, 0,
                  tr("Project memo"));
    }
    for (const SearchHit& hit : hits) {
        QString source = QString::fromStdString(hit.publisher);
        if (!hit.published.empty())
            source +=
                (source.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(hit.published);
        const QString title = QString::fromStdString(hit.title);
        addResult(QStringLiteral("<b>%1</b> <span style=\"color:gray\">%2</span><br>%3%4")
                      .arg(title.toHtmlEscaped(), source.toHtmlEscaped(), snippetHtml(hit.snippet),
                           matchingClaims(hit.claimIds)),
                  snippetHtml(hit.snippet), hit.articleId, hit.claimIds.empty() ? 0 : hit.claimIds.front(),
                  title);
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(std::min(row, m_results->count() - 1));
    if (open)
        chooseResult(0);
}

}  // namespace claimtrack::gui
