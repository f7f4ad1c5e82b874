// SPDX-License-Identifier: GPL-3.0-or-later
// Writer for tst_historycrash that streams through the real path: an Engine and a Comparison
// of two lanes, answers streamed over loopback HTTP by a scripted server in this process,
// checkpointed by each LaneRun. It sends a turn after each turn, forever, printing an
// "ack-..." line only once the write it names has returned: the prompt when send() returned,
// a checkpoint when the LaneRun reports it saved, a finish when the lane's turn ended.
//   history_comparison_crash_writer DATABASE SEED
#include "compare/comparison.h"
#include "crashtext.h"
#include "engine/engine.h"
#include "openaichunks.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace versus;
using namespace versus::test;

namespace {

void ack(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "comparison crash writer: %s\n", qPrintable(what));
    std::exit(3);
}

const Target kLanes[] = {{u"groq"_s, u"openai/gpt-oss-120b"_s}, {u"together"_s, u"openai/gpt-oss-120b"_s}};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: history_comparison_crash_writer DATABASE SEED\n");
        return 2;
    }
    QRandomGenerator random(args.at(2).toUInt());

    ScriptedServer server;
    if (!server.listen())
        fail(u"the loopback server does not listen"_s);
    for (const Target &lane : kLanes)
        qputenv(baseUrlEnvVar(lane.provider).toLatin1().constData(),
                server.url(u"/%1/v1"_s.arg(lane.provider)).toString().toUtf8());
    qputenv("GROQ_API_KEY", "gsk_crash_test_key_000000000001");
    qputenv("TOGETHER_API_KEY", "tgp_crash_test_key_000000000002");

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    MemoryKeyStore keys;
    EngineOptions options;
    options.keyStore = &keys;
    options.network = &network;
    options.userFiles = false;
    options.historyPath = args.at(1);
    Engine engine(options);
    if (!engine.history())
        fail(u"open: "_s + (engine.historyError() ? engine.historyError()->message : QString()));
    ack(u"ack-open %1"_s.arg(engine.historyReport()->interruptedAnswers));
    engine.checkpointIntervalMs = 40; // many checkpoints between two kills
    engine.transport.retry.maxRetries = 0;

    Comparison comparison(engine);
    for (const Target &lane : kLanes)
        comparison.addLane(lane);

    // Each request is answered with the text the test expects for that lane's answer id.
    QHash<QString, qint64> answerOfProvider;
    QObject::connect(&server, &ScriptedServer::requestReceived, &app, [&](int index) {
        const QString provider = QString::fromUtf8(server.request(index).path).section(u'/', 1, 1);
        const QString text = crashStreamText(answerOfProvider.value(provider), 600 + random.bounded(1200));
        QList<QByteArray> payloads;
        for (qsizetype at = 0; at < text.size();) {
            const qsizetype size = qsizetype(random.bounded(1, 12));
            payloads << openAiContentChunk(text.mid(at, size));
            at += size;
        }
        payloads << openAiFinishChunk(int(payloads.size()), 20);
        server.enqueue(ScriptedResponse::sseData(payloads, 2));
    });
    for (ComparisonLane *lane : comparison.lanes()) {
        QObject::connect(lane, &ComparisonLane::runStarted, &app, [](LaneRun *run) {
            QObject::connect(run, &LaneRun::checkpointed, run, [](qint64 answerId, qsizetype length) {
                ack(u"ack-checkpoint %1 %2"_s.arg(answerId).arg(length));
            });
        });
    }
    QObject::connect(&comparison, &Comparison::laneFinished, &app, [](ComparisonLane *lane, const LaneResult &result) {
        if (result.chat.status != ResultStatus::Ok)
            fail(u"a lane failed: "_s + (result.chat.error ? result.chat.error->message : QString()));
        const LaneConversation *model = lane->conversation();
        ack(u"ack-finish %1 %2"_s.arg(model->turn(model->rowCount() - 1).answerId).arg(result.chat.text.size()));
    });
    QObject::connect(&comparison, &Comparison::historyFailed, &app,
                     [](const history::HistoryError &error) { fail(u"history: "_s + error.message); });

    int round = 0;
    const auto sendTurn = [&] {
        const QString prompt = u"prompt %1 round %2 ünïcode"_s.arg(args.at(2)).arg(round++);
        const auto sent = comparison.send(prompt);
        if (!sent)
            fail(u"send: "_s + sent.error().message);
        const LaneConversation *first = comparison.lane(0)->conversation();
        for (int i = 0; i < comparison.laneCount(); ++i) {
            const LaneConversation *model = comparison.lane(i)->conversation();
            answerOfProvider.insert(comparison.lane(i)->target().provider, model->turn(model->rowCount() - 1).answerId);
        }
        ack(u"ack-turn %1 %2"_s.arg(first->turn(first->rowCount() - 1).turnId).arg(prompt));
    };
    QObject::connect(&comparison, &Comparison::turnFinished, &app, sendTurn, Qt::QueuedConnection);
    sendTurn();
    return app.exec();
}
