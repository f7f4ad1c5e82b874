// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ratelimitheaders.h"

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

RateLimit parseRateLimit(const RawHeaders &headers)
{
    RateLimit limit;
    auto count = [](const QByteArray &value) -> std::optional<qint64> {
        bool ok = false;
        const qint64 n = value.trimmed().toLongLong(&ok);
        return ok ? std::optional<qint64>(n) : std::nullopt;
    };
    for (const auto &[rawName, value] : headers) {
        const QByteArray name = rawName.toLower();
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
    return limit;
}

} // namespace versus::net
