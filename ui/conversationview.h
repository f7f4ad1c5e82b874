// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneconversation.h"
#include "markdownstream.h"
#include "promptimages.h"
#include "safetextbrowser.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QTextCursor>
#include <QTimer>

class QToolButton;

namespace versus::ui {

/// One lane's conversation, read from its LaneConversation model: the user's prompts, and
/// each answer with its reasoning (folded into a dimmed section above it), its tool calls
/// (name and pretty-printed arguments) and a note when it did not end normally.
///
/// Rendering follows docs on streaming text: while a turn streams, what the model gained is
/// added at the end of the document at most ~30 times a second (the view coalesces the
/// model's dataChanged itself; syncStreaming() does it at once): completed Markdown blocks are
/// drawn as Markdown, the unfinished tail is appended as plain text (MarkdownStream); only when
/// the layout of the turn changes (the first answer text after thinking, a tool call) is the
/// streaming turn re-rendered. When the turn ends its answer is drawn once more, the same way
/// at once (it looks the same), without HTML. The view keeps no copy of the text.
///
/// Each message has small links: Copy (prompt or answer), Edit on prompts, Regenerate on the
/// last answer, Copy on each code block. The view follows the end of the conversation while
/// it grows, until the user scrolls up; a "Jump to latest" button then brings it back.
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
    /// Milliseconds until the pending sync (-1 when none): lanes streaming together are spread.
    int syncDueInMs() const { return m_syncTimer.remainingTime(); }
    QString promptText(int turn) const;
    QString answerText(int turn) const;
    QString reasoningText(int turn) const;
    bool isReasoningExpanded(int turn) const;
    void setReasoningExpanded(int turn, bool expanded);
    /// A call of the tool trace under @p turn's answer shows its arguments and result
    /// (@p key from traceKey()/serverTraceKey()).
    bool isCallExpanded(int turn, const QString &key) const;
    void setCallExpanded(int turn, const QString &key, bool expanded);

    /// Whether the view follows the end of the conversation as it grows (off once the user
    /// scrolled up, on again at the end or with the jump button).
    bool isFollowing() const { return m_following; }
    /// "Jump to latest ↓", shown while the view does not follow ("jumpToLatest").
    QToolButton *jumpButton() const { return m_jumpButton; }
    /// Scrolls to the end and follows it again.
    void jumpToLatest();

    /// Where the view is scrolled to: the turn at the top of the view (its prompt at or above
    /// the top edge) and how far into that turn the top edge is (0 = its prompt, 1 = the next
    /// turn's). conversationscroll.cpp.
    std::pair<int, double> scrollAnchor() const;
    /// Scrolls @p fraction of the way into @p turn (past the last turn: to the end).
    void scrollToAnchor(int turn, double fraction);

Q_SIGNALS:
    /// The thumbnail of @p image, sent with a prompt, was clicked.
    void imageActivated(const versus::ImageInput &image);
    /// "Edit" of @p turn's prompt was clicked.
    void editRequested(int turn);
    /// "Regenerate" of the last answer was clicked.
    void regenerateRequested();
    /// Something was copied to the clipboard (for a status message).
    void copied(const QString &what);
    /// The view was scrolled other than by following the end (by the user, or scrollToAnchor()).
    void scrolledByHand();

protected:
    void resizeEvent(QResizeEvent *event) override;

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
    void renderActions(QTextCursor &cursor, const LaneTurn &turn, int index);
    AnswerStyle answerStyle(int turn) const;
    void renderToolCall(QTextCursor &cursor, const ToolCall &call, bool streaming);
    void renderTrace(QTextCursor &cursor, const LaneTurn &turn, int index);
    void rerenderTurn(int turn);
    void startBlock(QTextCursor &cursor, const QTextBlockFormat &block = {}, const QTextCharFormat &chars = {});
    void markRendered(const LaneTurn &turn);
    QTextCharFormat dimFormat() const;
    bool isScrolledToEnd() const;
    double turnTop(int index) const; ///< document y of rendered turn @p index's prompt; the end past the last
    void scrollToEnd();
    void onScrolled();
    void placeJumpButton();
    void onInternalLink(const QUrl &url);
    void copy(const QString &text, const QString &what);

    QPointer<LaneConversation> m_model;
    QList<TurnView> m_views;
    QList<int> m_turnStarts; // document position where each rendered turn's prompt begins
    int m_firstRendered = 0;
    QTimer m_syncTimer;
    int m_tailStart = 0; // where the last turn's answer part begins in the document
    TailShape m_tailShape;
    bool m_tailStreaming = false; // the last turn was drawn while it streamed
    qsizetype m_renderedText = 0; // of the streaming turn
    qsizetype m_renderedReasoning = 0;
    QList<ToolCall> m_renderedToolCalls;
    PromptImages m_promptImages;
    MarkdownStream m_stream;      // the streaming turn's answer text
    QTextCursor m_regenerateLink; // on the last answer; removed when a turn follows
    bool m_following = true;
    bool m_autoScrolling = false;
    QToolButton *m_jumpButton;
};

} // namespace versus::ui
