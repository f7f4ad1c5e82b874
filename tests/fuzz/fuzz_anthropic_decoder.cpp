// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Anthropic dialect. Seeds: the Anthropic fixtures' bodies and
// tests/fixtures/sse-corpus. Input format and checks: decoderfuzz.h; nothing may come out
// after message_stop.
#include "decoderfuzz.h"
#include "providers/anthropicstreamdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return versus::fuzz::fuzzDecoder<versus::AnthropicStreamDecoder>("fuzz_anthropic_decoder", data, size, true);
}
