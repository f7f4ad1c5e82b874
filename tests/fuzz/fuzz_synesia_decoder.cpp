// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Synesia dialect. Seeds: the Synesia fixtures' bodies and
// tests/fixtures/sse-corpus. Input format and checks: decoderfuzz.h; nothing may come out
// after the done event.
#include "decoderfuzz.h"
#include "providers/synesiastreamdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return versus::fuzz::fuzzDecoder<versus::SynesiaStreamDecoder>("fuzz_synesia_decoder", data, size, true);
}
