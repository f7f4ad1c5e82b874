// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/tooltrace.h"

#include <QColor>
#include <QSet>
#include <QTextCharFormat>

class QPalette;
class QTextCursor;

namespace versus::ui {

/// Colours and formats the trace is drawn with (from the view's palette).
struct TraceStyle {
    QTextCharFormat dim;
    QColor cardBackground;
    QColor cardBorder;
    QColor codeBackground;
    QColor error;
    QColor ok;
};

/// The trace's colours from the view's @p palette: red and green that read on light and dark
/// backgrounds alike, card and code backgrounds a shade off the base.
TraceStyle traceStyle(const QPalette &palette, const QTextCharFormat &dim);

/// A call as it streams, before its round ends: "Tool call: name" and its arguments (as they
/// came while @p streaming, indented JSON after), with a note when they are not JSON.
void renderCallAsStreamed(QTextCursor &cursor, const ToolCall &call, bool streaming, const TraceStyle &style);

/// The streamed @p calls are the last round's of @p rounds (the trace shows them already).
bool callsShownInTrace(const QList<ToolCall> &calls, const QList<tools::ToolRound> &rounds);

/// A turn's tool-loop trace under its answer: one card per round that called tools (its
/// time, tokens and cost), a line per call — name, how its result was made, ✓ or, in red, what
/// was wrong — that opens to the arguments and the result as indented JSON; the round's
/// reasoning, folded; tools the provider ran itself are marked as such. A call waiting for the user says so. Lines link
/// to `versus:call?turn=T&key=R/I` (I = "sN" for provider-run tools); @p expanded holds the keys the user opened.
void renderToolTrace(QTextCursor &cursor, const QList<tools::ToolRound> &rounds, int turn,
                     const QSet<QString> &expanded, const TraceStyle &style);

/// "2 rounds · 3 calls · 1 invalid · answered": the trace in a few words (lane footers).
QString toolTraceSummary(const QList<tools::ToolRound> &rounds, bool limitReached);

/// The key of a call in @p round for renderToolTrace's links.
QString traceKey(int round, int call);
QString serverTraceKey(int round, int index);
QString reasoningTraceKey(int round);

} // namespace versus::ui
