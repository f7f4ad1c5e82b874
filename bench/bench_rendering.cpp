// SPDX-License-Identifier: GPL-3.0-or-later
// How the window keeps up while answers stream, and what it costs when nothing happens.
// Prints figures; fails only when the idle window keeps a timer running.
//   1. Four lanes (LaneConversation models shown by ConversationViews side by side, as in
//      the window) each streaming 1 000 tokens a second for 10 s, a delta per token fed
//      from a timer: GUI-thread work per 16.7 ms frame (p50, p95) and the longest stall
//      (one uninterrupted stretch of work of the event loop). Then the same with each
//      lane's MetricsFooter under its view, its live figures and speed sparkline fed every
//      33 ms as LaneWidget does: four lanes, and six (the most a comparison has), with the
//      six-lane figures as a ratio of the four-lane ones of the same process.
//   2. The cost of one flush (the text one 33 ms flush brings, rendered and painted) with
//      1 000 and with 32 000 characters of answer already shown: their ratio.
//   3. Start-up to the first painted window, the Versus window (Engine with the bundled
//      catalogs, history in a fresh file, four lanes) against a minimal Qt Widgets window
//      in the same binary, each in a fresh process, median of several.
//   4. The idle window: process CPU time over a few seconds, and every running timer of
//      the window and the application.
//   bench_rendering [--quick]
//   bench_rendering --six-lanes-only           (the six-lane run alone, to profile it)
//   bench_rendering --startup versus|minimal   (a measured child process)
#include "appsettings.h"
#include "compare/laneconversation.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "mainwindow.h"
#include "metricsfooter.h"
#include "secrets/memorykeystore.h"
#include "sparkline.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>
#include <vector>

using namespace versus;
using namespace std::chrono_literals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(std::clamp(p * double(values.size() - 1), 0.0, double(values.size() - 1)));
    return values.at(index);
}

// Tokens of a typical answer: words, Markdown punctuation, a list, code, new paragraphs.
QStringList answerTokens()
{
    const QString text =
        QStringLiteral("Here is how the pieces fit together. The **parser** reads the stream in chunks and hands "
                       "each event to the decoder, which keeps the `state` of the answer.\n\n"
                       "- first, the request is built\n- then the response streams\n- finally the usage arrives\n\n"
                       "```cpp\nint main() {\n    return run(argc, argv);\n}\n```\n\n"
                       "A longer paragraph follows, with enough words to wrap over several lines of a lane that is a "
                       "quarter of a wide window, so that layout has real work to do on every flush of the view. ");
    QStringList tokens;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= text.size(); ++i) {
        if (i == text.size() || text.at(i) == u' ' || text.at(i) == u'\n' || i - start >= 6) {
            tokens.append(text.mid(start, i - start));
            start = i;
        }
    }
    return tokens;
}

/// One lane as the window shows it: its model and its view (and, with footers, its figures).
struct Lane {
    LaneConversation model;
    ui::ConversationView *view = nullptr;
    ui::MetricsFooter *footer = nullptr;
    qsizetype next = 0;

    void begin()
    {
        LaneTurn turn;
        turn.prompt = QStringLiteral("Explain how the stream is parsed.");
        turn.state = history::AnswerState::Streaming;
        model.appendTurn(turn);
    }
    void append(const QString &text)
    {
        ChatDelta delta;
        delta.text = text;
        model.appendDelta(model.rowCount() - 1, delta);
    }
};

/// The GUI thread's work: every event it delivers (timers, posted events, paints), timed
/// from the outermost QApplication::notify() call to its return.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!recording || depth > 0)
            return QApplication::notify(receiver, event);
        ++depth;
        const qint64 start = clock.nsecsElapsed();
        const qint64 cpuStart = threadCpuNs();
        const bool result = QApplication::notify(receiver, event);
        spans.append({start, clock.nsecsElapsed(), threadCpuNs() - cpuStart});
        --depth;
        return result;
    }

    void record()
    {
        spans.clear();
        clock.start();
        recording = true;
    }
    void stop() { recording = false; }

    struct Span {
        qint64 start; // wall clock, ns
        qint64 end;
        qint64 cpu; // the thread's CPU time in it, ns
    };
    static qint64 threadCpuNs()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    }

    QElapsedTimer clock;
    QList<Span> spans;

private:
    bool recording = false;
    int depth = 0;
};

TimedApplication *timedApp()
{
    return static_cast<TimedApplication *>(qApp);
}

/// What one streaming run measured (GUI-thread CPU per frame, ms).
struct FrameFigures {
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

FrameFigures streamLanes(int laneCount, double seconds, bool footers)
{
    const int kLanes = laneCount;
    constexpr double kTokensPerSecond = 1000;
    QWidget window;
    window.resize(1400, 900);
    auto *layout = new QHBoxLayout(&window);
    auto *strip = new QSplitter(&window);
    layout->addWidget(strip);
    std::vector<Lane> lanes(static_cast<size_t>(kLanes));
    for (Lane &lane : lanes) {
        auto *column = new QWidget(strip);
        auto *columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        lane.view = new ui::ConversationView(column);
        lane.view->setConversation(&lane.model);
        columnLayout->addWidget(lane.view, 1);
        if (footers) {
            lane.footer = new ui::MetricsFooter(column);
            columnLayout->addWidget(lane.footer);
        }
        strip->addWidget(column);
    }
    window.show();
    QApplication::processEvents();
    for (Lane &lane : lanes)
        lane.begin();

    const QStringList tokens = answerTokens();
    QElapsedTimer clock;
    QTimer feed;
    feed.setTimerType(Qt::PreciseTimer);
    feed.setInterval(1ms);
    qint64 fed = 0;
    // Every tick appends the tokens due by now, one delta each, as LaneRun does per event.
    QObject::connect(&feed, &QTimer::timeout, &window, [&] {
        const auto due = qint64(double(clock.nsecsElapsed()) / 1e9 * kTokensPerSecond);
        for (Lane &lane : lanes) {
            for (qint64 i = lane.next; i < due; ++i)
                lane.append(tokens.at(i % tokens.size()));
            lane.next = due;
        }
        fed = due;
    });

    // Each lane's live figures every ~33 ms, as LaneWidget's flush timer gives them (a timer
    // per lane), the speed wandering so that the sparkline has something new to draw.
    std::vector<std::unique_ptr<QTimer>> figureTimers;
    if (footers) {
        for (size_t i = 0; i < lanes.size(); ++i) {
            auto timer = std::make_unique<QTimer>();
            timer->setTimerType(Qt::PreciseTimer);
            timer->setInterval(33ms);
            QObject::connect(timer.get(), &QTimer::timeout, &window, [&, i] {
                const double ms = double(clock.nsecsElapsed()) / 1e6;
                ui::MetricsFooter::Live live;
                live.elapsedMs = ms;
                live.ttftMs = 180.0;
                live.liveTokensPerS = kTokensPerSecond * (1.0 + 0.2 * std::sin(ms / 700.0 + double(i)));
                live.estimatedTokens = lanes[i].next;
                lanes[i].footer->showLive(live);
            });
            figureTimers.push_back(std::move(timer));
        }
        for (Lane &lane : lanes)
            lane.footer->startAnswer();
    }

    timedApp()->record();
    clock.start();
    const double cpuBefore = cpuSeconds();
    feed.start();
    for (const auto &timer : figureTimers)
        timer->start();
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(qint64(seconds * 1000)), &loop, &QEventLoop::quit);
    loop.exec();
    feed.stop();
    for (const auto &timer : figureTimers)
        timer->stop();
    timedApp()->stop();
    const double cpu = cpuSeconds() - cpuBefore;
    const qint64 runNs = clock.nsecsElapsed();

    // GUI-thread work per 16.7 ms frame (the thread's CPU time in the events delivered in it:
    // on a loaded machine wall-clock spans also count the time the thread waited for a core),
    // and the longest stall: the longest event, wall clock, with its CPU time.
    const qint64 frameNs = 16'666'667;
    QList<double> perFrame(qsizetype(runNs / frameNs) + 1, 0.0);
    QList<double> perFrameWall(perFrame.size(), 0.0);
    double longestMs = 0;
    double longestCpuMs = 0;
    const qint64 offset = timedApp()->clock.nsecsElapsed() - runNs; // recording started a little earlier
    for (const TimedApplication::Span &span : timedApp()->spans) {
        if (double(span.end - span.start) / 1e6 > longestMs) {
            longestMs = double(span.end - span.start) / 1e6;
            longestCpuMs = double(span.cpu) / 1e6;
        }
        const qint64 frame = (span.start - offset) / frameNs;
        if (frame >= 0 && frame < perFrame.size()) {
            perFrame[frame] += double(span.cpu) / 1e6;
            perFrameWall[frame] += double(span.end - span.start) / 1e6;
        }
    }
    qsizetype characters = 0;
    for (const Lane &lane : lanes)
        characters += lane.model.turn(0).result.chat.text.size();
    int sparklinePaints = 0;
    for (const Lane &lane : lanes)
        sparklinePaints += lane.footer ? lane.footer->sparkline()->paintCount() : 0;
    out() << "streaming: " << kLanes << " lanes × " << kTokensPerSecond << " tokens/s for " << seconds << " s ("
          << fed * kLanes << " deltas, " << characters << " characters)"
          << (footers ? QStringLiteral(", footers with sparklines (%1 sparkline paints)").arg(sparklinePaints)
                      : QStringLiteral(", views only"))
          << "\n"
          << "  GUI-thread work per 16.7 ms frame (CPU): p50 " << percentile(perFrame, 0.5) << " ms, p95 "
          << percentile(perFrame, 0.95) << " ms, max " << percentile(perFrame, 1.0) << " ms (goal p95 ≤ 4 ms)\n"
          << "  the same in wall-clock time: p50 " << percentile(perFrameWall, 0.5) << " ms, p95 "
          << percentile(perFrameWall, 0.95) << " ms\n"
          << "  longest stall: " << longestMs << " ms wall clock, " << longestCpuMs
          << " ms of CPU (goal ≤ 50 ms); process CPU " << cpu / seconds * 100 << " % of a core\n";
    out().flush();
    return {percentile(perFrame, 0.5), percentile(perFrame, 0.95), percentile(perFrame, 1.0)};
}

int streamingRuns(double seconds)
{
    streamLanes(4, seconds, false); // the figure of earlier sessions: views only
    const FrameFigures four = streamLanes(4, seconds, true);
    const FrameFigures six = streamLanes(6, seconds, true);
    const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    out() << "six lanes against four, with footers and sparklines: p50 ×" << ratio(six.p50, four.p50) << ", p95 ×"
          << ratio(six.p95, four.p95) << ", max ×" << ratio(six.max, four.max) << "; six-lane p95 " << six.p95
          << " ms (goal ≤ 4 ms: " << (six.p95 <= 4 ? "met" : "not met") << ")\n";
    out().flush();
    return 0;
}

// One flush: what a 33 ms flush brings at 1 000 tokens/s (~33 tokens, ~150 characters),
// appended, rendered and painted; the mean of many, with @p shown characters already there.
double flushCostMs(qsizetype shown, int flushes)
{
    Lane lane;
    ui::ConversationView view;
    view.resize(350, 800);
    lane.view = &view;
    view.setConversation(&lane.model);
    view.show();
    QApplication::processEvents();
    lane.begin();
    const QStringList tokens = answerTokens();
    qsizetype next = 0;
    QString text;
    while (text.size() < shown)
        text += tokens.at(next++ % tokens.size());
    lane.append(text);
    view.syncStreaming();
    view.viewport()->repaint();
    QElapsedTimer timer;
    qint64 total = 0;
    for (int i = 0; i < flushes; ++i) {
        QString piece;
        for (int t = 0; t < 33; ++t)
            piece += tokens.at(next++ % tokens.size());
        timer.start();
        lane.append(piece);
        view.syncStreaming();
        view.viewport()->repaint();
        total += timer.nsecsElapsed();
    }
    return double(total) / flushes / 1e6;
}

// One update of a lane's footer while it streams (showLive: live figures and a sparkline
// sample), laid out and painted, the mean of @p updates, each 33 ms of answer later than the
// one before (so an eighth of them close a sparkline bucket, as in the app).
double footerUpdateMs(int updates)
{
    QWidget lane;
    lane.resize(350, 80);
    auto *layout = new QVBoxLayout(&lane);
    auto *footer = new ui::MetricsFooter(&lane);
    layout->addWidget(footer);
    lane.show();
    QApplication::processEvents();
    footer->startAnswer();
    QElapsedTimer timer;
    qint64 total = 0;
    for (int i = 0; i < updates; ++i) {
        ui::MetricsFooter::Live live;
        live.elapsedMs = 33.0 * i;
        live.ttftMs = 180.0;
        live.liveTokensPerS = 1000.0 * (1.0 + 0.2 * std::sin(double(i) / 20.0));
        live.estimatedTokens = 33 * i;
        timer.start();
        footer->showLive(live);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        lane.repaint();
        total += timer.nsecsElapsed();
    }
    return double(total) / updates / 1e6;
}

int flushRatio(int flushes)
{
    // Alternating measurements, so that a busy moment of the machine falls on both.
    QList<double> small;
    QList<double> large;
    for (int round = 0; round < 5; ++round) {
        small.append(flushCostMs(1000, flushes));
        large.append(flushCostMs(32000, flushes));
    }
    const double a = percentile(small, 0.5);
    const double b = percentile(large, 0.5);
    out() << "one flush (~150 characters, rendered and painted): " << a << " ms at 1k characters, " << b
          << " ms at 32k; ratio " << b / a << " (goal ≤ 1.5)\n";
    QList<double> footer;
    for (int round = 0; round < 5; ++round)
        footer.append(footerUpdateMs(flushes * 4));
    out() << "one live footer update (figures + sparkline sample, laid out and painted): " << percentile(footer, 0.5)
          << " ms\n";
    out().flush();
    return 0;
}

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
    return running.isEmpty() ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    if (argc == 3 && qstrcmp(argv[1], "--startup") == 0) {
        QApplication app(argc, argv);
        return startupChild(QString::fromLatin1(argv[2]));
    }
    TimedApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    // For a profiler (callgrind): the six-lane run with footers alone, for 2 s.
    if (app.arguments().contains(QStringLiteral("--six-lanes-only"))) {
        streamLanes(6, 2.0, true);
        return 0;
    }
    int failed = 0;
    failed |= streamingRuns(quick ? 1.0 : 10.0);
    failed |= flushRatio(quick ? 10 : 60);
    failed |= startupComparison(quick ? 1 : 7);
    failed |= idleWindow(quick ? 1.0 : 5.0);
    return failed;
}
