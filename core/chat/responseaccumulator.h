// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatresult.h"

namespace versus {

/// Folds a stream of ChatDeltas into a ChatResult: appends text and reasoning, assembles
/// tool-call fragments by index, merges server-side tool updates by id, keeps the latest
/// usage and server timing.
class ResponseAccumulator {
public:
    void add(const ChatDelta &delta);
    const ChatResult &result() const { return m_result; }
    ChatResult &result() { return m_result; }
    bool sawFinish() const { return m_result.finishReason.has_value(); }
    bool sawTokens() const { return m_sawTokens; }
    void reset() { *this = ResponseAccumulator(); }

private:
    ChatResult m_result;
    bool m_sawTokens = false;
};

} // namespace versus
