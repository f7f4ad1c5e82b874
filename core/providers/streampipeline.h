// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/responseaccumulator.h"
#include "providers/streamdecoder.h"
#include "sse/sseparser.h"

#include <QByteArrayView>
#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace versus {

class StreamTimeline;

/// The streaming hot path of one response: bytes -> SSE parser -> dialect decoder ->
/// timeline -> accumulator. The one copy that ChatStream, the benchmark, the fuzzers and
/// the split-decode tests all run. Pure: no QObject, no network.
///
/// A pipeline serves one response; a retry starts with a new one.
class StreamPipeline {
public:
    /// Called for each delta right after the timeline and the accumulator took it. Returning
    /// false stops the feed there: the rest of the read is neither decoded nor applied (a
    /// receiver cancelled).
    using DeltaVisitor = std::function<bool(const ChatDelta &)>;

    /// @p decoder is the dialect's (Provider::createDecoder()). @p timeline, when given, is
    /// not owned and must outlive the pipeline; reads and deltas are stamped on it.
    explicit StreamPipeline(std::unique_ptr<StreamDecoder> decoder, StreamTimeline *timeline = nullptr,
                            sse::SseLimits limits = {});
    ~StreamPipeline();
    StreamPipeline(StreamPipeline &&) noexcept;
    StreamPipeline &operator=(StreamPipeline &&) noexcept;

    /// One network read of an SSE body: stamps it on the timeline before any parsing, then
    /// parses it and decodes and applies every event completed by it. Decoding stops after
    /// an event that reports an error. Returns false when the stream must stop: the dialect
    /// reported an error (error()), an SSE limit was exceeded (limitError()), or @p visitor
    /// returned false.
    bool feed(QByteArrayView bytes, const DeltaVisitor &visitor = {});

    /// Decodes and applies a complete non-SSE JSON body (a server that ignored stream:true,
    /// or a 200 response carrying an error object). Returns false as feed() does.
    bool feedComplete(const QByteArray &body, const DeltaVisitor &visitor = {});

    /// The body ended. True when an event was pending without its closing blank line (it is
    /// dropped) or after a limit error; see sse::SseParser::finish().
    bool finish();

    /// The deltas applied by the last feed() or feedComplete(), in order.
    const QList<ChatDelta> &deltas() const { return m_deltas; }
    /// Events decoded so far.
    qint64 events() const { return m_events; }
    /// The dialect's end-of-stream marker arrived.
    bool sawDone() const { return m_doneMarkers > 0; }
    /// End-of-stream markers seen; more than one is output after the end.
    int doneMarkers() const { return m_doneMarkers; }
    /// Events after the end marker that produced deltas or an error.
    int outputsAfterDone() const { return m_outputsAfterDone; }
    /// The first error the stream itself reported; decoding stopped there.
    const std::optional<ChatError> &error() const { return m_error; }
    /// Set when the SSE parser stopped at a limit (sse::SseLimits).
    std::optional<sse::SseError> limitError() const;
    const sse::SseLimits &limits() const { return m_limits; }

    const ResponseAccumulator &accumulator() const { return m_accumulator; }
    ResponseAccumulator &accumulator() { return m_accumulator; }
    const ChatResult &result() const { return m_accumulator.result(); }
    ChatResult &result() { return m_accumulator.result(); }

private:
    bool apply(StreamDecoder::Output &output, const DeltaVisitor &visitor);

    sse::SseLimits m_limits;
    sse::SseParser m_parser;
    std::unique_ptr<StreamDecoder> m_decoder;
    StreamTimeline *m_timeline = nullptr;
    ResponseAccumulator m_accumulator;
    QList<sse::SseEvent> m_eventBuffer; // reused between reads
    QList<ChatDelta> m_deltas;
    StreamDecoder::Output m_output; // reused between events
    std::optional<ChatError> m_error;
    qint64 m_events = 0;
    int m_doneMarkers = 0;
    int m_outputsAfterDone = 0;
};

} // namespace versus
