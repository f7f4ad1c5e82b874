// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "net/httpcall.h"

#include <QDateTime>

namespace versus::net {

/// Parses a duration as providers write it in x-ratelimit-reset-*: "12ms", "7.66s",
/// "6m0s", "2m59.56s", "1h2m3s", or a bare number of seconds. std::nullopt if unreadable.
std::optional<double> parseDurationSeconds(QByteArrayView text);

/// Seconds from @p nowUtc until @p text, an RFC 3339 time ("2026-12-01T19:10:00Z", with
/// fractions or an offset); 0 for a time already past; std::nullopt if unreadable.
std::optional<double> secondsUntil(QByteArrayView text, const QDateTime &nowUtc);

/// Reads x-ratelimit-{limit,remaining,reset}-{requests,tokens}, and Anthropic's
/// anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset} whose reset is a time, turned
/// into seconds from @p nowUtc. Where Anthropic sends no combined tokens-* figures, the
/// input-tokens-* ones stand for them (the limit a long prompt meets first).
RateLimit parseRateLimit(const RawHeaders &headers, const QDateTime &nowUtc);
/// The same, now.
RateLimit parseRateLimit(const RawHeaders &headers);

} // namespace versus::net
