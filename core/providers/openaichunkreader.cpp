// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/openaichunkreader.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <simdjson.h>
#include <string_view>
#include <utility>
#include <vector>

namespace versus {

namespace od = simdjson::ondemand;

namespace {

// Deeper than this the general path decides (Qt's parser has its own nesting limit).
constexpr int maxDepth = 64;

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Bytes the general path may read differently: control bytes (raw, not escaped) and escaped
// UTF-16 surrogates (lone ones are where JSON parsers disagree). Both are rare in a chunk.
// Eight bytes at a time; a word holding a control byte or a backslash is looked at bytewise.
bool plain(QByteArrayView json)
{
    const char *p = json.data();
    const char *end = p + json.size();
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    while (p < end) {
        if (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            const quint64 below20 = (word - ones * 0x20) & ~word & highs;
            const quint64 other = word ^ (ones * quint64('\\'));
            const quint64 backslash = (other - ones) & ~other & highs;
            if (!(below20 | backslash)) {
                p += 8;
                continue;
            }
        }
        // Bytewise to the end of this word; an escape is skipped whole, even into the next one.
        const char *stop = std::min(p + 8, end);
        while (p < stop) {
            if (static_cast<unsigned char>(*p) < 0x20)
                return false;
            if (*p == '\\') {
                if (end - p >= 3 && p[1] == 'u' && (p[2] | 0x20) == 'd')
                    return false;
                p += 2;
            } else {
                ++p;
            }
        }
    }
    return true;
}

// Consumes any value, checking it as a parser would (On-Demand only checks what is read).
bool skip(od::value value, int depth)
{
    if (depth > maxDepth)
        return false;
    od::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (value.get_object().get(object))
            return false;
        for (auto fieldResult : object) {
            od::field field;
            std::string_view key;
            if (std::move(fieldResult).get(field) || field.unescaped_key().get(key) || !skip(field.value(), depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array))
            return false;
        for (auto elementResult : array) {
            od::value element;
            if (std::move(elementResult).get(element) || !skip(element, depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::string: {
        std::string_view s;
        return !value.get_string().get(s);
    }
    case od::json_type::number: {
        od::number n;
        return !value.get_number().get(n);
    }
    case od::json_type::boolean: {
        bool b = false;
        return !value.get_bool().get(b);
    }
    case od::json_type::null: {
        bool isNull = false;
        return !value.is_null().get(isNull) && isNull;
    }
    }
    return false;
}

// QJsonValue::toString(): the string, or empty for any other value.
bool readString(od::value value, QString &out, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::string)
        return skip(value, depth);
    std::string_view s;
    if (value.get_string().get(s))
        return false;
    out = text(s);
    return true;
}

// A string most chunks of a response repeat (its id, the model): the text of the last one is
// kept, so a repeat costs a comparison instead of a conversion and an allocation.
struct Repeated {
    QByteArray utf8;
    QString text;
};

bool readRepeated(od::value value, QString &out, Repeated &last, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::string)
        return skip(value, depth);
    std::string_view s;
    if (value.get_string().get(s))
        return false;
    const QByteArrayView utf8(s.data(), qsizetype(s.size()));
    if (utf8 != last.utf8) {
        last.utf8 = utf8.toByteArray();
        last.text = text(s);
    }
    out = last.text;
    return true;
}

// QJsonValue::isDouble() + toInteger(): only plain integers are taken; other numbers decline.
bool readInteger(od::value value, std::optional<qint64> &out, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::number)
        return skip(value, depth);
    od::number_type numberType;
    if (value.get_number_type().get(numberType) || numberType != od::number_type::signed_integer)
        return false;
    int64_t n = 0;
    if (value.get_int64().get(n))
        return false;
    out = n;
    return true;
}

// QJsonValue::isDouble() + toDouble().
bool readDouble(od::value value, std::optional<double> &out, int depth)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::number)
        return skip(value, depth);
    double n = 0;
    if (value.get_double().get(n))
        return false;
    out = n;
    return true;
}

// Marks @p bit in @p seen; false when it was already there (a repeated key: the general path
// decides which one counts).
bool once(unsigned &seen, unsigned bit)
{
    if (seen & bit)
        return false;
    seen |= bit;
    return true;
}

// An object's fields, each handed to @p onField(key, value) -> bool; false stops.
template<class OnField>
bool forEachField(od::value value, OnField &&onField)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    for (auto fieldResult : object) {
        od::field field;
        std::string_view key;
        if (std::move(fieldResult).get(field) || field.unescaped_key().get(key) || !onField(key, field.value()))
            return false;
    }
    return true;
}

bool isObject(od::value value, bool &object)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    object = type == od::json_type::object;
    return true;
}

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
    od::parser parser;
    std::vector<char> buffer; // the chunk, then SIMDJSON_PADDING bytes simdjson may read past it
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
    const size_t size = size_t(json.size());
    if (d->buffer.size() < size + simdjson::SIMDJSON_PADDING)
        d->buffer.resize(size + simdjson::SIMDJSON_PADDING + size / 2); // zero-filled, grows rarely
    std::memcpy(d->buffer.data(), json.data(), size);

    od::document doc;
    if (d->parser.iterate(d->buffer.data(), size, d->buffer.size()).get(doc))
        return false;
    od::object root;
    if (doc.get_object().get(root))
        return false;
    unsigned seen = 0;
    UsageFields usage;
    UsageFields groqUsage;
    for (auto fieldResult : root) {
        od::field field;
        std::string_view key;
        if (std::move(fieldResult).get(field) || field.unescaped_key().get(key))
            return false;
        od::value value = field.value();
        bool ok = false;
        if (key == "id") {
            ok = once(seen, 1 << 0) && readRepeated(value, chunk.delta.responseId, d->id, 1);
        } else if (key == "model") {
            ok = once(seen, 1 << 1) && readRepeated(value, chunk.delta.model, d->model, 1);
        } else if (key == "choices") {
            ok = once(seen, 1 << 2) && readChoices(value, chunk, 1);
        } else if (key == "usage") {
            ok = once(seen, 1 << 3) && readUsage(value, usage, 1);
        } else if (key == "x_groq") {
            if (!once(seen, 1 << 4))
                return false;
            bool object = false;
            if (!isObject(value, object))
                return false;
            unsigned seenInGroq = 0;
            ok = !object ? skip(value, 1) : forEachField(value, [&](std::string_view groqKey, od::value v) {
                if (groqKey == "usage")
                    return once(seenInGroq, 1) && readUsage(v, groqUsage, 2);
                if (groqKey == "error")
                    return false; // Groq stopped the answer: the general path
                return skip(v, 2);
            });
        } else if (key == "error" || key == "timings") {
            return false; // an error object or llama.cpp's timings: the general path
        } else {
            ok = skip(value, 1);
        }
        if (!ok)
            return false;
    }
    // At the end of the input, nothing after the object (the general path reports what is).
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
        return false;
    if (usage.isObject ? usage.hasKeys : (groqUsage.isObject && groqUsage.hasKeys))
        applyUsage(usage.isObject ? usage : groqUsage, chunk.delta);
    return true;
}

} // namespace versus
