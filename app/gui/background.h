#pragma once
// Reading the project on another thread, so the window never waits on a long query: each request opens
// the file read-only on a connection of its own (SQLite's write-ahead log lets it read while the window's
// connection writes) and hands its result back on the window's thread. Only the newest request's result
// is handed back.
//
// Every read runs on readPool(), never on Qt's global thread pool: QtGui splits a large paint into pieces
// that it runs on the global pool and waits for, so a read there held up the window's painting until it
// finished (the compare view's first showing stalled 130 to 200 ms behind the cross-check).

#include "project.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <optional>
#include <utility>

namespace claimtrack::gui {

// The threads that read the project (and write exports) away from the window; owned by the application.
inline QThreadPool* readPool() {
    static QThreadPool* const pool = new QThreadPool(QCoreApplication::instance());
    return pool;
}

template <typename T>
class BackgroundRead {
public:
    using Work = std::function<Result<T>(Project&)>;
    using Done = std::function<void(Result<T>)>;

    BackgroundRead(QObject* receiver, QString path) : m_path(std::move(path)) {
        QObject::connect(&m_watcher, &QFutureWatcher<Result<T>>::finished, receiver, [this] { finished(); });
    }

    // Runs `work` on a project of its own; `done` gets its result unless another run was asked for since.
    // One read runs at a time: a request made meanwhile waits for it, in place of any other waiting, and the
    // running read's result is dropped (a user flicking through metrics starts no pile of reads).
    void run(Work work, Done done) {
        m_waiting = Request{std::move(work), std::move(done)};
        if (!m_running)
            start();
    }
    // Drops the result of any read running or waiting.
    void cancel() {
        m_waiting.reset();
        m_current.done = nullptr;
    }
    // Whether a result is still to come.
    bool busy() const { return m_waiting || (m_running && m_current.done); }

private:
    struct Request {
        Work work;
        Done done;
    };

    void start() {
        m_running = true;
        m_current = std::move(*m_waiting);
        m_waiting.reset();
        m_watcher.setFuture(QtConcurrent::run(
            readPool(), [path = m_path.toStdString(), work = m_current.work]() -> Result<T> {
                auto project = Project::open(path, Project::Access::ReadOnly);
                if (!project)
                    return project.error();
                return work(*project);
            }));
    }
    void finished() {
        if (m_waiting)
            return start();  // the result of a request since replaced
        m_running = false;
        if (const Done done = std::exchange(m_current.done, nullptr))
            done(m_watcher.future().takeResult());  // moved, not copied: it can be large
    }

    QString m_path;
    QFutureWatcher<Result<T>> m_watcher;
    Request m_current;
    std::optional<Request> m_waiting;
    bool m_running = false;
};

}  // namespace claimtrack::gui
