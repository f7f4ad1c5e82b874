// SPDX-License-Identifier: GPL-3.0-or-later
#include "smoketest.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace versus {

namespace {

// Watches every paint event of the application (an empty main window paints itself only
// through its children) and keeps the first that belongs to the window.
class PaintWatcher : public QObject {
public:
    explicit PaintWatcher(QWidget &window)
        : QObject(&window)
        , m_window(window)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_painted && event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget *>(watched)->window() == &m_window) {
            m_painted = true;
            // Let the loop run on after the first frame (the start-up work queued behind it),
            // then quit the way closing the window would.
            QTimer::singleShot(100, this, [] { QCoreApplication::exit(0); });
        }
        return QObject::eventFilter(watched, event);
    }

public:
    bool painted() const { return m_painted; }

private:
    QWidget &m_window;
    bool m_painted = false;
};

} // namespace

void quitOncePainted(QWidget &window, int timeoutMs)
{
    auto *watcher = new PaintWatcher(window);
    QCoreApplication::instance()->installEventFilter(watcher);
    QTimer::singleShot(timeoutMs, watcher, [watcher, timeoutMs] {
        if (watcher->painted())
            return;
        qCritical("versus: --smoke-test: the main window was not painted within %d s", timeoutMs / 1000);
        QCoreApplication::exit(1);
    });
}

} // namespace versus
