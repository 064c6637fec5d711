// The app's item models under QAbstractItemModelTester, on a real project file.
#include "articles/article_list.h"
#include "claims/claim_table_model.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::gui;
using namespace claimtrack::test;

namespace {

class ModelTest : public testing::Test {
protected:
    void SetUp() override {
        project = std::make_unique<Project>(std::move(*Project::create(dir / "m.claims")));
        first = project->importArticle("One report: 176 million cameras, 80 percent approve.", {}, "a")->id;
        second = project->importArticle("Another: 450 million cameras by 2020.", {}, "b")->id;
        add(first, "176 million", 176e6, "IHS Markit");
        add(first, "80 percent", 80, "Genia Kostka");
        add(second, "450 million", 450e6, "State media");
    }
    void add(std::int64_t article, const char* quote, double value, const char* source) {
        NewClaim claim{article, QuoteSelector{quote, 1}, {}};
        claim.fields.value = value;
        claim.fields.source = source;
        ASSERT_TRUE(project->addClaim(claim));
    }
    std::vector<QString> column(const ClaimTableModel& model, int column) {
        std::vector<QString> values;
        for (int row = 0; row < model.rowCount(); ++row)
            values.push_back(model.index(row, column).data().toString());
        return values;
    }
    static void waitForQuery(ClaimTableModel& model) {
        QSignalSpy finished(&model, &ClaimTableModel::queryFinished);
        ASSERT_TRUE(finished.wait(5000));
        while (model.isBusy())
            ASSERT_TRUE(finished.wait(5000));
    }

    TempDir dir;
    std::unique_ptr<Project> project;
    std::int64_t first = 0, second = 0;
};

}  // namespace

TEST_F(ModelTest, ClaimTableModelReadsRowsLazilyAndPassesTheModelTester) {
    ClaimTableModel model(*project, qs(dir / "m.claims"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setQuery({});
    waitForQuery(model);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(column(model, ClaimTableModel::Quote),
              (std::vector<QString>{QStringLiteral("176 million"), QStringLiteral("80 percent"),
                                    QStringLiteral("450 million")}));
    EXPECT_EQ(model.index(0, ClaimTableModel::Figure).data().toString(), QStringLiteral("176,000,000"));
    EXPECT_EQ(model.index(2, ClaimTableModel::Source).data().toString(), QStringLiteral("State media"));
}

TEST_F(ModelTest, ClaimTableModelSortsAndFiltersInTheBackground) {
    ClaimTableModel model(*project, qs(dir / "m.claims"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.sort(ClaimTableModel::Figure, Qt::DescendingOrder);
    waitForQuery(model);
    EXPECT_EQ(column(model, ClaimTableModel::Quote),
              (std::vector<QString>{QStringLiteral("450 million"), QStringLiteral("176 million"),
                                    QStringLiteral("80 percent")}));
    ClaimQuery query = model.query();
    query.text = "kostka";
    model.setQuery(query);
    waitForQuery(model);
    EXPECT_EQ(column(model, ClaimTableModel::Quote), std::vector<QString>{QStringLiteral("80 percent")});
    // Several queries in a row: only the last one's rows are shown.
    query.text = "million";
    model.setQuery(query);
    query.articleId = second;
    model.setQuery(query);
    waitForQuery(model);
    EXPECT_EQ(column(model, ClaimTableModel::Quote), std::vector<QString>{QStringLiteral("450 million")});
}

TEST_F(ModelTest, ArticleListModelPassesTheModelTester) {
    ArticleListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setArticles(*project->articles());
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, ArticleListModel::Claims).data().toInt(), 2);
    EXPECT_EQ(model.index(1, ArticleListModel::Title).data().toString(),
              QStringLiteral("Another: 450 million cameras by 2020."));
}
