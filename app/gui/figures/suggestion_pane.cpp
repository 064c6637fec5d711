#include "suggestion_pane.h"
#include "claim_format.h"
#include "dialogs.h"
#include "project_session.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace claimtrack::gui {

namespace {

constexpr int kIndexRole = Qt::UserRole + 1;

QString describe(const Suggestion& suggestion) {
    const Figure& f = suggestion.figure;
    ClaimFields fields;
    fields.value = f.value;
    fields.low = f.low;
    fields.high = f.high;
    QString line =
        QStringLiteral("\u201C%1\u201D  %2")
            .arg(QString::fromStdString(f.text).simplified(), QString::fromStdString(describeFigure(fields)));
    if (!f.unit.empty())
        line += QLatin1Char(' ') + QString::fromStdString(f.unit);
    if (!f.subject.empty())
        line += QStringLiteral(" \u00B7 ") + QString::fromStdString(f.subject);
    if (!f.source.empty())
        line += QStringLiteral(" \u00B7 ") + QString::fromStdString(f.source);
    if (!f.time.empty())
        line += QStringLiteral(" \u00B7 ") + QString::fromStdString(f.time);
    return line;
}

}  // namespace

SuggestionPane::SuggestionPane(ProjectSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_status(new QLabel(this)), m_list(new QListWidget(this)),
      m_find(new QPushButton(tr("Find Figures"), this)) {
    setObjectName(QStringLiteral("suggestionPane"));
    m_list->setObjectName(QStringLiteral("suggestionList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->installEventFilter(this);
    m_list->setToolTip(tr("Enter accepts the selected figures as claims, Delete rejects them"));
    m_find->setObjectName(QStringLiteral("findFigures"));
    m_status->setObjectName(QStringLiteral("suggestionStatus"));
    m_status->setWordWrap(true);

    auto* accept = new QPushButton(tr("Accept"), this);
    auto* reject = new QPushButton(tr("Reject"), this);
    auto* acceptEvery = new QPushButton(tr("Accept All"), this);
    auto* rejectEvery = new QPushButton(tr("Reject All"), this);
    accept->setObjectName(QStringLiteral("acceptSuggestions"));
    reject->setObjectName(QStringLiteral("rejectSuggestions"));
    acceptEvery->setObjectName(QStringLiteral("acceptAllSuggestions"));
    rejectEvery->setObjectName(QStringLiteral("rejectAllSuggestions"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_find);
    buttons->addStretch();
    buttons->addWidget(accept);
    buttons->addWidget(reject);
    auto* allButtons = new QHBoxLayout;
    allButtons->addWidget(m_status, 1);
    allButtons->addWidget(acceptEvery);
    allButtons->addWidget(rejectEvery);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);
    layout->addLayout(allButtons);

    // The finder's suggestions are kept in the project, and accepting one records a claim: an annotator's.
    if (const QString why = m_session.whyNot(ProjectRole::Annotator); !why.isEmpty())
        for (QPushButton* button : {m_find, accept, reject, acceptEvery, rejectEvery}) {
            button->setToolTip(why);
            button->setEnabled(false);
        }
    connect(m_find, &QPushButton::clicked, this, &SuggestionPane::findFigures);
    connect(accept, &QPushButton::clicked, this, &SuggestionPane::acceptSelected);
    connect(reject, &QPushButton::clicked, this, &SuggestionPane::rejectSelected);
    connect(acceptEvery, &QPushButton::clicked, this, &SuggestionPane::acceptAll);
    connect(rejectEvery, &QPushButton::clicked, this, &SuggestionPane::rejectAll);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < static_cast<int>(m_suggestions.size()))
            Q_EMIT suggestionSelected(m_suggestions[static_cast<std::size_t>(row)]);
    });
}

void SuggestionPane::showArticle(std::int64_t articleId) {
    const int row = m_list->currentRow();
    m_articleId = articleId;
    auto found = articleId ? m_session.project().suggestions(articleId)
                           : Result<std::vector<Suggestion>>(std::vector<Suggestion>());
    m_suggestions = found ? std::move(*found) : std::vector<Suggestion>();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (std::size_t i = 0; i < m_suggestions.size(); ++i) {
        auto* item = new QListWidgetItem(describe(m_suggestions[i]), m_list);
        item->setData(kIndexRole, static_cast<int>(i));
    }
    m_find->setEnabled(articleId != 0 && m_session.whyNot(ProjectRole::Annotator).isEmpty());
    m_status->setText(articleId == 0 ? QString()
                      : m_suggestions.empty()
                          ? tr("No figures waiting. Find Figures reads the article.")
                          : tr("%Ln figure(s) waiting", nullptr, static_cast<int>(m_suggestions.size())));
    if (!m_suggestions.empty())
        m_list->setCurrentRow(std::clamp(row, 0, static_cast<int>(m_suggestions.size()) - 1));
}

std::vector<Suggestion> SuggestionPane::selected() const {
    std::vector<Suggestion> chosen;
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->isSelected())
            chosen.push_back(m_suggestions[static_cast<std::size_t>(row)]);
    return chosen;
}

void SuggestionPane::findFigures() {
    if (m_articleId == 0)
        return;
    auto found = m_session.findFigures({m_articleId});
    if (!found)
        return MessageBox::critical(this, tr("Cannot find figures"), errorText(found.error())), void();
    if (*found == 0)
        m_status->setText(tr("No new figures: every figure found is claimed, waiting or rejected."));
    m_list->setCurrentRow(0);
    showCurrent();
}

void SuggestionPane::showCurrent() {
    const int row = m_list->currentRow();
    if (row >= 0 && row < static_cast<int>(m_suggestions.size()))
        Q_EMIT suggestionSelected(m_suggestions[static_cast<std::size_t>(row)]);
}

void SuggestionPane::accept(const std::vector<Suggestion>& suggestions) {
    if (auto accepted = m_session.acceptSuggestions(suggestions); !accepted)
        MessageBox::critical(this, tr("Cannot accept figures"), errorText(accepted.error()));
    showCurrent();  // the next one waiting
}

void SuggestionPane::reject(const std::vector<Suggestion>& suggestions) {
    std::vector<std::int64_t> ids;
    for (const Suggestion& suggestion : suggestions)
        ids.push_back(suggestion.id);
    if (auto rejected = m_session.rejectSuggestions(ids); !rejected)
        MessageBox::critical(this, tr("Cannot reject figures"), errorText(rejected.error()));
    showCurrent();
}

void SuggestionPane::acceptSelected() {
    accept(selected());
}
void SuggestionPane::rejectSelected() {
    reject(selected());
}
void SuggestionPane::acceptAll() {
    accept(m_suggestions);
}
void SuggestionPane::rejectAll() {
    reject(m_suggestions);
}

bool SuggestionPane::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            acceptSelected();
            return true;
        }
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            rejectSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace claimtrack::gui
