// SPDX-License-Identifier: GPL-3.0-or-later
// How a lane shows a conversation: streamed text appended as plain text, Markdown once the
// answer is complete, reasoning folded into a dimmed section, tool calls as readable blocks.
// The view reads a LaneConversation model; the tests drive the model as a LaneRun does.
#include "compare/answercodec.h"
#include "conversationview.h"
#include "drivenconversation.h"
#include "englishplurals.h"

#include <QFontDatabase>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

ChatResult resultWith(const QString &text, const QString &reasoning = QString())
{
    ChatResult result;
    result.text = text;
    result.reasoning = reasoning;
    return result;
}

// Every character format used for @p text in the document (the first match).
QTextCharFormat formatOf(const QTextDocument *document, const QString &text)
{
    QTextCursor cursor = document->find(text);
    if (cursor.isNull())
        return {};
    QTextCursor inside(const_cast<QTextDocument *>(document));
    inside.setPosition(cursor.selectionStart() + 1);
    return inside.charFormat();
}

int imageCount(const QTextDocument *document)
{
    int images = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                ++images;
        }
    }
    return images;
}

} // namespace

class tst_ConversationView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(installEnglishPlurals()); } // counts read as in the English window
    void streamsPlainTextThenMarkdown();
    void appendsWithoutRebuilding();
    void reasoningIsFoldedAndDimmed();
    void toolCallsAreReadableBlocks();
    void imagesInAnswersAreNotLoaded();
    void abandonedAndClearedTurns();
    void emptyViewSaysWhatToDo();
    void longConversationRendersItsLastTurns();
    void laterRoundsStreamAboveTheTrace();
    void roundLimitSaysWhatToDo();
};

void tst_ConversationView::streamsPlainTextThenMarkdown()
{
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("Explain"));
    QVERIFY(view.isStreaming());
    QVERIFY(view.toPlainText().contains(QStringLiteral("Waiting for the first token")));
    driven.appendStreamed({}, QStringLiteral("Some **bold"), {});
    driven.appendStreamed({}, QStringLiteral("** text\n\n- one\n- two"), {});
    // While it streams the text is shown as it came, markup and all (a half-open
    // construct is never rendered wrong).
    QVERIFY(view.toPlainText().contains(QStringLiteral("Some **bold** text")));
    QVERIFY(!view.toPlainText().contains(QStringLiteral("Waiting for the first token")));

    driven.finishTurn(resultWith(QStringLiteral("Some **bold** text\n\n- one\n- two")));
    QVERIFY(!view.isStreaming());
    const QString shown = view.toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("Some bold text")), qPrintable(shown));
    QVERIFY(!shown.contains(QStringLiteral("**")));
    QCOMPARE(formatOf(view.document(), QStringLiteral("bold")).fontWeight(), int(QFont::Bold));
    const QTextCursor item = view.document()->find(QStringLiteral("two"));
    QVERIFY(!item.isNull());
    QVERIFY(item.block().textList()); // a real list, not "- two"
    QCOMPARE(view.answerText(0), QStringLiteral("Some **bold** text\n\n- one\n- two"));
    QCOMPARE(view.promptText(0), QStringLiteral("Explain"));
}

void tst_ConversationView::appendsWithoutRebuilding()
{
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("Count"));
    driven.appendStreamed({}, QStringLiteral("0 "), {});

    struct Change {
        int from, removed, added;
    };
    QList<Change> changes;
    connect(view.document(), &QTextDocument::contentsChange, &view, [&changes](int from, int removed, int added) {
        changes.append({from, removed, added});
    });
    int expectedEnd = view.document()->characterCount() - 1;
    for (int i = 1; i <= 200; ++i) {
        const QString piece = QStringLiteral("%1 ").arg(i);
        driven.appendStreamed({}, piece, {});
        QVERIFY(!changes.isEmpty());
        // Each flush only appends at the end: nothing before is touched or re-laid out.
        for (const Change &change : std::as_const(changes)) {
            QCOMPARE(change.removed, 0);
            QCOMPARE(change.from, expectedEnd);
        }
        expectedEnd += int(piece.size());
        changes.clear();
    }
    QVERIFY(view.toPlainText().endsWith(QStringLiteral("199 200 ")));
}

void tst_ConversationView::reasoningIsFoldedAndDimmed()
{
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("Think"));
    driven.appendStreamed(QStringLiteral("Let me think "), {}, {});
    driven.appendStreamed(QStringLiteral("about it."), {}, {});
    // While only thinking has come, it is shown as it streams, dimmed.
    QVERIFY(view.toPlainText().contains(QStringLiteral("Thinking…")));
    QVERIFY(view.toPlainText().contains(QStringLiteral("Let me think about it.")));
    const QColor text = view.palette().color(QPalette::Text);
    QVERIFY(formatOf(view.document(), QStringLiteral("think about")).foreground().color() != text);

    // Once the answer starts, the thinking folds into one line above it.
    driven.appendStreamed({}, QStringLiteral("Forty-two."), {});
    QVERIFY(!view.toPlainText().contains(QStringLiteral("Let me think")));
    QVERIFY(view.toPlainText().contains(QStringLiteral("Show reasoning (5 words)")));
    driven.finishTurn(resultWith(QStringLiteral("Forty-two."), QStringLiteral("Let me think about it.")));
    QVERIFY(!view.isReasoningExpanded(0));
    const QString folded = view.toPlainText();
    QVERIFY(folded.indexOf(QStringLiteral("Show reasoning")) < folded.indexOf(QStringLiteral("Forty-two.")));

    // The fold line is a link; following it unfolds the reasoning, dimmed, above the answer.
    const QTextCharFormat toggle = formatOf(view.document(), QStringLiteral("Show reasoning"));
    QVERIFY(toggle.isAnchor());
    Q_EMIT view.anchorClicked(QUrl(toggle.anchorHref()));
    QVERIFY(view.isReasoningExpanded(0));
    const QString unfolded = view.toPlainText();
    QVERIFY(unfolded.contains(QStringLiteral("Hide reasoning")));
    QVERIFY(unfolded.indexOf(QStringLiteral("Let me think about it.")) <
            unfolded.indexOf(QStringLiteral("Forty-two.")));
    QVERIFY(formatOf(view.document(), QStringLiteral("think about")).foreground().color() != text);
    Q_EMIT view.anchorClicked(QUrl(formatOf(view.document(), QStringLiteral("Hide reasoning")).anchorHref()));
    QVERIFY(!view.isReasoningExpanded(0));
    QVERIFY(!view.toPlainText().contains(QStringLiteral("Let me think")));
}

void tst_ConversationView::toolCallsAreReadableBlocks()
{
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("Weather?"));
    driven.appendStreamed(
        {}, {},
        {ToolCallFragment{
            0, QStringLiteral("call_1"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":"), {}}});
    driven.appendStreamed({}, {}, {ToolCallFragment{0, {}, {}, QStringLiteral("\"Paris\",\"days\":[1,2]}"), {}}});
    QVERIFY(view.toPlainText().contains(QStringLiteral("Tool call: get_weather")));
    QVERIFY(view.toPlainText().contains(QStringLiteral("{\"city\":\"Paris\",\"days\":[1,2]}")));

    ChatResult result;
    result.toolCalls = {ToolCall{0,
                                 QStringLiteral("call_1"),
                                 QStringLiteral("get_weather"),
                                 QStringLiteral("{\"city\":\"Paris\",\"days\":[1,2]}"),
                                 {}},
                        ToolCall{1, QStringLiteral("call_2"), QStringLiteral("broken"), QStringLiteral("{\"a\":"), {}}};
    result.finishReason = QStringLiteral("tool_calls");
    driven.finishTurn(result);
    const QString shown = view.toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("\"city\": \"Paris\"")), qPrintable(shown)); // pretty-printed
    QVERIFY(shown.contains(QStringLiteral("Tool call: broken")));
    QVERIFY(shown.contains(QStringLiteral("{\"a\":"))); // shown as it came
    QVERIFY(shown.contains(QStringLiteral("The arguments are not valid JSON.")));
    QCOMPARE(formatOf(view.document(), QStringLiteral("\"city\"")).font().family(),
             QFontDatabase::systemFont(QFontDatabase::FixedFont).family()); // monospace
}

void tst_ConversationView::imagesInAnswersAreNotLoaded()
{
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("Show me"));
    const QString answer =
        QStringLiteral("Here: ![host](file:///etc/hostname) and ![chart](https://example.com/chart.png) done.");
    driven.appendStreamed({}, answer, {});
    driven.finishTurn(resultWith(answer));
    QCOMPARE(imageCount(view.document()), 0);
    const QString shown = view.toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("[image not loaded: host]")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("[image not loaded: chart]")));
    // The remote one stays reachable as a link (which asks before opening).
    QCOMPARE(formatOf(view.document(), QStringLiteral("image not loaded: chart")).anchorHref(),
             QStringLiteral("https://example.com/chart.png"));
    QVERIFY(!formatOf(view.document(), QStringLiteral("image not loaded: host")).isAnchor());
    QVERIFY(
        view.document()->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/hostname"))).isNull());
}

void tst_ConversationView::abandonedAndClearedTurns()
{
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("first"));
    driven.abandonTurn(QStringLiteral("Not sent: no key for Groq."));
    QVERIFY(!view.isStreaming());
    QVERIFY(view.toPlainText().contains(QStringLiteral("Not sent: no key for Groq.")));
    driven.beginTurn(QStringLiteral("second"));
    driven.appendStreamed({}, QStringLiteral("partial"), {});
    ChatResult stopped = resultWith(QStringLiteral("partial"));
    stopped.status = ResultStatus::Cancelled;
    driven.finishTurn(stopped, QStringLiteral("Stopped by you."));
    QCOMPARE(view.turnCount(), 2);
    const QString shown = view.toPlainText();
    QVERIFY(shown.indexOf(QStringLiteral("first")) < shown.indexOf(QStringLiteral("second")));
    QVERIFY(shown.indexOf(QStringLiteral("partial")) < shown.indexOf(QStringLiteral("Stopped by you.")));

    driven.clearConversation();
    QCOMPARE(view.turnCount(), 0);
    QVERIFY(view.toPlainText().isEmpty());
    QVERIFY(!view.isStreaming());
}

void tst_ConversationView::emptyViewSaysWhatToDo()
{
    Driven driven;
    ConversationView &view = driven.view;
    QVERIFY(view.document()->isEmpty());
    QVERIFY(!view.document()->isUndoRedoEnabled()); // a long transcript keeps no undo history
}

void tst_ConversationView::longConversationRendersItsLastTurns()
{
    Driven driven;
    QList<LaneTurn> turns;
    for (int i = 0; i < 100; ++i) {
        LaneTurn turn;
        turn.prompt = QStringLiteral("prompt %1").arg(i);
        turn.state = history::AnswerState::Complete;
        turn.result.chat.text = QStringLiteral("answer %1").arg(i);
        turns.append(turn);
    }
    driven.model.setTurns(turns);
    ConversationView &view = driven.view;
    QCOMPARE(view.turnCount(), 100);
    QCOMPARE(view.firstRenderedTurn(), 100 - ConversationView::kRenderedTurns);
    QString shown = view.toPlainText();
    QVERIFY(shown.contains(QStringLiteral("answer 99")));
    QVERIFY(shown.contains(QStringLiteral("prompt 60")));
    QVERIFY(!shown.contains(QStringLiteral("prompt 59\n")) && !shown.contains(QStringLiteral("answer 59")));
    QVERIFY(shown.contains(QStringLiteral("Show earlier turns (60 more)")));

    // The link at the top renders the previous ones.
    const QTextCursor link = view.document()->find(QStringLiteral("Show earlier turns"));
    Q_EMIT view.anchorClicked(QUrl(link.charFormat().anchorHref()));
    QCOMPARE(view.firstRenderedTurn(), 20);
    QVERIFY(view.toPlainText().contains(QStringLiteral("answer 20")));
    QVERIFY(view.toPlainText().contains(QStringLiteral("(20 more)")));

    // Going to a turn (a search hit) renders from there.
    view.scrollToTurn(3);
    QCOMPARE(view.firstRenderedTurn(), 3);
    QVERIFY(view.toPlainText().contains(QStringLiteral("answer 3\n")));
    QVERIFY(view.toPlainText().contains(QStringLiteral("Show earlier turns (3 more)")));

    // A new turn still streams at the end.
    driven.beginTurn(QStringLiteral("next"));
    driven.appendStreamed({}, QStringLiteral("streaming"), {});
    QVERIFY(view.toPlainText().endsWith(QStringLiteral("streaming")));
}

void tst_ConversationView::laterRoundsStreamAboveTheTrace()
{
    Driven driven;
    ConversationView &view = driven.view;
    driven.beginTurn(QStringLiteral("Compute"));
    driven.appendStreamed(
        {}, QStringLiteral("ALPHA"),
        {ToolCallFragment{0, QStringLiteral("c1"), QStringLiteral("calculator"), QStringLiteral("{}"), {}}});
    tools::ToolRound round;
    round.text = QStringLiteral("ALPHA");
    tools::ToolCallTrace trace;
    trace.call = ToolCall{0, QStringLiteral("c1"), QStringLiteral("calculator"), QStringLiteral("{}"), {}};
    trace.validJson = true;
    trace.knownTool = true;
    trace.source = tools::ResultSource::Builtin;
    trace.result = QStringLiteral("{\"result\":1}");
    round.calls = {trace};
    driven.model.setRounds(driven.last(), {round});
    view.syncStreaming();
    driven.model.startRound(driven.last(), QStringLiteral("ALPHA"), QString());
    view.syncStreaming();
    driven.appendStreamed({}, QStringLiteral("OMEGA"), {});
    driven.appendStreamed({}, QStringLiteral(" END"), {});
    // Both rounds' words are above the trace's card, in order, while the second one streams.
    const QString text = view.toPlainText();
    const qsizetype alpha = text.indexOf(QStringLiteral("ALPHA"));
    const qsizetype omega = text.indexOf(QStringLiteral("OMEGA END"));
    const qsizetype card = text.indexOf(QStringLiteral("Round 1"));
    QVERIFY2(alpha >= 0 && omega > alpha && card > omega, qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("calculator")), 1); // the streamed call is drawn once, in the trace
}

void tst_ConversationView::roundLimitSaysWhatToDo()
{
    LaneTurn turn;
    turn.state = history::AnswerState::Truncated;
    turn.result.chat.status = ResultStatus::Truncated;
    turn.result.toolRoundLimitReached = true;
    turn.result.toolRounds = QList<tools::ToolRound>(3);
    const QString note = ConversationView::defaultNote(turn);
    QVERIFY2(note.contains(QStringLiteral("3 round")) && note.contains(QStringLiteral("Tools")), qPrintable(note));
}

QTEST_MAIN(tst_ConversationView)
#include "tst_conversationview.moc"
