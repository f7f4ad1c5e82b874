// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/retrypolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <cmath>

namespace versus::net {

namespace {
std::optional<double> retryAfterSeconds(const RawHeaders &headers)
{
    bool ok = false;
    if (const QByteArray ms = headerValue(headers, "retry-after-ms"); !ms.isEmpty()) {
        const double v = ms.toDouble(&ok);
        if (ok && v >= 0)
            return v / 1000.0;
    }
    const QByteArray value = headerValue(headers, "retry-after");
    if (value.isEmpty())
        return std::nullopt;
    const double seconds = value.toDouble(&ok);
    if (ok && seconds >= 0)
        return seconds;
    // HTTP-date form.
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid()) {
        QDateTime utc = when;
        utc.setTimeSpec(Qt::UTC);
        return qMax(0.0, QDateTime::currentDateTimeUtc().msecsTo(utc) / 1000.0);
    }
    return std::nullopt;
}
} // namespace

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 408 || status == 409 || status == 429 || status >= 500;
}

std::optional<double> RetryPolicy::delayBeforeRetry(int attempt, bool retryable, const RawHeaders &headers) const
{
    const QByteArray should = headerValue(headers, "x-should-retry");
    if (should == "false")
        return std::nullopt;
    if (should == "true")
        retryable = true;
    if (!retryable || attempt >= maxRetries)
        return std::nullopt;

    if (const auto after = retryAfterSeconds(headers)) {
        if (*after > maxRetryAfterS)
            return std::nullopt;
        return *after;
    }
    const double factor = jitter ? jitter() : 0.75 + 0.25 * QRandomGenerator::global()->generateDouble();
    return std::min(baseDelayS * std::pow(2.0, attempt), maxBackoffS) * factor;
}

} // namespace versus::net
