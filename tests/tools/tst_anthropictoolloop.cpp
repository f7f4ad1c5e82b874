// SPDX-License-Identifier: GPL-3.0-or-later
// The tool loop with the Anthropic dialect: `versus-cli chat --tools` against the loopback
// server. Round 1 thinks (signed) and calls the built-in calculator; round 2's request must
// carry that thinking block unchanged with its signature, the tool_use block, and the result
// as a tool_result in the next user message, as the Messages API requires.
#include "clirun.h"
#include "scriptedserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray sseEvent(const char *name, const QJsonObject &data)
{
    return "event: " + QByteArray(name) + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QList<QByteArray> messageStart(int inputTokens)
{
    QJsonObject start = parse(R"({"type":"message_start","message":{"id":"msg_loop","type":"message",
        "role":"assistant","model":"claude-sonnet-4-5","content":[],"usage":{"output_tokens":1,
        "cache_read_input_tokens":0,"cache_creation_input_tokens":0}}})");
    QJsonObject message = start.value(u"message"_s).toObject();
    QJsonObject usage = message.value(u"usage"_s).toObject();
    usage.insert(u"input_tokens"_s, inputTokens);
    message.insert(u"usage"_s, usage);
    start.insert(u"message"_s, message);
    return {sseEvent("message_start", start)};
}

const char *kSignature = "EqQBCgIYAhIMsig+/loop==";

} // namespace

class tst_AnthropicToolLoop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thinkingAndResultsGoBack();
};

void tst_AnthropicToolLoop::thinkingAndResultsGoBack()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    ScriptedServer server;
    QVERIFY(server.listen());

    QList<QByteArray> round1 = messageStart(310);
    round1 << sseEvent("content_block_start", parse(R"({"type":"content_block_start","index":0,
                    "content_block":{"type":"thinking","thinking":"","signature":""}})"))
           << sseEvent("content_block_delta", parse(R"({"type":"content_block_delta","index":0,
                    "delta":{"type":"thinking_delta","thinking":"Use the calculator."}})"))
           << sseEvent("content_block_delta",
                       QJsonObject{{u"type"_s, u"content_block_delta"_s},
                                   {u"index"_s, 0},
                                   {u"delta"_s, QJsonObject{{u"type"_s, u"signature_delta"_s},
                                                            {u"signature"_s, QString::fromLatin1(kSignature)}}}})
           << sseEvent("content_block_stop", parse(R"({"type":"content_block_stop","index":0})"))
           << sseEvent("content_block_start", parse(R"({"type":"content_block_start","index":1,
                    "content_block":{"type":"tool_use","id":"toolu_calc","name":"calculator","input":{}}})"))
           << sseEvent("content_block_delta", parse(R"({"type":"content_block_delta","index":1,
                    "delta":{"type":"input_json_delta","partial_json":"{\"expression\": \"6*"}})"))
           << sseEvent("content_block_delta", parse(R"({"type":"content_block_delta","index":1,
                    "delta":{"type":"input_json_delta","partial_json":"7\"}"}})"))
           << sseEvent("content_block_stop", parse(R"({"type":"content_block_stop","index":1})"))
           << sseEvent("message_delta", parse(R"({"type":"message_delta","delta":{"stop_reason":"tool_use"},
                    "usage":{"output_tokens":48}})"))
           << sseEvent("message_stop", parse(R"({"type":"message_stop"})"));
    server.enqueue(ScriptedResponse::sse(round1));
    QList<QByteArray> round2 = messageStart(420);
    round2 << sseEvent("content_block_start", parse(R"({"type":"content_block_start","index":0,
                    "content_block":{"type":"text","text":""}})"))
           << sseEvent("content_block_delta", parse(R"({"type":"content_block_delta","index":0,
                    "delta":{"type":"text_delta","text":"6 × 7 = 42."}})"))
           << sseEvent("content_block_stop", parse(R"({"type":"content_block_stop","index":0})"))
           << sseEvent("message_delta", parse(R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},
                    "usage":{"output_tokens":9}})"))
           << sseEvent("message_stop", parse(R"({"type":"message_stop"})"));
    server.enqueue(ScriptedResponse::sse(round2));

    const QString tools = home.filePath(u"tools.json"_s);
    QFile file(tools);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"type": "function", "function": {"name": "calculator", "description": "Exact arithmetic",
        "parameters": {"type": "object", "properties": {"expression": {"type": "string"}}, "required": ["expression"]}},
        "result": {"builtin": "calculator"}}])");
    file.close();

    const QMap<QString, QString> env{{u"ANTHROPIC_API_KEY"_s, u"sk-ant-loop-0001"_s},
                                     {u"VERSUS_ANTHROPIC_BASE_URL"_s, server.url("/").toString()}};
    CliRun result;
    QVERIFY(runCliProcess(QStringLiteral(VERSUS_CLI_PATH),
                          {u"chat"_s, u"-t"_s, u"anthropic:claude-sonnet-4-5"_s, u"--reasoning-effort"_s, u"low"_s,
                           u"--tools"_s, tools, u"--json"_s, u"--no-history"_s, u"What is 6 times 7?"_s},
                          privateCliEnvironment(home.path(), env), result));
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(server.requestCount(), 2);

    const QJsonObject first = QJsonDocument::fromJson(server.request(0).body).object();
    QCOMPARE(first[u"thinking"_s][u"budget_tokens"_s].toInt(), 2048);
    QCOMPARE(first[u"tools"_s].toArray().at(0)[u"name"_s].toString(), u"calculator"_s);
    QVERIFY(first[u"tools"_s].toArray().at(0).toObject().contains(u"input_schema"_s));

    const QJsonArray sent = QJsonDocument::fromJson(server.request(1).body).object()[u"messages"_s].toArray();
    QCOMPARE(sent.size(), 3); // user, assistant with thinking and the call, user with the result
    const QJsonArray assistant = sent.at(1)[u"content"_s].toArray();
    QCOMPARE(sent.at(1)[u"role"_s].toString(), u"assistant"_s);
    QCOMPARE(assistant.size(), 2);
    QCOMPARE(assistant.at(0).toObject(), QJsonObject({{u"type"_s, u"thinking"_s},
                                                      {u"thinking"_s, u"Use the calculator."_s},
                                                      {u"signature"_s, QString::fromLatin1(kSignature)}}));
    QCOMPARE(assistant.at(1).toObject(), parse(R"({"type": "tool_use", "id": "toolu_calc", "name": "calculator",
                                                   "input": {"expression": "6*7"}})"));
    QCOMPARE(sent.at(2)[u"role"_s].toString(), u"user"_s);
    QCOMPARE(sent.at(2)[u"content"_s].toArray(), QJsonArray{QJsonObject({{u"type"_s, u"tool_result"_s},
                                                                         {u"tool_use_id"_s, u"toolu_calc"_s},
                                                                         {u"content"_s, u"{\"result\":42}"_s}})});

    const QJsonObject lane = result.json();
    QCOMPARE(lane[u"status"_s].toString(), u"ok"_s);
    QCOMPARE(lane[u"text"_s].toString(), u"6 × 7 = 42."_s);
    QCOMPARE(lane[u"reasoning"_s].toString(), u"Use the calculator."_s);
    QCOMPARE(lane[u"finish_reason"_s].toString(), u"stop"_s);
    QCOMPARE(lane[u"usage"_s][u"prompt_tokens"_s].toInt(), 730);
    QCOMPARE(lane[u"usage"_s][u"completion_tokens"_s].toInt(), 57);
    const QJsonArray rounds = lane[u"tool_rounds"_s].toArray();
    QCOMPARE(rounds.size(), 2);
    QCOMPARE(rounds.at(0)[u"calls"_s].toArray().at(0)[u"result"_s].toString(), u"{\"result\":42}"_s);
    // The signature is the provider's opaque token for the next request, not part of the trace.
    QVERIFY(!QJsonDocument(lane).toJson().contains(kSignature));
}

QTEST_GUILESS_MAIN(tst_AnthropicToolLoop)
#include "tst_anthropictoolloop.moc"
