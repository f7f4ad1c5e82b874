// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Synesia dialect: SSE parser + SynesiaStreamDecoder +
// ResponseAccumulator.
//
// An input is an SSE stream (seeds: the Synesia fixtures' bodies and tests/fixtures/sse-corpus).
// Its first byte, when it is 0xFF, is followed by one byte that gives a chunk size; otherwise the
// stream is also fed in 7-byte chunks.
//
// For every input: no crash or undefined behaviour (ASan/UBSan); decoding the stream fed whole
// and fed in chunks gives the same result (text, reasoning, usage, finish reason, error and end
// marker); nothing is produced after the done event; decodeComplete() on the raw bytes never
// crashes.
#include "chat/responseaccumulator.h"
#include "providers/synesiastreamdecoder.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace versus;

namespace {

struct Outcome {
    ChatResult result;
    bool done = false;
    std::optional<ChatError> error;
    friend bool operator==(const Outcome &, const Outcome &) = default;
};

Outcome decode(QByteArrayView stream, qsizetype chunk)
{
    Outcome o;
    sse::SseParser parser(sse::SseLimits{64 * 1024, 1024 * 1024});
    SynesiaStreamDecoder decoder;
    ResponseAccumulator accumulator;
    for (qsizetype at = 0; at < stream.size() && !o.error; at += chunk) {
        QList<sse::SseEvent> events;
        parser.feed(stream.sliced(at, std::min(chunk, stream.size() - at)), events);
        for (const sse::SseEvent &event : events) {
            StreamDecoder::Output out;
            decoder.decode(event, out);
            if (o.done && (!out.deltas.isEmpty() || out.error || out.done)) {
                std::fprintf(stderr, "fuzz_synesia_decoder: output after the done event\n");
                std::abort();
            }
            for (const ChatDelta &delta : out.deltas)
                accumulator.add(delta);
            o.done = o.done || out.done;
            if (out.error) {
                o.error = out.error;
                break;
            }
        }
    }
    parser.finish();
    o.result = accumulator.result();
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    qsizetype chunk = 7;
    if (input.size() >= 2 && uint8_t(input[0]) == 0xFF) {
        chunk = std::max<qsizetype>(1, uint8_t(input[1]));
        input = input.sliced(2);
    }
    const Outcome whole = decode(input, std::max<qsizetype>(1, input.size()));
    const Outcome pieces = decode(input, chunk);
    if (!(whole == pieces)) {
        std::fprintf(stderr, "fuzz_synesia_decoder: result depends on chunking\n");
        std::abort();
    }
    SynesiaStreamDecoder decoder;
    StreamDecoder::Output out;
    decoder.decodeComplete(input.toByteArray(), out);
    return 0;
}
