// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/synesiaprovider.h"

#include "chat/imagefiles.h"
#include "providers/synesiastreamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace versus {

namespace {

// Tool-call arguments travel as JSON objects in LLM Exec messages.
QJsonValue argumentsObject(const QString &arguments)
{
    const QJsonDocument doc = QJsonDocument::fromJson(arguments.toUtf8());
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(QJsonObject());
}

} // namespace

QStringList SynesiaProvider::validate(const ChatRequest &request) const
{
    QStringList problems = Provider::validate(request);
    if (!request.config.stop.isEmpty())
        problems << QCoreApplication::translate("versus::SynesiaProvider", "%1 does not take stop sequences.")
                        .arg(info().displayName);
    if (request.config.seed)
        problems << QCoreApplication::translate("versus::SynesiaProvider", "%1 does not take a sampling seed.")
                        .arg(info().displayName);
    return problems;
}

HttpCall SynesiaProvider::buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const
{
    const ProviderConfig &config = request.config;
    QJsonObject body;
    body.insert(QStringLiteral("model"), config.model);

    // The system prompt goes to "instructions", not into the messages.
    QStringList instructions;
    if (!config.systemPrompt.isEmpty())
        instructions << config.systemPrompt;
    QJsonArray messages;
    for (const ChatMessage &message : request.messages) {
        switch (message.role) {
        case Role::System:
            instructions << message.content;
            break;
        case Role::User: {
            QJsonObject json{{QStringLiteral("role"), QStringLiteral("user")},
                             {QStringLiteral("content"), message.content}};
            // No public reference documents the shape of LLM Exec's "metadata.imageInputs"; the
            // issue names only the key. Inferred: the user message's metadata carries the images
            // as an array of data URLs (data:<mime>;base64,<bytes>), in the order they were attached.
            if (!message.images.isEmpty()) {
                QJsonArray inputs;
                for (const ImageInput &image : message.images)
                    inputs.append(imageDataUrl(image));
                json.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("imageInputs"), inputs}});
            }
            messages.append(json);
            break;
        }
        case Role::Assistant: {
            QJsonObject json{{QStringLiteral("role"), QStringLiteral("assistant")},
                             {QStringLiteral("content"), message.content}};
            if (!message.toolCalls.isEmpty()) {
                QJsonArray calls;
                for (const ToolCall &call : message.toolCalls)
                    calls.append(QJsonObject{{QStringLiteral("id"), call.id},
                                             {QStringLiteral("name"), call.name},
                                             {QStringLiteral("arguments"), argumentsObject(call.arguments)}});
                json.insert(QStringLiteral("tool_calls"), calls);
            }
            messages.append(json);
            break;
        }
        case Role::Tool:
            messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("tool_response")},
                                        {QStringLiteral("tool_calls"),
                                         QJsonArray{QJsonObject{{QStringLiteral("tool_call_id"), message.toolCallId},
                                                                {QStringLiteral("content"), message.content},
                                                                {QStringLiteral("tool_name"), message.name}}}}});
            break;
        }
    }
    body.insert(QStringLiteral("messages"), messages);
    if (!instructions.isEmpty())
        body.insert(QStringLiteral("instructions"), instructions.join(QStringLiteral("\n\n")));

    QJsonObject llmConfig;
    if (config.temperature)
        llmConfig.insert(QStringLiteral("temperature"), *config.temperature);
    if (config.maxTokens)
        llmConfig.insert(QStringLiteral("max_completion_tokens"), *config.maxTokens);
    if (config.topP)
        llmConfig.insert(QStringLiteral("top_p"), *config.topP);
    if (!config.reasoningEffort.isEmpty())
        llmConfig.insert(QStringLiteral("reasoning_effort"), config.reasoningEffort);
    if (config.parallelToolCalls)
        llmConfig.insert(QStringLiteral("parallel_tool_calls"), *config.parallelToolCalls);
    if (!llmConfig.isEmpty())
        body.insert(QStringLiteral("llmConfig"), llmConfig);
    body.insert(QStringLiteral("config"), QJsonObject{{QStringLiteral("max_loops"), kMaxLoops}});

    HttpCall call;
    call.url = joinUrl(withoutV1(baseUrl), QStringLiteral("/v1/llm-exec/round/stream"));
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.auth = info().auth;
    call.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    call.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream")});
    return call;
}

std::unique_ptr<StreamDecoder> SynesiaProvider::createDecoder() const
{
    return std::make_unique<SynesiaStreamDecoder>();
}

} // namespace versus
