// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/toolset.h"

#include "tools/jsonschema.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace versus::tools {

namespace {

constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;

const QString kCalculator = u"calculator"_s;
const QString kCurrentTime = u"current_time"_s;

/// "tool 2" or "tool 2 ("get_weather")", 1-based.
QString toolLabel(qsizetype index, const QString &name)
{
    const QString number = QString::number(index + 1);
    return name.isEmpty() ? QCoreApplication::translate("versus::tools", "tool %1").arg(number)
                          : QCoreApplication::translate("versus::tools", "tool %1 (\"%2\")").arg(number, name);
}

/// OpenAI's rule: ^[a-zA-Z0-9_-]{1,64}$.
bool isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' ||
               c == u'-';
    });
}

/// Compact JSON text of any value, scalars included.
QByteArray jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray array =
        QJsonDocument(QJsonArray{value.isUndefined() ? QJsonValue() : value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

/// "line 3, column 14" of a byte offset in UTF-8 text (the column counts characters).
QString lineAndColumn(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QByteArray before = text.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const QString line = QString::number(before.count('\n') + 1);
    const QString column = QString::number(QString::fromUtf8(before.mid(lineStart)).size() + 1);
    return QCoreApplication::translate("versus::tools", "line %1, column %2").arg(line, column);
}

std::expected<ToolResultSpec, QString> parseResult(const QJsonValue &value)
{
    const QString forms = uR"({"builtin": "calculator"}, {"mock": <JSON>} or {"ask": true})"_s;
    if (!value.isObject())
        return std::unexpected(
            QCoreApplication::translate("versus::tools", "\"result\" must be an object: %1").arg(forms));
    const QJsonObject object = value.toObject();
    const QStringList members = {u"builtin"_s, u"mock"_s, u"ask"_s};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!members.contains(it.key()))
            return std::unexpected(
                QCoreApplication::translate("versus::tools", "\"result\" has an unknown member \"%1\": use %2")
                    .arg(it.key(), forms));
    }
    if (object.size() > 1)
        return std::unexpected(QCoreApplication::translate(
            "versus::tools", "\"result\" has more than one of \"builtin\", \"mock\" and \"ask\""));
    if (object.isEmpty())
        return std::unexpected(QCoreApplication::translate("versus::tools", "\"result\" is empty: use %1").arg(forms));
    ToolResultSpec spec;
    if (object.contains(u"mock")) {
        spec.kind = ToolResultSpec::Kind::Mock;
        spec.mock = object.value(u"mock");
    } else if (object.contains(u"ask")) {
        if (object.value(u"ask") != QJsonValue(true))
            return std::unexpected(QCoreApplication::translate(
                "versus::tools", "\"ask\" must be true (or leave \"result\" out: asking is the default)"));
    } else {
        const QJsonValue builtin = object.value(u"builtin");
        if (builtin.toString() != kCalculator && builtin.toString() != kCurrentTime) {
            const QString given =
                builtin.isString() ? u'"' + builtin.toString() + u'"' : QString::fromUtf8(jsonText(builtin));
            return std::unexpected(QCoreApplication::translate("versus::tools", "unknown built-in %1 (%2, %3)")
                                       .arg(given, kCalculator, kCurrentTime));
        }
        spec.kind = ToolResultSpec::Kind::Builtin;
        spec.builtin = builtin.toString();
    }
    return spec;
}

/// One entry of the array: {"type": "function", "function": {...}, "result": ...}, or a
/// bare function object {"name", ..., "result"}.
std::expected<ToolDefinition, QString> parseTool(const QJsonValue &entry, qsizetype index)
{
    const auto fail = [index](const QString &name, const QString &problem) {
        return std::unexpected(
            QCoreApplication::translate("versus::tools", "%1: %2").arg(toolLabel(index, name), problem));
    };
    if (!entry.isObject())
        return fail({}, QCoreApplication::translate("versus::tools", "must be a JSON object"));
    QJsonObject wire = entry.toObject();
    const QJsonValue result = wire.take(u"result");
    const bool wrapped = wire.contains(u"function");
    const QJsonValue functionValue = wrapped ? wire.value(u"function") : QJsonValue(wire);
    QJsonObject function = functionValue.toObject();
    const QJsonValue nameValue = function.value(u"name");
    const QString labelName = nameValue.toString();
    if (wrapped && !functionValue.isObject())
        return fail({}, QCoreApplication::translate("versus::tools", "\"function\" must be a JSON object"));
    if (wire.contains(u"type") && wire.value(u"type") != QJsonValue(u"function"_s))
        return fail(labelName, QCoreApplication::translate("versus::tools", "\"type\" must be \"function\""));
    if (wrapped && function.contains(u"result"))
        return fail(labelName, QCoreApplication::translate("versus::tools",
                                                           "\"result\" belongs beside \"function\", not inside it"));
    if (!wrapped && !wire.contains(u"name"))
        return fail({}, QCoreApplication::translate(
                            "versus::tools", "needs a \"function\" object, or a bare function object with a \"name\""));
    if (nameValue.isUndefined())
        return fail({}, QCoreApplication::translate("versus::tools", "\"function\" has no \"name\""));
    if (!nameValue.isString())
        return fail({}, QCoreApplication::translate("versus::tools", "\"name\" must be a string"));
    if (!isValidName(labelName))
        return fail(labelName, QCoreApplication::translate("versus::tools",
                                                           "invalid name: use 1 to 64 letters, digits, '_' or '-'"));
    if (function.contains(u"description") && !function.value(u"description").isString())
        return fail(labelName, QCoreApplication::translate("versus::tools", "\"description\" must be a string"));
    if (function.contains(u"parameters") && !function.value(u"parameters").isObject())
        return fail(labelName, QCoreApplication::translate("versus::tools", "\"parameters\" must be a JSON object"));
    // Every call is checked against it: a schema that cannot be used is the file's error,
    // found before anything is sent, not the model's.
    if (function.contains(u"parameters")) {
        if (auto schema = JsonSchema::compile(function.value(u"parameters")); !schema)
            return fail(labelName,
                        QCoreApplication::translate("versus::tools", "\"parameters\" is not a usable JSON Schema: %1")
                            .arg(schema.error()));
    }

    ToolDefinition tool;
    if (!result.isUndefined()) {
        auto spec = parseResult(result);
        if (!spec)
            return fail(labelName, spec.error());
        tool.result = std::move(*spec);
    }
    if (tool.result.kind == ToolResultSpec::Kind::Builtin) {
        const ToolDefinition builtin = ToolSet::builtinDefinition(tool.result.builtin);
        if (!function.contains(u"parameters"))
            function.insert(u"parameters", builtin.parameters);
        if (function.value(u"description").toString().isEmpty())
            function.insert(u"description", builtin.description);
    }
    if (!wrapped) {
        function.remove(u"type");
        wire = QJsonObject();
    }
    wire.insert(u"type", u"function"_s);
    wire.insert(u"function", function);
    tool.name = labelName;
    tool.description = function.value(u"description").toString();
    tool.parameters = function.value(u"parameters").toObject();
    tool.wire = wire;
    return tool;
}

QString notAnArrayHint(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (object.value(u"tools").isArray())
        return QCoreApplication::translate("versus::tools",
                                           " (found an object: put its \"tools\" array at the top level)");
    if (object.contains(u"function") || object.contains(u"name"))
        return QCoreApplication::translate("versus::tools", " (found a single tool object: put it inside [ ])");
    return QCoreApplication::translate("versus::tools", " (found an object)");
}

QJsonObject schemaProperty(const QString &description)
{
    return {{u"type"_s, u"string"_s}, {u"description"_s, description}};
}

QJsonValue fillString(const QString &text, const QJsonObject &arguments)
{
    // A string that is exactly one placeholder takes the argument's own JSON value.
    if (text.size() >= 4 && text.startsWith(u"{{") && text.endsWith(u"}}")) {
        const QString name = text.mid(2, text.size() - 4).trimmed();
        if (!name.contains(u"{{") && !name.contains(u"}}") && arguments.contains(name))
            return arguments.value(name);
    }
    QString filled;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype open = text.indexOf(u"{{", pos);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        if (arguments.contains(name)) {
            const QJsonValue argument = arguments.value(name);
            filled += text.mid(pos, open - pos) +
                      (argument.isString() ? argument.toString() : QString::fromUtf8(jsonText(argument)));
            pos = close + 2;
        } else {
            // Kept as written; look again from the next brace ("{{{x}}}" holds {{x}}).
            filled += text.mid(pos, open + 1 - pos);
            pos = open + 1;
        }
    }
    return QString(filled + text.mid(pos));
}

QJsonValue fillValue(const QJsonValue &value, const QJsonObject &arguments)
{
    if (value.isString())
        return fillString(value.toString(), arguments);
    if (value.isArray()) {
        QJsonArray filled;
        for (const QJsonValue &item : value.toArray())
            filled.append(fillValue(item, arguments));
        return filled;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject filled;
        for (auto it = object.begin(); it != object.end(); ++it)
            filled.insert(it.key(), fillValue(it.value(), arguments));
        return filled;
    }
    return value;
}

} // namespace

std::expected<ToolSet, QString> ToolSet::fromJson(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return std::unexpected(QCoreApplication::translate(
            "versus::tools", "the tools file is empty: write a JSON array of tool objects ([] for none)"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(QCoreApplication::translate("versus::tools", "not valid JSON at %1: %2")
                                   .arg(lineAndColumn(json, error.offset), error.errorString()));
    if (!document.isArray())
        return std::unexpected(
            QCoreApplication::translate("versus::tools", "the tools file must be a JSON array of tool objects%1")
                .arg(notAnArrayHint(document)));
    ToolSet set;
    QHash<QString, qsizetype> seen;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto tool = parseTool(array.at(i), i);
        if (!tool)
            return std::unexpected(tool.error());
        if (const auto it = seen.constFind(tool->name); it != seen.constEnd()) {
            return std::unexpected(QCoreApplication::translate("versus::tools", "%1: duplicate name, %2 has it too")
                                       .arg(toolLabel(i, tool->name), toolLabel(*it, {})));
        }
        seen.insert(tool->name, i);
        set.m_tools.append(std::move(*tool));
    }
    return set;
}

std::expected<ToolSet, QString> ToolSet::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QCoreApplication::translate("versus::tools", "cannot read the tools file \"%1\": %2")
                                   .arg(path, file.errorString()));
    const QByteArray data = file.read(kMaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(QCoreApplication::translate("versus::tools", "cannot read the tools file \"%1\": %2")
                                   .arg(path, file.errorString()));
    if (data.size() > kMaxFileSize)
        return std::unexpected(
            QCoreApplication::translate("versus::tools", "the tools file \"%1\" is larger than 4 MiB").arg(path));
    auto set = fromJson(data);
    if (!set)
        return std::unexpected(
            QCoreApplication::translate("versus::tools", "tools file \"%1\": %2").arg(path, set.error()));
    return set;
}

ToolDefinition ToolSet::builtinDefinition(const QString &builtin)
{
    ToolDefinition tool;
    if (builtin == kCalculator) {
        tool.description = u"Evaluates an arithmetic expression exactly and returns {\"result\": number}. Supports "
                           u"+ - * / % (remainder) ^ (power), parentheses and numbers such as 42, 1.5 or 2e-3; "
                           u"no variables or functions."_s;
        tool.parameters = {{u"type"_s, u"object"_s},
                           {u"properties"_s,
                            QJsonObject{{u"expression"_s, schemaProperty(u"The expression, e.g. \"(2+3)*4^2/7\""_s)}}},
                           {u"required"_s, QJsonArray{u"expression"_s}},
                           {u"additionalProperties"_s, false}};
    } else if (builtin == kCurrentTime) {
        tool.description = u"Returns the current date and time in UTC or in a given time zone, with the weekday "
                           u"and the Unix time."_s;
        tool.parameters = {
            {u"type"_s, u"object"_s},
            {u"properties"_s,
             QJsonObject{
                 {u"timezone"_s, schemaProperty(u"IANA time zone such as \"Europe/Paris\"; UTC when omitted"_s)}}},
            {u"additionalProperties"_s, false}};
    } else {
        return tool;
    }
    tool.name = builtin;
    tool.wire = {{u"type"_s, u"function"_s},
                 {u"function"_s, QJsonObject{{u"name"_s, tool.name},
                                             {u"description"_s, tool.description},
                                             {u"parameters"_s, tool.parameters}}}};
    tool.result.kind = ToolResultSpec::Kind::Builtin;
    tool.result.builtin = builtin;
    return tool;
}

QByteArray ToolSet::toJson() const
{
    QJsonArray array;
    for (const ToolDefinition &tool : m_tools) {
        if (tool.result.kind == ToolResultSpec::Kind::Mcp)
            continue;
        QJsonObject object = tool.wire;
        if (tool.result.kind == ToolResultSpec::Kind::Builtin) {
            object.insert(u"result", QJsonObject{{u"builtin"_s, tool.result.builtin}});
        } else if (tool.result.kind == ToolResultSpec::Kind::Mock) {
            const QJsonValue mock = tool.result.mock.isUndefined() ? QJsonValue() : tool.result.mock;
            object.insert(u"result", QJsonObject{{u"mock"_s, mock}});
        }
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QJsonArray ToolSet::wireTools() const
{
    QJsonArray array;
    for (const ToolDefinition &tool : m_tools)
        array.append(tool.wire);
    return array;
}

bool ToolSet::add(const ToolDefinition &tool)
{
    if (tool.name.isEmpty() || find(tool.name))
        return false;
    m_tools.append(tool);
    return true;
}

const ToolDefinition *ToolSet::find(const QString &name) const
{
    for (const ToolDefinition &tool : m_tools) {
        if (tool.name == name)
            return &tool;
    }
    return nullptr;
}

bool ToolSet::needsUser() const
{
    return std::any_of(m_tools.begin(), m_tools.end(), [](const ToolDefinition &tool) {
        return tool.result.kind == ToolResultSpec::Kind::Ask ||
               (tool.result.kind == ToolResultSpec::Kind::Mcp && !tool.result.approved);
    });
}

QByteArray fillMockTemplate(const QJsonValue &mock, const QJsonObject &arguments)
{
    return jsonText(fillValue(mock, arguments));
}

} // namespace versus::tools
