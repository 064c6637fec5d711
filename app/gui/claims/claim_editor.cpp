#include "claim_editor.h"
#include "claim_display.h"
#include "claim_format.h"
#include "figures.h"
#include "history/history_pane.h"
#include "name_completion.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStringListModel>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <ranges>

namespace claimtrack::gui {

namespace {

QComboBox* nameBox(const QStringList& names, const std::string& current, QWidget* parent) {
    auto* box = new QComboBox(parent);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItem(QString());
    box->addItems(names);
    box->setCurrentText(QString::fromStdString(current));
    completeNames(box->completer());
    return box;
}

QString numberText(std::optional<double> value) {
    return value ? QString::fromStdString(formatNumber(*value)) : QString();
}

// A number as typed in the editor: thousands separators and spaces are allowed here.
Result<std::optional<double>> typedNumber(const QString& text, std::string_view field) {
    QString clean = text;
    clean.remove(QLatin1Char(',')).remove(QLatin1Char(' ')).remove(QChar(0x00A0)).remove(QChar(0x202F));
    return parseOptionalNumber(clean.toStdString(), field);
}

// A figure typed as people write it ("1.2 million", "about 1,000", "more than 200 million",
// "10–11 percent"), read by the figure finder: the one figure that is the whole of the text.
std::optional<Figure> typedFigure(const QString& text) {
    const std::string typed = text.trimmed().toStdString();
    const std::vector<Figure> figures = extractFigures(typed);
    if (figures.size() != 1 || figures.front().kind == FigureKind::Date)
        return std::nullopt;
    const Figure& figure = figures.front();
    // Nothing but the figure: "200 million" in "I think 200 million" is not what was meant.
    if (figure.range.start != 0 || figure.range.end != codePointCount(typed))
        return std::nullopt;
    return figure;
}

const char* const kProposedProperty = "proposed";
constexpr int kProposalKeys = 3;  // Alt+1 to Alt+3

}  // namespace

ClaimEditor::ClaimEditor(const QString& quote, const ClaimFields& fields,
                         const EditorCompletions& completions, QWidget* parent)
    : QDialog(parent), m_value(new QLineEdit(numberText(fields.value), this)),
      m_low(new QLineEdit(numberText(fields.low), this)),
      m_high(new QLineEdit(numberText(fields.high), this)),
      m_unit(new QLineEdit(QString::fromStdString(fields.unit), this)),
      m_metric(nameBox(completions.metrics, fields.metric, this)), m_proposals(new QLabel(this)),
      m_source(nameBox(completions.sources, fields.source, this)),
      m_via(new QLineEdit(QString::fromStdString(joinTags(fields.via)), this)),
      m_asOf(new QLineEdit(QString::fromStdString(fields.asOf), this)),
      m_baseOf(new QLineEdit(QString::fromStdString(fields.base.of), this)),
      m_sampleSize(
          new QLineEdit(fields.base.sampleSize ? QString::number(*fields.base.sampleSize) : QString(), this)),
      m_fieldwork(new QLineEdit(QString::fromStdString(fields.base.fieldwork), this)),
      m_status(new QComboBox(this)),
      m_tags(new QLineEdit(QString::fromStdString(joinTags(fields.tags)), this)),
      m_note(new QPlainTextEdit(QString::fromStdString(fields.note), this)), m_error(new QLabel(this)),
      m_tabs(new QTabWidget(this)) {
    setObjectName(QStringLiteral("claimEditor"));
    setWindowTitle(tr("Claim"));
    setWindowModality(Qt::WindowModal);
    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_low->setObjectName(QStringLiteral("lowEdit"));
    m_high->setObjectName(QStringLiteral("highEdit"));
    m_unit->setObjectName(QStringLiteral("unitEdit"));
    m_metric->setObjectName(QStringLiteral("metricBox"));
    m_source->setObjectName(QStringLiteral("sourceBox"));
    m_via->setObjectName(QStringLiteral("viaEdit"));
    m_via->setPlaceholderText(tr("cited through: state media; separate with ;"));
    m_via->setToolTip(tr("The sources the figure came through, from the source outward: for \"state media, "
                         "citing IHS Markit\" the source is IHS Markit, via state media"));
    m_via->setCompleter(new TagCompleter(completions.sources, this));
    m_asOf->setObjectName(QStringLiteral("asOfEdit"));
    m_baseOf->setObjectName(QStringLiteral("baseEdit"));
    m_baseOf->setPlaceholderText(tr("of: respondents"));
    m_baseOf->setToolTip(tr("What a percentage or share is of. Percentages of different bases are not "
                            "compared in the cross-check"));
    m_sampleSize->setObjectName(QStringLiteral("sampleSizeEdit"));
    m_sampleSize->setPlaceholderText(tr("sample: 2,209"));
    m_sampleSize->setToolTip(tr("How many a survey asked"));
    m_fieldwork->setObjectName(QStringLiteral("fieldworkEdit"));
    m_fieldwork->setPlaceholderText(tr("asked: 2018-03"));
    m_fieldwork->setToolTip(tr("When a survey asked: YYYY, YYYY-MM, YYYY-MM-DD, or a period such as "
                               "2018-03/2018-05"));
    m_status->setObjectName(QStringLiteral("statusBox"));
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_note->setObjectName(QStringLiteral("noteEdit"));

    m_value->setPlaceholderText(tr("626,000,000, 1.2 million, more than 200 million, 10–11 percent"));
    m_low->setPlaceholderText(tr("open"));
    m_high->setPlaceholderText(tr("open"));
    m_asOf->setPlaceholderText(tr("YYYY, YYYY-MM or YYYY-MM-DD"));
    m_tags->setPlaceholderText(tr("separate tags with ;"));
    for (const ClaimStatus status :
         {ClaimStatus::Unverified, ClaimStatus::Supported, ClaimStatus::Disputed, ClaimStatus::Refuted})
        m_status->addItem(statusName(status), static_cast<int>(status));
    m_status->setCurrentIndex(static_cast<int>(fields.status));
    m_tags->setCompleter(new TagCompleter(completions.tags, this));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4);
    m_note->installEventFilter(this);
    m_proposals->setObjectName(QStringLiteral("metricProposals"));
    m_proposals->setWordWrap(true);
    m_proposals->setTextFormat(Qt::RichText);
    m_proposals->hide();
    connect(m_proposals, &QLabel::linkActivated, this, &ClaimEditor::takeProposal);
    // Alt+1, Alt+2, Alt+3 take a proposal from the keyboard, while the proposals show.
    for (int n = 0; n < kProposalKeys; ++n) {
        auto* key = new QShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + n)), this);
        key->setContext(Qt::WidgetWithChildrenShortcut);
        connect(key, &QShortcut::activated, this, [this, n] {
            if (m_proposals->isVisible() && n < m_proposed.size())
                takeProposal(m_proposed[n]);
        });
    }
    // The proposals show while the metric is empty: once one is chosen they have done their work.
    connect(m_metric, &QComboBox::currentTextChanged, m_proposals, [this](const QString& metric) {
        m_proposals->setVisible(metric.isEmpty() && !m_proposals->text().isEmpty());
    });
    m_error->setObjectName(QStringLiteral("editorError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();

    auto* quoteLabel = new QLabel(QStringLiteral("\u201C%1\u201D").arg(quote.simplified()), this);
    quoteLabel->setObjectName(QStringLiteral("quoteLabel"));
    quoteLabel->setWordWrap(true);
    quoteLabel->setTextFormat(Qt::PlainText);

    auto* bounds = new QHBoxLayout;
    bounds->addWidget(m_low);
    bounds->addWidget(new QLabel(tr("to"), this));
    bounds->addWidget(m_high);
    auto* form = new QFormLayout;
    form->addRow(tr("&Value:"), m_value);
    auto* boundsLabel = new QLabel(tr("&Bounds:"), this);
    boundsLabel->setBuddy(m_low);  // a row of two fields has no buddy of its own, and would show the '&'
    form->addRow(boundsLabel, bounds);
    form->addRow(tr("&Unit:"), m_unit);
    form->addRow(tr("&Metric:"), m_metric);
    form->addRow(QString(), m_proposals);
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("V&ia:"), m_via);
    form->addRow(tr("&As of:"), m_asOf);
    auto* base = new QHBoxLayout;
    base->addWidget(m_baseOf, 3);
    base->addWidget(m_sampleSize, 2);
    base->addWidget(m_fieldwork, 3);
    auto* baseLabel = new QLabel(tr("Bas&e:"), this);
    baseLabel->setBuddy(m_baseOf);
    form->addRow(baseLabel, base);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("Ta&gs:"), m_tags);
    form->addRow(tr("&Note:"), m_note);

    auto* buttons = m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    // The fields, and for a claim that exists its history in a second tab (the tab bar shows only then).
    auto* fieldsPage = new QWidget(this);
    auto* fieldsLayout = new QVBoxLayout(fieldsPage);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(quoteLabel);
    fieldsLayout->addLayout(form);
    m_tabs->setObjectName(QStringLiteral("claimEditorTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true);
    m_tabs->addTab(fieldsPage, tr("&Claim"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(buttons, &QDialogButtonBox::accepted, this, &ClaimEditor::trySave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_value->setFocus();
}

bool ClaimEditor::eventFilter(QObject* watched, QEvent* event) {
    // In the note, Enter saves like everywhere else; Shift+Enter starts a new line.
    if (watched == m_note && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            !(key->modifiers() & Qt::ShiftModifier)) {
            trySave();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

Result<ClaimFields> ClaimEditor::fields() const {
    ClaimFields fields;
    for (auto [edit, target, name] :
         {std::tuple{m_low, &fields.low, "low"}, std::tuple{m_high, &fields.high, "high"}}) {
        auto number = typedNumber(edit->text(), name);
        if (!number)
            return number.error();
        *target = *number;
    }
    fields.unit = m_unit->text().toStdString();
    // The value as a number, or as a figure in words whose qualifier or range gives the bounds left empty.
    if (auto number = typedNumber(m_value->text(), "value")) {
        fields.value = *number;
    } else if (const auto figure = typedFigure(m_value->text())) {
        fields.value = figure->value;
        if (m_low->text().trimmed().isEmpty())
            fields.low = figure->low;
        if (m_high->text().trimmed().isEmpty())
            fields.high = figure->high;
        if (fields.unit.empty())
            fields.unit = figure->unit;
    } else {
        return makeError(
            ErrorCode::InvalidInput,
            tr("value \"%1\" is not a figure: write it as 626,000,000, 1.2 million, more than 200 "
               "million or 10–11 percent")
                .arg(m_value->text().trimmed())
                .toStdString());
    }
    fields.metric = m_metric->currentText().toStdString();
    fields.source = m_source->currentText().toStdString();
    fields.via = typedTags(m_via->text());
    fields.asOf = m_asOf->text().trimmed().toStdString();
    fields.base.of = m_baseOf->text().toStdString();
    fields.base.fieldwork = m_fieldwork->text().trimmed().toStdString();
    if (const QString size = m_sampleSize->text().trimmed(); !size.isEmpty()) {
        // As the reader's locale writes it ("2,209", "2.209"), or plain digits.
        bool whole = false;
        qlonglong count = QLocale().toLongLong(size, &whole);
        if (!whole)
            count = QLocale::c().toLongLong(size, &whole);
        if (!whole)
            return makeError(ErrorCode::InvalidInput,
                             tr("sample size \"%1\" is not a whole number").arg(size).toStdString());
        fields.base.sampleSize = count;
    }
    fields.status = static_cast<ClaimStatus>(m_status->currentData().toInt());
    fields.tags = typedTags(m_tags->text());
    fields.note = m_note->toPlainText().toStdString();
    return validateClaimFields(std::move(fields));
}

void ClaimEditor::markProposed() {
    const QString why = tr("Read from the text by the figure finder: check it");
    // `shown` is the widget that draws the field: the line edit itself, or the combo box around it.
    const auto mark = [&](QLineEdit* edit, QWidget* shown) {
        if (edit->text().isEmpty())
            return;
        for (QWidget* widget : {static_cast<QWidget*>(edit), shown}) {
            widget->setProperty(kProposedProperty, true);
            widget->setToolTip(why);
        }
        // Touched, it is the researcher's own.
        connect(edit, &QLineEdit::textEdited, edit, [edit, shown] {
            for (QWidget* widget : {static_cast<QWidget*>(edit), shown}) {
                widget->setProperty(kProposedProperty, false);
                widget->setToolTip(QString());
                widget->style()->unpolish(widget);
                widget->style()->polish(widget);
            }
        });
    };
    for (QLineEdit* edit :
         {m_value, m_low, m_high, m_unit, m_via, m_asOf, m_baseOf, m_sampleSize, m_fieldwork})
        mark(edit, edit);
    for (QComboBox* box : {m_metric, m_source})
        mark(box->lineEdit(), box);
    setStyleSheet(QStringLiteral("QLineEdit[proposed=\"true\"], QComboBox[proposed=\"true\"] "
                                 "{ background: #e3f0ff; font-style: italic; }"));
}

bool ClaimEditor::isProposed(const QLineEdit* edit) {
    return edit->property(kProposedProperty).toBool();
}

void ClaimEditor::allowDelete() {
    QPushButton* remove = m_buttons->addButton(tr("Delete Claim"), QDialogButtonBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("deleteButton"));
    remove->setAutoDefault(false);
    connect(remove, &QPushButton::clicked, this, &ClaimEditor::deleteRequested);
}

void ClaimEditor::showHistory(std::vector<HistoryEntry> entries) {
    auto* history = findChild<HistoryPane*>(QStringLiteral("claimHistory"));
    if (!history) {
        history = new HistoryPane(this);
        history->setObjectName(QStringLiteral("claimHistory"));
        history->hideWhat();
        m_tabs->addTab(history, QString());
    }
    const int count = static_cast<int>(entries.size());
    history->showEntries(std::move(entries), tr("%n change(s) to this claim, the newest first", "", count));
    m_tabs->setTabText(m_tabs->indexOf(history), tr("&History (%1)").arg(count));
}

void ClaimEditor::takeProposal(const QString& metric) {
    m_metric->setCurrentText(metric);
    m_proposals->hide();
    m_metric->setFocus();
}

void ClaimEditor::setMetricProposals(const QList<Proposal>& proposals) {
    m_proposed.clear();
    if (proposals.isEmpty())
        return m_proposals->clear(), m_proposals->hide();
    QStringList lines;
    for (const Proposal& p : proposals | std::views::take(kProposalKeys)) {
        m_proposed << p.metric;
        const QString key = QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + m_proposed.size()))
                                .toString(QKeySequence::NativeText);
        lines << QStringLiteral("<a href=\"%1\">%2</a> <small>(%3) — %4</small>")
                     .arg(p.metric.toHtmlEscaped(), p.metric.toHtmlEscaped(), key, p.reason.toHtmlEscaped());
    }
    m_proposals->setText(tr("Likely:") + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
    m_proposals->setVisible(m_metric->currentText().isEmpty());
}

void ClaimEditor::limitToStatus(const QString& why) {
    // Disabled rather than read-only: greyed, so that what cannot be changed looks it.
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_value, m_low, m_high, m_unit, m_metric, m_source, m_via, m_asOf,
                                         m_baseOf, m_sampleSize, m_fieldwork, m_tags, m_note})
        field->setEnabled(false);
    m_proposals->hide();
    auto* notice = new QLabel(why, this);
    notice->setObjectName(QStringLiteral("editorNotice"));
    notice->setWordWrap(true);
    static_cast<QVBoxLayout*>(layout())->insertWidget(1, notice);
    m_status->setFocus();
}

void ClaimEditor::showError(const QString& message) {
    m_error->setText(message);
    m_error->show();
}

void ClaimEditor::trySave() {
    auto checked = fields();
    if (!checked) {
        showError(QString::fromStdString(checked.error().message));
        return;
    }
    Q_EMIT saveRequested(*checked);
}

QList<ClaimEditor::Proposal> metricProposals(Project& project, std::int64_t articleId, CodePointRange range,
                                             const QString& words) {
    // The figure finder's reading of the words gives the unit ("percent") the proposals weigh.
    const std::vector<Figure> figures = extractFigures(words.toStdString());
    auto proposals =
        project.proposeMetrics(articleId, range, figures.empty() ? std::string() : figures.front().unit);
    return proposals ? editorProposals(project, *proposals) : QList<ClaimEditor::Proposal>();
}

QList<ClaimEditor::Proposal> editorProposals(Project& project, const std::vector<MetricProposal>& proposals) {
    auto metrics = project.entities(EntityKind::Metric);
    QList<ClaimEditor::Proposal> shown;
    if (!metrics)
        return shown;
    for (const MetricProposal& p : proposals | std::views::take(3))
        for (const Entity& metric : *metrics)
            if (metric.id == p.metricId)
                shown.push_back({QString::fromStdString(metric.name), QString::fromStdString(p.reason)});
    return shown;
}

}  // namespace claimtrack::gui
