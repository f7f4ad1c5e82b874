// SPDX-License-Identifier: GPL-3.0-or-later
// What the ConversationView tests share: a lane's conversation model with its view.
#pragma once

#include "compare/answercodec.h"
#include "compare/laneconversation.h"
#include "conversationview.h"

namespace versus::test {

using versus::ui::ConversationView;

/// A lane's conversation model with its view, driven the way Comparison drives it.
struct Driven {
    LaneConversation model;
    ConversationView view;
    Driven() { view.setConversation(&model); }
    int last() const { return model.rowCount() - 1; }

    void beginTurn(const QString &prompt)
    {
        LaneTurn turn;
        turn.prompt = prompt;
        model.appendTurn(turn);
    }
    /// What a flush of the lane's timer shows: the deltas since the last one, then a render.
    void appendStreamed(const QString &reasoning, const QString &text, const QList<ToolCallFragment> &toolCalls)
    {
        ChatDelta delta;
        delta.reasoning = reasoning;
        delta.text = text;
        delta.toolCalls = toolCalls;
        model.appendDelta(last(), delta);
        view.syncStreaming();
    }
    void finishTurn(const ChatResult &result, const QString &note = QString())
    {
        LaneResult lane;
        lane.chat = result;
        if (result.toolCalls.isEmpty())
            lane.chat.toolCalls = model.turn(last()).result.chat.toolCalls;
        model.finishTurn(last(), lane, answerStateFor(result.status));
        if (!note.isEmpty())
            view.setNote(last(), note);
    }
    void abandonTurn(const QString &note)
    {
        LaneResult lane;
        lane.chat.status = ResultStatus::Error;
        model.finishTurn(last(), lane, history::AnswerState::Error);
        view.setNote(last(), note);
    }
    void clearConversation() { model.clear(); }
};

} // namespace versus::test
