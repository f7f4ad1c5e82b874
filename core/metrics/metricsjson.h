// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/streamtimeline.h"

#include <QJsonObject>

namespace versus {

/// The "metrics" object of a versus-cli lane result: ttft_ms, ttfat_ms, e2e_ms,
/// output_tokens_per_s, itl_ms_p50, itl_ms_p95, chunks, reasoning_ms, network_gateway_ms,
/// "tokens_source" ("provider" | "estimated": where N in output_tokens_per_s came from) and
/// "server" (queue_ms, prompt_ms, completion_ms, output_tokens_per_s; null when the provider
/// reported no timing). Figures that do not apply are null.
QJsonObject metricsToJson(const StreamMetrics &metrics);

/// The "server" object alone (null members where the provider did not report).
QJsonObject serverTimingToJson(const ServerTiming &server);

/// Reads what metricsToJson() wrote (the history reads stored answers back). The completion
/// count is not a member of the lane result; it is read from "completion_tokens" when a writer
/// added it.
StreamMetrics metricsFromJson(const QJsonObject &object);

} // namespace versus
