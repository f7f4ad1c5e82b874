// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <array>

namespace versus {

/// Every figure Versus shows about a response's speed or size. The texts below are the UI's
/// tooltips; docs/metrics.md holds the same formulas with more words (a test keeps them in step).
enum class MetricId {
    Ttft,
    Ttfat,
    E2e,
    OutputTokensPerS,
    ItlP50,
    ItlP95,
    Chunks,
    ReasoningTime,
    LiveTokensPerS,
    EstimatedTokens,
    ServerQueue,
    ServerPrompt,
    ServerCompletion,
    ServerOutputTokensPerS,
    NetworkGateway,
    ProviderCost,
};

inline constexpr std::array kAllMetricIds{
    MetricId::Ttft,
    MetricId::Ttfat,
    MetricId::E2e,
    MetricId::OutputTokensPerS,
    MetricId::ItlP50,
    MetricId::ItlP95,
    MetricId::Chunks,
    MetricId::ReasoningTime,
    MetricId::LiveTokensPerS,
    MetricId::EstimatedTokens,
    MetricId::ServerQueue,
    MetricId::ServerPrompt,
    MetricId::ServerCompletion,
    MetricId::ServerOutputTokensPerS,
    MetricId::NetworkGateway,
    MetricId::ProviderCost,
};

/// Where a figure comes from.
enum class MetricOrigin {
    Measured,  ///< Versus' own clock (token counts from usage, or estimated and then flagged)
    Provider,  ///< reported by the provider, or computed from reported figures only
    Derived,   ///< a measured figure combined with provider-reported ones
    Estimated, ///< an estimate, always
};

QString metricName(MetricId id);        ///< short label, translated ("Time to first token")
QString metricJsonKey(MetricId id);     ///< key in versus-cli --json output ("ttft_ms")
QString metricFormula(MetricId id);     ///< formula in symbols, verbatim in docs/metrics.md; not translated
QString metricDescription(MetricId id); ///< the formula in words, translated
MetricOrigin metricOrigin(MetricId id);
QString metricOriginName(MetricOrigin origin); ///< translated ("measured")
/// Tooltip text: name, formula, words and origin, one per line.
QString metricTooltip(MetricId id);

} // namespace versus
