// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace versus {

enum class Role { System, User, Assistant, Tool };

QString roleName(Role role);

/// A tool call as the model finished it (fragments assembled by index).
struct ToolCall {
    int index = 0;
    QString id;
    QString name;
    QString arguments; ///< raw JSON text, exactly as the model produced it
    QString signature; ///< opaque provider data sent back with the call (Gemini thoughtSignature); empty when none
    friend bool operator==(const ToolCall &, const ToolCall &) = default;
};

/// A tool the provider ran on its own servers (Groq executed_tools, Synesia internal_tool.*):
/// shown in traces, never executed by Versus.
struct ServerToolCall {
    QString id;        ///< provider's id (Synesia tool_call_id; Groq: index as text when none)
    QString name;      ///< e.g. "browser_search", "code_interpreter", "python", the tool's name
    QString arguments; ///< input as the provider reported it (JSON text or plain text)
    QString output;    ///< output as reported; empty while running
    bool finished = false;
    bool failed = false;
    QString error; ///< provider's words when failed
    friend bool operator==(const ServerToolCall &, const ServerToolCall &) = default;
};

/// Folds @p update into @p calls: an entry with the same id is merged (non-empty fields
/// overwrite, finished and failed only go from false to true), a new id is appended.
void mergeServerToolCall(QList<ServerToolCall> &calls, const ServerToolCall &update);

/// An image attached to a user's message: the file's bytes and media type.
struct ImageInput {
    QString mimeType; ///< image/png, image/jpeg, image/webp or image/gif
    QByteArray data;  ///< the encoded file as attached
    QString fileName; ///< as attached, for display; may be empty
    /// Lower-case hex SHA-256 of the bytes: how the history keeps an image once however often it is sent.
    QString sha256() const;
    friend bool operator==(const ImageInput &, const ImageInput &) = default;
};

/// A provider's reasoning block that must go back verbatim in a tool-use turn: Anthropic's
/// `thinking` (text with its signature) or `redacted_thinking` (opaque data).
struct ReasoningBlock {
    QString text;         ///< the thinking as streamed; empty for a redacted block
    QString signature;    ///< the provider's signature over the text
    QString redactedData; ///< a redacted block's encrypted data; non-empty only for one
    bool isRedacted() const { return !redactedData.isEmpty(); }
    friend bool operator==(const ReasoningBlock &, const ReasoningBlock &) = default;
};

struct ChatMessage {
    Role role = Role::User;
    QString content;
    QString reasoning;                     ///< assistant thinking, sent back only where a provider needs it
    QList<ToolCall> toolCalls;             ///< assistant messages that called tools
    QString toolCallId;                    ///< Role::Tool: the call this message answers
    QString name;                          ///< Role::Tool: the tool's name
    QList<ImageInput> images;              ///< Role::User: images sent with the text, in order
    QList<ReasoningBlock> reasoningBlocks; ///< Role::Assistant: signed thinking to send back (Anthropic)

    static ChatMessage user(QString content, QList<ImageInput> images = {})
    {
        ChatMessage message;
        message.content = std::move(content);
        message.images = std::move(images);
        return message;
    }
    static ChatMessage assistant(QString content, QString reasoning = {})
    {
        ChatMessage message;
        message.role = Role::Assistant;
        message.content = std::move(content);
        message.reasoning = std::move(reasoning);
        return message;
    }
    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

/// Request parameters; a field left empty is not sent and the provider's default applies.
struct ProviderConfig {
    QString model;
    QString systemPrompt;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<qint64> maxTokens;
    std::optional<qint64> seed;
    QStringList stop;
    QString serviceTier;     ///< e.g. Groq auto|on_demand|flex|performance
    QString reasoningEffort; ///< e.g. low|medium|high, provider-specific values
    std::optional<bool> parallelToolCalls;
    QJsonArray tools;           ///< OpenAI-style tool objects (without Versus' "result" member)
    QStringList serverTools;    ///< built-in server-side tools switched on (Groq gpt-oss: browser_search, ...)
    QJsonValue toolChoice;      ///< undefined = not sent; "auto" | "none" | "required" | {function}
    QJsonObject responseSchema; ///< JSON schema for structured output; empty = none
    friend bool operator==(const ProviderConfig &, const ProviderConfig &) = default;
};

struct ChatRequest {
    QString providerId;
    ProviderConfig config;
    QList<ChatMessage> messages; ///< conversation so far, without the system prompt
    friend bool operator==(const ChatRequest &, const ChatRequest &) = default;
};

/// Token counts. Absent fields were not reported.
struct Usage {
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens; ///< reasoning included, as providers report it
    std::optional<qint64> reasoningTokens;
    std::optional<qint64> cachedPromptTokens; ///< prompt tokens read from the provider's cache
    std::optional<qint64> cacheWriteTokens;   ///< prompt tokens written to the cache (Anthropic cache_creation)
    std::optional<qint64> totalTokens;
    bool estimated = false; ///< counts are Versus' estimate, not the provider's
    bool isEmpty() const { return !promptTokens && !completionTokens && !totalTokens; }
    friend bool operator==(const Usage &, const Usage &) = default;
};

/// Figures the provider itself reported about its own processing; never mixed with ours.
struct ServerTiming {
    std::optional<double> queueMs;
    std::optional<double> promptMs;
    std::optional<double> completionMs;
    std::optional<double> totalMs;
    std::optional<double> outputTokensPerS; ///< reported, or derived from reported figures only
    std::optional<qint64> predictedTokens;  ///< llama.cpp predicted_n
    friend bool operator==(const ServerTiming &, const ServerTiming &) = default;
};

/// A piece of a tool call as it streams: the first fragment of an index carries id and
/// name, later ones append to the arguments text.
struct ToolCallFragment {
    int index = 0;
    QString id;
    QString name;
    QString argumentsDelta;
    QString signature; ///< opaque provider data for the call (Gemini thoughtSignature); the last non-empty one is kept
    friend bool operator==(const ToolCallFragment &, const ToolCallFragment &) = default;
};

/// What one decoded stream event contributed. Decoders emit one per event that carries anything.
struct ChatDelta {
    QString text;
    QString reasoning;
    QList<ToolCallFragment> toolCalls;
    QList<ServerToolCall> serverTools;     ///< updates by id (see mergeServerToolCall); not generated tokens
    QList<ReasoningBlock> reasoningBlocks; ///< whole blocks as the provider closes them (their text came as reasoning)
    std::optional<Usage> usage;
    std::optional<ServerTiming> server;
    std::optional<QString> finishReason;   ///< normalized: stop|length|tool_calls|content_filter|...
    std::optional<double> providerCostUsd; ///< cost the provider reported (OpenRouter usage.cost)
    QString responseId;
    QString model; ///< model id the provider says answered

    /// True when the delta carries generated tokens (text, reasoning or a tool-call fragment).
    bool hasTokens() const { return !text.isEmpty() || !reasoning.isEmpty() || !toolCalls.isEmpty(); }
    friend bool operator==(const ChatDelta &, const ChatDelta &) = default;
};

enum class ErrorKind {
    Auth,
    RateLimit,
    NotFound,
    BadRequest,
    Quota,
    Server,
    Network,
    Timeout,
    Tls,
    Stream,
    Config,
    Cancelled,
};

QString errorKindName(ErrorKind kind);
std::optional<ErrorKind> errorKindFromName(const QString &name);

struct ChatError {
    ErrorKind kind = ErrorKind::Network;
    int httpStatus = 0; ///< 0 when no HTTP status applies
    QString message;    ///< the provider's own words where it gave some; never a key
    QString code;       ///< provider error code/type when given
    std::optional<double> retryAfterS;

    static ChatError make(ErrorKind kind, QString message, int httpStatus = 0)
    {
        ChatError error;
        error.kind = kind;
        error.message = std::move(message);
        error.httpStatus = httpStatus;
        return error;
    }
    friend bool operator==(const ChatError &, const ChatError &) = default;
};

/// Parsed x-ratelimit-* headers. Absent fields were not sent.
struct RateLimit {
    std::optional<qint64> limitRequests;
    std::optional<qint64> limitTokens;
    std::optional<qint64> remainingRequests;
    std::optional<qint64> remainingTokens;
    std::optional<double> resetRequestsS;
    std::optional<double> resetTokensS;
    bool isEmpty() const
    {
        return !limitRequests && !limitTokens && !remainingRequests && !remainingTokens && !resetRequestsS &&
               !resetTokensS;
    }
    friend bool operator==(const RateLimit &, const RateLimit &) = default;
};

enum class ResultStatus { Ok, Error, Cancelled, Truncated };
QString resultStatusName(ResultStatus status);

} // namespace versus
