// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ratelimitheaders.h"

#include <algorithm>

namespace versus::net {

std::optional<double> parseDurationSeconds(QByteArrayView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double plain = text.toByteArray().toDouble(&ok);
    if (ok)
        return plain >= 0 ? std::optional<double>(plain) : std::nullopt;

    double total = 0;
    qsizetype i = 0;
    bool any = false;
    while (i < text.size()) {
        qsizetype j = i;
        while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == '.'))
            ++j;
        if (j == i)
            return std::nullopt;
        const double value = text.sliced(i, j - i).toByteArray().toDouble(&ok);
        if (!ok)
            return std::nullopt;
        qsizetype k = j;
        while (k < text.size() && ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z')))
            ++k;
        const QByteArrayView unit = text.sliced(j, k - j);
        if (unit == "h")
            total += value * 3600;
        else if (unit == "m")
            total += value * 60;
        else if (unit == "s")
            total += value;
        else if (unit == "ms")
            total += value / 1000;
        else if (unit == "us" || unit == "µs")
            total += value / 1e6;
        else
            return std::nullopt;
        any = true;
        i = k;
    }
    return any ? std::optional<double>(total) : std::nullopt;
}

std::optional<double> secondsUntil(QByteArrayView text, const QDateTime &nowUtc)
{
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(text.trimmed()), Qt::ISODateWithMs);
    if (!when.isValid() || !nowUtc.isValid())
        return std::nullopt;
    return std::max(0.0, double(nowUtc.msecsTo(when)) / 1000.0);
}

RateLimit parseRateLimit(const RawHeaders &headers)
{
    return parseRateLimit(headers, QDateTime::currentDateTimeUtc());
}

RateLimit parseRateLimit(const RawHeaders &headers, const QDateTime &nowUtc)
{
    RateLimit limit;
    auto count = [](const QByteArray &value) -> std::optional<qint64> {
        bool ok = false;
        const qint64 n = value.trimmed().toLongLong(&ok);
        return ok ? std::optional<qint64>(n) : std::nullopt;
    };
    RateLimit inputTokens; // anthropic-ratelimit-input-tokens-*, used when tokens-* is absent
    for (const auto &[rawName, value] : headers) {
        const QByteArray name = rawName.toLower();
        if (name.startsWith("anthropic-ratelimit-")) {
            const QByteArrayView rest = QByteArrayView(name).sliced(sizeof("anthropic-ratelimit-") - 1);
            if (rest == "requests-limit")
                limit.limitRequests = count(value);
            else if (rest == "requests-remaining")
                limit.remainingRequests = count(value);
            else if (rest == "requests-reset")
                limit.resetRequestsS = secondsUntil(value, nowUtc);
            else if (rest == "tokens-limit")
                limit.limitTokens = count(value);
            else if (rest == "tokens-remaining")
                limit.remainingTokens = count(value);
            else if (rest == "tokens-reset")
                limit.resetTokensS = secondsUntil(value, nowUtc);
            else if (rest == "input-tokens-limit")
                inputTokens.limitTokens = count(value);
            else if (rest == "input-tokens-remaining")
                inputTokens.remainingTokens = count(value);
            else if (rest == "input-tokens-reset")
                inputTokens.resetTokensS = secondsUntil(value, nowUtc);
            continue;
        }
        if (!name.startsWith("x-ratelimit-"))
            continue;
        if (name == "x-ratelimit-limit-requests")
            limit.limitRequests = count(value);
        else if (name == "x-ratelimit-limit-tokens")
            limit.limitTokens = count(value);
        else if (name == "x-ratelimit-remaining-requests")
            limit.remainingRequests = count(value);
        else if (name == "x-ratelimit-remaining-tokens")
            limit.remainingTokens = count(value);
        else if (name == "x-ratelimit-reset-requests")
            limit.resetRequestsS = parseDurationSeconds(value);
        else if (name == "x-ratelimit-reset-tokens")
            limit.resetTokensS = parseDurationSeconds(value);
    }
    if (!limit.limitTokens && !limit.remainingTokens && !limit.resetTokensS) {
        limit.limitTokens = inputTokens.limitTokens;
        limit.remainingTokens = inputTokens.remainingTokens;
        limit.resetTokensS = inputTokens.resetTokensS;
    }
    return limit;
}

} // namespace versus::net
