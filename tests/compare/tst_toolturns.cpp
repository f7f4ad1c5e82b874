// SPDX-License-Identifier: GPL-3.0-or-later
// The tool loop inside a Comparison, against the loopback server and a real history: an "ask"
// call waits for the user's answer (nothing is sent meanwhile), stopping while it waits keeps
// the trace, the streaming row shows each round's text without mixing two rounds' calls, and
// the lane's tools and the trace come back when the conversation is reopened.
#include "compare/comparison.h"
#include "engine/engine.h"
#include "history/historystore.h"
#include "openaichunks.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

const Target kGroq{u"groq"_s, u"openai/gpt-oss-120b"_s};

QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null)
{
    return QJsonDocument(QJsonObject{{u"id"_s, u"c"_s},
                                     {u"choices"_s,
                                      QJsonArray{QJsonObject{
                                          {u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finishReason}}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray call(int index, const QString &id, const QString &name, const QString &arguments)
{
    return chunk(
        {{u"tool_calls"_s,
          QJsonArray{QJsonObject{{u"index"_s, index},
                                 {u"id"_s, id},
                                 {u"type"_s, u"function"_s},
                                 {u"function"_s, QJsonObject{{u"name"_s, name}, {u"arguments"_s, arguments}}}}}}});
}

ScriptedResponse callingRound(const QString &text, const QList<QByteArray> &calls)
{
    QList<QByteArray> payloads{chunk({{u"content"_s, text}})};
    payloads += calls;
    payloads << chunk({}, u"tool_calls"_s) << openAiFinishChunk(5, 30);
    return ScriptedResponse::sseData(payloads);
}

const QByteArray kTools = R"([
  {"type": "function", "function": {"name": "ask_user", "parameters": {"type": "object"}}, "result": {"ask": true}},
  {"type": "function", "function": {"name": "calculator"}, "result": {"builtin": "calculator"}}
])";

struct Harness {
    QTemporaryDir dir;
    QNetworkAccessManager network;
    MemoryKeyStore keys;
    ScriptedServer server;
    std::unique_ptr<Engine> engine;
    Harness()
    {
        network.setProxy(QNetworkProxy::NoProxy);
        server.listen();
        qputenv("VERSUS_GROQ_BASE_URL", server.url(u"/groq/v1"_s).toString().toUtf8());
        qputenv("GROQ_API_KEY", "gsk_test_key_for_tool_turns_0001");
        EngineOptions options;
        options.keyStore = &keys;
        options.network = &network;
        options.userFiles = false;
        options.historyPath = dir.filePath(u"history.sqlite"_s);
        engine = std::make_unique<Engine>(options);
        engine->transport.retry.maxRetries = 0;
    }
    ~Harness()
    {
        qunsetenv("VERSUS_GROQ_BASE_URL");
        qunsetenv("GROQ_API_KEY");
    }
};

tools::ToolSet toolSet()
{
    auto set = tools::ToolSet::fromJson(kTools);
    if (!set)
        qFatal("tools: %s", qPrintable(set.error()));
    return *set;
}

} // namespace

class tst_ToolTurns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void askCallWaitsForTheUser();
    void stopWhileWaitingKeepsTheTrace();
    void answerAsErrorSaysSo();
    void streamingRowFollowsTheRounds();
    void toolsAndTraceComeBackFromHistory();
};

void tst_ToolTurns::askCallWaitsForTheUser()
{
    Harness h;
    h.server.enqueue(callingRound(u"One moment."_s, {call(0, u"a1"_s, u"ask_user"_s, u"{\"q\":\"size?\"}"_s)}));
    h.server.enqueue(ScriptedResponse::sseData({openAiContentChunk(u"Large it is."_s), openAiFinishChunk(3, 60)}));
    Comparison comparison(*h.engine);
    ComparisonLane *lane = comparison.addLane(kGroq);
    QVERIFY(comparison.setLaneTools(lane, toolSet()));
    LaneRun *run = nullptr;
    connect(lane, &ComparisonLane::runStarted, this, [&](LaneRun *started) { run = started; });
    QVERIFY(comparison.send(u"Order a shirt"_s));
    QVERIFY(run);
    QSignalSpy pending(run, &LaneRun::toolCallsPending);
    QVERIFY(pending.wait(10000));
    QCOMPARE(run->phase(), LaneRun::Phase::AwaitingToolResults);
    QVERIFY(comparison.isBusy());
    QTest::qWait(100);
    QCOMPARE(h.server.requestCount(), 1); // nothing goes out before the user answers
    QVERIFY(!run->answerToolCall(u"no-such-call"_s, u"x"_s));
    {
        // The wait may be long: the text so far and the trace are on disk meanwhile.
        history::HistoryStore store;
        QVERIFY(store.open(h.dir.filePath(u"history.sqlite"_s)));
        const auto record = store.conversation(comparison.conversationId());
        QVERIFY(record);
        const history::AnswerRecord &answer = record->turns.at(0).answers.at(0);
        QCOMPARE(answer.state, history::AnswerState::Streaming);
        QCOMPARE(answer.text, u"One moment."_s);
        QCOMPARE(answer.toolRounds.size(), 1);
        QCOMPARE(answer.toolRounds.at(0)[u"calls"_s].toArray().at(0)[u"result_source"_s].toString(), u"pending"_s);
    }

    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(run->answerToolCall(u"a1"_s, u"large"_s));
    QVERIFY(done.wait(10000));
    QCOMPARE(h.server.requestCount(), 2);
    const QJsonArray messages = QJsonDocument::fromJson(h.server.request(1).body).object()[u"messages"_s].toArray();
    QCOMPARE(messages.at(2)[u"content"_s].toString(), u"{\"result\":\"large\"}"_s); // plain words wrapped
    const LaneTurn &turn = lane->conversation()->turn(0);
    QCOMPARE(turn.result.chat.text, u"One moment.\n\nLarge it is."_s);
    QCOMPARE(turn.result.toolRounds.size(), 2);
    QCOMPARE(turn.result.toolRounds.at(0).calls.at(0).source, tools::ResultSource::User);
}

void tst_ToolTurns::answerAsErrorSaysSo()
{
    Harness h;
    h.server.enqueue(
        callingRound(QString(), {call(0, u"a1"_s, u"ask_user"_s, u"{}"_s), call(1, u"a2"_s, u"ask_user"_s, u"{}"_s)}));
    h.server.enqueue(ScriptedResponse::sseData({openAiContentChunk(u"Sorry."_s), openAiFinishChunk(1, 60)}));
    Comparison comparison(*h.engine);
    ComparisonLane *lane = comparison.addLane(kGroq);
    QVERIFY(comparison.setLaneTools(lane, toolSet()));
    LaneRun *run = nullptr;
    connect(lane, &ComparisonLane::runStarted, this, [&](LaneRun *started) { run = started; });
    QVERIFY(comparison.send(u"Go"_s));
    QSignalSpy pending(run, &LaneRun::toolCallsPending);
    QVERIFY(pending.wait(10000));
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    // An error as JSON and as words: the tool message has no error flag, so the content says it.
    QVERIFY(run->answerToolCall(u"a1"_s, u"{\"code\": 7}"_s, true));
    QCOMPARE(h.server.requestCount(), 1); // a2 still waits
    QVERIFY(run->answerToolCall(u"a2"_s, u"out of stock"_s, true));
    QVERIFY(done.wait(10000));
    const QJsonArray messages = QJsonDocument::fromJson(h.server.request(1).body).object()[u"messages"_s].toArray();
    QCOMPARE(messages.at(2)[u"content"_s].toString(), u"{\"error\":{\"code\":7}}"_s);
    QCOMPARE(messages.at(3)[u"content"_s].toString(), u"{\"error\":\"out of stock\"}"_s);
    QVERIFY(lane->conversation()->turn(0).result.toolRounds.at(0).calls.at(1).isError);
}

void tst_ToolTurns::stopWhileWaitingKeepsTheTrace()
{
    Harness h;
    h.server.enqueue(callingRound(u"Checking."_s, {call(0, u"c1"_s, u"calculator"_s, u"{\"expression\":\"1+1\"}"_s),
                                                   call(1, u"a1"_s, u"ask_user"_s, u"{}"_s)}));
    Comparison comparison(*h.engine);
    ComparisonLane *lane = comparison.addLane(kGroq);
    QVERIFY(comparison.setLaneTools(lane, toolSet()));
    LaneRun *run = nullptr;
    connect(lane, &ComparisonLane::runStarted, this, [&](LaneRun *started) { run = started; });
    QVERIFY(comparison.send(u"Go"_s));
    QSignalSpy pending(run, &LaneRun::toolCallsPending);
    QVERIFY(pending.wait(10000));
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    comparison.stop(lane);
    QVERIFY(done.count() == 1 || done.wait(10000));
    QCOMPARE(h.server.requestCount(), 1);

    const LaneTurn &turn = lane->conversation()->turn(0);
    QCOMPARE(turn.state, history::AnswerState::Cancelled);
    QCOMPARE(turn.result.toolRounds.size(), 1);
    QCOMPARE(turn.result.toolRounds.at(0).calls.at(0).source, tools::ResultSource::Builtin);
    QCOMPARE(turn.result.toolRounds.at(0).calls.at(1).source, tools::ResultSource::Skipped);
    QCOMPARE(turn.result.chat.text, u"Checking."_s);

    history::HistoryStore store;
    QVERIFY(store.open(h.dir.filePath(u"history.sqlite"_s)));
    const auto record = store.conversation(comparison.conversationId());
    QVERIFY(record);
    const history::AnswerRecord &answer = record->turns.at(0).answers.at(0);
    QCOMPARE(answer.state, history::AnswerState::Cancelled);
    QCOMPARE(answer.toolRounds.size(), 1);
    QCOMPARE(answer.text, u"Checking."_s);
}

void tst_ToolTurns::streamingRowFollowsTheRounds()
{
    Harness h;
    // Both rounds use index 0 for their call: the row must not merge them.
    h.server.enqueue(callingRound(u"First."_s, {call(0, u"c1"_s, u"calculator"_s, u"{\"expression\":\"2*3\"}"_s)}));
    h.server.enqueue(callingRound(u"Second."_s, {call(0, u"c2"_s, u"calculator"_s, u"{\"expression\":\"6*7\"}"_s)}));
    h.server.enqueue(ScriptedResponse::sseData({openAiContentChunk(u"Done: 42."_s), openAiFinishChunk(3, 80)}));
    Comparison comparison(*h.engine);
    ComparisonLane *lane = comparison.addLane(kGroq);
    QVERIFY(comparison.setLaneTools(lane, toolSet()));
    LaneConversation *rows = lane->conversation();
    QStringList textsWhenRoundsStarted;
    QList<qsizetype> callsInRow;
    connect(lane, &ComparisonLane::runStarted, this, [&](LaneRun *run) {
        connect(run, &LaneRun::roundStarted, this, [&, run](int) {
            // Queued after the row was updated by the comparison's own connection.
            QMetaObject::invokeMethod(
                this, [&] { textsWhenRoundsStarted << rows->turn(0).result.chat.text; }, Qt::QueuedConnection);
        });
        connect(run, &LaneRun::deltaReceived, this,
                [&](const ChatDelta &) { callsInRow << rows->turn(0).result.chat.toolCalls.size(); });
    });
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(u"Compute"_s));
    QVERIFY(done.wait(10000));
    QCOMPARE(h.server.requestCount(), 3);
    QCOMPARE(textsWhenRoundsStarted, QStringList({QString(), u"First.\n\n"_s, u"First.\n\nSecond.\n\n"_s}));
    QVERIFY(std::all_of(callsInRow.begin(), callsInRow.end(), [](qsizetype n) { return n <= 1; }));
    const LaneTurn &turn = rows->turn(0);
    QCOMPARE(turn.result.chat.text, u"First.\n\nSecond.\n\nDone: 42."_s);
    QCOMPARE(turn.result.toolRounds.size(), 3);
    QCOMPARE(turn.result.toolRounds.at(1).calls.at(0).result, u"{\"result\":42}"_s);
    // The next turn's history holds the joined answer, not the calls.
    const QList<ChatMessage> next = rows->requestMessages();
    QCOMPARE(next.size(), 2);
    QCOMPARE(next.at(1).content, u"First.\n\nSecond.\n\nDone: 42."_s);
    QVERIFY(next.at(1).toolCalls.isEmpty());
}

void tst_ToolTurns::toolsAndTraceComeBackFromHistory()
{
    Harness h;
    h.server.enqueue(callingRound(QString(), {call(0, u"c1"_s, u"calculator"_s, u"{\"expression\":\"5^2\"}"_s)}));
    h.server.enqueue(ScriptedResponse::sseData({openAiContentChunk(u"25"_s), openAiFinishChunk(1, 40)}));
    qint64 id = 0;
    {
        Comparison comparison(*h.engine);
        ComparisonLane *lane = comparison.addLane(kGroq);
        ProviderConfig parameters;
        parameters.responseSchema = QJsonObject{{u"type"_s, u"integer"_s}};
        parameters.toolChoice = u"required"_s;
        QVERIFY(comparison.setLaneParameters(lane, parameters));
        QVERIFY(comparison.setLaneTools(lane, toolSet()));
        QSignalSpy done(&comparison, &Comparison::turnFinished);
        QVERIFY(comparison.send(u"5 squared?"_s));
        QVERIFY(done.wait(10000));
        id = comparison.conversationId();
        // "required" went with the first request only.
        QCOMPARE(QJsonDocument::fromJson(h.server.request(0).body).object()[u"tool_choice"_s].toString(),
                 u"required"_s);
        QVERIFY(!QJsonDocument::fromJson(h.server.request(1).body).object().contains(u"tool_choice"_s));
        QVERIFY(lane->conversation()->turn(0).result.structuredOutput);
        QVERIFY(lane->conversation()->turn(0).result.structuredOutput->valid);
    }
    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(id));
    ComparisonLane *lane = reopened.lane(0);
    QCOMPARE(lane->tools().tools(), toolSet().tools());
    QCOMPARE(lane->parameters().toolChoice.toString(), u"required"_s);
    QCOMPARE(lane->parameters().responseSchema, QJsonObject({{u"type"_s, u"integer"_s}}));
    const LaneResult &result = lane->conversation()->turn(0).result;
    QCOMPARE(result.toolRounds.size(), 2);
    QCOMPARE(result.toolRounds.at(0).calls.at(0).result, u"{\"result\":25}"_s);
    QVERIFY(result.structuredOutput && result.structuredOutput->valid);
}

QTEST_GUILESS_MAIN(tst_ToolTurns)
#include "tst_toolturns.moc"
