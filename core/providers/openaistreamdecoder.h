// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/streamdecoder.h"

#include <QJsonObject>

namespace versus {

/// Decoder for OpenAI-style `data: {chunk}` streams. Public for tests and fuzzing.
class OpenAiStreamDecoder final : public StreamDecoder {
public:
    void decode(const sse::SseEvent &event, Output &out) override;
    void decodeComplete(const QByteArray &body, Output &out) override;

private:
    void decodeChunk(const QJsonObject &chunk, Output &out);
    bool m_done = false;
    int m_nextUnindexedToolCall = 0; // Mistral sends whole tool calls without "index"
    int m_maxSeenToolIndex = -1;
};

} // namespace versus
