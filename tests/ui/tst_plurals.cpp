// SPDX-License-Identifier: GPL-3.0-or-later
// The window's counts are real plurals: with the English translation loaded (as the window
// loads it in English) "1 round", "2 rounds", "0 calls", without it the source's "(s)" shows.
// And its figures follow the interface locale: "1.50 s" in English, "1,50 s" in French.
#include "englishplurals.h"
#include "messagelinks.h"
#include "metricsfooter.h"
#include "pricing/cost.h"
#include "tooltracerender.h"

#include <QLocale>
#include <QTest>

using namespace versus;
using namespace versus::ui;
using namespace Qt::StringLiterals;

namespace {

/// @p rounds tool rounds holding @p calls calls in all (the first @p invalid of them with
/// arguments that are not JSON), spread from the first round on.
QList<tools::ToolRound> toolRounds(int rounds, int calls, int invalid)
{
    QList<tools::ToolRound> list;
    for (int r = 0; r < rounds; ++r) {
        tools::ToolRound round;
        round.number = r + 1;
        list << round;
    }
    for (int c = 0; c < calls; ++c) {
        tools::ToolCallTrace trace;
        trace.call.name = u"calculator"_s;
        trace.validJson = c >= invalid;
        trace.knownTool = true;
        list[c % rounds].calls << trace;
    }
    return list;
}

LaneTurn reasoningTurn(const QString &reasoning, qint64 tokens)
{
    LaneTurn turn;
    turn.result.chat.reasoning = reasoning;
    turn.result.chat.usage.reasoningTokens = tokens;
    turn.result.chat.usage.estimated = false;
    return turn;
}

} // namespace

class tst_Plurals : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void toolTraceSummary_data();
    void toolTraceSummary();
    void reasoningHeader_data();
    void reasoningHeader();
    void withoutTranslationTheSourceShows();
    void figuresFollowTheLocale_data();
    void figuresFollowTheLocale();
};

void tst_Plurals::initTestCase()
{
    QVERIFY2(installEnglishPlurals(), VERSUS_TEST_ENGLISH_QM);
}

void tst_Plurals::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void tst_Plurals::toolTraceSummary_data()
{
    QTest::addColumn<int>("rounds");
    QTest::addColumn<int>("calls");
    QTest::addColumn<int>("invalid");
    QTest::addColumn<QString>("expected");
    QTest::addRow("one of each") << 1 << 1 << 0 << u"1 round · 1 call"_s;
    QTest::addRow("no call") << 1 << 0 << 0 << u"1 round · 0 calls"_s;
    QTest::addRow("two rounds, three calls") << 2 << 3 << 0 << u"2 rounds · 3 calls"_s;
    QTest::addRow("one invalid") << 1 << 2 << 1 << u"1 round · 2 calls · 1 invalid"_s;
    QTest::addRow("two invalid") << 3 << 4 << 2 << u"3 rounds · 4 calls · 2 invalid"_s;
}

void tst_Plurals::toolTraceSummary()
{
    QFETCH(int, rounds);
    QFETCH(int, calls);
    QFETCH(int, invalid);
    QFETCH(QString, expected);
    QCOMPARE(ui::toolTraceSummary(toolRounds(rounds, calls, invalid), false), expected);
}

void tst_Plurals::reasoningHeader_data()
{
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<qint64>("tokens");
    QTest::addColumn<QString>("expected");
    QTest::addRow("one word, one token") << u"Hmm."_s << qint64(1) << u"▸ Show reasoning (1 word) · 1 token"_s;
    QTest::addRow("two words, two tokens") << u"Let me"_s << qint64(2) << u"▸ Show reasoning (2 words) · 2 tokens"_s;
    QTest::addRow("no token reported as zero") << u"a b c"_s << qint64(0) << u"▸ Show reasoning (3 words) · 0 tokens"_s;
}

void tst_Plurals::reasoningHeader()
{
    QFETCH(QString, reasoning);
    QFETCH(qint64, tokens);
    QFETCH(QString, expected);
    QCOMPARE(ui::reasoningHeader(reasoningTurn(reasoning, tokens), false), expected);
}

void tst_Plurals::withoutTranslationTheSourceShows()
{
    // What makes "1 round" English is the translation, not the code: without it the
    // source's "(s)" shows. Then the forms above come from versus_en.ts.
    QVERIFY(QCoreApplication::removeTranslator(&englishPlurals()));
    const QString bare = ui::toolTraceSummary(toolRounds(1, 1, 0), false);
    QVERIFY(installEnglishPlurals());
    QCOMPARE(bare, u"1 round(s) · 1 call(s)"_s);
    QCOMPARE(ui::toolTraceSummary(toolRounds(1, 1, 0), false), u"1 round · 1 call"_s);
}

void tst_Plurals::figuresFollowTheLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("seconds");
    QTest::addColumn<QString>("rate");
    QTest::addColumn<QString>("count");
    QTest::addColumn<QString>("usd");
    const QLocale french(QLocale::French, QLocale::France);
    QTest::addRow("C") << QLocale::c() << u"1.50 s"_s << u"42.5 tok/s"_s << u"12.3k"_s << u"$0.25"_s;
    QTest::addRow("English") << QLocale(QLocale::English, QLocale::UnitedStates) << u"1.50 s"_s << u"42.5 tok/s"_s
                             << u"12.3k"_s << u"$0.25"_s;
    QTest::addRow("French") << french << u"1,50 s"_s << u"42,5 tok/s"_s << u"12,3k"_s << u"0,25\u00a0$"_s;
    QTest::addRow("German") << QLocale(QLocale::German, QLocale::Germany) << u"1,50 s"_s << u"42,5 tok/s"_s
                            << u"12,3k"_s << u"0,25\u00a0$"_s;
}

void tst_Plurals::figuresFollowTheLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, seconds);
    QFETCH(QString, rate);
    QFETCH(QString, count);
    QFETCH(QString, usd);
    QLocale::setDefault(locale);
    QCOMPARE(MetricsFooter::formatDuration(1500), seconds);
    QCOMPARE(MetricsFooter::formatDuration(250), u"250 ms"_s);
    QCOMPARE(MetricsFooter::formatRate(42.5), rate);
    QCOMPARE(MetricsFooter::formatCount(12'345), count);
    QCOMPARE(formatUsd(250'000, QLocale()), usd);
    QCOMPARE(formatUsd(250'000), u"$0.25"_s); // files, exports and the command line stay as they were
}

QTEST_MAIN(tst_Plurals)
#include "tst_plurals.moc"
