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

} // namespace versus
