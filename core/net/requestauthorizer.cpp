// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/requestauthorizer.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace versus::net {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0 || host.endsWith(u".localhost", Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString displayUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toDisplayString();
}

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    const int defaultPort = a.scheme() == u"https" ? 443 : 80;
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(defaultPort) == b.port(defaultPort);
}

std::expected<QNetworkRequest, QString> RequestAuthorizer::build(const QUrl &url, AuthStyle style, const ApiKey &key,
                                                                 Redirects redirects)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http"))
        return std::unexpected(
            QCoreApplication::translate("versus::net", "\"%1\" is not an http:// or https:// address.")
                .arg(displayUrl(url)));
    if (!url.userInfo().isEmpty())
        return std::unexpected(
            QCoreApplication::translate(
                "versus::net", "The address %1 contains a user name or password; put keys in the keychain instead.")
                .arg(displayUrl(url)));
    const bool sendsKey = !key.isEmpty() && style != AuthStyle::None;
    if (scheme == u"http" && sendsKey && !isLoopbackHost(url.host()))
        return std::unexpected(
            QCoreApplication::translate(
                "versus::net", "Refusing to send your API key over unencrypted http:// to %1. Use an https:// address "
                               "(plain http is only allowed to this machine).")
                .arg(url.host()));

    QNetworkRequest request(url);
    // Same-origin redirects only: Qt's default would follow a redirect to another host and
    // send the Authorization header along. Qt 6.4 sometimes fails to send a POST body again
    // on a redirect (UnknownNetworkError), so POSTs handle redirects themselves.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, redirects == Redirects::Manual
                                                                       ? QNetworkRequest::ManualRedirectPolicy
                                                                       : QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Versus/" VERSUS_VERSION));
    if (sendsKey) {
        const QByteArray &raw = key.reveal(ApiKey::Access());
        switch (style) {
        case AuthStyle::Bearer:
            request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + raw);
            break;
        case AuthStyle::XApiKey:
            request.setRawHeader(QByteArrayLiteral("x-api-key"), raw);
            break;
        case AuthStyle::XGoogApiKey:
            request.setRawHeader(QByteArrayLiteral("x-goog-api-key"), raw);
            break;
        case AuthStyle::None:
            break;
        }
    }
    return request;
}

} // namespace versus::net
