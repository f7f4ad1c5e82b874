// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace versus {

/// The fast path of OpenAiStreamDecoder: reads the common shapes of an OpenAI-compatible stream
/// chunk with simdjson's On-Demand API (one parser and one padded buffer, reused for every chunk
/// of a response), taking only the fields the dialect needs, without building QJsonObjects.
///
/// It declines (read() returns false) whatever it does not decode exactly as the general path
/// (Qt's JSON parser) does, and then the decoder decodes the chunk with that path: malformed
/// JSON (so the error message stays Qt's, with its offset), control bytes or surrogate escapes
/// in the text, a key that appears twice, numbers that are not plain integers where an integer
/// is read, and the rare shapes: an "error" (top level or x_groq), a choice's "message",
/// content given as parts, "executed_tools", parsed (object) tool arguments, llama.cpp's
/// "timings". Nothing is changed when it declines.
class OpenAiChunkReader {
public:
    /// One tool-call entry; the index is resolved by the decoder (it keeps state for entries
    /// without one).
    struct ToolCall {
        std::optional<int> index;
        QString id;
        QString name;
        QString arguments;
    };
    /// What a chunk holds. delta.toolCalls stays empty (see toolCalls); finishReason is raw.
    struct Chunk {
        ChatDelta delta;
        QList<ToolCall> toolCalls;
        QString finishReason;
    };

    OpenAiChunkReader();
    ~OpenAiChunkReader();
    OpenAiChunkReader(OpenAiChunkReader &&) noexcept;
    OpenAiChunkReader &operator=(OpenAiChunkReader &&) noexcept;

    /// Reads @p json (one event's data, trimmed) into @p chunk, which must be default-made.
    /// False: the general path must decode it (@p chunk is then to be thrown away).
    bool read(QByteArrayView json, Chunk &chunk);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace versus
