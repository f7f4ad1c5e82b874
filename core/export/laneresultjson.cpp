// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/laneresultjson.h"

#include "chat/chatjson.h"
#include "metrics/metricsjson.h"

namespace versus {

namespace {

/// The calls the answer ended with; with a tool loop, as the last round checked them.
QJsonArray finalToolCalls(const LaneResult &lane)
{
    QJsonArray calls = toolCallsToJson(lane.chat.toolCalls);
    if (lane.toolRounds.isEmpty())
        return calls;
    const QList<tools::ToolCallTrace> &traces = lane.toolRounds.last().calls;
    for (qsizetype i = 0; i < calls.size() && i < traces.size(); ++i) {
        QJsonObject call = calls.at(i).toObject();
        call.insert(QStringLiteral("valid_json"), traces.at(i).validJson);
        call.insert(QStringLiteral("schema_errors"), tools::schemaErrorsToJson(traces.at(i).schemaErrors));
        calls.replace(i, call);
    }
    return calls;
}

} // namespace

QJsonObject laneResultToJson(const LaneResult &lane)
{
    const ChatResult &chat = lane.chat;
    const tools::ToolStats stats = tools::toolStats(lane.toolRounds);
    return QJsonObject{
        {QStringLiteral("target"), lane.target},
        {QStringLiteral("provider"), lane.provider},
        {QStringLiteral("model"), lane.model},
        {QStringLiteral("status"), resultStatusName(chat.status)},
        {QStringLiteral("text"), chat.text},
        {QStringLiteral("reasoning"), chat.reasoning},
        {QStringLiteral("tool_calls"), finalToolCalls(lane)},
        {QStringLiteral("tool_rounds"), tools::toolRoundsToJson(lane.toolRounds)},
        {QStringLiteral("tool_summary"),
         lane.toolRounds.isEmpty()
             ? QJsonValue(QJsonValue::Null)
             : QJsonValue(QJsonObject{{QStringLiteral("rounds"), stats.rounds},
                                      {QStringLiteral("calls"), stats.calls},
                                      {QStringLiteral("invalid_calls"), stats.invalidCalls},
                                      {QStringLiteral("server_calls"), stats.serverCalls},
                                      {QStringLiteral("round_limit_reached"), lane.toolRoundLimitReached},
                                      {QStringLiteral("answered"), stats.answered}})},
        {QStringLiteral("structured_output"), lane.structuredOutput
                                                  ? QJsonValue(tools::structuredOutputToJson(*lane.structuredOutput))
                                                  : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("finish_reason"),
         chat.finishReason ? QJsonValue(*chat.finishReason) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("usage"), usageToJson(chat.usage)},
        {QStringLiteral("metrics"), metricsToJson(lane.metrics)},
        {QStringLiteral("cost"), costToJson(lane.cost)},
        {QStringLiteral("provider_cost_usd"),
         chat.providerCostUsd ? QJsonValue(*chat.providerCostUsd) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("rate_limit"), rateLimitToJson(chat.rateLimit)},
        {QStringLiteral("error"), chatErrorToJson(chat.error)},
    };
}

} // namespace versus
