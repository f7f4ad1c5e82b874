// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/tooltrace.h"

#include "chat/chatjson.h"
#include "metrics/metricsjson.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace versus::tools {

namespace {

const QList<std::pair<ResultSource, QString>> &sourceNames()
{
    static const QList<std::pair<ResultSource, QString>> names = {
        {ResultSource::Pending, u"pending"_s}, {ResultSource::Builtin, u"builtin"_s},
        {ResultSource::Mock, u"mock"_s},       {ResultSource::User, u"user"_s},
        {ResultSource::Error, u"error"_s},     {ResultSource::Skipped, u"skipped"_s},
        {ResultSource::Mcp, u"mcp"_s},
    };
    return names;
}

std::optional<ResultStatus> statusFromName(const QString &name)
{
    for (ResultStatus status :
         {ResultStatus::Ok, ResultStatus::Error, ResultStatus::Cancelled, ResultStatus::Truncated}) {
        if (resultStatusName(status) == name)
            return status;
    }
    return std::nullopt;
}

QJsonObject callToJson(const ToolCallTrace &trace)
{
    return QJsonObject{
        {u"id"_s, trace.call.id},
        {u"name"_s, trace.call.name},
        {u"arguments"_s, trace.call.arguments},
        {u"valid_json"_s, trace.validJson},
        {u"json_error"_s, trace.jsonError.isEmpty() ? QJsonValue() : QJsonValue(trace.jsonError)},
        {u"known_tool"_s, trace.knownTool},
        {u"schema_errors"_s, schemaErrorsToJson(trace.schemaErrors)},
        {u"result_source"_s, resultSourceName(trace.source)},
        {u"result"_s, trace.source == ResultSource::Pending || trace.source == ResultSource::Skipped
                          ? QJsonValue()
                          : QJsonValue(trace.result)},
        {u"is_error"_s, trace.isError},
        {u"approval"_s,
         trace.approval == Approval::NotNeeded ? QJsonValue() : QJsonValue(approvalName(trace.approval))},
        {u"server"_s, trace.server.isEmpty() ? QJsonValue() : QJsonValue(trace.server)},
    };
}

ToolCallTrace callFromJson(const QJsonObject &object, int index)
{
    ToolCallTrace trace;
    trace.call = ToolCall{index,
                          object.value(u"id").toString(),
                          object.value(u"name").toString(),
                          object.value(u"arguments").toString(),
                          {}};
    trace.validJson = object.value(u"valid_json").toBool();
    trace.jsonError = object.value(u"json_error").toString();
    if (trace.validJson)
        trace.arguments = QJsonDocument::fromJson(trace.call.arguments.toUtf8()).object();
    trace.knownTool = object.value(u"known_tool").toBool();
    trace.schemaErrors = schemaErrorsFromJson(object.value(u"schema_errors").toArray());
    trace.source = resultSourceFromName(object.value(u"result_source").toString()).value_or(ResultSource::Skipped);
    trace.result = object.value(u"result").toString();
    trace.isError = object.value(u"is_error").toBool();
    const QString approval = object.value(u"approval").toString();
    for (Approval value : {Approval::Asked, Approval::Approved, Approval::Denied}) {
        if (approvalName(value) == approval)
            trace.approval = value;
    }
    trace.server = object.value(u"server").toString();
    return trace;
}

} // namespace

QString approvalName(Approval approval)
{
    switch (approval) {
    case Approval::NotNeeded:
        return u"not_needed"_s;
    case Approval::Asked:
        return u"asked"_s;
    case Approval::Approved:
        return u"approved"_s;
    case Approval::Denied:
        return u"denied"_s;
    }
    return {};
}

QString resultSourceName(ResultSource source)
{
    for (const auto &[value, name] : sourceNames()) {
        if (value == source)
            return name;
    }
    return u"error"_s;
}

std::optional<ResultSource> resultSourceFromName(const QString &name)
{
    for (const auto &[value, known] : sourceNames()) {
        if (known == name)
            return value;
    }
    return std::nullopt;
}

QJsonArray schemaErrorsToJson(const QList<SchemaError> &errors)
{
    QJsonArray array;
    for (const SchemaError &error : errors) {
        array.append(
            QJsonObject{{u"pointer"_s, error.pointer}, {u"keyword"_s, error.keyword}, {u"message"_s, error.message}});
    }
    return array;
}

QList<SchemaError> schemaErrorsFromJson(const QJsonArray &array)
{
    QList<SchemaError> errors;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        errors.append(SchemaError{object.value(u"pointer").toString(), object.value(u"keyword").toString(),
                                  object.value(u"message").toString()});
    }
    return errors;
}

QJsonObject toolRoundToJson(const ToolRound &round)
{
    QJsonArray calls;
    for (const ToolCallTrace &trace : round.calls)
        calls.append(callToJson(trace));
    QJsonObject metrics = metricsToJson(round.metrics);
    return QJsonObject{
        {u"round"_s, round.number},
        {u"status"_s, resultStatusName(round.status)},
        {u"start_ms"_s, roundedJson(round.startMs)},
        {u"text"_s, round.text},
        {u"reasoning"_s, round.reasoning},
        {u"calls"_s, calls},
        {u"server_tools"_s, serverToolsToJson(round.serverTools)},
        {u"finish_reason"_s, round.finishReason ? QJsonValue(*round.finishReason) : QJsonValue()},
        {u"usage"_s, usageToJson(round.usage)},
        {u"metrics"_s, metrics},
        {u"cost"_s, costToExactJson(round.cost)},
    };
}

QJsonArray toolRoundsToJson(const QList<ToolRound> &rounds)
{
    QJsonArray array;
    for (const ToolRound &round : rounds)
        array.append(toolRoundToJson(round));
    return array;
}

ToolRound toolRoundFromJson(const QJsonObject &object)
{
    ToolRound round;
    round.number = object.value(u"round").toInt(1);
    round.status = statusFromName(object.value(u"status").toString()).value_or(ResultStatus::Truncated);
    round.startMs = object.value(u"start_ms").toDouble();
    round.text = object.value(u"text").toString();
    round.reasoning = object.value(u"reasoning").toString();
    const QJsonArray calls = object.value(u"calls").toArray();
    for (qsizetype i = 0; i < calls.size(); ++i)
        round.calls.append(callFromJson(calls.at(i).toObject(), int(i)));
    round.serverTools = serverToolsFromJson(object.value(u"server_tools").toArray());
    if (object.value(u"finish_reason").isString())
        round.finishReason = object.value(u"finish_reason").toString();
    round.usage = usageFromJson(object.value(u"usage").toObject());
    round.metrics = metricsFromJson(object.value(u"metrics").toObject());
    const QJsonObject cost = object.value(u"cost").toObject();
    if (cost.value(u"total_usd").isDouble())
        round.cost = costFromJson(cost);
    return round;
}

QList<ToolRound> toolRoundsFromJson(const QJsonArray &array)
{
    QList<ToolRound> rounds;
    for (const QJsonValue &value : array)
        rounds.append(toolRoundFromJson(value.toObject()));
    return rounds;
}

StructuredOutputCheck checkStructuredOutput(const QString &answer, const QJsonObject &schema)
{
    StructuredOutputCheck check;
    QString text = answer.trimmed();
    static const QRegularExpression fence(uR"(^```[A-Za-z0-9_-]*[ \t]*\r?\n(.*)\r?\n```$)"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch match = fence.match(text); match.hasMatch())
        text = match.captured(1);
    QJsonParseError parseError{};
    // QJsonDocument parses objects and arrays only: wrap the answer to accept any JSON value.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]", &parseError);
    if (text.isEmpty() || parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        check.jsonError = text.isEmpty()
                              ? u"the answer is empty"_s
                              : u"the answer is not JSON: %1 at character %2"_s.arg(
                                    parseError.errorString(), QString::number(qMax(0, parseError.offset - 1)));
        return check;
    }
    auto compiled = JsonSchema::compile(schema);
    if (!compiled) {
        check.errors.append(
            SchemaError{QString(), u"$schema"_s, QString(u"the response schema is unusable: "_s + compiled.error())});
        return check;
    }
    check.errors = compiled->validate(document.array().at(0));
    check.valid = check.errors.isEmpty();
    return check;
}

QJsonObject structuredOutputToJson(const StructuredOutputCheck &check)
{
    return QJsonObject{
        {u"valid"_s, check.valid},
        {u"json_error"_s, check.jsonError.isEmpty() ? QJsonValue() : QJsonValue(check.jsonError)},
        {u"errors"_s, schemaErrorsToJson(check.errors)},
    };
}

std::optional<StructuredOutputCheck> structuredOutputFromJson(const QJsonObject &object)
{
    if (!object.value(u"valid").isBool())
        return std::nullopt;
    StructuredOutputCheck check;
    check.valid = object.value(u"valid").toBool();
    check.jsonError = object.value(u"json_error").toString();
    check.errors = schemaErrorsFromJson(object.value(u"errors").toArray());
    return check;
}

ToolStats toolStats(const QList<ToolRound> &rounds)
{
    ToolStats stats;
    stats.rounds = int(rounds.size());
    for (const ToolRound &round : rounds) {
        stats.calls += int(round.calls.size());
        stats.serverCalls += int(round.serverTools.size());
        for (const ToolCallTrace &trace : round.calls)
            stats.invalidCalls += trace.isInvalid() ? 1 : 0;
    }
    if (!rounds.isEmpty()) {
        const ToolRound &last = rounds.last();
        stats.answered = last.status == ResultStatus::Ok && last.calls.isEmpty() && !last.text.trimmed().isEmpty();
    }
    return stats;
}

} // namespace versus::tools
