// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/providerregistry.h"

#include "providers/anthropicprovider.h"
#include "providers/geminiprovider.h"
#include "providers/openaiprovider.h"
#include "providers/synesiaprovider.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>

#include <limits>

namespace versus {

namespace {

int lineOfOffset(const QByteArray &text, qsizetype offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

// Best effort: the line where an entry with this id is written.
int lineOfId(const QByteArray &text, const QString &id)
{
    if (id.isEmpty())
        return 0;
    const QRegularExpression re(QStringLiteral(R"("id"\s*:\s*")") + QRegularExpression::escape(id) + u'"');
    const auto match = re.match(QString::fromUtf8(text));
    if (!match.hasMatch())
        return 0;
    return int(QStringView(QString::fromUtf8(text)).left(match.capturedStart()).count(u'\n')) + 1;
}

std::optional<bool> optionalBool(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isBool())
        return value.toBool();
    return std::nullopt;
}

Capabilities parseCapabilities(const QJsonObject &object)
{
    Capabilities caps;
    caps.streaming = optionalBool(object, u"streaming");
    caps.functionCalls = optionalBool(object, u"function_calls");
    caps.reasoning = optionalBool(object, u"reasoning");
    caps.builtinTools = optionalBool(object, u"builtin_tools");
    caps.structuredOutput = optionalBool(object, u"structured_output");
    caps.vision = optionalBool(object, u"vision");
    return caps;
}

// "images": {"max_count": N, "max_bytes": B, "max_total_bytes": T, "base64": bool, "types": [...]}.
std::expected<ImageLimits, QString> parseImageLimits(const QJsonValue &value, const QString &where)
{
    ImageLimits limits;
    if (value.isUndefined())
        return limits;
    if (!value.isObject())
        return std::unexpected(
            QCoreApplication::translate("versus::ProviderRegistry", "\"images\" of %1 must be an object.").arg(where));
    const QJsonObject object = value.toObject();
    const auto positive = [&](QStringView key) -> std::expected<std::optional<qint64>, QString> {
        const QJsonValue v = object.value(key);
        if (v.isUndefined() || v.isNull())
            return std::optional<qint64>();
        if (!v.isDouble() || v.toInteger() < 1)
            return std::unexpected(QCoreApplication::translate("versus::ProviderRegistry",
                                                               "\"images.%1\" of %2 must be a whole number above 0.")
                                       .arg(key.toString(), where));
        return std::optional<qint64>(v.toInteger());
    };
    const auto count = positive(u"max_count");
    if (!count)
        return std::unexpected(count.error());
    if (*count)
        limits.maxCount = int(std::min<qint64>(**count, std::numeric_limits<int>::max()));
    const auto bytes = positive(u"max_bytes");
    if (!bytes)
        return std::unexpected(bytes.error());
    limits.maxBytes = *bytes;
    const auto total = positive(u"max_total_bytes");
    if (!total)
        return std::unexpected(total.error());
    limits.maxTotalBytes = *total;
    limits.base64Size = object.value(u"base64").toBool(false);
    const QJsonValue types = object.value(u"types");
    if (!types.isUndefined() && !types.isArray())
        return std::unexpected(QCoreApplication::translate("versus::ProviderRegistry",
                                                           "\"images.types\" of %1 must be a list of media types.")
                                   .arg(where));
    for (const QJsonValue &type : types.toArray())
        limits.types << type.toString().toLower();
    return limits;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

bool isValidId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    return re.match(id).hasMatch();
}

} // namespace

std::optional<Target> Target::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0 || colon == text.size() - 1)
        return std::nullopt;
    return Target{text.left(colon).trimmed(), text.mid(colon + 1).trimmed()};
}

QString CatalogProblem::toString() const
{
    QString where = file;
    if (line > 0)
        where += u':' + QString::number(line);
    if (!entry.isEmpty())
        where += QStringLiteral(", ") + entry;
    return where + QStringLiteral(": ") + reason;
}

std::expected<ProviderInfo, QString> parseProviderInfo(const QJsonObject &entry, const QString &origin)
{
    ProviderInfo info;
    info.origin = origin;
    info.id = entry.value(u"id").toString();
    if (info.id.isEmpty())
        return std::unexpected(QCoreApplication::translate("versus::ProviderRegistry", "\"id\" is missing."));
    if (!isValidId(info.id))
        return std::unexpected(QCoreApplication::translate(
            "versus::ProviderRegistry", "\"id\" must use only lower-case letters, digits, '.', '_' and '-'."));
    info.displayName = entry.value(u"name").toString(info.id);
    info.dialect = entry.value(u"dialect").toString(QStringLiteral("openai"));
    if (info.dialect != u"openai" && info.dialect != u"synesia" && info.dialect != u"anthropic" &&
        info.dialect != u"gemini")
        return std::unexpected(
            QCoreApplication::translate("versus::ProviderRegistry",
                                        "unknown dialect \"%1\" (use \"openai\" for OpenAI-compatible services).")
                .arg(info.dialect));
    const QString baseUrl = entry.value(u"base_url").toString();
    info.defaultBaseUrl = QUrl(baseUrl, QUrl::StrictMode);
    if (baseUrl.isEmpty() || !info.defaultBaseUrl.isValid() ||
        (info.defaultBaseUrl.scheme() != u"https" && info.defaultBaseUrl.scheme() != u"http") ||
        info.defaultBaseUrl.host().isEmpty())
        return std::unexpected(QCoreApplication::translate(
            "versus::ProviderRegistry",
            "\"base_url\" must be an http:// or https:// URL, e.g. https://api.example.com/v1."));
    if (!info.defaultBaseUrl.userInfo().isEmpty() || info.defaultBaseUrl.hasQuery())
        return std::unexpected(QCoreApplication::translate(
            "versus::ProviderRegistry", "\"base_url\" must not contain a user name, password or query: "
                                        "keys belong in the keychain, not in URLs."));
    info.local = entry.value(u"local").toBool(false);
    info.keyRequired = entry.value(u"key_required").toBool(!info.local);
    info.keyEnvVar = entry.value(u"key_env").toString();
    if (info.keyEnvVar.isEmpty() && info.keyRequired) {
        QString env = info.id.toUpper();
        env.replace(QRegularExpression(QStringLiteral("[^A-Z0-9]")), QStringLiteral("_"));
        info.keyEnvVar = env + QStringLiteral("_API_KEY");
    }
    const QString auth =
        entry.value(u"auth").toString(info.keyRequired ? QStringLiteral("bearer") : QStringLiteral("bearer"));
    if (auth == u"bearer")
        info.auth = AuthStyle::Bearer;
    else if (auth == u"x-api-key")
        info.auth = AuthStyle::XApiKey;
    else if (auth == u"x-goog-api-key")
        info.auth = AuthStyle::XGoogApiKey;
    else if (auth == u"none")
        info.auth = AuthStyle::None;
    else
        return std::unexpected(QCoreApplication::translate(
            "versus::ProviderRegistry", "\"auth\" must be \"bearer\", \"x-api-key\", \"x-goog-api-key\" or \"none\"."));
    info.modelsPath =
        entry.value(u"models_path")
            .toString(info.dialect == u"openai" || info.dialect == u"gemini" ? QStringLiteral("/models") : QString());
    info.website = entry.value(u"website").toString();
    info.capabilities = parseCapabilities(entry.value(u"capabilities").toObject());
    if (!info.capabilities.streaming)
        info.capabilities.streaming = true;
    info.reasoningEfforts = stringList(entry.value(u"reasoning_efforts"));
    info.serviceTiers = stringList(entry.value(u"service_tiers"));
    const auto imageLimits = parseImageLimits(entry.value(u"images"),
                                              QCoreApplication::translate("versus::ProviderRegistry", "the provider"));
    if (!imageLimits)
        return std::unexpected(imageLimits.error());
    info.imageLimits = *imageLimits;

    const QJsonObject request = entry.value(u"request").toObject();
    info.quirks.streamUsageOption = request.value(u"stream_usage_option").toBool(true);
    info.quirks.maxTokensField = request.value(u"max_tokens_field").toString(QStringLiteral("max_tokens"));
    if (info.quirks.maxTokensField != u"max_tokens" && info.quirks.maxTokensField != u"max_completion_tokens")
        return std::unexpected(QCoreApplication::translate(
            "versus::ProviderRegistry",
            "\"request.max_tokens_field\" must be \"max_tokens\" or \"max_completion_tokens\"."));
    const QString reasoningParam = request.value(u"reasoning_param").toString(QStringLiteral("reasoning_effort"));
    if (reasoningParam == u"reasoning_effort")
        info.quirks.reasoningParam = RequestQuirks::ReasoningParam::Effort;
    else if (reasoningParam == u"deepseek_thinking")
        info.quirks.reasoningParam = RequestQuirks::ReasoningParam::DeepSeekThinking;
    else if (reasoningParam == u"openrouter_reasoning")
        info.quirks.reasoningParam = RequestQuirks::ReasoningParam::OpenRouterReasoning;
    else
        return std::unexpected(QCoreApplication::translate(
            "versus::ProviderRegistry",
            "\"request.reasoning_param\" must be \"reasoning_effort\", \"deepseek_thinking\" "
            "or \"openrouter_reasoning\"."));
    const QString toolTurnReasoning = request.value(u"tool_turn_reasoning").toString(QStringLiteral("drop"));
    if (toolTurnReasoning == u"drop")
        info.quirks.toolTurnReasoning = RequestQuirks::ToolTurnReasoning::Drop;
    else if (toolTurnReasoning == u"reasoning_content")
        info.quirks.toolTurnReasoning = RequestQuirks::ToolTurnReasoning::ReasoningContent;
    else
        return std::unexpected(QCoreApplication::translate(
            "versus::ProviderRegistry", "\"request.tool_turn_reasoning\" must be \"drop\" or \"reasoning_content\"."));
    const QString responseFormat = request.value(u"response_format").toString(QStringLiteral("json_schema"));
    if (responseFormat == u"json_schema")
        info.quirks.responseFormat = RequestQuirks::ResponseFormat::JsonSchema;
    else if (responseFormat == u"json_object")
        info.quirks.responseFormat = RequestQuirks::ResponseFormat::JsonObject;
    else
        return std::unexpected(QCoreApplication::translate(
            "versus::ProviderRegistry", "\"request.response_format\" must be \"json_schema\" or \"json_object\"."));

    const QJsonValue modelsValue = entry.value(u"models");
    if (!modelsValue.isUndefined() && !modelsValue.isArray())
        return std::unexpected(QCoreApplication::translate("versus::ProviderRegistry", "\"models\" must be a list."));
    for (const QJsonValue &modelValue : modelsValue.toArray()) {
        ModelInfo model;
        if (modelValue.isString()) {
            model.id = modelValue.toString();
        } else {
            const QJsonObject m = modelValue.toObject();
            model.id = m.value(u"id").toString();
            model.displayName = m.value(u"name").toString();
            model.capabilities = parseCapabilities(m.value(u"capabilities").toObject());
            if (m.value(u"context_window").isDouble())
                model.contextWindow = m.value(u"context_window").toInteger();
            if (m.value(u"max_output_tokens").isDouble())
                model.maxOutputTokens = m.value(u"max_output_tokens").toInteger();
            const QJsonValue serverTools = m.value(u"server_tools");
            model.serverTools = stringList(serverTools);
            if ((!serverTools.isUndefined() && !serverTools.isArray()) || model.serverTools.contains(QString()))
                return std::unexpected(
                    QCoreApplication::translate("versus::ProviderRegistry",
                                                "\"server_tools\" of model \"%1\" must be a list of tool names.")
                        .arg(model.id));
            if (m.contains(u"images")) {
                const auto limits = parseImageLimits(
                    m.value(u"images"),
                    QCoreApplication::translate("versus::ProviderRegistry", "model \"%1\"").arg(model.id));
                if (!limits)
                    return std::unexpected(limits.error());
                model.imageLimits = *limits;
            }
        }
        if (model.id.isEmpty())
            return std::unexpected(QCoreApplication::translate("versus::ProviderRegistry", "a model has no \"id\"."));
        info.models << model;
    }
    return info;
}

std::unique_ptr<Provider> createProvider(ProviderInfo info)
{
    if (info.dialect == u"openai")
        return std::make_unique<OpenAiProvider>(std::move(info));
    if (info.dialect == u"synesia")
        return std::make_unique<SynesiaProvider>(std::move(info));
    if (info.dialect == u"anthropic")
        return std::make_unique<AnthropicProvider>(std::move(info));
    if (info.dialect == u"gemini")
        return std::make_unique<GeminiProvider>(std::move(info));
    return nullptr;
}

ProviderRegistry::ProviderRegistry() = default;
ProviderRegistry::~ProviderRegistry() = default;

QString ProviderRegistry::userCatalogPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/versus/providers.json");
}

std::unique_ptr<ProviderRegistry> ProviderRegistry::createDefault()
{
    auto registry = std::make_unique<ProviderRegistry>();
    registry->loadCatalogFile(QStringLiteral(":/versus/providers.json"), QStringLiteral("bundled"));
    const QString user = userCatalogPath();
    if (QFile::exists(user))
        registry->loadCatalogFile(user, QStringLiteral("user"));
    return registry;
}

void ProviderRegistry::reload(const QString &userPath)
{
    ProviderRegistry fresh;
    fresh.loadCatalogFile(QStringLiteral(":/versus/providers.json"), QStringLiteral("bundled"));
    if (QFile::exists(userPath))
        fresh.loadCatalogFile(userPath, QStringLiteral("user"));
    for (auto &provider : fresh.m_providers) {
        auto old = std::find_if(m_providers.begin(), m_providers.end(),
                                [&](const auto &p) { return p && p->id() == provider->id(); });
        if (old != m_providers.end() && (*old)->info() == provider->info())
            provider = std::move(*old); // unchanged: the same object as before
    }
    for (auto &provider : m_providers) {
        if (provider)
            m_retired.push_back(std::move(provider));
    }
    m_providers = std::move(fresh.m_providers);
    m_problems = std::move(fresh.m_problems);
    ++m_generation;
}

bool ProviderRegistry::loadCatalogFile(const QString &path, const QString &origin)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_problems << CatalogProblem{
            path,
            0,
            {},
            QCoreApplication::translate("versus::ProviderRegistry", "cannot be read: %1").arg(file.errorString())};
        return false;
    }
    loadCatalog(file.readAll(), path, origin);
    return true;
}

void ProviderRegistry::loadCatalog(const QByteArray &json, const QString &fileName, const QString &origin)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        m_problems << CatalogProblem{fileName,
                                     lineOfOffset(json, parseError.offset),
                                     {},
                                     QCoreApplication::translate("versus::ProviderRegistry", "not valid JSON: %1")
                                         .arg(parseError.errorString())};
        return;
    }
    const QJsonArray entries = doc.isArray() ? doc.array() : doc.object().value(u"providers").toArray();
    if (!doc.isArray() && !doc.object().value(u"providers").isArray()) {
        m_problems << CatalogProblem{
            fileName,
            1,
            {},
            QCoreApplication::translate("versus::ProviderRegistry", "expected {\"providers\": [ ... ]}")};
        return;
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QString id = entry.value(u"id").toString();
        const QString entryName =
            id.isEmpty() ? QStringLiteral("providers[%1]").arg(i) : QStringLiteral("providers[%1] (%2)").arg(i).arg(id);
        if (!entries.at(i).isObject()) {
            m_problems << CatalogProblem{
                fileName, 0, entryName,
                QCoreApplication::translate("versus::ProviderRegistry", "an entry must be an object")};
            continue;
        }
        auto info = parseProviderInfo(entry, origin);
        if (!info) {
            m_problems << CatalogProblem{fileName, lineOfId(json, id), entryName, info.error()};
            continue;
        }
        auto provider = createProvider(std::move(*info));
        if (!provider) {
            m_problems << CatalogProblem{
                fileName, lineOfId(json, id), entryName,
                QCoreApplication::translate("versus::ProviderRegistry", "dialect not available")};
            continue;
        }
        auto existing = std::find_if(m_providers.begin(), m_providers.end(),
                                     [&](const auto &p) { return p->id() == provider->id(); });
        if (existing != m_providers.end())
            *existing = std::move(provider);
        else
            m_providers.push_back(std::move(provider));
    }
}

const Provider *ProviderRegistry::find(const QString &id) const
{
    for (const auto &provider : m_providers) {
        if (provider->id() == id)
            return provider.get();
    }
    return nullptr;
}

QList<const Provider *> ProviderRegistry::providers() const
{
    QList<const Provider *> list;
    for (const auto &provider : m_providers)
        list << provider.get();
    return list;
}

} // namespace versus
