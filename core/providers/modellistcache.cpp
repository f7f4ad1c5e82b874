// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/modellistcache.h"

#include "pricing/fixedpoint.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace versus {

namespace {

constexpr int kSchema = 1;
constexpr int kMicroScale = 6; // USD per Mtok × 10^6 = micro-USD per Mtok

QJsonValue optionalInt(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalBool(const std::optional<bool> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue usdPerMtok(const std::optional<qint64> &micro)
{
    if (!micro)
        return QJsonValue::Null;
    // The shortest decimal of the exact figure, so 150000 prints as 0.15.
    return formatFixedPoint(*micro, kMicroScale).toDouble();
}

std::optional<qint64> microFromUsd(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const auto parsed = parseFixedPoint(shortestDecimalText(value.toDouble()), kMicroScale);
    if (!parsed || *parsed < 0)
        return std::nullopt;
    return *parsed;
}

std::optional<qint64> intValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

std::optional<bool> boolValue(const QJsonValue &value)
{
    if (!value.isBool())
        return std::nullopt;
    return value.toBool();
}

} // namespace

QJsonObject capabilitiesToJson(const Capabilities &caps)
{
    QJsonObject json;
    for (Capability c : {Capability::Streaming, Capability::FunctionCalls, Capability::Reasoning,
                         Capability::BuiltinTools, Capability::StructuredOutput, Capability::Vision})
        json.insert(capabilityName(c), optionalBool(capabilityValue(caps, c)));
    return json;
}

QJsonObject modelInfoToJson(const ModelInfo &model)
{
    QJsonValue pricing = QJsonValue::Null;
    if (model.pricing && !model.pricing->isEmpty()) {
        pricing = QJsonObject{
            {QStringLiteral("input_per_mtok"), usdPerMtok(model.pricing->inputMicroPerMtok)},
            {QStringLiteral("output_per_mtok"), usdPerMtok(model.pricing->outputMicroPerMtok)},
            {QStringLiteral("cached_input_per_mtok"), usdPerMtok(model.pricing->cachedInputMicroPerMtok)},
        };
    }
    return QJsonObject{
        {QStringLiteral("id"), model.id},
        {QStringLiteral("name"), model.displayName.isEmpty() ? model.id : model.displayName},
        {QStringLiteral("context_window"), optionalInt(model.contextWindow)},
        {QStringLiteral("max_output_tokens"), optionalInt(model.maxOutputTokens)},
        {QStringLiteral("capabilities"), capabilitiesToJson(model.capabilities)},
        {QStringLiteral("pricing"), pricing},
        {QStringLiteral("type"), model.type.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(model.type)},
        {QStringLiteral("owned_by"),
         model.ownedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(model.ownedBy)},
    };
}

ModelInfo modelInfoFromJson(const QJsonObject &json)
{
    ModelInfo model;
    model.id = json.value(u"id").toString();
    model.displayName = json.value(u"name").toString();
    if (model.displayName == model.id)
        model.displayName.clear();
    model.contextWindow = intValue(json.value(u"context_window"));
    model.maxOutputTokens = intValue(json.value(u"max_output_tokens"));
    const QJsonObject caps = json.value(u"capabilities").toObject();
    model.capabilities.streaming = boolValue(caps.value(u"streaming"));
    model.capabilities.functionCalls = boolValue(caps.value(u"function_calls"));
    model.capabilities.reasoning = boolValue(caps.value(u"reasoning"));
    model.capabilities.builtinTools = boolValue(caps.value(u"builtin_tools"));
    model.capabilities.structuredOutput = boolValue(caps.value(u"structured_output"));
    model.capabilities.vision = boolValue(caps.value(u"vision"));
    if (json.value(u"pricing").isObject()) {
        const QJsonObject p = json.value(u"pricing").toObject();
        ModelPricing pricing;
        pricing.inputMicroPerMtok = microFromUsd(p.value(u"input_per_mtok"));
        pricing.outputMicroPerMtok = microFromUsd(p.value(u"output_per_mtok"));
        pricing.cachedInputMicroPerMtok = microFromUsd(p.value(u"cached_input_per_mtok"));
        if (!pricing.isEmpty())
            model.pricing = pricing;
    }
    model.type = json.value(u"type").toString();
    model.ownedBy = json.value(u"owned_by").toString();
    return model;
}

ModelListCache::ModelListCache(QString directory)
    : m_directory(std::move(directory))
{
}

QString ModelListCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/versus/models");
}

QString ModelListCache::filePath(const QString &providerId) const
{
    return m_directory + u'/' + providerId + QStringLiteral(".json");
}

std::expected<std::optional<ModelList>, QString> ModelListCache::read(const QString &providerId) const
{
    QFile file(filePath(providerId));
    if (!file.exists())
        return std::optional<ModelList>();
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QCoreApplication::translate("versus::ModelListCache", "%1 cannot be read: %2")
                                   .arg(file.fileName(), file.errorString()));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::unexpected(
            QCoreApplication::translate("versus::ModelListCache", "%1 is damaged (%2); fetch the list again.")
                .arg(file.fileName(),
                     parseError.error != QJsonParseError::NoError
                         ? parseError.errorString()
                         : QCoreApplication::translate("versus::ModelListCache", "not a JSON object")));
    const QJsonObject root = doc.object();
    if (root.value(u"schema").toInt() != kSchema)
        return std::unexpected(
            QCoreApplication::translate("versus::ModelListCache",
                                        "%1 was written by another version of Versus; fetch the list again.")
                .arg(file.fileName()));
    ModelList list;
    list.providerId = root.value(u"provider").toString();
    list.fetchedAtUtc = QDateTime::fromString(root.value(u"fetched_at").toString(), Qt::ISODateWithMs);
    if (list.providerId != providerId || !list.fetchedAtUtc.isValid() || !root.value(u"models").isArray())
        return std::unexpected(
            QCoreApplication::translate("versus::ModelListCache",
                                        "%1 is damaged (no provider, time or models); fetch the list again.")
                .arg(file.fileName()));
    list.fetchedAtUtc = list.fetchedAtUtc.toUTC();
    for (const QJsonValue &value : root.value(u"models").toArray()) {
        const ModelInfo model = modelInfoFromJson(value.toObject());
        if (!model.id.isEmpty())
            list.models << model;
    }
    return std::optional<ModelList>(std::move(list));
}

std::expected<void, QString> ModelListCache::write(const ModelList &list) const
{
    if (!QDir().mkpath(m_directory))
        return std::unexpected(
            QCoreApplication::translate("versus::ModelListCache", "cannot create the folder %1").arg(m_directory));
    QJsonArray models;
    for (const ModelInfo &model : list.models)
        models.append(modelInfoToJson(model));
    const QJsonObject root{
        {QStringLiteral("schema"), kSchema},
        {QStringLiteral("provider"), list.providerId},
        {QStringLiteral("fetched_at"), list.fetchedAtUtc.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("models"), models},
    };
    QSaveFile file(filePath(list.providerId));
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(QCoreApplication::translate("versus::ModelListCache", "%1 cannot be written: %2")
                                   .arg(file.fileName(), file.errorString()));
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return std::unexpected(QCoreApplication::translate("versus::ModelListCache", "%1 cannot be written: %2")
                                   .arg(file.fileName(), file.errorString()));
    return {};
}

} // namespace versus
