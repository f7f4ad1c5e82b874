// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/geminiresponsereader.h"

#include "providers/simdjsonread.h"

#include <string_view>

namespace versus {

namespace {

using namespace simdjsonread;

// QJsonValue::toBool(): true only for true.
bool readBool(od::value value, bool &out, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::boolean)
        return skip(value, depth);
    return !value.get_bool().get(out);
}

// An object's fields to @p onField; any other value is skipped (QJsonValue::toObject() of it
// is empty).
template<class OnField>
bool forObjectFields(od::value value, int depth, OnField &&onField)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    return forEachField(value, std::forward<OnField>(onField));
}

// An array's elements to @p onElement(value, first); any other value is skipped.
template<class OnElement>
bool forArrayElements(od::value value, int depth, OnElement &&onElement)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::array)
        return skip(value, depth);
    od::array array;
    if (value.get_array().get(array))
        return false;
    bool first = true;
    for (auto elementResult : array) {
        od::value element;
        if (std::move(elementResult).get(element) || !onElement(element, first))
            return false;
        first = false;
    }
    return true;
}

// parseGeminiUsage().
bool readUsage(od::value value, GeminiResponse &response, int depth)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    response.hasUsage = true;
    unsigned seen = 0;
    std::optional<qint64> prompt, candidates, thoughts, cached, total;
    const bool ok = forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "promptTokenCount")
            return once(seen, 1 << 0) && readInteger(v, prompt, d);
        if (key == "candidatesTokenCount")
            return once(seen, 1 << 1) && readInteger(v, candidates, d);
        if (key == "thoughtsTokenCount")
            return once(seen, 1 << 2) && readInteger(v, thoughts, d);
        if (key == "cachedContentTokenCount")
            return once(seen, 1 << 3) && readInteger(v, cached, d);
        if (key == "totalTokenCount")
            return once(seen, 1 << 4) && readInteger(v, total, d);
        return skip(v, d);
    });
    Usage &usage = response.usage;
    usage.promptTokens = prompt;
    if (candidates || thoughts)
        usage.completionTokens = candidates.value_or(0) + thoughts.value_or(0);
    usage.reasoningTokens = thoughts;
    usage.cachedPromptTokens = cached;
    usage.totalTokens = total;
    return ok;
}

bool readFunctionCall(od::value value, GeminiResponse::Part &part, int depth)
{
    unsigned seen = 0;
    part.callArguments = QStringLiteral("{}");
    return forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "id")
            return once(seen, 1 << 0) && readString(v, part.callId, d);
        if (key == "name")
            return once(seen, 1 << 1) && readString(v, part.callName, d);
        if (key == "args") {
            if (!once(seen, 1 << 2))
                return false;
            // Arguments are re-serialized by the general path; only none ({} or not an object)
            // is read here.
            return forObjectFields(v, d, [](std::string_view, od::value) { return false; });
        }
        return skip(v, d);
    });
}

// A part as the general path takes it: a function call when "functionCall" is an object, else
// text when "text" is a string, else nothing (@p keep false).
bool readPart(od::value value, GeminiResponse::Part &part, bool &keep, int depth)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    unsigned seen = 0;
    bool hasText = false;
    const bool ok = forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "functionCall") {
            if (!once(seen, 1 << 0))
                return false;
            bool call = false;
            if (!isObject(v, call))
                return false;
            if (!call)
                return skip(v, d);
            part.isCall = true;
            return readFunctionCall(v, part, d);
        }
        if (key == "text") {
            if (!once(seen, 1 << 1))
                return false;
            od::json_type type;
            if (v.type().get(type))
                return false;
            hasText = type == od::json_type::string;
            return readString(v, part.text, d);
        }
        if (key == "thought")
            return once(seen, 1 << 2) && readBool(v, part.thought, d);
        if (key == "thoughtSignature")
            return once(seen, 1 << 3) && readString(v, part.signature, d);
        return skip(v, d);
    });
    keep = part.isCall || hasText;
    return ok;
}

bool readCandidate(od::value value, GeminiResponse &response, int depth)
{
    unsigned seen = 0;
    return forObjectFields(value, depth, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "content") {
            if (!once(seen, 1 << 0))
                return false;
            unsigned seenInContent = 0;
            return forObjectFields(v, d, [&](std::string_view contentKey, od::value cv) {
                if (contentKey != "parts")
                    return skip(cv, d + 1);
                if (!once(seenInContent, 1))
                    return false;
                return forArrayElements(cv, d + 1, [&](od::value partValue, bool) {
                    GeminiResponse::Part part;
                    bool keep = false;
                    if (!readPart(partValue, part, keep, d + 2))
                        return false;
                    if (keep)
                        response.parts.append(std::move(part));
                    return true;
                });
            });
        }
        if (key == "finishReason")
            return once(seen, 1 << 1) && readString(v, response.finishReason, d);
        if (key == "finishMessage")
            return once(seen, 1 << 2) && readString(v, response.finishMessage, d);
        return skip(v, d);
    });
}

} // namespace

struct GeminiResponseReader::Impl {
    PaddedParser parser;
    Repeated id;
    Repeated model;
};

GeminiResponseReader::GeminiResponseReader()
    : d(std::make_unique<Impl>())
{
}

GeminiResponseReader::~GeminiResponseReader() = default;
GeminiResponseReader::GeminiResponseReader(GeminiResponseReader &&) noexcept = default;
GeminiResponseReader &GeminiResponseReader::operator=(GeminiResponseReader &&) noexcept = default;

bool GeminiResponseReader::read(QByteArrayView json, GeminiResponse &response)
{
    if (json.isEmpty() || !plain(json))
        return false;
    od::document doc;
    if (!d->parser.iterate(json, doc))
        return false;
    unsigned seen = 0;
    return forEachRootField(doc, [&](std::string_view key, od::value value) {
        if (key == "responseId")
            return once(seen, 1 << 0) && readRepeated(value, response.responseId, d->id, 1);
        if (key == "modelVersion")
            return once(seen, 1 << 1) && readRepeated(value, response.modelVersion, d->model, 1);
        if (key == "usageMetadata")
            return once(seen, 1 << 2) && readUsage(value, response, 1);
        if (key == "promptFeedback") {
            if (!once(seen, 1 << 3))
                return false;
            unsigned seenInFeedback = 0;
            return forObjectFields(value, 1, [&](std::string_view feedbackKey, od::value v) {
                if (feedbackKey == "blockReason")
                    return once(seenInFeedback, 1) && readString(v, response.blockReason, 2);
                if (feedbackKey == "blockReasonMessage")
                    return once(seenInFeedback, 2) && readString(v, response.blockReasonMessage, 2);
                return skip(v, 2);
            });
        }
        if (key == "candidates") {
            if (!once(seen, 1 << 4))
                return false;
            return forArrayElements(value, 1, [&](od::value candidate, bool first) {
                response.hasCandidates = true;
                return first ? readCandidate(candidate, response, 2) : skip(candidate, 2);
            });
        }
        if (key == "error") {
            bool object = false;
            if (!isObject(value, object) || object)
                return false; // an error object: the general path
            return once(seen, 1 << 5) && skip(value, 1);
        }
        return skip(value, 1);
    });
}

} // namespace versus
