// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/laneconversation.h"

namespace versus {

LaneConversation::LaneConversation(QObject *parent)
    : QAbstractListModel(parent)
{
}

int LaneConversation::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_turns.size());
}

QVariant LaneConversation::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_turns.size())
        return {};
    const LaneTurn &turn = m_turns.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return turn.result.chat.text;
    case PromptRole:
        return turn.prompt;
    case ReasoningRole:
        return turn.result.chat.reasoning;
    case ToolCallsRole:
        return QVariant::fromValue(turn.result.chat.toolCalls);
    case StateRole:
        return int(turn.state);
    case StreamingRole:
        return turn.state == history::AnswerState::Streaming;
    case TurnRole:
        return QVariant::fromValue(turn);
    default:
        return {};
    }
}

QHash<int, QByteArray> LaneConversation::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PromptRole, "prompt");
    names.insert(TextRole, "text");
    names.insert(ReasoningRole, "reasoning");
    names.insert(ToolCallsRole, "toolCalls");
    names.insert(StateRole, "state");
    names.insert(StreamingRole, "streaming");
    names.insert(TurnRole, "turn");
    return names;
}

bool LaneConversation::isStreaming() const
{
    return m_streamingRow >= 0;
}

int LaneConversation::appendTurn(LaneTurn turn)
{
    const int row = int(m_turns.size());
    beginInsertRows(QModelIndex(), row, row);
    const bool streaming = turn.state == history::AnswerState::Streaming;
    m_turns.append(std::move(turn));
    endInsertRows();
    if (streaming) {
        m_streaming.reset();
        m_streamingRow = row;
    }
    return row;
}

void LaneConversation::appendDelta(int row, const ChatDelta &delta)
{
    if (row != m_streamingRow || row < 0 || row >= m_turns.size())
        return;
    ChatResult &chat = m_turns[row].result.chat;
    QList<int> roles;
    // Appended in place: the row's strings grow without being copied per token.
    if (!delta.text.isEmpty()) {
        chat.text += delta.text;
        roles << TextRole << Qt::DisplayRole;
    }
    if (!delta.reasoning.isEmpty()) {
        chat.reasoning += delta.reasoning;
        roles << ReasoningRole;
    }
    if (!delta.toolCalls.isEmpty()) {
        ChatDelta calls;
        calls.toolCalls = delta.toolCalls;
        m_streaming.add(calls);
        chat.toolCalls = m_streaming.result().toolCalls;
        roles << ToolCallsRole;
    }
    if (!roles.isEmpty())
        Q_EMIT dataChanged(index(row), index(row), roles);
}

void LaneConversation::setRounds(int row, const QList<tools::ToolRound> &rounds)
{
    if (row != m_streamingRow || row < 0 || row >= m_turns.size())
        return;
    m_turns[row].result.toolRounds = rounds;
    Q_EMIT dataChanged(index(row), index(row), {ToolRoundsRole});
}

void LaneConversation::startRound(int row, const QString &earlierText, const QString &earlierReasoning)
{
    if (row != m_streamingRow || row < 0 || row >= m_turns.size())
        return;
    ChatResult &chat = m_turns[row].result.chat;
    // The next round's words follow a blank line (as the final answer joins them).
    chat.text = earlierText.isEmpty() ? QString() : earlierText + u"\n\n";
    chat.reasoning = earlierReasoning.isEmpty() ? QString() : earlierReasoning + u"\n\n";
    chat.toolCalls.clear();
    m_streaming.reset();
    Q_EMIT dataChanged(index(row), index(row), {TextRole, Qt::DisplayRole, ReasoningRole, ToolCallsRole});
}

void LaneConversation::finishTurn(int row, const LaneResult &result, history::AnswerState state)
{
    if (row < 0 || row >= m_turns.size())
        return;
    LaneTurn &turn = m_turns[row];
    turn.result = result;
    turn.state = state;
    if (row == m_streamingRow) {
        m_streamingRow = -1;
        m_streaming.reset();
    }
    Q_EMIT dataChanged(index(row), index(row));
}

void LaneConversation::restartTurn(int row, const LaneResult &result)
{
    if (row < 0 || row >= m_turns.size() || m_streamingRow >= 0)
        return;
    LaneTurn &turn = m_turns[row];
    turn.result = result;
    turn.state = history::AnswerState::Streaming;
    m_streaming.reset();
    m_streamingRow = row;
    Q_EMIT dataChanged(index(row), index(row));
}

void LaneConversation::truncate(int row)
{
    row = std::max(row, 0);
    if (row >= m_turns.size())
        return;
    beginRemoveRows(QModelIndex(), row, int(m_turns.size()) - 1);
    m_turns.resize(row);
    if (m_streamingRow >= row) {
        m_streamingRow = -1;
        m_streaming.reset();
    }
    endRemoveRows();
}

void LaneConversation::setTurns(QList<LaneTurn> turns)
{
    beginResetModel();
    m_turns = std::move(turns);
    m_streamingRow = -1;
    m_streaming.reset();
    endResetModel();
}

void LaneConversation::clear()
{
    setTurns({});
}

QList<ChatMessage> LaneConversation::requestMessages(int before) const
{
    QList<ChatMessage> messages;
    for (int row = 0; row < std::min(before, int(m_turns.size())); ++row) {
        if (row == m_streamingRow)
            continue;
        const LaneTurn &turn = m_turns.at(row);
        if (turn.result.chat.text.isEmpty())
            continue;
        messages.append(ChatMessage::user(turn.prompt, turn.images));
        messages.append(ChatMessage::assistant(turn.result.chat.text, turn.result.chat.reasoning));
    }
    return messages;
}

QString LaneConversation::contextText() const
{
    QString text;
    for (const ChatMessage &message : requestMessages())
        text += message.content + u'\n';
    return text;
}

CostTotals LaneConversation::cost() const
{
    CostTotals total;
    for (const LaneTurn &turn : m_turns)
        addAnswerCost(total, turn.result);
    return total;
}

} // namespace versus
