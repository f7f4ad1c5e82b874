// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "metrics/charcounts.h"

#include <QElapsedTimer>
#include <QList>

#include <functional>
#include <optional>

namespace versus {

/// Figures computed from a StreamTimeline. Formulas: docs/metrics.md (and metricdocs.h).
struct StreamMetrics {
    std::optional<double> ttftMs;           ///< first token-bearing chunk − t0
    std::optional<double> ttfatMs;          ///< first chunk with answer text − t0
    std::optional<double> e2eMs;            ///< last token-bearing chunk − t0
    std::optional<double> outputTokensPerS; ///< (completion_tokens − 1) / (t_last − t_first)
    std::optional<double> itlP50Ms;         ///< gaps between consecutive token-bearing chunks
    std::optional<double> itlP95Ms;
    std::optional<double> reasoningMs;      ///< first reasoning chunk → first answer-text or tool chunk
    qint64 chunks = 0;                      ///< token-bearing chunks (network reads that carried tokens)
    std::optional<qint64> completionTokens; ///< the count outputTokensPerS was computed from
    bool estimated = false;                 ///< completionTokens (and so outputTokensPerS) was estimated
    std::optional<ServerTiming> server;     ///< provider-reported, kept apart
    std::optional<double> networkGatewayMs; ///< ttft − (server queue + prompt), when both exist
    friend bool operator==(const StreamMetrics &, const StreamMetrics &) = default;
};

/// Raw timestamps of one streamed response, taken from one monotonic clock.
/// t0 is when the request is handed to the network. A chunk is one network read; it is
/// stamped when its bytes arrive, before any parsing, and the deltas decoded from it
/// share its timestamp. Only counts are kept, never text.
///
/// Use: start() when the request is sent; recordChunk() for every read of the body, before
/// it is parsed; recordDelta() for each delta decoded from that read; metrics() at any time
/// (normally once the stream has ended); liveTokensPerS() while it streams.
class StreamTimeline {
public:
    using Clock = std::function<qint64()>; ///< monotonic nanoseconds

    /// @p clock: source of monotonic nanoseconds; empty = QElapsedTimer (monotonic).
    explicit StreamTimeline(Clock clock = {});

    qint64 nowNs() const;
    void start();                             ///< t0 = now; clears earlier records (a retry starts over)
    void recordChunk(qsizetype bytes);        ///< a network read arrived now; ignored before start()
    void recordDelta(const ChatDelta &delta); ///< attaches to the last recorded chunk; ignored before start()

    bool started() const { return m_started; }
    qint64 startNs() const { return m_t0; }
    qsizetype chunkCount() const;      ///< every read, token-bearing or not
    qsizetype tokenChunkCount() const; ///< reads whose deltas carried tokens
    qint64 totalBytes() const { return m_bytes; }

    /// Characters generated so far (answer + reasoning + tool-call names and arguments), and
    /// the reasoning part alone: input for TokenEstimator when the provider reports no usage.
    CharCounts generatedChars() const { return m_answerChars + m_reasoningChars + m_toolChars; }
    CharCounts reasoningChars() const { return m_reasoningChars; }

    /// Calibration factor k for the timeline's own estimates (default 1): pass
    /// TokenEstimator::completionFactor(provider, model).value.
    void setEstimateFactor(double factor);
    double estimateFactor() const { return m_estimateFactor; }

    /// Usage estimated from the generated characters with the estimate factor (Usage::estimated set).
    Usage estimatedUsage() const;

    /// Final figures. @p usage is the provider's (or an estimated) usage; when it has no
    /// completion count, the timeline's own estimate is used and the figures are marked
    /// estimated. @p server: the provider-reported timing, if any.
    StreamMetrics metrics(const Usage &usage, const std::optional<ServerTiming> &server = {}) const;

    /// Live output speed for display while streaming: estimated tokens of the token-bearing
    /// chunks in (t_a, now] divided by (now − t_a), where t_a = max(now − window, t_first).
    /// std::nullopt before the first token or when now = t_first; falls toward 0 when the
    /// stream stalls.
    std::optional<double> liveTokensPerS(double windowMs = 2000) const;

private:
    struct Chunk {
        qint64 tNs = 0;
        qsizetype bytes = 0;
        double baseTokens = 0; ///< uncalibrated token estimate of what the chunk's deltas carried
        bool hasText = false;
        bool hasReasoning = false;
        bool hasTool = false;
        bool hasTokens() const { return hasText || hasReasoning || hasTool; }
    };

    Clock m_clock;
    QElapsedTimer m_elapsed;
    QList<Chunk> m_chunks;
    CharCounts m_answerChars;
    CharCounts m_reasoningChars;
    CharCounts m_toolChars;
    qint64 m_t0 = 0;
    qint64 m_firstTokenNs = -1; ///< stamp of the first token-bearing chunk; -1 = none yet
    qint64 m_bytes = 0;
    double m_estimateFactor = 1.0;
    bool m_started = false;
};

} // namespace versus
