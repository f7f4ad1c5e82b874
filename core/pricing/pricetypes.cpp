// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricetypes.h"

#include <array>

namespace versus {

namespace {

constexpr std::array<QStringView, 7> kWeekdays{u"mon", u"tue", u"wed", u"thu", u"fri", u"sat", u"sun"};

QString hhmm(int minutes)
{
    return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QChar(u'0')).arg(minutes % 60, 2, 10, QChar(u'0'));
}

} // namespace

QString TimeWindow::toString() const
{
    return hhmm(startMinute) + u'-' + hhmm(endMinute);
}

bool PriceTier::appliesAt(const QDateTime &utc) const
{
    if (!days.contains(utc.date().dayOfWeek()))
        return false;
    if (windows.isEmpty())
        return true;
    const QTime time = utc.time();
    const int minute = time.hour() * 60 + time.minute();
    for (const TimeWindow &window : windows) {
        if (window.contains(minute))
            return true;
    }
    return false;
}

QString priceOriginName(PriceOrigin origin)
{
    switch (origin) {
    case PriceOrigin::Bundled:
        return QStringLiteral("bundled");
    case PriceOrigin::ProviderList:
        return QStringLiteral("provider");
    case PriceOrigin::User:
        return QStringLiteral("user");
    }
    return {};
}

PriceEntry::InForce PriceEntry::priceAt(const QDateTime &when) const
{
    const QDateTime utc = when.toUTC();
    for (const PriceTier &tier : tiers) {
        if (tier.appliesAt(utc))
            return {tier.price, tier.name};
    }
    return {price, baseTier};
}

QString weekdayName(int day)
{
    if (day < 1 || day > 7)
        return {};
    return kWeekdays[std::size_t(day - 1)].toString();
}

int weekdayFromName(QStringView name)
{
    for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
        if (name.compare(kWeekdays[i], Qt::CaseInsensitive) == 0)
            return int(i) + 1;
    }
    return 0;
}

} // namespace versus
