// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/currenttime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;

namespace versus::tools {

namespace {

QByteArray errorJson(const QString &message)
{
    return QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
}

/// @p text as a JSON string literal, quotes included.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

std::optional<QTimeZone> findZone(const QString &id)
{
    const QTimeZone exact(id.toUtf8());
    if (exact.isValid())
        return exact;
    const QList<QByteArray> known = QTimeZone::availableTimeZoneIds();
    for (const QByteArray &candidate : known) {
        if (QString::fromUtf8(candidate).compare(id, Qt::CaseInsensitive) == 0)
            return QTimeZone(candidate);
    }
    return std::nullopt;
}

/// "+01:00", "-09:30".
QString offsetText(int offsetSeconds)
{
    const int minutes = std::abs(offsetSeconds) / 60;
    return (offsetSeconds < 0 ? u"-"_s : u"+"_s) + QString::number(minutes / 60).rightJustified(2, u'0') + u':' +
           QString::number(minutes % 60).rightJustified(2, u'0');
}

} // namespace

QByteArray runCurrentTime(const QJsonObject &arguments, const QDateTime &nowUtc)
{
    QTimeZone zone = QTimeZone::utc();
    const QJsonValue requested = arguments.value(u"timezone");
    if (!requested.isUndefined() && !requested.isNull()) {
        if (!requested.isString())
            return errorJson(uR"("timezone" must be a string such as "Europe/Paris")"_s);
        const QString id = requested.toString().trimmed();
        if (!id.isEmpty()) {
            const std::optional<QTimeZone> found = findZone(id);
            if (!found)
                return errorJson(u"unknown time zone \""_s + id + u'"');
            zone = *found;
        }
    }
    const QDateTime utc = QDateTime::fromSecsSinceEpoch(nowUtc.toSecsSinceEpoch(), Qt::UTC);
    const QDateTime local = utc.toTimeZone(zone);
    const QString stamp = u"yyyy-MM-dd'T'HH:mm:ss"_s;
    const QString zoneId = QString::fromUtf8(zone.id());
    const QString offset = zoneId == u"UTC" ? u"Z"_s : offsetText(local.offsetFromUtc());
    return "{\"timezone\":" + jsonString(zoneId) + ",\"iso8601\":" + jsonString(local.toString(stamp) + offset) +
           ",\"utc\":" + jsonString(utc.toString(stamp) + u'Z') +
           ",\"weekday\":" + jsonString(QLocale::c().dayName(local.date().dayOfWeek())) +
           ",\"unix\":" + QByteArray::number(utc.toSecsSinceEpoch()) + '}';
}

} // namespace versus::tools
