// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QUrl>

namespace versus {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

/// The value of the header @p name (case-insensitive), trimmed; empty when absent.
inline QByteArray headerValue(const RawHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return QByteArray();
}

/// How the key travels. Only core/net turns this into a header.
enum class AuthStyle {
    None,
    Bearer,      ///< Authorization: Bearer KEY
    XApiKey,     ///< x-api-key: KEY
    XGoogApiKey, ///< x-goog-api-key: KEY (Google's Gemini API; never the ?key= query)
};

/// A request ready for the transport. The key is not in it: core/net adds the auth header
/// described by @c auth, and nothing else may.
struct HttpCall {
    QByteArray method = QByteArrayLiteral("POST");
    QUrl url;
    QByteArray body; ///< JSON, empty for GET
    RawHeaders headers;
    AuthStyle auth = AuthStyle::Bearer;
};

} // namespace versus
