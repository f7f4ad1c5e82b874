// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "metrics/streamtimeline.h"
#include "pricing/cost.h"
#include "tools/jsonschema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace versus::tools {

/// Where a tool call's result came from.
enum class ResultSource {
    Pending, ///< waiting for the user's answer ("ask" tools)
    Builtin, ///< calculator, current_time
    Mock,    ///< the tools file's mock, templates filled
    User,    ///< typed by the user in the trace's form
    Error,   ///< Versus answered with an error the model can read (bad JSON, schema, unknown tool, ...)
    Skipped, ///< not answered: the loop stopped first (round limit, stop, a failed round)
    Mcp,     ///< the MCP server that offers the tool answered
};

/// Whether the user allowed a call that needs it (MCP tools "ask every time" by default).
enum class Approval {
    NotNeeded,
    Asked,    ///< waiting for Approve or Deny
    Approved, ///< by the user, for this call
    Denied,   ///< by the user: the model reads that it was refused
};
QString approvalName(Approval approval);
QString resultSourceName(ResultSource source);
std::optional<ResultSource> resultSourceFromName(const QString &name);

/// One function call of a round: what the model sent, how it checked, what was answered.
struct ToolCallTrace {
    ToolCall call;          ///< id, name and the arguments exactly as streamed
    bool validJson = false; ///< the arguments parse as a JSON object
    QString jsonError;      ///< why they do not, with the offset
    QJsonObject arguments;  ///< the parsed arguments (empty when not valid)
    bool knownTool = false; ///< the lane's tools define this name
    QList<SchemaError> schemaErrors;
    ResultSource source = ResultSource::Pending;
    QString result;       ///< the tool message's content as sent back (JSON text)
    bool isError = false; ///< the result reports a failure
    Approval approval = Approval::NotNeeded;
    bool running = false; ///< an MCP call in flight
    QString server;       ///< the MCP server that runs the tool; empty for other tools
    bool isInvalid() const { return !validJson || !knownTool || !schemaErrors.isEmpty(); }
    friend bool operator==(const ToolCallTrace &, const ToolCallTrace &) = default;
};

/// One request/response of a lane's turn. A turn without tools has one round; each round
/// that ends in function calls is followed by another carrying their results.
struct ToolRound {
    int number = 1;
    ResultStatus status = ResultStatus::Ok;
    QString text;
    QString reasoning;
    /// Signed thinking the next request sends back (Anthropic); opaque, so kept out of the JSON.
    QList<ReasoningBlock> reasoningBlocks;
    QList<ToolCallTrace> calls;
    QList<ServerToolCall> serverTools; ///< run by the provider itself, shown only
    std::optional<QString> finishReason;
    Usage usage;
    StreamMetrics metrics;             ///< the round's own stream (t0 = its request)
    double startMs = 0;                ///< when the round's request left, from the turn's first request
    std::optional<CostBreakdown> cost; ///< nothing when no price is known
    friend bool operator==(const ToolRound &, const ToolRound &) = default;
};

/// The lane-result JSON's "tool_rounds" member (ARCHITECTURE.md) and its reader.
QJsonObject toolRoundToJson(const ToolRound &round);
QJsonArray toolRoundsToJson(const QList<ToolRound> &rounds);
ToolRound toolRoundFromJson(const QJsonObject &object);
QList<ToolRound> toolRoundsFromJson(const QJsonArray &array);
QJsonArray schemaErrorsToJson(const QList<SchemaError> &errors);
QList<SchemaError> schemaErrorsFromJson(const QJsonArray &array);

/// The check of a structured answer against the lane's response schema.
struct StructuredOutputCheck {
    bool valid = false;
    QString jsonError; ///< the answer is not JSON at all
    QList<SchemaError> errors;
    friend bool operator==(const StructuredOutputCheck &, const StructuredOutputCheck &) = default;
};
/// Parses @p answer (a single ```json fence around it is accepted, as models often add one)
/// and validates it against @p schema; a schema that does not compile is reported as an error.
StructuredOutputCheck checkStructuredOutput(const QString &answer, const QJsonObject &schema);
QJsonObject structuredOutputToJson(const StructuredOutputCheck &check);
std::optional<StructuredOutputCheck> structuredOutputFromJson(const QJsonObject &object);

/// Summary figures of a trace for tables and scoreboards.
struct ToolStats {
    int rounds = 0;
    int calls = 0;
    int invalidCalls = 0;
    int serverCalls = 0;
    bool answered = false; ///< the last round ended the turn with an answer (text, no calls left)
};
ToolStats toolStats(const QList<ToolRound> &rounds);

} // namespace versus::tools
