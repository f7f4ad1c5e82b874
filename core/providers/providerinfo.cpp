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

} // namespace versus
