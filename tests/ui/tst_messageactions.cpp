// SPDX-License-Identifier: GPL-3.0-or-later
// What a conversation offers with each message: Copy (prompt, answer, code block), Edit on
// prompts, Regenerate on the last answer; a regenerated turn drawn anew; the view following the
// answer until the user scrolls up, and "Jump to latest"; the reasoning's duration and tokens.
#include "drivenconversation.h"
#include "englishplurals.h"
#include "markdownstream.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

/// Follows the link whose text is @p text, the @p nth one (0-based) in the document.
bool clickLink(ConversationView &view, const QString &text, int nth = 0)
{
    QTextCursor found;
    int from = 0;
    for (int i = 0; i <= nth; ++i) {
        found = view.document()->find(text, from, QTextDocument::FindCaseSensitively);
        if (found.isNull())
            return false;
        from = found.selectionEnd();
    }
    QTextCursor inside(view.document());
    inside.setPosition(found.selectionStart() + 1);
    if (!inside.charFormat().isAnchor())
        return false;
    Q_EMIT view.anchorClicked(QUrl(inside.charFormat().anchorHref()));
    return true;
}

int occurrences(const QString &haystack, const QString &needle)
{
    return int(haystack.count(needle));
}

void finish(Driven &driven, const QString &text, const QString &reasoning = QString())
{
    ChatResult result;
    result.text = text;
    result.reasoning = reasoning;
    driven.finishTurn(result);
}

} // namespace

class tst_MessageActions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(installEnglishPlurals()); } // counts read as in the English window
    void copyPromptAnswerAndCode();
    void editAndRegenerateLinks();
    void regeneratedTurnIsDrawnAnew();
    void followsUntilScrolledUp();
    void reasoningShowsDurationAndTokens_data();
    void reasoningShowsDurationAndTokens();
};

void tst_MessageActions::copyPromptAnswerAndCode()
{
    Driven driven;
    ConversationView &view = driven.view;
    const QString answer = QStringLiteral("Use this:\n\n```python\nprint('hi')\n\nx = 1\n```\n\nOr `inline`.");
    driven.beginTurn(QStringLiteral("How do I print?"));
    driven.appendStreamed({}, answer, {});
    QVERIFY(!view.toPlainText().contains(QStringLiteral("Regenerate"))); // not while it streams
    finish(driven, answer);

    QSignalSpy copied(&view, &ConversationView::copied);
    // Copy links: the prompt's (first), the code block's, the answer's.
    QVERIFY(clickLink(view, QStringLiteral("Copy"), 0));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("How do I print?"));
    QVERIFY(clickLink(view, QStringLiteral("Copy"), 1));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("print('hi')\n\nx = 1"));
    QVERIFY(clickLink(view, QStringLiteral("Copy"), 2));
    QCOMPARE(QGuiApplication::clipboard()->text(), answer);
    QCOMPARE(copied.size(), 3);
    // The code block: its language over it, monospace.
    const QTextCursor code = view.document()->find(QStringLiteral("print('hi')"));
    QVERIFY(code.block().previous().text().startsWith(QStringLiteral("python")));
    QTextCursor inside(view.document());
    inside.setPosition(code.selectionStart() + 1);
    QVERIFY(inside.charFormat().fontFixedPitch());
}

void tst_MessageActions::editAndRegenerateLinks()
{
    Driven driven;
    ConversationView &view = driven.view;
    QSignalSpy edit(&view, &ConversationView::editRequested);
    QSignalSpy regenerate(&view, &ConversationView::regenerateRequested);
    driven.beginTurn(QStringLiteral("first"));
    finish(driven, QStringLiteral("one"));
    QCOMPARE(occurrences(view.toPlainText(), QStringLiteral("Regenerate")), 1);
    QVERIFY(clickLink(view, QStringLiteral("Regenerate")));
    QCOMPARE(regenerate.size(), 1);

    driven.beginTurn(QStringLiteral("second"));
    // Only the last answer can be regenerated: the first one's link went, its Copy stayed.
    QCOMPARE(occurrences(view.toPlainText(), QStringLiteral("Regenerate")), 0);
    finish(driven, QStringLiteral("two"));
    const QString shown = view.toPlainText();
    QCOMPARE(occurrences(shown, QStringLiteral("Regenerate")), 1);
    QVERIFY(shown.indexOf(QStringLiteral("Regenerate")) > shown.indexOf(QStringLiteral("two")));
    QCOMPARE(occurrences(shown, QStringLiteral("Copy")), 4); // two prompts, two answers

    // Edit is offered on every prompt and names its turn.
    QVERIFY(clickLink(view, QStringLiteral("Edit"), 0));
    QVERIFY(clickLink(view, QStringLiteral("Edit"), 1));
    QCOMPARE(edit.size(), 2);
    QCOMPARE(edit.at(0).at(0).toInt(), 0);
    QCOMPARE(edit.at(1).at(0).toInt(), 1);
    // Its tooltip says what resending does.
    QTextCursor link = view.document()->find(QStringLiteral("Edit"));
    QTextCursor inside(view.document());
    inside.setPosition(link.selectionStart() + 1);
    QVERIFY(inside.charFormat().toolTip().contains(QStringLiteral("branch")));
    link = view.document()->find(QStringLiteral("Regenerate"));
    inside.setPosition(link.selectionStart() + 1);
    QVERIFY(inside.charFormat().toolTip().contains(QStringLiteral("replaces")));
}

void tst_MessageActions::regeneratedTurnIsDrawnAnew()
{
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("question"));
    LaneResult failed;
    failed.chat.status = ResultStatus::Error;
    driven.model.finishTurn(0, failed, history::AnswerState::Error);
    view.setNote(0, QStringLiteral("Not sent: no key for Groq."));
    QVERIFY(view.toPlainText().contains(QStringLiteral("Not sent")));

    driven.model.restartTurn(0, LaneResult());
    QVERIFY(view.isStreaming());
    QVERIFY(!view.toPlainText().contains(QStringLiteral("Not sent"))); // the old note went
    QVERIFY(view.toPlainText().contains(QStringLiteral("Waiting for the first token")));
    driven.appendStreamed({}, QStringLiteral("fresh words"), {});
    finish(driven, QStringLiteral("fresh words"));
    const QString shown = view.toPlainText();
    QCOMPARE(occurrences(shown, QStringLiteral("question")), 1);
    QVERIFY(shown.contains(QStringLiteral("fresh words")));
    QVERIFY(!shown.contains(QStringLiteral("Not sent")));
}

void tst_MessageActions::followsUntilScrolledUp()
{
    Driven driven;
    ConversationView &view = driven.view;
    view.resize(300, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.verticalScrollBar();
    driven.beginTurn(QStringLiteral("long"));
    for (int i = 0; i < 40; ++i)
        driven.appendStreamed({}, QStringLiteral("line %1 of the answer\n\n").arg(i), {});
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum()); // following the answer
    QVERIFY(view.isFollowing());
    QVERIFY(!view.jumpButton()->isVisible());

    // The user scrolls up: the view stays there while the answer grows.
    bar->setValue(0);
    QVERIFY(!view.isFollowing());
    QVERIFY(view.jumpButton()->isVisible());
    const int before = bar->maximum();
    for (int i = 40; i < 60; ++i)
        driven.appendStreamed({}, QStringLiteral("line %1 of the answer\n\n").arg(i), {});
    QTRY_VERIFY(bar->maximum() > before);
    QCOMPARE(bar->value(), 0);
    QVERIFY(view.jumpButton()->isVisible());
    const QRect button = view.jumpButton()->geometry();
    QVERIFY(view.viewport()->geometry().contains(button)); // floating over the text

    // "Jump to latest" goes to the end and follows again.
    QTest::mouseClick(view.jumpButton(), Qt::LeftButton);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(view.isFollowing());
    QVERIFY(!view.jumpButton()->isVisible());
    const int end = bar->maximum();
    for (int i = 60; i < 80; ++i)
        driven.appendStreamed({}, QStringLiteral("line %1 of the answer\n\n").arg(i), {});
    QTRY_VERIFY(bar->maximum() > end);
    QTRY_COMPARE(bar->value(), bar->maximum());
    // Scrolling back to the end by hand follows again too.
    bar->setValue(0);
    QVERIFY(!view.isFollowing());
    bar->setValue(bar->maximum());
    QVERIFY(view.isFollowing());
    QVERIFY(!view.jumpButton()->isVisible());
}

void tst_MessageActions::reasoningShowsDurationAndTokens_data()
{
    QTest::addColumn<double>("reasoningMs");     // < 0: not measured
    QTest::addColumn<qint64>("reasoningTokens"); // < 0: not reported
    QTest::addColumn<bool>("estimated");
    QTest::addColumn<QString>("expected");
    const QString words = QStringLiteral("▸ Show reasoning (8 words)");
    QTest::addRow("reported") << 3140.0 << qint64(57) << false << words + QStringLiteral(" · 3.1 s · 57 tokens");
    QTest::addRow("long, estimated usage")
        << 65000.0 << qint64(40) << true << words + QStringLiteral(" · 65 s · ~40 tokens");
    // Not reported: estimated from the text (40 Latin characters, 4 to a token).
    QTest::addRow("no usage, no duration") << -1.0 << qint64(-1) << false << words + QStringLiteral(" · ~10 tokens");
}

void tst_MessageActions::reasoningShowsDurationAndTokens()
{
    QFETCH(double, reasoningMs);
    QFETCH(qint64, reasoningTokens);
    QFETCH(bool, estimated);
    QFETCH(QString, expected);
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("think"));
    LaneResult result;
    result.chat.text = QStringLiteral("Done.");
    result.chat.reasoning = QStringLiteral("one two three four five six seven eight."); // 40 characters
    if (reasoningTokens >= 0)
        result.chat.usage.reasoningTokens = reasoningTokens;
    result.chat.usage.estimated = estimated;
    if (reasoningMs >= 0)
        result.metrics.reasoningMs = reasoningMs;
    driven.model.finishTurn(0, result, history::AnswerState::Complete);
    const QTextCursor header = view.document()->find(QStringLiteral("Show reasoning"));
    QVERIFY(!header.isNull());
    QCOMPARE(header.block().text(), expected);
}

QTEST_MAIN(tst_MessageActions)
#include "tst_messageactions.moc"
