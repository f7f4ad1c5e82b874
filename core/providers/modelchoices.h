// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/pricecatalog.h"
#include "providers/providerinfo.h"

#include <QList>

#include <optional>

namespace versus {

/// The models to choose from for one provider, as "versus-cli models" lists them and the
/// app's model picker offers them: the live list when there is one (fetched now or cached),
/// else the catalog's models. Each entry is completed from the catalog (mergeWithCatalog) and
/// carries the capabilities Provider::validate enforces; sorted by id, case-insensitively.
/// Non-chat models (embeddings, images, ...) are left out unless @p includeNonChat; @p hidden,
/// when given, receives how many were left out.
QList<ModelInfo> modelChoices(const ProviderInfo &provider, const std::optional<QList<ModelInfo>> &live,
                              bool includeNonChat = false, int *hidden = nullptr);

/// A model's price per million tokens as Versus charges it (the price catalog: the user's
/// overrides, then prices from model lists, then the bundled table), else the price the
/// provider states in its model list; nothing when neither knows one.
struct ModelPrice {
    qint64 inputMicroPerMtok = 0;
    qint64 outputMicroPerMtok = 0;
    bool fromCatalog = false; ///< false: only the provider's own list states it
};
std::optional<ModelPrice> modelPrice(const PriceCatalog &prices, const QString &providerId, const ModelInfo &model);

} // namespace versus
