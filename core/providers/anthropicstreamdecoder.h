// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/anthropiceventreader.h"
#include "providers/streamdecoder.h"

#include <QHash>
#include <QJsonObject>

namespace versus {

/// Decoder for Anthropic's Messages stream of named events.
///
/// `message_start` gives id, model and the prompt's usage; `content_block_start/_delta/_stop`
/// carry text, thinking (with its `signature_delta`), `redacted_thinking` and `tool_use`
/// blocks (`input_json_delta` fragments; a block index becomes a dense tool-call index);
/// `message_delta` the stop reason and the cumulative output count; `message_stop` ends the
/// stream; `ping` is nothing; `error` stops it with a typed error. A closed thinking block is
/// reported whole (ChatDelta::reasoningBlocks) so a tool turn can send it back signed.
/// Stream events take the fast path (AnthropicEventReader, simdjson On-Demand) when it can read
/// them exactly; anything else, and decodeComplete(), takes the general path (Qt's JSON).
/// Public for tests and fuzzing.
class AnthropicStreamDecoder final : public StreamDecoder {
public:
    void decode(const sse::SseEvent &event, Output &out) override;
    /// A non-streamed `{"type":"message", "content": [...]}` or an error body.
    void decodeComplete(const QByteArray &body, Output &out) override;

    /// Off: every event takes the general path (the reference the fast path is tested and
    /// fuzzed against). On by default.
    void setFastPath(bool on) { m_fastPath = on; }
    /// Events the fast path read (the others took the general path).
    qint64 fastEvents() const { return m_fastEvents; }

private:
    struct Block {
        QString type;
        int toolIndex = -1;
        bool sawArguments = false;
        ReasoningBlock reasoning;
    };
    void decodeEvent(const QString &type, const AnthropicEvent &event, Output &out);
    void startBlock(int index, const AnthropicEvent::Block &block, Output &out);
    void blockDelta(int index, const AnthropicEvent::Delta &delta, Output &out);
    void stopBlock(int index, Output &out);
    void updateUsage(const AnthropicEvent::Usage &usage, ChatDelta &delta);

    AnthropicEventReader m_reader;
    bool m_fastPath = true;
    qint64 m_fastEvents = 0;

    QHash<int, Block> m_blocks;
    int m_nextToolIndex = 0;
    // As reported: input_tokens excludes what was read from or written to the cache.
    std::optional<qint64> m_inputTokens;
    std::optional<qint64> m_cacheReadTokens;
    std::optional<qint64> m_cacheWriteTokens;
    std::optional<qint64> m_outputTokens;
    bool m_done = false;
};

/// Error kind of an Anthropic error type (`overloaded_error`, `rate_limit_error`, ...);
/// nothing for a type this version does not know.
std::optional<ErrorKind> anthropicErrorKind(const QString &type);

/// Versus' finish reason for a `stop_reason`: end_turn and stop_sequence → stop, max_tokens →
/// length, tool_use → tool_calls, refusal → content_filter; others (pause_turn) as they are.
QString anthropicFinishReason(const QString &stopReason);

} // namespace versus
