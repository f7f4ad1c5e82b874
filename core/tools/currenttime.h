// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

namespace versus::tools {

/// The current_time tool. @p arguments may name an IANA time zone, {"timezone":
/// "Europe/Paris"} (matched case-insensitively when the exact id is unknown); none, null or
/// "" means UTC. @p nowUtc is the present instant, passed in by the caller so that the
/// answer is deterministic; it is reported to the second. Returns compact JSON text:
///   {"timezone":"Europe/Paris","iso8601":"2026-12-01T17:05:00+01:00",
///    "utc":"2026-12-01T16:05:00Z","weekday":"Tuesday","unix":1796141100}
/// iso8601 is the local time with its UTC offset ("Z" for the UTC zone itself), weekday is
/// the local day in English, unix the seconds since 1970-01-01T00:00:00Z. An unknown zone
/// gives {"error":"unknown time zone \"Mars/Base\""}.
QByteArray runCurrentTime(const QJsonObject &arguments, const QDateTime &nowUtc);

} // namespace versus::tools
