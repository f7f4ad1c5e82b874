// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/provider.h"

namespace versus {

/// Google's Gemini API: `POST {base}/models/{model}:streamGenerateContent?alt=sse` with the key
/// in the `x-goog-api-key` header (never in the URL), a body of `contents` (roles user and
/// model), `systemInstruction`, `generationConfig` (with `thinkingConfig`), `tools` as
/// `functionDeclarations` and `toolConfig`, answered by whole GenerateContentResponses (see
/// GeminiStreamDecoder). The model list (`GET {base}/models`) is paginated with `nextPageToken`.
class GeminiProvider final : public Provider {
public:
    using Provider::Provider;

    /// Thinking tokens a reasoning effort asks for (`thinkingConfig.thinkingBudget`): none 0,
    /// low 1024, medium 8192, high 24576, dynamic -1 (the model decides); nullopt for another word.
    static std::optional<int> thinkingBudget(const QString &effort);
    /// The model id in a request path: without a `models/` prefix, percent-encoded.
    static QByteArray encodedModelId(const QString &model);

    HttpCall buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const override;
    std::unique_ptr<StreamDecoder> createDecoder() const override;
    /// `{"error": {"code", "message", "status", "details"}}`, also wrapped in a JSON array.
    ChatError errorFromHttp(int status, const QByteArray &body, const RawHeaders &headers) const override;

    /// `GET {base}/models?pageSize=1000`.
    std::optional<HttpCall> buildModelsCall(const QUrl &baseUrl) const override;
    /// The next page while the previous one named a `nextPageToken`.
    std::optional<HttpCall> nextModelsCall(const QUrl &baseUrl, const QByteArray &previousBody) const override;
    /// `models[]` that support `generateContent`, ids without their `models/` prefix.
    std::expected<QList<ModelInfo>, QString> parseModels(const QByteArray &body) const override;

private:
    HttpCall modelsCall(const QUrl &baseUrl, const QString &pageToken) const;
};

} // namespace versus
