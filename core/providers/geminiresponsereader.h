// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

namespace versus {

/// The fields of one Gemini GenerateContentResponse that GeminiStreamDecoder uses, whichever
/// path read them: each as QJsonValue's accessors give it (empty for a missing field or one of
/// another type).
struct GeminiResponse {
    /// A text part (isCall false) or a function call of the first candidate, in order; parts
    /// of other kinds are left out.
    struct Part {
        bool isCall = false;
        QString text;
        bool thought = false;
        QString callId, callName, callArguments, signature;
    };
    QString responseId;
    QString modelVersion;
    bool hasUsage = false; // usageMetadata is an object
    Usage usage;           // parseGeminiUsage() of it
    QString blockReason, blockReasonMessage;
    bool hasCandidates = false; // candidates is a non-empty array
    QList<Part> parts;
    QString finishReason, finishMessage;
};

/// The fast path of GeminiStreamDecoder: reads an event's data with simdjson's On-Demand API
/// (one parser and one padded buffer, reused for every event of a response), taking only the
/// fields the dialect needs, without building QJsonObjects.
///
/// It declines (read() returns false) whatever it does not read exactly as the general path
/// (Qt's JSON parser) does, and the decoder then reads the event with that path: malformed JSON
/// (the error message stays Qt's), control bytes or surrogate escapes in the text, a key that
/// appears twice, numbers that are not plain integers where a count is read, and the rare
/// shapes: an error object, a function call with arguments (Qt re-serializes them).
class GeminiResponseReader {
public:
    GeminiResponseReader();
    ~GeminiResponseReader();
    GeminiResponseReader(GeminiResponseReader &&) noexcept;
    GeminiResponseReader &operator=(GeminiResponseReader &&) noexcept;

    /// Reads @p json (one event's data, trimmed) into @p response, which must be default-made.
    /// False: the general path must read it (@p response is then to be thrown away).
    bool read(QByteArrayView json, GeminiResponse &response);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace versus
