// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/streamdecoder.h"

#include <QJsonObject>

namespace versus {

/// Decoder for Synesia's LLM Exec event stream: `data: {"type": ...}` events.
///
/// `text.delta` and the older `chunk` carry answer text, `reasoning.delta` thinking; `done`
/// (or the older `end`) ends the round with its usage, so no `[DONE]` marker is needed;
/// `error` stops the stream. Synesia runs its own tools server-side (`internal_tool.*`,
/// `tool_block.*`): they are not calls the client answers, so the stream goes on; each
/// `internal_tool.*` event is reported as a ServerToolCall update. Public for tests and fuzzing.
class SynesiaStreamDecoder final : public StreamDecoder {
public:
    void decode(const sse::SseEvent &event, Output &out) override;
    /// The JSON answer of `/v1/llm-exec/round`: `{"message": {"content", "reasoning"}, "usage", "finish_reason"}`.
    void decodeComplete(const QByteArray &body, Output &out) override;

private:
    void decodeEvent(const QJsonObject &event, Output &out);
    void decodeInternalTool(const QString &type, const QJsonObject &event, Output &out);
    bool m_done = false;
    QString m_lastInternalToolId; // for tool events that carry no id
    int m_unnamedInternalTools = 0;
};

/// Synesia usage objects: `input_tokens`/`output_tokens`/`cached_input_tokens`/
/// `reasoning_output_tokens`, or the OpenAI names (`prompt_tokens`, `completion_tokens`,
/// `*_tokens_details`). Output tokens include reasoning tokens, as with OpenAI.
Usage parseSynesiaUsage(const QJsonObject &usage);

} // namespace versus
