#pragma once
// Reading the project on another thread, so the window never waits on a long query: each request opens
// the file read-only on a connection of its own (SQLite's write-ahead log lets it read while the window's
// connection writes) and hands its result back on the window's thread. Only the newest request's result
// is handed back; an older one still running is left to finish and dropped.
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

namespace claimtrack::gui {

// The threads that read the project (and write exports) away from the window; owned by the application.
inline QThreadPool* readPool() {
    static QThreadPool* const pool = new QThreadPool(QCoreApplication::instance());
    return pool;
}

template <typename T>
class BackgroundRead {
public:
    BackgroundRead(QObject* receiver, QString path) : m_receiver(receiver), m_path(std::move(path)) {}

    // Runs `work` on a project of its own; `done` gets its result unless another run was asked for since.
    void run(std::function<Result<T>(Project&)> work, std::function<void(Result<T>)> done) {
        const int request = ++m_request;
        auto* watcher = new QFutureWatcher<Result<T>>(m_receiver);
        QObject::connect(watcher, &QFutureWatcher<Result<T>>::finished, m_receiver,
                         [this, watcher, request, done = std::move(done)] {
                             watcher->deleteLater();
                             if (request != m_request)
                                 return;  // a newer request is on its way
                             m_running = false;
                             done(watcher->future().takeResult());  // moved, not copied: it can be large
                         });
        m_running = true;
        watcher->setFuture(QtConcurrent::run(
            readPool(), [path = m_path.toStdString(), work = std::move(work)]() -> Result<T> {
                auto project = Project::open(path, Project::Access::ReadOnly);
                if (!project)
                    return project.error();
                return work(*project);
            }));
    }
    // Whether a result is still to come.
    bool busy() const { return m_running; }

private:
    QObject* m_receiver;
    QString m_path;
    int m_request = 0;
    bool m_running = false;
};

}  // namespace claimtrack::gui
