// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/historyrecords.h"

#include <QJsonObject>
#include <QString>

/// Writers of a stored conversation for people (Markdown) and programs (JSON, CSV). They
/// write what the record holds: lane parameters never carry keys (history never stores one).
namespace versus::exports {

/// "provider:model" of @p lane.
QString laneTarget(const history::LaneRecord &lane);

/// A UTC time as ISO 8601 with milliseconds ("2026-12-01T13:37:10.123Z"); empty when invalid.
QString isoTime(const QDateTime &time);

/// Title, lanes, then each turn's prompt followed by each answer, with a line of figures
/// (metrics, tokens, cost) and the error when there was one.
QString conversationToMarkdown(const history::ConversationRecord &conversation);

/// {"conversation": {id, title, created_at, updated_at,
///   lanes: [{id, position, provider, model, target, parameters, removed}],
///   turns: [{prompt, created_at, answers: [{lane_id, target, state, text, reasoning,
///            tool_calls, finish_reason, usage, metrics, cost, error, started_at,
///            finished_at}]}]}}
/// Times are isoTime() or null; usage, metrics, cost, error and finish_reason are null when
/// not known; tool_calls is always an array.
QJsonObject conversationToJson(const history::ConversationRecord &conversation);

/// RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line
/// break), one row per answer after a header row: conversation_id, turn, lane (1-based
/// positions), target, state, prompt, text, ttft_ms, e2e_ms, output_tokens_per_s,
/// prompt_tokens, completion_tokens, total_usd, error_kind. Unknown figures are empty.
QString conversationToCsv(const history::ConversationRecord &conversation);

} // namespace versus::exports
