// SPDX-License-Identifier: GPL-3.0-or-later
// The tools file (every error it can give, a round trip, what is sent), mock templates,
// and the current_time built-in.
#include "tools/currenttime.h"
#include "tools/toolset.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus::tools;

namespace {

/// A tools file with every kind of result and both the wrapped and the bare form.
const QByteArray kValidFile = R"([
  {"type": "function",
   "function": {"name": "get_weather", "description": "Weather of a city",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}},
   "result": {"mock": {"city": "{{city}}", "sky": "sunny"}}},
  {"type": "function", "function": {"name": "calc"}, "result": {"builtin": "calculator"}},
  {"name": "lookup", "description": "Ask the user", "parameters": {"type": "object"}},
  {"type": "function", "function": {"name": "ask_me"}, "result": {"ask": true}},
  {"type": "function", "function": {"name": "clock", "description": "My clock"},
   "result": {"builtin": "current_time"}}
])";

QJsonValue parseValue(const QByteArray &json)
{
    return QJsonDocument::fromJson('[' + json + ']').array().at(0);
}

QDateTime utcAt(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

} // namespace

class TestToolSet : public QObject {
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void fileErrors();
    void validFile();
    void roundTrip();
    void builtinDefinitions();
    void mockTemplates_data();
    void mockTemplates();
    void currentTime_data();
    void currentTime();
};

void TestToolSet::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    const QString forms = uR"({"builtin": "calculator"}, {"mock": <JSON>} or {"ask": true})"_s;
    QTest::newRow("empty") << QByteArray(" \n")
                           << u"the tools file is empty: write a JSON array of tool objects ([] for none)"_s;
    QTest::newRow("not JSON, line and column") << QByteArray("[\n  {\"name\": \"\xc3\xa9\" \"a\"}\n]")
                                               << u"not valid JSON at line 2, column 17: unterminated object"_s;
    QTest::newRow("garbage after the array")
        << QByteArray(R"([{"name":"a"}] x)")
        << u"not valid JSON at line 1, column 16: garbage at the end of the document"_s;
    QTest::newRow("one tool not in an array")
        << QByteArray(R"({"name": "a"})")
        << u"the tools file must be a JSON array of tool objects (found a single tool object: put it inside [ ])"_s;
    QTest::newRow("a tools member")
        << QByteArray(R"({"tools": []})")
        << uR"(the tools file must be a JSON array of tool objects (found an object: put its "tools" array at the top level))"_s;
    QTest::newRow("another object") << QByteArray(R"({"a": 1})")
                                    << u"the tools file must be a JSON array of tool objects (found an object)"_s;
    QTest::newRow("entry not an object") << QByteArray("[42]") << u"tool 1: must be a JSON object"_s;
    QTest::newRow("function not an object") << QByteArray(R"([{"type": "function", "function": "calc"}])")
                                            << uR"(tool 1: "function" must be a JSON object)"_s;
    QTest::newRow("wrong type") << QByteArray(R"([{"type": "tool", "function": {"name": "a"}}])")
                                << uR"(tool 1 ("a"): "type" must be "function")"_s;
    QTest::newRow("neither function nor name")
        << QByteArray(R"([{"description": "x"}])")
        << uR"(tool 1: needs a "function" object, or a bare function object with a "name")"_s;
    QTest::newRow("function without name") << QByteArray(R"([{"type": "function", "function": {"description": "x"}}])")
                                           << uR"(tool 1: "function" has no "name")"_s;
    QTest::newRow("name not a string") << QByteArray(R"([{"name": 7}])") << uR"(tool 1: "name" must be a string)"_s;
    QTest::newRow("name with a space")
        << QByteArray(R"([{"name": "get weather"}])")
        << uR"(tool 1 ("get weather"): invalid name: use 1 to 64 letters, digits, '_' or '-')"_s;
    QTest::newRow("empty name") << QByteArray(R"([{"name": ""}])")
                                << u"tool 1: invalid name: use 1 to 64 letters, digits, '_' or '-'"_s;
    const QString longName = QString(65, u'a');
    QTest::newRow("65-character name") << QByteArray(R"([{"name": ")" + longName.toUtf8() + R"("}])")
                                       << u"tool 1 (\""_s + longName +
                                              u"\"): invalid name: use 1 to 64 letters, digits, '_' or '-'"_s;
    QTest::newRow("description not a string")
        << QByteArray(R"([{"name": "a", "description": 3}])") << uR"(tool 1 ("a"): "description" must be a string)"_s;
    QTest::newRow("parameters not an object")
        << QByteArray(
               R"([{"name": "ok"}, {"type": "function", "function": {"name": "get_weather", "parameters": []}}])")
        << uR"(tool 2 ("get_weather"): "parameters" must be a JSON object)"_s;
    QTest::newRow("unknown built-in") << QByteArray(R"([{"name": "x", "result": {"builtin": "clock"}}])")
                                      << uR"(tool 1 ("x"): unknown built-in "clock" (calculator, current_time))"_s;
    QTest::newRow("built-in not a string") << QByteArray(R"([{"name": "x", "result": {"builtin": 1}}])")
                                           << uR"(tool 1 ("x"): unknown built-in 1 (calculator, current_time))"_s;
    QTest::newRow("two results") << QByteArray(R"([{"name": "x", "result": {"builtin": "calculator", "mock": 1}}])")
                                 << uR"(tool 1 ("x"): "result" has more than one of "builtin", "mock" and "ask")"_s;
    QTest::newRow("mock and ask") << QByteArray(R"([{"name": "x", "result": {"ask": true, "mock": 1}}])")
                                  << uR"(tool 1 ("x"): "result" has more than one of "builtin", "mock" and "ask")"_s;
    QTest::newRow("unknown result member") << QByteArray(R"([{"name": "x", "result": {"moc": 1}}])")
                                           << uR"(tool 1 ("x"): "result" has an unknown member "moc": use )"_s + forms;
    QTest::newRow("empty result") << QByteArray(R"([{"name": "x", "result": {}}])")
                                  << uR"(tool 1 ("x"): "result" is empty: use )"_s + forms;
    QTest::newRow("result not an object") << QByteArray(R"([{"name": "x", "result": "calculator"}])")
                                          << uR"(tool 1 ("x"): "result" must be an object: )"_s + forms;
    QTest::newRow("ask false")
        << QByteArray(R"([{"name": "x", "result": {"ask": false}}])")
        << uR"(tool 1 ("x"): "ask" must be true (or leave "result" out: asking is the default))"_s;
    QTest::newRow("result inside function")
        << QByteArray(R"([{"type": "function", "function": {"name": "x", "result": {"ask": true}}}])")
        << uR"(tool 1 ("x"): "result" belongs beside "function", not inside it)"_s;
    QTest::newRow("duplicate name") << QByteArray(R"([{"name": "calc"}, {"name": "b"}, {"name": "calc"}])")
                                    << uR"(tool 3 ("calc"): duplicate name, tool 1 has it too)"_s;
}

void TestToolSet::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const auto set = ToolSet::fromJson(json);
    QVERIFY(!set);
    QCOMPARE(set.error(), expected);
}

void TestToolSet::fileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"missing.json"_s);
    QCOMPARE(ToolSet::fromFile(missing).error(),
             u"cannot read the tools file \""_s + missing + u"\": No such file or directory"_s);
    QCOMPARE(ToolSet::fromFile(dir.path()).error(),
             u"cannot read the tools file \""_s + dir.path() + u"\": file to open is a directory"_s);

    const QString bad = dir.filePath(u"bad.json"_s);
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"name": "a b"}])");
    file.close();
    QCOMPARE(ToolSet::fromFile(bad).error(),
             u"tools file \""_s + bad +
                 uR"(": tool 1 ("a b"): invalid name: use 1 to 64 letters, digits, '_' or '-')"_s);

    const QString good = dir.filePath(u"tools.json"_s);
    QFile goodFile(good);
    QVERIFY(goodFile.open(QIODevice::WriteOnly));
    goodFile.write(kValidFile);
    goodFile.close();
    const auto set = ToolSet::fromFile(good);
    QVERIFY2(set, qPrintable(set.error()));
    QCOMPARE(set->tools().size(), 5);
}

void TestToolSet::validFile()
{
    const auto set = ToolSet::fromJson(kValidFile);
    QVERIFY2(set, qPrintable(set.error()));
    QCOMPARE(set->tools().size(), 5);
    QVERIFY(!set->isEmpty());
    QVERIFY(set->needsUser());

    const ToolDefinition *weather = set->find(u"get_weather"_s);
    QVERIFY(weather);
    QCOMPARE(weather->description, u"Weather of a city"_s);
    QCOMPARE(weather->parameters.value(u"type").toString(), u"object"_s);
    QCOMPARE(weather->result.kind, ToolResultSpec::Kind::Mock);
    QCOMPARE(weather->result.mock, parseValue(R"({"city": "{{city}}", "sky": "sunny"})"));

    // A built-in without parameters or description gets the built-in's own.
    const ToolDefinition *calc = set->find(u"calc"_s);
    QVERIFY(calc);
    QCOMPARE(calc->result.kind, ToolResultSpec::Kind::Builtin);
    QCOMPARE(calc->result.builtin, u"calculator"_s);
    QCOMPARE(calc->parameters, ToolSet::builtinDefinition(u"calculator"_s).parameters);
    QCOMPARE(calc->description, ToolSet::builtinDefinition(u"calculator"_s).description);
    QCOMPARE(calc->wire.value(u"function").toObject().value(u"parameters").toObject(), calc->parameters);
    // ... but keeps a description of its own.
    const ToolDefinition *clock = set->find(u"clock"_s);
    QVERIFY(clock);
    QCOMPARE(clock->description, u"My clock"_s);
    QCOMPARE(clock->parameters, ToolSet::builtinDefinition(u"current_time"_s).parameters);

    // A bare function object is sent wrapped; no "result" means the user answers.
    const ToolDefinition *lookup = set->find(u"lookup"_s);
    QVERIFY(lookup);
    QCOMPARE(lookup->result.kind, ToolResultSpec::Kind::Ask);
    QCOMPARE(lookup->wire, parseValue(R"({"type": "function", "function": {"name": "lookup",
                                          "description": "Ask the user", "parameters": {"type": "object"}}})")
                               .toObject());
    QCOMPARE(set->find(u"ask_me"_s)->result.kind, ToolResultSpec::Kind::Ask);
    QCOMPARE(set->find(u"ask_me"_s)->parameters, QJsonObject());
    QVERIFY(!set->find(u"nope"_s));

    // What is sent: the wire objects in file order, never a "result" member.
    const QJsonArray wire = set->wireTools();
    QCOMPARE(wire.size(), 5);
    for (qsizetype i = 0; i < wire.size(); ++i) {
        const QJsonObject tool = wire.at(i).toObject();
        QCOMPARE(tool.keys(), (QStringList{u"function"_s, u"type"_s}));
        QVERIFY(!tool.value(u"function").toObject().contains(u"result"));
        QCOMPARE(tool.value(u"function").toObject().value(u"name").toString(), set->tools().at(i).name);
    }
    QCOMPARE(wire.at(0).toObject().value(u"function").toObject(),
             parseValue(R"({"name": "get_weather", "description": "Weather of a city",
                            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}})")
                 .toObject());

    const auto empty = ToolSet::fromJson("[]");
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
    QVERIFY(!empty->needsUser());
    QCOMPARE(empty->wireTools(), QJsonArray());
}

void TestToolSet::roundTrip()
{
    const auto set = ToolSet::fromJson(kValidFile);
    QVERIFY(set);
    const QByteArray saved = set->toJson();
    const auto again = ToolSet::fromJson(saved);
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->tools(), set->tools());
    QCOMPARE(again->toJson(), saved);
    // Ask, the default, is left out; the other results are written back.
    const QJsonArray array = QJsonDocument::fromJson(saved).array();
    QCOMPARE(array.at(0).toObject().value(u"result"), parseValue(R"({"mock": {"city": "{{city}}", "sky": "sunny"}})"));
    QCOMPARE(array.at(1).toObject().value(u"result"), parseValue(R"({"builtin": "calculator"})"));
    QVERIFY(!array.at(2).toObject().contains(u"result"));
    QVERIFY(!array.at(3).toObject().contains(u"result"));
}

void TestToolSet::builtinDefinitions()
{
    const ToolDefinition calculator = ToolSet::builtinDefinition(u"calculator"_s);
    QCOMPARE(calculator.name, u"calculator"_s);
    QCOMPARE(calculator.result.kind, ToolResultSpec::Kind::Builtin);
    QCOMPARE(calculator.parameters.value(u"required").toArray(), QJsonArray{u"expression"_s});
    QVERIFY(calculator.parameters.value(u"properties").toObject().contains(u"expression"));
    QVERIFY(!calculator.description.isEmpty());
    // The ready-made definition reads back as itself.
    const QByteArray file = "[" + QJsonDocument(calculator.wire).toJson() + "]";
    const auto set = ToolSet::fromJson(file);
    QVERIFY(set);
    QCOMPARE(set->tools().at(0).wire, calculator.wire);

    const ToolDefinition clock = ToolSet::builtinDefinition(u"current_time"_s);
    QCOMPARE(clock.name, u"current_time"_s);
    QVERIFY(clock.parameters.value(u"properties").toObject().contains(u"timezone"));
    QVERIFY(!clock.parameters.contains(u"required"));
    QCOMPARE(clock.wire.value(u"function").toObject().value(u"name").toString(), u"current_time"_s);

    QVERIFY(ToolSet::builtinDefinition(u"clock"_s).name.isEmpty());
}

void TestToolSet::mockTemplates_data()
{
    QTest::addColumn<QByteArray>("mock");
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray city = R"({"city": "Paris", "n": 3, "flag": true, "nothing": null, "filter": {"a": [1, 2]}})";
    QTest::newRow("string inserted") << QByteArray(R"("sunny in {{city}}")") << city
                                     << QByteArray(R"("sunny in Paris")");
    QTest::newRow("number inside a string") << QByteArray(R"("{{n}} items")") << city << QByteArray(R"("3 items")");
    QTest::newRow("bool inside a string") << QByteArray(R"("flag={{flag}}")") << city << QByteArray(R"("flag=true")");
    QTest::newRow("object inside a string")
        << QByteArray(R"("got {{filter}}")") << city << QByteArray(R"("got {\"a\":[1,2]}")");
    QTest::newRow("whole value keeps its type")
        << QByteArray(R"({"count": "{{n}}"})") << city << QByteArray(R"({"count":3})");
    QTest::newRow("whole object value") << QByteArray(R"({"echo": "{{filter}}"})") << city
                                        << QByteArray(R"({"echo":{"a":[1,2]}})");
    QTest::newRow("whole null value") << QByteArray(R"(["{{nothing}}"])") << city << QByteArray("[null]");
    QTest::newRow("whole string value") << QByteArray(R"("{{city}}")") << city << QByteArray(R"("Paris")");
    QTest::newRow("spaces inside the braces")
        << QByteArray(R"(["{{ n }}", "{{ city }}!"])") << city << QByteArray(R"([3,"Paris!"])");
    QTest::newRow("nested objects and arrays")
        << QByteArray(R"({"forecast": [{"city": "{{city}}", "temp": 21}, {"days": ["{{n}}", "in {{city}}"]}]})") << city
        << QByteArray(R"({"forecast":[{"city":"Paris","temp":21},{"days":[3,"in Paris"]}]})");
    QTest::newRow("keys untouched") << QByteArray(R"({"{{city}}": "{{city}}"})") << city
                                    << QByteArray(R"({"{{city}}":"Paris"})");
    QTest::newRow("unknown placeholder kept")
        << QByteArray(R"("{{nope}} and {{city}}")") << city << QByteArray(R"("{{nope}} and Paris")");
    QTest::newRow("whole unknown placeholder kept")
        << QByteArray(R"({"x": "{{nope}}"})") << city << QByteArray(R"({"x":"{{nope}}"})");
    QTest::newRow("extra braces") << QByteArray(R"("{{{city}}}")") << city << QByteArray(R"("{Paris}")");
    QTest::newRow("unclosed placeholder") << QByteArray(R"("{{city")") << city << QByteArray(R"("{{city")");
    QTest::newRow("inserted text is not filled again")
        << QByteArray(R"("{{a}}")") << QByteArray(R"({"a": "{{b}}", "b": "no"})") << QByteArray(R"("{{b}}")");
    QTest::newRow("number mock") << QByteArray("42") << city << QByteArray("42");
    QTest::newRow("null mock") << QByteArray("null") << city << QByteArray("null");
    QTest::newRow("no arguments") << QByteArray(R"({"ok": true})") << QByteArray("{}") << QByteArray(R"({"ok":true})");
}

void TestToolSet::mockTemplates()
{
    QFETCH(QByteArray, mock);
    QFETCH(QByteArray, arguments);
    QFETCH(QByteArray, expected);
    QCOMPARE(fillMockTemplate(parseValue(mock), QJsonDocument::fromJson(arguments).object()), expected);
}

void TestToolSet::currentTime_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray utc = R"({"timezone":"UTC","iso8601":"2026-12-01T16:05:00Z","utc":"2026-12-01T16:05:00Z",)"
                           R"("weekday":"Tuesday","unix":1796141100})";
    QTest::newRow("UTC by default") << QByteArray("{}") << u"2026-12-01T16:05:00.789Z"_s << utc;
    QTest::newRow("null zone") << QByteArray(R"({"timezone": null})") << u"2026-12-01T16:05:00Z"_s << utc;
    QTest::newRow("empty zone") << QByteArray(R"({"timezone": ""})") << u"2026-12-01T16:05:00Z"_s << utc;
    QTest::newRow("Paris in winter") << QByteArray(R"({"timezone": "Europe/Paris"})") << u"2026-12-01T16:05:00Z"_s
                                     << QByteArray(
                                            R"({"timezone":"Europe/Paris","iso8601":"2026-12-01T17:05:00+01:00",)"
                                            R"("utc":"2026-12-01T16:05:00Z","weekday":"Tuesday","unix":1796141100})");
    QTest::newRow("Paris in summer") << QByteArray(R"({"timezone": "Europe/Paris"})") << u"2026-07-14T10:30:00Z"_s
                                     << QByteArray(
                                            R"({"timezone":"Europe/Paris","iso8601":"2026-07-14T12:30:00+02:00",)"
                                            R"("utc":"2026-07-14T10:30:00Z","weekday":"Tuesday","unix":1784025000})");
    QTest::newRow("zone in the wrong case")
        << QByteArray(R"({"timezone": "europe/paris"})") << u"2026-12-01T16:05:00Z"_s
        << QByteArray(R"({"timezone":"Europe/Paris","iso8601":"2026-12-01T17:05:00+01:00",)"
                      R"("utc":"2026-12-01T16:05:00Z","weekday":"Tuesday","unix":1796141100})");
    QTest::newRow("the day before in New York")
        << QByteArray(R"({"timezone": "America/New_York"})") << u"2026-12-01T03:00:00Z"_s
        << QByteArray(R"({"timezone":"America/New_York","iso8601":"2026-11-30T22:00:00-05:00",)"
                      R"("utc":"2026-12-01T03:00:00Z","weekday":"Monday","unix":1796094000})");
    QTest::newRow("half-hour offset, next year")
        << QByteArray(R"({"timezone": "Asia/Kolkata"})") << u"2026-12-31T23:30:00Z"_s
        << QByteArray(R"({"timezone":"Asia/Kolkata","iso8601":"2027-01-01T05:00:00+05:30",)"
                      R"("utc":"2026-12-31T23:30:00Z","weekday":"Friday","unix":1798759800})");
    QTest::newRow("unknown zone") << QByteArray(R"({"timezone": "Mars/Base"})") << u"2026-12-01T16:05:00Z"_s
                                  << QByteArray(R"({"error":"unknown time zone \"Mars/Base\""})");
    QTest::newRow("zone not a string") << QByteArray(R"({"timezone": 1})") << u"2026-12-01T16:05:00Z"_s
                                       << QByteArray(
                                              R"({"error":"\"timezone\" must be a string such as \"Europe/Paris\""})");
}

void TestToolSet::currentTime()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, now);
    QFETCH(QByteArray, expected);
    const QDateTime nowUtc = utcAt(now);
    QVERIFY(nowUtc.isValid());
    const QByteArray json = runCurrentTime(QJsonDocument::fromJson(arguments).object(), nowUtc);
    QCOMPARE(json, expected);
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

QTEST_GUILESS_MAIN(TestToolSet)
#include "tst_toolset.moc"
