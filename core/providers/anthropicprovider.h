// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/provider.h"

namespace versus {

/// Anthropic's Messages API: `POST {base}/v1/messages` with `x-api-key` and
/// `anthropic-version`, the system prompt at the top level, messages of content blocks
/// (images before text, `tool_use` and `tool_result`, signed thinking sent back in a tool
/// turn), strict user/assistant alternation (neighbours of one role are merged), and
/// `max_tokens` always present. Answered by named events (see AnthropicStreamDecoder).
///
/// What the API refuses is refused by validate() before anything is sent: a seed, a response
/// schema (the catalog says no structured output), a temperature together with thinking,
/// top-p under 0.95 with thinking, a forced tool choice with thinking, and a max-tokens that
/// leaves no room above the thinking budget.
class AnthropicProvider final : public Provider {
public:
    using Provider::Provider;

    static constexpr QByteArrayView kApiVersion = "2023-06-01";
    /// max_tokens when neither the lane nor the catalog's model says how many (the API requires one).
    static constexpr qint64 kDefaultMaxTokens = 4096;
    /// Room kept for the answer above a thinking budget when max_tokens is not the user's.
    static constexpr qint64 kAnswerRoom = 4096;

    /// budget_tokens for a reasoning effort: low 2048, medium 8192, high 24576 (the API's
    /// minimum is 1024); nothing for an empty or unknown effort (no thinking).
    static std::optional<qint64> thinkingBudget(const QString &effort);
    /// The max_tokens a request sends: the lane's, else the model's maximum output, else
    /// kDefaultMaxTokens, raised to budget + kAnswerRoom when only a default left no room.
    qint64 effectiveMaxTokens(const ProviderConfig &config) const;

    QStringList validate(const ChatRequest &request) const override;
    HttpCall buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const override;
    std::unique_ptr<StreamDecoder> createDecoder() const override;
    /// Reads Anthropic's `{"type":"error","error":{"type","message"}}` by its error type.
    ChatError errorFromHttp(int status, const QByteArray &body, const RawHeaders &headers) const override;
    std::optional<HttpCall> buildModelsCall(const QUrl &baseUrl) const override;
    /// `has_more` with `last_id`: the same list from `?after_id=last_id`.
    std::optional<HttpCall> nextModelsCall(const QUrl &baseUrl, const QByteArray &body) const override;
};

} // namespace versus
