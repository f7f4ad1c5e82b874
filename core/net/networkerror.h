// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "net/peer.h"

#include <QNetworkReply>

namespace versus::net {

/// The one place that maps QNetworkReply errors to typed errors in words. The message
/// never quotes QNetworkReply::errorString(): it contains the full URL.
ChatError errorFromNetwork(QNetworkReply::NetworkError code, const Peer &peer, const QUrl &url);

/// True for errors where nothing reached the server or the connection broke before an
/// answer: safe to retry a request that streamed nothing yet.
bool isRetryableNetworkError(QNetworkReply::NetworkError code);

} // namespace versus::net
