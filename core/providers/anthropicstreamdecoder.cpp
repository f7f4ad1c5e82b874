// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/anthropicstreamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace versus {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("versus::AnthropicProvider", text);
}

ChatError streamError(ErrorKind kind, const QString &message)
{
    ChatError error;
    error.kind = kind;
    error.message = message;
    return error;
}

// {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
ChatError errorEvent(const QJsonObject &event)
{
    const QJsonObject e = event.value(u"error").toObject();
    ChatError error = streamError(ErrorKind::Stream, e.value(u"message").toString());
    error.code = e.value(u"type").toString();
    if (const auto kind = anthropicErrorKind(error.code))
        error.kind = *kind;
    if (error.message.isEmpty())
        error.message = tr("Anthropic reported an error in the middle of the answer.");
    return error;
}

void setCount(std::optional<qint64> &into, const QJsonObject &usage, QStringView key)
{
    const QJsonValue value = usage.value(key);
    if (value.isDouble())
        into = value.toInteger();
}

} // namespace

std::optional<ErrorKind> anthropicErrorKind(const QString &type)
{
    if (type == u"overloaded_error" || type == u"api_error")
        return ErrorKind::Server;
    if (type == u"rate_limit_error")
        return ErrorKind::RateLimit;
    if (type == u"authentication_error" || type == u"permission_error")
        return ErrorKind::Auth;
    if (type == u"invalid_request_error" || type == u"request_too_large")
        return ErrorKind::BadRequest;
    if (type == u"not_found_error")
        return ErrorKind::NotFound;
    if (type == u"billing_error")
        return ErrorKind::Quota;
    if (type == u"timeout_error")
        return ErrorKind::Timeout;
    return std::nullopt;
}

QString anthropicFinishReason(const QString &stopReason)
{
    if (stopReason == u"end_turn" || stopReason == u"stop_sequence")
        return QStringLiteral("stop");
    if (stopReason == u"max_tokens" || stopReason == u"model_context_window_exceeded")
        return QStringLiteral("length");
    if (stopReason == u"tool_use")
        return QStringLiteral("tool_calls");
    if (stopReason == u"refusal")
        return QStringLiteral("content_filter");
    return stopReason;
}

void AnthropicStreamDecoder::decode(const sse::SseEvent &event, Output &out)
{
    if (m_done)
        return;
    const QByteArray data = event.data.trimmed();
    if (data.isEmpty())
        return;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = streamError(ErrorKind::Stream, tr("Anthropic sent a malformed event (%1 at byte %2).")
                                                       .arg(parseError.errorString())
                                                       .arg(parseError.offset));
        return;
    }
    const QJsonObject object = doc.object();
    // The data's own "type" names the event; the SSE event name says the same where it is sent.
    QString type = object.value(u"type").toString();
    if (type.isEmpty())
        type = QString::fromUtf8(event.type);
    decodeEvent(type, object, out);
}

void AnthropicStreamDecoder::decodeEvent(const QString &type, const QJsonObject &event, Output &out)
{
    if (type == u"message_start") {
        const QJsonObject message = event.value(u"message").toObject();
        ChatDelta delta;
        delta.responseId = message.value(u"id").toString();
        delta.model = message.value(u"model").toString();
        updateUsage(message.value(u"usage").toObject(), delta);
        out.deltas.append(delta);
    } else if (type == u"content_block_start") {
        startBlock(event.value(u"index").toInt(), event.value(u"content_block").toObject(), out);
    } else if (type == u"content_block_delta") {
        blockDelta(event.value(u"index").toInt(), event.value(u"delta").toObject(), out);
    } else if (type == u"content_block_stop") {
        stopBlock(event.value(u"index").toInt(), out);
    } else if (type == u"message_delta") {
        ChatDelta delta;
        const QString stopReason = event.value(u"delta").toObject().value(u"stop_reason").toString();
        if (!stopReason.isEmpty())
            delta.finishReason = anthropicFinishReason(stopReason);
        updateUsage(event.value(u"usage").toObject(), delta);
        out.deltas.append(delta);
    } else if (type == u"message_stop") {
        m_done = true;
        out.done = true;
    } else if (type == u"error") {
        out.error = errorEvent(event);
    }
    // ping and event types this version does not know: nothing for the answer.
}

void AnthropicStreamDecoder::startBlock(int index, const QJsonObject &content, Output &out)
{
    Block block;
    block.type = content.value(u"type").toString();
    ChatDelta delta;
    if (block.type == u"text") {
        delta.text = content.value(u"text").toString();
    } else if (block.type == u"thinking") {
        block.reasoning.text = content.value(u"thinking").toString();
        block.reasoning.signature = content.value(u"signature").toString();
        delta.reasoning = block.reasoning.text;
    } else if (block.type == u"redacted_thinking") {
        block.reasoning.redactedData = content.value(u"data").toString();
    } else if (block.type == u"tool_use") {
        block.toolIndex = m_nextToolIndex++;
        ToolCallFragment fragment;
        fragment.index = block.toolIndex;
        fragment.id = content.value(u"id").toString();
        fragment.name = content.value(u"name").toString();
        // Streamed input starts as {} and comes in input_json_delta; a whole body has it here.
        const QJsonObject input = content.value(u"input").toObject();
        if (!input.isEmpty()) {
            fragment.argumentsDelta = QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact));
            block.sawArguments = true;
        }
        delta.toolCalls.append(fragment);
    }
    m_blocks.insert(index, block);
    if (delta.hasTokens())
        out.deltas.append(delta);
}

void AnthropicStreamDecoder::blockDelta(int index, const QJsonObject &payload, Output &out)
{
    const auto it = m_blocks.find(index);
    if (it == m_blocks.end())
        return; // a delta for a block that never started: nothing to attach it to
    Block &block = *it;
    const QString type = payload.value(u"type").toString();
    ChatDelta delta;
    if (type == u"text_delta") {
        delta.text = payload.value(u"text").toString();
    } else if (type == u"thinking_delta") {
        delta.reasoning = payload.value(u"thinking").toString();
        block.reasoning.text += delta.reasoning;
    } else if (type == u"signature_delta") {
        block.reasoning.signature += payload.value(u"signature").toString();
    } else if (type == u"input_json_delta" && block.toolIndex >= 0) {
        const QString part = payload.value(u"partial_json").toString();
        if (!part.isEmpty()) {
            block.sawArguments = true;
            ToolCallFragment fragment;
            fragment.index = block.toolIndex;
            fragment.argumentsDelta = part;
            delta.toolCalls.append(fragment);
        }
    }
    if (delta.hasTokens())
        out.deltas.append(delta);
}

void AnthropicStreamDecoder::stopBlock(int index, Output &out)
{
    const auto it = m_blocks.find(index);
    if (it == m_blocks.end())
        return;
    const Block block = *it;
    m_blocks.erase(it);
    ChatDelta delta;
    if (block.type == u"thinking" || block.type == u"redacted_thinking") {
        delta.reasoningBlocks.append(block.reasoning);
    } else if (block.toolIndex >= 0 && !block.sawArguments) {
        // A tool without parameters streams no input at all: its arguments are an empty object.
        ToolCallFragment fragment;
        fragment.index = block.toolIndex;
        fragment.argumentsDelta = QStringLiteral("{}");
        delta.toolCalls.append(fragment);
    } else {
        return;
    }
    out.deltas.append(delta);
}

// Versus' prompt is the whole prompt (cached included, the OpenAI convention); Anthropic's
// input_tokens leaves out what was read from or written to the cache. output_tokens is a
// running total, so the latest figure replaces the earlier one.
void AnthropicStreamDecoder::updateUsage(const QJsonObject &usage, ChatDelta &delta)
{
    if (usage.isEmpty())
        return;
    setCount(m_inputTokens, usage, u"input_tokens");
    setCount(m_cacheReadTokens, usage, u"cache_read_input_tokens");
    setCount(m_cacheWriteTokens, usage, u"cache_creation_input_tokens");
    setCount(m_outputTokens, usage, u"output_tokens");
    Usage result;
    if (m_inputTokens)
        result.promptTokens = *m_inputTokens + m_cacheReadTokens.value_or(0) + m_cacheWriteTokens.value_or(0);
    result.cachedPromptTokens = m_cacheReadTokens;
    result.cacheWriteTokens = m_cacheWriteTokens;
    result.completionTokens = m_outputTokens;
    if (result.promptTokens && result.completionTokens)
        result.totalTokens = *result.promptTokens + *result.completionTokens;
    if (!result.isEmpty())
        delta.usage = result;
}

void AnthropicStreamDecoder::decodeComplete(const QByteArray &body, Output &out)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error =
            streamError(ErrorKind::Stream, tr("Anthropic answered with something that is neither a stream nor JSON."));
        return;
    }
    const QJsonObject root = doc.object();
    if (root.value(u"type").toString() == u"error" || root.value(u"error").isObject()) {
        out.error = errorEvent(root);
        return;
    }
    if (!root.value(u"content").isArray()) {
        out.error = streamError(ErrorKind::Stream, tr("Anthropic answered with JSON that holds no answer."));
        return;
    }
    // The same events a stream would have brought, block by block.
    decodeEvent(QStringLiteral("message_start"), QJsonObject{{QStringLiteral("message"), root}}, out);
    const QJsonArray content = root.value(u"content").toArray();
    for (qsizetype i = 0; i < content.size(); ++i) {
        const QJsonObject block = content.at(i).toObject();
        startBlock(int(i), block, out);
        if (block.value(u"type").toString() == u"thinking") {
            // Whole text and signature are in the block already (startBlock reported the text).
            m_blocks[int(i)].reasoning.signature = block.value(u"signature").toString();
        }
        stopBlock(int(i), out);
    }
    decodeEvent(QStringLiteral("message_delta"),
                QJsonObject{{QStringLiteral("delta"),
                             QJsonObject{{QStringLiteral("stop_reason"), root.value(u"stop_reason")}}}},
                out);
    m_done = true;
    out.done = true;
}

} // namespace versus
