// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation writers against exact expected documents.
#include "export/conversationexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus::history;
using namespace versus::exports;

namespace {

QDateTime at(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

/// Two lanes (the second removed later), two turns; answers complete, error, interrupted.
ConversationRecord sample()
{
    ConversationRecord c;
    c.id = 7;
    c.title = u"Sky, \"blue\""_s;
    c.createdAt = at(1764596230123);
    c.updatedAt = at(1764596290000);
    c.lanes = {LaneRecord{3, 0, u"groq"_s, u"openai/gpt-oss-120b"_s, {{u"temperature"_s, 0.5}}, false},
               LaneRecord{4, 1, u"ollama"_s, u"llama3:8b"_s, {}, true}};

    TurnRecord first;
    first.id = 11;
    first.position = 0;
    first.prompt = u"Why is the sky blue?\nShort, please."_s;
    first.createdAt = at(1764596231000);
    AnswerRecord ok;
    ok.id = 21;
    ok.turnId = 11;
    ok.laneId = 3;
    ok.state = AnswerState::Complete;
    ok.text = u"Rayleigh scattering."_s;
    ok.reasoning = u"Think of wavelengths."_s;
    ok.toolCalls = {QJsonObject{{u"id"_s, u"c1"_s}, {u"name"_s, u"calculator"_s}, {u"arguments"_s, u"{\"x\":1}"_s}}};
    ok.finishReason = u"stop"_s;
    ok.usage = {{u"prompt_tokens"_s, 12}, {u"completion_tokens"_s, 34}};
    ok.metrics = {{u"ttft_ms"_s, 120.5}, {u"e2e_ms"_s, 900}, {u"output_tokens_per_s"_s, 41.25}};
    ok.cost = {{u"total_usd"_s, 0.000123}, {u"estimated"_s, false}};
    ok.startedAt = at(1764596231000);
    ok.finishedAt = at(1764596231900);
    AnswerRecord failed;
    failed.id = 22;
    failed.turnId = 11;
    failed.laneId = 4;
    failed.state = AnswerState::Error;
    failed.error = {{u"kind"_s, u"rate_limit"_s}, {u"http_status"_s, 429}, {u"message"_s, u"slow down"_s}};
    failed.startedAt = at(1764596231000);
    failed.finishedAt = at(1764596231200);
    first.answers = {ok, failed};

    TurnRecord second;
    second.id = 12;
    second.position = 1;
    second.prompt = u"And at sunset, \"red\"?"_s;
    second.createdAt = at(1764596280000);
    AnswerRecord cut;
    cut.id = 23;
    cut.turnId = 12;
    cut.laneId = 3;
    cut.state = AnswerState::Interrupted;
    cut.text = u"Longer path, so"_s;
    cut.startedAt = at(1764596280000);
    second.answers = {cut};
    c.turns = {first, second};
    return c;
}

} // namespace

class TestConversationExport : public QObject {
    Q_OBJECT

private slots:
    void markdown();
    void json();
    void csv();
    void csvQuoting_data();
    void csvQuoting();
    void emptyConversation();
    void toolTraceAndStructuredOutput();
};

void TestConversationExport::markdown()
{
    const QString expected = uR"(# Sky, "blue"

- Created: 2025-12-01T13:37:10.123Z
- Updated: 2025-12-01T13:38:10.000Z
- Lanes:
  1. groq:openai/gpt-oss-120b
  2. ollama:llama3:8b (removed)

## Turn 1

> Why is the sky blue?
> Short, please.

### Lane 1 · groq:openai/gpt-oss-120b

*Reasoning:*

> Think of wavelengths.

Rayleigh scattering.

- Tool call `calculator`: `{"x":1}`

*TTFT 120.5 ms · E2E 900 ms · 41.25 tok/s · 12 in / 34 out tokens · $0.000123*

### Lane 2 · ollama:llama3:8b (error)

**Error** (rate_limit, HTTP 429): slow down

## Turn 2

> And at sunset, "red"?

### Lane 1 · groq:openai/gpt-oss-120b (interrupted)

Longer path, so
)"_s;
    QCOMPARE(conversationToMarkdown(sample()), expected);
}

void TestConversationExport::json()
{
    const QByteArray expected = R"({
    "conversation": {
        "created_at": "2025-12-01T13:37:10.123Z",
        "id": 7,
        "lanes": [
            {
                "id": 3,
                "model": "openai/gpt-oss-120b",
                "parameters": {
                    "temperature": 0.5
                },
                "position": 0,
                "provider": "groq",
                "removed": false,
                "target": "groq:openai/gpt-oss-120b"
            },
            {
                "id": 4,
                "model": "llama3:8b",
                "parameters": {
                },
                "position": 1,
                "provider": "ollama",
                "removed": true,
                "target": "ollama:llama3:8b"
            }
        ],
        "title": "Sky, \"blue\"",
        "turns": [
            {
                "answers": [
                    {
                        "cost": {
                            "estimated": false,
                            "total_usd": 0.000123
                        },
                        "error": null,
                        "finish_reason": "stop",
                        "finished_at": "2025-12-01T13:37:11.900Z",
                        "lane_id": 3,
                        "metrics": {
                            "e2e_ms": 900,
                            "output_tokens_per_s": 41.25,
                            "ttft_ms": 120.5
                        },
                        "reasoning": "Think of wavelengths.",
                        "started_at": "2025-12-01T13:37:11.000Z",
                        "state": "complete",
                        "structured_output": null,
                        "target": "groq:openai/gpt-oss-120b",
                        "text": "Rayleigh scattering.",
                        "tool_calls": [
                            {
                                "arguments": "{\"x\":1}",
                                "id": "c1",
                                "name": "calculator"
                            }
                        ],
                        "tool_rounds": [
                        ],
                        "usage": {
                            "completion_tokens": 34,
                            "prompt_tokens": 12
                        }
                    },
                    {
                        "cost": null,
                        "error": {
                            "http_status": 429,
                            "kind": "rate_limit",
                            "message": "slow down"
                        },
                        "finish_reason": null,
                        "finished_at": "2025-12-01T13:37:11.200Z",
                        "lane_id": 4,
                        "metrics": null,
                        "reasoning": "",
                        "started_at": "2025-12-01T13:37:11.000Z",
                        "state": "error",
                        "structured_output": null,
                        "target": "ollama:llama3:8b",
                        "text": "",
                        "tool_calls": [
                        ],
                        "tool_rounds": [
                        ],
                        "usage": null
                    }
                ],
                "created_at": "2025-12-01T13:37:11.000Z",
                "images": [
                ],
                "prompt": "Why is the sky blue?\nShort, please."
            },
            {
                "answers": [
                    {
                        "cost": null,
                        "error": null,
                        "finish_reason": null,
                        "finished_at": null,
                        "lane_id": 3,
                        "metrics": null,
                        "reasoning": "",
                        "started_at": "2025-12-01T13:38:00.000Z",
                        "state": "interrupted",
                        "structured_output": null,
                        "target": "groq:openai/gpt-oss-120b",
                        "text": "Longer path, so",
                        "tool_calls": [
                        ],
                        "tool_rounds": [
                        ],
                        "usage": null
                    }
                ],
                "created_at": "2025-12-01T13:38:00.000Z",
                "images": [
                ],
                "prompt": "And at sunset, \"red\"?"
            }
        ],
        "updated_at": "2025-12-01T13:38:10.000Z"
    }
}
)";
    const QByteArray actual = QJsonDocument(conversationToJson(sample())).toJson(QJsonDocument::Indented);
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
}

void TestConversationExport::csv()
{
    const QString expected =
        u"conversation_id,turn,lane,target,state,prompt,text,ttft_ms,e2e_ms,output_tokens_per_s,prompt_tokens,"
        u"completion_tokens,total_usd,error_kind\r\n"
        u"7,1,1,groq:openai/gpt-oss-120b,complete,\"Why is the sky blue?\nShort, please.\",Rayleigh scattering.,"
        u"120.5,900,41.25,12,34,0.000123,\r\n"
        u"7,1,2,ollama:llama3:8b,error,\"Why is the sky blue?\nShort, please.\",,,,,,,,rate_limit\r\n"
        u"7,2,1,groq:openai/gpt-oss-120b,interrupted,\"And at sunset, \"\"red\"\"?\",\"Longer path, so\","
        u",,,,,,\r\n"_s;
    QCOMPARE(conversationToCsv(sample()), expected);
}

void TestConversationExport::csvQuoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::addRow("plain") << u"plain words"_s << u"plain words"_s;
    QTest::addRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::addRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::addRow("lf") << u"a\nb"_s << u"\"a\nb\""_s;
    QTest::addRow("cr") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("unicode") << u"ünï ☀"_s << u"ünï ☀"_s;
    // A cell a spreadsheet would run as a formula is shown as text (a leading apostrophe).
    QTest::addRow("formula =") << u"=HYPERLINK(\"http://x\")"_s << u"\"'=HYPERLINK(\"\"http://x\"\")\""_s;
    QTest::addRow("formula +") << u"+1+1"_s << u"'+1+1"_s;
    QTest::addRow("formula -") << u"-2+3"_s << u"'-2+3"_s;
    QTest::addRow("formula @") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
    QTest::addRow("formula tab") << u"\t=1"_s << u"'\t=1"_s;
    QTest::addRow("formula cr") << u"\r=1"_s << u"\"'\r=1\""_s;
    QTest::addRow("sign inside") << u"a=b-c"_s << u"a=b-c"_s;
}

void TestConversationExport::csvQuoting()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    ConversationRecord c = sample();
    c.turns = {c.turns.at(1)};
    c.turns[0].prompt = u"p"_s;
    c.turns[0].answers[0].text = text;
    const QStringList lines = conversationToCsv(c).split(u"\r\n"_s);
    QCOMPARE(lines.size(), 3); // header, row, "" after the last CRLF
    QCOMPARE(lines.at(1), u"7,2,1,groq:openai/gpt-oss-120b,interrupted,p,"_s + field + u",,,,,,,"_s);
    QCOMPARE(lines.at(2), QString());
}

void TestConversationExport::emptyConversation()
{
    ConversationRecord c;
    c.id = 1;
    c.createdAt = at(0);
    c.updatedAt = at(0);
    QCOMPARE(conversationToMarkdown(c),
             u"# Untitled\n\n- Created: 1970-01-01T00:00:00.000Z\n- Updated: 1970-01-01T00:00:00.000Z\n- Lanes:\n"_s);
    QCOMPARE(conversationToCsv(c).count(u"\r\n"_s), 1);
    const QJsonObject json = conversationToJson(c).value(u"conversation").toObject();
    QCOMPARE(json.value(u"lanes").toArray().size(), 0);
    QCOMPARE(json.value(u"turns").toArray().size(), 0);
    QCOMPARE(json.value(u"title").toString(), QString());
}

void TestConversationExport::toolTraceAndStructuredOutput()
{
    ConversationRecord c;
    c.id = 9;
    c.title = u"Tools"_s;
    c.lanes = {LaneRecord{1, 0, u"groq"_s, u"openai/gpt-oss-120b"_s, {}, false}};
    TurnRecord turn;
    turn.id = 2;
    turn.prompt = u"6*7 and the weather?"_s;
    AnswerRecord answer;
    answer.laneId = 1;
    answer.turnId = 2;
    answer.state = AnswerState::Complete;
    answer.text = u"{\"total\": 42}"_s;
    const QJsonObject good{{u"id"_s, u"c1"_s},
                           {u"name"_s, u"calculator"_s},
                           {u"arguments"_s, u"{\"expression\":\"6*7\"}"_s},
                           {u"valid_json"_s, true},
                           {u"known_tool"_s, true},
                           {u"schema_errors"_s, QJsonArray()},
                           {u"result_source"_s, u"builtin"_s},
                           {u"result"_s, u"{\"result\":42}"_s},
                           {u"is_error"_s, false}};
    const QJsonObject bad{{u"id"_s, u"c2"_s},
                          {u"name"_s, u"get_weather"_s},
                          {u"arguments"_s, u"{\"city\": 5}"_s},
                          {u"valid_json"_s, true},
                          {u"known_tool"_s, true},
                          {u"schema_errors"_s,
                           QJsonArray{QJsonObject{{u"pointer"_s, u"/city"_s}, {u"message"_s, u"must be a string"_s}}}},
                          {u"result_source"_s, u"error"_s},
                          {u"result"_s, u"{\"error\":\"bad\"}"_s},
                          {u"is_error"_s, true}};
    // Arguments holding a fence must not close the block they are shown in.
    const QJsonObject server{{u"id"_s, u"s1"_s},
                             {u"name"_s, u"browser_search"_s},
                             {u"arguments"_s, u"```x```"_s},
                             {u"output"_s, u"found"_s},
                             {u"failed"_s, false}};
    answer.toolRounds = {
        QJsonObject{{u"round"_s, 1}, {u"calls"_s, QJsonArray{good, bad}}, {u"server_tools"_s, QJsonArray{server}}},
        QJsonObject{{u"round"_s, 2}, {u"calls"_s, QJsonArray()}}};
    answer.structuredOutput = QJsonObject{
        {u"valid"_s, false},
        {u"errors"_s, QJsonArray{QJsonObject{{u"pointer"_s, u"/total"_s}, {u"message"_s, u"must be a string"_s}}}}};
    turn.answers = {answer};
    c.turns = {turn};

    const QString md = conversationToMarkdown(c);
    QVERIFY2(md.contains(u"**Tool round 1**"_s), qPrintable(md));
    QVERIFY(!md.contains(u"Tool round 2"_s)); // a round without calls has nothing to show
    QVERIFY(md.contains(u"- Call `calculator` (c1)\n\n```json\n{\"expression\":\"6*7\"}\n```"_s));
    QVERIFY(md.contains(u"Result (builtin):\n\n```json\n{\"result\":42}\n```"_s));
    QVERIFY(md.contains(u"- Call `get_weather` (c2) — **/city: must be a string**"_s));
    QVERIFY(md.contains(u"Result (error, error)"_s));
    QVERIFY(md.contains(u"`browser_search` (run by the provider)"_s));
    QVERIFY(md.contains(u"````\n```x```\n````"_s));
    QVERIFY(md.contains(u"*Structured output: invalid*\n- `/total`: must be a string"_s));

    const QJsonObject json = conversationToJson(c);
    const QJsonObject stored =
        json[u"conversation"_s][u"turns"_s].toArray().at(0)[u"answers"_s].toArray().at(0).toObject();
    QCOMPARE(stored[u"tool_rounds"_s].toArray(), answer.toolRounds);
    QCOMPARE(stored[u"structured_output"_s].toObject(), answer.structuredOutput);
}

QTEST_APPLESS_MAIN(TestConversationExport)
#include "tst_conversationexport.moc"
