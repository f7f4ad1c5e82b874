// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/anthropiceventreader.h"

#include "providers/simdjsonread.h"

#include <limits>
#include <string_view>

namespace versus {

namespace {

using namespace simdjsonread;

bool readUsage(od::value value, AnthropicEvent::Usage &u, int depth)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    unsigned seen = 0;
    return forEachField(value, [&](std::string_view key, od::value v) {
        u.present = true;
        const int d = depth + 1;
        if (key == "input_tokens")
            return once(seen, 1 << 0) && readInteger(v, u.input, d);
        if (key == "cache_read_input_tokens")
            return once(seen, 1 << 1) && readInteger(v, u.cacheRead, d);
        if (key == "cache_creation_input_tokens")
            return once(seen, 1 << 2) && readInteger(v, u.cacheWrite, d);
        if (key == "output_tokens")
            return once(seen, 1 << 3) && readInteger(v, u.output, d);
        return skip(v, d);
    });
}

bool readMessage(od::value value, AnthropicEvent &event, Repeated &id, Repeated &model, int depth)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    unsigned seen = 0;
    return forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "id")
            return once(seen, 1 << 0) && readRepeated(v, event.messageId, id, d);
        if (key == "model")
            return once(seen, 1 << 1) && readRepeated(v, event.messageModel, model, d);
        if (key == "usage")
            return once(seen, 1 << 2) && readUsage(v, event.messageUsage, d);
        return skip(v, d);
    });
}

bool readBlock(od::value value, AnthropicEvent::Block &block, int depth)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    unsigned seen = 0;
    return forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "type")
            return once(seen, 1 << 0) && readString(v, block.type, d);
        if (key == "text")
            return once(seen, 1 << 1) && readString(v, block.text, d);
        if (key == "thinking")
            return once(seen, 1 << 2) && readString(v, block.thinking, d);
        if (key == "signature")
            return once(seen, 1 << 3) && readString(v, block.signature, d);
        if (key == "data")
            return once(seen, 1 << 4) && readString(v, block.data, d);
        if (key == "id")
            return once(seen, 1 << 5) && readString(v, block.id, d);
        if (key == "name")
            return once(seen, 1 << 6) && readString(v, block.name, d);
        if (key == "input") {
            if (!once(seen, 1 << 7))
                return false;
            bool input = false;
            if (!isObject(v, input))
                return false;
            if (!input)
                return skip(v, d);
            // Streamed input starts as {}; a whole one is re-serialized by the general path.
            return forEachField(v, [](std::string_view, od::value) { return false; });
        }
        return skip(v, d);
    });
}

bool readDelta(od::value value, AnthropicEvent::Delta &delta, int depth)
{
    bool object = false;
    if (!isObject(value, object))
        return false;
    if (!object)
        return skip(value, depth);
    unsigned seen = 0;
    return forEachField(value, [&](std::string_view key, od::value v) {
        const int d = depth + 1;
        if (key == "type")
            return once(seen, 1 << 0) && readString(v, delta.type, d);
        if (key == "text")
            return once(seen, 1 << 1) && readString(v, delta.text, d);
        if (key == "thinking")
            return once(seen, 1 << 2) && readString(v, delta.thinking, d);
        if (key == "signature")
            return once(seen, 1 << 3) && readString(v, delta.signature, d);
        if (key == "partial_json")
            return once(seen, 1 << 4) && readString(v, delta.partialJson, d);
        if (key == "stop_reason")
            return once(seen, 1 << 5) && readString(v, delta.stopReason, d);
        return skip(v, d);
    });
}

// QJsonValue::toInt(): a plain integer in int's range, 0 for what is not a number.
bool readIndex(od::value value, int &index, int depth)
{
    std::optional<qint64> n;
    if (!readInteger(value, n, depth))
        return false;
    if (n && (*n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max()))
        return false;
    index = n ? int(*n) : 0;
    return true;
}

} // namespace

struct AnthropicEventReader::Impl {
    PaddedParser parser;
    Repeated id;
    Repeated model;
};

AnthropicEventReader::AnthropicEventReader()
    : d(std::make_unique<Impl>())
{
}

AnthropicEventReader::~AnthropicEventReader() = default;
AnthropicEventReader::AnthropicEventReader(AnthropicEventReader &&) noexcept = default;
AnthropicEventReader &AnthropicEventReader::operator=(AnthropicEventReader &&) noexcept = default;

bool AnthropicEventReader::read(QByteArrayView json, AnthropicEvent &event)
{
    if (json.isEmpty() || !plain(json))
        return false;
    od::document doc;
    if (!d->parser.iterate(json, doc))
        return false;
    unsigned seen = 0;
    const bool ok = forEachRootField(doc, [&](std::string_view key, od::value value) {
        if (key == "type")
            return once(seen, 1 << 0) && readString(value, event.type, 1);
        if (key == "index")
            return once(seen, 1 << 1) && readIndex(value, event.index, 1);
        if (key == "message")
            return once(seen, 1 << 2) && readMessage(value, event, d->id, d->model, 1);
        if (key == "content_block")
            return once(seen, 1 << 3) && readBlock(value, event.block, 1);
        if (key == "delta")
            return once(seen, 1 << 4) && readDelta(value, event.delta, 1);
        if (key == "usage")
            return once(seen, 1 << 5) && readUsage(value, event.usage, 1);
        if (key == "error")
            return false; // an error event: the general path
        return skip(value, 1);
    });
    return ok && event.type != u"error";
}

} // namespace versus
