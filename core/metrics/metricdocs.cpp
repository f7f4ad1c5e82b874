// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/metricdocs.h"

#include <QCoreApplication>

namespace versus {

namespace {
constexpr const char *kContext = "versus::Metrics";

struct MetricText {
    MetricOrigin origin;
    const char *name;
    const char16_t *jsonKey;
    const char16_t *formula;
    const char *description;
};

// Keep in step with docs/metrics.md: tst_metricdocs checks that every formula appears there.
constexpr MetricText metricText(MetricId id)
{
    switch (id) {
    case MetricId::Ttft:
        return {MetricOrigin::Measured, QT_TRANSLATE_NOOP("versus::Metrics", "Time to first token"), u"ttft_ms",
                u"ttft_ms = t_first − t0",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "From sending the request (t0) to the first network read that carried a generated "
                                  "token: answer text, reasoning or a tool-call fragment.")};
    case MetricId::Ttfat:
        return {MetricOrigin::Measured, QT_TRANSLATE_NOOP("versus::Metrics", "Time to first answer token"), u"ttfat_ms",
                u"ttfat_ms = t_answer − t0",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "From sending the request to the first network read that carried answer text. "
                                  "Includes the model's thinking time.")};
    case MetricId::E2e:
        return {MetricOrigin::Measured, QT_TRANSLATE_NOOP("versus::Metrics", "End-to-end time"), u"e2e_ms",
                u"e2e_ms = t_last − t0",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "From sending the request to the last network read that carried a generated token. "
                                  "A trailing chunk that only carries usage does not count.")};
    case MetricId::OutputTokensPerS:
        return {MetricOrigin::Measured, QT_TRANSLATE_NOOP("versus::Metrics", "Output speed"), u"output_tokens_per_s",
                u"output_tokens_per_s = (N − 1) / (t_last − t_first)",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Decode speed after the first token. N is the completion token count from the "
                                  "provider's usage, reasoning tokens included. Without usage N is estimated and the "
                                  "speed is marked estimated.")};
    case MetricId::ItlP50:
        return {MetricOrigin::Measured, QT_TRANSLATE_NOOP("versus::Metrics", "Inter-chunk latency, median"),
                u"itl_ms_p50", u"itl_ms_p50 = P50(t_i − t_(i−1))",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Median gap between consecutive network reads that carried tokens (one read may "
                                  "carry several tokens). Percentile by linear interpolation between closest ranks.")};
    case MetricId::ItlP95:
        return {MetricOrigin::Measured, QT_TRANSLATE_NOOP("versus::Metrics", "Inter-chunk latency, 95th percentile"),
                u"itl_ms_p95", u"itl_ms_p95 = P95(t_i − t_(i−1))",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "95th percentile of the gaps between consecutive network reads that carried "
                                  "tokens. Percentile by linear interpolation between closest ranks.")};
    case MetricId::Chunks:
        return {MetricOrigin::Measured, QT_TRANSLATE_NOOP("versus::Metrics", "Chunks"), u"chunks",
                u"chunks = count(token-bearing reads)",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Number of network reads that carried generated tokens. One chunk is not one "
                                  "token: servers bundle tokens.")};
    case MetricId::ReasoningTime:
        return {MetricOrigin::Measured, QT_TRANSLATE_NOOP("versus::Metrics", "Thinking time"), u"reasoning_ms",
                u"reasoning_ms = t_reasoning_end − t_reasoning_first",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "From the first read carrying reasoning to the first read carrying answer text or "
                                  "a tool call (to the last read carrying reasoning when nothing followed).")};
    case MetricId::LiveTokensPerS:
        return {MetricOrigin::Estimated, QT_TRANSLATE_NOOP("versus::Metrics", "Live speed"), u"live_tokens_per_s",
                u"live_tokens_per_s = N_est(t_a, now] / (now − t_a), t_a = max(now − W, t_first)",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Speed while the answer streams, over the last W = 2 s: estimated tokens of the "
                                  "reads after t_a. Replaced by the output speed when the stream ends.")};
    case MetricId::EstimatedTokens:
        return {MetricOrigin::Estimated, QT_TRANSLATE_NOOP("versus::Metrics", "Estimated tokens"), u"completion_tokens",
                u"N_est = k · (L/4 + O/2 + C)",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Used only when the provider reports no usage. L: Latin-script characters, O: "
                                  "other scripts and symbols, C: CJK characters; k: correction learnt for this "
                                  "provider and model from responses that reported usage (1 until then).")};
    case MetricId::ServerQueue:
        return {MetricOrigin::Provider, QT_TRANSLATE_NOOP("versus::Metrics", "Server queue time"), u"server.queue_ms",
                u"server.queue_ms = queue_time · 1000",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Time the request waited in the provider's queue, as the provider reported it "
                                  "(Groq x_groq.usage.queue_time, in seconds).")};
    case MetricId::ServerPrompt:
        return {MetricOrigin::Provider, QT_TRANSLATE_NOOP("versus::Metrics", "Server prompt time"), u"server.prompt_ms",
                u"server.prompt_ms = prompt_time · 1000",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Time the provider spent reading the prompt, as it reported it (Groq prompt_time "
                                  "in seconds; llama.cpp timings.prompt_ms).")};
    case MetricId::ServerCompletion:
        return {MetricOrigin::Provider, QT_TRANSLATE_NOOP("versus::Metrics", "Server generation time"),
                u"server.completion_ms", u"server.completion_ms = completion_time · 1000",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Time the provider spent generating, as it reported it (Groq completion_time in "
                                  "seconds; llama.cpp timings.predicted_ms).")};
    case MetricId::ServerOutputTokensPerS:
        return {MetricOrigin::Provider, QT_TRANSLATE_NOOP("versus::Metrics", "Server output speed"),
                u"server.output_tokens_per_s", u"server.output_tokens_per_s = N / completion_time",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "The provider's own decode speed: as reported (llama.cpp predicted_per_second), or "
                                  "computed from reported figures only: reported completion tokens over reported "
                                  "generation time.")};
    case MetricId::NetworkGateway:
        return {MetricOrigin::Derived, QT_TRANSLATE_NOOP("versus::Metrics", "Network and gateway"),
                u"network_gateway_ms", u"network_gateway_ms = ttft_ms − (server.queue_ms + server.prompt_ms)",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "The part of the time to first token spent outside the model: network, TLS, "
                                  "gateways and proxies. Only when the provider reports queue and prompt time.")};
    case MetricId::ProviderCost:
        return {MetricOrigin::Provider, QT_TRANSLATE_NOOP("versus::Metrics", "Cost reported by the provider"),
                u"provider_cost_usd", u"provider_cost_usd = usage.cost",
                QT_TRANSLATE_NOOP("versus::Metrics",
                                  "Cost as the provider reported it (OpenRouter usage.cost), shown beside the cost "
                                  "Versus computes from its price catalog, never instead of it.")};
    }
    return {MetricOrigin::Measured, "", u"", u"", ""};
}

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}
} // namespace

QString metricName(MetricId id)
{
    return translated(metricText(id).name);
}

QString metricJsonKey(MetricId id)
{
    return QString::fromUtf16(metricText(id).jsonKey);
}

QString metricFormula(MetricId id)
{
    return QString::fromUtf16(metricText(id).formula);
}

QString metricDescription(MetricId id)
{
    return translated(metricText(id).description);
}

MetricOrigin metricOrigin(MetricId id)
{
    return metricText(id).origin;
}

QString metricOriginName(MetricOrigin origin)
{
    switch (origin) {
    case MetricOrigin::Measured:
        return translated(QT_TRANSLATE_NOOP("versus::Metrics", "measured"));
    case MetricOrigin::Provider:
        return translated(QT_TRANSLATE_NOOP("versus::Metrics", "reported by the provider"));
    case MetricOrigin::Derived:
        return translated(QT_TRANSLATE_NOOP("versus::Metrics", "measured, minus provider-reported figures"));
    case MetricOrigin::Estimated:
        return translated(QT_TRANSLATE_NOOP("versus::Metrics", "estimated"));
    }
    return {};
}

QString metricTooltip(MetricId id)
{
    //: Metric tooltip: %1 name, %2 formula, %3 the formula in words, %4 origin ("measured")
    return QCoreApplication::translate("versus::Metrics", "%1\n%2\n%3\nSource: %4")
        .arg(metricName(id), metricFormula(id), metricDescription(id), metricOriginName(metricOrigin(id)));
}

} // namespace versus
