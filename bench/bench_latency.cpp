// SPDX-License-Identifier: GPL-3.0-or-later
// App-added latency: how much later than a bare socket client Versus hands a token on.
// A loopback server on its own thread (PacedSseServer) writes an OpenAI-compatible stream on a
// schedule and stamps each event when it writes it; in the same process, alternating stream by
// stream, (a) the app's real path — an Engine's QNetworkAccessManager and provider registry, a
// ChatStream running the StreamPipeline as production does — stamps each token delta when it
// emits it, and (b) a bare QTcpSocket client sending the same request stamps each event when
// the read that completed its line arrives. All stamps are on the steady clock. Prints the
// distributions of (received − written) and the difference; asserts nothing about time.
//   bench_latency [--quick]
#include "engine/engine.h"
#include "figureline.h"
#include "pacedsseserver.h"
#include "providers/chatstream.h"
#include "secrets/memorykeystore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace versus;
using namespace versus::bench;

namespace {

constexpr qint64 kNotReceived = -1;

/// The arrival stamps of one stream, by event index (kNotReceived where none arrived).
struct Received {
    std::vector<qint64> stamps;
    QString error;
};

/// Marks every event index named in @p text ("12 13 ") as received at @p ns.
void markTokens(QStringView text, qint64 ns, Received *received)
{
    for (QStringView word : text.split(u' ', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int index = word.toInt(&ok);
        if (ok && index >= 0 && size_t(index) < received->stamps.size() && received->stamps[size_t(index)] < 0)
            received->stamps[size_t(index)] = ns;
    }
}

ChatRequest benchRequest()
{
    ChatRequest request;
    request.providerId = QStringLiteral("groq");
    request.config.model = QStringLiteral("openai/gpt-oss-120b");
    request.messages.append(ChatMessage::user(QStringLiteral("Count from zero, one number a token.")));
    return request;
}

/// (a) The app's path: a ChatStream on the Engine's network and registry, as a lane runs it.
Received appStream(Engine &engine, quint16 port, int events)
{
    Received received{std::vector<qint64>(size_t(events), kNotReceived), {}};
    const Provider *provider = engine.registry().find(QStringLiteral("groq"));
    if (!provider)
        return {{}, QStringLiteral("no groq provider in the catalog")};
    ChatStream stream(engine.network(), *provider, benchRequest(), ApiKey::fromUtf8("gsk_bench_latency_key_0000"),
                      QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)), engine.transport);
    QEventLoop loop;
    QObject::connect(&stream, &ChatStream::deltaReceived, &loop,
                     [&](const ChatDelta &delta) { markTokens(delta.text, steadyNs(), &received); });
    QObject::connect(&stream, &ChatStream::finished, &loop, &QEventLoop::quit);
    stream.start();
    if (!stream.isFinished())
        loop.exec();
    if (stream.result().status != ResultStatus::Ok)
        received.error = QStringLiteral("the app's stream did not end well: ") +
                         (stream.result().error ? stream.result().error->message : QStringLiteral("no error text"));
    return received;
}

/// (b) The reference: a bare QTcpSocket sending the same request and scanning lines for the
/// content's index; no JSON parsing, no SSE parser, no HTTP library.
Received bareStream(quint16 port, int events)
{
    Received received{std::vector<qint64>(size_t(events), kNotReceived), {}};
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("model"), QStringLiteral("openai/gpt-oss-120b")},
                                  {QStringLiteral("stream"), true},
                                  {QStringLiteral("messages"),
                                   QJsonArray{QJsonObject{
                                       {QStringLiteral("role"), QStringLiteral("user")},
                                       {QStringLiteral("content"), QStringLiteral("Count from zero, one number "
                                                                                  "a token.")}}}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                            "\r\nAuthorization: Bearer gsk_bench_latency_key_0000\r\nContent-Type: application/json\r\n"
                            "Accept: text/event-stream\r\nContent-Length: " +
                            QByteArray::number(body.size()) + "\r\n\r\n";
    const QByteArray kContent = QByteArrayLiteral(R"("content":")");
    QTcpSocket socket;
    QByteArray pending;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(head + body); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        const qint64 now = steadyNs();
        pending += socket.readAll();
        qsizetype lineStart = 0;
        for (qsizetype end; (end = pending.indexOf('\n', lineStart)) >= 0; lineStart = end + 1) {
            const QByteArrayView line = QByteArrayView(pending).sliced(lineStart, end - lineStart);
            const qsizetype at = line.indexOf(kContent);
            if (line.startsWith("data: {") && at >= 0) {
                const qsizetype from = at + kContent.size();
                markTokens(QString::fromLatin1(line.sliced(from, std::min<qsizetype>(12, line.size() - from))), now,
                           &received);
            }
        }
        pending.remove(0, lineStart);
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            received.error = QStringLiteral("the bare client failed: ") + socket.errorString();
        loop.quit();
    });
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    loop.exec();
    return received;
}

double percentileMs(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[size_t(std::clamp(p * double(values.size() - 1) + 0.5, 0.0, double(values.size() - 1)))];
}

struct Distribution {
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Distribution distributionOf(const std::vector<double> &ms)
{
    return {percentileMs(ms, 0.5), percentileMs(ms, 0.95), percentileMs(ms, 0.99), percentileMs(ms, 1.0)};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    QTextStream out(stdout);

    // 1 000 events a second, a fast provider's pace; a stream per client alternately.
    PacedSseServer::Schedule schedule;
    schedule.events = quick ? 200 : 1000;
    schedule.gapMs = 1;
    const int streamsPerClient = quick ? 2 : 4;
    PacedSseServer server(schedule);
    if (!server.start()) {
        out << "bench_latency: cannot listen on the loopback interface\n";
        return 1;
    }

    MemoryKeyStore keys;
    EngineOptions options;
    options.keyStore = &keys;
    options.history = false;
    options.userFiles = false;
    Engine engine(options);

    // A warm-up stream for each client (first connection, first use of the HTTP thread, lazy
    // initialisation), not counted; then app, bare, bare, app, ... so that a busy moment of
    // the machine falls on both.
    std::vector<double> appMs;
    std::vector<double> bareMs;
    int served = 0;
    const auto run = [&](bool useApp, bool counted) -> bool {
        const Received received =
            useApp ? appStream(engine, server.port(), schedule.events) : bareStream(server.port(), schedule.events);
        const std::vector<qint64> written = server.writeStamps(served++, 10'000);
        if (!received.error.isEmpty()) {
            out << "bench_latency: " << received.error << '\n';
            return false;
        }
        if (written.size() != size_t(schedule.events)) {
            out << "bench_latency: the server wrote " << written.size() << " of " << schedule.events << " events\n";
            return false;
        }
        const auto missing = std::count(received.stamps.begin(), received.stamps.end(), kNotReceived);
        if (missing > 0) {
            out << "bench_latency: " << (useApp ? "the app" : "the bare client") << " did not receive " << missing
                << " of " << schedule.events << " events\n";
            return false;
        }
        if (counted) {
            for (size_t i = 0; i < written.size(); ++i)
                (useApp ? appMs : bareMs).push_back(double(received.stamps[i] - written[i]) / 1e6);
        }
        return true;
    };
    if (!run(true, false) || !run(false, false))
        return 1;
    for (int i = 0; i < 2 * streamsPerClient; ++i) {
        if (!run((i % 4 == 0) || (i % 4 == 3), true))
            return 1;
    }

    const Distribution a = distributionOf(appMs);
    const Distribution b = distributionOf(bareMs);
    const auto ms = [](double v) { return QString::number(v, 'f', 3).rightJustified(9); };
    out << "app-added latency: " << streamsPerClient << " streams per client of " << schedule.events
        << " events, one every " << schedule.gapMs << " ms, over loopback; received − written, ms\n"
        << "client                                   p50       p95       p99       max\n"
        << "app (Engine + ChatStream)          " << ms(a.p50) << ' ' << ms(a.p95) << ' ' << ms(a.p99) << ' '
        << ms(a.max) << '\n'
        << "bare QTcpSocket line scan          " << ms(b.p50) << ' ' << ms(b.p95) << ' ' << ms(b.p99) << ' '
        << ms(b.max) << '\n'
        << "app − bare                         " << ms(a.p50 - b.p50) << ' ' << ms(a.p95 - b.p95) << ' '
        << ms(a.p99 - b.p99) << ' ' << ms(a.max - b.max) << '\n'
        << "(" << appMs.size() << " and " << bareMs.size()
        << " events; goal: app p99 ≤ 0.5 ms above the bare client)\n";
    out.flush();

    FigureLine figure;
    figure.figure = 2;
    figure.what = QStringLiteral("app-added latency, event written → token delta, p99 (%1 events)").arg(appMs.size());
    figure.value = withUnit(a.p99, 3, QStringLiteral("ms"));
    figure.reference = QStringLiteral("bare QTcpSocket client p99 %1 ms").arg(b.p99, 0, 'f', 3);
    figure.ratio = ratioOf(a.p99, b.p99);
    figure.goal = QStringLiteral("≤ bare + 0.5 ms");
    figure.met = a.p99 - b.p99 <= 0.5;
    printFigure(figure);
    return 0;
}
