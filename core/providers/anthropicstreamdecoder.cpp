// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/anthropicstreamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace versus {

namespace {

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
        error.message = QCoreApplication::translate("versus::AnthropicProvider",
                                                    "Anthropic reported an error in the middle of the answer.");
    return error;
}

// The general path's reading of the fields AnthropicEventReader reads.
std::optional<qint64> count(const QJsonObject &usage, QStringView key)
{
    const QJsonValue value = usage.value(key);
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

AnthropicEvent::Usage usageFromJson(const QJsonObject &usage)
{
    AnthropicEvent::Usage u;
    u.present = !usage.isEmpty();
    u.input = count(usage, u"input_tokens");
    u.cacheRead = count(usage, u"cache_read_input_tokens");
    u.cacheWrite = count(usage, u"cache_creation_input_tokens");
    u.output = count(usage, u"output_tokens");
    return u;
}

AnthropicEvent::Block blockFromJson(const QJsonObject &content)
{
    AnthropicEvent::Block block;
    block.type = content.value(u"type").toString();
    block.text = content.value(u"text").toString();
    block.thinking = content.value(u"thinking").toString();
    block.signature = content.value(u"signature").toString();
    block.data = content.value(u"data").toString();
    block.id = content.value(u"id").toString();
    block.name = content.value(u"name").toString();
    const QJsonObject input = content.value(u"input").toObject();
    if (!input.isEmpty())
        block.inputJson = QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact));
    return block;
}

AnthropicEvent eventFromJson(const QJsonObject &object)
{
    AnthropicEvent event;
    event.type = object.value(u"type").toString();
    event.index = object.value(u"index").toInt();
    const QJsonObject message = object.value(u"message").toObject();
    event.messageId = message.value(u"id").toString();
    event.messageModel = message.value(u"model").toString();
    event.messageUsage = usageFromJson(message.value(u"usage").toObject());
    event.block = blockFromJson(object.value(u"content_block").toObject());
    const QJsonObject delta = object.value(u"delta").toObject();
    event.delta.type = delta.value(u"type").toString();
    event.delta.text = delta.value(u"text").toString();
    event.delta.thinking = delta.value(u"thinking").toString();
    event.delta.signature = delta.value(u"signature").toString();
    event.delta.partialJson = delta.value(u"partial_json").toString();
    event.delta.stopReason = delta.value(u"stop_reason").toString();
    event.usage = usageFromJson(object.value(u"usage").toObject());
    return event;
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
    if (m_fastPath && event.type != "error") {
        AnthropicEvent read;
        if (m_reader.read(data, read)) {
            ++m_fastEvents;
            const QString type = read.type.isEmpty() ? QString::fromUtf8(event.type) : read.type;
            decodeEvent(type, read, out);
            return;
        }
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = streamError(ErrorKind::Stream,
                                QCoreApplication::translate("versus::AnthropicProvider",
                                                            "Anthropic sent a malformed event (%1 at byte %2).")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset));
        return;
    }
    const QJsonObject object = doc.object();
    // The data's own "type" names the event; the SSE event name says the same where it is sent.
    QString type = object.value(u"type").toString();
    if (type.isEmpty())
        type = QString::fromUtf8(event.type);
    if (type == u"error")
        out.error = errorEvent(object);
    else
        decodeEvent(type, eventFromJson(object), out);
}

// An error event is read by the general path only (decode()); the rest by either.
void AnthropicStreamDecoder::decodeEvent(const QString &type, const AnthropicEvent &event, Output &out)
{
    if (type == u"message_start") {
        ChatDelta delta;
        delta.responseId = event.messageId;
        delta.model = event.messageModel;
        updateUsage(event.messageUsage, delta);
        out.deltas.append(delta);
    } else if (type == u"content_block_start") {
        startBlock(event.index, event.block, out);
    } else if (type == u"content_block_delta") {
        blockDelta(event.index, event.delta, out);
    } else if (type == u"content_block_stop") {
        stopBlock(event.index, out);
    } else if (type == u"message_delta") {
        ChatDelta delta;
        if (!event.delta.stopReason.isEmpty())
            delta.finishReason = anthropicFinishReason(event.delta.stopReason);
        updateUsage(event.usage, delta);
        out.deltas.append(delta);
    } else if (type == u"message_stop") {
        m_done = true;
        out.done = true;
    }
    // ping and event types this version does not know: nothing for the answer.
}

void AnthropicStreamDecoder::startBlock(int index, const AnthropicEvent::Block &content, Output &out)
{
    Block block;
    block.type = content.type;
    ChatDelta delta;
    if (block.type == u"text") {
        delta.text = content.text;
    } else if (block.type == u"thinking") {
        block.reasoning.text = content.thinking;
        block.reasoning.signature = content.signature;
        delta.reasoning = block.reasoning.text;
    } else if (block.type == u"redacted_thinking") {
        block.reasoning.redactedData = content.data;
    } else if (block.type == u"tool_use") {
        block.toolIndex = m_nextToolIndex++;
        ToolCallFragment fragment;
        fragment.index = block.toolIndex;
        fragment.id = content.id;
        fragment.name = content.name;
        // Streamed input starts as {} and comes in input_json_delta; a whole body has it here.
        if (!content.inputJson.isEmpty()) {
            fragment.argumentsDelta = content.inputJson;
            block.sawArguments = true;
        }
        delta.toolCalls.append(fragment);
    }
    m_blocks.insert(index, block);
    if (delta.hasTokens())
        out.deltas.append(delta);
}

void AnthropicStreamDecoder::blockDelta(int index, const AnthropicEvent::Delta &payload, Output &out)
{
    const auto it = m_blocks.find(index);
    if (it == m_blocks.end())
        return; // a delta for a block that never started: nothing to attach it to
    Block &block = *it;
    const QString &type = payload.type;
    ChatDelta delta;
    if (type == u"text_delta") {
        delta.text = payload.text;
    } else if (type == u"thinking_delta") {
        delta.reasoning = payload.thinking;
        block.reasoning.text += delta.reasoning;
    } else if (type == u"signature_delta") {
        block.reasoning.signature += payload.signature;
    } else if (type == u"input_json_delta" && block.toolIndex >= 0) {
        const QString &part = payload.partialJson;
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
void AnthropicStreamDecoder::updateUsage(const AnthropicEvent::Usage &usage, ChatDelta &delta)
{
    if (!usage.present)
        return;
    for (auto [into, count] :
         {std::pair{&m_inputTokens, &usage.input}, std::pair{&m_cacheReadTokens, &usage.cacheRead},
          std::pair{&m_cacheWriteTokens, &usage.cacheWrite}, std::pair{&m_outputTokens, &usage.output}}) {
        if (*count)
            *into = *count;
    }
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
        out.error = streamError(
            ErrorKind::Stream,
            QCoreApplication::translate("versus::AnthropicProvider",
                                        "Anthropic answered with something that is neither a stream nor JSON."));
        return;
    }
    const QJsonObject root = doc.object();
    if (root.value(u"type").toString() == u"error" || root.value(u"error").isObject()) {
        out.error = errorEvent(root);
        return;
    }
    if (!root.value(u"content").isArray()) {
        out.error = streamError(ErrorKind::Stream,
                                QCoreApplication::translate("versus::AnthropicProvider",
                                                            "Anthropic answered with JSON that holds no answer."));
        return;
    }
    // The same events a stream would have brought, block by block.
    decodeEvent(QStringLiteral("message_start"), eventFromJson(QJsonObject{{QStringLiteral("message"), root}}), out);
    const QJsonArray content = root.value(u"content").toArray();
    for (qsizetype i = 0; i < content.size(); ++i) {
        const QJsonObject block = content.at(i).toObject();
        startBlock(int(i), blockFromJson(block), out);
        if (block.value(u"type").toString() == u"thinking") {
            // Whole text and signature are in the block already (startBlock reported the text).
            m_blocks[int(i)].reasoning.signature = block.value(u"signature").toString();
        }
        stopBlock(int(i), out);
    }
    decodeEvent(QStringLiteral("message_delta"),
                eventFromJson(QJsonObject{{QStringLiteral("delta"),
                                           QJsonObject{{QStringLiteral("stop_reason"), root.value(u"stop_reason")}}}}),
                out);
    m_done = true;
    out.done = true;
}

} // namespace versus
