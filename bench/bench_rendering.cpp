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
// Besides its human output, FIGURE lines (figureline.h) for script/bench: 3 (rendering) and
// 5 (start-up, idle). Shared parts are in renderingsupport.h, start-up and idle in startupidle.cpp.
#include "figureline.h"
#include "renderingsupport.h"
#include "sparkline.h"
#include "startupidle.h"

#include <QEventLoop>
#include <QHBoxLayout>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <memory>
#include <vector>

using namespace versus;
using namespace versus::bench;
using namespace std::chrono_literals;

namespace {

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
    const FrameFigures views = streamLanes(4, seconds, false); // the figure of earlier sessions: views only
    const FrameFigures four = streamLanes(4, seconds, true);
    const FrameFigures six = streamLanes(6, seconds, true);
    const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    out() << "six lanes against four, with footers and sparklines: p50 ×" << ratio(six.p50, four.p50) << ", p95 ×"
          << ratio(six.p95, four.p95) << ", max ×" << ratio(six.max, four.max) << "; six-lane p95 " << six.p95
          << " ms (goal ≤ 4 ms: " << (six.p95 <= 4 ? "met" : "not met") << ")\n";
    out().flush();
    const QString ms = QStringLiteral("ms");
    printFigure(3, QStringLiteral("GUI-thread CPU per 16.7 ms frame p95, 4 lanes streaming with footers"),
                withUnit(four.p95, 2, ms), QStringLiteral("4 lanes, views only %1 ms").arg(views.p95, 0, 'f', 2),
                ratioOf(four.p95, views.p95), QStringLiteral("≤ 4 ms"), four.p95 <= 4);
    printFigure(3, QStringLiteral("GUI-thread CPU per 16.7 ms frame p95, 6 lanes streaming with footers"),
                withUnit(six.p95, 2, ms), QStringLiteral("4 lanes with footers %1 ms").arg(four.p95, 0, 'f', 2),
                ratioOf(six.p95, four.p95), QStringLiteral("≤ 4 ms"), six.p95 <= 4);
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
    out().flush();
    printFigure(3, QStringLiteral("one flush (~150 characters, rendered and painted) at 32k characters shown"),
                withUnit(b, 2, QStringLiteral("ms")), QStringLiteral("at 1k characters %1 ms").arg(a, 0, 'f', 2),
                ratioOf(b, a), QStringLiteral("≤ 1.5×"), b / a <= 1.5);
    QList<double> footer;
    for (int round = 0; round < 5; ++round)
        footer.append(footerUpdateMs(flushes * 4));
    out() << "one live footer update (figures + sparkline sample, laid out and painted): " << percentile(footer, 0.5)
          << " ms\n";
    out().flush();
    return 0;
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
