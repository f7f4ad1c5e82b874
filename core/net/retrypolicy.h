// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpcall.h"

#include <functional>
#include <optional>

namespace versus::net {

/// When to try a request again. Only before the first byte of the body was streamed:
/// a retry after that would duplicate (and bill) an answer the user already sees.
struct RetryPolicy {
    int maxRetries = 2;
    double baseDelayS = 0.5;
    double maxBackoffS = 8.0;
    double maxRetryAfterS = 120.0;  ///< a longer retry-after is reported, not waited for
    std::function<double()> jitter; ///< factor in [0.75, 1]; random when empty

    /// Whether an HTTP status is worth retrying (408, 409, 429, >= 500).
    static bool isRetryableStatus(int status);

    /// Delay before retry number @p attempt (0 for the first retry), or std::nullopt to
    /// give up. @p retryable says whether the failure is of a retryable kind;
    /// @p headers may carry retry-after(-ms) and x-should-retry.
    std::optional<double> delayBeforeRetry(int attempt, bool retryable, const RawHeaders &headers) const;
};

} // namespace versus::net
