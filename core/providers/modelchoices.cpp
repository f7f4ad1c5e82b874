// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelchoices.h"

#include <QDateTime>

#include <algorithm>

namespace versus {

QList<ModelInfo> modelChoices(const ProviderInfo &provider, const std::optional<QList<ModelInfo>> &live,
                              bool includeNonChat, int *hidden)
{
    const QList<ModelInfo> &source = live ? *live : provider.models;
    QList<ModelInfo> list;
    int left = 0;
    for (const ModelInfo &model : source) {
        if (!includeNonChat && !isChatModel(model)) {
            ++left;
            continue;
        }
        ModelInfo entry = mergeWithCatalog(model, provider);
        entry.capabilities = enforcedCapabilities(provider, entry);
        list << entry;
    }
    std::sort(list.begin(), list.end(),
              [](const ModelInfo &a, const ModelInfo &b) { return a.id.compare(b.id, Qt::CaseInsensitive) < 0; });
    if (hidden)
        *hidden = left;
    return list;
}

std::optional<ModelPrice> modelPrice(const PriceCatalog &prices, const QString &providerId, const ModelInfo &model)
{
    if (const auto entry = prices.find(providerId, model.id)) {
        const Price price = entry->priceAt(QDateTime::currentDateTimeUtc()).price;
        return ModelPrice{price.inputMicroPerMtok, price.outputMicroPerMtok, true};
    }
    if (model.pricing && model.pricing->inputMicroPerMtok && model.pricing->outputMicroPerMtok)
        return ModelPrice{*model.pricing->inputMicroPerMtok, *model.pricing->outputMicroPerMtok, false};
    return std::nullopt;
}

} // namespace versus
