// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/streamtimeline.h"

#include "metrics/percentile.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace versus {

namespace {
constexpr double kNsPerMs = 1e6;
constexpr double kNsPerS = 1e9;

double toMs(qint64 ns)
{
    return double(ns) / kNsPerMs;
}
} // namespace

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
    m_answerChars = {};
    m_reasoningChars = {};
    m_toolChars = {};
    m_bytes = 0;
    m_firstTokenNs = -1;
    m_t0 = nowNs();
    m_started = true;
}

void StreamTimeline::recordChunk(qsizetype bytes)
{
    if (!m_started)
        return;
    m_chunks.append(Chunk{nowNs(), bytes});
    m_bytes += bytes;
}

void StreamTimeline::recordDelta(const ChatDelta &delta)
{
    if (!m_started)
        return;
    // A delta fed without its read (a transport that decodes without reporting reads) is
    // stamped as a read of its own rather than lost.
    if (m_chunks.isEmpty())
        m_chunks.append(Chunk{nowNs(), 0});
    Chunk &chunk = m_chunks.last();
    if (!delta.text.isEmpty()) {
        const CharCounts counts = CharCounts::of(delta.text);
        m_answerChars += counts;
        chunk.baseTokens += counts.baseTokens();
        chunk.hasText = true;
    }
    if (!delta.reasoning.isEmpty()) {
        const CharCounts counts = CharCounts::of(delta.reasoning);
        m_reasoningChars += counts;
        chunk.baseTokens += counts.baseTokens();
        chunk.hasReasoning = true;
    }
    for (const ToolCallFragment &fragment : delta.toolCalls) {
        const CharCounts counts = CharCounts::of(fragment.name) + CharCounts::of(fragment.argumentsDelta);
        m_toolChars += counts;
        chunk.baseTokens += counts.baseTokens();
        chunk.hasTool = true;
    }
    if (m_firstTokenNs < 0 && chunk.hasTokens())
        m_firstTokenNs = chunk.tNs;
}

qsizetype StreamTimeline::chunkCount() const
{
    return m_chunks.size();
}

qsizetype StreamTimeline::tokenChunkCount() const
{
    return std::count_if(m_chunks.cbegin(), m_chunks.cend(), [](const Chunk &c) { return c.hasTokens(); });
}

void StreamTimeline::setEstimateFactor(double factor)
{
    if (std::isfinite(factor) && factor > 0)
        m_estimateFactor = factor;
}

Usage StreamTimeline::estimatedUsage() const
{
    Usage usage;
    usage.estimated = true;
    const CharCounts generated = generatedChars();
    if (generated.isEmpty())
        return usage;
    const auto tokens = [this](const CharCounts &c) {
        return std::max<qint64>(1, qRound64(m_estimateFactor * c.baseTokens()));
    };
    usage.completionTokens = tokens(generated);
    if (!m_reasoningChars.isEmpty())
        usage.reasoningTokens = std::min(*usage.completionTokens, tokens(m_reasoningChars));
    usage.totalTokens = usage.completionTokens;
    return usage;
}

StreamMetrics StreamTimeline::metrics(const Usage &usage, const std::optional<ServerTiming> &server) const
{
    StreamMetrics m;
    qsizetype first = -1;
    qsizetype last = -1;
    if (m_started) {
        qsizetype firstText = -1;
        qsizetype firstReasoning = -1;
        qsizetype lastReasoning = -1;
        qsizetype reasoningEnd = -1;
        QList<double> gaps;
        gaps.reserve(m_chunks.size());
        for (qsizetype i = 0; i < m_chunks.size(); ++i) {
            const Chunk &c = m_chunks.at(i);
            if (!c.hasTokens())
                continue; // keep-alives, role-only, finish and usage-only chunks
            ++m.chunks;
            if (first < 0)
                first = i;
            else
                gaps.append(toMs(c.tNs - m_chunks.at(last).tNs));
            last = i;
            if (c.hasText && firstText < 0)
                firstText = i;
            if (c.hasReasoning) {
                if (firstReasoning < 0)
                    firstReasoning = i;
                lastReasoning = i;
            }
            if ((c.hasText || c.hasTool) && firstReasoning >= 0 && reasoningEnd < 0)
                reasoningEnd = i;
        }
        if (first >= 0) {
            m.ttftMs = toMs(m_chunks.at(first).tNs - m_t0);
            m.e2eMs = toMs(m_chunks.at(last).tNs - m_t0);
        }
        if (firstText >= 0)
            m.ttfatMs = toMs(m_chunks.at(firstText).tNs - m_t0);
        m.itlP50Ms = percentile(gaps, 0.50);
        m.itlP95Ms = percentile(gaps, 0.95);
        if (firstReasoning >= 0) {
            const qsizetype end = reasoningEnd >= 0 ? reasoningEnd : lastReasoning;
            m.reasoningMs = toMs(m_chunks.at(end).tNs - m_chunks.at(firstReasoning).tNs);
        }
    }

    // Completion tokens from usage. A reported 0 while tokens did stream is a gateway that
    // lost the count (seen in the wild), not a fact: estimate instead.
    const bool generated = !generatedChars().isEmpty();
    if (usage.completionTokens && (*usage.completionTokens > 0 || !generated)) {
        m.completionTokens = usage.completionTokens;
        m.estimated = usage.estimated;
    } else if (generated) {
        m.completionTokens = estimatedUsage().completionTokens;
        m.estimated = true;
    } else {
        m.estimated = usage.estimated;
    }
    if (m.completionTokens && *m.completionTokens >= 2 && first >= 0) {
        const qint64 durationNs = m_chunks.at(last).tNs - m_chunks.at(first).tNs;
        if (durationNs > 0)
            m.outputTokensPerS = double(*m.completionTokens - 1) / (double(durationNs) / kNsPerS);
    }

    if (server) {
        ServerTiming s = *server;
        if (!s.outputTokensPerS && s.completionMs && *s.completionMs > 0) {
            // Server speed is derived from reported figures only, never from our estimate.
            std::optional<qint64> tokens = s.predictedTokens;
            if (!tokens && usage.completionTokens && !usage.estimated)
                tokens = usage.completionTokens;
            if (tokens && *tokens > 0)
                s.outputTokensPerS = double(*tokens) / (*s.completionMs / 1000.0);
        }
        if (m.ttftMs && s.queueMs && s.promptMs)
            m.networkGatewayMs = *m.ttftMs - (*s.queueMs + *s.promptMs);
        m.server = s;
    }
    return m;
}

std::optional<double> StreamTimeline::liveTokensPerS(double windowMs) const
{
    if (!m_started || m_firstTokenNs < 0 || !(windowMs > 0))
        return std::nullopt;
    const qint64 now = nowNs();
    const qint64 from = std::max(now - qint64(windowMs * kNsPerMs), m_firstTokenNs);
    if (now <= from)
        return std::nullopt;
    double tokens = 0;
    for (auto it = m_chunks.crbegin(); it != m_chunks.crend() && it->tNs > from; ++it) {
        if (it->tNs <= now && it->hasTokens())
            tokens += it->baseTokens;
    }
    return tokens * m_estimateFactor / (double(now - from) / kNsPerS);
}

} // namespace versus
