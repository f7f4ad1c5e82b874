// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/historyrecords.h"

#include <QJsonObject>
#include <QString>

#include <expected>

/// Writers of a stored conversation for people (Markdown) and programs (JSON, CSV). They
/// write what the record holds: lane parameters never carry keys (history never stores one).
namespace versus::exports {

/// "provider:model" of @p lane.
QString laneTarget(const history::LaneRecord &lane);

/// A UTC time as ISO 8601 with milliseconds ("2026-12-01T13:37:10.123Z"); empty when invalid.
QString isoTime(const QDateTime &time);

/// The file name an image is exported under: the first 16 hex digits of its SHA-256 and the
/// extension of its type ("3f2a…9c01.png"), the same for the same bytes.
QString imageExportName(const ImageInput &image);

/// The folder a Markdown export's images are written to, relative to the Markdown file:
/// "<file name without .md>_images".
QString markdownImageDir(const QString &markdownPath);

/// Title, lanes, then each turn's prompt followed by each answer, with a line of figures
/// (metrics, tokens, cost) and the error when there was one. A turn's images are
/// `![file name](imageDir/imageExportName)` when @p imageDir is given (see
/// writeMarkdownImages()); without it (Markdown on a terminal) each is a line naming the file,
/// its type, size and SHA-256.
QString conversationToMarkdown(const history::ConversationRecord &conversation, const QString &imageDir = {});

/// Writes every image of @p conversation into markdownImageDir(@p markdownPath) beside the
/// Markdown file (folder 0700, files 0600, as private as the history). Nothing is created
/// when the conversation has no images. Returns why it could not, in a sentence.
std::expected<void, QString> writeMarkdownImages(const history::ConversationRecord &conversation,
                                                 const QString &markdownPath);

/// {"conversation": {id, title, created_at, updated_at,
///   lanes: [{id, position, provider, model, target, parameters, removed}],
///   turns: [{prompt, images: [{sha256, mime_type, file_name, data (base64)}], created_at,
///            answers: [{lane_id, target, state, text, reasoning,
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
