// SPDX-License-Identifier: GPL-3.0-or-later
// ConversationView: how a turn is drawn (prompt, reasoning, answer, tool calls, note, links).
#include "conversationview.h"
#include "markdownblocks.h"
#include "messagelinks.h"
#include "richtext.h"
#include "tooltracerender.h"

#include <QTextCursor>
#include <QTextFrame>

namespace versus::ui {

void ConversationView::startBlock(QTextCursor &cursor, const QTextBlockFormat &block, const QTextCharFormat &chars)
{
    if (cursor.block().length() > 1) {
        cursor.insertBlock(block, chars);
    } else {
        cursor.setBlockFormat(block);
        cursor.setBlockCharFormat(chars);
        cursor.setCharFormat(chars);
    }
}

QTextCharFormat ConversationView::dimFormat() const
{
    QTextCharFormat format;
    format.setForeground(mix(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.45));
    return format;
}

void ConversationView::renderUser(QTextCursor &cursor, const LaneTurn &turn, int index)
{
    QTextFrameFormat frame;
    frame.setBackground(mix(palette().color(QPalette::Base), palette().color(QPalette::Highlight), 0.12));
    frame.setPadding(8);
    frame.setBorder(0);
    frame.setTopMargin(index == 0 ? 0 : 14);
    frame.setBottomMargin(8);
    cursor.insertFrame(frame);
    // The prompt is the user's own text: shown as typed, never interpreted.
    cursor.insertText(turn.prompt, QTextCharFormat());
    if (!turn.images.isEmpty()) {
        if (!turn.prompt.isEmpty())
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        m_promptImages.insert(cursor, turn.images, index);
    }
    QTextBlockFormat actions;
    actions.setAlignment(Qt::AlignRight);
    actions.setTopMargin(2);
    QTextCharFormat small = dimFormat();
    small.setFontPointSize(std::max(6.0, document()->defaultFont().pointSizeF() - 1));
    cursor.insertBlock(actions, small);
    insertLinks(cursor,
                {{tr("Copy"), messageLink(QStringLiteral("copy"), index, QStringLiteral("prompt")),
                  tr("Copy this prompt to the clipboard")},
                 {tr("Edit"), messageLink(QStringLiteral("edit"), index),
                  tr("Edit this prompt and send it again: the turns after it are replaced in a branch, "
                     "a new conversation; this one stays in the history unchanged")}},
                small);
    cursor = document()->rootFrame()->lastCursorPosition();
}

void ConversationView::renderAssistant(QTextCursor &cursor, const LaneTurn &turn, int index)
{
    const ChatResult &chat = turn.result.chat;
    const bool streaming = isStreamingTurn(turn);
    const TailShape shape = shapeOf(turn);
    if (!chat.reasoning.isEmpty())
        renderReasoning(cursor, turn, index, shape.liveReasoning);

    if (!chat.text.isEmpty()) {
        startBlock(cursor);
        if (streaming) {
            m_stream.begin(document(), cursor, answerStyle(index));
            m_stream.update(chat.text);
            cursor.movePosition(QTextCursor::End);
        } else {
            renderAnswerMarkdown(cursor, chat.text, answerStyle(index));
        }
    } else if (streaming && chat.reasoning.isEmpty() && chat.toolCalls.isEmpty()) {
        startBlock(cursor, {}, dimFormat());
        cursor.insertText(tr("Waiting for the first token…"), dimFormat());
    }

    // Calls the trace shows already (their round ended) are not drawn twice.
    if (!callsShownInTrace(chat.toolCalls, turn.result.toolRounds)) {
        for (const ToolCall &call : chat.toolCalls)
            renderToolCall(cursor, call, streaming);
    }
    renderTrace(cursor, turn, index);

    const QString note = index < m_views.size() ? m_views.at(index).note : QString();
    if (!note.isEmpty()) {
        QTextBlockFormat block;
        block.setTopMargin(6);
        QTextCharFormat format = dimFormat();
        format.setFontItalic(true);
        startBlock(cursor, block, format);
        cursor.insertText(note, format);
    }
    if (!streaming)
        renderActions(cursor, turn, index);
}

AnswerStyle ConversationView::answerStyle(int turn) const
{
    AnswerStyle style;
    style.font = document()->defaultFont();
    style.dim = dimFormat();
    style.codeBackground = mix(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.06);
    style.turn = turn;
    return style;
}

void ConversationView::renderActions(QTextCursor &cursor, const LaneTurn &turn, int index)
{
    const bool last = index == turnCount() - 1;
    if (turn.result.chat.text.isEmpty() && !last)
        return;
    QTextBlockFormat block;
    block.setTopMargin(4);
    QTextCharFormat small = dimFormat();
    small.setFontPointSize(std::max(6.0, document()->defaultFont().pointSizeF() - 1));
    startBlock(cursor, block, small);
    if (!turn.result.chat.text.isEmpty()) {
        insertLinks(cursor,
                    {{tr("Copy"), messageLink(QStringLiteral("copy"), index, QStringLiteral("answer")),
                      tr("Copy this answer (its Markdown) to the clipboard")}},
                    small);
    }
    if (last) {
        // Only the last answer can be regenerated: this link goes when a turn follows.
        const int start = cursor.position();
        if (!turn.result.chat.text.isEmpty())
            cursor.insertText(QStringLiteral("   "), small);
        insertLinks(cursor,
                    {{tr("Regenerate"), messageLink(QStringLiteral("regenerate"), index),
                      tr("Send this prompt again to this lane: the new answer replaces this one, "
                         "here and in the history")}},
                    small);
        m_regenerateLink = QTextCursor(document());
        m_regenerateLink.setPosition(start);
        m_regenerateLink.setPosition(cursor.position(), QTextCursor::KeepAnchor);
    }
}

void ConversationView::renderReasoning(QTextCursor &cursor, const LaneTurn &turn, int index, bool live)
{
    QTextCharFormat header = dimFormat();
    QTextBlockFormat headerBlock;
    headerBlock.setBottomMargin(4);
    if (live) {
        header.setFontItalic(true);
        startBlock(cursor, headerBlock, header);
        cursor.insertText(tr("Thinking…"), header);
    } else {
        QUrl url;
        url.setScheme(QStringLiteral("versus"));
        url.setPath(QStringLiteral("reasoning"));
        url.setQuery(QStringLiteral("turn=%1").arg(index));
        header.setAnchor(true);
        header.setAnchorHref(url.toString());
        startBlock(cursor, headerBlock, header);
        cursor.insertText(reasoningHeader(turn, isReasoningExpanded(index)), header);
    }
    if (live || isReasoningExpanded(index)) {
        QTextBlockFormat body;
        body.setLeftMargin(12);
        body.setBottomMargin(6);
        startBlock(cursor, body, dimFormat());
        const QString &reasoning = turn.result.chat.reasoning;
        insertShownText(cursor, reasoning, 0, shownLength(reasoning), dimFormat());
        if (!live) {
            // Leave the indented block so that what follows starts at the margin.
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        }
    }
}

void ConversationView::renderToolCall(QTextCursor &cursor, const ToolCall &call, bool streaming)
{
    startBlock(cursor);
    renderCallAsStreamed(cursor, call, streaming, traceStyle(palette(), dimFormat()));
    cursor = document()->rootFrame()->lastCursorPosition();
}

void ConversationView::renderTrace(QTextCursor &cursor, const LaneTurn &turn, int index)
{
    if (turn.result.toolRounds.isEmpty())
        return;
    startBlock(cursor);
    renderToolTrace(cursor, turn.result.toolRounds, index,
                    index < m_views.size() ? m_views.at(index).expandedCalls : QSet<QString>(),
                    traceStyle(palette(), dimFormat()));
    cursor = document()->rootFrame()->lastCursorPosition();
}

} // namespace versus::ui
