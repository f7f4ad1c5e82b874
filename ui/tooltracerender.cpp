// SPDX-License-Identifier: GPL-3.0-or-later
#include "tooltracerender.h"

#include "metricsfooter.h"
#include "pricing/cost.h"
#include "richtext.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QLocale>
#include <QPalette>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrl>
#include <QUrlQuery>

namespace versus::ui {

namespace {

/// The words of the trace, translated in their own context.
struct ToolTrace {
    Q_DECLARE_TR_FUNCTIONS(versus::ui::ToolTrace)
};

QString linkFor(int turn, const QString &key)
{
    QUrl url;
    url.setScheme(QStringLiteral("versus"));
    url.setPath(QStringLiteral("call"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("turn"), QString::number(turn));
    query.addQueryItem(QStringLiteral("key"), key);
    url.setQuery(query);
    return url.toString();
}

void newBlock(QTextCursor &cursor, const QTextCharFormat &format, double leftMargin = 0, double topMargin = 0)
{
    QTextBlockFormat block;
    block.setLeftMargin(leftMargin);
    block.setTopMargin(topMargin);
    // A fresh frame starts with an empty block: use it rather than leave a blank line.
    if (cursor.block().length() <= 1 && cursor.atBlockStart())
        cursor.setBlockFormat(block);
    else
        cursor.insertBlock(block, format);
    cursor.setCharFormat(format);
}

/// Indented JSON on the code background, or the text as it came when it is not JSON.
void insertCode(QTextCursor &cursor, const QString &label, const QString &text, const TraceStyle &style)
{
    newBlock(cursor, style.dim, 16, 4);
    cursor.insertText(label, style.dim);
    QTextFrameFormat frame;
    frame.setBackground(style.codeBackground);
    frame.setPadding(4);
    frame.setBorder(0);
    frame.setLeftMargin(16);
    QTextFrame *parent = cursor.currentFrame();
    cursor.insertFrame(frame);
    QTextCharFormat mono;
    mono.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    bool valid = false;
    const QString pretty = prettyArguments(text, &valid);
    cursor.insertText(pretty.isEmpty() ? QStringLiteral("{}") : pretty, mono);
    cursor = parent->lastCursorPosition();
}

QString sourceWords(const tools::ToolCallTrace &trace)
{
    if (trace.running)
        return ToolTrace::tr("running on %1…").arg(trace.server);
    switch (trace.approval) {
    case tools::Approval::Asked:
        return ToolTrace::tr("waiting for your approval");
    case tools::Approval::Denied:
        return ToolTrace::tr("denied by you");
    case tools::Approval::NotNeeded:
    case tools::Approval::Approved:
        break;
    }
    switch (trace.source) {
    case tools::ResultSource::Pending:
        return trace.server.isEmpty() ? ToolTrace::tr("waiting for your answer")
                                      : ToolTrace::tr("waiting to run on %1").arg(trace.server);
    case tools::ResultSource::Builtin:
        return ToolTrace::tr("built-in");
    case tools::ResultSource::Mock:
        return ToolTrace::tr("mock");
    case tools::ResultSource::User:
        return ToolTrace::tr("answered by you");
    case tools::ResultSource::Error:
        return ToolTrace::tr("error result");
    case tools::ResultSource::Skipped:
        return ToolTrace::tr("not answered");
    case tools::ResultSource::Mcp:
        return ToolTrace::tr("answered by %1 (MCP)").arg(trace.server);
    }
    return {};
}

QString problemWords(const tools::ToolCallTrace &trace)
{
    QStringList problems;
    if (!trace.knownTool)
        problems << ToolTrace::tr("unknown tool");
    if (!trace.validJson)
        problems << ToolTrace::tr("invalid JSON: %1").arg(trace.jsonError);
    for (const tools::SchemaError &error : trace.schemaErrors)
        problems << tools::formatSchemaError(error);
    return problems.join(QStringLiteral("; "));
}

QString roundHeader(const tools::ToolRound &round)
{
    QStringList parts{ToolTrace::tr("Round %1").arg(round.number)};
    if (round.metrics.e2eMs)
        parts << MetricsFooter::formatDuration(*round.metrics.e2eMs);
    if (round.usage.promptTokens && round.usage.completionTokens)
        parts << ToolTrace::tr("%1 → %2 tokens")
                     .arg(QLocale().toString(*round.usage.promptTokens),
                          QLocale().toString(*round.usage.completionTokens));
    if (round.cost)
        parts << formatUsd(round.cost->totalMicroUsd, QLocale());
    switch (round.status) {
    case ResultStatus::Ok:
        break;
    case ResultStatus::Error:
        parts << ToolTrace::tr("error");
        break;
    case ResultStatus::Cancelled:
        parts << ToolTrace::tr("stopped");
        break;
    case ResultStatus::Truncated:
        parts << ToolTrace::tr("cut short");
        break;
    }
    return parts.join(QStringLiteral(" · "));
}

void renderServerTool(QTextCursor &cursor, const ServerToolCall &call, int turn, const QString &key, bool open,
                      const TraceStyle &style)
{
    QTextCharFormat header;
    header.setAnchor(true);
    header.setAnchorHref(linkFor(turn, key));
    if (call.failed)
        header.setForeground(style.error);
    newBlock(cursor, header, 0, 4);
    const QString state = call.failed     ? ToolTrace::tr("failed: %1").arg(call.error)
                          : call.finished ? QStringLiteral("✓")
                                          : ToolTrace::tr("running…");
    cursor.insertText(QStringLiteral("%1 ⇢ %2 · %3 %4")
                          .arg(open ? QStringLiteral("▾") : QStringLiteral("▸"), call.name,
                               ToolTrace::tr("run by the provider"), state),
                      header);
    if (!open)
        return;
    insertCode(cursor, ToolTrace::tr("Input"), call.arguments, style);
    if (!call.output.isEmpty())
        insertCode(cursor, ToolTrace::tr("Output"), call.output, style);
}

void renderCall(QTextCursor &cursor, const tools::ToolCallTrace &trace, int turn, const QString &key, bool open,
                const TraceStyle &style)
{
    const bool invalid = trace.isInvalid();
    QTextCharFormat header;
    header.setAnchor(true);
    header.setAnchorHref(linkFor(turn, key));
    header.setFontWeight(QFont::DemiBold);
    if (invalid)
        header.setForeground(style.error);
    newBlock(cursor, header, 0, 4);
    QString line = QStringLiteral("%1 %2 %3")
                       .arg(open ? QStringLiteral("▾") : QStringLiteral("▸"),
                            invalid ? QStringLiteral("✗") : QStringLiteral("✓"), trace.call.name);
    cursor.insertText(line, header);
    QTextCharFormat detail = style.dim;
    if (invalid)
        detail.setForeground(style.error);
    QString words = QStringLiteral(" · ") + sourceWords(trace);
    if (trace.isError && trace.source != tools::ResultSource::Error)
        words += QStringLiteral(" · ") + ToolTrace::tr("the tool reported an error");
    if (invalid)
        words += QStringLiteral(" · ") + problemWords(trace);
    cursor.insertText(words, detail);
    if (!open)
        return;
    insertCode(cursor, ToolTrace::tr("Arguments"), trace.call.arguments, style);
    if (trace.source != tools::ResultSource::Pending && trace.source != tools::ResultSource::Skipped)
        insertCode(cursor, ToolTrace::tr("Result"), trace.result, style);
}

} // namespace

TraceStyle traceStyle(const QPalette &palette, const QTextCharFormat &dim)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    TraceStyle style;
    style.dim = dim;
    style.cardBackground = mix(base, text, 0.03);
    style.cardBorder = mix(base, text, 0.18);
    style.codeBackground = mix(base, text, 0.07);
    const bool dark = base.lightnessF() < 0.5;
    style.error = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
    style.ok = dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37);
    return style;
}

void renderCallAsStreamed(QTextCursor &cursor, const ToolCall &call, bool streaming, const TraceStyle &style)
{
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    newBlock(cursor, bold, 0, 8);
    cursor.insertText(ToolTrace::tr("Tool call: %1").arg(call.name.isEmpty() ? ToolTrace::tr("(unnamed)") : call.name),
                      bold);
    bool valid = false;
    const QString arguments = streaming ? call.arguments : prettyArguments(call.arguments, &valid);
    QTextFrameFormat frame;
    frame.setBackground(style.codeBackground);
    frame.setPadding(6);
    frame.setBorder(0);
    frame.setTopMargin(2);
    frame.setBottomMargin(6);
    QTextFrame *parent = cursor.currentFrame();
    cursor.insertFrame(frame);
    QTextCharFormat mono;
    mono.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    cursor.insertText(arguments.isEmpty() ? QStringLiteral("{}") : arguments, mono);
    cursor = parent->lastCursorPosition();
    if (!streaming && !valid && !call.arguments.isEmpty()) {
        QTextCharFormat note = style.dim;
        note.setFontItalic(true);
        newBlock(cursor, note);
        cursor.insertText(ToolTrace::tr("The arguments are not valid JSON."), note);
    }
}

bool callsShownInTrace(const QList<ToolCall> &calls, const QList<tools::ToolRound> &rounds)
{
    return !rounds.isEmpty() && rounds.last().calls.size() == calls.size() &&
           std::equal(calls.begin(), calls.end(), rounds.last().calls.begin(),
                      [](const ToolCall &call, const tools::ToolCallTrace &trace) {
                          return call.name == trace.call.name && call.arguments == trace.call.arguments;
                      });
}

QString traceKey(int round, int call)
{
    return QStringLiteral("%1/%2").arg(round).arg(call);
}

QString reasoningTraceKey(int round)
{
    return QStringLiteral("%1/r").arg(round);
}

QString serverTraceKey(int round, int index)
{
    return QStringLiteral("%1/s%2").arg(round).arg(index);
}

void renderToolTrace(QTextCursor &cursor, const QList<tools::ToolRound> &rounds, int turn,
                     const QSet<QString> &expanded, const TraceStyle &style)
{
    for (const tools::ToolRound &round : rounds) {
        if (round.calls.isEmpty() && round.serverTools.isEmpty())
            continue;
        QTextFrameFormat card;
        card.setBackground(style.cardBackground);
        card.setBorder(1);
        card.setBorderBrush(style.cardBorder);
        card.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        card.setPadding(6);
        card.setTopMargin(6);
        card.setBottomMargin(2);
        QTextFrame *parent = cursor.currentFrame();
        cursor.insertFrame(card);
        newBlock(cursor, style.dim);
        cursor.insertText(roundHeader(round), style.dim);
        if (!round.reasoning.trimmed().isEmpty()) {
            // What the model thought before these calls, folded like the answer's reasoning.
            const QString key = reasoningTraceKey(round.number);
            const bool open = expanded.contains(key);
            QTextCharFormat link = style.dim;
            link.setAnchor(true);
            link.setAnchorHref(linkFor(turn, key));
            newBlock(cursor, link, 0, 2);
            const int words = wordCount(round.reasoning);
            cursor.insertText(QStringLiteral("%1 %2").arg(open ? QStringLiteral("▾") : QStringLiteral("▸"),
                                                          ToolTrace::tr("Reasoning (%n word(s))", nullptr, words)),
                              link);
            if (open) {
                QTextCharFormat text = style.dim;
                text.setFontItalic(true);
                newBlock(cursor, text, 16, 2);
                cursor.insertText(round.reasoning, text);
            }
        }
        for (int i = 0; i < round.serverTools.size(); ++i) {
            const QString key = serverTraceKey(round.number, i);
            renderServerTool(cursor, round.serverTools.at(i), turn, key, expanded.contains(key), style);
        }
        for (int i = 0; i < round.calls.size(); ++i) {
            const QString key = traceKey(round.number, i);
            renderCall(cursor, round.calls.at(i), turn, key, expanded.contains(key), style);
        }
        cursor = parent->lastCursorPosition();
    }
}

QString toolTraceSummary(const QList<tools::ToolRound> &rounds, bool limitReached)
{
    if (rounds.isEmpty())
        return {};
    const tools::ToolStats stats = tools::toolStats(rounds);
    QStringList parts;
    parts << ToolTrace::tr("%n round(s)", nullptr, stats.rounds);
    parts << ToolTrace::tr("%n call(s)", nullptr, stats.calls);
    if (stats.invalidCalls)
        parts << ToolTrace::tr("%n invalid", nullptr, stats.invalidCalls);
    if (stats.serverCalls)
        parts << ToolTrace::tr("%1 by the provider").arg(stats.serverCalls);
    if (limitReached)
        parts << ToolTrace::tr("round limit reached");
    else if (stats.answered)
        parts << ToolTrace::tr("answered");
    return parts.join(QStringLiteral(" · "));
}

} // namespace versus::ui
