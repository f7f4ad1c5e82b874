// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "net/httpcall.h"

namespace versus::net {

/// Parses a duration as providers write it in x-ratelimit-reset-*: "12ms", "7.66s",
/// "6m0s", "2m59.56s", "1h2m3s", or a bare number of seconds. std::nullopt if unreadable.
std::optional<double> parseDurationSeconds(QByteArrayView text);

/// Reads x-ratelimit-{limit,remaining,reset}-{requests,tokens}.
RateLimit parseRateLimit(const RawHeaders &headers);

} // namespace versus::net
