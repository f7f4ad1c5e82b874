// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/openaiprovider.h"

#include "chat/imagefiles.h"
#include "providers/openaistreamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace versus {

namespace {

QJsonObject messageToJson(const ChatMessage &message, const RequestQuirks &quirks)
{
    QJsonObject json{{QStringLiteral("role"), roleName(message.role)}};
    if (message.role == Role::Assistant && !message.toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCall &call : message.toolCalls) {
            calls.append(QJsonObject{
                {QStringLiteral("id"), call.id},
                {QStringLiteral("type"), QStringLiteral("function")},
                {QStringLiteral("function"),
                 QJsonObject{{QStringLiteral("name"), call.name}, {QStringLiteral("arguments"), call.arguments}}},
            });
        }
        json.insert(QStringLiteral("tool_calls"), calls);
        json.insert(QStringLiteral("content"), message.content.isEmpty() ? QJsonValue() : QJsonValue(message.content));
        if (quirks.toolTurnReasoning == RequestQuirks::ToolTurnReasoning::ReasoningContent)
            json.insert(QStringLiteral("reasoning_content"), message.reasoning);
    } else if (message.role == Role::User && !message.images.isEmpty()) {
        // With images the content becomes typed parts: the text first (none for an image-only
        // prompt: some servers refuse an empty text part), then each image as a data URL.
        QJsonArray parts;
        if (!message.content.isEmpty())
            parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                     {QStringLiteral("text"), message.content}});
        for (const ImageInput &image : message.images)
            parts.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                            {QStringLiteral("image_url"), QJsonObject{{QStringLiteral("url"), imageDataUrl(image)}}}});
        json.insert(QStringLiteral("content"), parts);
    } else {
        json.insert(QStringLiteral("content"), message.content);
    }
    if (message.role == Role::Tool) {
        json.insert(QStringLiteral("tool_call_id"), message.toolCallId);
        if (!message.name.isEmpty())
            json.insert(QStringLiteral("name"), message.name);
    }
    return json;
}

} // namespace

HttpCall OpenAiProvider::buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const
{
    const ProviderConfig &config = request.config;
    const RequestQuirks &quirks = info().quirks;
    QJsonObject body;
    body.insert(QStringLiteral("model"), config.model);
    QJsonArray messages;
    QString systemPrompt = config.systemPrompt;
    const bool jsonMode =
        !config.responseSchema.isEmpty() && quirks.responseFormat == RequestQuirks::ResponseFormat::JsonObject;
    if (jsonMode) {
        // JSON mode only promises some JSON: the schema is stated where the model reads it.
        if (!systemPrompt.isEmpty())
            systemPrompt += QStringLiteral("\n\n");
        systemPrompt += QStringLiteral("Answer with a single JSON object (json) matching this JSON Schema:\n") +
                        QString::fromUtf8(QJsonDocument(config.responseSchema).toJson(QJsonDocument::Compact));
    }
    if (!systemPrompt.isEmpty())
        messages.append(
            QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), systemPrompt}});
    for (const ChatMessage &message : request.messages)
        messages.append(messageToJson(message, quirks));
    body.insert(QStringLiteral("messages"), messages);
    body.insert(QStringLiteral("stream"), true);
    if (quirks.streamUsageOption)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    if (config.temperature)
        body.insert(QStringLiteral("temperature"), *config.temperature);
    if (config.topP)
        body.insert(QStringLiteral("top_p"), *config.topP);
    if (config.maxTokens)
        body.insert(quirks.maxTokensField, *config.maxTokens);
    if (config.seed)
        body.insert(QStringLiteral("seed"), *config.seed);
    if (!config.stop.isEmpty())
        body.insert(QStringLiteral("stop"), QJsonArray::fromStringList(config.stop));
    if (!config.serviceTier.isEmpty())
        body.insert(QStringLiteral("service_tier"), config.serviceTier);
    if (!config.reasoningEffort.isEmpty()) {
        switch (quirks.reasoningParam) {
        case RequestQuirks::ReasoningParam::Effort:
            body.insert(QStringLiteral("reasoning_effort"), config.reasoningEffort);
            break;
        case RequestQuirks::ReasoningParam::DeepSeekThinking:
            // DeepSeek switches thinking on and off separately from its depth.
            if (config.reasoningEffort == u"none") {
                body.insert(QStringLiteral("thinking"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("disabled")}});
            } else {
                body.insert(QStringLiteral("thinking"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("enabled")}});
                body.insert(QStringLiteral("reasoning_effort"), config.reasoningEffort);
            }
            break;
        case RequestQuirks::ReasoningParam::OpenRouterReasoning:
            body.insert(QStringLiteral("reasoning"), QJsonObject{{QStringLiteral("effort"), config.reasoningEffort}});
            break;
        }
    }
    // Built-in tools the provider runs itself go beside the functions, Groq gpt-oss style:
    // {"type": "browser_search"}, {"type": "code_interpreter"}.
    QJsonArray tools = config.tools;
    for (const QString &serverTool : config.serverTools)
        tools.append(QJsonObject{{QStringLiteral("type"), serverTool}});
    if (!tools.isEmpty())
        body.insert(QStringLiteral("tools"), tools);
    if (!config.tools.isEmpty() && config.parallelToolCalls)
        body.insert(QStringLiteral("parallel_tool_calls"), *config.parallelToolCalls);
    if (!config.toolChoice.isUndefined() && !config.toolChoice.isNull())
        body.insert(QStringLiteral("tool_choice"), config.toolChoice);
    if (jsonMode) {
        body.insert(QStringLiteral("response_format"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("json_object")}});
    } else if (!config.responseSchema.isEmpty()) {
        body.insert(QStringLiteral("response_format"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                                {QStringLiteral("json_schema"),
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("response")},
                                             {QStringLiteral("schema"), config.responseSchema},
                                             {QStringLiteral("strict"), true}}}});
    }

    HttpCall call;
    call.url = joinUrl(baseUrl, QStringLiteral("/chat/completions"));
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.auth = info().auth;
    call.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    call.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream")});
    return call;
}

std::unique_ptr<StreamDecoder> OpenAiProvider::createDecoder() const
{
    return std::make_unique<OpenAiStreamDecoder>();
}

} // namespace versus
