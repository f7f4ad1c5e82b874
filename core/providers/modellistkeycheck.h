// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerregistry.h"
#include "secrets/keycheck.h"

class QNetworkAccessManager;

namespace versus::net {

/// A KeyCheck that asks the provider for its model list with the key (ModelListJob): the
/// cheapest request that every OpenAI-compatible service authenticates and none bills.
/// 401/403 → invalid; a list → valid; anything else says nothing about the key → unreachable.
/// @p network and @p registry must outlive the checks.
KeyCheck modelListKeyCheck(QNetworkAccessManager &network, const ProviderRegistry &registry);

/// How a model-list answer classifies a key (exposed for tests).
KeyCheckResult keyCheckResultFrom(const std::expected<QList<ModelInfo>, ChatError> &result);

} // namespace versus::net
