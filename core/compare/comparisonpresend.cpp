// SPDX-License-Identifier: GPL-3.0-or-later
// What a Comparison says before sending: what each lane's turn may cost, and which lanes a
// prompt with images would skip.
#include "compare/comparison.h"
#include "engine/engine.h"
#include "metrics/tokenestimator.h"
#include "pricing/pricecatalog.h"

namespace versus {

QList<LaneEstimate> Comparison::estimate(const QString &prompt) const
{
    QList<LaneEstimate> estimates;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ComparisonLane *lane : m_lanes) {
        LaneEstimate e;
        e.target = lane->target();
        const Provider *provider = m_engine.registry().find(e.target.provider);
        const auto price = m_engine.prices().find(e.target.provider, e.target.model);
        if (!provider || e.target.model.isEmpty() || !price) {
            estimates.append(e);
            continue;
        }
        e.priced = true;
        const QString text = effectiveParameters(lane).systemPrompt + lane->conversation()->contextText() + prompt;
        const Usage usage = m_engine.estimator().estimate(e.target.provider, e.target.model, QStringView(), text);
        e.promptTokens = usage.promptTokens.value_or(0);
        std::optional<qint64> maxOutput = lane->parameters().maxTokens;
        std::optional<qint64> contextWindow;
        if (const ModelInfo *model = provider->info().findModel(e.target.model)) {
            // Without a max_tokens of its own, the lane can get at most what the model may write.
            if (!maxOutput)
                maxOutput = model->maxOutputTokens;
            contextWindow = model->contextWindow;
        }
        e.estimate = estimateCost(*price, e.promptTokens, maxOutput, contextWindow, now);
        estimates.append(e);
    }
    return estimates;
}

QList<LaneSkip> Comparison::imageSkips(const QList<ImageInput> &images, ComparisonLane *onlyLane) const
{
    QList<LaneSkip> skips;
    if (images.isEmpty())
        return skips;
    for (ComparisonLane *lane : m_lanes) {
        if (onlyLane && lane != onlyLane)
            continue;
        const Provider *provider = m_engine.registry().find(lane->target().provider);
        if (!provider)
            continue; // the run says the provider is unknown
        const ProviderInfo &info = provider->info();
        const ModelInfo *model = info.findModel(lane->target().model);
        const std::optional<bool> sees = model ? enforcedCapabilities(info, *model).vision : info.capabilities.vision;
        if (sees == false)
            skips.append(
                {lane,
                 tr("%1 cannot see images, so this lane was not sent the prompt.").arg(lane->target().toString())});
    }
    return skips;
}

void Comparison::setDefaultSystemPrompt(const QString &prompt)
{
    if (prompt == m_defaultSystemPrompt)
        return;
    // The lanes' records in the history say so with the next turn that is sent with it.
    m_defaultSystemPrompt = prompt;
}

ProviderConfig Comparison::effectiveParameters(const ComparisonLane *lane) const
{
    ProviderConfig config = lane->parameters();
    if (config.systemPrompt.trimmed().isEmpty())
        config.systemPrompt = m_defaultSystemPrompt;
    return config;
}

} // namespace versus
