// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"

#include <QObject>
#include <QPointer>

namespace versus::ui {

class BenchView;
class MainWindow;

/// The window's Bench view (View → Benchmark…, Ctrl+Shift+K): made the first time it is
/// asked for, with the window's lanes as its targets, then raised again as it was left (a
/// benchmark goes on while it is closed).
class WindowBench : public QObject {
    Q_OBJECT
public:
    WindowBench(MainWindow *window, const AppServices &services);

    /// The Bench view, opened (or raised).
    BenchView *showBench();
    BenchView *benchView() const;

private:
    MainWindow *m_window;
    AppServices m_services;
    QPointer<BenchView> m_view;
};

} // namespace versus::ui
