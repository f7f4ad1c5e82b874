// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/provider.h"

namespace versus {

/// The OpenAI chat-completions dialect, with the extensions of the compatible services
/// (Groq, Together AI, DeepSeek, OpenRouter, Mistral, Ollama, llama.cpp, LM Studio). The
/// decoder accepts every service's additions at once, so a new compatible service needs
/// no code; request differences come from RequestQuirks in the catalog.
class OpenAiProvider final : public Provider {
public:
    using Provider::Provider;
    HttpCall buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const override;
    std::unique_ptr<StreamDecoder> createDecoder() const override;
};

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
