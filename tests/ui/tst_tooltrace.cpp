// SPDX-License-Identifier: GPL-3.0-or-later
// Function calling in the window, offscreen, against the scripted loopback server: tools set
// in a lane's Tools dialog go out with the request; the loop's trace shows as cards under the
// answer (a call opens to its arguments and result, an invalid one is red); an "ask" tool is
// answered from the form under the conversation and the loop goes on; the structured-output
// check shows in the lane.
#include "appsettings.h"
#include "composer.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "englishplurals.h"
#include "lanetargetbar.h"
#include "lanetoolsdialog.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "mcp/hub.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"
#include "toolaskpanel.h"
#include "tooltracerender.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

const Target kGroqTarget{u"groq"_s, u"openai/gpt-oss-120b"_s};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null)
{
    return compact({{u"id"_s, u"c1"_s},
                    {u"choices"_s, QJsonArray{QJsonObject{
                                       {u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finishReason}}}}});
}

QByteArray callChunk(int index, const QString &id, const QString &name, const QString &arguments)
{
    return chunk(
        {{u"tool_calls"_s,
          QJsonArray{QJsonObject{{u"index"_s, index},
                                 {u"id"_s, id},
                                 {u"type"_s, u"function"_s},
                                 {u"function"_s, QJsonObject{{u"name"_s, name}, {u"arguments"_s, arguments}}}}}}});
}

QByteArray finishChunk(const QString &reason)
{
    QJsonObject object = QJsonDocument::fromJson(chunk({}, reason)).object();
    object.insert(u"usage"_s,
                  QJsonObject{{u"prompt_tokens"_s, 50}, {u"completion_tokens"_s, 9}, {u"total_tokens"_s, 59}});
    return compact(object);
}

ScriptedResponse textAnswer(const QString &text)
{
    return ScriptedResponse::sseData({chunk({{u"content"_s, text}}), finishChunk(u"stop"_s)});
}

const char *kTools = R"([
  {"type": "function", "function": {"name": "confirm_order", "description": "Ask the user to confirm",
    "parameters": {"type": "object", "properties": {"item": {"type": "string"}}, "required": ["item"]}}},
  {"type": "function", "function": {"name": "calculator",
    "parameters": {"type": "object", "properties": {"expression": {"type": "string"}}, "required": ["expression"]}},
   "result": {"builtin": "calculator"}}
])";

struct Harness {
    QTemporaryDir dir;
    QNetworkAccessManager network;
    MemoryKeyStore keys;
    Engine engine{engineOptions()};
    AppSettings settings{std::make_unique<QSettings>(dir.filePath(u"versus.ini"_s), QSettings::IniFormat)};

    EngineOptions engineOptions()
    {
        network.setProxy(QNetworkProxy::NoProxy);
        EngineOptions options;
        options.keyStore = &keys;
        options.network = &network;
        options.userFiles = false;
        options.historyPath = dir.filePath(u"history.sqlite"_s);
        return options;
    }
    Harness() { engine.transport.retry.maxRetries = 0; }
    AppServices services() { return AppServices{&engine, &settings}; }
    bool storeKey(const QString &provider, const char *key)
    {
        QObject context;
        bool done = false;
        keys.write(provider, ApiKey::fromUtf8(QByteArray(key)), &context, [&done](KeyResult) { done = true; });
        return QTest::qWaitFor([&done] { return done; }, 5000);
    }
};

} // namespace

class tst_ToolTrace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void toolsFromTheDialogAnsweredInTheForm();
    void invalidCallIsRedAndStructuredOutputShown();
    void mcpCallsAllowedAndDeniedFromTheCard();

private:
    std::unique_ptr<MainWindow> openWindow(Harness &harness, ScriptedServer &server);
    void setTools(LaneWidget *lane, const QByteArray &tools, const QString &schema = {});
    void send(MainWindow &window, const QString &prompt);
};

void tst_ToolTrace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(installEnglishPlurals()); // counts read as in the English window ("Reasoning (5 words)")
    qunsetenv("GROQ_API_KEY");
}

std::unique_ptr<MainWindow> tst_ToolTrace::openWindow(Harness &harness, ScriptedServer &server)
{
    qputenv("VERSUS_GROQ_BASE_URL", server.url(u"/groq/v1"_s).toString().toUtf8());
    harness.settings.setLaneTargets({kGroqTarget});
    auto window = std::make_unique<MainWindow>(harness.services());
    window->resize(900, 700);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

void tst_ToolTrace::setTools(LaneWidget *lane, const QByteArray &tools, const QString &schema)
{
    QTest::mouseClick(lane->targetBar()->toolsButton(), Qt::LeftButton);
    LaneToolsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = lane->findChild<LaneToolsDialog *>()) != nullptr);
    auto *edit = dialog->findChild<QPlainTextEdit *>(u"toolsEdit"_s);
    edit->setPlainText(QString::fromUtf8(tools));
    QVERIFY2(!dialog->findChild<QLabel *>(u"toolsProblem"_s)->isVisible(),
             qPrintable(dialog->findChild<QLabel *>(u"toolsProblem"_s)->text()));
    // A typo is caught as it is typed, and OK waits for it to be fixed.
    auto *schemaEdit = dialog->findChild<QPlainTextEdit *>(u"schemaEdit"_s);
    schemaEdit->setPlainText(u"{\"type\": "_s);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(u"schemaProblem"_s)->isVisible());
    schemaEdit->setPlainText(schema);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
}

void tst_ToolTrace::send(MainWindow &window, const QString &prompt)
{
    QTest::keyClicks(window.composer()->editor(), prompt);
    QTest::mouseClick(window.composer()->sendButton(), Qt::LeftButton);
}

void tst_ToolTrace::toolsFromTheDialogAnsweredInTheForm()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::sseData({
        chunk({{u"reasoning"_s, u"The order needs a confirmation."_s}}),
        chunk({{u"content"_s, u"Let me check with you."_s}}),
        callChunk(0, u"call_ask"_s, u"confirm_order"_s, u"{\"item\": \"blue mug\"}"_s),
        callChunk(1, u"call_calc"_s, u"calculator"_s, u"{\"expression\": \"3*4.5\"}"_s),
        finishChunk(u"tool_calls"_s),
    }));
    server.enqueue(textAnswer(u"Confirmed: one blue mug, 13.5 in total."_s));
    Harness harness;
    QVERIFY(harness.storeKey(u"groq"_s, "gsk_tool_trace_window_key_0001"));
    auto window = openWindow(harness, server);
    LaneWidget *lane = window->lanes().first();
    setTools(lane, kTools);
    QCOMPARE(lane->lane()->tools().tools().size(), 2);
    QVERIFY(lane->targetBar()->toolsButton()->text().contains(u"2"_s));

    send(*window, u"Order a blue mug"_s);
    // The tools went out without Versus' "result" member.
    QTRY_COMPARE(server.requestCount(), 1);
    const QJsonArray sentTools = QJsonDocument::fromJson(server.request(0).body).object()[u"tools"_s].toArray();
    QCOMPARE(sentTools.size(), 2);
    QVERIFY(!sentTools.at(1).toObject().contains(u"result"_s));

    // The calculator was answered at once; confirm_order waits for the user in the form.
    ToolAskPanel *ask = lane->askPanel();
    QTRY_VERIFY(ask->isVisible());
    QCOMPARE(ask->callId(), u"call_ask"_s);
    QVERIFY(ask->findChild<QLabel *>(u"toolAskTitle"_s)->text().contains(u"confirm_order"_s));
    QVERIFY(ask->findChild<QPlainTextEdit *>(u"toolAskArguments"_s)->toPlainText().contains(u"blue mug"_s));
    QCOMPARE(server.requestCount(), 1); // nothing is sent before the answer
    // The trace is under the answer already: a card for round 1 with both calls.
    ConversationView *view = lane->view();
    QTRY_VERIFY(view->toPlainText().contains(u"Round 1"_s));
    QVERIFY(view->toPlainText().contains(u"confirm_order"_s));
    QVERIFY(view->toPlainText().contains(u"waiting for your answer"_s));

    QTest::keyClicks(ask->findChild<QPlainTextEdit *>(u"toolResult"_s), u"{\"confirmed\": true}"_s);
    QTest::mouseClick(ask->findChild<QPushButton *>(u"sendToolResult"_s), Qt::LeftButton);
    QTRY_COMPARE(server.requestCount(), 2);
    QVERIFY(!ask->isVisible());
    const QJsonArray messages = QJsonDocument::fromJson(server.request(1).body).object()[u"messages"_s].toArray();
    QCOMPARE(messages.size(), 4);
    QCOMPARE(messages.at(2)[u"tool_call_id"_s].toString(), u"call_ask"_s);
    QCOMPARE(messages.at(2)[u"content"_s].toString(), u"{\"confirmed\": true}"_s);
    QCOMPARE(messages.at(3)[u"content"_s].toString(), u"{\"result\":13.5}"_s);

    QTRY_VERIFY(!lane->isBusy());
    QVERIFY(view->answerText(0).contains(u"Confirmed: one blue mug"_s));
    QVERIFY(view->toPlainText().contains(u"answered by you"_s));
    QVERIFY(lane->toolSummary()->isVisible());
    QVERIFY2(lane->toolSummary()->text().contains(u"2 rounds"_s), qPrintable(lane->toolSummary()->text()));
    QVERIFY(lane->toolSummary()->text().contains(u"answered"_s));

    // A card opens to the call's arguments and result, and closes again.
    QVERIFY(!view->toPlainText().contains(u"\"result\": 13.5"_s));
    view->setCallExpanded(0, traceKey(1, 1), true);
    QVERIFY(view->toPlainText().contains(u"\"expression\": \"3*4.5\""_s));
    QVERIFY(view->toPlainText().contains(u"\"result\": 13.5"_s));
    view->setCallExpanded(0, traceKey(1, 1), false);
    QVERIFY(!view->toPlainText().contains(u"\"result\": 13.5"_s));
    // The round's reasoning is folded in its card, and opens.
    QVERIFY(view->toPlainText().contains(u"Reasoning (5 words)"_s));
    view->setCallExpanded(0, reasoningTraceKey(1), true);
    QVERIFY(view->toPlainText().contains(u"The order needs a confirmation."_s));
}

void tst_ToolTrace::invalidCallIsRedAndStructuredOutputShown()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::sseData({
        callChunk(0, u"call_bad"_s, u"calculator"_s, u"{\"expression\": 42}"_s),
        finishChunk(u"tool_calls"_s),
    }));
    server.enqueue(textAnswer(u"{\"total\": \"forty-two\"}"_s));
    Harness harness;
    QVERIFY(harness.storeKey(u"groq"_s, "gsk_tool_trace_window_key_0002"));
    auto window = openWindow(harness, server);
    LaneWidget *lane = window->lanes().first();
    setTools(lane, kTools, u"{\"type\": \"object\", \"properties\": {\"total\": {\"type\": \"number\"}}}"_s);
    QVERIFY(lane->targetBar()->toolsButton()->text().contains(u"{}"_s));

    send(*window, u"Add it up"_s);
    QTRY_VERIFY(!lane->isBusy());
    QCOMPARE(server.requestCount(), 2); // the schema error went back as a result; the loop went on
    const QJsonObject body = QJsonDocument::fromJson(server.request(0).body).object();
    QCOMPARE(body[u"response_format"_s][u"type"_s].toString(), u"json_schema"_s);

    ConversationView *view = lane->view();
    QVERIFY(view->toPlainText().contains(u"✗ calculator"_s));
    QVERIFY(view->toPlainText().contains(u"/expression"_s));
    // The invalid call's line is drawn in the error colour.
    QTextCursor cursor = view->document()->find(u"✗ calculator"_s);
    QVERIFY(!cursor.isNull());
    const QColor red = cursor.charFormat().foreground().color();
    QVERIFY2(red.red() > red.green() * 2, qPrintable(red.name()));

    QLabel *summary = lane->toolSummary();
    QVERIFY(summary->isVisible());
    QVERIFY2(summary->text().contains(u"invalid"_s), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(u"1 invalid"_s));
    QVERIFY(summary->toolTip().contains(u"/total"_s));
}

void tst_ToolTrace::mcpCallsAllowedAndDeniedFromTheCard()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::sseData({
        callChunk(0, u"m1"_s, u"add"_s, u"{\"a\": 2, \"b\": 3}"_s),
        callChunk(1, u"m2"_s, u"echo"_s, u"{\"text\": \"secret plans\"}"_s),
        finishChunk(u"tool_calls"_s),
    }));
    server.enqueue(textAnswer(u"The sum is 5; I was not allowed to echo."_s));
    Harness harness;
    QVERIFY(harness.storeKey(u"groq"_s, "gsk_tool_trace_window_key_0003"));
    // An MCP server from mcp.json (every tool asks by default), started as the app does.
    const QString log = harness.dir.filePath(u"mcp.log"_s);
    const QString config = harness.dir.filePath(u"mcp.json"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(
                   QJsonObject{{u"mcpServers"_s,
                                QJsonObject{{u"box"_s, QJsonObject{{u"command"_s, QStringLiteral(VERSUS_TEST_MCP_PATH)},
                                                                   {u"args"_s, QJsonArray{u"--log"_s, log}}}}}}})
                   .toJson());
    file.close();
    QVERIFY(harness.engine.loadMcp(config));
    QTRY_COMPARE(harness.engine.mcpHub()->clients().first()->state(), mcp::Client::State::Ready);
    auto window = openWindow(harness, server);
    LaneWidget *lane = window->lanes().first();

    send(*window, u"Add 2 and 3, and echo my plans"_s);
    ToolAskPanel *ask = lane->askPanel();
    QTRY_VERIFY(ask->isVisible());
    // The first call asks for approval: Allow and Deny, no result box.
    QCOMPARE(ask->callId(), u"m1"_s);
    QVERIFY(ask->findChild<QLabel *>(u"toolAskTitle"_s)->text().contains(u"box"_s));
    QVERIFY(ask->findChild<QPushButton *>(u"allowToolCall"_s)->isVisible());
    QVERIFY(!ask->findChild<QPlainTextEdit *>(u"toolResult"_s)->isVisible());
    QTRY_VERIFY(lane->view()->toPlainText().contains(u"waiting for your approval"_s));
    QTest::mouseClick(ask->findChild<QPushButton *>(u"allowToolCall"_s), Qt::LeftButton);
    // Then the second. A double click on Allow decides the first card only: the next one's
    // buttons wait a moment before they take a click.
    QTRY_COMPARE(ask->callId(), u"m2"_s);
    QTest::mouseClick(ask->findChild<QPushButton *>(u"allowToolCall"_s), Qt::LeftButton);
    QCOMPARE(ask->callId(), u"m2"_s);
    QTRY_VERIFY(ask->findChild<QPushButton *>(u"denyToolCall"_s)->isEnabled());
    // Denied, it never reaches the server.
    QTest::mouseClick(ask->findChild<QPushButton *>(u"denyToolCall"_s), Qt::LeftButton);

    QTRY_COMPARE(server.requestCount(), 2);
    const QJsonArray messages = QJsonDocument::fromJson(server.request(1).body).object()[u"messages"_s].toArray();
    QCOMPARE(QJsonDocument::fromJson(messages.at(2)[u"content"_s].toString().toUtf8()).object(),
             QJsonObject({{u"sum"_s, 5}}));
    QVERIFY(messages.at(3)[u"content"_s].toString().contains(u"did not allow"_s));
    QTRY_VERIFY(!lane->isBusy());
    QVERIFY(!ask->isVisible());
    QVERIFY(lane->view()->toPlainText().contains(u"answered by box (MCP)"_s));
    QVERIFY(lane->view()->toPlainText().contains(u"denied by you"_s));
    QFile traffic(log);
    QVERIFY(traffic.open(QIODevice::ReadOnly));
    const QByteArray seen = traffic.readAll();
    QVERIFY(seen.contains("\"add\""));
    QVERIFY(!seen.contains("secret plans")); // the denied call's arguments never left Versus
}

QTEST_MAIN(tst_ToolTrace)
#include "tst_tooltrace.moc"
