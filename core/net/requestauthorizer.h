// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerinfo.h"
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
    static std::expected<QNetworkRequest, QString> build(const QUrl &url, AuthStyle style, const ApiKey &key);
};

/// True for localhost, 127.0.0.0/8 and ::1: the hosts plain http is acceptable for.
bool isLoopbackHost(const QString &host);

/// The URL with user info, query and fragment removed, for messages and logs.
QString displayUrl(const QUrl &url);

} // namespace versus::net
