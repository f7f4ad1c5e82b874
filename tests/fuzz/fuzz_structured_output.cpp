// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the checks of a finished answer and the reader of the tool trace
// (core/tools/tooltrace.h). An input is a response schema and an answer, split at the first
// NUL byte or, when there is none, at the first newline.
//
// checkStructuredOutput(answer, schema), where the schema is the first text when it is a JSON
// object and {} (anything goes) otherwise: no crash, undefined behaviour or hang; valid exactly
// when there is neither a JSON error nor a schema error; a JSON error comes alone; an answer
// that is plain JSON gets the errors the compiled schema gives; error pointers are "" or
// "/..."; the check reads back equal from structuredOutputToJson().
//
// toolRoundsFromJson() on each text that is a JSON array (an object is read as a one-round
// array), as the history reads a stored lane result. The reader is lenient and the writer
// does not keep everything, so reading what was written is NOT the same rounds: the writer
// leaves out the result of a pending or skipped call, rounds start_ms to 0.01 ms, writes
// "usage" as null when it has no counts (losing "estimated"), and drops what the lane-result
// format has no member for (total tokens, the server's total time, and the completion count
// behind the metrics, which the reader takes from "completion_tokens" when a writer added
// one). Nor is the first text written always written again unchanged: "tokens_source" is
// written only when that completion count is known, so a round read with one loses it on the
// next read. What must hold: every call's and round's own words survive (ids, names,
// arguments, checks, results that were written, text, reasoning, finish reason, provider-run
// tools), toolStats() agrees, and from the second write on the text no longer changes: a
// stored trace is stable once it has been read and saved.
#include "tools/tooltrace.h"
#include "toolsfuzz.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using versus::fuzz::check;
using namespace versus::tools;

namespace {

constexpr const char *kTarget = "fuzz_structured_output";

void checkStructured(const QString &answer, const QJsonObject &schema)
{
    const StructuredOutputCheck result = checkStructuredOutput(answer, schema);
    check(result.valid == (result.jsonError.isEmpty() && result.errors.isEmpty()), kTarget,
          "valid disagrees with the errors");
    check(result.jsonError.isEmpty() || result.errors.isEmpty(), kTarget, "a JSON error beside schema errors");
    for (const SchemaError &error : result.errors)
        check(error.pointer.isEmpty() || error.pointer.startsWith(u'/'), kTarget, "a bad error pointer");
    check(structuredOutputFromJson(structuredOutputToJson(result)) == result, kTarget,
          "the check does not read back from its JSON");

    const QJsonValue plain = versus::fuzz::parseJsonValue(answer.trimmed().toUtf8());
    const auto compiled = JsonSchema::compile(schema);
    if (!plain.isUndefined() && compiled) {
        check(result.jsonError.isEmpty() && result.errors == compiled->validate(plain), kTarget,
              "a plain JSON answer is not checked as the schema says");
    }
}

bool sameWords(const ToolCallTrace &a, const ToolCallTrace &b)
{
    const bool resultWritten = a.source != ResultSource::Pending && a.source != ResultSource::Skipped;
    return a.call == b.call && a.validJson == b.validJson && a.jsonError == b.jsonError && a.arguments == b.arguments &&
           a.knownTool == b.knownTool && a.schemaErrors == b.schemaErrors && a.source == b.source &&
           a.isError == b.isError && (!resultWritten || a.result == b.result);
}

bool sameWords(const ToolRound &a, const ToolRound &b)
{
    if (a.calls.size() != b.calls.size())
        return false;
    for (qsizetype i = 0; i < a.calls.size(); ++i) {
        if (!sameWords(a.calls.at(i), b.calls.at(i)))
            return false;
    }
    return a.number == b.number && a.status == b.status && a.text == b.text && a.reasoning == b.reasoning &&
           a.serverTools == b.serverTools && a.finishReason == b.finishReason;
}

QByteArray written(const QList<ToolRound> &rounds)
{
    return QJsonDocument(toolRoundsToJson(rounds)).toJson(QJsonDocument::Compact);
}

void checkRounds(const QJsonValue &value)
{
    if (!value.isArray() && !value.isObject())
        return;
    const QJsonArray array = value.isArray() ? value.toArray() : QJsonArray{value};
    const QList<ToolRound> rounds = toolRoundsFromJson(array);
    check(rounds.size() == array.size(), kTarget, "not one round per item");

    // As the history does: write the rounds as JSON text, read them back, write them again.
    const QByteArray first = written(rounds);
    QJsonParseError error{};
    const QJsonDocument stored = QJsonDocument::fromJson(first, &error);
    check(error.error == QJsonParseError::NoError && stored.isArray(), kTarget, "the rounds written are not JSON");
    const QList<ToolRound> reread = toolRoundsFromJson(stored.array());
    check(reread.size() == rounds.size(), kTarget, "rounds lost in writing");
    for (qsizetype i = 0; i < rounds.size(); ++i)
        check(sameWords(rounds.at(i), reread.at(i)), kTarget, "a round's words changed in writing");
    const ToolStats before = toolStats(rounds);
    const ToolStats after = toolStats(reread);
    check(before.rounds == after.rounds && before.calls == after.calls && before.invalidCalls == after.invalidCalls &&
              before.serverCalls == after.serverCalls && before.answered == after.answered,
          kTarget, "toolStats() changed in writing");
    const QByteArray second = written(reread);
    check(written(toolRoundsFromJson(QJsonDocument::fromJson(second).array())) == second, kTarget,
          "the rounds written a second time, read back and written again differ");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [schemaText, answerText] = versus::fuzz::splitInput(versus::fuzz::bytes(data, size));
    const QJsonValue schema = versus::fuzz::parseJsonValue(schemaText);
    checkStructured(QString::fromUtf8(answerText), schema.toObject());
    checkRounds(schema);
    checkRounds(versus::fuzz::parseJsonValue(answerText));
    return 0;
}
