// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/modellistprices.h"

namespace versus {

QList<PriceEntry> priceEntriesFromModelList(const ModelList &list, const QString &sourceUrl)
{
    QList<PriceEntry> entries;
    for (const ModelInfo &model : list.models) {
        if (!model.pricing || !model.pricing->inputMicroPerMtok || !model.pricing->outputMicroPerMtok)
            continue;
        PriceEntry entry;
        entry.provider = list.providerId;
        entry.model = model.id;
        entry.price.inputMicroPerMtok = *model.pricing->inputMicroPerMtok;
        entry.price.outputMicroPerMtok = *model.pricing->outputMicroPerMtok;
        entry.price.cachedInputMicroPerMtok = model.pricing->cachedInputMicroPerMtok;
        entry.source = sourceUrl;
        entry.asOf = list.fetchedAtUtc.date();
        entry.origin = PriceOrigin::ProviderList;
        entries << entry;
    }
    return entries;
}

qsizetype applyCachedListPrices(PriceCatalog &catalog, const Provider &provider, const ModelListCache &cache)
{
    const auto cached = cache.read(provider.id());
    if (!cached || !cached->has_value())
        return 0;
    const auto call = provider.buildModelsCall(effectiveBaseUrl(provider.info()));
    const QString source = call ? call->url.toString() : provider.info().website;
    const QList<PriceEntry> entries = priceEntriesFromModelList(**cached, source);
    if (!entries.isEmpty())
        catalog.setProviderListEntries(provider.id(), entries);
    return entries.size();
}

} // namespace versus
