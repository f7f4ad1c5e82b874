// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/openaichunkreader.h"
#include "providers/streamdecoder.h"

#include <QJsonObject>

namespace versus {

/// Decoder for OpenAI-style `data: {chunk}` streams. Public for tests and fuzzing.
///
/// Stream chunks take the fast path (OpenAiChunkReader, simdjson On-Demand) when it can read
/// them exactly; anything else, and decodeComplete(), takes the general path (Qt's JSON).
class OpenAiStreamDecoder final : public StreamDecoder {
public:
    void decode(const sse::SseEvent &event, Output &out) override;
    void decodeComplete(const QByteArray &body, Output &out) override;

    /// Off: every chunk takes the general path (the reference the fast path is tested and
    /// fuzzed against, and the "before" of bench_streampipeline). On by default.
    void setFastPath(bool on) { m_fastPath = on; }
    /// Chunks the fast path decoded (the others took the general path).
    qint64 fastChunks() const { return m_fastChunks; }

private:
    void decodeChunk(const QJsonObject &chunk, Output &out);
    void decodeFast(OpenAiChunkReader::Chunk &chunk, Output &out);
    int toolIndex(std::optional<int> given);
    OpenAiChunkReader m_reader;
    bool m_fastPath = true;
    qint64 m_fastChunks = 0;
    bool m_done = false;
    int m_nextUnindexedToolCall = 0; // Mistral sends whole tool calls without "index"
    int m_maxSeenToolIndex = -1;
};

} // namespace versus
