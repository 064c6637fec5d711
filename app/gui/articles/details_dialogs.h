#pragma once
// What the researcher keeps about an article (its title, author, publisher,
// URL, date and memo) and about the whole project (its memo and settings). Save writes at
// once; a refusal ("an article needs a title") is shown in the dialog, which
// stays open with what was typed.

#include "model.h"
#include "project.h"
#include "result.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QVBoxLayout;

namespace claimtrack::gui {

// A dialog whose Save runs `save`: it closes when that succeeds and shows its error otherwise.
class SavingDialog : public QDialog {
    Q_OBJECT

public:
    using Save = std::function<Result<void>()>;
    SavingDialog(Save save, QWidget* parent);
    QLabel* errorLabel() { return m_error; }

protected:
    QVBoxLayout* content() { return m_content; }
    // The fields in the order Tab visits them, before the buttons; the first has the keyboard on opening.
    void setFieldOrder(const QList<QWidget*>& fields);

private:
    Save m_save;
    QVBoxLayout* m_content;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

class ArticleDetailsDialog : public SavingDialog {
    Q_OBJECT

public:
    using SaveDetails = std::function<Result<void>(const ArticleMeta&, const QString& memo)>;
    ArticleDetailsDialog(const Article& article, const SaveDetails& save, QWidget* parent = nullptr);

    ArticleMeta meta() const;
    QString memo() const;
    QLineEdit* titleEdit() { return m_title; }
    QLineEdit* publishedEdit() { return m_published; }
    QPlainTextEdit* memoEdit() { return m_memo; }

private:
    QLineEdit* m_title;
    QLineEdit* m_author;
    QLineEdit* m_publisher;
    QLineEdit* m_url;
    QLineEdit* m_published;
    QPlainTextEdit* m_memo;
};

// Who publishes the project's fact-checks: the author of its ClaimReviews.
class ProjectSettingsDialog : public SavingDialog {
    Q_OBJECT

public:
    ProjectSettingsDialog(const PublishingSettings& settings,
                          const std::function<Result<void>(const PublishingSettings&)>& save,
                          QWidget* parent = nullptr);
    QLineEdit* reviewerEdit() { return m_reviewer; }
    QLineEdit* reviewerUrlEdit() { return m_reviewerUrl; }

private:
    QLineEdit* m_reviewer;
    QLineEdit* m_reviewerUrl;
};

class ProjectMemoDialog : public SavingDialog {
    Q_OBJECT

public:
    ProjectMemoDialog(const QString& memo, const std::function<Result<void>(const QString&)>& save,
                      QWidget* parent = nullptr);
    QPlainTextEdit* memoEdit() { return m_memo; }

private:
    QPlainTextEdit* m_memo;
};

}  // namespace claimtrack::gui
