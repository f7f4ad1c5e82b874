// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/toolanswers.h"

#include "tools/calculator.h"
#include "tools/currenttime.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace versus::tools {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void setError(ToolCallTrace &trace, const QJsonObject &error)
{
    trace.source = ResultSource::Error;
    trace.isError = true;
    trace.result = compact(error);
}

/// A result whose top-level object has an "error" member reports a failure.
bool reportsError(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    return document.isObject() && document.object().contains(u"error"_s);
}

} // namespace

ToolCallTrace checkToolCall(const ToolCall &call, const ToolSet &tools)
{
    ToolCallTrace trace;
    trace.call = call;
    const QString text = call.arguments.trimmed();
    QJsonParseError parseError{};
    // Models send "" for a call without arguments; that is an empty object, not an error.
    const QJsonDocument document =
        text.isEmpty() ? QJsonDocument(QJsonObject()) : QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        trace.jsonError = u"%1 at character %2"_s.arg(parseError.errorString(), QString::number(parseError.offset));
    } else if (!document.isObject()) {
        trace.jsonError = u"the arguments are not a JSON object"_s;
    } else {
        trace.validJson = true;
        trace.arguments = document.object();
    }
    const ToolDefinition *definition = tools.find(call.name);
    trace.knownTool = definition != nullptr;
    if (definition && trace.validJson && !definition->parameters.isEmpty()) {
        auto schema = JsonSchema::compile(definition->parameters);
        if (!schema) {
            trace.schemaErrors.append(SchemaError{
                QString(), u"$schema"_s, QString(u"the tool's parameters schema is unusable: "_s + schema.error())});
        } else {
            trace.schemaErrors = schema->validate(trace.arguments);
        }
    }
    return trace;
}

void answerToolCall(ToolCallTrace &trace, const ToolSet &tools, const QDateTime &nowUtc)
{
    if (!trace.knownTool) {
        QStringList names;
        for (const ToolDefinition &tool : tools.tools())
            names << tool.name;
        setError(trace, {{u"error"_s, u"unknown tool \"%1\""_s.arg(trace.call.name)},
                         {u"available_tools"_s, QJsonArray::fromStringList(names)}});
        return;
    }
    if (!trace.validJson) {
        setError(trace, {{u"error"_s, QString(u"the arguments are not valid JSON: "_s + trace.jsonError)},
                         {u"arguments"_s, trace.call.arguments}});
        return;
    }
    if (!trace.schemaErrors.isEmpty()) {
        QJsonArray details;
        for (const SchemaError &error : trace.schemaErrors)
            details.append(formatSchemaError(error));
        setError(trace,
                 {{u"error"_s, u"the arguments do not match the tool's parameters schema"_s}, {u"details"_s, details}});
        return;
    }
    const ToolDefinition *definition = tools.find(trace.call.name);
    QByteArray result;
    switch (definition->result.kind) {
    case ToolResultSpec::Kind::Ask:
        trace.source = ResultSource::Pending;
        return;
    case ToolResultSpec::Kind::Builtin:
        if (definition->result.builtin == u"calculator") {
            result = runCalculatorJson(trace.arguments);
        } else if (definition->result.builtin == u"current_time") {
            result = runCurrentTime(trace.arguments, nowUtc);
        } else {
            setError(trace, {{u"error"_s, u"unknown built-in tool \"%1\""_s.arg(definition->result.builtin)}});
            return;
        }
        trace.source = ResultSource::Builtin;
        break;
    case ToolResultSpec::Kind::Mock:
        result = fillMockTemplate(definition->result.mock, trace.arguments);
        trace.source = ResultSource::Mock;
        break;
    case ToolResultSpec::Kind::Mcp:
        trace.server = definition->result.server;
        trace.source = ResultSource::Pending;
        trace.approval = definition->result.approved ? Approval::NotNeeded : Approval::Asked;
        return;
    }
    trace.result = QString::fromUtf8(result);
    trace.isError = reportsError(result);
}

void answerFromUser(ToolCallTrace &trace, const QString &text, bool isError)
{
    trace.source = ResultSource::User;
    trace.isError = isError;
    QJsonParseError parseError{};
    // QJsonDocument reads objects and arrays only: wrapped, any JSON value is accepted.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]", &parseError);
    const bool json =
        !text.trimmed().isEmpty() && parseError.error == QJsonParseError::NoError && document.array().size() == 1;
    if (json && !isError) {
        trace.result = text;
        return;
    }
    // Plain words, or an error: one object the model reads the same way from every tool (the
    // tool message has no error flag, so an error says so in its content).
    const QJsonValue value = json ? document.array().at(0) : QJsonValue(text);
    trace.result = compact(QJsonObject{{isError ? u"error"_s : u"result"_s, value}});
}

void decideApproval(ToolCallTrace &trace, bool approve)
{
    if (trace.approval != Approval::Asked)
        return;
    trace.approval = approve ? Approval::Approved : Approval::Denied;
    if (!approve) {
        setError(trace, {{u"error"_s, u"the user did not allow this call"_s}});
        trace.source = ResultSource::User;
    }
}

bool isReadyToRun(const ToolCallTrace &trace, const ToolSet &tools)
{
    const ToolDefinition *definition = tools.find(trace.call.name);
    return definition && definition->result.kind == ToolResultSpec::Kind::Mcp &&
           trace.source == ResultSource::Pending && !trace.running &&
           (trace.approval == Approval::NotNeeded || trace.approval == Approval::Approved);
}

void answerFromServer(ToolCallTrace &trace, const std::expected<ExternalResult, QString> &result)
{
    trace.running = false;
    trace.source = ResultSource::Mcp;
    if (!result) {
        trace.isError = true;
        trace.result = compact(QJsonObject{{u"error"_s, result.error()}});
        return;
    }
    trace.isError = result->isError;
    const bool structured = result->structured.isObject() || result->structured.isArray();
    QString content;
    if (structured) {
        content = QString::fromUtf8(result->structured.isObject()
                                        ? QJsonDocument(result->structured.toObject()).toJson(QJsonDocument::Compact)
                                        : QJsonDocument(result->structured.toArray()).toJson(QJsonDocument::Compact));
    } else {
        content = result->text;
    }
    trace.result = result->isError ? compact(QJsonObject{{u"error"_s, content}}) : content;
}

bool allAnswered(const QList<ToolCallTrace> &calls)
{
    return std::none_of(calls.begin(), calls.end(),
                        [](const ToolCallTrace &trace) { return trace.source == ResultSource::Pending; });
}

} // namespace versus::tools
