// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/provider.h"

#include "pricing/fixedpoint.h"
#include "providers/imagelimits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace versus {

namespace {

// "Please try again in 5.289s" / "in 1m3.5s" / "in 350ms"
std::optional<double> retryHintFromMessage(const QString &message)
{
    static const QRegularExpression re(QStringLiteral(R"(try again in\s+(?:(\d+)m)?(\d+(?:\.\d+)?)(ms|s))"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(message);
    if (!match.hasMatch())
        return std::nullopt;
    double seconds = match.captured(2).toDouble();
    if (match.captured(3).compare(u"ms", Qt::CaseInsensitive) == 0)
        seconds /= 1000.0;
    if (!match.captured(1).isEmpty())
        seconds += 60.0 * match.captured(1).toDouble();
    return seconds;
}

std::optional<double> retryAfterHeader(const RawHeaders &headers)
{
    bool ok = false;
    const QByteArray ms = headerValue(headers, "retry-after-ms");
    if (!ms.isEmpty()) {
        const double v = ms.trimmed().toDouble(&ok);
        if (ok && v >= 0)
            return v / 1000.0;
    }
    const QByteArray s = headerValue(headers, "retry-after");
    if (!s.isEmpty()) {
        const double v = s.trimmed().toDouble(&ok);
        if (ok && v >= 0)
            return v;
    }
    return std::nullopt;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return QString();
}

std::optional<qint64> positiveInteger(const QJsonValue &value)
{
    if (value.isDouble() && value.toDouble() >= 1)
        return value.toInteger();
    return std::nullopt;
}

std::optional<qint64> firstPositive(const QJsonObject &object, std::initializer_list<const char16_t *> keys)
{
    for (const char16_t *key : keys) {
        if (auto v = positiveInteger(object.value(key)))
            return v;
    }
    return std::nullopt;
}

// A price given as a decimal number or text, scaled to micro-USD per million tokens. Negative
// figures mean "variable" (OpenRouter's router models): no price then.
std::optional<qint64> listedPrice(const QJsonValue &value, int scale)
{
    QString text;
    if (value.isDouble())
        text = shortestDecimalText(value.toDouble());
    else if (value.isString())
        text = value.toString().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const auto parsed = parseFixedPoint(text, scale);
    if (!parsed || *parsed < 0)
        return std::nullopt;
    return *parsed;
}

// OpenRouter: {"prompt": "0.00000015", "completion": "0.0000006", "input_cache_read": "…"}, USD
// per token as text. Together AI: {"input": 0.88, "output": 0.88}, USD per million tokens.
std::optional<ModelPricing> listedPricing(const QJsonObject &pricing)
{
    constexpr int perTokenScale = 12; // USD/token × 10^12 = micro-USD per Mtok
    constexpr int perMtokScale = 6;   // USD/Mtok × 10^6 = micro-USD per Mtok
    ModelPricing result;
    if (pricing.contains(u"prompt") || pricing.contains(u"completion")) {
        result.inputMicroPerMtok = listedPrice(pricing.value(u"prompt"), perTokenScale);
        result.outputMicroPerMtok = listedPrice(pricing.value(u"completion"), perTokenScale);
        result.cachedInputMicroPerMtok = listedPrice(pricing.value(u"input_cache_read"), perTokenScale);
    } else {
        result.inputMicroPerMtok = listedPrice(pricing.value(u"input"), perMtokScale);
        result.outputMicroPerMtok = listedPrice(pricing.value(u"output"), perMtokScale);
        result.cachedInputMicroPerMtok = listedPrice(pricing.value(u"cached_input"), perMtokScale);
    }
    if (result.isEmpty())
        return std::nullopt;
    return result;
}

// Groq's "supported_features" and OpenRouter's "supported_parameters" name what a model
// supports: what such a list leaves out is not supported.
void applyFeatures(const QStringList &features, Capabilities &caps)
{
    const auto any = [&](std::initializer_list<const char16_t *> names) {
        return std::any_of(names.begin(), names.end(),
                           [&](const char16_t *name) { return features.contains(QString::fromUtf16(name)); });
    };
    caps.functionCalls = any({u"tools", u"function_calling", u"tool_use", u"tool_calls"});
    caps.reasoning = any({u"reasoning", u"include_reasoning", u"reasoning_effort"});
    caps.structuredOutput = any({u"structured_outputs", u"json_schema"});
    if (any({u"browser_search", u"code_execution", u"code_interpreter", u"web_search"}))
        caps.builtinTools = true;
}

// A list of names (["tools", "json_mode"]) or an object of booleans ({"tools": true}).
void applyFeatureValue(const QJsonValue &value, Capabilities &caps)
{
    QStringList features;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            features << v.toString().toLower();
        if (features.isEmpty()) // an empty list says nothing
            return;
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            return;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().toBool())
                features << it.key().toLower();
        }
    } else {
        return;
    }
    applyFeatures(features, caps);
}

ModelInfo parseListedModel(const QJsonObject &item)
{
    ModelInfo model;
    model.id = item.value(u"id").toString();
    if (model.id.isEmpty())
        model.id = item.value(u"model").toString(); // Ollama's native list
    if (model.id.isEmpty())
        model.id = item.value(u"name").toString();
    model.displayName = item.value(u"display_name").toString(item.value(u"name").toString());
    if (model.displayName == model.id)
        model.displayName.clear();
    const QJsonObject topProvider = item.value(u"top_provider").toObject(); // OpenRouter
    const QJsonObject meta = item.value(u"meta").toObject();                // llama.cpp
    model.contextWindow = firstPositive(
        item, {u"context_window", u"context_length", u"max_context_length", u"max_model_len", u"max_input_tokens"});
    if (!model.contextWindow)
        model.contextWindow = positiveInteger(topProvider.value(u"context_length"));
    if (!model.contextWindow)
        model.contextWindow = positiveInteger(meta.value(u"n_ctx_train"));
    model.maxOutputTokens = firstPositive(item, {u"max_completion_tokens", u"max_output_tokens"});
    if (!model.maxOutputTokens)
        model.maxOutputTokens = positiveInteger(topProvider.value(u"max_completion_tokens"));
    if (item.value(u"pricing").isObject())
        model.pricing = listedPricing(item.value(u"pricing").toObject());
    model.type = item.value(u"type").toString();
    model.ownedBy = item.value(u"owned_by").toString(item.value(u"organization").toString());
    applyFeatureValue(item.value(u"supported_features"), model.capabilities);
    applyFeatureValue(item.value(u"supported_parameters"), model.capabilities);
    // OpenRouter states what a model reads: architecture.input_modalities ["text", "image", ...].
    const QJsonValue modalities = item.value(u"architecture").toObject().value(u"input_modalities");
    if (modalities.isArray() && !modalities.toArray().isEmpty())
        model.capabilities.vision = modalities.toArray().contains(QJsonValue(QStringLiteral("image")));
    return model;
}

} // namespace

QList<Capability> requiredCapabilities(const ChatRequest &request)
{
    QList<Capability> needed{Capability::Streaming};
    if (!request.config.tools.isEmpty())
        needed << Capability::FunctionCalls;
    if (!request.config.reasoningEffort.isEmpty())
        needed << Capability::Reasoning;
    if (!request.config.responseSchema.isEmpty())
        needed << Capability::StructuredOutput;
    if (!request.config.serverTools.isEmpty())
        needed << Capability::BuiltinTools;
    if (std::any_of(request.messages.cbegin(), request.messages.cend(),
                    [](const ChatMessage &message) { return !message.images.isEmpty(); }))
        needed << Capability::Vision;
    return needed;
}

QStringList Provider::validate(const ChatRequest &request) const
{
    QStringList problems;
    const ProviderConfig &config = request.config;
    if (config.model.trimmed().isEmpty())
        problems << QCoreApplication::translate("versus::Provider", "No model is chosen.");

    const ModelInfo *model = m_info.findModel(config.model);
    bool builtinToolsRefused = false;
    for (Capability capability : requiredCapabilities(request)) {
        const bool providerRefuses = capabilityValue(m_info.capabilities, capability) == false;
        const bool modelRefuses = model && capabilityValue(model->capabilities, capability) == false;
        if (providerRefuses) {
            problems << QCoreApplication::translate("versus::Provider", "%1 does not support %2.")
                            .arg(m_info.displayName, capabilityDisplayName(capability));
        } else if (modelRefuses) {
            problems << QCoreApplication::translate("versus::Provider", "%1 on %2 does not support %3.")
                            .arg(config.model, m_info.displayName, capabilityDisplayName(capability));
        }
        if (capability == Capability::BuiltinTools)
            builtinToolsRefused = providerRefuses || modelRefuses;
    }
    if (!config.serverTools.isEmpty() && !builtinToolsRefused)
        problems << serverToolProblems(config, model);

    if (config.temperature && (*config.temperature < 0.0 || *config.temperature > 2.0))
        problems << QCoreApplication::translate("versus::Provider", "Temperature must be between 0 and 2 (it is %1).")
                        .arg(*config.temperature);
    if (config.topP && (*config.topP <= 0.0 || *config.topP > 1.0))
        problems << QCoreApplication::translate("versus::Provider",
                                                "Top-p must be greater than 0 and at most 1 (it is %1).")
                        .arg(*config.topP);
    if (config.maxTokens && *config.maxTokens < 1)
        problems << QCoreApplication::translate("versus::Provider", "Max tokens must be at least 1 (it is %1).")
                        .arg(*config.maxTokens);
    if (model && model->maxOutputTokens && config.maxTokens && *config.maxTokens > *model->maxOutputTokens)
        problems << QCoreApplication::translate("versus::Provider",
                                                "Max tokens is %1, but %2 writes at most %3 tokens.")
                        .arg(*config.maxTokens)
                        .arg(config.model)
                        .arg(*model->maxOutputTokens);
    if (!config.reasoningEffort.isEmpty() && !m_info.reasoningEfforts.isEmpty() &&
        !m_info.reasoningEfforts.contains(config.reasoningEffort))
        problems << QCoreApplication::translate("versus::Provider",
                                                "%1 does not know the reasoning effort \"%2\"; use one of: %3.")
                        .arg(m_info.displayName, config.reasoningEffort,
                             m_info.reasoningEfforts.join(QStringLiteral(", ")));
    if (!config.serviceTier.isEmpty()) {
        if (m_info.serviceTiers.isEmpty())
            problems
                << QCoreApplication::translate("versus::Provider", "%1 has no service tiers.").arg(m_info.displayName);
        else if (!m_info.serviceTiers.contains(config.serviceTier))
            problems << QCoreApplication::translate("versus::Provider",
                                                    "%1 does not know the service tier \"%2\"; use one of: %3.")
                            .arg(m_info.displayName, config.serviceTier,
                                 m_info.serviceTiers.join(QStringLiteral(", ")));
    }
    for (const QJsonValue &tool : config.tools) {
        const QJsonObject function = tool.toObject().value(u"function").toObject();
        if (function.value(u"name").toString().isEmpty()) {
            problems << QCoreApplication::translate("versus::Provider", "Every tool needs a function name.");
            break;
        }
    }
    if (request.messages.isEmpty())
        problems << QCoreApplication::translate("versus::Provider", "There is no message to send.");
    problems << imageLimitProblems(effectiveImageLimits(m_info, config.model), m_info.displayName, request.messages);
    return problems;
}

// Built-in tools can be switched on only where the catalog lists them for the model: a model
// the catalog does not know (or one that runs its tools unasked, like groq/compound) has none.
QStringList Provider::serverToolProblems(const ProviderConfig &config, const ModelInfo *model) const
{
    const QStringList offered = model ? model->serverTools : QStringList();
    if (offered.isEmpty())
        return {QCoreApplication::translate("versus::Provider",
                                            "%1 on %2 has no built-in tools to switch on (asked for: %3).")
                    .arg(config.model, m_info.displayName, config.serverTools.join(QStringLiteral(", ")))};
    QStringList problems;
    for (const QString &name : config.serverTools) {
        if (!offered.contains(name))
            problems << QCoreApplication::translate("versus::Provider",
                                                    "%1 on %2 does not know the built-in tool \"%3\"; use one of: %4.")
                            .arg(config.model, m_info.displayName, name, offered.join(QStringLiteral(", ")));
    }
    return problems;
}

ChatError Provider::errorFromHttp(int status, const QByteArray &body, const RawHeaders &headers) const
{
    ChatError error;
    error.httpStatus = status;

    // Error bodies seen in the wild: {"error":{"message","type","code"}} (OpenAI and most
    // compatible services), {"error":"text","statusCode":N} (Synesia), {"detail":"text"}
    // (Mistral), {"message":"text"}.
    QString message;
    QString code;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject root = doc.object();
        const QJsonValue errorValue = root.value(u"error");
        if (errorValue.isObject()) {
            const QJsonObject e = errorValue.toObject();
            message = e.value(u"message").toString();
            code = jsonText(e.value(u"code"));
            if (code.isEmpty())
                code = e.value(u"type").toString();
        } else if (errorValue.isString()) {
            message = errorValue.toString();
        }
        if (message.isEmpty()) {
            const QJsonValue detail = root.value(u"detail");
            if (detail.isString())
                message = detail.toString();
            else if (detail.isArray() && !detail.toArray().isEmpty())
                message = detail.toArray().first().toObject().value(u"msg").toString();
        }
        if (message.isEmpty())
            message = root.value(u"message").toString();
    }
    if (message.isEmpty()) {
        // Not JSON (a proxy's HTML page, plain text): show a short, single-line excerpt.
        QString text = QString::fromUtf8(body.left(300)).simplified();
        if (text.startsWith(u'<'))
            text.clear();
        message = text.isEmpty()
                      ? QCoreApplication::translate("versus::Provider", "HTTP status %1 with no explanation from %2.")
                            .arg(status)
                            .arg(m_info.displayName)
                      : text;
    }
    error.message = message;
    error.code = code;

    const QString lowerMessage = message.toLower();
    const bool modelMissing = code.contains(u"model_not_found") || code == u"model_not_available" ||
                              (lowerMessage.contains(u"model") &&
                               (lowerMessage.contains(u"not exist") || lowerMessage.contains(u"not found") ||
                                lowerMessage.contains(u"does not exist") || lowerMessage.contains(u"decommissioned")));
    if (status == 401 || status == 403) {
        error.kind = ErrorKind::Auth;
    } else if (status == 402 || code == u"insufficient_quota") {
        error.kind = ErrorKind::Quota;
    } else if (status == 404 || modelMissing) {
        error.kind = ErrorKind::NotFound;
    } else if (status == 429) {
        error.kind = ErrorKind::RateLimit;
    } else if (status == 408) {
        error.kind = ErrorKind::Timeout;
    } else if (status >= 500 || status == 498 || status == 499 || status == 409) {
        error.kind = ErrorKind::Server;
    } else {
        error.kind = ErrorKind::BadRequest;
    }
    if (status == 429 || status == 503 || status == 498) {
        error.retryAfterS = retryAfterHeader(headers);
        if (!error.retryAfterS)
            error.retryAfterS = retryHintFromMessage(message);
    }
    return error;
}

QUrl Provider::withoutV1(const QUrl &baseUrl)
{
    QUrl base = baseUrl;
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(u"/v1"))
        path.chop(3);
    base.setPath(path);
    return base;
}

QUrl Provider::joinUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    QString tail = path;
    if (!tail.startsWith(u'/'))
        tail.prepend(u'/');
    url.setPath(basePath + tail);
    return url;
}

std::optional<HttpCall> Provider::buildModelsCall(const QUrl &baseUrl) const
{
    if (m_info.modelsPath.isEmpty())
        return std::nullopt;
    HttpCall call;
    call.method = QByteArrayLiteral("GET");
    call.url = joinUrl(baseUrl, m_info.modelsPath);
    call.auth = m_info.auth;
    call.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    return call;
}

std::optional<HttpCall> Provider::nextModelsCall(const QUrl &baseUrl, const QByteArray &body) const
{
    Q_UNUSED(baseUrl);
    Q_UNUSED(body);
    return std::nullopt;
}

std::expected<QList<ModelInfo>, QString> Provider::parseModels(const QByteArray &body) const
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(QCoreApplication::translate("versus::Provider", "The model list is not valid JSON: %1.")
                                   .arg(parseError.errorString()));
    // {"data": [...]} (OpenAI and most compatible services, llama.cpp with a single entry),
    // a bare array (Together AI), {"models": [...]} (Ollama's native list, newer llama.cpp).
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.object().value(u"data").isArray())
        items = doc.object().value(u"data").toArray();
    else if (doc.object().value(u"models").isArray())
        items = doc.object().value(u"models").toArray();
    else
        return std::unexpected(
            QCoreApplication::translate("versus::Provider", "The answer does not look like a model list."));

    QList<ModelInfo> models;
    for (const QJsonValue &value : std::as_const(items)) {
        if (!value.isObject())
            continue;
        ModelInfo model = parseListedModel(value.toObject());
        if (model.id.isEmpty())
            continue;
        const bool duplicate =
            std::any_of(models.cbegin(), models.cend(), [&](const ModelInfo &m) { return m.id == model.id; });
        if (!duplicate)
            models << mergeWithCatalog(model, info());
    }
    return models;
}

} // namespace versus
