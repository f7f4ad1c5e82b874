// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the OpenAI-compatible dialect, the path every streamed answer of ten
// providers takes. Seeds: the recorded fixtures' bodies and tests/fixtures/sse-corpus.
// Input format and checks: decoderfuzz.h. Data after [DONE] is an error here, not silence,
// so the end marker is not strict.
#include "decoderfuzz.h"
#include "providers/openaistreamdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return versus::fuzz::fuzzDecoder<versus::OpenAiStreamDecoder>("fuzz_openai_decoder", data, size, false);
}
