// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Gemini dialect. Seeds: the Gemini fixtures' bodies and
// tests/fixtures/sse-corpus. Input format and checks: decoderfuzz.h. Gemini has no end marker,
// so there is no "nothing after the end" check; the chunking check covers the call ids.
#include "decoderfuzz.h"
#include "providers/geministreamdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return versus::fuzz::fuzzDecoder<versus::GeminiStreamDecoder>("fuzz_gemini_decoder", data, size, false);
}
