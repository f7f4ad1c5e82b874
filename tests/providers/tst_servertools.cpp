// SPDX-License-Identifier: GPL-3.0-or-later
// Server-side tools (run by the provider, never by Versus): how updates merge by id into a
// ChatResult, and their JSON form both ways.
#include "chat/chatjson.h"
#include "chat/responseaccumulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace versus;

namespace {

ServerToolCall tool(const QString &id, const QString &name = {}, const QString &arguments = {},
                    const QString &output = {}, bool finished = false, bool failed = false, const QString &error = {})
{
    return ServerToolCall{id, name, arguments, output, finished, failed, error};
}

ChatDelta deltaWith(const QList<ServerToolCall> &tools)
{
    ChatDelta delta;
    delta.serverTools = tools;
    return delta;
}

} // namespace

class TestServerTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void merging_data();
    void merging();
    void notGeneratedTokens();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonMembers();
    void jsonLenientReading();
    void reportedText_data();
    void reportedText();
};

void TestServerTools::merging_data()
{
    QTest::addColumn<QList<QList<ServerToolCall>>>("deltas"); // serverTools of each delta, in order
    QTest::addColumn<QList<ServerToolCall>>("expected");

    QTest::addRow("start then done")
        << QList<QList<ServerToolCall>>{{tool(QStringLiteral("a"), QStringLiteral("browser_search"),
                                              QStringLiteral(R"({"q":"x"})"))},
                                        {tool(QStringLiteral("a"), QStringLiteral("browser_search"), {},
                                              QStringLiteral("hits"), true)}}
        << QList<ServerToolCall>{tool(QStringLiteral("a"), QStringLiteral("browser_search"),
                                      QStringLiteral(R"({"q":"x"})"), QStringLiteral("hits"), true)};
    QTest::addRow("error then done: one failed entry, error kept")
        << QList<QList<ServerToolCall>>{{tool(QStringLiteral("t"), QStringLiteral("fetch"), QStringLiteral("{}"))},
                                        {tool(QStringLiteral("t"), {}, {}, {}, true, true,
                                              QStringLiteral("timed out"))},
                                        {tool(QStringLiteral("t"), QStringLiteral("fetch"), {},
                                              QStringLiteral("failed"), true)}}
        << QList<ServerToolCall>{tool(QStringLiteral("t"), QStringLiteral("fetch"), QStringLiteral("{}"),
                                      QStringLiteral("failed"), true, true, QStringLiteral("timed out"))};
    QTest::addRow("finished never goes back")
        << QList<QList<ServerToolCall>>{{tool(QStringLiteral("a"), QStringLiteral("python"), {}, QStringLiteral("1"),
                                              true)},
                                        {tool(QStringLiteral("a"), QStringLiteral("python"),
                                              QStringLiteral("print(1)"))}}
        << QList<ServerToolCall>{tool(QStringLiteral("a"), QStringLiteral("python"), QStringLiteral("print(1)"),
                                      QStringLiteral("1"), true)};
    QTest::addRow("order of first appearance")
        << QList<QList<ServerToolCall>>{{tool(QStringLiteral("b"), QStringLiteral("second?"))},
                                        {tool(QStringLiteral("a"), QStringLiteral("first?")),
                                         tool(QStringLiteral("b"), {}, {}, QStringLiteral("B"))},
                                        {tool(QStringLiteral("a"), {}, {}, QStringLiteral("A"), true)}}
        << QList<ServerToolCall>{tool(QStringLiteral("b"), QStringLiteral("second?"), {}, QStringLiteral("B")),
                                 tool(QStringLiteral("a"), QStringLiteral("first?"), {}, QStringLiteral("A"), true)};
}

void TestServerTools::merging()
{
    QFETCH(QList<QList<ServerToolCall>>, deltas);
    QFETCH(QList<ServerToolCall>, expected);
    ResponseAccumulator accumulator;
    QList<ServerToolCall> merged;
    for (const QList<ServerToolCall> &tools : std::as_const(deltas)) {
        accumulator.add(deltaWith(tools));
        for (const ServerToolCall &t : tools)
            mergeServerToolCall(merged, t);
    }
    QCOMPARE(accumulator.result().serverTools, expected);
    QCOMPARE(merged, expected);
}

void TestServerTools::notGeneratedTokens()
{
    const ChatDelta delta = deltaWith({tool(QStringLiteral("a"), QStringLiteral("browser_search"))});
    QVERIFY(!delta.hasTokens());
    ResponseAccumulator accumulator;
    accumulator.add(delta);
    QVERIFY(!accumulator.sawTokens());
    QVERIFY(accumulator.result().toolCalls.isEmpty());
    QVERIFY(accumulator.result().text.isEmpty());
}

void TestServerTools::jsonRoundTrip_data()
{
    QTest::addColumn<QList<ServerToolCall>>("tools");
    QTest::addRow("none") << QList<ServerToolCall>{};
    QTest::addRow("running") << QList<ServerToolCall>{
        tool(QStringLiteral("executed-0"), QStringLiteral("browser_search"), QStringLiteral(R"({"query":"x"})"))};
    QTest::addRow("done and failed") << QList<ServerToolCall>{
        tool(QStringLiteral("executed-0"), QStringLiteral("code_interpreter"), QStringLiteral("print(\"hé\")"),
             QString::fromUtf8("hé\n"), true),
        tool(QStringLiteral("fc_1"), QStringLiteral("fetch_page"), QStringLiteral("{}"), QStringLiteral("failed"), true,
             true, QStringLiteral("Request timed out"))};
}

void TestServerTools::jsonRoundTrip()
{
    QFETCH(QList<ServerToolCall>, tools);
    const QJsonArray json = serverToolsToJson(tools);
    QCOMPARE(json.size(), tools.size());
    QCOMPARE(serverToolsFromJson(json), tools);
    // Through text as well, as the history and exports store it.
    const QJsonArray reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).array();
    QCOMPARE(serverToolsFromJson(reread), tools);
}

void TestServerTools::jsonMembers()
{
    const QJsonArray json = serverToolsToJson({tool(QStringLiteral("t"), QStringLiteral("fetch"), QStringLiteral("{}"),
                                                    QStringLiteral("failed"), true, true, QStringLiteral("boom"))});
    const QJsonObject expected{
        {QStringLiteral("id"), QStringLiteral("t")},
        {QStringLiteral("name"), QStringLiteral("fetch")},
        {QStringLiteral("arguments"), QStringLiteral("{}")},
        {QStringLiteral("output"), QStringLiteral("failed")},
        {QStringLiteral("finished"), true},
        {QStringLiteral("failed"), true},
        {QStringLiteral("error"), QStringLiteral("boom")},
    };
    QCOMPARE(json, QJsonArray{expected});
}

void TestServerTools::jsonLenientReading()
{
    const QJsonArray array =
        QJsonDocument::fromJson(R"([3, {"id": "a", "finished": "yes"}, {"name": "python", "output": null}])").array();
    QCOMPARE(serverToolsFromJson(array),
             (QList<ServerToolCall>{tool(QStringLiteral("a")), tool(QString(), QStringLiteral("python"))}));
}

void TestServerTools::reportedText_data()
{
    QTest::addColumn<QByteArray>("json"); // the value, wrapped in an array
    QTest::addColumn<QString>("text");
    QTest::addRow("string") << QByteArray(R"j(["print(1)"])j") << QStringLiteral("print(1)");
    QTest::addRow("object") << QByteArray(R"([{"b": 1, "a": [true, null]}])")
                            << QStringLiteral(R"({"a":[true,null],"b":1})");
    QTest::addRow("array") << QByteArray(R"([[1, "x"]])") << QStringLiteral(R"([1,"x"])");
    QTest::addRow("number") << QByteArray("[2.5]") << QStringLiteral("2.5");
    QTest::addRow("boolean") << QByteArray("[false]") << QStringLiteral("false");
    QTest::addRow("null") << QByteArray("[null]") << QString();
}

void TestServerTools::reportedText()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    QCOMPARE(versus::reportedText(QJsonDocument::fromJson(json).array().first()), text);
    QCOMPARE(versus::reportedText(QJsonValue(QJsonValue::Undefined)), QString());
}

QTEST_GUILESS_MAIN(TestServerTools)
#include "tst_servertools.moc"
