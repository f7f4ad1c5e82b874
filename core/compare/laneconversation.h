// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/responseaccumulator.h"
#include "compare/laneresult.h"
#include "history/historyrecords.h"
#include "pricing/costtotals.h"

#include <QAbstractListModel>
#include <QDateTime>

namespace versus {

/// One turn as one lane holds it: the prompt and this lane's answer.
struct LaneTurn {
    qint64 turnId = 0; ///< history ids; 0 when the comparison is not saved
    qint64 answerId = 0;
    QString prompt;
    QList<ImageInput> images; ///< sent with the prompt
    QDateTime sentAt;         ///< UTC, when the user sent the prompt
    history::AnswerState state = history::AnswerState::Streaming;
    LaneResult result; ///< the answer so far while streaming, then the final one
    friend bool operator==(const LaneTurn &, const LaneTurn &) = default;
};

/// One lane's conversation, a row per turn: the only copy of its prompts and answers that
/// views, the next request and the history writer read. The streaming turn grows by
/// appendDelta(): its text row changes with dataChanged(..., {TextRole}) (and the reasoning
/// and tool-call roles as they change); views coalesce repaints themselves.
class LaneConversation : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        PromptRole = Qt::UserRole + 1,
        TextRole,
        ReasoningRole,
        ToolCallsRole,  ///< QVariant of QList<ToolCall>
        StateRole,      ///< int of history::AnswerState
        StreamingRole,  ///< bool
        TurnRole,       ///< QVariant of LaneTurn
        ToolRoundsRole, ///< the turn's tool-loop trace changed (LaneTurn::result.toolRounds)
    };

    explicit LaneConversation(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const LaneTurn &turn(int row) const { return m_turns.at(row); }
    const QList<LaneTurn> &turns() const { return m_turns; }
    bool isStreaming() const;

    /// Adds a turn (a streaming one when its state is Streaming); returns its row.
    int appendTurn(LaneTurn turn);
    /// Adds what one decoded delta carried to the streaming turn at @p row.
    void appendDelta(int row, const ChatDelta &delta);
    /// The tool loop's trace of the streaming turn at @p row changed (a round ended, a call
    /// was answered).
    void setRounds(int row, const QList<tools::ToolRound> &rounds);
    /// The tool loop sends its next request: the streaming turn's text goes on after what the
    /// finished rounds said (@p earlierText, @p earlierReasoning); their calls are in the trace.
    void startRound(int row, const QString &earlierText, const QString &earlierReasoning);
    /// Replaces the turn at @p row by its final form.
    void finishTurn(int row, const LaneResult &result, history::AnswerState state);
    /// The turn at @p row streams again from nothing (it is regenerated): its answer is emptied,
    /// its state is Streaming and @p result (target and model of the new answer) starts it.
    void restartTurn(int row, const LaneResult &result);
    /// Removes the turns from @p row on (an edited prompt replaces them).
    void truncate(int row);
    /// Replaces every turn (a conversation opened from history).
    void setTurns(QList<LaneTurn> turns);
    void clear();

    /// The conversation so far as chat messages for the next request: each turn's prompt and,
    /// when the model answered with text, its answer. A turn that produced no text (failed or
    /// stopped before any) is left out, so that the request stays valid.
    QList<ChatMessage> requestMessages() const { return requestMessages(int(m_turns.size())); }
    /// The same for the turns before @p row (the context of the turn at @p row).
    QList<ChatMessage> requestMessages(int row) const;
    /// The text the next request sends before the new prompt (for pre-send estimates).
    QString contextText() const;
    /// What the conversation's answers cost (see addAnswerCost()).
    CostTotals cost() const;

private:
    QList<LaneTurn> m_turns;
    ResponseAccumulator m_streaming; // of the last row while it streams
    int m_streamingRow = -1;
};

} // namespace versus

Q_DECLARE_METATYPE(versus::LaneTurn)
