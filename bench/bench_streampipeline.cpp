// SPDX-License-Identifier: GPL-3.0-or-later
// Per-event cost of the streaming hot path (StreamPipeline: SSE parse + OpenAI-compatible decode +
// timeline + accumulator, as ChatStream runs it) over recorded provider streams, next to a raw newline scan of the same
// bytes measured in the same run. Prints figures; asserts nothing about time.
//   bench_streampipeline [--quick]
#include "fixture.h"
#include "metrics/streamtimeline.h"
#include "providers/openaistreamdecoder.h"
#include "providers/streampipeline.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

using namespace versus;

namespace {

// The event part of a recorded body, without its end marker, so it can be repeated.
QByteArray eventsOf(const QByteArray &body)
{
    QByteArray events = body;
    const qsizetype done = events.indexOf("data: [DONE]");
    if (done >= 0)
        events.truncate(done);
    return events;
}

struct Run {
    qint64 ns = 0;
    qint64 events = 0;
    qint64 deltas = 0;
};

Run pipeline(const QByteArray &stream, qsizetype readSize)
{
    QElapsedTimer timer;
    timer.start();
    Run run;
    StreamTimeline timeline;
    timeline.start();
    StreamPipeline pipe(std::make_unique<OpenAiStreamDecoder>(), &timeline);
    for (qsizetype at = 0; at < stream.size(); at += readSize) {
        pipe.feed(QByteArrayView(stream).sliced(at, std::min(readSize, stream.size() - at)));
        run.deltas += pipe.deltas().size();
    }
    run.events = pipe.events();
    const StreamMetrics metrics = timeline.metrics(pipe.result().usage);
    run.ns = timer.nsecsElapsed();
    if (metrics.chunks < 0 || pipe.result().text.isEmpty())
        run.events = -1; // keeps the work observable to the optimizer; never true
    return run;
}

Run newlineScan(const QByteArray &stream, qsizetype readSize)
{
    QElapsedTimer timer;
    timer.start();
    Run run;
    for (qsizetype at = 0; at < stream.size(); at += readSize) {
        const char *p = stream.constData() + at;
        const char *end = p + std::min(readSize, stream.size() - at);
        while ((p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p))))) {
            ++run.events;
            ++p;
        }
    }
    run.ns = timer.nsecsElapsed();
    return run;
}

qint64 median(std::vector<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    QTextStream out(stdout);

    QByteArray oneOfEach;
    for (const auto &[provider, name] : {std::pair{"groq", "text"},
                                         {"groq", "reasoning"},
                                         {"groq", "tool_call"},
                                         {"together", "text"},
                                         {"deepseek", "reasoning"},
                                         {"deepseek", "tool_call"}}) {
        const test::Fixture fixture = test::loadFixture(QString::fromLatin1(provider), QString::fromLatin1(name));
        if (!fixture.isValid()) {
            out << "bench: " << fixture.error << '\n';
            return 1;
        }
        oneOfEach += eventsOf(fixture.body());
    }
    const int copies = quick ? 20 : 2000;
    QByteArray stream;
    for (int i = 0; i < copies; ++i)
        stream += oneOfEach;
    stream += "data: [DONE]\n\n";

    const int repeats = quick ? 3 : 15;
    out << "stream: " << stream.size() << " bytes of recorded Groq, Together and DeepSeek events\n";
    out << "read size   events   pipeline ns/event   newline scan ns/event   ratio   pipeline MB/s\n";
    for (qsizetype readSize : {qsizetype(64), qsizetype(1500), qsizetype(16384)}) {
        std::vector<qint64> pipeNs;
        std::vector<qint64> scanNs;
        Run p;
        Run s;
        for (int r = 0; r < repeats; ++r) {
            p = pipeline(stream, readSize);
            s = newlineScan(stream, readSize);
            pipeNs.push_back(p.ns);
            scanNs.push_back(s.ns);
        }
        if (p.events <= 0 || s.events < p.events) // both did their work (also keeps the scan alive)
            return 1;
        const double perEvent = double(median(pipeNs)) / double(p.events);
        const double scanPerEvent = double(median(scanNs)) / double(p.events);
        out << QString::number(readSize).rightJustified(9) << QString::number(p.events).rightJustified(9)
            << QString::number(perEvent, 'f', 0).rightJustified(20)
            << QString::number(scanPerEvent, 'f', 1).rightJustified(24)
            << QString::number(perEvent / scanPerEvent, 'f', 0).rightJustified(8)
            << QString::number(double(stream.size()) / (double(median(pipeNs)) / 1e9) / 1e6, 'f', 1).rightJustified(15)
            << '\n';
    }
    out << "(median of " << repeats << " runs; ratio = pipeline / newline scan of the same bytes in the same run)\n";
    return 0;
}
