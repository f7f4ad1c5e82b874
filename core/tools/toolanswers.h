// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/externaltools.h"
#include "tools/toolset.h"
#include "tools/tooltrace.h"

#include <QDateTime>

namespace versus::tools {

/// Checks a call the model finished against the lane's tools: are the arguments a JSON
/// object, is the tool known, do they satisfy its parameters schema (every error listed)?
ToolCallTrace checkToolCall(const ToolCall &call, const ToolSet &tools);

/// Answers @p trace where Versus can without asking anyone: an invalid call gets an error
/// result that says what was wrong (so the model can correct itself), a built-in tool runs,
/// a mock is filled in. An "ask" tool stays Pending until answerFromUser().
void answerToolCall(ToolCallTrace &trace, const ToolSet &tools, const QDateTime &nowUtc);

/// The user's answer to an "ask" tool: sent as is when it is JSON, else as {"result": "words"};
/// an error as {"error": <the JSON or the words>}.
void answerFromUser(ToolCallTrace &trace, const QString &text, bool isError);

/// The user's decision on an MCP call that asks for approval: approved, it waits to be run
/// (running is set by whoever runs it); denied, the model reads that the user refused.
void decideApproval(ToolCallTrace &trace, bool approve);

/// An MCP call is waiting to be run: known, valid, approved or needing no approval.
bool isReadyToRun(const ToolCallTrace &trace, const ToolSet &tools);

/// What the MCP server answered (or why the call failed) becomes the call's result: the
/// structured content as JSON when given, else the text; a failure as {"error": ...}.
void answerFromServer(ToolCallTrace &trace, const std::expected<ExternalResult, QString> &result);

/// The round's calls have a result each (none is waiting for the user or a server).
bool allAnswered(const QList<ToolCallTrace> &calls);

} // namespace versus::tools
