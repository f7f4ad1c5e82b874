// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces of the tool loop that need no network: the structured-output check, the trace's
// JSON both ways, a call's check and answer, and how a turn of several rounds adds up.
#include "compare/toolrounds.h"
#include "tools/toolanswers.h"
#include "tools/tooltrace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace versus;
using namespace versus::tools;
using namespace Qt::StringLiterals;

namespace {

const QJsonObject kPerson{{u"type"_s, u"object"_s},
                          {u"properties"_s, QJsonObject{{u"age"_s, QJsonObject{{u"type"_s, u"integer"_s}}}}},
                          {u"required"_s, QJsonArray{u"age"_s}}};

ToolRound round(int number, std::optional<qint64> prompt, std::optional<qint64> completion, qint64 costMicro)
{
    ToolRound r;
    r.number = number;
    r.usage.promptTokens = prompt;
    r.usage.completionTokens = completion;
    if (costMicro >= 0) {
        CostBreakdown cost;
        cost.totalMicroUsd = costMicro;
        cost.outputMicroUsd = costMicro;
        r.cost = cost;
    }
    return r;
}

} // namespace

class tst_ToolTraceCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void structuredOutput_data();
    void structuredOutput();
    void roundTripsThroughJson();
    void callCheckAndAnswer_data();
    void callCheckAndAnswer();
    void roundsAddUp_data();
    void roundsAddUp();
    void costPartsAddUp();
    void callIdsAreGivenAndUnique();
};

void tst_ToolTraceCore::structuredOutput_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("jsonError");
    QTest::addColumn<QStringList>("pointers");
    QTest::newRow("valid") << u"{\"age\": 36}"_s << true << false << QStringList();
    QTest::newRow("spaces around") << u"  \n{\"age\": 36}\n "_s << true << false << QStringList();
    QTest::newRow("json fence") << u"```json\n{\"age\": 36}\n```"_s << true << false << QStringList();
    QTest::newRow("fence with CRLF") << u"```json\r\n{\"age\": 36}\r\n```"_s << true << false << QStringList();
    QTest::newRow("bare fence") << u"```\n{\"age\": 36}\n```"_s << true << false << QStringList();
    QTest::newRow("wrong type") << u"{\"age\": \"36\"}"_s << false << false << QStringList{u"/age"_s};
    QTest::newRow("missing member") << u"{}"_s << false << false << QStringList{QString()};
    QTest::newRow("a scalar") << u"36"_s << false << false << QStringList{QString()};
    QTest::newRow("prose") << u"Ada was 36."_s << false << true << QStringList();
    QTest::newRow("two documents") << u"{\"age\": 1} {\"age\": 2}"_s << false << true << QStringList();
    QTest::newRow("text around a fence") << u"Here:\n```json\n{\"age\": 36}\n```"_s << false << true << QStringList();
    QTest::newRow("empty") << QString() << false << true << QStringList();
}

void tst_ToolTraceCore::structuredOutput()
{
    QFETCH(QString, answer);
    QFETCH(bool, valid);
    QFETCH(bool, jsonError);
    QFETCH(QStringList, pointers);
    const StructuredOutputCheck check = checkStructuredOutput(answer, kPerson);
    QCOMPARE(check.valid, valid);
    QCOMPARE(!check.jsonError.isEmpty(), jsonError);
    QStringList found;
    for (const SchemaError &error : check.errors)
        found << error.pointer;
    QCOMPARE(found, pointers);
    QCOMPARE(structuredOutputFromJson(structuredOutputToJson(check)), std::optional(check));
}

void tst_ToolTraceCore::roundTripsThroughJson()
{
    ToolRound first = round(1, 120, 18, 90);
    first.status = ResultStatus::Ok;
    first.text = u"Let me compute."_s;
    first.reasoning = u"calculator"_s;
    first.finishReason = u"tool_calls"_s;
    first.startMs = 0;
    first.metrics.ttftMs = 120.25;
    first.metrics.e2eMs = 400.5;
    ToolCallTrace good;
    good.call = ToolCall{0, u"c1"_s, u"calculator"_s, u"{\"expression\":\"6*7\"}"_s, {}};
    good.validJson = true;
    good.arguments = QJsonObject{{u"expression"_s, u"6*7"_s}};
    good.knownTool = true;
    good.source = ResultSource::Builtin;
    good.result = u"{\"result\":42}"_s;
    ToolCallTrace bad;
    bad.call = ToolCall{1, u"c2"_s, u"get_weather"_s, u"{\"city\": 4"_s, {}};
    bad.jsonError = u"unterminated object at character 11"_s;
    bad.knownTool = true;
    bad.source = ResultSource::Error;
    bad.result = u"{\"error\":\"the arguments are not valid JSON\"}"_s;
    bad.isError = true;
    ToolCallTrace waiting;
    waiting.call = ToolCall{2, u"c3"_s, u"confirm"_s, u"{}"_s, {}};
    waiting.validJson = true;
    waiting.knownTool = true;
    waiting.schemaErrors = {SchemaError{u"/x"_s, u"type"_s, u"must be a string"_s}};
    waiting.source = ResultSource::Pending;
    first.calls = {good, bad, waiting};
    first.serverTools = {ServerToolCall{u"s1"_s, u"browser_search"_s, u"{\"q\":1}"_s, u"found"_s, true, false, {}}};
    ToolRound second = round(2, 150, 6, 30);
    second.status = ResultStatus::Truncated;
    second.startMs = 410.75;

    const QList<ToolRound> rounds{first, second};
    const QJsonArray json = toolRoundsToJson(rounds);
    // Through text, as the history stores it.
    const QList<ToolRound> back =
        toolRoundsFromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).array());
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.at(0).calls, first.calls);
    QCOMPARE(back.at(0).serverTools, first.serverTools);
    QCOMPARE(back.at(0).text, first.text);
    QCOMPARE(back.at(0).reasoning, first.reasoning);
    QCOMPARE(back.at(0).finishReason, first.finishReason);
    QCOMPARE(back.at(0).usage, first.usage);
    QCOMPARE(back.at(0).metrics.ttftMs, first.metrics.ttftMs);
    QCOMPARE(back.at(0).cost->totalMicroUsd, 90);
    QCOMPARE(back.at(1).status, ResultStatus::Truncated);
    QCOMPARE(back.at(1).startMs, 410.75);
    // A pending call has no result yet: null, not an empty string.
    QVERIFY(json.at(0)[u"calls"_s].toArray().at(2)[u"result"_s].isNull());
    const ToolStats stats = toolStats(back);
    QCOMPARE(stats.rounds, 2);
    QCOMPARE(stats.calls, 3);
    QCOMPARE(stats.invalidCalls, 2);
    QCOMPARE(stats.serverCalls, 1);
    QVERIFY(!stats.answered); // the last round was truncated
}

void tst_ToolTraceCore::callCheckAndAnswer_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<int>("source");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("resultHas");
    QTest::newRow("builtin") << u"calc"_s << u"{\"expression\":\"1/8\"}"_s << int(ResultSource::Builtin) << false
                             << u"{\"result\":0.125}"_s;
    QTest::newRow("builtin reports an error")
        << u"calc"_s << u"{\"expression\":\"1/0\"}"_s << int(ResultSource::Builtin) << true << u"division by zero"_s;
    QTest::newRow("empty arguments are an empty object")
        << u"ask"_s << QString() << int(ResultSource::Pending) << false << QString();
    QTest::newRow("not an object") << u"calc"_s << u"[1]"_s << int(ResultSource::Error) << true << u"not valid JSON"_s;
    QTest::newRow("schema") << u"calc"_s << u"{\"expression\": 5}"_s << int(ResultSource::Error) << true
                            << u"/expression"_s;
    QTest::newRow("unknown tool") << u"nope"_s << u"{}"_s << int(ResultSource::Error) << true
                                  << u"\"available_tools\":[\"calc\",\"ask\",\"echo\"]"_s;
    QTest::newRow("mock") << u"echo"_s << u"{\"word\": \"hi\"}"_s << int(ResultSource::Mock) << false
                          << u"{\"said\":\"hi\"}"_s;
}

void tst_ToolTraceCore::callCheckAndAnswer()
{
    QFETCH(QString, name);
    QFETCH(QString, arguments);
    QFETCH(int, source);
    QFETCH(bool, isError);
    QFETCH(QString, resultHas);
    const auto tools = ToolSet::fromJson(R"([
        {"type": "function", "function": {"name": "calc"}, "result": {"builtin": "calculator"}},
        {"type": "function", "function": {"name": "ask", "parameters": {"type": "object"}}},
        {"type": "function", "function": {"name": "echo"}, "result": {"mock": {"said": "{{word}}"}}}])");
    QVERIFY2(tools, qPrintable(tools.error()));
    ToolCallTrace trace = checkToolCall(ToolCall{0, u"id"_s, name, arguments, {}}, *tools);
    answerToolCall(trace, *tools, QDateTime::currentDateTimeUtc());
    QCOMPARE(int(trace.source), source);
    QCOMPARE(trace.isError, isError);
    QVERIFY2(trace.result.contains(resultHas), qPrintable(trace.result));
    if (trace.source != ResultSource::Pending)
        QVERIFY(QJsonDocument::fromJson(trace.result.toUtf8()).isObject()); // every result is a JSON object
}

void tst_ToolTraceCore::roundsAddUp_data()
{
    QTest::addColumn<QList<ToolRound>>("rounds");
    QTest::addColumn<std::optional<qint64>>("prompt");
    QTest::addColumn<std::optional<qint64>>("cost");
    QTest::newRow("two counted rounds") << QList<ToolRound>{round(1, 100, 10, 50), round(2, 130, 5, 40)}
                                        << std::optional<qint64>(230) << std::optional<qint64>(90);
    QTest::newRow("a round refused before any token")
        << QList<ToolRound>{round(1, 100, 10, 50), round(2, std::nullopt, std::nullopt, -1)}
        << std::optional<qint64>(100) << std::optional<qint64>(50);
    QTest::newRow("a counted round without a price") << QList<ToolRound>{round(1, 100, 10, 50), round(2, 130, 5, -1)}
                                                     << std::optional<qint64>(230) << std::optional<qint64>();
    QTest::newRow("a count one round lacks") << QList<ToolRound>{round(1, 100, 10, 50), round(2, std::nullopt, 5, 40)}
                                             << std::optional<qint64>() << std::optional<qint64>(90);
}

void tst_ToolTraceCore::roundsAddUp()
{
    QFETCH(QList<ToolRound>, rounds);
    QFETCH(std::optional<qint64>, prompt);
    QFETCH(std::optional<qint64>, cost);
    LaneResult result;
    mergeRounds(result, rounds);
    QCOMPARE(result.chat.usage.promptTokens, prompt);
    QCOMPARE(result.cost ? std::optional<qint64>(result.cost->totalMicroUsd) : std::nullopt, cost);
}

// Every part of the cost adds up over the rounds, cache writes included, so the parts still
// make the total (an Anthropic loop writes to the cache in later rounds too).
void tst_ToolTraceCore::costPartsAddUp()
{
    auto priced = [](int number, qint64 input, qint64 cached, qint64 cacheWrite, qint64 output) {
        ToolRound r = round(number, 1000, 10, 0);
        r.cost->inputMicroUsd = input;
        r.cost->cachedInputMicroUsd = cached;
        r.cost->cacheWriteMicroUsd = cacheWrite;
        r.cost->outputMicroUsd = output;
        r.cost->totalMicroUsd = input + cached + cacheWrite + output;
        return r;
    };
    LaneResult result;
    mergeRounds(result, {priced(1, 300, 0, 3750, 150), priced(2, 20, 300, 1250, 90)});
    QVERIFY(result.cost);
    QCOMPARE(result.cost->inputMicroUsd, 320);
    QCOMPARE(result.cost->cachedInputMicroUsd, 300);
    QCOMPARE(result.cost->cacheWriteMicroUsd, 5000);
    QCOMPARE(result.cost->outputMicroUsd, 240);
    QCOMPARE(result.cost->totalMicroUsd, 5860);
}

void tst_ToolTraceCore::callIdsAreGivenAndUnique()
{
    QList<ToolCall> calls{{0, QString(), u"a"_s, {}, {}}, {1, u"x"_s, u"b"_s, {}, {}}, {2, u"x"_s, u"c"_s, {}, {}}};
    giveCallIds(calls, 3);
    QCOMPARE(calls.at(0).id, u"call_3_0"_s);
    QCOMPARE(calls.at(1).id, u"x"_s);
    QCOMPARE(calls.at(2).id, u"call_3_2"_s);
}

QTEST_GUILESS_MAIN(tst_ToolTraceCore)
#include "tst_tooltrace.moc"
