// SPDX-License-Identifier: GPL-3.0-or-later
// Scoreboard exports: CSV a spreadsheet reads back cell for cell (and never as a formula), and a
// Markdown table with best values in bold and estimated ones marked "~".
#include "export/scoreboardexport.h"

#include <QTest>

using namespace versus;
using namespace versus::exports;

namespace {

/// Two answered lanes and a rate-limited one, ranked.
Scoreboard sampleBoard()
{
    ScoreboardRow fast;
    fast.name = QStringLiteral("groq:openai/gpt-oss-120b");
    fast.status = ScoreStatus::Ok;
    fast.turns = fast.answered = 1;
    fast.ttftMs = 120.4;
    fast.ttfatMs = 130;
    fast.tokensPerS = 250.25;
    fast.e2eMs = 400;
    fast.promptTokens = 20;
    fast.completionTokens = 101;
    fast.reasoningTokens = 30;
    fast.costMicroUsd = 64;
    fast.finishReason = QStringLiteral("stop");
    fast.votes = 1;

    ScoreboardRow slow = fast;
    slow.name = QStringLiteral("together:model, \"quoted\"");
    slow.ttftMs = 900;
    slow.ttfatMs = 950;
    slow.tokensPerS = 40;
    slow.speedEstimated = true;
    slow.tokensEstimated = true;
    slow.reasoningTokens.reset();
    slow.costMicroUsd = 1500;
    slow.costEstimated = true;
    slow.votes = 0;
    slow.judgeScore = 7.5;
    slow.judgeReason = QStringLiteral("=HYPERLINK(\"http://x\")\nsecond line");
    slow.judge = QStringLiteral("groq:judge");

    ScoreboardRow failed;
    failed.name = QStringLiteral("@deepseek");
    failed.status = ScoreStatus::Error;
    failed.errorKind = ErrorKind::RateLimit;
    failed.errorMessage = QStringLiteral("Rate limit reached");
    failed.turns = failed.errors = 1;
    failed.votes = 0;

    Scoreboard board;
    board.turnKey = 42;
    board.turns = 1;
    board.rows = {fast, slow, failed};
    rankScoreboard(board);
    return board;
}

/// RFC 4180 reader, for checking what a spreadsheet would see.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QString cell(const QList<QStringList> &rows, int row, const QString &column)
{
    return rows.at(row).value(int(rows.first().indexOf(column)));
}

} // namespace

class tst_ScoreboardExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void csvTextField_data();
    void csvTextField();
    void csvRows();
    void markdownTable();
};

void tst_ScoreboardExport::csvTextField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::addRow("plain") << QStringLiteral("groq:llama") << QStringLiteral("groq:llama");
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::addRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::addRow("line break") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::addRow("equals") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
    QTest::addRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::addRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::addRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::addRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::addRow("formula with comma") << QStringLiteral("=SUM(1,2)") << QStringLiteral("\"'=SUM(1,2)\"");
    QTest::addRow("equals inside is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
}

void tst_ScoreboardExport::csvTextField()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(versus::exports::csvTextField(text), field);
}

void tst_ScoreboardExport::csvRows()
{
    const QString csv = scoreboardToCsv(sampleBoard());
    QVERIFY(csv.endsWith(QStringLiteral("\r\n")));
    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), 4); // header + 3 lanes
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), rows.first().size());
    QCOMPARE(rows.first().first(), QStringLiteral("lane"));

    QCOMPARE(cell(rows, 1, QStringLiteral("lane")), QStringLiteral("groq:openai/gpt-oss-120b"));
    QCOMPARE(cell(rows, 1, QStringLiteral("status")), QStringLiteral("ok"));
    QCOMPARE(cell(rows, 1, QStringLiteral("ttft_ms")), QStringLiteral("120.4"));
    QCOMPARE(cell(rows, 1, QStringLiteral("output_tokens_per_s")), QStringLiteral("250.25"));
    QCOMPARE(cell(rows, 1, QStringLiteral("output_tokens_per_s_estimated")), QStringLiteral("false"));
    QCOMPARE(cell(rows, 1, QStringLiteral("completion_tokens")), QStringLiteral("101"));
    QCOMPARE(cell(rows, 1, QStringLiteral("reasoning_tokens")), QStringLiteral("30"));
    QCOMPARE(cell(rows, 1, QStringLiteral("cost_usd")), QStringLiteral("0.000064"));
    QCOMPARE(cell(rows, 1, QStringLiteral("cost_estimated")), QStringLiteral("false"));
    QCOMPARE(cell(rows, 1, QStringLiteral("votes")), QStringLiteral("1"));

    // Estimated figures stay plain numbers, flagged in their own column.
    QCOMPARE(cell(rows, 2, QStringLiteral("lane")), QStringLiteral("together:model, \"quoted\""));
    QCOMPARE(cell(rows, 2, QStringLiteral("output_tokens_per_s")), QStringLiteral("40.00"));
    QCOMPARE(cell(rows, 2, QStringLiteral("output_tokens_per_s_estimated")), QStringLiteral("true"));
    QCOMPARE(cell(rows, 2, QStringLiteral("tokens_estimated")), QStringLiteral("true"));
    QCOMPARE(cell(rows, 2, QStringLiteral("cost_usd")), QStringLiteral("0.0015"));
    QCOMPARE(cell(rows, 2, QStringLiteral("cost_estimated")), QStringLiteral("true"));
    QCOMPARE(cell(rows, 2, QStringLiteral("reasoning_tokens")), QString());
    QCOMPARE(cell(rows, 2, QStringLiteral("judge_score")), QStringLiteral("7.5"));
    // The judge's words cannot become a formula, and their line break stays inside the cell.
    QCOMPARE(cell(rows, 2, QStringLiteral("judge_reason")), QStringLiteral("'=HYPERLINK(\"http://x\")\nsecond line"));

    QCOMPARE(cell(rows, 3, QStringLiteral("lane")), QStringLiteral("'@deepseek"));
    QCOMPARE(cell(rows, 3, QStringLiteral("status")), QStringLiteral("error"));
    QCOMPARE(cell(rows, 3, QStringLiteral("error_kind")), QStringLiteral("rate_limit"));
    QCOMPARE(cell(rows, 3, QStringLiteral("errors")), QStringLiteral("1"));
    QCOMPARE(cell(rows, 3, QStringLiteral("ttft_ms")), QString());
    QCOMPARE(cell(rows, 3, QStringLiteral("cost_usd")), QString());
}

void tst_ScoreboardExport::markdownTable()
{
    const QString md = scoreboardToMarkdown(sampleBoard(), QStringLiteral("Turn 1: Hello"));
    const QStringList lines = md.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("## Turn 1: Hello"));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("| Lane | Status | TTFT (ms)")));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("|---|")));
    QCOMPARE(lines.size(), 6);
    const QString fast = lines.at(3);
    const QString slow = lines.at(4);
    const QString failed = lines.at(5);
    // Best: bold. Not best: plain. Estimated: "~" (and it stays so when best).
    QVERIFY2(fast.contains(QStringLiteral("| **120** |")), qPrintable(fast));
    QVERIFY2(fast.contains(QStringLiteral("| **250.3** |")), qPrintable(fast)); // 250.25 shown with one decimal
    QVERIFY2(fast.contains(QStringLiteral("**$0.000064**")), qPrintable(fast));
    QVERIFY2(fast.contains(QStringLiteral("20 → 101 (reasoning 30)")), qPrintable(fast));
    QVERIFY2(slow.contains(QStringLiteral("| 900 |")), qPrintable(slow));
    QVERIFY2(slow.contains(QStringLiteral("| ~40.0 |")), qPrintable(slow));
    QVERIFY2(slow.contains(QStringLiteral("| ~$0.0015 |")), qPrintable(slow));
    QVERIFY2(slow.contains(QStringLiteral("~20 → 101")), qPrintable(slow));
    QVERIFY2(slow.contains(QStringLiteral("together:model, \"quoted\"")), qPrintable(slow));
    QVERIFY2(slow.contains(QStringLiteral("7.5: =HYPERLINK(\"http://x\") second line")), qPrintable(slow));
    QVERIFY2(failed.contains(QStringLiteral("error: rate\\_limit")), qPrintable(failed));
    QVERIFY2(!failed.contains(QStringLiteral("**")), qPrintable(failed));
    // Each row has the header's number of cells.
    for (int i = 3; i < lines.size(); ++i)
        QCOMPARE(lines.at(i).count(QStringLiteral(" | ")), lines.at(1).count(QStringLiteral(" | ")));

    Scoreboard withEstimatedBest = sampleBoard();
    withEstimatedBest.rows[1].tokensPerS = 400;
    rankScoreboard(withEstimatedBest);
    QVERIFY(scoreboardToMarkdown(withEstimatedBest).contains(QStringLiteral("| **~400.0** |")));
}

QTEST_APPLESS_MAIN(tst_ScoreboardExport)
#include "tst_scoreboardexport.moc"
