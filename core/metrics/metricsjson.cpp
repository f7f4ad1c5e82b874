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
std::optional<double> optionalDouble(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
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

StreamMetrics metricsFromJson(const QJsonObject &object)
{
    StreamMetrics m;
    m.ttftMs = optionalDouble(object.value(u"ttft_ms"));
    m.ttfatMs = optionalDouble(object.value(u"ttfat_ms"));
    m.e2eMs = optionalDouble(object.value(u"e2e_ms"));
    m.outputTokensPerS = optionalDouble(object.value(u"output_tokens_per_s"));
    m.itlP50Ms = optionalDouble(object.value(u"itl_ms_p50"));
    m.itlP95Ms = optionalDouble(object.value(u"itl_ms_p95"));
    m.chunks = object.value(u"chunks").toInteger();
    m.reasoningMs = optionalDouble(object.value(u"reasoning_ms"));
    m.networkGatewayMs = optionalDouble(object.value(u"network_gateway_ms"));
    m.estimated = object.value(u"tokens_source").toString() == u"estimated";
    if (object.value(u"completion_tokens").isDouble())
        m.completionTokens = object.value(u"completion_tokens").toInteger();
    if (object.value(u"server").isObject()) {
        const QJsonObject s = object.value(u"server").toObject();
        ServerTiming server;
        server.queueMs = optionalDouble(s.value(u"queue_ms"));
        server.promptMs = optionalDouble(s.value(u"prompt_ms"));
        server.completionMs = optionalDouble(s.value(u"completion_ms"));
        server.outputTokensPerS = optionalDouble(s.value(u"output_tokens_per_s"));
        m.server = server;
    }
    return m;
}

} // namespace versus
