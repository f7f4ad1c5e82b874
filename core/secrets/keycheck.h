// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/apikey.h"
#include "secrets/keyedprovider.h"

#include <QObject>
#include <QString>

#include <functional>

namespace versus {

/// What checking a key against the provider (its model list) found.
struct KeyCheckResult {
    enum class Outcome {
        Valid,       ///< the provider accepted the key
        Invalid,     ///< the provider refused it (401/403)
        Unreachable, ///< no answer that says anything about the key (network, 5xx, timeout)
    };
    Outcome outcome = Outcome::Unreachable;
    int httpStatus = 0; ///< 0 when there was no HTTP answer
    QString detail;     ///< the provider's or the network's words; never the key

    friend bool operator==(const KeyCheckResult &, const KeyCheckResult &) = default;
};

/// Checks @p key against @p provider (GET {baseUrl}/models with the key as bearer token, in
/// the transport) and calls @p done once, asynchronously, while @p context is alive.
/// The transport provides it; an empty KeyCheck means "not available in this build".
using KeyCheck = std::function<void(const KeyedProvider &provider, const ApiKey &key, QObject *context,
                                    std::function<void(KeyCheckResult)> done)>;

/// "valid", "invalid (HTTP 401): …", "provider unreachable: …" — for people.
QString keyCheckMessage(const KeyCheckResult &result);

} // namespace versus
