// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpcall.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace versus {

/// What a provider or a model can do. An unset field is unknown: nothing is enforced for it.
struct Capabilities {
    std::optional<bool> streaming;
    std::optional<bool> functionCalls;
    std::optional<bool> reasoning;
    std::optional<bool> builtinTools; ///< code execution, browser search and other server-side tools
    std::optional<bool> structuredOutput;
    std::optional<bool> vision; ///< takes images in prompts
    friend bool operator==(const Capabilities &, const Capabilities &) = default;
};

enum class Capability { Streaming, FunctionCalls, Reasoning, BuiltinTools, StructuredOutput, Vision };
QString capabilityName(Capability capability);        ///< JSON/CLI name, e.g. "function_calls"
QString capabilityDisplayName(Capability capability); ///< words for people, e.g. "function calls"
std::optional<bool> capabilityValue(const Capabilities &caps, Capability capability);

/// Prices a provider states in its own model list (Together AI, OpenRouter), in integer
/// micro-USD per million tokens. Informational: costs come from the price catalog.
struct ModelPricing {
    std::optional<qint64> inputMicroPerMtok;
    std::optional<qint64> outputMicroPerMtok;
    std::optional<qint64> cachedInputMicroPerMtok;
    bool isEmpty() const { return !inputMicroPerMtok && !outputMicroPerMtok && !cachedInputMicroPerMtok; }
    friend bool operator==(const ModelPricing &, const ModelPricing &) = default;
};

/// What a provider takes in images (catalog "images"); an unset field is no limit Versus knows of.
struct ImageLimits {
    std::optional<int> maxCount;         ///< images in one request (the whole conversation sent)
    std::optional<qint64> maxBytes;      ///< one image, in bytes of the file
    std::optional<qint64> maxTotalBytes; ///< all images of one request together
    bool base64Size = false;             ///< sizes are counted as base64 text (Groq), not file bytes
    QStringList types;                   ///< accepted media types; empty = all that Versus attaches
    bool isEmpty() const { return !maxCount && !maxBytes && !maxTotalBytes && types.isEmpty(); }
    friend bool operator==(const ImageLimits &, const ImageLimits &) = default;
};

struct ModelInfo {
    QString id;
    QString displayName;
    Capabilities capabilities;
    std::optional<qint64> contextWindow;
    std::optional<qint64> maxOutputTokens;
    std::optional<ModelPricing> pricing; ///< from a live model list; never from the provider catalog
    QString type;                        ///< a live list's model type ("chat", "embedding", ...); empty = unknown
    QString ownedBy;                     ///< "owned_by" / "organization" of a live list
    /// Built-in tools the provider runs itself that a request may switch on (ProviderConfig::
    /// serverTools), e.g. browser_search; from the catalog's "server_tools" only.
    QStringList serverTools;
    std::optional<ImageLimits> imageLimits; ///< the catalog's "images" for this model, replacing the provider's
    friend bool operator==(const ModelInfo &, const ModelInfo &) = default;
};

/// True unless @p model is known to be something other than a chat model (an embedding,
/// image, audio, moderation or rerank model in a live list).
bool isChatModel(const ModelInfo &model);

/// Request shaping that differs between OpenAI-compatible services; chosen in the catalog,
/// so a new compatible service is a catalog entry, not code.
struct RequestQuirks {
    bool streamUsageOption = true; ///< send stream_options.include_usage
    QString maxTokensField = QStringLiteral("max_tokens");
    enum class ReasoningParam { Effort, DeepSeekThinking, OpenRouterReasoning };
    ReasoningParam reasoningParam = ReasoningParam::Effort;
    /// What happens to an assistant message's reasoning when it is sent back in a tool turn:
    /// dropped (Groq refuses reasoning in the history), or sent as `reasoning_content`, an empty
    /// string when there was none (DeepSeek thinking mode refuses a tool turn without it).
    enum class ToolTurnReasoning { Drop, ReasoningContent };
    ToolTurnReasoning toolTurnReasoning = ToolTurnReasoning::Drop;
    /// How a response schema is asked for: `response_format: json_schema` (strict), or, where
    /// only JSON mode exists (DeepSeek), `json_object` with the schema stated in the system prompt.
    enum class ResponseFormat { JsonSchema, JsonObject };
    ResponseFormat responseFormat = ResponseFormat::JsonSchema;
    friend bool operator==(const RequestQuirks &, const RequestQuirks &) = default;
};

struct ProviderInfo {
    QString id;
    QString displayName;
    QString dialect; ///< "openai", "synesia", "anthropic" or "gemini"
    QUrl defaultBaseUrl;
    QString keyEnvVar;
    bool keyRequired = true;
    bool local = false; ///< a server on this machine (Ollama, llama.cpp, LM Studio)
    AuthStyle auth = AuthStyle::Bearer;
    QString modelsPath; ///< relative to the base URL; empty = no model list endpoint
    QString website;
    Capabilities capabilities; ///< what the provider supports at all, whatever the model
    QStringList reasoningEfforts;
    QStringList serviceTiers;
    RequestQuirks quirks;
    ImageLimits imageLimits; ///< the catalog's "images"; a model's own entry replaces it
    QList<ModelInfo> models;
    QString origin = QStringLiteral("bundled"); ///< "bundled" or "user"

    const ModelInfo *findModel(const QString &modelId) const;
    friend bool operator==(const ProviderInfo &, const ProviderInfo &) = default;
};

/// A model's capabilities as they are enforced: the provider-wide "no" wins over the model's
/// entry, and what the model's entry leaves unknown comes from the provider.
Capabilities enforcedCapabilities(const ProviderInfo &provider, const ModelInfo &model);

/// The image limits a request to @p modelId is checked against: the model's own when the
/// catalog gives them, else the provider's.
ImageLimits effectiveImageLimits(const ProviderInfo &provider, const QString &modelId);

/// A live model list entry completed with the catalog's knowledge of the same model: what the
/// catalog states wins (it is what Provider::validate enforces), the live entry fills the rest.
ModelInfo mergeWithCatalog(const ModelInfo &live, const ProviderInfo &provider);

/// Environment variable that overrides a provider's base URL: VERSUS_<ID>_BASE_URL with the
/// id upper-cased and every non-alphanumeric character as '_'.
QString baseUrlEnvVar(const QString &providerId);

/// The base URL a request uses: @p override when given, else VERSUS_<ID>_BASE_URL, else the catalog's.
QUrl effectiveBaseUrl(const ProviderInfo &info, const QUrl &override = {});

} // namespace versus
