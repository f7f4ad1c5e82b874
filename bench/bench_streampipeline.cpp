// SPDX-License-Identifier: GPL-3.0-or-later
// Per-event cost of the streaming hot path (StreamPipeline: SSE parse + OpenAI-compatible decode +
// timeline + accumulator, as ChatStream runs it) over recorded provider streams, next to a raw newline scan of the same
// bytes measured in the same run. Prints figures; asserts nothing about time.
//   bench_streampipeline [--quick] [--general] [--dialect openai|anthropic|gemini|synesia]
// --general: every chunk takes the decoder's general path (Qt's JSON parser) instead of the
// simdjson fast path, to show what the fast path gains. --dialect: recorded streams of that
// dialect and its decoder (default openai). The last line is figure 1 of script/bench
// (FIGURE|1|...), from the 1 500-byte reads of the OpenAI-compatible streams; the other
// dialects print no FIGURE line.
#include "fixture.h"
#include "metrics/streamtimeline.h"
#include "providers/anthropicstreamdecoder.h"
#include "providers/geministreamdecoder.h"
#include "providers/openaistreamdecoder.h"
#include "providers/streampipeline.h"
#include "providers/synesiastreamdecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

using namespace versus;

namespace {

// The event part of a recorded body, without its end marker (OpenAI's [DONE], Anthropic's
// message_stop, Synesia's done), so it can be repeated.
QByteArray eventsOf(const QByteArray &body)
{
    QByteArray events = body;
    for (const char *end : {"data: [DONE]", "event: message_stop", "data: {\"type\":\"done\""}) {
        const qsizetype done = events.indexOf(end);
        if (done >= 0)
            events.truncate(done);
    }
    return events;
}

enum class Dialect { OpenAi, Anthropic, Gemini, Synesia };
Dialect dialect = Dialect::OpenAi;

struct Run {
    qint64 ns = 0;
    qint64 events = 0;
    qint64 deltas = 0;
    qint64 fastChunks = 0;
};

bool useFastPath = true;

Run pipeline(const QByteArray &stream, qsizetype readSize)
{
    QElapsedTimer timer;
    timer.start();
    Run run;
    StreamTimeline timeline;
    timeline.start();
    std::unique_ptr<StreamDecoder> decoder;
    std::function<qint64()> fastCount;
    if (dialect == Dialect::Anthropic) {
        auto a = std::make_unique<AnthropicStreamDecoder>();
        a->setFastPath(useFastPath);
        fastCount = [d = a.get()] { return d->fastEvents(); };
        decoder = std::move(a);
    } else if (dialect == Dialect::Gemini) {
        auto g = std::make_unique<GeminiStreamDecoder>();
        g->setFastPath(useFastPath);
        fastCount = [d = g.get()] { return d->fastEvents(); };
        decoder = std::move(g);
    } else if (dialect == Dialect::Synesia) {
        auto y = std::make_unique<SynesiaStreamDecoder>();
        y->setFastPath(useFastPath);
        fastCount = [d = y.get()] { return d->fastEvents(); };
        decoder = std::move(y);
    } else {
        auto o = std::make_unique<OpenAiStreamDecoder>();
        o->setFastPath(useFastPath);
        fastCount = [d = o.get()] { return d->fastChunks(); };
        decoder = std::move(o);
    }
    StreamPipeline pipe(std::move(decoder), &timeline);
    for (qsizetype at = 0; at < stream.size(); at += readSize) {
        pipe.feed(QByteArrayView(stream).sliced(at, std::min(readSize, stream.size() - at)));
        run.deltas += pipe.deltas().size();
    }
    run.events = pipe.events();
    run.fastChunks = fastCount();
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
    useFastPath = !app.arguments().contains(QStringLiteral("--general"));
    QTextStream out(stdout);
    const qsizetype dialectArg = app.arguments().indexOf(QStringLiteral("--dialect"));
    const QString dialectName =
        dialectArg > 0 && dialectArg + 1 < app.arguments().size() ? app.arguments().at(dialectArg + 1) : QString();
    std::vector<std::pair<const char *, const char *>> fixtures{{"groq", "text"},          {"groq", "reasoning"},
                                                                {"groq", "tool_call"},     {"together", "text"},
                                                                {"deepseek", "reasoning"}, {"deepseek", "tool_call"}};
    QString streamsOf = QStringLiteral("Groq, Together and DeepSeek");
    if (dialectName == u"anthropic") {
        dialect = Dialect::Anthropic;
        fixtures = {
            {"anthropic", "text"}, {"anthropic", "thinking"}, {"anthropic", "tool_use"}, {"anthropic", "cache_usage"}};
        streamsOf = QStringLiteral("Anthropic");
    } else if (dialectName == u"gemini") {
        dialect = Dialect::Gemini;
        fixtures = {
            {"gemini", "text"}, {"gemini", "thoughts"}, {"gemini", "cached_usage"}, {"gemini", "function_call"}};
        streamsOf = QStringLiteral("Gemini");
    } else if (dialectName == u"synesia") {
        dialect = Dialect::Synesia;
        fixtures = {{"synesia", "text"}, {"synesia", "reasoning"}};
        streamsOf = QStringLiteral("Synesia");
    } else if (!dialectName.isEmpty() && dialectName != u"openai") {
        out << "bench: unknown dialect " << dialectName << " (openai, anthropic, gemini or synesia)\n";
        return 2;
    }

    QByteArray oneOfEach;
    for (const auto &[provider, name] : fixtures) {
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
    if (dialect == Dialect::OpenAi)
        stream += "data: [DONE]\n\n";

    const int repeats = quick ? 3 : 15;
    double figureNs = 0;
    double figureScanNs = 0;
    qint64 fastChunks = 0;
    qint64 events = 0;
    out << "stream: " << stream.size() << " bytes of recorded " << streamsOf << " events\n";
    out << "JSON: " << (useFastPath ? "simdjson fast path" : "general path (Qt JSON)") << '\n';
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
        if (readSize == 1500) {
            figureNs = perEvent;
            figureScanNs = scanPerEvent;
            fastChunks = p.fastChunks;
            events = p.events;
        }
        out << QString::number(readSize).rightJustified(9) << QString::number(p.events).rightJustified(9)
            << QString::number(perEvent, 'f', 0).rightJustified(20)
            << QString::number(scanPerEvent, 'f', 1).rightJustified(24)
            << QString::number(perEvent / scanPerEvent, 'f', 0).rightJustified(8)
            << QString::number(double(stream.size()) / (double(median(pipeNs)) / 1e9) / 1e6, 'f', 1).rightJustified(15)
            << '\n';
    }
    out << "(median of " << repeats << " runs; ratio = pipeline / newline scan of the same bytes in the same run)\n";
    out << "fast path: " << fastChunks << " of " << events
        << " events (the others: the end marker or the general path)\n";
    if (dialect != Dialect::OpenAi)
        return 0; // figure 1 is measured on the OpenAI-compatible streams
    // Figure 1 of script/bench: FIGURE|n|what|value|reference|ratio|goal|met
    const double ratio = figureNs / figureScanNs;
    const bool met = figureNs <= 2000.0 && ratio <= 10.0;
    out << "FIGURE|1|stream pipeline per event (1 500 B reads" << (useFastPath ? "" : ", general JSON path") << ")|"
        << QString::number(figureNs / 1000.0, 'f', 2) << " µs|newline scan "
        << QString::number(figureScanNs / 1000.0, 'f', 3) << " µs|" << QString::number(ratio, 'f', 1)
        << "×|≤ 2 µs and ≤ 10×|" << (met ? "yes" : "no") << '\n';
    return 0;
}
