// SPDX-License-Identifier: GPL-3.0-or-later
// The per-lane conversation model: a row per turn, the streaming row growing in place, the
// messages of the next request; every change checked by QAbstractItemModelTester. Also the
// lane's request parameters as the history stores them.
#include "compare/answercodec.h"
#include "compare/laneconversation.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace versus;
using history::AnswerState;

Q_DECLARE_METATYPE(versus::ProviderConfig)

namespace {
LaneTurn turnWith(const QString &prompt, const QString &answer, AnswerState state)
{
    LaneTurn turn;
    turn.prompt = prompt;
    turn.state = state;
    turn.result.chat.text = answer;
    return turn;
}

ChatDelta textDelta(const QString &text)
{
    ChatDelta delta;
    delta.text = text;
    return delta;
}
} // namespace

class tst_LaneConversation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streamingRowGrowsInPlace();
    void toolCallFragmentsAssemble();
    void requestMessagesSkipTurnsWithoutText_data();
    void requestMessagesSkipTurnsWithoutText();
    void resetAndClear();
    void deltasForAnotherRowAreIgnored();
    void parametersRoundTrip_data();
    void parametersRoundTrip();
    void parametersOfTheWrongTypeReadAsUnset();
};

void tst_LaneConversation::streamingRowGrowsInPlace()
{
    LaneConversation model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const int row = model.appendTurn(turnWith(QStringLiteral("Hi?"), {}, AnswerState::Streaming));
    QCOMPARE(row, 0);
    QVERIFY(model.isStreaming());
    QCOMPARE(model.data(model.index(0), LaneConversation::PromptRole).toString(), QStringLiteral("Hi?"));
    QCOMPARE(model.data(model.index(0), LaneConversation::StreamingRole).toBool(), true);

    model.appendDelta(row, textDelta(QStringLiteral("Hel")));
    model.appendDelta(row, textDelta(QStringLiteral("lo")));
    ChatDelta thinking;
    thinking.reasoning = QStringLiteral("hmm");
    model.appendDelta(row, thinking);
    model.appendDelta(row, ChatDelta{}); // carries nothing: no change signalled

    QCOMPARE(changed.size(), 3);
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(LaneConversation::TextRole));
    QVERIFY(!roles.contains(LaneConversation::ReasoningRole));
    QCOMPARE(changed.at(2).at(2).value<QList<int>>(), QList<int>{LaneConversation::ReasoningRole});
    QCOMPARE(model.data(model.index(0), LaneConversation::TextRole).toString(), QStringLiteral("Hello"));
    QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("Hello"));
    QCOMPARE(model.data(model.index(0), LaneConversation::ReasoningRole).toString(), QStringLiteral("hmm"));

    LaneResult final;
    final.chat.text = QStringLiteral("Hello!"); // the stream's result is the truth
    model.finishTurn(row, final, AnswerState::Complete);
    QVERIFY(!model.isStreaming());
    QCOMPARE(model.turn(0).result.chat.text, QStringLiteral("Hello!"));
    QCOMPARE(model.data(model.index(0), LaneConversation::StateRole).toInt(), int(AnswerState::Complete));
    QVERIFY(!model.data(model.index(1), LaneConversation::TextRole).isValid());
}

void tst_LaneConversation::toolCallFragmentsAssemble()
{
    LaneConversation model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = model.appendTurn(turnWith(QStringLiteral("Weather?"), {}, AnswerState::Streaming));
    ChatDelta first;
    first.toolCalls = {
        ToolCallFragment{0, QStringLiteral("c1"), QStringLiteral("get_weather"), QStringLiteral("{\"ci"), {}}};
    ChatDelta second;
    second.toolCalls = {ToolCallFragment{0, {}, {}, QStringLiteral("ty\":\"Paris\"}"), {}}};
    model.appendDelta(row, first);
    model.appendDelta(row, second);
    const auto calls = model.data(model.index(row), LaneConversation::ToolCallsRole).value<QList<ToolCall>>();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first().name, QStringLiteral("get_weather"));
    QCOMPARE(calls.first().arguments, QStringLiteral("{\"city\":\"Paris\"}"));
}

void tst_LaneConversation::requestMessagesSkipTurnsWithoutText_data()
{
    QTest::addColumn<QList<LaneTurn>>("turns");
    QTest::addColumn<QStringList>("expected"); // role:content

    QTest::addRow("empty") << QList<LaneTurn>{} << QStringList{};
    QTest::addRow("one answered") << QList<LaneTurn>{turnWith(QStringLiteral("a"), QStringLiteral("A"),
                                                              AnswerState::Complete)}
                                  << QStringList{QStringLiteral("user:a"), QStringLiteral("assistant:A")};
    QTest::addRow("failed without text is left out")
        << QList<LaneTurn>{turnWith(QStringLiteral("a"), QStringLiteral("A"), AnswerState::Complete),
                           turnWith(QStringLiteral("b"), {}, AnswerState::Error),
                           turnWith(QStringLiteral("c"), QStringLiteral("C"), AnswerState::Cancelled)}
        << QStringList{QStringLiteral("user:a"), QStringLiteral("assistant:A"), QStringLiteral("user:c"),
                       QStringLiteral("assistant:C")};
    QTest::addRow("interrupted text is context")
        << QList<LaneTurn>{turnWith(QStringLiteral("a"), QStringLiteral("par"), AnswerState::Interrupted)}
        << QStringList{QStringLiteral("user:a"), QStringLiteral("assistant:par")};
}

void tst_LaneConversation::requestMessagesSkipTurnsWithoutText()
{
    QFETCH(QList<LaneTurn>, turns);
    QFETCH(QStringList, expected);
    LaneConversation model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTurns(turns);
    // A streaming turn is never context for the request it is the answer of.
    model.appendTurn(turnWith(QStringLiteral("now"), QStringLiteral("so far"), AnswerState::Streaming));
    QStringList actual;
    for (const ChatMessage &message : model.requestMessages())
        actual << roleName(message.role) + u':' + message.content;
    QCOMPARE(actual, expected);
}

void tst_LaneConversation::resetAndClear()
{
    LaneConversation model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTurns({turnWith(QStringLiteral("a"), QStringLiteral("A"), AnswerState::Complete),
                    turnWith(QStringLiteral("b"), QStringLiteral("B"), AnswerState::Complete)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0)), 0); // a list: rows have no children
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 2);
}

void tst_LaneConversation::deltasForAnotherRowAreIgnored()
{
    LaneConversation model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTurns({turnWith(QStringLiteral("a"), QStringLiteral("A"), AnswerState::Complete)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.appendDelta(0, textDelta(QStringLiteral("late"))); // row 0 is not streaming
    model.appendDelta(5, textDelta(QStringLiteral("late")));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.turn(0).result.chat.text, QStringLiteral("A"));
}

void tst_LaneConversation::parametersRoundTrip_data()
{
    QTest::addColumn<ProviderConfig>("config");
    QTest::addColumn<QStringList>("keys");

    QTest::addRow("nothing set") << ProviderConfig{} << QStringList{};
    ProviderConfig config;
    config.systemPrompt = QStringLiteral("Answer in French.");
    QTest::addRow("system") << config << QStringList{QStringLiteral("system")};
    config = {};
    config.temperature = 0.0; // set to zero is not unset
    QTest::addRow("temperature") << config << QStringList{QStringLiteral("temperature")};
    config = {};
    config.topP = 0.25;
    QTest::addRow("top_p") << config << QStringList{QStringLiteral("top_p")};
    config = {};
    config.maxTokens = 4096;
    QTest::addRow("max_tokens") << config << QStringList{QStringLiteral("max_tokens")};
    config = {};
    config.seed = -7;
    QTest::addRow("seed") << config << QStringList{QStringLiteral("seed")};
    config = {};
    config.stop = {QStringLiteral("\n\n"), QStringLiteral("END")};
    QTest::addRow("stop") << config << QStringList{QStringLiteral("stop")};
    config = {};
    config.serviceTier = QStringLiteral("flex");
    QTest::addRow("service_tier") << config << QStringList{QStringLiteral("service_tier")};
    config = {};
    config.reasoningEffort = QStringLiteral("high");
    QTest::addRow("reasoning_effort") << config << QStringList{QStringLiteral("reasoning_effort")};

    config.systemPrompt = QStringLiteral("Be brief.");
    config.temperature = 1.5;
    config.topP = 0.9;
    config.maxTokens = 100;
    config.seed = 42;
    config.stop = {QStringLiteral("###")};
    config.serviceTier = QStringLiteral("auto");
    QTest::addRow("everything") << config
                                << QStringList{QStringLiteral("max_tokens"),  QStringLiteral("reasoning_effort"),
                                               QStringLiteral("seed"),        QStringLiteral("service_tier"),
                                               QStringLiteral("stop"),        QStringLiteral("system"),
                                               QStringLiteral("temperature"), QStringLiteral("top_p")};
}

void tst_LaneConversation::parametersRoundTrip()
{
    QFETCH(ProviderConfig, config);
    QFETCH(QStringList, keys);

    const QJsonObject json = parametersToJson(config);
    QCOMPARE(json.keys(), keys); // QJsonObject keys are sorted
    QCOMPARE(parametersFromJson(json), config);
}

void tst_LaneConversation::parametersOfTheWrongTypeReadAsUnset()
{
    const QJsonObject json{{QStringLiteral("temperature"), QStringLiteral("hot")},
                           {QStringLiteral("top_p"), QJsonValue::Null},
                           {QStringLiteral("max_tokens"), QStringLiteral("100")},
                           {QStringLiteral("seed"), true}};
    QCOMPARE(parametersFromJson(json), ProviderConfig{});
}

QTEST_APPLESS_MAIN(tst_LaneConversation)
#include "tst_laneconversation.moc"
