// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/pricecatalog.h"
#include "pricing/pricetypes.h"
#include "providers/modellistcache.h"
#include "providers/provider.h"

namespace versus {

/// Price entries from the prices a provider states in its own model list (OpenRouter, Together
/// AI), for PriceCatalog::setProviderListEntries. Only models with both an input and an output
/// price are taken: a half-known price is no price. The as-of date is the day the list was
/// fetched, the source the list's address.
QList<PriceEntry> priceEntriesFromModelList(const ModelList &list, const QString &sourceUrl);

/// Gives @p catalog the prices from @p provider's cached model list, if there is one with
/// prices (they rank above the bundled prices and below the user's own). Returns how many.
qsizetype applyCachedListPrices(PriceCatalog &catalog, const Provider &provider, const ModelListCache &cache);

} // namespace versus
