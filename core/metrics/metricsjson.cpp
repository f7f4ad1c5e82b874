// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/metricsjson.h"

#include <QJsonValue>

#include <cmath>

namespace versus {

namespace {
QJsonValue number(const std::optional<double> &value)
{
    // JSON has no NaN or infinity: a figure that is not finite does not apply.
    return value && std::isfinite(*value) ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject serverTimingToJson(const ServerTiming &server)
{
    return QJsonObject{
        {QStringLiteral("queue_ms"), number(server.queueMs)},
        {QStringLiteral("prompt_ms"), number(server.promptMs)},
        {QStringLiteral("completion_ms"), number(server.completionMs)},
        {QStringLiteral("output_tokens_per_s"), number(server.outputTokensPerS)},
    };
}

QJsonObject metricsToJson(const StreamMetrics &m)
{
    QJsonValue tokensSource(QJsonValue::Null);
    if (m.completionTokens)
        tokensSource = m.estimated ? QStringLiteral("estimated") : QStringLiteral("provider");
    return QJsonObject{
        {QStringLiteral("ttft_ms"), number(m.ttftMs)},
        {QStringLiteral("ttfat_ms"), number(m.ttfatMs)},
        {QStringLiteral("e2e_ms"), number(m.e2eMs)},
        {QStringLiteral("output_tokens_per_s"), number(m.outputTokensPerS)},
        {QStringLiteral("itl_ms_p50"), number(m.itlP50Ms)},
        {QStringLiteral("itl_ms_p95"), number(m.itlP95Ms)},
        {QStringLiteral("chunks"), m.chunks},
        {QStringLiteral("reasoning_ms"), number(m.reasoningMs)},
        {QStringLiteral("network_gateway_ms"), number(m.networkGatewayMs)},
        {QStringLiteral("tokens_source"), tokensSource},
        {QStringLiteral("server"), m.server ? QJsonValue(serverTimingToJson(*m.server)) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace versus
