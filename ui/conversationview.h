// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatresult.h"
#include "safetextbrowser.h"

#include <QList>

namespace versus::ui {

/// One lane's conversation: the user's prompts, and each answer with its reasoning (folded
/// into a dimmed section above it), its tool calls (name and pretty-printed arguments) and a
/// note when it did not end normally.
///
/// Rendering follows docs on streaming text: while a turn streams, new text is appended to
/// the end of the document as plain text (the caller coalesces deltas and calls
/// appendStreamed() from a ~33 ms timer); only when the layout of the turn changes (the
/// first answer text after thinking, a tool call) is the streaming turn re-rendered. When
/// the turn ends its answer is converted to Markdown once, without HTML.
class ConversationView : public SafeTextBrowser {
    Q_OBJECT
public:
    explicit ConversationView(QWidget *parent = nullptr);

    /// Starts a turn: shows @p prompt, then the answer as it streams.
    void beginTurn(const QString &prompt);
    /// Adds what arrived since the last call to the streaming turn.
    void appendStreamed(const QString &reasoning, const QString &text, const QList<ToolCallFragment> &toolCalls);
    /// Ends the streaming turn with the complete @p result (the truth for its text), renders
    /// the answer as Markdown and adds @p note under it when not empty ("Stopped", ...).
    void finishTurn(const ChatResult &result, const QString &note = QString());
    /// Ends the streaming turn without an answer (it was never sent), with @p note.
    void abandonTurn(const QString &note);
    void clearConversation();

    int turnCount() const { return int(m_turns.size()); }
    bool isStreaming() const { return !m_turns.isEmpty() && m_turns.last().streaming; }
    QString promptText(int turn) const;
    QString answerText(int turn) const;
    QString reasoningText(int turn) const;
    bool isReasoningExpanded(int turn) const;
    void setReasoningExpanded(int turn, bool expanded);

private:
    struct Turn {
        QString prompt;
        QString reasoning;
        QString answer;
        QList<ToolCall> toolCalls;
        QString note;
        bool streaming = true;
        bool reasoningExpanded = false;
    };
    // What the rendered streaming turn looks like; when it changes the turn is re-rendered.
    struct TailShape {
        bool liveReasoning = false; // thinking shown in full while nothing else has arrived
        bool hasAnswer = false;
        qsizetype toolCalls = 0;
        friend bool operator==(const TailShape &, const TailShape &) = default;
    };

    static TailShape shapeOf(const Turn &turn);
    void renderAll();
    void rerenderTail();
    void renderUser(QTextCursor &cursor, const Turn &turn, int index);
    void renderAssistant(QTextCursor &cursor, const Turn &turn, int index);
    void renderReasoning(QTextCursor &cursor, const Turn &turn, int index, bool live);
    void renderToolCall(QTextCursor &cursor, const ToolCall &call, bool streaming);
    void renderMarkdown(QTextCursor &cursor, const QString &markdown);
    void startBlock(QTextCursor &cursor, const QTextBlockFormat &block = {}, const QTextCharFormat &chars = {});
    QTextCharFormat dimFormat() const;
    bool isScrolledToEnd() const;
    void scrollToEnd();
    void onInternalLink(const QUrl &url);

    QList<Turn> m_turns;
    int m_tailStart = 0; // where the streaming turn's answer part begins in the document
    TailShape m_tailShape;
};

} // namespace versus::ui
