// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneconversation.h"
#include "promptimages.h"
#include "safetextbrowser.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace versus::ui {

/// One lane's conversation, read from its LaneConversation model: the user's prompts, and
/// each answer with its reasoning (folded into a dimmed section above it), its tool calls
/// (name and pretty-printed arguments) and a note when it did not end normally.
///
/// Rendering follows docs on streaming text: while a turn streams, what the model gained is
/// appended to the end of the document as plain text, at most ~30 times a second (the view
/// coalesces the model's dataChanged itself; syncStreaming() does it at once); only when the
/// layout of the turn changes (the first answer text after thinking, a tool call) is the
/// streaming turn re-rendered. When the turn ends its answer is converted to Markdown once,
/// without HTML. The view keeps no copy of the text: only what it has rendered so far.
class ConversationView : public SafeTextBrowser {
    Q_OBJECT
public:
    explicit ConversationView(QWidget *parent = nullptr);

    /// Shows @p model (not owned; may be null). Renders what it holds and follows its changes.
    void setConversation(LaneConversation *model);
    LaneConversation *conversation() const { return m_model; }

    /// Renders what the streaming turn gained since the last render.
    void syncStreaming();
    /// Sets the note under the answer of @p turn ("Not sent: no key for Groq."), replacing the
    /// one the view words from the turn's state.
    void setNote(int turn, const QString &note);
    /// Scrolls so that @p turn's prompt is at the top.
    void scrollToTurn(int turn);

    /// Turns rendered when a conversation is shown; earlier ones come with "Show earlier turns".
    static constexpr int kRenderedTurns = 40;
    /// The first turn rendered in the document (earlier ones are behind the link at the top).
    int firstRenderedTurn() const { return m_firstRendered; }
    /// Renders @p count more of the earlier turns.
    void showEarlierTurns(int count = kRenderedTurns);

    /// The note the view shows for a turn that ended the way @p turn did ("Stopped by you.", ...).
    static QString defaultNote(const LaneTurn &turn);

    int turnCount() const;
    bool isStreaming() const;
    bool isSyncPending() const { return m_syncTimer.isActive(); }
    QString promptText(int turn) const;
    QString answerText(int turn) const;
    QString reasoningText(int turn) const;
    bool isReasoningExpanded(int turn) const;
    void setReasoningExpanded(int turn, bool expanded);
    /// A call of the tool trace under @p turn's answer shows its arguments and result
    /// (@p key from traceKey()/serverTraceKey()).
    bool isCallExpanded(int turn, const QString &key) const;
    void setCallExpanded(int turn, const QString &key, bool expanded);

Q_SIGNALS:
    /// The thumbnail of @p image, sent with a prompt, was clicked.
    void imageActivated(const versus::ImageInput &image);

protected:
    /// A new palette (the theme, or the desktop going dark) re-renders the rich text, whose
    /// colours (prompt bubble, dimmed text, code) are derived from the palette.
    void changeEvent(QEvent *event) override;

private:
    struct TurnView {
        bool reasoningExpanded = false;
        QString note;
        bool noteSet = false; // setNote() was called: keep it
        QSet<QString> expandedCalls;
    };
    // What the rendered streaming turn looks like; when it changes the turn is re-rendered.
    struct TailShape {
        bool liveReasoning = false; // thinking shown in full while nothing else has arrived
        bool hasAnswer = false;
        qsizetype toolCalls = 0;
        qsizetype rounds = 0;        // of the tool loop's trace
        qsizetype answeredCalls = 0; // calls of the trace with a result (the "ask" ones change)
        friend bool operator==(const TailShape &, const TailShape &) = default;
    };

    static TailShape shapeOf(const LaneTurn &turn);
    static bool isStreamingTurn(const LaneTurn &turn);
    void onRowsInserted(int first, int last);
    void onDataChanged(int first, int last);
    void resetFromModel();
    void renderAll();
    void rerenderTail();
    void renderUser(QTextCursor &cursor, const LaneTurn &turn, int index);
    void renderAssistant(QTextCursor &cursor, const LaneTurn &turn, int index);
    void renderReasoning(QTextCursor &cursor, const LaneTurn &turn, int index, bool live);
    void renderToolCall(QTextCursor &cursor, const ToolCall &call, bool streaming);
    void renderTrace(QTextCursor &cursor, const LaneTurn &turn, int index);
    void rerenderTurn(int turn);
    void startBlock(QTextCursor &cursor, const QTextBlockFormat &block = {}, const QTextCharFormat &chars = {});
    void markRendered(const LaneTurn &turn);
    QTextCharFormat dimFormat() const;
    bool isScrolledToEnd() const;
    void scrollToEnd();
    void onInternalLink(const QUrl &url);

    QPointer<LaneConversation> m_model;
    QList<TurnView> m_views;
    QList<int> m_turnStarts; // document position where each rendered turn's prompt begins
    int m_firstRendered = 0;
    QTimer m_syncTimer;
    int m_tailStart = 0; // where the last turn's answer part begins in the document
    TailShape m_tailShape;
    qsizetype m_renderedText = 0; // of the streaming turn
    qsizetype m_renderedReasoning = 0;
    QList<ToolCall> m_renderedToolCalls;
    PromptImages m_promptImages;
};

} // namespace versus::ui
