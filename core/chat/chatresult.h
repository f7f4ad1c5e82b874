// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

namespace versus {

/// Everything one streamed answer produced, assembled from its deltas.
struct ChatResult {
    ResultStatus status = ResultStatus::Ok;
    QString text;
    QString reasoning;
    QList<ReasoningBlock> reasoningBlocks; ///< signed thinking blocks, to send back in a tool turn
    QList<ToolCall> toolCalls;
    QList<ServerToolCall> serverTools; ///< tools the provider ran itself, in order of first appearance
    std::optional<QString> finishReason;
    Usage usage; ///< as reported; Usage::estimated when Versus had to estimate
    std::optional<ServerTiming> server;
    std::optional<double> providerCostUsd;
    std::optional<ChatError> error;
    RateLimit rateLimit;
    QString responseId;
    QString model; ///< model the provider says answered (may differ from the requested id)
    friend bool operator==(const ChatResult &, const ChatResult &) = default;
};

} // namespace versus
