// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace versus {

/// The fields of one Anthropic stream event that AnthropicStreamDecoder uses, whichever path
/// read them: each as QJsonValue::toString()/toInt()/toObject() give it (empty, 0 or absent
/// for a missing field or one of another type).
struct AnthropicEvent {
    /// A usage object's counts; present: the object is there and has a key.
    struct Usage {
        bool present = false;
        std::optional<qint64> input, cacheRead, cacheWrite, output;
    };
    /// content_block of content_block_start (inputJson: a non-empty "input", compact).
    struct Block {
        QString type, text, thinking, signature, data, id, name, inputJson;
    };
    /// "delta" of content_block_delta and of message_delta.
    struct Delta {
        QString type, text, thinking, signature, partialJson, stopReason;
    };

    QString type; // the data's own "type"
    int index = 0;
    QString messageId;
    QString messageModel;
    Usage messageUsage; // message_start's message.usage
    Block block;
    Delta delta;
    Usage usage; // message_delta's usage
};

/// The fast path of AnthropicStreamDecoder: reads an event's data with simdjson's On-Demand API
/// (one parser and one padded buffer, reused for every event of a response), taking only the
/// fields the dialect needs, without building QJsonObjects.
///
/// It declines (read() returns false) whatever it does not read exactly as the general path
/// (Qt's JSON parser) does, and the decoder then reads the event with that path: malformed JSON
/// (the error message stays Qt's), control bytes or surrogate escapes in the text, a key that
/// appears twice, numbers that are not plain integers where an integer is read, and the rare
/// shapes: an error event, a tool_use block whose input is given whole.
class AnthropicEventReader {
public:
    AnthropicEventReader();
    ~AnthropicEventReader();
    AnthropicEventReader(AnthropicEventReader &&) noexcept;
    AnthropicEventReader &operator=(AnthropicEventReader &&) noexcept;

    /// Reads @p json (one event's data, trimmed) into @p event, which must be default-made.
    /// False: the general path must read it (@p event is then to be thrown away).
    bool read(QByteArrayView json, AnthropicEvent &event);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace versus
