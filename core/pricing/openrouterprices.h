// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricetypes.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace versus {

/// Prices read from OpenRouter's model list (GET /api/v1/models), whose "pricing" object gives
/// decimal strings in USD per token: "prompt", "completion" and "input_cache_read".
struct OpenRouterPrices {
    QList<PriceEntry> entries; ///< provider "openrouter", origin ProviderList
    struct Skipped {
        QString model;
        QString reason;
    };
    QList<Skipped> skipped; ///< models listed without a usable per-token price, and why
    QString error;          ///< the document itself could not be read
};

/// Reads @p json (the body of the model list). @p fetchedOn becomes each entry's as-of date.
/// Models with a variable price (negative figures, e.g. "openrouter/auto") or a per-request
/// fee are skipped and listed, never priced approximately.
OpenRouterPrices openRouterPrices(const QByteArray &json, const QDate &fetchedOn);

} // namespace versus
