// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpcall.h"
#include "secrets/apikey.h"

#include <QNetworkRequest>

#include <expected>

namespace versus::net {

/// The only place in Versus that puts a key on a request. It refuses to when the URL
/// would expose the key: plain http to anything but this machine, or a URL that carries
/// user info. Redirects are limited to the same origin by the transport, so the header
/// never follows a request to another host.
class RequestAuthorizer {
public:
    /// Builds a QNetworkRequest for @p url with the auth header @p style for @p key.
    /// An empty key adds no header. Returns an error text when the request must not be sent.
    /// Redirects: Qt follows same-origin ones (GET requests), or, with @p manualRedirects, the
    /// caller gets the 3xx answer and decides (a POST whose body must be sent again).
    enum class Redirects { SameOriginByQt, Manual };
    static std::expected<QNetworkRequest, QString> build(const QUrl &url, AuthStyle style, const ApiKey &key,
                                                         Redirects redirects = Redirects::SameOriginByQt);
};

/// True for localhost, 127.0.0.0/8 and ::1: the hosts plain http is acceptable for.
bool isLoopbackHost(const QString &host);

/// True when @p a and @p b have the same scheme, host and port: the only redirects that may
/// carry the key.
bool isSameOrigin(const QUrl &a, const QUrl &b);

/// The URL with user info, query and fragment removed, for messages and logs.
QString displayUrl(const QUrl &url);

} // namespace versus::net
