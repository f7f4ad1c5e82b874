// SPDX-License-Identifier: GPL-3.0-or-later
// Interim implementation; the full one lives on the metrics branch.
#include "metrics/streamtimeline.h"

namespace versus {

StreamTimeline::StreamTimeline(Clock clock)
    : m_clock(std::move(clock))
{
    m_elapsed.start();
}

qint64 StreamTimeline::nowNs() const
{
    return m_clock ? m_clock() : m_elapsed.nsecsElapsed();
}

void StreamTimeline::start()
{
    m_chunks.clear();
    m_t0 = nowNs();
    m_started = true;
}

void StreamTimeline::recordChunk(qsizetype bytes)
{
    Chunk chunk;
    chunk.tNs = nowNs();
    chunk.bytes = bytes;
    m_chunks.append(chunk);
}

void StreamTimeline::recordDelta(const ChatDelta &delta)
{
    if (m_chunks.isEmpty())
        recordChunk(0);
    Chunk &chunk = m_chunks.last();
    chunk.hasText = chunk.hasText || !delta.text.isEmpty();
    chunk.hasReasoning = chunk.hasReasoning || !delta.reasoning.isEmpty();
    chunk.hasTool = chunk.hasTool || !delta.toolCalls.isEmpty();
}

qsizetype StreamTimeline::chunkCount() const
{
    return m_chunks.size();
}

StreamMetrics StreamTimeline::metrics(const Usage &usage, const std::optional<ServerTiming> &server) const
{
    StreamMetrics m;
    m.server = server;
    m.estimated = usage.estimated;
    return m;
}

std::optional<double> StreamTimeline::liveTokensPerS(double) const
{
    return std::nullopt;
}

} // namespace versus
