// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/chatstream.h"

class QNetworkAccessManager;

namespace versus {
class KeyResolver;
class KeyStore;
class PriceCatalog;
class ProviderRegistry;
class TokenEstimator;
} // namespace versus

namespace versus::ui {

class AppSettings;

/// The long-lived objects the composition root (app/gui/main.cpp, or a test) creates once
/// and hands to the window. None is owned here; all must outlive the window.
struct AppServices {
    QNetworkAccessManager *network = nullptr; ///< the one QNAM of the GUI thread
    const ProviderRegistry *registry = nullptr;
    const PriceCatalog *prices = nullptr;
    TokenEstimator *estimator = nullptr; ///< saved after each finished answer
    KeyStore *keyStore = nullptr;        ///< the OS keychain in the app, memory in tests
    KeyResolver *keyResolver = nullptr;  ///< environment first, then keyStore
    AppSettings *settings = nullptr;
    TransportOptions transport; ///< timeouts and retries for chat streams (estimator is set per lane)
};

} // namespace versus::ui
