// SPDX-License-Identifier: GPL-3.0-or-later
// Markdown while it streams: completed blocks are drawn as Markdown as soon as the next one
// begins, the unfinished tail as plain text, and a flush never touches what is drawn before
// the tail. Fed in chunks at many split points, the finished drawing is the same document as
// the same text drawn at once (what the view shows when the answer is complete).
#include "markdownblocks.h"
#include "markdownstream.h"

#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

using namespace versus::ui;

namespace {

AnswerStyle style()
{
    AnswerStyle s;
    s.font = QFont(QStringLiteral("Sans"), 10);
    s.dim.setForeground(QColor(0x80, 0x80, 0x80));
    s.codeBackground = QColor(0xee, 0xee, 0xee);
    s.turn = 3;
    return s;
}

QString atOnce(const QString &text)
{
    QTextDocument document;
    document.setDefaultFont(style().font);
    QTextCursor cursor(&document);
    renderAnswerMarkdown(cursor, text, style());
    return document.toHtml();
}

/// Streams @p text in the pieces that end at @p ends (ascending), then finishes.
QString streamed(const QString &text, const QList<qsizetype> &ends)
{
    QTextDocument document;
    document.setDefaultFont(style().font);
    MarkdownStream stream;
    stream.begin(&document, QTextCursor(&document), style());
    for (qsizetype end : ends)
        stream.update(QStringView(text).left(end));
    stream.finish(text);
    return document.toHtml();
}

const QString kSamples[][2] = {
    {QStringLiteral("paragraphs"),
     QStringLiteral("First paragraph with **bold** and a [link](https://example.com).\n\nSecond one with `code`.\n\n"
                    "Third, *last*.")},
    {QStringLiteral("heading and lists"),
     QStringLiteral("# Title\n\nIntro text.\n\n- one\n- two\n\n- three, loose\n\nAfter the list.\n\n1. first\n2. "
                    "second\n\n3. third\n\n   still the third\n\nEnd.\n")},
    {QStringLiteral("code fences"),
     QStringLiteral("Here:\n```python\ndef f():\n\n    return 1\n```\nAnd then\n\n~~~\nraw ``` text\n~~~\n\n```\n\n"
                    "```\nDone.")},
    {QStringLiteral("table and headings"),
     QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | **4** |\n\nText after the *table*.\n\n## Heading 2\n\n"
                    "### Heading 3\nparagraph right under it\n\n---\n\nend")},
    {QStringLiteral("quotes, nesting, unclosed fence"),
     QStringLiteral("> quoted\n> more\n\n> another quote\n\nPara\n\n- a\n  - nested\n\n    indented more\n\n"
                    "    code block\n\nlast\n```js\nconsole.log(1)\n")},
    {QStringLiteral("CRLF and trailing blank lines"), QStringLiteral("Line one\r\n\r\nLine two\r\n\r\n\r\n")},
    {QStringLiteral("non-Latin and rules"),
     QStringLiteral("Ünïcödé — 日本語のテキスト\n\n* item\n\n***\n\nend 🙂\n\n\n")},
    {QStringLiteral("fence inside a list item"),
     QStringLiteral("1. step\n   ```sh\n   make\n\n   make install\n   ```\n2. next\n\nafter\n```\ncode\n```")},
};

} // namespace

class tst_MarkdownStream : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streamedEqualsAtOnce_data();
    void streamedEqualsAtOnce();
    void completedBlocksAreDrawnWhileStreaming();
    void flushTouchesOnlyTheTail();
    void codeBlocksAreFoundAsDrawn_data();
    void codeBlocksAreFoundAsDrawn();
};

void tst_MarkdownStream::streamedEqualsAtOnce_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("chunk"); // 0: every split of the text in two
    for (const auto &sample : kSamples) {
        for (int chunk : {0, 1, 2, 3, 5, 7, 13, 64})
            QTest::addRow("%s, chunks of %d", qPrintable(sample[0]), chunk) << sample[1] << chunk;
    }
}

void tst_MarkdownStream::streamedEqualsAtOnce()
{
    QFETCH(QString, text);
    QFETCH(int, chunk);
    const QString expected = atOnce(text);
    if (chunk == 0) {
        for (qsizetype split = 0; split <= text.size(); ++split) {
            const QString shown = streamed(text, {split});
            if (shown != expected)
                QFAIL(qPrintable(QStringLiteral("split at %1 of %2:\n%3\n--- expected ---\n%4")
                                     .arg(split)
                                     .arg(text.size())
                                     .arg(shown, expected)));
        }
        return;
    }
    QList<qsizetype> ends;
    for (qsizetype end = chunk; end < text.size(); end += chunk)
        ends << end;
    QCOMPARE(streamed(text, ends), expected);
}

void tst_MarkdownStream::completedBlocksAreDrawnWhileStreaming()
{
    QTextDocument document;
    MarkdownStream stream;
    stream.begin(&document, QTextCursor(&document), style());
    const QString text = QStringLiteral("# Title\n\nIntro\n\n- one\n- two\n\nNext **para\nstill open");
    stream.update(QStringView(text).left(15)); // "# Title\n\nIntro\n"
    // The heading is complete once the next block began: drawn as a heading already.
    QCOMPARE(document.begin().blockFormat().headingLevel(), 1);
    QCOMPARE(document.begin().text(), QStringLiteral("Title"));
    QVERIFY(document.toPlainText().endsWith(QStringLiteral("\nIntro\n"))); // the tail as it came
    stream.update(QStringView(text).left(25)); // up to "- t": a list goes on, nothing more is complete
    QVERIFY(document.toPlainText().endsWith(QStringLiteral("Intro\n\n- one\n- t")));
    stream.update(text);
    const QTextCursor two = document.find(QStringLiteral("two"));
    QVERIFY(two.block().textList()); // the list was completed by the line "Next **para"
    QVERIFY(document.toPlainText().endsWith(QStringLiteral("Next **para\nstill open"))); // still open: plain
}

void tst_MarkdownStream::flushTouchesOnlyTheTail()
{
    QString text;
    for (int i = 0; i < 300; ++i)
        text += QStringLiteral("Paragraph %1 with *some* words in it.\n\n").arg(i);
    QTextDocument document;
    MarkdownStream stream;
    stream.begin(&document, QTextCursor(&document), style());
    int tail = 0;
    int touched = 0;
    int maxTouched = 0;
    connect(&document, &QTextDocument::contentsChange, this, [&](int from, int removed, int added) {
        QVERIFY2(from >= tail, qPrintable(QStringLiteral("changed at %1, before the tail at %2").arg(from).arg(tail)));
        touched += removed + added;
    });
    for (qsizetype end = 7; end <= text.size(); end += 7) {
        tail = stream.tailPosition();
        touched = 0;
        stream.update(QStringView(text).left(end));
        maxTouched = std::max(maxTouched, touched);
    }
    // What a flush changes is bounded by a block or two, not by the answer's ~12,000 characters.
    QVERIFY2(maxTouched < 200, qPrintable(QString::number(maxTouched)));
    QVERIFY(document.characterCount() > 10000);
}

void tst_MarkdownStream::codeBlocksAreFoundAsDrawn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QStringList>("languages");
    QTest::addRow("two fences") << QStringLiteral("a\n```python\nprint(1)\n\nprint(2)\n```\nb\n~~~\nx\n~~~")
                                << QStringList{QStringLiteral("print(1)\n\nprint(2)"), QStringLiteral("x")}
                                << QStringList{QStringLiteral("python"), QStringLiteral("code")};
    QTest::addRow("unclosed") << QStringLiteral("```rust\nfn main() {}\n")
                              << QStringList{QStringLiteral("fn main() {}")} << QStringList{QStringLiteral("rust")};
    QTest::addRow("in a list item, not ours")
        << QStringLiteral("1. x\n   ```\n   y\n   ```\n") << QStringList() << QStringList();
}

void tst_MarkdownStream::codeBlocksAreFoundAsDrawn()
{
    QFETCH(QString, text);
    QFETCH(QStringList, codes);
    QFETCH(QStringList, languages);
    QCOMPARE(codeBlocks(text), codes);
    QTextDocument document;
    QTextCursor cursor(&document);
    renderAnswerMarkdown(cursor, text, style());
    // Each code block: a header with its language and a Copy link to its index, then the code
    // in a fixed-pitch font.
    int from = 0;
    for (int i = 0; i < codes.size(); ++i) {
        const QTextCursor link = document.find(QStringLiteral("Copy"), from);
        QVERIFY(!link.isNull());
        from = link.selectionEnd();
        QTextCursor inside(&document);
        inside.setPosition(link.selectionStart() + 1);
        QCOMPARE(inside.charFormat().anchorHref(), copyCodeLink(3, i));
        QCOMPARE(link.block().text(), languages.at(i) + QStringLiteral("   Copy"));
        const QTextBlock first = link.block().next();
        QCOMPARE(first.text(), codes.at(i).section(u'\n', 0, 0));
        QTextCursor code(first);
        code.movePosition(QTextCursor::NextCharacter);
        QVERIFY(code.charFormat().fontFixedPitch());
    }
    if (codes.isEmpty())
        QVERIFY(document.find(QStringLiteral("Copy")).isNull());
}

QTEST_MAIN(tst_MarkdownStream)
#include "tst_markdownstream.moc"
