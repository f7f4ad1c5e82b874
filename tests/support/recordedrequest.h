// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace versus::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// One HTTP request as ScriptedServer received it, byte for byte.
struct RecordedRequest {
    QByteArray method;  ///< e.g. "POST"
    QByteArray path;    ///< request target as sent, query included ("/v1/models?x=1")
    QByteArray version; ///< e.g. "HTTP/1.1"
    HeaderList headers; ///< in arrival order, names as the client spelled them
    QByteArray body;
    int connectionId = 0; ///< 1-based id of the TCP connection that carried the request
    /// When the request was complete, on the steady (monotonic) clock in nanoseconds: the
    /// instant a response's schedule counts from, for tests that compare client timings.
    qint64 receivedAtNs = 0;

    /// Value of the first header called @p name (ASCII case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
    /// Every value of the headers called @p name, in order.
    QList<QByteArray> headerValues(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// The path without its query string.
    QByteArray pathWithoutQuery() const;
    /// The body parsed as a JSON object; empty when the body is not a JSON object.
    QJsonObject json() const;
};

} // namespace versus::test
