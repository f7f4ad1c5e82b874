// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Gemini dialect. Seeds: the Gemini fixtures' bodies and
// tests/fixtures/sse-corpus. Input format and checks: decoderfuzz.h. Gemini has no end marker,
// so there is no "nothing after the end" check; the chunking check covers the call ids.
//
// Also differential: the decoder's simdjson fast path (GeminiResponseReader) and its general
// path (Qt's JSON parser) must make the same deltas, error and end marker of every input, so a
// response the fast path misreads (instead of declining it) is a failure.
#include "decoderfuzz.h"
#include "providers/geministreamdecoder.h"

namespace {

struct Seen {
    QList<versus::ChatDelta> deltas;
    std::optional<versus::ChatError> error;
    bool done = false;
    friend bool operator==(const Seen &, const Seen &) = default;
};

Seen run(QByteArrayView stream, bool fast)
{
    auto decoder = std::make_unique<versus::GeminiStreamDecoder>();
    decoder->setFastPath(fast);
    versus::StreamPipeline pipeline(std::move(decoder), nullptr, versus::sse::SseLimits{64 * 1024, 1024 * 1024});
    Seen seen;
    pipeline.feed(stream, [&seen](const versus::ChatDelta &delta) {
        seen.deltas.append(delta);
        return true;
    });
    pipeline.finish();
    seen.error = pipeline.error();
    seen.done = pipeline.sawDone();
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    versus::fuzz::fuzzDecoder<versus::GeminiStreamDecoder>("fuzz_gemini_decoder", data, size, false);
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!(run(input, true) == run(input, false)))
        versus::fuzz::fail("fuzz_gemini_decoder", "the fast path and the general path disagree");
    return 0;
}
