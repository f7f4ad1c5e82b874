// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace versus {

/// Prices in integer micro-USD per million tokens (USD/Mtok × 10^6: 0.075 USD/Mtok = 75000),
/// so that a price file's decimals are kept exactly and cost arithmetic stays in integers.
struct Price {
    qint64 inputMicroPerMtok = 0;
    /// Price of prompt tokens served from the provider's cache. Absent: the provider has no
    /// cache discount, and cached tokens bill at the input price.
    std::optional<qint64> cachedInputMicroPerMtok;
    qint64 outputMicroPerMtok = 0; ///< reasoning tokens bill as output
    /// Price of prompt tokens written to the provider's cache (Anthropic's cache creation). Absent:
    /// cache writes bill at the input price.
    std::optional<qint64> cacheWriteMicroPerMtok;
    qint64 cachedInputOrInput() const { return cachedInputMicroPerMtok.value_or(inputMicroPerMtok); }
    qint64 cacheWriteOrInput() const { return cacheWriteMicroPerMtok.value_or(inputMicroPerMtok); }
    friend bool operator==(const Price &, const Price &) = default;
};

/// A time window inside one UTC day, in minutes since midnight: [start, end), end ≤ 1440.
struct TimeWindow {
    int startMinute = 0;
    int endMinute = 24 * 60;
    bool contains(int minute) const { return minute >= startMinute && minute < endMinute; }
    QString toString() const; ///< "HH:MM-HH:MM" (end of day is "24:00")
    friend bool operator==(const TimeWindow &, const TimeWindow &) = default;
};

/// A price that applies on some UTC weekdays at some UTC times (DeepSeek's peak hours).
struct PriceTier {
    QString name;              ///< e.g. "peak"
    QList<int> days;           ///< Qt::DayOfWeek values (1 = Monday … 7 = Sunday), ascending
    QList<TimeWindow> windows; ///< empty = the whole day
    Price price;
    bool appliesAt(const QDateTime &utc) const;
    friend bool operator==(const PriceTier &, const PriceTier &) = default;
};

enum class PriceOrigin {
    Bundled,      ///< resources/pricing.json, shipped with Versus
    ProviderList, ///< read from a provider's model list (OpenRouter's carries prices)
    User,         ///< $XDG_CONFIG_HOME/versus/pricing.json
};

QString priceOriginName(PriceOrigin origin); ///< "bundled" | "provider" | "user"

/// One provider/model price with its provenance. model "*" is a provider-wide entry (local
/// servers, which cost nothing).
struct PriceEntry {
    QString provider;
    QString model;
    Price price;            ///< applies whenever no tier does
    QString baseTier;       ///< name of the base price when tiers exist, e.g. "off_peak"; may be empty
    QList<PriceTier> tiers; ///< first tier that applies wins
    QString source;         ///< URL (or, in user files, any words) the figures come from
    QDate asOf;             ///< date the figures were known right; may be null in user files
    QString note;
    PriceOrigin origin = PriceOrigin::Bundled;

    bool isWildcard() const { return model == u"*"; }

    struct InForce {
        Price price;
        QString tier; ///< name of the tier in force, or baseTier
    };
    /// The price in force at @p when (converted to UTC).
    InForce priceAt(const QDateTime &when) const;

    friend bool operator==(const PriceEntry &, const PriceEntry &) = default;
};

/// "mon" … "sun" for Qt::DayOfWeek 1 … 7; an empty string outside that range.
QString weekdayName(int day);
/// Qt::DayOfWeek for "mon" … "sun" (case-insensitive), or 0.
int weekdayFromName(QStringView name);

} // namespace versus
