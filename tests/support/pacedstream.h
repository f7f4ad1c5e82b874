// SPDX-License-Identifier: GPL-3.0-or-later
// An OpenAI-compatible stream on a known schedule, for tests that rank lanes by speed: the first
// event at firstMs after the request, then one every gapMs (absolute offsets, so a busy machine
// delays events but never packs them closer than scheduled).
#pragma once

#include "scriptedresponse.h"

#include <QList>

namespace versus::test {

/// @p payloads as `data:` events (then `[DONE]`), event i written at firstMs + i × gapMs.
inline ScriptedResponse pacedSse(const QList<QByteArray> &payloads, int firstMs, int gapMs)
{
    ScriptedResponse response = ScriptedResponse::sse({});
    for (qsizetype i = 0; i < payloads.size(); ++i) {
        response.waitUntil(firstMs + int(i) * gapMs);
        response.write("data: " + payloads.at(i) + "\n\n");
    }
    response.write(QByteArrayLiteral("data: [DONE]\n\n"));
    return response;
}

/// A 429 with Retry-After, in the OpenAI error shape.
inline ScriptedResponse rateLimited(int retryAfterS)
{
    return ScriptedResponse::json(
        429,
        R"({"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}})",
        {{"Retry-After", QByteArray::number(retryAfterS)}});
}

} // namespace versus::test
