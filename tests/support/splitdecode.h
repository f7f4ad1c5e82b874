// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/responseaccumulator.h"
#include "providers/streamdecoder.h"

#include <QList>

namespace versus::test {

/// What a dialect's decoder made of a stream.
struct Decoded {
    ChatResult result;
    bool done = false;
    std::optional<ChatError> error; ///< the first error the stream reported
    int eventsAfterDone = 0;        ///< deltas or errors produced after the end marker
};

/// Feeds @p body through the SSE parser and a @p Decoder in pieces that end at @p cuts
/// (ascending offsets inside the body), as network reads would deliver it.
template<class Decoder>
Decoded decodeSplit(const QByteArray &body, QList<qsizetype> cuts)
{
    Decoded decoded;
    ResponseAccumulator accumulator;
    sse::SseParser parser;
    Decoder decoder;
    qsizetype from = 0;
    cuts.append(body.size());
    for (qsizetype cut : std::as_const(cuts)) {
        QList<sse::SseEvent> events;
        parser.feed(QByteArrayView(body).sliced(from, cut - from), events);
        from = cut;
        for (const sse::SseEvent &event : std::as_const(events)) {
            StreamDecoder::Output out;
            decoder.decode(event, out);
            if (decoded.done && (!out.deltas.isEmpty() || out.error))
                ++decoded.eventsAfterDone;
            for (const ChatDelta &delta : std::as_const(out.deltas))
                accumulator.add(delta);
            decoded.done = decoded.done || out.done;
            if (out.error && !decoded.error)
                decoded.error = out.error;
        }
    }
    parser.finish();
    decoded.result = accumulator.result();
    return decoded;
}

} // namespace versus::test
