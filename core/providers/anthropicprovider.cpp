// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/anthropicprovider.h"

#include "providers/anthropicstreamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace versus {

namespace {

bool forcesTool(const QJsonValue &choice)
{
    return choice.toString() == u"required" || choice.isObject();
}

// OpenAI-style {"type": "function", "function": {name, description, parameters}} → Anthropic's.
QJsonObject toolToJson(const QJsonObject &tool)
{
    const QJsonObject function = tool.value(u"function").toObject();
    QJsonObject json{{QStringLiteral("name"), function.value(u"name").toString()}};
    const QString description = function.value(u"description").toString();
    if (!description.isEmpty())
        json.insert(QStringLiteral("description"), description);
    const QJsonValue parameters = function.value(u"parameters");
    json.insert(QStringLiteral("input_schema"),
                parameters.isObject() ? parameters
                                      : QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}));
    return json;
}

// "auto" → {type: auto}, "required" → {type: any}, "none" → {type: none},
// {function: {name}} → {type: tool, name}; parallel_tool_calls false disables parallel use.
QJsonObject toolChoiceToJson(const QJsonValue &choice, const std::optional<bool> &parallel)
{
    QJsonObject json{{QStringLiteral("type"), QStringLiteral("auto")}};
    if (choice.toString() == u"required")
        json.insert(QStringLiteral("type"), QStringLiteral("any"));
    else if (choice.toString() == u"none")
        json.insert(QStringLiteral("type"), QStringLiteral("none"));
    else if (choice.isObject()) {
        json.insert(QStringLiteral("type"), QStringLiteral("tool"));
        json.insert(QStringLiteral("name"), choice.toObject().value(u"function").toObject().value(u"name").toString());
    }
    if (parallel == false && json.value(u"type").toString() != u"none")
        json.insert(QStringLiteral("disable_parallel_tool_use"), true);
    return json;
}

// Tool-call arguments are JSON text; tool_use wants the object.
QJsonObject argumentsObject(const QString &arguments)
{
    const QJsonDocument doc = QJsonDocument::fromJson(arguments.toUtf8());
    return doc.isObject() ? doc.object() : QJsonObject();
}

QJsonArray contentBlocks(const ChatMessage &message)
{
    QJsonArray blocks;
    const auto text = [&](const QString &content) {
        if (!content.isEmpty()) // the API refuses empty text blocks
            blocks.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), content}});
    };
    switch (message.role) {
    case Role::System:
        break;
    case Role::User:
        for (const ImageInput &image : message.images) {
            blocks.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                            {QStringLiteral("source"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("base64")},
                                         {QStringLiteral("media_type"), image.mimeType},
                                         {QStringLiteral("data"), QString::fromLatin1(image.data.toBase64())}}}});
        }
        text(message.content);
        break;
    case Role::Assistant:
        // Signed thinking goes back unchanged and first: a tool-use turn is refused without it.
        for (const ReasoningBlock &block : message.reasoningBlocks) {
            if (block.isRedacted())
                blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("redacted_thinking")},
                                          {QStringLiteral("data"), block.redactedData}});
            else if (!block.signature.isEmpty())
                blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("thinking")},
                                          {QStringLiteral("thinking"), block.text},
                                          {QStringLiteral("signature"), block.signature}});
        }
        text(message.content);
        for (const ToolCall &call : message.toolCalls)
            blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                      {QStringLiteral("id"), call.id},
                                      {QStringLiteral("name"), call.name},
                                      {QStringLiteral("input"), argumentsObject(call.arguments)}});
        break;
    case Role::Tool:
        blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_result")},
                                  {QStringLiteral("tool_use_id"), message.toolCallId},
                                  {QStringLiteral("content"), message.content}});
        break;
    }
    return blocks;
}

} // namespace

std::optional<qint64> AnthropicProvider::thinkingBudget(const QString &effort)
{
    if (effort == u"low")
        return 2048;
    if (effort == u"medium")
        return 8192;
    if (effort == u"high")
        return 24576;
    return std::nullopt;
}

qint64 AnthropicProvider::effectiveMaxTokens(const ProviderConfig &config) const
{
    if (config.maxTokens)
        return *config.maxTokens;
    qint64 maxTokens = kDefaultMaxTokens;
    if (const ModelInfo *model = info().findModel(config.model); model && model->maxOutputTokens)
        maxTokens = *model->maxOutputTokens;
    if (const auto budget = thinkingBudget(config.reasoningEffort); budget && *budget >= maxTokens)
        maxTokens = *budget + kAnswerRoom;
    return maxTokens;
}

QStringList AnthropicProvider::validate(const ChatRequest &request) const
{
    QStringList problems = Provider::validate(request);
    const ProviderConfig &config = request.config;
    const QString name = info().displayName;
    if (config.seed)
        problems
            << QCoreApplication::translate("versus::AnthropicProvider", "%1 does not take a sampling seed.").arg(name);
    if (config.temperature && *config.temperature > 1.0 && *config.temperature <= 2.0)
        problems << QCoreApplication::translate("versus::AnthropicProvider",
                                                "%1 takes a temperature between 0 and 1 (it is %2).")
                        .arg(name)
                        .arg(*config.temperature);
    if (const auto budget = thinkingBudget(config.reasoningEffort)) {
        if (config.temperature)
            problems << QCoreApplication::translate(
                            "versus::AnthropicProvider",
                            "%1 does not take a temperature together with thinking; leave the temperature unset "
                            "or the reasoning effort empty.")
                            .arg(name);
        if (config.topP && *config.topP < 0.95)
            problems << QCoreApplication::translate(
                            "versus::AnthropicProvider",
                            "%1 takes a top-p between 0.95 and 1 together with thinking (it is %2).")
                            .arg(name)
                            .arg(*config.topP);
        if (!config.tools.isEmpty() && forcesTool(config.toolChoice))
            problems << QCoreApplication::translate(
                            "versus::AnthropicProvider",
                            "%1 cannot be made to call a tool while thinking; use the tool choice \"auto\" or "
                            "\"none\", or leave the reasoning effort empty.")
                            .arg(name);
        if (config.maxTokens && *config.maxTokens <= *budget)
            problems << QCoreApplication::translate(
                            "versus::AnthropicProvider",
                            "Max tokens (%1) must be above the thinking budget of the reasoning effort \"%2\" "
                            "(%3 tokens).")
                            .arg(*config.maxTokens)
                            .arg(config.reasoningEffort)
                            .arg(*budget);
    }
    return problems;
}

HttpCall AnthropicProvider::buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const
{
    const ProviderConfig &config = request.config;
    QJsonObject body;
    body.insert(QStringLiteral("model"), config.model);
    body.insert(QStringLiteral("max_tokens"), effectiveMaxTokens(config));

    QStringList system;
    if (!config.systemPrompt.isEmpty())
        system << config.systemPrompt;
    QJsonArray messages;
    for (const ChatMessage &message : request.messages) {
        if (message.role == Role::System) {
            if (!message.content.isEmpty())
                system << message.content;
            continue;
        }
        const QJsonArray blocks = contentBlocks(message);
        if (blocks.isEmpty())
            continue;
        const QString role = message.role == Role::Assistant ? QStringLiteral("assistant") : QStringLiteral("user");
        // Roles must alternate: tool results after each other, or a prompt after a tool
        // result, share one user message.
        if (!messages.isEmpty() && messages.last().toObject().value(u"role").toString() == role) {
            QJsonObject last = messages.last().toObject();
            QJsonArray content = last.value(u"content").toArray();
            for (const QJsonValue &block : blocks)
                content.append(block);
            last.insert(QStringLiteral("content"), content);
            messages.replace(messages.size() - 1, last);
        } else {
            messages.append(QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("content"), blocks}});
        }
    }
    if (!system.isEmpty())
        body.insert(QStringLiteral("system"), system.join(QStringLiteral("\n\n")));
    body.insert(QStringLiteral("messages"), messages);
    body.insert(QStringLiteral("stream"), true);
    if (config.temperature)
        body.insert(QStringLiteral("temperature"), *config.temperature);
    if (config.topP)
        body.insert(QStringLiteral("top_p"), *config.topP);
    if (!config.stop.isEmpty())
        body.insert(QStringLiteral("stop_sequences"), QJsonArray::fromStringList(config.stop));
    if (const auto budget = thinkingBudget(config.reasoningEffort))
        body.insert(QStringLiteral("thinking"), QJsonObject{{QStringLiteral("type"), QStringLiteral("enabled")},
                                                            {QStringLiteral("budget_tokens"), *budget}});
    if (!config.tools.isEmpty()) {
        QJsonArray tools;
        for (const QJsonValue &tool : config.tools)
            tools.append(toolToJson(tool.toObject()));
        body.insert(QStringLiteral("tools"), tools);
        const bool choiceGiven = !config.toolChoice.isUndefined() && !config.toolChoice.isNull();
        if (choiceGiven || config.parallelToolCalls == false)
            body.insert(QStringLiteral("tool_choice"), toolChoiceToJson(config.toolChoice, config.parallelToolCalls));
    }

    HttpCall call;
    call.url = joinUrl(withoutV1(baseUrl), QStringLiteral("/v1/messages"));
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.auth = info().auth;
    call.headers.append({QByteArrayLiteral("anthropic-version"), kApiVersion.toByteArray()});
    call.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    call.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream")});
    return call;
}

std::unique_ptr<StreamDecoder> AnthropicProvider::createDecoder() const
{
    return std::make_unique<AnthropicStreamDecoder>();
}

ChatError AnthropicProvider::errorFromHttp(int status, const QByteArray &body, const RawHeaders &headers) const
{
    ChatError error = Provider::errorFromHttp(status, body, headers);
    // The base read error.message and error.type (as the code); the type says the kind.
    if (const auto kind = anthropicErrorKind(error.code))
        error.kind = *kind;
    // An empty prepaid balance is a 400 invalid_request_error; what helps is billing, not the request.
    if (error.message.contains(u"credit balance", Qt::CaseInsensitive))
        error.kind = ErrorKind::Quota;
    if (status == 529 && !error.retryAfterS) {
        bool ok = false;
        const double after = headerValue(headers, "retry-after").toDouble(&ok);
        if (ok && after >= 0)
            error.retryAfterS = after;
    }
    return error;
}

std::optional<HttpCall> AnthropicProvider::buildModelsCall(const QUrl &baseUrl) const
{
    HttpCall call;
    call.method = QByteArrayLiteral("GET");
    call.url = joinUrl(withoutV1(baseUrl), QStringLiteral("/v1/models"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    call.url.setQuery(query);
    call.auth = info().auth;
    call.headers.append({QByteArrayLiteral("anthropic-version"), kApiVersion.toByteArray()});
    call.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    return call;
}

std::optional<HttpCall> AnthropicProvider::nextModelsCall(const QUrl &baseUrl, const QByteArray &body) const
{
    const QJsonObject page = QJsonDocument::fromJson(body).object();
    const QString lastId = page.value(u"last_id").toString();
    if (!page.value(u"has_more").toBool() || lastId.isEmpty())
        return std::nullopt;
    std::optional<HttpCall> call = buildModelsCall(baseUrl);
    QUrlQuery query(call->url);
    query.addQueryItem(QStringLiteral("after_id"), lastId);
    call->url.setQuery(query);
    return call;
}

} // namespace versus
