// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The shared body of the stream-decoder fuzz targets: the StreamPipeline that ChatStream runs
// (SSE parser + a dialect's StreamDecoder + ResponseAccumulator; no timeline).
//
// An input is an SSE stream. Its first byte, when it is 0xFF, is followed by one byte that
// gives a chunk size; otherwise the stream is also fed in 7-byte chunks.
//
// For every input: no crash or undefined behaviour (ASan/UBSan); decoding the stream fed whole
// and fed in chunks gives the same result (text, reasoning, tool calls, usage, finish reason,
// error and end marker); with @c strictEnd, nothing is produced after the end marker;
// decodeComplete() on the raw bytes never crashes.
#include "providers/streampipeline.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace versus::fuzz {

struct Outcome {
    ChatResult result;
    bool done = false;
    std::optional<ChatError> error;
    friend bool operator==(const Outcome &, const Outcome &) = default;
};

[[noreturn]] inline void fail(const char *target, const char *what)
{
    std::fprintf(stderr, "%s: %s\n", target, what);
    std::abort();
}

template<class Decoder>
Outcome decode(const char *target, QByteArrayView stream, qsizetype chunk, bool strictEnd)
{
    StreamPipeline pipeline(std::make_unique<Decoder>(), nullptr, sse::SseLimits{64 * 1024, 1024 * 1024});
    for (qsizetype at = 0; at < stream.size() && !pipeline.error(); at += chunk) {
        pipeline.feed(stream.sliced(at, std::min(chunk, stream.size() - at)));
        if (strictEnd && (pipeline.outputsAfterDone() > 0 || pipeline.doneMarkers() > 1))
            fail(target, "output after the end marker");
    }
    pipeline.finish();
    Outcome o;
    o.result = pipeline.result();
    o.done = pipeline.sawDone();
    o.error = pipeline.error();
    return o;
}

template<class Decoder>
int fuzzDecoder(const char *target, const uint8_t *data, size_t size, bool strictEnd)
{
    QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    qsizetype chunk = 7;
    if (input.size() >= 2 && uint8_t(input[0]) == 0xFF) {
        chunk = std::max<qsizetype>(1, uint8_t(input[1]));
        input = input.sliced(2);
    }
    const Outcome whole = decode<Decoder>(target, input, std::max<qsizetype>(1, input.size()), strictEnd);
    const Outcome pieces = decode<Decoder>(target, input, chunk, strictEnd);
    if (!(whole == pieces))
        fail(target, "result depends on chunking");
    StreamPipeline complete(std::make_unique<Decoder>());
    complete.feedComplete(input.toByteArray());
    return 0;
}

} // namespace versus::fuzz
