// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupidle.h"

#include "appsettings.h"
#include "engine/engine.h"
#include "figureline.h"
#include "mainwindow.h"
#include "renderingsupport.h"
#include "secrets/memorykeystore.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QMainWindow>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <ctime>
#include <memory>

using namespace std::chrono_literals;

namespace versus::bench {

// The child: shows a window and prints the monotonic clock when it was first painted; the
// parent read the same clock before starting it, so exec, loading and Qt's start-up count.
int startupChild(const QString &which)
{
    QTemporaryDir dir;
    std::unique_ptr<MemoryKeyStore> keys;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<ui::AppSettings> settings;
    std::unique_ptr<QWidget> window;
    QElapsedTimer phase;
    phase.start();
    qint64 engineNs = 0;
    if (which == u"versus") {
        keys = std::make_unique<MemoryKeyStore>();
        EngineOptions options;
        options.keyStore = keys.get();
        options.userFiles = false;
        options.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
        engine = std::make_unique<Engine>(options);
        engineNs = phase.nsecsElapsed();
        settings = std::make_unique<ui::AppSettings>(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat));
        settings->setLaneTargets({Target{QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b")},
                                  Target{QStringLiteral("together"), QStringLiteral("openai/gpt-oss-120b")},
                                  Target{QStringLiteral("deepseek"), QStringLiteral("deepseek-chat")},
                                  Target{QStringLiteral("groq"), QStringLiteral("llama-3.3-70b-versatile")}});
        ui::AppServices services;
        services.engine = engine.get();
        services.settings = settings.get();
        window = std::make_unique<ui::MainWindow>(services);
        QTextStream(stdout) << "engine_ns " << engineNs << " window_ns " << phase.nsecsElapsed() - engineNs << '\n';
    } else {
        auto *main = new QMainWindow;
        main->setCentralWidget(new QLabel(QStringLiteral("Hello"), main));
        main->resize(1400, 900);
        window.reset(main);
    }
    struct PaintWatch : QObject {
        bool painted = false;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint && !painted) {
                painted = true;
                // After this paint reached the backing store.
                QTimer::singleShot(0, qApp, [] {
                    timespec t{};
                    clock_gettime(CLOCK_MONOTONIC, &t);
                    QTextStream(stdout) << "painted_ns " << qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec << '\n';
                    QCoreApplication::quit();
                });
            }
            return false;
        }
    } watch;
    qApp->installEventFilter(&watch);
    window->show();
    return QApplication::exec();
}

namespace {

QList<double> g_engineMs;
QList<double> g_windowMs;

double startupMs(const QString &which)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    const qint64 startNs = qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--startup"), which});
    if (!child.waitForFinished(60'000) || child.exitCode() != 0)
        return -1;
    const QList<QByteArray> fields = child.readAllStandardOutput().simplified().split(' ');
    if (const qsizetype engine = fields.indexOf("engine_ns"); engine >= 0 && engine + 3 < fields.size()) {
        g_engineMs.append(fields.at(engine + 1).toDouble() / 1e6);
        g_windowMs.append(fields.at(engine + 3).toDouble() / 1e6);
    }
    const qsizetype at = fields.indexOf("painted_ns");
    if (at < 0 || at + 1 >= fields.size())
        return -1;
    return double(fields.at(at + 1).toLongLong() - startNs) / 1e6;
}

} // namespace

int startupComparison(int runs)
{
    QList<double> versusMs;
    QList<double> minimalMs;
    for (int i = 0; i < runs; ++i) { // alternating, so that machine load falls on both
        minimalMs.append(startupMs(QStringLiteral("minimal")));
        versusMs.append(startupMs(QStringLiteral("versus")));
    }
    if (versusMs.contains(-1) || minimalMs.contains(-1)) {
        out() << "start-up: a measured process failed\n";
        return 1;
    }
    const double v = percentile(versusMs, 0.5);
    const double m = percentile(minimalMs, 0.5);
    out() << "start-up to first painted window (median of " << runs << "): Versus " << v << " ms, minimal Qt Widgets "
          << "window " << m << " ms; ratio " << v / m << " (goal ≤ 1.5)\n"
          << "  of which making the Engine (catalogs, history, MCP) " << percentile(g_engineMs, 0.5)
          << " ms, making the MainWindow " << percentile(g_windowMs, 0.5) << " ms (medians)\n";
    out().flush();
    printFigure(5, QStringLiteral("start-up to the first painted window (median of %1)").arg(runs),
                withUnit(v, 0, QStringLiteral("ms")),
                QStringLiteral("minimal Qt Widgets window %1 ms").arg(m, 0, 'f', 0), ratioOf(v, m, 1),
                QStringLiteral("≤ 1.5×"), v / m <= 1.5);
    return 0;
}

int idleWindow(double seconds)
{
    QTemporaryDir dir;
    MemoryKeyStore keys;
    EngineOptions options;
    options.keyStore = &keys;
    options.userFiles = false;
    options.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    Engine engine(options);
    ui::AppSettings settings(std::make_unique<QSettings>(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat));
    settings.setLaneTargets({Target{QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b")},
                             Target{QStringLiteral("together"), QStringLiteral("openai/gpt-oss-120b")}});
    ui::AppServices services;
    services.engine = &engine;
    services.settings = &settings;
    ui::MainWindow window(services);
    window.show();
    // Settling: the first layouts, paints, the estimate timer of the start.
    QEventLoop settle;
    QTimer::singleShot(1s, &settle, &QEventLoop::quit);
    settle.exec();

    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(qint64(seconds * 1000)), &loop, &QEventLoop::quit);
    loop.exec();
    const double cpu = cpuSeconds() - cpuBefore;
    const double wallSeconds = double(wall.nsecsElapsed()) / 1e9;

    // Every timer registered for the window, its children and the application.
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    QList<QObject *> objects{&window, qApp};
    objects += window.findChildren<QObject *>();
    QStringList running;
    QStringList caret;
    for (QObject *object : objects) {
        for (const QAbstractEventDispatcher::TimerInfo &timer : dispatcher->registeredTimers(object)) {
            const QString name = QStringLiteral("%1 \"%2\" every %3 ms")
                                     .arg(QString::fromLatin1(object->metaObject()->className()), object->objectName())
                                     .arg(timer.interval);
            // The text cursor of the focused prompt box blinks while the window is active (Qt
            // stops it when the window is not): the platform's caret, not Versus' work.
            if (object->inherits("QWidgetTextControl") && timer.interval == QApplication::cursorFlashTime() / 2)
                caret.append(name);
            else
                running.append(name);
        }
    }
    out() << "idle window: " << cpu * 1000 << " ms of CPU in " << wallSeconds << " s (" << cpu / wallSeconds * 100
          << " % of a core); timers running: " << running.size() << '\n';
    for (const QString &timer : running)
        out() << "  " << timer << '\n';
    for (const QString &timer : caret)
        out() << "  (the prompt box's blinking caret: " << timer << ")\n";
    out().flush();
    printFigure(5, QStringLiteral("idle window CPU (%1 timers running)").arg(running.size()),
                QStringLiteral("%1 % of a core").arg(cpu / wallSeconds * 100, 0, 'f', 3),
                QStringLiteral("%1 ms of CPU in %2 s").arg(cpu * 1000, 0, 'f', 1).arg(wallSeconds, 0, 'f', 1),
                QStringLiteral("-"), QStringLiteral("no timer running"), running.isEmpty());
    return running.isEmpty() ? 0 : 1;
}

} // namespace versus::bench
