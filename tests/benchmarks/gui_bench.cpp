// claimtrack-gui-bench: the desktop app's speed figures, each against the
// obvious alternative, measured in the same run (see docs/performance.md).
//
//   claimtrack-gui-bench open PROJECT     main window shown with its claim table, vs. loading every row
//   claimtrack-gui-bench article DIR      1 MB article with 5,000 highlights, vs. formats in the document
//   claimtrack-gui-bench filter PROJECT   longest stall while typing in the filter box, vs. querying inline
//   claimtrack-gui-bench compare PROJECT  the conflicts pane and the largest metric's compare view filled
//   claimtrack-gui-bench keys PROJECT     key presses and clicks to record each claim of PROJECT again from
//   its
//                                         words, vs. typing every field
#include "articles/article_list.h"
#include "claims/claim_editor.h"
#include "claims/claim_table.h"
#include "claims/claim_table_model.h"
#include "conflicts/compare_view.h"
#include "conflicts/conflict_list.h"
#include "main_window.h"
#include "project_session.h"
#include "reader/reader_view.h"
#include "search/search_pane.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace claimtrack;
using namespace claimtrack::gui;

namespace {

constexpr int kRuns = 5;

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Waits for `done`, saying so on stderr if it took longer than a minute.
void waitUntil(const std::function<bool()>& done) {
    if (!QTest::qWaitFor(done, 60000))
        std::fprintf(stderr, "timed out after a minute\n");
}

double timedMs(const std::function<void()>& work) {
    QElapsedTimer timer;
    timer.start();
    work();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The longest time the window could not answer the user while it watched: the longest gap between the
// ticks of a timer that should fire every 5 ms.
class StallWatch {
public:
    StallWatch() {
        QObject::connect(&m_ticker, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_clock.start();
    }
    void start() {
        m_last = m_clock.elapsed();
        m_longest = 0;
        m_ticker.start(5);
    }
    // Stops watching; returns the longest stall, in ms.
    long long stop() {
        m_ticker.stop();
        return static_cast<long long>(m_longest);
    }

private:
    QElapsedTimer m_clock;
    QTimer m_ticker;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

// Until the window has painted what it shows now.
void settle(QWidget& window) {
    QApplication::processEvents();
    window.repaint();
    QApplication::processEvents();
}

int benchOpen(const QString& path) {
    std::vector<double> shown, rows, eager;
    for (int run = 0; run < kRuns; ++run) {
        MainWindow window;
        QElapsedTimer timer;
        timer.start();
        window.show();
        window.openProject(path);
        settle(window);
        shown.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        ClaimTableModel* model = window.claimTable()->model();
        waitUntil([model] { return !model->isBusy(); });
        settle(window);
        rows.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("open: window shown %.0f ms, claim table filled %.0f ms (median of %d)\n", median(shown),
                median(rows), kRuns);
    // The alternative: every row read into an item model up front.
    auto project = Project::open(path.toStdString(), Project::Access::ReadOnly);
    eager.push_back(timedMs([&] {
        QStandardItemModel model(0, 4);
        std::vector<QList<QStandardItem*>> items;
        (void)project->forEachClaim({}, [&](const ClaimRecord& c) {
            model.appendRow({new QStandardItem(QString::fromStdString(c.anchor.quote.exact)),
                             new QStandardItem(QString::fromStdString(c.fields.metric)),
                             new QStandardItem(QString::fromStdString(c.fields.source)),
                             new QStandardItem(QString::fromStdString(c.fields.asOf))});
        });
        QTableView view;
        view.setModel(&model);
        view.show();
        QApplication::processEvents();
    }));
    std::printf(
        "open alternative: every row loaded into a QStandardItemModel (4 columns) %.0f ms (one run)\n",
        eager.front());
    return 0;
}

int benchArticle(const QString& dir) {
    const std::filesystem::path path = (dir + QStringLiteral("/article.claims")).toStdString();
    std::filesystem::remove(path);
    auto project = Project::create(path);
    std::string text;
    for (int i = 0; text.size() < 1'000'000; ++i)
        text += "Paragraph " + std::to_string(i) + ": officials said " + std::to_string(i * 37 % 1000) +
                " million cameras were installed, and analysts counted " + std::to_string(i % 90) +
                " percent more in the following year.\n";
    const std::int64_t articleId = project->importArticle(text, {"Big", "", "", "", ""}, "big")->id;
    std::vector<NewClaim> claims;
    const std::int64_t length = codePointCount(text);
    for (int i = 0; i < 5000; ++i) {
        const std::int64_t start = static_cast<std::int64_t>(i) * (length / 5000);
        claims.push_back({articleId, CodePointRange{start, start + 11}, {}});
        claims.back().fields.status = static_cast<ClaimStatus>(i % 4);
    }
    (void)project->addClaims(claims);
    const std::vector<ClaimRecord> records = *project->claims({articleId});
    const std::string stored = *project->articleText(articleId);

    std::vector<double> ours, alternative, textOnly, highlightsOnly;
    for (int run = 0; run < kRuns; ++run) {
        {
            ReaderView probe;
            probe.resize(900, 700);
            probe.show();
            QApplication::processEvents();
            textOnly.push_back(timedMs([&] {
                probe.showArticle(articleId, QStringLiteral("Big"), stored);
                settle(probe);
            }));
            highlightsOnly.push_back(timedMs([&] {
                probe.setClaims(records);
                settle(probe);
            }));
        }
        ReaderView reader;
        reader.resize(900, 700);
        reader.show();
        QApplication::processEvents();
        ours.push_back(timedMs([&] {
            reader.showArticle(articleId, QStringLiteral("Big"), stored);
            reader.setClaims(records);
            settle(reader);
        }));
        // The alternative: each highlight merged into the document's character formats.
        QPlainTextEdit edit;
        edit.resize(900, 700);
        edit.show();
        QApplication::processEvents();
        const OffsetConverter offsets(stored);
        alternative.push_back(timedMs([&] {
            edit.setPlainText(QString::fromStdString(stored));
            QTextCursor cursor(edit.document());
            for (const ClaimRecord& claim : records) {
                const Utf16Range range = offsets.toUtf16(claim.anchor.range);
                cursor.setPosition(static_cast<int>(range.start));
                cursor.setPosition(static_cast<int>(range.end), QTextCursor::KeepAnchor);
                QTextCharFormat format;
                format.setBackground(Qt::yellow);
                cursor.mergeCharFormat(format);
            }
            settle(edit);
        }));
    }
    std::printf(
        "article: 1 MB, %zu highlights shown in %.0f ms; alternative (formats in the document) %.0f ms "
        "(median of %d)\n",
        records.size(), median(ours), median(alternative), kRuns);
    std::printf("article parts: text alone %.0f ms, then its highlights %.0f ms\n", median(textOnly),
                median(highlightsOnly));
    return 0;
}

// The conflicts pane filled, and the compare view of the metric with the most claims shown, each timed
// from the request to the view settled; the longest stall of the window while they are filled.
int benchCompare(const QString& path) {
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.openProject(path);
    ClaimTableModel* model = window.claimTable()->model();
    waitUntil([model] { return !model->isBusy(); });
    settle(window);
    auto project = Project::open(path.toStdString(), Project::Access::ReadOnly);
    auto metrics = project->entities(EntityKind::Metric);
    if (!metrics || metrics->empty())
        return std::fprintf(stderr, "no metrics in %s\n", qPrintable(path)), 1;
    const Entity biggest =
        *std::max_element(metrics->begin(), metrics->end(),
                          [](const Entity& a, const Entity& b) { return a.claimCount < b.claimCount; });

    StallWatch stalls;
    const auto timed = [&](const std::function<void()>& start, const std::function<bool()>& done) {
        stalls.start();
        QElapsedTimer took;
        took.start();
        start();
        waitUntil(done);
        settle(window);
        const qint64 ms = took.elapsed();
        return std::pair{ms, stalls.stop()};
    };
    ConflictList* conflicts = window.conflictList();
    const auto [conflictsMs, conflictsStall] = timed(
        [&] {
            auto* dock = window.findChild<QDockWidget*>(QStringLiteral("conflictDock"));
            dock->show();
            dock->raise();
        },
        [&] { return !conflicts->isBusy() && conflicts->table()->rowCount() > 0; });
    std::printf("conflicts pane: %d conflicts shown %lld ms after it was raised, longest stall %lld ms\n",
                conflicts->table()->rowCount(), static_cast<long long>(conflictsMs),
                static_cast<long long>(conflictsStall));
    CompareView* compare = window.compareView();
    const auto [compareMs, compareStall] =
        timed([&] { window.compareMetric(QString::fromStdString(biggest.name)); },
              [&] { return !compare->isBusy() && compare->metricId() == biggest.id; });
    std::printf("compare view: %lld claims of %s shown in %lld ms, longest stall %lld ms (the view's first "
                "showing)\n",
                static_cast<long long>(biggest.claimCount), biggest.name.c_str(),
                static_cast<long long>(compareMs), static_cast<long long>(compareStall));
    // Another large metric, the view already shown once.
    const Entity next = metrics->at(metrics->front().id == biggest.id ? 1 : 0);
    const auto [nextMs, nextStall] =
        timed([&] { window.compareMetric(QString::fromStdString(next.name)); },
              [&] { return !compare->isBusy() && compare->metricId() == next.id; });
    std::printf(
        "compare view: %lld claims of %s shown in %lld ms, longest stall %lld ms (then another metric)\n",
        static_cast<long long>(next.claimCount), next.name.c_str(), static_cast<long long>(nextMs),
        static_cast<long long>(nextStall));
    return 0;
}

int benchFilter(const QString& path) {
    MainWindow window;
    window.show();
    window.openProject(path);
    ClaimTableModel* model = window.claimTable()->model();
    waitUntil([model] { return !model->isBusy(); });
    settle(window);

    StallWatch stalls;
    stalls.start();
    QLineEdit* filter = window.claimTable()->filterEdit();
    const QString typed = QStringLiteral("metric 42");
    for (const QChar c : typed) {
        QTest::keyClicks(filter, QString(c));
        QTest::qWait(60);  // a fast typist: 60 ms between keys
    }
    const std::string wanted = typed.toStdString();
    waitUntil([model, &wanted] { return model->query().text == wanted && !model->isBusy(); });
    QTest::qWait(50);
    const long long typingStall = stalls.stop();
    const int rows = model->rowCount();
    // The alternative: the same query run on the window's thread at each key.
    auto project = Project::open(path.toStdString(), Project::Access::ReadOnly);
    ClaimQuery query;
    query.text = typed.toStdString();
    const double inline_ms = timedMs([&] { (void)project->claimIds(query); });
    std::printf(
        "filter: typed %lld keys, longest stall %lld ms, %d rows match; alternative (query on the window's "
        "thread) blocks %.0f ms per key\n",
        static_cast<long long>(typed.size()), typingStall, rows, inline_ms);

    // How long after the last key each filter's rows are in the table (the typing pause of the filter box
    // included), for filters matching every claim, a word, names, and nothing.
    for (const QString& text : {QStringLiteral("e"), QStringLiteral("surveil"), QStringLiteral("Source 12"),
                                QStringLiteral("Metric 7"), QStringLiteral("nothing like it")}) {
        filter->clear();
        waitUntil([model] { return model->query().text.empty() && !model->isBusy(); });
        QTest::keyClicks(filter, text);
        QElapsedTimer shown;
        shown.start();
        const std::string filtered = text.toStdString();
        waitUntil([model, &filtered] { return model->query().text == filtered && !model->isBusy(); });
        std::printf("filter \"%s\": %d rows in the table %lld ms after the last key\n", qPrintable(text),
                    model->rowCount(), static_cast<long long>(shown.elapsed()));
    }

    // Sorting every claim by figure, then scrolling to the end.
    filter->clear();
    waitUntil([model] { return model->query().text.empty() && !model->isBusy(); });
    stalls.start();
    QElapsedTimer sorting;
    sorting.start();
    window.claimTable()->view()->sortByColumn(ClaimTableModel::Figure, Qt::DescendingOrder);
    waitUntil([model] { return model->query().sortBy == ClaimColumn::Value && !model->isBusy(); });
    const double sortMs = static_cast<double>(sorting.nsecsElapsed()) / 1e6;
    window.claimTable()->view()->scrollToBottom();
    QTest::qWait(50);
    const long long sortStall = stalls.stop();
    std::printf(
        "sort: %d claims by figure in %.0f ms in the background, longest stall %lld ms (scrolling to the "
        "end included)\n",
        model->rowCount(), sortMs, sortStall);

    // A search of the whole project, from the key that runs it to its results shown; the alternative is
    // the same search on the window's thread, as it ran before.
    SearchPane* search = window.searchPane();
    for (const QString& text : {QStringLiteral("railways"), QStringLiteral("rail*")}) {
        search->searchBox()->setText(text);
        stalls.start();
        QElapsedTimer searching;
        searching.start();
        QTest::keyClick(search->searchBox(), Qt::Key_Return);
        waitUntil([search] { return !search->isBusy(); });
        const qint64 searchMs = searching.elapsed();
        const long long searchStall = stalls.stop();
        std::size_t total = 0;
        const double inlineMs =
            timedMs([&] { (void)project->search(text.toStdString(), SearchPane::kPage, &total); });
        std::printf("search \"%s\": %d of %zu articles shown in %lld ms, longest stall %lld ms; alternative "
                    "(on the window's thread) blocks %.0f ms\n",
                    qPrintable(text), search->results()->count(), total, static_cast<long long>(searchMs),
                    searchStall, inlineMs);
    }
    return 0;
}

// A field set as a researcher sets it, with real events: a click into it, Ctrl+A when it holds text, and
// the text (Delete to empty it). Returns the key presses and clicks.
int retype(QLineEdit* edit, const QString& text) {
    QTest::mouseClick(edit, Qt::LeftButton);
    int actions = 1;
    if (!edit->text().isEmpty())
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier), ++actions;
    if (text.isEmpty())
        return QTest::keyClick(edit, Qt::Key_Delete), actions + 1;
    QTest::keyClicks(edit, text);
    return actions + static_cast<int>(text.size());
}

// The fewest letters that bring `name` first in the completions of `box`, which match anywhere in a
// name: typed from the start of one of its words ("credit p" for "Social credit pilot cities").
QString shortestCompletion(const QComboBox* box, const QString& name) {
    QString best = name;
    for (qsizetype start = 0; start < name.size(); ++start) {
        if (start > 0 && name[start - 1] != QLatin1Char(' '))
            continue;
        for (qsizetype length = 1; start + length <= name.size() && length < best.size(); ++length) {
            const QString typed = name.mid(start, length);
            int first = -1;
            for (int i = 0; i < box->count() && first < 0; ++i)
                if (box->itemText(i).contains(typed, Qt::CaseInsensitive))
                    first = i;
            if (first >= 0 && box->itemText(first).compare(name, Qt::CaseInsensitive) == 0) {
                best = typed;
                break;
            }
        }
    }
    return best;
}

// A name the project knows, taken from the box's completions: the fewest letters that bring it first,
// then Down and Enter in the list; typed whole when none do.
int pickName(QComboBox* box, const QString& name) {
    QLineEdit* edit = box->lineEdit();
    QTest::mouseClick(edit, Qt::LeftButton);
    int actions = 1;
    if (!edit->text().isEmpty())
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier), ++actions;
    const QString typed = shortestCompletion(box, name);
    QTest::keyClicks(edit, typed);
    actions += static_cast<int>(typed.size());
    QCompleter* completer = box->completer();
    QAbstractItemView* list = completer->popup();
    if (typed != name && list->isVisible() &&
        completer->completionModel()->index(0, 0).data().toString().compare(name, Qt::CaseInsensitive) == 0) {
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
        return actions + 2;
    }
    if (list->isVisible())
        QTest::keyClick(list, Qt::Key_Escape), ++actions;
    return actions;
}

// Records every claim of the project again from its words, as a researcher would, with real key presses
// and clicks, and counts them: a drag over the words (1) and Ctrl+E (1) open the editor filled with the
// figure finder's reading; each field it did not fill as the claim has it is set (a proposed metric by
// Alt+1 to Alt+3, a known metric or source from the completions, other fields typed); Enter (1) saves. The
// claim saved must equal the claim as it was. Each claim is deleted first, so its words are free, and put
// back; the project's metrics and sources stay, as the list a researcher picks from. Against it: every
// field typed in an editor that opens empty.
int benchKeys(const QString& path) {
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window) || !window.openProject(path))
        return 1;
    Project& project = window.session()->project();
    const std::vector<ClaimRecord> claims = *project.claims();
    std::vector<int> counts, typedCounts;
    int wrongClaims = 0;
    for (const ClaimRecord& claim : claims) {
        if (!window.session()->deleteClaim(claim.id))
            return 1;
        const std::vector<ClaimRecord> before = *project.claims({claim.articleId});
        window.showArticle(claim.articleId);
        QPlainTextEdit* text = window.reader()->textView();
        const Utf16Range words =
            OffsetConverter(*project.articleText(claim.articleId)).toUtf16(claim.anchor.range);
        QTextCursor cursor = text->textCursor();
        cursor.setPosition(static_cast<int>(words.start));
        cursor.setPosition(static_cast<int>(words.end), QTextCursor::KeepAnchor);
        text->setTextCursor(cursor);
        text->setFocus();
        QTest::keyClick(text, Qt::Key_E, Qt::ControlModifier);
        ClaimEditor* editor = window.claimEditor();
        if (!editor) {
            std::fprintf(stderr, "Ctrl+E opened no editor on '%s'\n", claim.anchor.quote.exact.c_str());
            return 1;
        }
        if (!QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor->valueEdit(); }, 2000)) {
            std::fprintf(stderr, "the editor did not take the keyboard\n");
            return 1;
        }
        const ClaimFields& f = claim.fields;
        const auto number = [](std::optional<double> v) {
            return v ? QString::fromStdString(formatNumber(*v)) : QString();
        };
        int actions = 3, typed = 3;  // drag, Ctrl+E, Enter
        QStringList fixed;
        for (const auto& [name, expected] : {std::pair{"valueEdit", number(f.value)},
                                             {"lowEdit", number(f.low)},
                                             {"highEdit", number(f.high)},
                                             {"unitEdit", QString::fromStdString(f.unit)},
                                             {"metricBox", QString::fromStdString(f.metric)},
                                             {"sourceBox", QString::fromStdString(f.source)},
                                             {"asOfEdit", QString::fromStdString(f.asOf)}}) {
            auto* box = editor->findChild<QComboBox*>(QString::fromLatin1(name));
            QLineEdit* edit =
                box ? box->lineEdit() : editor->findChild<QLineEdit*>(QString::fromLatin1(name));
            typed += expected.isEmpty() ? 0 : 2 + static_cast<int>(expected.size());
            if (edit->text().compare(expected, Qt::CaseInsensitive) == 0)
                continue;
            const QString was = edit->text();
            const qsizetype proposal = editor->proposedMetrics().indexOf(expected);
            int cost = 0;
            if (box == editor->findChild<QComboBox*>(QStringLiteral("metricBox")) && proposal >= 0 &&
                editor->proposalLabel()->isVisible()) {
                QTest::keyClick(editor->focusWidget(), static_cast<Qt::Key>(Qt::Key_1 + proposal),
                                Qt::AltModifier);
                cost = 1;
            } else if (box && !expected.isEmpty() && box->findText(expected) >= 0) {
                cost = pickName(box, expected);
            } else {
                cost = retype(edit, expected);
            }
            actions += cost;
            fixed << QStringLiteral("%1 '%2' -> '%3' (%4)")
                         .arg(QString::fromLatin1(name), was, expected)
                         .arg(cost);
        }
        QTest::keyClick(editor->focusWidget(), Qt::Key_Return);  // where the editor's focus is
        if (!QTest::qWaitFor([&window] { return window.claimEditor() == nullptr; }, 2000))
            std::fprintf(stderr, "Enter left the editor open on '%s'\n", claim.anchor.quote.exact.c_str());
        // The claim saved, as the claim was.
        const std::vector<ClaimRecord> now = *project.claims({claim.articleId});
        const auto saved = std::find_if(now.begin(), now.end(), [&](const ClaimRecord& c) {
            return std::none_of(before.begin(), before.end(),
                                [&](const ClaimRecord& b) { return b.id == c.id; });
        });
        const ClaimFields got = saved == now.end() ? ClaimFields() : saved->fields;
        const bool same = got.value == f.value && got.low == f.low && got.high == f.high &&
                          QString::fromStdString(got.unit).compare(QString::fromStdString(f.unit),
                                                                   Qt::CaseInsensitive) == 0 &&
                          got.metric == f.metric && got.source == f.source && got.asOf == f.asOf;
        if (!same) {
            ++wrongClaims;
            fixed << QStringLiteral("saved otherwise: metric '%1', source '%2', as of '%3', unit '%4'")
                         .arg(QString::fromStdString(got.metric), QString::fromStdString(got.source),
                              QString::fromStdString(got.asOf), QString::fromStdString(got.unit));
        }
        counts.push_back(actions);
        typedCounts.push_back(typed);
        std::printf("%3d  %-45s %s\n", actions, claim.anchor.quote.exact.substr(0, 45).c_str(),
                    qPrintable(fixed.join(QStringLiteral("; "))));
        if (saved != now.end())
            window.session()->undoStack()->undo();  // the claim as recorded here
        window.session()->undoStack()->undo();      // the claim back as it was
        window.activateWindow();  // the offscreen platform activates no window when a dialog closes
        if (!QTest::qWaitForWindowActive(&window))
            return 1;
    }
    const auto median = [](std::vector<int> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[v.size() / 2];
    };
    std::printf("\n%zu claims: median %d actions, most %d; typing every field: median %d, most %d\n",
                counts.size(), median(counts), *std::max_element(counts.begin(), counts.end()),
                median(typedCounts), *std::max_element(typedCounts.begin(), typedCounts.end()));
    if (wrongClaims > 0)
        std::printf("%d claims were saved otherwise than they were\n", wrongClaims);
    return wrongClaims == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClaimtrackBench"));
    const QStringList args = QApplication::arguments();
    if (args.size() == 3 && args[1] == QStringLiteral("open"))
        return benchOpen(args[2]);
    if (args.size() == 3 && args[1] == QStringLiteral("article"))
        return benchArticle(args[2]);
    if (args.size() == 3 && args[1] == QStringLiteral("compare"))
        return benchCompare(args[2]);
    if (args.size() == 3 && args[1] == QStringLiteral("filter"))
        return benchFilter(args[2]);
    if (args.size() == 3 && args[1] == QStringLiteral("keys"))
        return benchKeys(args[2]);
    std::fprintf(stderr, "usage: claimtrack-gui-bench open|filter|compare|keys PROJECT | article DIR\n");
    return 2;
}
