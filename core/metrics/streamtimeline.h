// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QElapsedTimer>
#include <QList>

#include <functional>
#include <optional>

namespace versus {

/// Figures computed from a StreamTimeline. Formulas: docs/metrics.md.
struct StreamMetrics {
    std::optional<double> ttftMs;           ///< first token-bearing delta − t0
    std::optional<double> ttfatMs;          ///< first answer-text delta − t0
    std::optional<double> e2eMs;            ///< last token-bearing delta − t0
    std::optional<double> outputTokensPerS; ///< (completion_tokens − 1) / (t_last − t_first)
    std::optional<double> itlP50Ms;         ///< gaps between token-bearing chunks
    std::optional<double> itlP95Ms;
    std::optional<double> reasoningMs;      ///< first reasoning delta → first non-reasoning token
    qint64 chunks = 0;                      ///< token-bearing chunks (network reads that carried tokens)
    bool estimated = false;                 ///< token counts behind the figures were estimated
    std::optional<ServerTiming> server;     ///< provider-reported, kept apart
    std::optional<double> networkGatewayMs; ///< ttft − (server queue + prompt), when both exist
    friend bool operator==(const StreamMetrics &, const StreamMetrics &) = default;
};

/// Raw timestamps of one streamed response, taken from one monotonic clock.
/// t0 is when the request is handed to the network. A chunk is one network read; it is
/// stamped when its bytes arrive, before any parsing, and the deltas decoded from it
/// share its timestamp.
class StreamTimeline {
public:
    using Clock = std::function<qint64()>; ///< monotonic nanoseconds

    explicit StreamTimeline(Clock clock = {});

    qint64 nowNs() const;
    void start();                       ///< t0 = now; clears earlier records (a retry starts over)
    void recordChunk(qsizetype bytes);  ///< a network read arrived now
    void recordDelta(const ChatDelta &delta); ///< attaches to the last recorded chunk

    bool started() const { return m_started; }
    qint64 startNs() const { return m_t0; }
    qsizetype chunkCount() const;

    /// Final figures. @p usage is the provider's (or estimated) usage; @p server the
    /// provider-reported timing, if any.
    StreamMetrics metrics(const Usage &usage, const std::optional<ServerTiming> &server = {}) const;

    /// Live output speed over the last @p windowMs milliseconds, from estimated token counts;
    /// std::nullopt until there is enough data.
    std::optional<double> liveTokensPerS(double windowMs = 2000) const;

private:
    struct Chunk {
        qint64 tNs = 0;
        qsizetype bytes = 0;
        qsizetype textChars = 0;
        qsizetype reasoningChars = 0;
        qsizetype toolChars = 0;
        bool hasText = false;
        bool hasReasoning = false;
        bool hasTool = false;
    };

    Clock m_clock;
    QElapsedTimer m_elapsed;
    QList<Chunk> m_chunks;
    qint64 m_t0 = 0;
    bool m_started = false;
};

} // namespace versus
