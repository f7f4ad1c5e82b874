// SPDX-License-Identifier: GPL-3.0-or-later
// The word diff behind "Compare with…": spans, changed-word counts, whitespace that is never a
// difference, and the coarser comparison long answers get (with the granularity saying so).
#include "compare/worddiff.h"

#include <QTest>

using namespace versus;

Q_DECLARE_METATYPE(versus::WordDiff::Granularity)

namespace {

/// "[=same][-removed][+added]": the spans as the test table writes them.
QString render(const WordDiff &diff)
{
    QString out;
    for (const DiffSpan &span : diff.spans) {
        const QChar mark = span.kind == DiffSpan::Equal ? u'=' : span.kind == DiffSpan::Removed ? u'-' : u'+';
        out += u'[' + mark + span.text + u']';
    }
    return out;
}

/// @p words words "<prefix>0 <prefix>1 …", a blank line after every @p perParagraph of them.
QString manyWords(const QString &prefix, int words, int perParagraph)
{
    QString text;
    for (int i = 0; i < words; ++i) {
        text += prefix + QString::number(i);
        text += (i + 1) % perParagraph == 0 ? QStringLiteral("\n\n") : QStringLiteral(" ");
    }
    return text;
}

} // namespace

class TestWordDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void diff_data();
    void diff();
    void longAnswersStayCheap();
};

void TestWordDiff::diff_data()
{
    QTest::addColumn<QString>("oldText");
    QTest::addColumn<QString>("newText");
    QTest::addColumn<qint64>("maxCells");
    QTest::addColumn<QString>("spans");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("added");
    QTest::addColumn<WordDiff::Granularity>("granularity");

    const qint64 dflt = 4'000'000;
    QTest::addRow("identical") << "the cat sat"
                               << "the cat sat" << dflt << "[=the cat sat]" << 0 << 0 << WordDiff::Words;
    QTest::addRow("both empty") << ""
                                << "" << dflt << "" << 0 << 0 << WordDiff::Words;
    QTest::addRow("old empty") << ""
                               << "hello world" << dflt << "[+hello world]" << 0 << 2 << WordDiff::Words;
    QTest::addRow("new empty") << "hello world"
                               << "" << dflt << "[-hello world]" << 2 << 0 << WordDiff::Words;
    QTest::addRow("insert") << "the cat sat"
                            << "the black cat sat" << dflt << "[=the ][+black ][=cat sat]" << 0 << 1 << WordDiff::Words;
    QTest::addRow("delete") << "the black cat sat"
                            << "the cat sat" << dflt << "[=the ][-black ][=cat sat]" << 1 << 0 << WordDiff::Words;
    QTest::addRow("replace") << "the cat sat"
                             << "the dog sat" << dflt << "[=the ][-cat ][+dog ][=sat]" << 1 << 1 << WordDiff::Words;
    QTest::addRow("replace at the end") << "it is 42"
                                        << "it is 43 ." << dflt << "[=it is ][-42][+43 .]" << 1 << 1 << WordDiff::Words;
    QTest::addRow("whitespace only") << "the  cat\n\nsat\t"
                                     << " the cat sat" << dflt << "[= the cat sat]" << 0 << 0 << WordDiff::Words;
    QTest::addRow("punctuation is its own token")
        << "Hello, world."
        << "Hello world!" << dflt << "[=Hello ][-, ][=world][-.][+!]" << 0 << 0 << WordDiff::Words;
    QTest::addRow("reordered words") << "one two three"
                                     << "three two one" << dflt << "[-one two ][=three ][+two one]" << 2 << 2
                                     << WordDiff::Words;
    QTest::addRow("unicode") << "Grüße aus Köln 🎉"
                             << "Grüße aus Zürich 🎉" << dflt << "[=Grüße aus ][-Köln ][+Zürich ][=🎉]" << 1 << 1
                             << WordDiff::Words;
    QTest::addRow("non-latin scripts") << "Привет мир"
                                       << "Привет друг" << dflt << "[=Привет ][-мир][+друг]" << 1 << 1
                                       << WordDiff::Words;
    QTest::addRow("snake_case is one word")
        << "call get_time now"
        << "call get_date now" << dflt << "[=call ][-get_time ][+get_date ][=now]" << 1 << 1 << WordDiff::Words;

    // One word changed in the middle of 6,000: the common head and tail keep it word by word.
    const QString longOld = manyWords(QStringLiteral("w"), 6000, 40);
    QString longNew = longOld;
    longNew.replace(QStringLiteral(" w3010 "), QStringLiteral(" changed "));
    QTest::addRow("long input, one change")
        << longOld << longNew << dflt
        << QString(QStringLiteral("[=") + longOld.left(longOld.indexOf(QStringLiteral("w3010"))) +
                   QStringLiteral("][-w3010 ][+changed ][=") + longOld.mid(longOld.indexOf(QStringLiteral("w3011"))) +
                   u']')
        << 1 << 1 << WordDiff::Words;

    // Too many comparisons word by word: whole paragraphs, the same one kept.
    QTest::addRow("paragraphs above the limit")
        << "alpha beta gamma\n\nsame words here\n\ndelta"
        << "one two three\n\nsame  words here\n\nfour" << qint64(9)
        << "[-alpha beta gamma\n\n][+one two three\n\n][=same  words here\n\n][-delta][+four]" << 4 << 4
        << WordDiff::Paragraphs;
    QTest::addRow("whole above every limit") << "a b c"
                                             << "d e f" << qint64(0) << "[-a b c][+d e f]" << 3 << 3 << WordDiff::Whole;
}

void TestWordDiff::diff()
{
    QFETCH(QString, oldText);
    QFETCH(QString, newText);
    QFETCH(qint64, maxCells);
    QFETCH(QString, spans);
    QFETCH(int, removed);
    QFETCH(int, added);
    QFETCH(WordDiff::Granularity, granularity);

    const WordDiff diff = diffWords(oldText, newText, maxCells);
    QCOMPARE(render(diff), spans);
    QCOMPARE(diff.removedWords, removed);
    QCOMPARE(diff.addedWords, added);
    QCOMPARE(diff.granularity, granularity);
    // Nothing is lost: each side reads back exactly, and runs of one kind are merged.
    QCOMPARE(diff.oldText(), oldText);
    QCOMPARE(diff.newText(), newText);
    for (qsizetype i = 1; i < diff.spans.size(); ++i)
        QVERIFY(diff.spans[i].kind != diff.spans[i - 1].kind);
}

void TestWordDiff::longAnswersStayCheap()
{
    // Two entirely different answers of 20,000 words: word by word would be 400 million
    // comparisons; the diff falls back to paragraphs (the cost bound is the granularity it
    // chose, checked here; no wall-clock limit, which a loaded machine would break).
    const QString a = manyWords(QStringLiteral("a"), 20'000, 50);
    const QString b = manyWords(QStringLiteral("b"), 20'000, 50);
    const WordDiff diff = diffWords(a, b);
    QCOMPARE(diff.granularity, WordDiff::Paragraphs);
    QCOMPARE(diff.removedWords, 20'000);
    QCOMPARE(diff.addedWords, 20'000);
    QCOMPARE(diff.oldText(), a);
    QCOMPARE(diff.newText(), b);
}

QTEST_APPLESS_MAIN(TestWordDiff)
#include "tst_worddiff.moc"
