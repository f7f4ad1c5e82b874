// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/networkerror.h"

#include "net/requestauthorizer.h"

#include <QCoreApplication>
#include <QMetaEnum>

namespace versus::net {

namespace {

QString hostPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == u"https" ? 443 : 80);
    return url.host() + u':' + QString::number(port);
}
} // namespace

ChatError errorFromNetwork(QNetworkReply::NetworkError code, const Peer &peer, const QUrl &url)
{
    ChatError error;
    error.kind = ErrorKind::Network;
    const QString name = peer.displayName.isEmpty() ? url.host() : peer.displayName;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        error.message =
            peer.local ? QCoreApplication::translate("versus::net", "%1 is not running on %2. Start it and try again.")
                             .arg(name, hostPort(url))
                       : QCoreApplication::translate(
                             "versus::net", "%1 refused the connection (%2). Check the address, proxy and firewall.")
                             .arg(name, hostPort(url));
        break;
    case QNetworkReply::RemoteHostClosedError:
        error.message =
            QCoreApplication::translate("versus::net", "%1 closed the connection before the answer was complete.")
                .arg(name);
        break;
    case QNetworkReply::HostNotFoundError:
        error.message =
            QCoreApplication::translate(
                "versus::net",
                "The host %1 could not be found. Check your internet connection and the provider's address.")
                .arg(url.host());
        break;
    case QNetworkReply::TimeoutError:
        error.kind = ErrorKind::Timeout;
        error.message = QCoreApplication::translate("versus::net", "%1 did not answer in time.").arg(name);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = ErrorKind::Tls;
        error.message =
            QCoreApplication::translate(
                "versus::net", "The secure connection to %1 failed: its certificate is not trusted or TLS is broken. "
                               "Versus never ignores certificate errors; check the address, proxy and system time.")
                .arg(url.host());
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        error.message = QCoreApplication::translate(
            "versus::net", "The network is not available. Check your connection and try again.");
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        error.message = QCoreApplication::translate(
            "versus::net", "The proxy failed (check http_proxy/https_proxy and the system proxy settings).");
        break;
    case QNetworkReply::TooManyRedirectsError:
        error.message = QCoreApplication::translate(
                            "versus::net", "%1 kept redirecting the request (more than 5 times). Check the base URL.")
                            .arg(name);
        break;
    case QNetworkReply::InsecureRedirectError:
        error.message = QCoreApplication::translate(
                            "versus::net",
                            "%1 redirected the request to another address; Versus does not follow redirects to other "
                            "hosts so that your key is not sent there. Check the base URL.")
                            .arg(name);
        break;
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::ServiceUnavailableError:
    default:
        error.message =
            QCoreApplication::translate("versus::net", "The connection to %1 failed (%2, %3).")
                .arg(name, displayUrl(url),
                     QString::fromLatin1(QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(code)));
        break;
    }
    return error;
}

bool isRetryableNetworkError(QNetworkReply::NetworkError code)
{
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

} // namespace versus::net
