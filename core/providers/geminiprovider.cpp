// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/geminiprovider.h"

#include "providers/geministreamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace versus {

namespace {

constexpr int kModelsPageSize = 1000;

QJsonObject textPart(const QString &text)
{
    return QJsonObject{{QStringLiteral("text"), text}};
}

// Function-call arguments travel as objects; the model's text is kept as it was made.
QJsonObject argumentsObject(const QString &arguments)
{
    return QJsonDocument::fromJson(arguments.toUtf8()).object();
}

// A tool result that is a JSON object goes as it is; anything else as {"result": text}.
QJsonObject responseObject(const QString &content)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(content.toUtf8(), &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    return QJsonObject{{QStringLiteral("result"), content}};
}

QJsonObject content(const QString &role, const QJsonArray &parts)
{
    return QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("parts"), parts}};
}

QJsonArray userParts(const ChatMessage &message)
{
    QJsonArray parts;
    for (const ImageInput &image : message.images)
        parts.append(QJsonObject{{QStringLiteral("inline_data"),
                                  QJsonObject{{QStringLiteral("mime_type"), image.mimeType},
                                              {QStringLiteral("data"), QString::fromLatin1(image.data.toBase64())}}}});
    if (!message.content.isEmpty() || parts.isEmpty())
        parts.append(textPart(message.content));
    return parts;
}

QJsonArray modelParts(const ChatMessage &message)
{
    QJsonArray parts;
    if (!message.content.isEmpty())
        parts.append(textPart(message.content));
    for (const ToolCall &call : message.toolCalls) {
        QJsonObject part{
            {QStringLiteral("functionCall"), QJsonObject{{QStringLiteral("name"), call.name},
                                                         {QStringLiteral("args"), argumentsObject(call.arguments)}}}};
        // Gemini 2.5 and 3 want the signature back on the very part it came with.
        if (!call.signature.isEmpty())
            part.insert(QStringLiteral("thoughtSignature"), call.signature);
        parts.append(part);
    }
    return parts;
}

// The name a tool result answers: its own, else the call's with the same id.
QString toolName(const ChatMessage &result, const QList<ChatMessage> &messages)
{
    if (!result.name.isEmpty())
        return result.name;
    for (const ChatMessage &message : messages) {
        for (const ToolCall &call : message.toolCalls) {
            if (call.id == result.toolCallId)
                return call.name;
        }
    }
    return QString();
}

// OpenAI-style tools ({"type": "function", "function": {name, description, parameters}}) as
// function declarations. `parametersJsonSchema` takes the JSON Schema users paste unchanged,
// where `parameters` (an OpenAPI subset) refuses members such as additionalProperties.
QJsonArray functionDeclarations(const QJsonArray &tools)
{
    QJsonArray declarations;
    for (const QJsonValue &value : tools) {
        const QJsonObject tool = value.toObject();
        const QJsonObject function = tool.value(u"function").isObject() ? tool.value(u"function").toObject() : tool;
        QJsonObject declaration{{QStringLiteral("name"), function.value(u"name").toString()}};
        if (function.value(u"description").isString())
            declaration.insert(QStringLiteral("description"), function.value(u"description"));
        const QJsonObject parameters = function.value(u"parameters").toObject();
        if (!parameters.isEmpty())
            declaration.insert(QStringLiteral("parametersJsonSchema"), parameters);
        declarations.append(declaration);
    }
    return declarations;
}

// "auto" | "none" | "required" | {"type": "function", "function": {"name"}} as functionCallingConfig.
QJsonObject functionCallingConfig(const QJsonValue &choice)
{
    if (choice.isString()) {
        const QString mode = choice.toString();
        if (mode == u"none")
            return {{QStringLiteral("mode"), QStringLiteral("NONE")}};
        if (mode == u"required" || mode == u"any")
            return {{QStringLiteral("mode"), QStringLiteral("ANY")}};
        return {{QStringLiteral("mode"), QStringLiteral("AUTO")}};
    }
    const QJsonObject object = choice.toObject();
    QString name = object.value(u"function").toObject().value(u"name").toString();
    if (name.isEmpty())
        name = object.value(u"name").toString();
    if (name.isEmpty())
        return {{QStringLiteral("mode"), QStringLiteral("AUTO")}};
    return {{QStringLiteral("mode"), QStringLiteral("ANY")},
            {QStringLiteral("allowedFunctionNames"), QJsonArray{name}}};
}

QString trimmedBasePath(const QUrl &baseUrl)
{
    QString path = baseUrl.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

std::optional<int> GeminiProvider::thinkingBudget(const QString &effort)
{
    if (effort == u"none")
        return 0;
    if (effort == u"low")
        return 1024;
    if (effort == u"medium")
        return 8192;
    if (effort == u"high")
        return 24576;
    if (effort == u"dynamic")
        return -1;
    return std::nullopt;
}

QByteArray GeminiProvider::encodedModelId(const QString &model)
{
    QString id = model.trimmed();
    if (id.startsWith(u"models/"))
        id = id.mid(7);
    return QUrl::toPercentEncoding(id);
}

HttpCall GeminiProvider::buildChatCall(const ChatRequest &request, const QUrl &baseUrl) const
{
    const ProviderConfig &config = request.config;
    QJsonObject body;

    QStringList instructions;
    if (!config.systemPrompt.isEmpty())
        instructions << config.systemPrompt;
    QJsonArray contents;
    QJsonArray pendingResults; // consecutive tool results go in one user content
    const auto flushResults = [&] {
        if (!pendingResults.isEmpty())
            contents.append(content(QStringLiteral("user"), pendingResults));
        pendingResults = QJsonArray();
    };
    for (const ChatMessage &message : request.messages) {
        if (message.role == Role::Tool) {
            pendingResults.append(
                QJsonObject{{QStringLiteral("functionResponse"),
                             QJsonObject{{QStringLiteral("name"), toolName(message, request.messages)},
                                         {QStringLiteral("response"), responseObject(message.content)}}}});
            continue;
        }
        flushResults();
        switch (message.role) {
        case Role::System:
            instructions << message.content;
            break;
        case Role::User:
            contents.append(content(QStringLiteral("user"), userParts(message)));
            break;
        case Role::Assistant: {
            const QJsonArray parts = modelParts(message);
            if (!parts.isEmpty()) // Gemini refuses a content without parts
                contents.append(content(QStringLiteral("model"), parts));
            break;
        }
        case Role::Tool:
            break;
        }
    }
    flushResults();
    body.insert(QStringLiteral("contents"), contents);
    if (!instructions.isEmpty())
        body.insert(
            QStringLiteral("systemInstruction"),
            QJsonObject{{QStringLiteral("parts"), QJsonArray{textPart(instructions.join(QStringLiteral("\n\n")))}}});

    QJsonObject generation;
    if (config.temperature)
        generation.insert(QStringLiteral("temperature"), *config.temperature);
    if (config.topP)
        generation.insert(QStringLiteral("topP"), *config.topP);
    if (config.maxTokens)
        generation.insert(QStringLiteral("maxOutputTokens"), *config.maxTokens);
    if (!config.stop.isEmpty())
        generation.insert(QStringLiteral("stopSequences"), QJsonArray::fromStringList(config.stop));
    if (config.seed)
        generation.insert(QStringLiteral("seed"), *config.seed);
    if (!config.responseSchema.isEmpty()) {
        // responseJsonSchema takes JSON Schema as it is; responseSchema would need a conversion
        // to Gemini's OpenAPI subset that loses what it does not know.
        generation.insert(QStringLiteral("responseMimeType"), QStringLiteral("application/json"));
        generation.insert(QStringLiteral("responseJsonSchema"), config.responseSchema);
    }
    // Thoughts are asked for when the user chose a reasoning effort (validate() checked the model
    // can think) or the catalog knows the model thinks: a thinkingConfig to a model that cannot
    // think (gemini-2.0-flash, Gemma) is a 400.
    const ModelInfo *model = info().findModel(config.model);
    const bool think = !config.reasoningEffort.isEmpty() || (model && model->capabilities.reasoning == true);
    if (think) {
        QJsonObject thinking{{QStringLiteral("includeThoughts"), config.reasoningEffort != u"none"}};
        if (const auto budget = thinkingBudget(config.reasoningEffort))
            thinking.insert(QStringLiteral("thinkingBudget"), *budget);
        generation.insert(QStringLiteral("thinkingConfig"), thinking);
    }
    if (!generation.isEmpty())
        body.insert(QStringLiteral("generationConfig"), generation);

    if (!config.tools.isEmpty()) {
        body.insert(QStringLiteral("tools"), QJsonArray{QJsonObject{{QStringLiteral("functionDeclarations"),
                                                                     functionDeclarations(config.tools)}}});
        if (!config.toolChoice.isUndefined() && !config.toolChoice.isNull())
            body.insert(QStringLiteral("toolConfig"), QJsonObject{{QStringLiteral("functionCallingConfig"),
                                                                   functionCallingConfig(config.toolChoice)}});
    }

    QUrl url = baseUrl;
    url.setPath(trimmedBasePath(baseUrl) + QStringLiteral("/models/") +
                    QString::fromLatin1(encodedModelId(config.model)) + QStringLiteral(":streamGenerateContent"),
                QUrl::TolerantMode);
    url.setQuery(QStringLiteral("alt=sse"));

    HttpCall call;
    call.url = url;
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.auth = info().auth;
    call.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    call.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream")});
    return call;
}

std::unique_ptr<StreamDecoder> GeminiProvider::createDecoder() const
{
    return std::make_unique<GeminiStreamDecoder>();
}

ChatError GeminiProvider::errorFromHttp(int status, const QByteArray &body, const RawHeaders &headers) const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QJsonObject root = doc.object();
    if (doc.isArray() && !doc.array().isEmpty())
        root = doc.array().first().toObject(); // streamGenerateContent without alt=sse answers a list
    if (!root.value(u"error").isObject())
        return Provider::errorFromHttp(status, body, headers);
    ChatError error = geminiError(root.value(u"error").toObject(), status);
    if (!error.retryAfterS && (status == 429 || status == 503)) {
        const ChatError generic = Provider::errorFromHttp(status, body, headers);
        error.retryAfterS = generic.retryAfterS;
    }
    return error;
}

HttpCall GeminiProvider::modelsCall(const QUrl &baseUrl, const QString &pageToken) const
{
    HttpCall call;
    call.method = QByteArrayLiteral("GET");
    call.url = joinUrl(baseUrl, info().modelsPath.isEmpty() ? QStringLiteral("/models") : info().modelsPath);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(kModelsPageSize));
    if (!pageToken.isEmpty())
        query.addQueryItem(QStringLiteral("pageToken"), QString::fromLatin1(QUrl::toPercentEncoding(pageToken)));
    call.url.setQuery(query);
    call.auth = info().auth;
    call.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    return call;
}

std::optional<HttpCall> GeminiProvider::buildModelsCall(const QUrl &baseUrl) const
{
    return modelsCall(baseUrl, QString());
}

std::optional<HttpCall> GeminiProvider::nextModelsCall(const QUrl &baseUrl, const QByteArray &previousBody) const
{
    const QString token = QJsonDocument::fromJson(previousBody).object().value(u"nextPageToken").toString();
    if (token.isEmpty())
        return std::nullopt;
    return modelsCall(baseUrl, token);
}

std::expected<QList<ModelInfo>, QString> GeminiProvider::parseModels(const QByteArray &body) const
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(
            QCoreApplication::translate("versus::GeminiProvider", "The model list is not valid JSON: %1.")
                .arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (!doc.isObject() || (!root.value(u"models").isArray() && !root.isEmpty() && !root.contains(u"nextPageToken")))
        return std::unexpected(
            QCoreApplication::translate("versus::GeminiProvider", "The answer does not look like a model list."));
    QList<ModelInfo> models;
    for (const QJsonValue &value : root.value(u"models").toArray()) {
        const QJsonObject item = value.toObject();
        QStringList methods;
        for (const QJsonValue &method : item.value(u"supportedGenerationMethods").toArray())
            methods << method.toString();
        if (!methods.contains(u"generateContent"))
            continue; // embeddings, AQA, image generation: nothing to chat with
        ModelInfo model;
        model.id = item.value(u"name").toString();
        if (model.id.startsWith(u"models/"))
            model.id = model.id.mid(7);
        if (model.id.isEmpty())
            continue;
        model.displayName = item.value(u"displayName").toString();
        if (item.value(u"inputTokenLimit").toInteger() > 0)
            model.contextWindow = item.value(u"inputTokenLimit").toInteger();
        if (item.value(u"outputTokenLimit").toInteger() > 0)
            model.maxOutputTokens = item.value(u"outputTokenLimit").toInteger();
        if (item.contains(u"thinking"))
            model.capabilities.reasoning = item.value(u"thinking").toBool();
        model.type = QStringLiteral("chat");
        models << mergeWithCatalog(model, info());
    }
    return models;
}

} // namespace versus
