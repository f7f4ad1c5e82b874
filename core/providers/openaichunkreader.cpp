// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/openaichunkreader.h"

#include "providers/simdjsonread.h"

#include <limits>
#include <string_view>
#include <utility>

namespace versus {

namespace {

using namespace simdjsonread;

// A usage object as OpenAiStreamDecoder's general path reads it (OpenAI names, DeepSeek's cache
// fields, Groq's timing floats, OpenRouter's cost).
struct UsageFields {
    bool isObject = false;
    bool hasKeys = false;
    std::optional<qint64> prompt, completion, total, reasoning, cached, cacheHit;
    std::optional<double> queue, promptTime, completionTime, totalTime, cost;
};

bool readDetails(od::value value, std::string_view wanted, std::optional<qint64> &out, int depth)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    unsigned seen = 0;
    return forEachField(value, [&](std::string_view key, od::value v) {
        if (key == wanted)
            return once(seen, 1) && readInteger(v, out, depth + 1);
        return skip(v, depth + 1);
    });
}

bool readUsage(od::value value, UsageFields &u, int depth)
{
    if (!isObject(value, u.isObject))
        return false;
    if (!u.isObject)
        return skip(value, depth);
    unsigned seen = 0;
    return forEachField(value, [&](std::string_view key, od::value v) {
        u.hasKeys = true;
        const int d = depth + 1;
        if (key == "prompt_tokens")
            return once(seen, 1 << 0) && readInteger(v, u.prompt, d);
        if (key == "completion_tokens")
            return once(seen, 1 << 1) && readInteger(v, u.completion, d);
        if (key == "total_tokens")
            return once(seen, 1 << 2) && readInteger(v, u.total, d);
        if (key == "completion_tokens_details")
            return once(seen, 1 << 3) && readDetails(v, "reasoning_tokens", u.reasoning, d);
        if (key == "prompt_tokens_details")
            return once(seen, 1 << 4) && readDetails(v, "cached_tokens", u.cached, d);
        if (key == "prompt_cache_hit_tokens")
            return once(seen, 1 << 5) && readInteger(v, u.cacheHit, d);
        if (key == "queue_time")
            return once(seen, 1 << 6) && readDouble(v, u.queue, d);
        if (key == "prompt_time")
            return once(seen, 1 << 7) && readDouble(v, u.promptTime, d);
        if (key == "completion_time")
            return once(seen, 1 << 8) && readDouble(v, u.completionTime, d);
        if (key == "total_time")
            return once(seen, 1 << 9) && readDouble(v, u.totalTime, d);
        if (key == "cost")
            return once(seen, 1 << 10) && readDouble(v, u.cost, d);
        return skip(v, d);
    });
}

void applyUsage(const UsageFields &u, ChatDelta &delta)
{
    Usage usage;
    usage.promptTokens = u.prompt;
    usage.completionTokens = u.completion;
    usage.totalTokens = u.total;
    usage.reasoningTokens = u.reasoning;
    usage.cachedPromptTokens = u.cached ? u.cached : u.cacheHit;
    if (!usage.isEmpty())
        delta.usage = usage;
    const auto ms = [](const std::optional<double> &seconds) {
        return seconds ? std::optional<double>(*seconds * 1000.0) : std::nullopt;
    };
    ServerTiming timing;
    timing.queueMs = ms(u.queue);
    timing.promptMs = ms(u.promptTime);
    timing.completionMs = ms(u.completionTime);
    timing.totalMs = ms(u.totalTime);
    if (timing.queueMs || timing.promptMs || timing.completionMs || timing.totalMs)
        delta.server = timing;
    if (u.cost)
        delta.providerCostUsd = u.cost;
}

bool readToolCall(od::value value, OpenAiChunkReader::ToolCall &call, int depth)
{
    bool object = false;
    if (!isObject(value, object) || !object)
        return false; // the general path makes an empty call of it
    unsigned seen = 0;
    return forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "index") {
            if (!once(seen, 1))
                return false;
            std::optional<qint64> index;
            if (!readInteger(v, index, d))
                return false;
            if (index && (*index < std::numeric_limits<int>::min() || *index > std::numeric_limits<int>::max()))
                return false;
            if (index)
                call.index = int(*index);
            return true;
        }
        if (key == "id")
            return once(seen, 2) && readString(v, call.id, d);
        if (key == "function") {
            if (!once(seen, 4))
                return false;
            bool isFunction = false;
            if (!isObject(v, isFunction))
                return false;
            if (!isFunction)
                return skip(v, d);
            unsigned seenInFunction = 0;
            return forEachField(v, [&](std::string_view fkey, od::value fv) {
                if (fkey == "name")
                    return once(seenInFunction, 1) && readString(fv, call.name, d + 1);
                if (fkey == "arguments") {
                    if (!once(seenInFunction, 2))
                        return false;
                    bool parsed = false;
                    if (!isObject(fv, parsed) || parsed)
                        return false; // parsed arguments: the general path re-serializes them
                    return readString(fv, call.arguments, d + 1);
                }
                return skip(fv, d + 1);
            });
        }
        return skip(v, d);
    });
}

bool readDelta(od::value value, OpenAiChunkReader::Chunk &chunk, int depth)
{
    unsigned seen = 0;
    QString reasoning;
    QString reasoningContent;
    const bool ok = forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "content") {
            if (!once(seen, 1))
                return false;
            od::json_type type;
            if (v.type().get(type) || type == od::json_type::array)
                return false; // Mistral's typed parts: the general path
            return readString(v, chunk.delta.text, d);
        }
        if (key == "reasoning")
            return once(seen, 2) && readString(v, reasoning, d);
        if (key == "reasoning_content")
            return once(seen, 4) && readString(v, reasoningContent, d);
        if (key == "tool_calls") {
            if (!once(seen, 8))
                return false;
            od::json_type type;
            if (v.type().get(type))
                return false;
            if (type != od::json_type::array)
                return skip(v, d);
            od::array calls;
            if (v.get_array().get(calls))
                return false;
            for (auto callResult : calls) {
                od::value callValue;
                OpenAiChunkReader::ToolCall call;
                if (std::move(callResult).get(callValue) || !readToolCall(callValue, call, d + 1))
                    return false;
                chunk.toolCalls.append(std::move(call));
            }
            return true;
        }
        if (key == "executed_tools")
            return false; // Groq's server tools: the general path
        return skip(v, d);
    });
    // "reasoning" (Groq, Ollama, OpenRouter, Together) before "reasoning_content" (DeepSeek,
    // llama.cpp), whatever their order in the chunk, as the general path appends them.
    chunk.delta.reasoning = reasoning + reasoningContent;
    return ok;
}

bool readChoice(od::value value, OpenAiChunkReader::Chunk &chunk, int depth)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    unsigned seen = 0;
    return forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "delta") {
            if (!once(seen, 1))
                return false;
            bool isDelta = false;
            if (!isObject(v, isDelta))
                return false;
            return isDelta ? readDelta(v, chunk, d) : skip(v, d);
        }
        if (key == "message")
            return false; // a whole message (non-streamed shape): the general path
        if (key == "finish_reason")
            return once(seen, 2) && readString(v, chunk.finishReason, d);
        return skip(v, d);
    });
}

bool readChoices(od::value value, OpenAiChunkReader::Chunk &chunk, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::array)
        return skip(value, depth);
    od::array choices;
    if (value.get_array().get(choices))
        return false;
    bool first = true;
    for (auto choiceResult : choices) {
        od::value choice;
        if (std::move(choiceResult).get(choice))
            return false;
        if (!(first ? readChoice(choice, chunk, depth + 1) : skip(choice, depth + 1)))
            return false;
        first = false;
    }
    return true;
}

} // namespace

struct OpenAiChunkReader::Impl {
    PaddedParser parser;
    Repeated id;
    Repeated model;
};

OpenAiChunkReader::OpenAiChunkReader()
    : d(std::make_unique<Impl>())
{
}

OpenAiChunkReader::~OpenAiChunkReader() = default;
OpenAiChunkReader::OpenAiChunkReader(OpenAiChunkReader &&) noexcept = default;
OpenAiChunkReader &OpenAiChunkReader::operator=(OpenAiChunkReader &&) noexcept = default;

bool OpenAiChunkReader::read(QByteArrayView json, Chunk &chunk)
{
    if (json.isEmpty() || !plain(json))
        return false;
    od::document doc;
    if (!d->parser.iterate(json, doc))
        return false;
    unsigned seen = 0;
    UsageFields usage;
    UsageFields groqUsage;
    const bool ok = forEachRootField(doc, [&](std::string_view key, od::value value) {
        if (key == "id")
            return once(seen, 1 << 0) && readRepeated(value, chunk.delta.responseId, d->id, 1);
        if (key == "model")
            return once(seen, 1 << 1) && readRepeated(value, chunk.delta.model, d->model, 1);
        if (key == "choices")
            return once(seen, 1 << 2) && readChoices(value, chunk, 1);
        if (key == "usage")
            return once(seen, 1 << 3) && readUsage(value, usage, 1);
        if (key == "x_groq") {
            if (!once(seen, 1 << 4))
                return false;
            bool object = false;
            if (!isObject(value, object))
                return false;
            unsigned seenInGroq = 0;
            return !object ? skip(value, 1) : forEachField(value, [&](std::string_view groqKey, od::value v) {
                if (groqKey == "usage")
                    return once(seenInGroq, 1) && readUsage(v, groqUsage, 2);
                if (groqKey == "error")
                    return false; // Groq stopped the answer: the general path
                return skip(v, 2);
            });
        }
        if (key == "error" || key == "timings")
            return false; // an error object or llama.cpp's timings: the general path
        return skip(value, 1);
    });
    if (!ok)
        return false;
    if (usage.isObject ? usage.hasKeys : (groqUsage.isObject && groqUsage.hasKeys))
        applyUsage(usage.isObject ? usage : groqUsage, chunk.delta);
    return true;
}

} // namespace versus
