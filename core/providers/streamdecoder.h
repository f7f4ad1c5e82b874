// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "sse/sseparser.h"

#include <QByteArray>

namespace versus {

/// Turns one provider's stream events into ChatDeltas. One decoder per response; it may
/// keep state between events (e.g. tool-call indexes for providers that omit them).
class StreamDecoder {
public:
    struct Output {
        QList<ChatDelta> deltas;
        std::optional<ChatError> error; ///< the stream reported an error; stop reading
        bool done = false;              ///< the end-of-stream marker arrived
    };

    virtual ~StreamDecoder() = default;
    /// Decodes one SSE event, appending to @p out.
    virtual void decode(const sse::SseEvent &event, Output &out) = 0;
    /// Decodes a whole non-streamed JSON body (a server that ignored stream:true, or a
    /// 200 response carrying an error object).
    virtual void decodeComplete(const QByteArray &body, Output &out) = 0;
};

} // namespace versus
