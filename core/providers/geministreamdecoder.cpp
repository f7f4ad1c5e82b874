// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/geministreamdecoder.h"

#include "chat/chatjson.h"
#include "net/ratelimitheaders.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace versus {

namespace {

ChatError streamError(const QString &message, const QString &code = {})
{
    ChatError error = ChatError::make(ErrorKind::Stream, message);
    error.code = code;
    return error;
}

// Finish reasons that mean a filter stopped the candidate; the words are Gemini's enum names.
bool isFilterFinish(const QString &reason)
{
    static const QStringList filters{QStringLiteral("SAFETY"),    QStringLiteral("RECITATION"),
                                     QStringLiteral("BLOCKLIST"), QStringLiteral("PROHIBITED_CONTENT"),
                                     QStringLiteral("SPII"),      QStringLiteral("IMAGE_SAFETY"),
                                     QStringLiteral("LANGUAGE")};
    return filters.contains(reason);
}

bool isBrokenCallFinish(const QString &reason)
{
    return reason == u"MALFORMED_FUNCTION_CALL" || reason == u"UNEXPECTED_TOOL_CALL" ||
           reason == u"TOO_MANY_TOOL_CALLS";
}

ErrorKind kindFromStatusName(const QString &status, int code, bool *known)
{
    *known = true;
    if (status == u"UNAUTHENTICATED" || status == u"PERMISSION_DENIED")
        return ErrorKind::Auth;
    if (status == u"RESOURCE_EXHAUSTED")
        return ErrorKind::RateLimit;
    if (status == u"NOT_FOUND")
        return ErrorKind::NotFound;
    if (status == u"INVALID_ARGUMENT" || status == u"FAILED_PRECONDITION" || status == u"OUT_OF_RANGE")
        return ErrorKind::BadRequest;
    if (status == u"INTERNAL" || status == u"UNAVAILABLE" || status == u"UNKNOWN" || status == u"ABORTED")
        return ErrorKind::Server;
    if (status == u"DEADLINE_EXCEEDED")
        return ErrorKind::Timeout;
    if (status == u"CANCELLED")
        return ErrorKind::Server;
    *known = false;
    if (code == 401 || code == 403)
        return ErrorKind::Auth;
    if (code == 404)
        return ErrorKind::NotFound;
    if (code == 429)
        return ErrorKind::RateLimit;
    if (code == 408 || code == 504)
        return ErrorKind::Timeout;
    if (code >= 500)
        return ErrorKind::Server;
    return ErrorKind::BadRequest;
}

// The general path's reading of the fields GeminiResponseReader reads.
GeminiResponse responseFromJson(const QJsonObject &response)
{
    GeminiResponse r;
    r.responseId = response.value(u"responseId").toString();
    r.modelVersion = response.value(u"modelVersion").toString();
    r.hasUsage = response.value(u"usageMetadata").isObject();
    if (r.hasUsage)
        r.usage = parseGeminiUsage(response.value(u"usageMetadata").toObject());
    const QJsonObject feedback = response.value(u"promptFeedback").toObject();
    r.blockReason = feedback.value(u"blockReason").toString();
    r.blockReasonMessage = feedback.value(u"blockReasonMessage").toString();
    const QJsonArray candidates = response.value(u"candidates").toArray();
    r.hasCandidates = !candidates.isEmpty();
    const QJsonObject candidate = candidates.at(0).toObject();
    for (const QJsonValue &value : candidate.value(u"content").toObject().value(u"parts").toArray()) {
        const QJsonObject part = value.toObject();
        GeminiResponse::Part p;
        if (part.value(u"functionCall").isObject()) {
            const QJsonObject call = part.value(u"functionCall").toObject();
            p.isCall = true;
            p.callId = call.value(u"id").toString();
            p.callName = call.value(u"name").toString();
            const QJsonValue args = call.value(u"args");
            p.callArguments = args.isObject()
                                  ? QString::fromUtf8(QJsonDocument(args.toObject()).toJson(QJsonDocument::Compact))
                                  : QStringLiteral("{}");
            p.signature = part.value(u"thoughtSignature").toString();
        } else if (part.value(u"text").isString()) {
            p.text = part.value(u"text").toString();
            p.thought = part.value(u"thought").toBool();
        } else {
            continue; // inlineData, executableCode and other part kinds are not part of a text answer
        }
        r.parts.append(p);
    }
    r.finishReason = candidate.value(u"finishReason").toString();
    r.finishMessage = candidate.value(u"finishMessage").toString();
    return r;
}

} // namespace

Usage parseGeminiUsage(const QJsonObject &u)
{
    Usage usage;
    usage.promptTokens = intField(u, u"promptTokenCount");
    const std::optional<qint64> candidates = intField(u, u"candidatesTokenCount");
    const std::optional<qint64> thoughts = intField(u, u"thoughtsTokenCount");
    if (candidates || thoughts)
        usage.completionTokens = candidates.value_or(0) + thoughts.value_or(0);
    usage.reasoningTokens = thoughts;
    usage.cachedPromptTokens = intField(u, u"cachedContentTokenCount");
    usage.totalTokens = intField(u, u"totalTokenCount");
    return usage;
}

ChatError geminiError(const QJsonObject &e, int httpStatus)
{
    ChatError error;
    error.httpStatus = httpStatus;
    error.message = e.value(u"message").toString().trimmed();
    const QString status = e.value(u"status").toString();
    const int code = e.value(u"code").toInt(httpStatus);
    error.code = status.isEmpty() && code ? QString::number(code) : status;
    bool known = false;
    error.kind = kindFromStatusName(status, httpStatus ? httpStatus : code, &known);

    bool retryInfo = false;
    for (const QJsonValue &value : e.value(u"details").toArray()) {
        const QJsonObject detail = value.toObject();
        const QString type = detail.value(u"@type").toString();
        const QString reason = detail.value(u"reason").toString();
        if (reason == u"API_KEY_INVALID" || reason == u"API_KEY_EXPIRED" || reason == u"API_KEY_SERVICE_BLOCKED") {
            error.kind = ErrorKind::Auth;
            error.code = reason;
        }
        if (type.endsWith(u"google.rpc.RetryInfo")) {
            if (auto seconds = net::parseDurationSeconds(detail.value(u"retryDelay").toString().toUtf8())) {
                error.retryAfterS = seconds;
                retryInfo = true;
            }
        }
    }
    // Every 429 of the Gemini API says "You exceeded your current quota"; one that names no
    // time to wait (billing not set up, a spending cap) will not pass by waiting.
    if (error.kind == ErrorKind::RateLimit && !retryInfo) {
        const QString lower = error.message.toLower();
        if (lower.contains(u"billing") || lower.contains(u"spending cap") || lower.contains(u"prepayment"))
            error.kind = ErrorKind::Quota;
    }
    if (error.message.isEmpty())
        error.message =
            status.isEmpty()
                ? QCoreApplication::translate("versus::GeminiProvider", "Gemini reported an error without saying why.")
                : QCoreApplication::translate("versus::GeminiProvider", "Gemini reported %1.").arg(status);
    return error;
}

void GeminiStreamDecoder::decode(const sse::SseEvent &event, Output &out)
{
    const QByteArray data = event.data.trimmed();
    if (data.isEmpty())
        return;
    if (m_fastPath && !m_stopped) {
        GeminiResponse response;
        if (m_reader.read(data, response)) {
            ++m_fastEvents;
            applyResponse(response, out);
            return;
        }
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = streamError(
            QCoreApplication::translate("versus::GeminiProvider", "Gemini sent a malformed event (%1 at byte %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset));
        return;
    }
    decodeResponse(doc.object(), out);
}

void GeminiStreamDecoder::decodeComplete(const QByteArray &body, Output &out)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || (!doc.isObject() && !doc.isArray())) {
        out.error = streamError(QCoreApplication::translate(
            "versus::GeminiProvider", "Gemini answered with something that is neither a stream nor JSON."));
        return;
    }
    QJsonArray responses;
    if (doc.isArray())
        responses = doc.array();
    else
        responses.append(doc.object());
    if (responses.isEmpty()) {
        out.error = streamError(
            QCoreApplication::translate("versus::GeminiProvider", "Gemini answered with JSON that holds no answer."));
        return;
    }
    for (const QJsonValue &value : std::as_const(responses)) {
        if (!value.isObject()) {
            out.error = streamError(QCoreApplication::translate("versus::GeminiProvider",
                                                                "Gemini answered with JSON that holds no answer."));
            return;
        }
        decodeResponse(value.toObject(), out);
        if (out.error)
            return;
    }
}

void GeminiStreamDecoder::decodeResponse(const QJsonObject &response, Output &out)
{
    if (m_stopped)
        return;
    if (response.value(u"error").isObject()) {
        out.error = geminiError(response.value(u"error").toObject(), 0);
        m_stopped = true;
        return;
    }

    applyResponse(responseFromJson(response), out);
}

// An error object is read by the general path only (decodeResponse()); the rest by either.
void GeminiStreamDecoder::applyResponse(const GeminiResponse &response, Output &out)
{
    if (m_stopped)
        return;
    ChatDelta delta;
    delta.responseId = response.responseId;
    delta.model = response.modelVersion;
    if (response.hasUsage && !response.usage.isEmpty())
        delta.usage = response.usage;

    if (!response.blockReason.isEmpty() && !response.hasCandidates) {
        out.deltas.append(delta); // its usage still counts
        QString message = QCoreApplication::translate("versus::GeminiProvider", "Gemini blocked the prompt: %1.")
                              .arg(response.blockReason);
        if (!response.blockReasonMessage.isEmpty())
            message += u' ' + response.blockReasonMessage;
        out.error = ChatError::make(ErrorKind::BadRequest, message);
        out.error->code = response.blockReason;
        m_stopped = true;
        return;
    }

    for (const GeminiResponse::Part &part : response.parts) {
        if (part.isCall) {
            ToolCallFragment fragment;
            fragment.index = m_functionCalls;
            fragment.id = part.callId;
            if (fragment.id.isEmpty())
                fragment.id = QStringLiteral("call_%1").arg(m_functionCalls);
            fragment.name = part.callName;
            fragment.argumentsDelta = part.callArguments;
            fragment.signature = part.signature;
            delta.toolCalls.append(fragment);
            ++m_functionCalls;
        } else if (part.thought) {
            delta.reasoning += part.text;
        } else {
            delta.text += part.text;
        }
    }

    const QString &finish = response.finishReason;
    std::optional<ChatError> stop;
    if (!finish.isEmpty() && finish != u"FINISH_REASON_UNSPECIFIED") {
        const QString &detail = response.finishMessage;
        if (finish == u"STOP")
            delta.finishReason = m_functionCalls > 0 ? QStringLiteral("tool_calls") : QStringLiteral("stop");
        else if (finish == u"MAX_TOKENS")
            delta.finishReason = QStringLiteral("length");
        else if (isFilterFinish(finish))
            delta.finishReason = QStringLiteral("content_filter");
        else
            delta.finishReason = finish.toLower();
        if (isFilterFinish(finish)) {
            stop = ChatError::make(
                ErrorKind::BadRequest,
                QCoreApplication::translate("versus::GeminiProvider", "Gemini stopped the answer: %1.").arg(finish));
        } else if (isBrokenCallFinish(finish)) {
            stop = streamError(QCoreApplication::translate(
                                   "versus::GeminiProvider",
                                   "Gemini stopped the answer: %1 (the model did not produce a valid function call).")
                                   .arg(finish));
        }
        if (stop) {
            stop->code = finish;
            if (!detail.isEmpty())
                stop->message += u' ' + detail;
        }
    }
    if (delta.hasTokens() || delta.usage || delta.finishReason || !delta.responseId.isEmpty() || !delta.model.isEmpty())
        out.deltas.append(delta);
    if (stop) {
        out.error = stop;
        m_stopped = true;
    }
}

} // namespace versus
