// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/streampipeline.h"

#include <QList>

#include <memory>

namespace versus::test {

/// What a dialect's decoder made of a stream.
struct Decoded {
    ChatResult result;
    bool done = false;
    std::optional<ChatError> error; ///< the first error the stream reported
    int eventsAfterDone = 0;        ///< deltas or errors produced after the end marker
};

/// Feeds @p body through the StreamPipeline with a @p Decoder in pieces that end at @p cuts
/// (ascending offsets inside the body), as network reads would deliver it.
template<class Decoder>
Decoded decodeSplit(const QByteArray &body, QList<qsizetype> cuts)
{
    StreamPipeline pipeline(std::make_unique<Decoder>());
    qsizetype from = 0;
    cuts.append(body.size());
    for (qsizetype cut : std::as_const(cuts)) {
        pipeline.feed(QByteArrayView(body).sliced(from, cut - from));
        from = cut;
    }
    pipeline.finish();
    Decoded decoded;
    decoded.result = pipeline.result();
    decoded.done = pipeline.sawDone();
    decoded.error = pipeline.error();
    decoded.eventsAfterDone = pipeline.outputsAfterDone();
    return decoded;
}

} // namespace versus::test
