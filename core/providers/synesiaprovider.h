// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/provider.h"

namespace versus {

/// Synesia's LLM Exec API: `POST {base}/v1/llm-exec/round/stream` with an `x-api-key`,
/// a body of `model` (a `vendor/model` slug), `messages`, `instructions` (the system
/// prompt), `llmConfig` and `config.max_loops`, answered by typed events (see
/// SynesiaStreamDecoder). There is no model list endpoint: the catalog's slugs and free
/// entry. HTTP errors (`{"error": "...", "statusCode": N}`) are read by Provider::errorFromHttp.
class SynesiaProvider final : public Provider {
public:
    using Provider::Provider;

    /// Orchestration rounds per request (`config.max_loops`); the value Synesia documents as usual.
    static constexpr int kMaxLoops = 10;

    /// Adds what LLM Exec cannot take on top of the capability checks: stop sequences and seeds.
    QStringList validate(const ChatRequest &request) const override;
    HttpCall buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const override;
    std::unique_ptr<StreamDecoder> createDecoder() const override;
};

} // namespace versus
