// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/streampipeline.h"

#include "metrics/streamtimeline.h"

namespace versus {

StreamPipeline::StreamPipeline(std::unique_ptr<StreamDecoder> decoder, StreamTimeline *timeline, sse::SseLimits limits)
    : m_limits(limits)
    , m_parser(limits)
    , m_decoder(std::move(decoder))
    , m_timeline(timeline)
{
}

StreamPipeline::~StreamPipeline() = default;
StreamPipeline::StreamPipeline(StreamPipeline &&) noexcept = default;
StreamPipeline &StreamPipeline::operator=(StreamPipeline &&) noexcept = default;

std::optional<sse::SseError> StreamPipeline::limitError() const
{
    if (m_parser.error() == sse::SseError::None)
        return std::nullopt;
    return m_parser.error();
}

bool StreamPipeline::feed(QByteArrayView bytes, const DeltaVisitor &visitor)
{
    m_deltas.clear();
    // Stamp the read before any parsing: the events decoded from it share this time.
    if (m_timeline)
        m_timeline->recordChunk(bytes.size());
    m_eventBuffer.clear();
    const bool parsed = m_parser.feed(bytes, m_eventBuffer);
    for (const sse::SseEvent &event : std::as_const(m_eventBuffer)) {
        if (m_error)
            return false; // nothing after the stream's own error counts
        // One Output for every event: its list keeps its storage from one event to the next.
        m_output.deltas.clear();
        m_output.error.reset();
        m_output.done = false;
        m_decoder->decode(event, m_output);
        ++m_events;
        if (!apply(m_output, visitor))
            return false;
    }
    return parsed && !m_error;
}

bool StreamPipeline::feedComplete(const QByteArray &body, const DeltaVisitor &visitor)
{
    m_deltas.clear();
    StreamDecoder::Output output;
    m_decoder->decodeComplete(body, output);
    return apply(output, visitor) && !m_error;
}

bool StreamPipeline::finish()
{
    return m_parser.finish();
}

bool StreamPipeline::apply(StreamDecoder::Output &output, const DeltaVisitor &visitor)
{
    if (m_doneMarkers > 0 && (!output.deltas.isEmpty() || output.error))
        ++m_outputsAfterDone;
    for (const ChatDelta &delta : std::as_const(output.deltas)) {
        if (m_timeline)
            m_timeline->recordDelta(delta);
        m_accumulator.add(delta);
        m_deltas.append(delta);
        if (visitor && !visitor(delta))
            return false;
    }
    if (output.done)
        ++m_doneMarkers;
    if (output.error && !m_error)
        m_error = std::move(output.error);
    return true;
}

} // namespace versus
