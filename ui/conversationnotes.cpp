// SPDX-License-Identifier: GPL-3.0-or-later
// The note a ConversationView shows under an answer that did not end normally.
#include "conversationview.h"
#include "wording/erroradvice.h"

namespace versus::ui {

QString ConversationView::defaultNote(const LaneTurn &turn)
{
    const ChatResult &chat = turn.result.chat;
    switch (turn.state) {
    case history::AnswerState::Streaming:
        return {};
    case history::AnswerState::Complete:
        if (chat.finishReason == u"length")
            return tr("The answer reached its length limit.");
        if (chat.finishReason == u"content_filter")
            return tr("The provider's content filter ended the answer.");
        return {};
    case history::AnswerState::Cancelled:
        return tr("Stopped by you.");
    case history::AnswerState::Interrupted:
        return tr("Interrupted: Versus closed before the answer ended. The text saved until then is shown.");
    case history::AnswerState::Error:
    case history::AnswerState::Truncated:
        if (turn.result.toolRoundLimitReached)
            return tr("Stopped: the model still called tools after %n round(s), the limit. Raise it in the lane's "
                      "Tools and send again.",
                      nullptr, int(turn.result.toolRounds.size()));
        if (!chat.error)
            return tr("Failed");
        if (chat.error->kind == ErrorKind::Config && !turn.result.sentAt.isValid())
            return tr("Not sent: %1").arg(chat.error->message);
        return errorTitle(chat.error->kind);
    }
    return {};
}

} // namespace versus::ui
