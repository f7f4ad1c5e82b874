// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/openaistreamdecoder.h"

#include "chat/chatjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace versus {

namespace {

std::optional<double> secondsAsMs(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble() * 1000.0;
}

// Usage objects: OpenAI names plus DeepSeek's cache fields and Groq's timing floats.
Usage parseUsage(const QJsonObject &u)
{
    Usage usage;
    usage.promptTokens = intField(u, u"prompt_tokens");
    usage.completionTokens = intField(u, u"completion_tokens");
    usage.totalTokens = intField(u, u"total_tokens");
    const QJsonObject completionDetails = u.value(u"completion_tokens_details").toObject();
    usage.reasoningTokens = intField(completionDetails, u"reasoning_tokens");
    const QJsonObject promptDetails = u.value(u"prompt_tokens_details").toObject();
    usage.cachedPromptTokens = intField(promptDetails, u"cached_tokens");
    if (!usage.cachedPromptTokens)
        usage.cachedPromptTokens = intField(u, u"prompt_cache_hit_tokens");
    return usage;
}

std::optional<ServerTiming> groqTiming(const QJsonObject &u)
{
    ServerTiming timing;
    timing.queueMs = secondsAsMs(u, u"queue_time");
    timing.promptMs = secondsAsMs(u, u"prompt_time");
    timing.completionMs = secondsAsMs(u, u"completion_time");
    timing.totalMs = secondsAsMs(u, u"total_time");
    if (!timing.queueMs && !timing.promptMs && !timing.completionMs && !timing.totalMs)
        return std::nullopt;
    return timing;
}

// llama.cpp: "timings": {"prompt_ms", "predicted_n", "predicted_ms", "predicted_per_second"}
std::optional<ServerTiming> llamaCppTiming(const QJsonObject &t)
{
    if (t.isEmpty())
        return std::nullopt;
    ServerTiming timing;
    if (t.value(u"prompt_ms").isDouble())
        timing.promptMs = t.value(u"prompt_ms").toDouble();
    if (t.value(u"predicted_ms").isDouble())
        timing.completionMs = t.value(u"predicted_ms").toDouble();
    if (t.value(u"predicted_per_second").isDouble())
        timing.outputTokensPerS = t.value(u"predicted_per_second").toDouble();
    timing.predictedTokens = intField(t, u"predicted_n");
    if (timing == ServerTiming())
        return std::nullopt;
    return timing;
}

QString normalizedFinishReason(const QString &reason)
{
    if (reason == u"eos" || reason == u"stop_sequence" || reason == u"end_turn")
        return QStringLiteral("stop");
    if (reason == u"max_tokens" || reason == u"model_length")
        return QStringLiteral("length");
    if (reason == u"tool_use")
        return QStringLiteral("tool_calls");
    return reason;
}

// delta.content is a string at most services; Mistral's reasoning models send an array of
// typed parts: {"type":"thinking","thinking":[{"type":"text","text":"…"}]} and {"type":"text","text":"…"}.
void appendContent(const QJsonValue &content, QString &text, QString &reasoning)
{
    if (content.isString()) {
        text += content.toString();
        return;
    }
    if (!content.isArray())
        return;
    for (const QJsonValue &partValue : content.toArray()) {
        const QJsonObject part = partValue.toObject();
        const QString type = part.value(u"type").toString();
        if (type == u"text") {
            text += part.value(u"text").toString();
        } else if (type == u"thinking") {
            const QJsonValue thinking = part.value(u"thinking");
            if (thinking.isString()) {
                reasoning += thinking.toString();
            } else {
                QString ignoredText;
                appendContent(thinking, reasoning, ignoredText);
            }
        }
    }
}

// Groq's built-in tools (gpt-oss browser_search / code_interpreter, groq/compound's own
// tools) as "executed_tools": [{"index", "type", "arguments", "output", "search_results"}].
// "output" is null while the tool runs and a string once it is done; a search may leave it
// empty and put what it found in "search_results". Groq runs these itself: reported, never run.
void appendExecutedTools(const QJsonValue &value, QList<ServerToolCall> &tools)
{
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        if (item.isEmpty())
            continue;
        ServerToolCall tool;
        tool.id = reportedText(item.value(u"id"));
        if (tool.id.isEmpty()) {
            const QJsonValue index = item.value(u"index");
            tool.id = QStringLiteral("executed-") +
                      (index.isDouble() ? QString::number(index.toInteger()) : QString::number(i));
        }
        tool.name = item.value(u"type").toString();
        if (tool.name.isEmpty())
            tool.name = item.value(u"name").toString();
        tool.arguments = reportedText(item.value(u"arguments"));
        const QJsonValue output = item.value(u"output");
        tool.output = reportedText(output);
        const QJsonValue searchResults = item.value(u"search_results");
        const bool hasSearchResults = (searchResults.isObject() && !searchResults.toObject().isEmpty()) ||
                                      (searchResults.isArray() && !searchResults.toArray().isEmpty());
        if (tool.output.isEmpty() && hasSearchResults)
            tool.output = reportedText(searchResults);
        tool.finished = (!output.isNull() && !output.isUndefined()) || hasSearchResults;
        const QJsonValue error = item.value(u"error");
        const QString errorText =
            error.isObject() ? error.toObject().value(u"message").toString(reportedText(error)) : reportedText(error);
        if (!errorText.isEmpty()) {
            tool.failed = true;
            tool.finished = true;
            tool.error = errorText;
        }
        tools.append(tool);
    }
}

ErrorKind kindForStatus(int status)
{
    if (status == 401 || status == 403)
        return ErrorKind::Auth;
    if (status == 402)
        return ErrorKind::Quota;
    if (status == 404)
        return ErrorKind::NotFound;
    if (status == 429)
        return ErrorKind::RateLimit;
    if (status == 400 || status == 413 || status == 422)
        return ErrorKind::BadRequest;
    if (status >= 500 || status == 498)
        return ErrorKind::Server;
    return ErrorKind::Stream;
}

// An error reported inside a 200 stream. Groq puts an HTTP-like "status_code" beside its
// code, OpenRouter a number in "code": either says what kind of failure it was.
ChatError streamError(const QJsonValue &errorValue)
{
    ChatError error;
    error.kind = ErrorKind::Stream;
    if (errorValue.isObject()) {
        const QJsonObject e = errorValue.toObject();
        error.message = e.value(u"message").toString();
        const QJsonValue code = e.value(u"code");
        int status = e.value(u"status_code").toInt();
        if (code.isDouble()) {
            error.code = QString::number(code.toInteger());
            if (status == 0)
                status = code.toInt();
        } else {
            error.code = code.toString(e.value(u"type").toString());
        }
        if (status != 0)
            error.kind = kindForStatus(status);
    } else if (errorValue.isString()) {
        error.message = errorValue.toString();
    }
    if (error.message.isEmpty())
        error.message = QCoreApplication::translate("versus::OpenAiProvider",
                                                    "The provider reported an error in the middle of the answer.");
    return error;
}

} // namespace

void OpenAiStreamDecoder::decode(const sse::SseEvent &event, Output &out)
{
    const QByteArray data = event.data.trimmed();
    if (data == "[DONE]") {
        m_done = true;
        out.done = true;
        return;
    }
    if (m_done) {
        out.error = ChatError{ErrorKind::Stream,
                              0,
                              QCoreApplication::translate("versus::OpenAiProvider",
                                                          "The provider sent data after the end of the answer."),
                              {},
                              {}};
        return;
    }
    if (data.isEmpty())
        return;
    if (m_fastPath && event.type != "error") {
        OpenAiChunkReader::Chunk chunk;
        if (m_reader.read(data, chunk)) {
            ++m_fastChunks;
            decodeFast(chunk, out);
            return;
        }
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = ChatError{ErrorKind::Stream,
                              0,
                              QCoreApplication::translate("versus::OpenAiProvider",
                                                          "The provider sent a malformed chunk (%1 at byte %2).")
                                  .arg(parseError.errorString())
                                  .arg(parseError.offset),
                              {},
                              {}};
        return;
    }
    const QJsonObject chunk = doc.object();
    if (event.type == "error" && !chunk.contains(u"error")) {
        out.error = streamError(chunk);
        return;
    }
    decodeChunk(chunk, out);
}

int OpenAiStreamDecoder::toolIndex(std::optional<int> given)
{
    int index = 0;
    if (given) {
        index = *given;
    } else {
        // Without an index every entry is a whole new call.
        index = qMax(m_nextUnindexedToolCall, m_maxSeenToolIndex + 1);
        m_nextUnindexedToolCall = index + 1;
    }
    m_maxSeenToolIndex = qMax(m_maxSeenToolIndex, index);
    return index;
}

// What decodeChunk() makes of the same chunk, from the fields the reader took.
void OpenAiStreamDecoder::decodeFast(OpenAiChunkReader::Chunk &chunk, Output &out)
{
    ChatDelta &delta = chunk.delta;
    delta.toolCalls.reserve(chunk.toolCalls.size());
    for (OpenAiChunkReader::ToolCall &call : chunk.toolCalls) {
        ToolCallFragment fragment;
        fragment.index = toolIndex(call.index);
        fragment.id = std::move(call.id);
        fragment.name = std::move(call.name);
        fragment.argumentsDelta = std::move(call.arguments);
        delta.toolCalls.append(std::move(fragment));
    }
    if (!chunk.finishReason.isEmpty())
        delta.finishReason = normalizedFinishReason(chunk.finishReason);
    const bool carries =
        delta.hasTokens() || delta.usage || delta.server || delta.finishReason || delta.providerCostUsd;
    if (carries)
        out.deltas.append(std::move(delta));
}

void OpenAiStreamDecoder::decodeChunk(const QJsonObject &chunk, Output &out)
{
    ChatDelta delta;
    delta.responseId = chunk.value(u"id").toString();
    delta.model = chunk.value(u"model").toString();

    const QJsonArray choices = chunk.value(u"choices").toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        // Non-streamed bodies carry "message" where streams carry "delta".
        const QJsonObject d =
            choice.value(u"delta").isObject() ? choice.value(u"delta").toObject() : choice.value(u"message").toObject();
        appendContent(d.value(u"content"), delta.text, delta.reasoning);
        // Groq, Ollama, OpenRouter and Together say "reasoning"; DeepSeek and llama.cpp "reasoning_content".
        for (const char16_t *key : {u"reasoning", u"reasoning_content"}) {
            const QJsonValue r = d.value(key);
            if (r.isString())
                delta.reasoning += r.toString();
        }
        const QJsonArray calls = d.value(u"tool_calls").toArray();
        for (const QJsonValue &callValue : calls) {
            const QJsonObject call = callValue.toObject();
            ToolCallFragment fragment;
            fragment.index = toolIndex(
                call.value(u"index").isDouble() ? std::optional<int>(call.value(u"index").toInt()) : std::nullopt);
            fragment.id = call.value(u"id").toString();
            const QJsonObject function = call.value(u"function").toObject();
            fragment.name = function.value(u"name").toString();
            const QJsonValue arguments = function.value(u"arguments");
            if (arguments.isString())
                fragment.argumentsDelta = arguments.toString();
            else if (arguments.isObject()) // some servers send parsed arguments
                fragment.argumentsDelta =
                    QString::fromUtf8(QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact));
            delta.toolCalls.append(fragment);
        }
        appendExecutedTools(d.value(u"executed_tools"), delta.serverTools);
        // A final chunk may carry the whole message beside an empty delta.
        if (choice.value(u"delta").isObject())
            appendExecutedTools(choice.value(u"message").toObject().value(u"executed_tools"), delta.serverTools);
        const QJsonValue finish = choice.value(u"finish_reason");
        if (finish.isString() && !finish.toString().isEmpty())
            delta.finishReason = normalizedFinishReason(finish.toString());
    }

    const QJsonObject xGroq = chunk.value(u"x_groq").toObject();
    const QJsonValue usageValue = chunk.value(u"usage");
    QJsonObject usageObject;
    if (usageValue.isObject())
        usageObject = usageValue.toObject();
    else if (xGroq.value(u"usage").isObject())
        usageObject = xGroq.value(u"usage").toObject();
    if (!usageObject.isEmpty()) {
        const Usage usage = parseUsage(usageObject);
        if (!usage.isEmpty())
            delta.usage = usage;
        if (auto timing = groqTiming(usageObject))
            delta.server = timing;
        if (usageObject.value(u"cost").isDouble())
            delta.providerCostUsd = usageObject.value(u"cost").toDouble();
    }
    if (auto timing = llamaCppTiming(chunk.value(u"timings").toObject()))
        delta.server = timing;

    const QJsonValue errorValue = chunk.contains(u"error") ? chunk.value(u"error") : xGroq.value(u"error");
    const bool hasError = (errorValue.isObject() && !errorValue.toObject().isEmpty()) ||
                          (errorValue.isString() && !errorValue.toString().isEmpty());

    const bool carries = delta.hasTokens() || !delta.serverTools.isEmpty() || delta.usage || delta.server ||
                         delta.finishReason || delta.providerCostUsd;
    if (carries)
        out.deltas.append(delta);
    if (hasError) {
        out.error = streamError(errorValue);
        if (!chunk.contains(u"error")) // x_groq.error: Groq's own side stopped the answer
            out.error->kind = ErrorKind::Server;
    }
}

void OpenAiStreamDecoder::decodeComplete(const QByteArray &body, Output &out)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = ChatError{ErrorKind::Stream,
                              0,
                              QCoreApplication::translate("versus::OpenAiProvider",
                                                          "The provider answered with something that is neither a "
                                                          "stream nor JSON."),
                              {},
                              {}};
        return;
    }
    const QJsonObject root = doc.object();
    if (root.contains(u"error")) {
        out.error = streamError(root.value(u"error"));
        return;
    }
    if (!root.value(u"choices").isArray()) {
        out.error = ChatError{ErrorKind::Stream,
                              0,
                              QCoreApplication::translate("versus::OpenAiProvider",
                                                          "The provider answered with JSON that holds no answer."),
                              {},
                              {}};
        return;
    }
    decodeChunk(root, out);
    out.done = true;
}

} // namespace versus
