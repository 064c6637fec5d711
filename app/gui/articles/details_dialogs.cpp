#include "details_dialogs.h"
#include "project_session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace claimtrack::gui {

SavingDialog::SavingDialog(Save save, QWidget* parent)
    : QDialog(parent), m_save(std::move(save)), m_content(new QVBoxLayout), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setWindowModality(Qt::WindowModal);
    m_error->setObjectName(QStringLiteral("saveError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_content);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (auto saved = m_save(); !saved) {
            m_error->setText(errorText(saved.error()));
            m_error->show();
            return;
        }
        accept();
    });
}

void SavingDialog::setFieldOrder(const QList<QWidget*>& fields) {
    for (qsizetype i = 1; i < fields.size(); ++i)
        setTabOrder(fields[i - 1], fields[i]);
    setTabOrder(fields.back(), m_buttons);
    fields.front()->setFocus();
}

namespace {

QPlainTextEdit* memoEditor(const QString& text, QWidget* parent) {
    auto* memo = new QPlainTextEdit(text, parent);
    memo->setObjectName(QStringLiteral("memoEdit"));
    memo->setTabChangesFocus(true);  // Tab reaches the buttons; Enter is a new line in a memo
    memo->setMinimumHeight(memo->fontMetrics().lineSpacing() * 6);
    return memo;
}

}  // namespace

ArticleDetailsDialog::ArticleDetailsDialog(const Article& article, const SaveDetails& save, QWidget* parent)
    : SavingDialog([this, save] { return save(meta(), memo()); }, parent),
      m_title(new QLineEdit(QString::fromStdString(article.meta.title), this)),
      m_author(new QLineEdit(QString::fromStdString(article.meta.author), this)),
      m_publisher(new QLineEdit(QString::fromStdString(article.meta.publisher), this)),
      m_url(new QLineEdit(QString::fromStdString(article.meta.url), this)),
      m_published(new QLineEdit(QString::fromStdString(article.meta.published), this)),
      m_memo(memoEditor(QString::fromStdString(article.memo), this)) {
    setObjectName(QStringLiteral("articleDetailsDialog"));
    setWindowTitle(tr("Article Details"));
    m_title->setObjectName(QStringLiteral("articleTitle"));
    m_author->setObjectName(QStringLiteral("articleAuthor"));
    m_publisher->setObjectName(QStringLiteral("articlePublisher"));
    m_url->setObjectName(QStringLiteral("articleUrl"));
    m_published->setObjectName(QStringLiteral("articlePublished"));
    m_published->setPlaceholderText(tr("YYYY, YYYY-MM or YYYY-MM-DD"));
    m_memo->setPlaceholderText(tr("Your notes on this article; searched with its text"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Author:"), m_author);
    form->addRow(tr("&Publisher:"), m_publisher);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("P&ublished:"), m_published);
    form->addRow(tr("&Memo:"), m_memo);
    const QString from = article.format == "pdf"        ? tr("a PDF")
                         : article.format == "html"     ? tr("a web page")
                         : article.format == "markdown" ? tr("a Markdown file")
                                                        : tr("a text file");
    auto* imported =
        new QLabel(tr("Imported %1 from %2; %3 characters. Its text never changes under its claims.")
                       .arg(QString::fromStdString(article.importedAt.substr(0, 10)), from,
                            QLocale().toString(static_cast<qlonglong>(article.length))),
                   this);
    imported->setWordWrap(true);
    imported->setEnabled(false);
    content()->addLayout(form);
    content()->addWidget(imported);
    setFieldOrder({m_title, m_author, m_publisher, m_url, m_published, m_memo});
}

ArticleMeta ArticleDetailsDialog::meta() const {
    return {m_title->text().toStdString(), m_author->text().toStdString(), m_publisher->text().toStdString(),
            m_url->text().toStdString(), m_published->text().toStdString()};
}

QString ArticleDetailsDialog::memo() const {
    return m_memo->toPlainText();
}

ProjectMemoDialog::ProjectMemoDialog(const QString& memo,
                                     const std::function<Result<void>(const QString&)>& save, QWidget* parent)
    : SavingDialog([this, save] { return save(m_memo->toPlainText()); }, parent),
      m_memo(memoEditor(memo, this)) {
    setObjectName(QStringLiteral("projectMemoDialog"));
    setWindowTitle(tr("Project Memo"));
    m_memo->setPlaceholderText(tr("Notes on the whole project: its question, its scope, what is left to do"));
    m_memo->setMinimumHeight(m_memo->fontMetrics().lineSpacing() * 14);
    content()->addWidget(m_memo);
    setFieldOrder({m_memo});
}

ProjectSettingsDialog::ProjectSettingsDialog(
    const PublishingSettings& settings, const std::function<Result<void>(const PublishingSettings&)>& save,
    QWidget* parent)
    : SavingDialog(
          [this, save] {
              return save({m_reviewer->text().trimmed().toStdString(),
                           m_reviewerUrl->text().trimmed().toStdString()});
          },
          parent),
      m_reviewer(new QLineEdit(QString::fromStdString(settings.reviewer), this)),
      m_reviewerUrl(new QLineEdit(QString::fromStdString(settings.reviewerUrl), this)) {
    setObjectName(QStringLiteral("projectSettingsDialog"));
    setWindowTitle(tr("Project Settings"));
    m_reviewer->setObjectName(QStringLiteral("reviewerEdit"));
    m_reviewerUrl->setObjectName(QStringLiteral("reviewerUrlEdit"));
    m_reviewer->setPlaceholderText(tr("e.g. Camera Count Desk"));
    m_reviewerUrl->setPlaceholderText(QStringLiteral("https://…"));
    auto* intro =
        new QLabel(tr("Who publishes this project's fact-checks: the author of the ClaimReview markup "
                      "(File ▸ Export Claim Reviews). Each metric says where its fact-check is "
                      "published, in its details."),
                   this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Reviewer:"), m_reviewer);
    form->addRow(tr("Reviewer's &URL:"), m_reviewerUrl);
    content()->addWidget(intro);
    content()->addLayout(form);
    setFieldOrder({m_reviewer, m_reviewerUrl});
}

}  // namespace claimtrack::gui
