// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/streamdecoder.h"
#include "providers/synesiaeventreader.h"

#include <QJsonObject>

namespace versus {

/// Decoder for Synesia's LLM Exec event stream: `data: {"type": ...}` events.
///
/// `text.delta` and the older `chunk` carry answer text, `reasoning.delta` thinking; `done`
/// (or the older `end`) ends the round with its usage, so no `[DONE]` marker is needed;
/// `error` stops the stream. Synesia runs its own tools server-side (`internal_tool.*`,
/// `tool_block.*`): they are not calls the client answers, so the stream goes on; each
/// `internal_tool.*` event is reported as a ServerToolCall update.
///
/// Text and reasoning events take the fast path (SynesiaEventReader, simdjson On-Demand) when
/// it can read them exactly; anything else, and decodeComplete(), takes the general path (Qt's
/// JSON). Public for tests and fuzzing.
class SynesiaStreamDecoder final : public StreamDecoder {
public:
    void decode(const sse::SseEvent &event, Output &out) override;
    /// The JSON answer of `/v1/llm-exec/round`: `{"message": {"content", "reasoning"}, "usage", "finish_reason"}`.
    void decodeComplete(const QByteArray &body, Output &out) override;

    /// Off: every event takes the general path (the reference the fast path is tested and
    /// fuzzed against). On by default.
    void setFastPath(bool on) { m_fastPath = on; }
    /// Events the fast path read (the others took the general path).
    qint64 fastEvents() const { return m_fastEvents; }

private:
    void decodeEvent(const QJsonObject &event, Output &out);
    static void decodeText(const QString &type, const QString &text, Output &out);
    void decodeInternalTool(const QString &type, const QJsonObject &event, Output &out);
    bool m_done = false;
    QString m_lastInternalToolId; // for tool events that carry no id
    int m_unnamedInternalTools = 0;
    SynesiaEventReader m_reader;
    bool m_fastPath = true;
    qint64 m_fastEvents = 0;
};

/// Synesia usage objects: `input_tokens`/`output_tokens`/`cached_input_tokens`/
/// `reasoning_output_tokens`, or the OpenAI names (`prompt_tokens`, `completion_tokens`,
/// `*_tokens_details`). Output tokens include reasoning tokens, as with OpenAI.
Usage parseSynesiaUsage(const QJsonObject &usage);

} // namespace versus
