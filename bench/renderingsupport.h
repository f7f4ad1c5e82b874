// SPDX-License-Identifier: GPL-3.0-or-later
// What bench_rendering's measurements share: its output stream, clocks, the tokens of a typical
// answer, one lane as the window shows it, and an application that times the GUI thread's work.
#pragma once

#include "compare/laneconversation.h"
#include "conversationview.h"
#include "metricsfooter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QList>
#include <QStringList>
#include <QTextStream>

#include <ctime>

namespace versus::bench {

/// bench_rendering's stdout (flush it before a FIGURE line).
QTextStream &out();
/// The process's CPU time, s.
double cpuSeconds();
/// The value at @p p (0..1) of @p values, nearest rank below; 0 when empty.
double percentile(QList<double> values, double p);
/// Tokens of a typical answer: words, Markdown punctuation, a list, code, new paragraphs.
QStringList answerTokens();

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

/// The running TimedApplication.
TimedApplication *timedApp();

} // namespace versus::bench
