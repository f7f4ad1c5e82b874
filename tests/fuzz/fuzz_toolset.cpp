// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the tools file and the answers to calls (core/tools/toolset.h,
// toolanswers.h). An input is a tools file, then the arguments text of a call, split at the
// first NUL byte (with none, the whole input is the file and the arguments are empty, which a
// model sends for "no arguments").
//
// For every input: no crash, undefined behaviour or hang; a file that does not read says why;
// one that does reads back equal from toJson() (the documented round trip); its wire tools
// carry no "result", are {"type": "function", "function": {"name": ...}} and name the tool;
// find() finds every tool; then each tool is called with the arguments: checkToolCall() knows
// the tool and agrees with QJsonDocument on whether the arguments are an object;
// answerToolCall() answers an invalid call with an {"error": ...} object, leaves an "ask" tool
// pending, runs a built-in, fills a mock exactly as fillMockTemplate() does; a mock filled
// with no arguments is the mock itself, and any filled mock is JSON. A call of a name that is
// not in the file is answered with an error listing the tools.
#include "tools/toolanswers.h"
#include "toolsfuzz.h"

#include <QDateTime>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using versus::ToolCall;
using versus::fuzz::check;
using namespace versus::tools;

namespace {

constexpr const char *kTarget = "fuzz_toolset";

QJsonObject parseObject(const QByteArray &json, bool *ok)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    *ok = error.error == QJsonParseError::NoError && document.isObject();
    return document.object();
}

void checkWire(const ToolSet &set)
{
    const QJsonArray wire = set.wireTools();
    check(wire.size() == set.tools().size(), kTarget, "wireTools() has not one object per tool");
    for (qsizetype i = 0; i < wire.size(); ++i) {
        const QJsonObject object = wire.at(i).toObject();
        const QJsonObject function = object.value(u"function").toObject();
        check(!object.contains(u"result") && !function.contains(u"result"), kTarget, "a wire tool has a result");
        check(object.value(u"type") == QJsonValue(u"function"_s), kTarget, "a wire tool is not of type function");
        check(function.value(u"name") == QJsonValue(set.tools().at(i).name), kTarget,
              "a wire tool does not name its tool");
        check(object == set.tools().at(i).wire, kTarget, "wireTools() is not the tools' wire objects");
        const ToolDefinition *found = set.find(set.tools().at(i).name);
        check(found && *found == set.tools().at(i), kTarget, "find() does not find a tool");
    }
}

void checkMock(const QJsonValue &mock, const QJsonObject &arguments)
{
    check(versus::fuzz::parseJsonValue(fillMockTemplate(mock, {})) == mock, kTarget,
          "a mock filled with no arguments is not the mock");
    check(!versus::fuzz::parseJsonValue(fillMockTemplate(mock, arguments)).isUndefined(), kTarget,
          "a filled mock is not JSON");
}

void checkAnswer(const ToolDefinition &tool, const ToolSet &set, const QString &argumentsText)
{
    const ToolCall call{0, u"call_0"_s, tool.name, argumentsText};
    ToolCallTrace trace = checkToolCall(call, set);
    check(trace.call == call && trace.knownTool, kTarget, "checkToolCall() does not know a tool of the file");
    bool isObject = false;
    const QJsonObject arguments = parseObject(argumentsText.trimmed().toUtf8(), &isObject);
    check(trace.validJson == (isObject || argumentsText.trimmed().isEmpty()), kTarget,
          "checkToolCall() and QJsonDocument disagree on the arguments");
    check(trace.validJson == trace.jsonError.isEmpty(), kTarget, "valid_json and json_error disagree");
    check(!trace.validJson || trace.arguments == arguments, kTarget, "the parsed arguments differ");
    for (const SchemaError &error : std::as_const(trace.schemaErrors))
        check(error.pointer.isEmpty() || error.pointer.startsWith(u'/'), kTarget, "a bad error pointer");

    const QDateTime now(QDate(2026, 12, 1), QTime(16, 5), Qt::UTC);
    answerToolCall(trace, set, now);
    if (trace.isInvalid()) {
        bool isJson = false;
        const QJsonObject result = parseObject(trace.result.toUtf8(), &isJson);
        check(trace.source == ResultSource::Error && trace.isError && isJson && result.contains(u"error"), kTarget,
              "an invalid call is not answered with an error object");
        return;
    }
    switch (tool.result.kind) {
    case ToolResultSpec::Kind::Ask:
        check(trace.source == ResultSource::Pending && trace.result.isEmpty(), kTarget, "an ask tool is answered");
        break;
    case ToolResultSpec::Kind::Builtin:
        check(trace.source == ResultSource::Builtin && !trace.result.isEmpty(), kTarget, "a built-in tool is not run");
        break;
    case ToolResultSpec::Kind::Mock:
        check(trace.source == ResultSource::Mock &&
                  trace.result == QString::fromUtf8(fillMockTemplate(tool.result.mock, trace.arguments)),
              kTarget, "a mock is not answered with fillMockTemplate()");
        checkMock(tool.result.mock, trace.arguments);
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = versus::fuzz::bytes(data, size);
    const qsizetype nul = input.indexOf('\0');
    const QByteArray file = (nul < 0 ? input : input.first(nul)).toByteArray();
    const QString argumentsText = nul < 0 ? QString() : QString::fromUtf8(input.sliced(nul + 1));

    const auto set = ToolSet::fromJson(file);
    if (!set) {
        check(!set.error().isEmpty(), kTarget, "an error without words");
        return 0;
    }
    const auto again = ToolSet::fromJson(set->toJson());
    check(again.has_value(), kTarget, "toJson() does not read back");
    check(again->tools() == set->tools(), kTarget, "fromJson(toJson()) is not the same set");
    checkWire(*set);

    for (const ToolDefinition &tool : set->tools())
        checkAnswer(tool, *set, argumentsText);

    const ToolCall unknown{0, u"call_0"_s, u"no such tool!"_s, argumentsText};
    ToolCallTrace trace = checkToolCall(unknown, *set);
    check(!trace.knownTool, kTarget, "an unknown tool is known");
    answerToolCall(trace, *set, QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
    bool isJson = false;
    const QJsonObject result = parseObject(trace.result.toUtf8(), &isJson);
    check(isJson && result.value(u"available_tools").toArray().size() == set->tools().size(), kTarget,
          "an unknown tool is not answered with the list of tools");
    return 0;
}
