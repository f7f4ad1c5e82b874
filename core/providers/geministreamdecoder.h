// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/geminiresponsereader.h"
#include "providers/streamdecoder.h"

#include <QJsonObject>

namespace versus {

/// Decoder for the Gemini API's `streamGenerateContent?alt=sse`: every `data:` is a whole
/// GenerateContentResponse.
///
/// `candidates[0].content.parts[]` carry answer text, reasoning (`thought: true`) and function
/// calls, which arrive whole and without an id: each gets `call_<n>`, n counting the function
/// calls of this response from 0, so the same stream always gives the same ids, and a dense
/// tool-call index. A part's `thoughtSignature` travels with its call (ToolCallFragment::signature)
/// so the next request of a tool loop can send it back. `usageMetadata` is cumulative: each
/// chunk's replaces the last. There is no end marker: a `finishReason` ends the answer and
/// the body's end is the stream's end, so a body cut before any finishReason is a dropped
/// stream. A prompt the API blocked (`promptFeedback.blockReason`), a candidate stopped by a
/// filter (SAFETY, RECITATION, ...) or a malformed function call is an error in Gemini's
/// words, with what was generated before it kept.
///
/// Stream events take the fast path (GeminiResponseReader, simdjson On-Demand) when it can read
/// them exactly; anything else, and decodeComplete(), takes the general path (Qt's JSON).
/// Public for tests and fuzzing.
class GeminiStreamDecoder final : public StreamDecoder {
public:
    void decode(const sse::SseEvent &event, Output &out) override;
    /// A non-streamed body: one GenerateContentResponse, or the JSON array of them that
    /// `streamGenerateContent` sends without `alt=sse`.
    void decodeComplete(const QByteArray &body, Output &out) override;

    /// Off: every event takes the general path (the reference the fast path is tested and
    /// fuzzed against). On by default.
    void setFastPath(bool on) { m_fastPath = on; }
    /// Events the fast path read (the others took the general path).
    qint64 fastEvents() const { return m_fastEvents; }

private:
    void decodeResponse(const QJsonObject &response, Output &out);
    void applyResponse(const GeminiResponse &response, Output &out);
    GeminiResponseReader m_reader;
    bool m_fastPath = true;
    qint64 m_fastEvents = 0;
    int m_functionCalls = 0; ///< function calls so far in this response: the next call's index
    bool m_stopped = false;  ///< a blocking finish or an error ended the answer
};

/// Gemini usage (`usageMetadata`) in Versus' terms: prompt tokens include cached ones,
/// completion tokens are candidates plus thoughts (reasoning included, as other providers count).
Usage parseGeminiUsage(const QJsonObject &usageMetadata);

/// A Gemini error object (`{"code", "message", "status", "details"}`) as a typed error: the
/// status name decides the kind (UNAUTHENTICATED → auth, RESOURCE_EXHAUSTED → rate limit, ...),
/// an API_KEY_INVALID reason in `details` is an auth error, a RetryInfo `retryDelay` is the
/// retry hint. @p httpStatus is 0 for an error inside a stream (then `code` stands in for it).
ChatError geminiError(const QJsonObject &error, int httpStatus);

} // namespace versus
