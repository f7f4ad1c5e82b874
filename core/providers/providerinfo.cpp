// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/providerinfo.h"

#include <QCoreApplication>

namespace versus {

QString capabilityName(Capability capability)
{
    switch (capability) {
    case Capability::Streaming:
        return QStringLiteral("streaming");
    case Capability::FunctionCalls:
        return QStringLiteral("function_calls");
    case Capability::Reasoning:
        return QStringLiteral("reasoning");
    case Capability::BuiltinTools:
        return QStringLiteral("builtin_tools");
    case Capability::StructuredOutput:
        return QStringLiteral("structured_output");
    case Capability::Vision:
        return QStringLiteral("vision");
    }
    return QString();
}

QString capabilityDisplayName(Capability capability)
{
    switch (capability) {
    case Capability::Streaming:
        return QCoreApplication::translate("versus::Capability", "streaming");
    case Capability::FunctionCalls:
        return QCoreApplication::translate("versus::Capability", "function calls (tools)");
    case Capability::Reasoning:
        return QCoreApplication::translate("versus::Capability", "reasoning");
    case Capability::BuiltinTools:
        return QCoreApplication::translate("versus::Capability", "built-in tools (code execution, search)");
    case Capability::StructuredOutput:
        return QCoreApplication::translate("versus::Capability", "structured output (response schema)");
    case Capability::Vision:
        return QCoreApplication::translate("versus::Capability", "images in prompts (vision)");
    }
    return QString();
}

std::optional<bool> capabilityValue(const Capabilities &caps, Capability capability)
{
    switch (capability) {
    case Capability::Streaming:
        return caps.streaming;
    case Capability::FunctionCalls:
        return caps.functionCalls;
    case Capability::Reasoning:
        return caps.reasoning;
    case Capability::BuiltinTools:
        return caps.builtinTools;
    case Capability::StructuredOutput:
        return caps.structuredOutput;
    case Capability::Vision:
        return caps.vision;
    }
    return std::nullopt;
}

const ModelInfo *ProviderInfo::findModel(const QString &modelId) const
{
    for (const ModelInfo &model : models) {
        if (model.id == modelId)
            return &model;
    }
    return nullptr;
}

bool isChatModel(const ModelInfo &model)
{
    const QString type = model.type.toLower();
    return type.isEmpty() || type == u"chat" || type == u"language" || type == u"code" || type == u"llm" ||
           type == u"text" || type == u"vlm" || type == u"model";
}

Capabilities enforcedCapabilities(const ProviderInfo &provider, const ModelInfo &model)
{
    Capabilities caps = model.capabilities;
    const auto merge = [](std::optional<bool> &m, const std::optional<bool> &p) {
        if (p == false)
            m = false;
        else if (!m)
            m = p;
    };
    merge(caps.streaming, provider.capabilities.streaming);
    merge(caps.functionCalls, provider.capabilities.functionCalls);
    merge(caps.reasoning, provider.capabilities.reasoning);
    merge(caps.builtinTools, provider.capabilities.builtinTools);
    merge(caps.structuredOutput, provider.capabilities.structuredOutput);
    merge(caps.vision, provider.capabilities.vision);
    return caps;
}

ModelInfo mergeWithCatalog(const ModelInfo &live, const ProviderInfo &provider)
{
    ModelInfo merged = live;
    const ModelInfo *known = provider.findModel(live.id);
    if (!known)
        return merged;
    if (!known->displayName.isEmpty())
        merged.displayName = known->displayName;
    if (known->contextWindow)
        merged.contextWindow = known->contextWindow;
    if (known->maxOutputTokens)
        merged.maxOutputTokens = known->maxOutputTokens;
    const auto prefer = [](std::optional<bool> &m, const std::optional<bool> &catalog) {
        if (catalog)
            m = catalog;
    };
    prefer(merged.capabilities.streaming, known->capabilities.streaming);
    prefer(merged.capabilities.functionCalls, known->capabilities.functionCalls);
    prefer(merged.capabilities.reasoning, known->capabilities.reasoning);
    prefer(merged.capabilities.builtinTools, known->capabilities.builtinTools);
    prefer(merged.capabilities.structuredOutput, known->capabilities.structuredOutput);
    prefer(merged.capabilities.vision, known->capabilities.vision);
    return merged;
}

QString baseUrlEnvVar(const QString &providerId)
{
    QString name = QStringLiteral("VERSUS_");
    for (QChar c : providerId) {
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        name += alnum ? c.toUpper() : QChar(u'_');
    }
    return name + QStringLiteral("_BASE_URL");
}

QUrl effectiveBaseUrl(const ProviderInfo &info, const QUrl &override)
{
    if (override.isValid() && !override.isEmpty())
        return override;
    const QByteArray fromEnv = qgetenv(baseUrlEnvVar(info.id).toLatin1().constData());
    if (!fromEnv.isEmpty())
        return QUrl(QString::fromUtf8(fromEnv));
    return info.defaultBaseUrl;
}

ImageLimits effectiveImageLimits(const ProviderInfo &provider, const QString &modelId)
{
    const ModelInfo *model = provider.findModel(modelId);
    return model && model->imageLimits ? *model->imageLimits : provider.imageLimits;
}

} // namespace versus
