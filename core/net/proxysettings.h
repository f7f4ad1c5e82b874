// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkProxyFactory>
#include <QString>

#include <optional>

class QNetworkAccessManager;

namespace versus::net {

/// How the engine's requests reach the network (Settings → General → Proxy). No password is
/// ever part of it: a proxy that needs one asks through the system's settings.
struct ProxySettings {
    enum class Mode { System, None, Manual };
    Mode mode = Mode::System;
    QString host; ///< Manual only
    quint16 port = 0;
    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;
};

/// "system" | "none" | "manual".
QString proxyModeName(ProxySettings::Mode mode);
std::optional<ProxySettings::Mode> proxyModeFromName(QStringView name);

/// The system's proxy as command-line tools see it: HTTPS_PROXY / https_proxy for https://,
/// HTTP_PROXY / http_proxy for http://, hosts in NO_PROXY / no_proxy and loopback addresses
/// reached directly; without such variables, the platform's own settings.
class EnvironmentProxyFactory : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;
    /// The proxy the environment names for @p url, if any (NoProxy for an excluded host).
    static std::optional<QNetworkProxy> fromEnvironment(const QUrl &url);
};

/// Applies @p settings to @p network: System installs an EnvironmentProxyFactory, None and
/// Manual set the proxy itself. Requests already sent keep their way.
void applyProxy(QNetworkAccessManager &network, const ProxySettings &settings);

} // namespace versus::net
