// SPDX-License-Identifier: GPL-3.0-or-later
// What a merging or judging model is sent (answers by letter, never by provider or model), and
// how a judge's reply is read: leniently where the JSON sits, strictly about what it says.
#include "compare/reviewprompts.h"
#include "tools/jsonschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace versus;
using Kind = JudgeReplyError::Kind;

Q_DECLARE_METATYPE(versus::JudgeReplyError::Kind)

class tst_ReviewPrompts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mergeRequestLabelsTheAnswers();
    void judgeRequestAsksForTheShape();
    void judgeSchemaAcceptsAGoodReplyOnly_data();
    void judgeSchemaAcceptsAGoodReplyOnly();
    void goodRepliesAreRead_data();
    void goodRepliesAreRead();
    void badRepliesAreRefused_data();
    void badRepliesAreRefused();
};

void tst_ReviewPrompts::mergeRequestLabelsTheAnswers()
{
    const QList<LabelledAnswer> answers{{QStringLiteral("A"), QStringLiteral("Paris is the capital.")},
                                        {QStringLiteral("B"), QStringLiteral("It is Paris, since 508.")}};
    const QList<ChatMessage> messages =
        mergeMessages(QStringLiteral("Capital of France?"), answers, QStringLiteral("  Merge them.  "));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().role, Role::User);
    const QString text = messages.first().content;
    QVERIFY(text.contains(QStringLiteral("Capital of France?")));
    const qsizetype a = text.indexOf(QStringLiteral("Answer A:\n<<<\nParis is the capital.\n>>>"));
    const qsizetype b = text.indexOf(QStringLiteral("Answer B:\n<<<\nIt is Paris, since 508.\n>>>"));
    QVERIFY(a > 0);
    QVERIFY(b > a);
    QVERIFY(text.contains(QStringLiteral("2 answers")));
    QVERIFY(text.endsWith(QStringLiteral("\nMerge them."))); // the instruction last, trimmed

    // The default asks for one answer that does not talk about its sources.
    const QString instruction = defaultMergeInstruction();
    QVERIFY(instruction.contains(QStringLiteral("one answer")));
    QVERIFY(instruction.contains(QStringLiteral("do not mention")));
}

void tst_ReviewPrompts::judgeRequestAsksForTheShape()
{
    const QList<LabelledAnswer> answers{{QStringLiteral("A"), QStringLiteral("one")},
                                        {QStringLiteral("B"), QStringLiteral("two")},
                                        {QStringLiteral("C"), QStringLiteral("three")}};
    const QString text = judgeMessages(QStringLiteral("Count"), answers, QStringLiteral("Be strict.")).first().content;
    QVERIFY(text.contains(QStringLiteral("The rubric:\n<<<\nBe strict.\n>>>")));
    QVERIFY(text.contains(QStringLiteral("Answer C:\n<<<\nthree\n>>>")));
    QVERIFY(text.contains(QStringLiteral("(A, B, C)")));
    // The example of the shape is itself a reply the parser accepts.
    const qsizetype start = text.indexOf(QStringLiteral("{\"scores\""));
    QVERIFY(start > 0);
    const auto parsed =
        parseJudgeReply(text.mid(start), {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->size(), 3);
    QVERIFY(defaultJudgeRubric().contains(QStringLiteral("Correctness")));
    QVERIFY(defaultJudgeRubric().contains(QStringLiteral("1 (poor) to 10")));
}

void tst_ReviewPrompts::judgeSchemaAcceptsAGoodReplyOnly_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("valid");
    QTest::addRow("good") << QByteArray(R"({"scores":[{"answer":"A","score":8,"reason":"ok"},)"
                                        R"({"answer":"B","score":3,"reason":"wrong"}]})")
                          << true;
    QTest::addRow("unknown letter") << QByteArray(R"({"scores":[{"answer":"Z","score":8,"reason":"ok"}]})") << false;
    QTest::addRow("score as text") << QByteArray(R"({"scores":[{"answer":"A","score":"8","reason":"ok"}]})") << false;
    QTest::addRow("no reason") << QByteArray(R"({"scores":[{"answer":"A","score":8}]})") << false;
    QTest::addRow("no scores") << QByteArray(R"({"verdict":"A"})") << false;
}

void tst_ReviewPrompts::judgeSchemaAcceptsAGoodReplyOnly()
{
    QFETCH(QByteArray, reply);
    QFETCH(bool, valid);
    const auto schema = tools::JsonSchema::compile(judgeResponseSchema({QStringLiteral("A"), QStringLiteral("B")}));
    if (!schema)
        QFAIL(qPrintable(schema.error()));
    QCOMPARE(schema->validate(QJsonDocument::fromJson(reply).object()).isEmpty(), valid);
}

void tst_ReviewPrompts::goodRepliesAreRead_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<double>("scoreA");
    QTest::addColumn<double>("scoreB");
    QTest::addColumn<QString>("reasonB");

    const QString plain = QStringLiteral(
        R"({"scores": [{"answer": "B", "score": 4, "reason": "Misses a step."}, {"answer": "A", "score": 9, "reason": "Right."}]})");
    QTest::addRow("plain JSON, any order") << plain << 9.0 << 4.0 << QStringLiteral("Misses a step.");
    QTest::addRow("surrounded by blanks")
        << QStringLiteral("\n\n  ") + plain + QStringLiteral("\n") << 9.0 << 4.0 << QStringLiteral("Misses a step.");
    QTest::addRow("fenced") << QStringLiteral("```json\n") + plain + QStringLiteral("\n```") << 9.0 << 4.0
                            << QStringLiteral("Misses a step.");
    QTest::addRow("fenced after prose") << QStringLiteral("Here are my scores.\n\n```\n") + plain +
                                               QStringLiteral("\n```\nHope this helps!")
                                        << 9.0 << 4.0 << QStringLiteral("Misses a step.");
    QTest::addRow("prose with braces before")
        << QStringLiteral("I weighed {correctness} first. ") + plain + QStringLiteral(" Done.") << 9.0 << 4.0
        << QStringLiteral("Misses a step.");
    QTest::addRow("another object first")
        << QStringLiteral(R"({"note": "thinking"} then )") + plain << 9.0 << 4.0 << QStringLiteral("Misses a step.");
    QTest::addRow("braces and quotes inside reasons")
        << QStringLiteral(
               R"(Result: {"scores": [{"answer": "A", "score": 7.5, "reason": "uses {x} and \"y\""}, {"answer": "B", "score": 1, "reason": "}"}]})")
        << 7.5 << 1.0 << QStringLiteral("}");
    QTest::addRow("labels spelled out")
        << QStringLiteral(
               R"({"scores": [{"answer": "Answer A", "score": 10, "reason": ""}, {"answer": "b", "score": 2, "reason": " Short. "}]})")
        << 10.0 << 2.0 << QStringLiteral("Short.");
    QTest::addRow("no reason given") << QStringLiteral(
                                            R"({"scores": [{"answer": "A", "score": 5}, {"answer": "B", "score": 6}]})")
                                     << 5.0 << 6.0 << QString();
}

void tst_ReviewPrompts::goodRepliesAreRead()
{
    QFETCH(QString, reply);
    QFETCH(double, scoreA);
    QFETCH(double, scoreB);
    QFETCH(QString, reasonB);
    const auto parsed = parseJudgeReply(reply, {QStringLiteral("A"), QStringLiteral("B")});
    if (!parsed)
        QFAIL(qPrintable(parsed.error().message()));
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(0).answer, QStringLiteral("A")); // in the order of the labels asked for
    QCOMPARE(parsed->at(0).score, scoreA);
    QCOMPARE(parsed->at(1).answer, QStringLiteral("B"));
    QCOMPARE(parsed->at(1).score, scoreB);
    QCOMPARE(parsed->at(1).reason, reasonB);
}

void tst_ReviewPrompts::badRepliesAreRefused_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("answer");

    QTest::addRow("not JSON") << QStringLiteral("Answer A is better; I give it 8 and B 5.") << Kind::NoJson
                              << QString();
    QTest::addRow("empty") << QString() << Kind::NoJson << QString();
    QTest::addRow("unclosed") << QStringLiteral(R"({"scores": [{"answer": "A", "score": 8)") << Kind::NoJson
                              << QString();
    QTest::addRow("an array, not an object")
        << QStringLiteral(R"([{"answer": "A", "score": 8}, {"answer": "B", "score": 6}])") << Kind::NoScores
        << QString();
    QTest::addRow("no scores") << QStringLiteral(R"({"winner": "A"})") << Kind::NoScores << QString();
    QTest::addRow("scores not a list") << QStringLiteral(R"({"scores": {"A": 8, "B": 6}})") << Kind::NoScores
                                       << QString();
    QTest::addRow("entry without answer")
        << QStringLiteral(R"({"scores": [{"score": 8}, {"answer": "B", "score": 6}]})") << Kind::BadEntry << QString();
    QTest::addRow("missing answer") << QStringLiteral(R"({"scores": [{"answer": "A", "score": 8, "reason": "x"}]})")
                                    << Kind::MissingAnswer << QStringLiteral("B");
    QTest::addRow("duplicate")
        << QStringLiteral(
               R"({"scores": [{"answer": "A", "score": 8}, {"answer": "B", "score": 6}, {"answer": "A", "score": 2}]})")
        << Kind::DuplicateAnswer << QStringLiteral("A");
    QTest::addRow("unknown answer")
        << QStringLiteral(
               R"({"scores": [{"answer": "A", "score": 8}, {"answer": "B", "score": 6}, {"answer": "C", "score": 2}]})")
        << Kind::UnknownAnswer << QStringLiteral("C");
    QTest::addRow("above the scale")
        << QStringLiteral(R"({"scores": [{"answer": "A", "score": 11}, {"answer": "B", "score": 6}]})")
        << Kind::ScoreOutOfRange << QStringLiteral("A");
    QTest::addRow("below the scale") << QStringLiteral(
                                            R"({"scores": [{"answer": "A", "score": 8}, {"answer": "B", "score": 0}]})")
                                     << Kind::ScoreOutOfRange << QStringLiteral("B");
    QTest::addRow("score as text") << QStringLiteral(
                                          R"({"scores": [{"answer": "A", "score": "8"}, {"answer": "B", "score": 6}]})")
                                   << Kind::BadScore << QStringLiteral("A");
    QTest::addRow("score missing") << QStringLiteral(R"({"scores": [{"answer": "A"}, {"answer": "B", "score": 6}]})")
                                   << Kind::BadScore << QStringLiteral("A");
}

void tst_ReviewPrompts::badRepliesAreRefused()
{
    QFETCH(QString, reply);
    QFETCH(Kind, kind);
    QFETCH(QString, answer);
    const auto parsed = parseJudgeReply(reply, {QStringLiteral("A"), QStringLiteral("B")});
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().kind, kind);
    QCOMPARE(parsed.error().answer, answer);
    QVERIFY(!parsed.error().message().isEmpty());
    if (!answer.isEmpty())
        QVERIFY2(parsed.error().message().contains(answer), qPrintable(parsed.error().message()));
}

QTEST_APPLESS_MAIN(tst_ReviewPrompts)
#include "tst_reviewprompts.moc"
