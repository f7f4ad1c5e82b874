// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricetypes.h"

#include <QString>

#include <expected>

namespace versus {

/// Edits of the user's price overrides (pricing.json, the format PriceCatalog reads) as
/// Settings → Prices makes them: one entry set or removed, every other entry and member of
/// the file kept as written. The file is written atomically; a file that does not read is
/// left alone and the error says so.

/// Sets the override for @p entry's provider and model (replacing the one there, tiers and
/// all); as_of is today when @p entry has no date.
std::expected<void, QString> savePriceOverride(const QString &path, const PriceEntry &entry);
/// Removes the override of @p provider / @p model; false when the file has none.
std::expected<bool, QString> removePriceOverride(const QString &path, const QString &provider, const QString &model);

} // namespace versus
