// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "pricetypes.h"

#include <QDate>
#include <QDateTime>
#include <QJsonValue>
#include <QLocale>
#include <QString>

#include <optional>

namespace versus {

/// What one answer cost, in integer micro-USD. Formula and rounding: docs/pricing.md.
struct CostBreakdown {
    qint64 inputMicroUsd = 0;       ///< prompt tokens that were cache misses, at the input price
    qint64 cachedInputMicroUsd = 0; ///< prompt tokens served from cache, at the cached price
    qint64 cacheWriteMicroUsd = 0;  ///< prompt tokens written to the cache, at the cache-write price
    qint64 outputMicroUsd = 0;      ///< completion tokens (reasoning included), at the output price
    qint64 totalMicroUsd = 0;       ///< the sum of the four
    bool estimated = false;         ///< the token counts were estimated, not reported
    QString priceSource;
    QDate priceAsOf;
    QString tier; ///< name of the price tier in force when the request was sent; may be empty
    friend bool operator==(const CostBreakdown &, const CostBreakdown &) = default;
};

/// round_half_up(tokens × microUsdPerMtok / 10^6), exactly, in 64-bit integers; nothing when
/// the result would not fit (or an argument is negative).
std::optional<qint64> costOfTokens(qint64 tokens, qint64 microUsdPerMtok);

/// The cost of one answer at the price in force at @p sentAt (any time zone; tiers are UTC).
/// Cache misses = prompt − cached − cache-write tokens; cached tokens bill at the cached price,
/// cache writes at the cache-write price (each the input price when the entry has none); output = completion tokens,
/// which already include reasoning. Nothing when usage lacks the prompt or completion count: no count, no cost.
std::optional<CostBreakdown> computeCost(const PriceEntry &entry, const Usage &usage, const QDateTime &sentAt);

/// A pre-send range. The low end bills the estimated prompt at the input price and no
/// output; the high end adds the output cap. Both are estimates (the prompt count is).
/// Cache hits can make the real cost lower than the low end; the estimate never assumes them.
struct CostEstimate {
    qint64 minMicroUsd = 0;
    std::optional<qint64> maxMicroUsd; ///< nothing when no output cap is known: no upper bound
    enum class OutputCap { MaxTokens, ContextWindow, Unknown };
    OutputCap cap = OutputCap::Unknown; ///< where the high end's output token count came from
    qint64 maxOutputTokens = 0;         ///< the output tokens billed in the high end
    QString tier;
    friend bool operator==(const CostEstimate &, const CostEstimate &) = default;
};

/// Estimates a request before it is sent. The output cap is @p maxTokens (the lane's
/// max_tokens) when set, else what is left of @p contextWindow after the prompt, else unknown
/// (no upper bound). Nothing when an amount would not fit in 64 bits.
std::optional<CostEstimate> estimateCost(const PriceEntry &entry, qint64 estimatedPromptTokens,
                                         std::optional<qint64> maxTokens, std::optional<qint64> contextWindow,
                                         const QDateTime &sendAt);

/// "$0.000123", "$1.50", "$0.00": micro-USD as dollars with the digits that matter (at least
/// two decimals, at most six, no rounding).
QString formatUsd(qint64 microUsd);

/// formatUsd() with @p locale's decimal point, minus sign and place of the symbol ("$1.50" in
/// English, "1,50 $" in French), for the window; files, exports and the command line keep
/// formatUsd(microUsd).
QString formatUsd(qint64 microUsd, const QLocale &locale);

/// What goes before and after an amount in dollars in @p locale: {"$", ""} in English and
/// in the C locale, {"", "\u00a0$"} in French.
struct UsdAffixes {
    QString before;
    QString after;
};
UsdAffixes usdAffixes(const QLocale &locale);

/// The lane result's "cost" member (ARCHITECTURE.md): USD as JSON numbers, or null when there
/// is no price. input_usd includes cached input and cache writes; cached_input_usd,
/// cache_write_usd and tier are given too.
QJsonValue costToJson(const std::optional<CostBreakdown> &cost);

/// costToJson() plus the exact amounts ("input_micro_usd", "cached_input_micro_usd", "cache_write_micro_usd",
/// "output_micro_usd", "total_micro_usd"): what the history stores, so that totals read back
/// are the same integers.
QJsonValue costToExactJson(const std::optional<CostBreakdown> &cost);
/// Reads costToExactJson() (or, without the exact members, costToJson() rounded to micro-USD);
/// nothing for an empty object, or when an amount is beyond 2^53 micro-USD (no real cost).
std::optional<CostBreakdown> costFromJson(const QJsonObject &object);

} // namespace versus
