// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace versus {

/// The fast path of SynesiaStreamDecoder for the events that make up nearly all of a stream:
/// `text.delta`, `chunk` and `reasoning.delta` (and the events that carry nothing for the
/// answer: `start`, `text.start`, `tool_block.*`, types this version does not know). Reads them
/// with simdjson's On-Demand API, one parser and one padded buffer reused per response.
///
/// It declines (read() returns false) whatever it does not read exactly as the general path
/// (Qt's JSON parser) does, and the decoder then reads the event with that path: malformed JSON
/// (the error message stays Qt's), control bytes or surrogate escapes in the text, a key that
/// appears twice, and the rare events: `done`/`end` (usage with its alternative names), `error`,
/// `internal_tool.*`.
class SynesiaEventReader {
public:
    /// The event's "type" (empty when it is not a string) and its text: the first of "delta",
    /// "content", "text" that is a string, as the general path takes it.
    struct Event {
        QString type;
        QString text;
    };

    SynesiaEventReader();
    ~SynesiaEventReader();
    SynesiaEventReader(SynesiaEventReader &&) noexcept;
    SynesiaEventReader &operator=(SynesiaEventReader &&) noexcept;

    /// Reads @p json (one event's data, trimmed) into @p event, which must be default-made.
    /// False: the general path must read it (@p event is then to be thrown away).
    bool read(QByteArrayView json, Event &event);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace versus
