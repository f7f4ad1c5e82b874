// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/synesiastreamdecoder.h"

#include "chat/chatjson.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace versus {

namespace {

std::optional<qint64> firstInt(const QJsonObject &object, QStringView a, QStringView b)
{
    if (auto v = intField(object, a))
        return v;
    return intField(object, b);
}

ChatError makeStreamError(const QString &message)
{
    ChatError error;
    error.kind = ErrorKind::Stream;
    error.message = message;
    return error;
}

// {"type":"error","error":{"message":"…","code":"…"}}; the error may also be plain text.
ChatError streamError(const QJsonObject &event)
{
    ChatError error = makeStreamError(QString());
    const QJsonValue value = event.value(u"error");
    if (value.isObject()) {
        const QJsonObject e = value.toObject();
        error.message = e.value(u"message").toString();
        const QJsonValue code = e.value(u"code");
        if (code.isDouble()) {
            error.code = QString::number(code.toInteger());
            const int status = code.toInt();
            if (status == 429)
                error.kind = ErrorKind::RateLimit;
            else if (status == 401 || status == 403)
                error.kind = ErrorKind::Auth;
            else if (status == 402)
                error.kind = ErrorKind::Quota;
        } else {
            error.code = code.toString(e.value(u"type").toString());
        }
    } else if (value.isString()) {
        error.message = value.toString();
    }
    if (error.message.isEmpty())
        error.message = event.value(u"message").toString();
    if (error.message.isEmpty())
        error.message = QCoreApplication::translate("versus::SynesiaProvider",
                                                    "Synesia reported an error in the middle of the answer.");
    return error;
}

QString textField(const QJsonObject &event)
{
    for (const char16_t *key : {u"delta", u"content", u"text"}) {
        const QJsonValue value = event.value(key);
        if (value.isString())
            return value.toString();
    }
    return QString();
}

// The first of @p keys that @p event has with a value worth reporting, as text.
QString firstText(const QJsonObject &event, std::initializer_list<const char16_t *> keys)
{
    for (const char16_t *key : keys) {
        const QString text = reportedText(event.value(key));
        if (!text.isEmpty())
            return text;
    }
    return QString();
}

// internal_tool.error: {"error": {"message"} | "text"} or {"message": "text"}.
QString internalToolError(const QJsonObject &event)
{
    const QJsonValue error = event.value(u"error");
    QString text = error.isObject() ? error.toObject().value(u"message").toString() : reportedText(error);
    if (text.isEmpty() && error.isObject() && !error.toObject().isEmpty())
        text = reportedText(error);
    if (text.isEmpty())
        text = event.value(u"message").toString();
    if (text.isEmpty())
        text = QCoreApplication::translate("versus::SynesiaProvider", "The tool failed without saying why.");
    return text;
}

} // namespace

Usage parseSynesiaUsage(const QJsonObject &u)
{
    Usage usage;
    usage.promptTokens = firstInt(u, u"input_tokens", u"prompt_tokens");
    usage.completionTokens = firstInt(u, u"output_tokens", u"completion_tokens");
    usage.totalTokens = intField(u, u"total_tokens");
    usage.cachedPromptTokens = intField(u, u"cached_input_tokens");
    if (!usage.cachedPromptTokens)
        usage.cachedPromptTokens = intField(u.value(u"input_tokens_details").toObject(), u"cached_tokens");
    if (!usage.cachedPromptTokens)
        usage.cachedPromptTokens = intField(u.value(u"prompt_tokens_details").toObject(), u"cached_tokens");
    usage.reasoningTokens = intField(u, u"reasoning_output_tokens");
    if (!usage.reasoningTokens)
        usage.reasoningTokens = intField(u.value(u"output_tokens_details").toObject(), u"reasoning_tokens");
    if (!usage.reasoningTokens)
        usage.reasoningTokens = intField(u.value(u"completion_tokens_details").toObject(), u"reasoning_tokens");
    return usage;
}

void SynesiaStreamDecoder::decode(const sse::SseEvent &event, Output &out)
{
    if (m_done)
        return; // the round is over; whatever follows (a [DONE], a closing comment) adds nothing
    const QByteArray data = event.data.trimmed();
    if (data.isEmpty())
        return;
    if (data == "[DONE]") {
        m_done = true;
        out.done = true;
        return;
    }
    if (m_fastPath && event.type != "error") {
        SynesiaEventReader::Event read;
        if (m_reader.read(data, read)) {
            ++m_fastEvents;
            decodeText(read.type, read.text, out);
            return;
        }
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = makeStreamError(
            QCoreApplication::translate("versus::SynesiaProvider", "Synesia sent a malformed event (%1 at byte %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset));
        return;
    }
    QJsonObject object = doc.object();
    if (event.type == "error" && !object.contains(u"type"))
        object.insert(QStringLiteral("type"), QStringLiteral("error"));
    decodeEvent(object, out);
}

void SynesiaStreamDecoder::decodeEvent(const QJsonObject &event, Output &out)
{
    const QString type = event.value(u"type").toString();
    if (type == u"text.delta" || type == u"chunk" || type == u"reasoning.delta") {
        decodeText(type, textField(event), out);
    } else if (type == u"done" || type == u"end") {
        ChatDelta delta;
        // "complete": false means the round stopped at config.max_loops while Synesia's own
        // tools were still running; the answer so far is all there is, so it is still a stop.
        delta.finishReason = QStringLiteral("stop");
        const QJsonValue usage = event.value(u"usage");
        if (usage.isObject()) {
            const Usage parsed = parseSynesiaUsage(usage.toObject());
            if (!parsed.isEmpty())
                delta.usage = parsed;
        }
        delta.model = event.value(u"model").toString();
        out.deltas.append(delta);
        m_done = true;
        out.done = true;
    } else if (type == u"error") {
        out.error = streamError(event);
    } else if (type.startsWith(u"internal_tool.")) {
        decodeInternalTool(type, event, out);
    }
    // start, text.start/done, reasoning.start/done, tool_block.* and types this version does
    // not know: nothing for the answer.
}

// The events either path reads: text and reasoning; other types carry nothing for the answer.
void SynesiaStreamDecoder::decodeText(const QString &type, const QString &text, Output &out)
{
    ChatDelta delta;
    if (type == u"text.delta" || type == u"chunk")
        delta.text = text;
    else if (type == u"reasoning.delta")
        delta.reasoning = text;
    if (delta.hasTokens())
        out.deltas.append(delta);
}

// internal_tool.start {tool_call_id, name, arguments}, .done {tool_call_id, result}, .error
// {tool_call_id, error}: a tool Synesia ran itself, reported as a server-side tool. A failed
// tool sends error, then done, for the same id: one entry, failed and finished. Field names
// vary between integrations, so each has its alternatives.
void SynesiaStreamDecoder::decodeInternalTool(const QString &type, const QJsonObject &event, Output &out)
{
    const QString stage = type.mid(qsizetype(sizeof("internal_tool.") - 1));
    if (stage != u"start" && stage != u"done" && stage != u"error")
        return;
    ServerToolCall tool;
    tool.id = firstText(event, {u"tool_call_id", u"toolCallId", u"id"});
    if (tool.id.isEmpty()) {
        // Without an id, a start opens a new entry and what follows belongs to the last one.
        if (stage == u"start" || m_lastInternalToolId.isEmpty())
            m_lastInternalToolId = QStringLiteral("internal-%1").arg(++m_unnamedInternalTools);
        tool.id = m_lastInternalToolId;
    } else {
        m_lastInternalToolId = tool.id;
    }
    tool.name = firstText(event, {u"name", u"tool_name", u"toolName"});
    tool.arguments = firstText(event, {u"input", u"arguments", u"args"});
    if (stage == u"done") {
        tool.finished = true;
        tool.output = firstText(event, {u"output", u"result"});
    } else if (stage == u"error") {
        tool.finished = true;
        tool.failed = true;
        tool.error = internalToolError(event);
    }
    ChatDelta delta;
    delta.serverTools.append(tool);
    out.deltas.append(delta);
}

void SynesiaStreamDecoder::decodeComplete(const QByteArray &body, Output &out)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = makeStreamError(QCoreApplication::translate(
            "versus::SynesiaProvider", "Synesia answered with something that is neither a stream nor JSON."));
        return;
    }
    const QJsonObject root = doc.object();
    if (root.contains(u"error")) {
        out.error = streamError(root);
        return;
    }
    if (!root.value(u"message").isObject()) {
        out.error = makeStreamError(
            QCoreApplication::translate("versus::SynesiaProvider", "Synesia answered with JSON that holds no answer."));
        return;
    }
    const QJsonObject message = root.value(u"message").toObject();
    ChatDelta delta;
    delta.text = message.value(u"content").toString();
    delta.reasoning = message.value(u"reasoning").toString();
    const QString finish = root.value(u"finish_reason").toString();
    delta.finishReason = finish.isEmpty() ? QStringLiteral("stop") : finish;
    if (root.value(u"usage").isObject()) {
        const Usage usage = parseSynesiaUsage(root.value(u"usage").toObject());
        if (!usage.isEmpty())
            delta.usage = usage;
    }
    out.deltas.append(delta);
    m_done = true;
    out.done = true;
}

} // namespace versus
