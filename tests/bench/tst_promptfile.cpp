// SPDX-License-Identifier: GPL-3.0-or-later
// Prompt sets: the built-in ones, and prompt files (a JSON list of strings, else one prompt per
// non-empty line) with a clear error naming the file for a bad one.
#include "bench/benchspec.h"

#include <QTemporaryDir>
#include <QTest>

using namespace versus::bench;

class tst_PromptFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtinSets();
    void readFile_data();
    void readFile();
    void missingFileIsNamed();
};

void tst_PromptFile::builtinSets()
{
    const QList<PromptSet> sets = builtinPromptSets();
    QStringList names;
    for (const PromptSet &set : sets) {
        names << set.name;
        QVERIFY2(set.prompts.size() >= 3 && set.prompts.size() <= 5, qPrintable(set.name));
        for (const QString &prompt : set.prompts)
            QVERIFY(!prompt.trimmed().isEmpty());
        QCOMPARE(builtinPromptSet(set.name)->prompts, set.prompts);
    }
    QCOMPARE(names, (QStringList{QStringLiteral("short"), QStringLiteral("long"), QStringLiteral("reasoning"),
                                 QStringLiteral("tools")}));
    // Only the tools set carries tools: the built-in calculator and clock, answered by Versus.
    QVERIFY(sets.at(0).tools.isEmpty());
    const PromptSet tools = sets.at(3);
    QVERIFY(tools.tools.find(QStringLiteral("calculator")));
    QVERIFY(tools.tools.find(QStringLiteral("current_time")));
    QCOMPARE(tools.tools.find(QStringLiteral("calculator"))->result.builtin, QStringLiteral("calculator"));
    QVERIFY(!builtinPromptSet(QStringLiteral("nonsense")));
}

void tst_PromptFile::readFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("prompts");
    QTest::addColumn<QString>("error"); // part of the error text; empty = success

    QTest::newRow("lines") << QByteArray("First prompt\n\n  Second, indented  \t\nThird\n")
                           << QStringList{QStringLiteral("First prompt"), QStringLiteral("  Second, indented"),
                                          QStringLiteral("Third")}
                           << QString();
    QTest::newRow("crlf lines") << QByteArray("One\r\nTwo\r\n")
                                << QStringList{QStringLiteral("One"), QStringLiteral("Two")} << QString();
    QTest::newRow("json list") << QByteArray(R"(["Say hi", "Multi\nline prompt"])")
                               << QStringList{QStringLiteral("Say hi"), QStringLiteral("Multi\nline prompt")}
                               << QString();
    QTest::newRow("json list after blank space")
        << QByteArray("\n  [\"Only one\"]\n") << QStringList{QStringLiteral("Only one")} << QString();
    QTest::newRow("json with a number") << QByteArray(R"(["ok", 3])") << QStringList{}
                                        << QStringLiteral("item 2 of the JSON list is not a non-empty string");
    QTest::newRow("json with an empty string")
        << QByteArray(R"(["ok", "  "])") << QStringList{} << QStringLiteral("item 2");
    QTest::newRow("broken json") << QByteArray(R"(["unterminated)") << QStringList{}
                                 << QStringLiteral("starts like a JSON list but is not one");
    QTest::newRow("bracketed first line is a prompt")
        << QByteArray("[INST] Say hi [/INST]\n[1] Count to three\n")
        << QStringList{QStringLiteral("[INST] Say hi [/INST]"), QStringLiteral("[1] Count to three")} << QString();
    QTest::newRow("empty json list") << QByteArray("[]") << QStringList{} << QStringLiteral("holds no prompt");
    QTest::newRow("empty file") << QByteArray() << QStringList{} << QStringLiteral("holds no prompt");
    QTest::newRow("blank lines only") << QByteArray("\n \n\t\n") << QStringList{} << QStringLiteral("holds no prompt");
}

void tst_PromptFile::readFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, prompts);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prompts.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const auto set = readPromptFile(path);
    if (error.isEmpty()) {
        QVERIFY2(set, qPrintable(set ? QString() : set.error()));
        QCOMPARE(set->prompts, prompts);
        QCOMPARE(set->name, QStringLiteral("prompts.txt")); // the file's name, never its path
        QVERIFY(set->tools.isEmpty());
    } else {
        QVERIFY(!set);
        QVERIFY2(set.error().contains(error), qPrintable(set.error()));
        QVERIFY2(set.error().contains(path), qPrintable(set.error())); // names the file
    }
}

void tst_PromptFile::missingFileIsNamed()
{
    const auto set = readPromptFile(QStringLiteral("/nonexistent/prompts.txt"));
    QVERIFY(!set);
    QVERIFY(set.error().contains(QStringLiteral("cannot read the prompt file /nonexistent/prompts.txt")));
}

QTEST_GUILESS_MAIN(tst_PromptFile)
#include "tst_promptfile.moc"
