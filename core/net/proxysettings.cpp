// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/proxysettings.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QUrl>

namespace versus::net {

namespace {

QByteArray firstEnv(const char *upper, const char *lower)
{
    QByteArray value = qgetenv(lower); // curl reads the lower-case one first
    if (value.isEmpty())
        value = qgetenv(upper);
    return value.trimmed();
}

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool excluded(const QString &host)
{
    const QString list = QString::fromLocal8Bit(firstEnv("NO_PROXY", "no_proxy"));
    for (QString item : list.split(u',', Qt::SkipEmptyParts)) {
        item = item.trimmed().toLower();
        if (item == u"*")
            return true;
        if (item.startsWith(u'.'))
            item.remove(0, 1);
        if (item.isEmpty())
            continue;
        const QString lowered = host.toLower();
        if (lowered == item || lowered.endsWith(u'.' + item))
            return true;
    }
    return false;
}

} // namespace

QString proxyModeName(ProxySettings::Mode mode)
{
    switch (mode) {
    case ProxySettings::Mode::System:
        return QStringLiteral("system");
    case ProxySettings::Mode::None:
        return QStringLiteral("none");
    case ProxySettings::Mode::Manual:
        return QStringLiteral("manual");
    }
    return QStringLiteral("system");
}

std::optional<ProxySettings::Mode> proxyModeFromName(QStringView name)
{
    if (name == u"system")
        return ProxySettings::Mode::System;
    if (name == u"none")
        return ProxySettings::Mode::None;
    if (name == u"manual")
        return ProxySettings::Mode::Manual;
    return std::nullopt;
}

std::optional<QNetworkProxy> EnvironmentProxyFactory::fromEnvironment(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const QByteArray value = scheme == u"https"  ? firstEnv("HTTPS_PROXY", "https_proxy")
                             : scheme == u"http" ? firstEnv("HTTP_PROXY", "http_proxy")
                                                 : QByteArray();
    if (value.isEmpty())
        return std::nullopt;
    if (isLoopback(url.host()) || excluded(url.host()))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    QString text = QString::fromLocal8Bit(value);
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("http://")); // "proxy.corp:8080", as curl reads it
    const QUrl proxy(text);
    if (!proxy.isValid() || proxy.host().isEmpty())
        return std::nullopt;
    const auto type = proxy.scheme().startsWith(u"socks") ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy;
    QNetworkProxy result(type, proxy.host(), quint16(proxy.port(type == QNetworkProxy::HttpProxy ? 80 : 1080)));
    // A user name and password written in the variable are the user's choice; they are passed
    // on to the proxy, never stored by Versus.
    if (!proxy.userName().isEmpty()) {
        result.setUser(proxy.userName());
        result.setPassword(proxy.password());
    }
    return result;
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (auto proxy = fromEnvironment(query.url()))
        return {*proxy};
    return systemProxyForQuery(query);
}

namespace {

// A manual proxy for every host but this machine's: local model servers (Ollama, llama.cpp,
// LM Studio) are reached directly, as the system mode does.
class ManualProxyFactory : public QNetworkProxyFactory {
public:
    explicit ManualProxyFactory(QNetworkProxy proxy)
        : m_proxy(std::move(proxy))
    {
    }
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopback(query.url().host()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return {m_proxy};
    }

private:
    QNetworkProxy m_proxy;
};

} // namespace

void applyProxy(QNetworkAccessManager &network, const ProxySettings &settings)
{
    switch (settings.mode) {
    case ProxySettings::Mode::System:
        network.setProxyFactory(new EnvironmentProxyFactory); // the QNAM owns it
        break;
    case ProxySettings::Mode::None:
        network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxySettings::Mode::Manual:
        network.setProxyFactory(
            new ManualProxyFactory(QNetworkProxy(QNetworkProxy::HttpProxy, settings.host, settings.port)));
        break;
    }
}

} // namespace versus::net
