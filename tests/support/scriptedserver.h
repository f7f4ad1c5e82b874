// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordedrequest.h"
#include "scriptedresponse.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QUrl>

class QTcpServer;

namespace versus::test {

class ScriptedConnection;

/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers from a script, for
/// tests of anything that talks HTTP. Everything runs from the event loop of the thread
/// it lives in: no threads, no nested event loops, so a test drives it with
/// QSignalSpy::wait / QTRY_* while its client runs.
///
/// Every request is recorded (requests(), requestReceived). Its response is, in order:
/// the route for its method and path, else the next queued response, else a 404 with a
/// JSON error body. A slot connected to requestReceived may still enqueue or route the
/// answer for that very request. Several connections are served at once; each serves
/// its requests one after the other (keep-alive unless the client or the response says
/// `Connection: close`).
///
/// Note on clients: QNetworkAccessManager (Qt 6.4) silently re-sends a request whose
/// connection closes or resets before any response byte (once; three times after an
/// unparsable status line), on fresh and on reused connections. To script such a fault,
/// route() it (served every time) or enqueue it once per expected attempt, and count
/// requests().
class ScriptedServer : public QObject {
    Q_OBJECT
public:
    explicit ScriptedServer(QObject *parent = nullptr);
    /// Resets (RST) every connection still open.
    ~ScriptedServer() override;

    /// Listens on 127.0.0.1 on an ephemeral port.
    bool listen();
    /// Stops accepting connections (a later connect is refused); open ones go on.
    void stopListening();
    bool isListening() const;
    quint16 port() const;
    /// `http://127.0.0.1:PORT` + @p path (which should start with '/'; may hold a query).
    QUrl url(const QString &path = QStringLiteral("/")) const;
    QUrl url(const char *path) const { return url(QString::fromUtf8(path)); }

    /// Queues a response for the next request that matches no route (FIFO, any path).
    void enqueue(const ScriptedResponse &response);
    /// Serves @p response every time @p method @p path is requested. @p path without a
    /// query matches whatever the query; with one it must match exactly. An empty
    /// @p method matches any method. Routes win over the queue.
    void route(const QByteArray &method, const QByteArray &path, const ScriptedResponse &response);
    void clearRoutes();
    qsizetype queuedCount() const { return m_queue.size(); }

    QList<RecordedRequest> requests() const { return m_requests; }
    qsizetype requestCount() const { return m_requests.size(); }
    RecordedRequest request(qsizetype index) const { return m_requests.value(index); }
    RecordedRequest lastRequest() const { return m_requests.isEmpty() ? RecordedRequest{} : m_requests.last(); }

    int connectionsAccepted() const { return m_nextConnectionId - 1; }
    int openConnections() const { return int(m_connections.size()); }
    /// Resets every open connection (e.g. to end stalled responses early).
    void abortAllConnections();

signals:
    void requestReceived(int index);
    /// The script of request @p index ran to its end (including a Close or Abort step;
    /// never for Stall or a response cut short by the client).
    void responseFinished(int index);
    void connectionOpened(int connectionId);
    /// The connection is gone (closed by either side, reset, or dropped).
    void connectionClosed(int connectionId);

private:
    friend class ScriptedConnection;
    /// Records @p request and returns its index and the response to play.
    std::pair<int, ScriptedResponse> takeResponse(const RecordedRequest &request);
    void onNewConnection();

    struct Route {
        QByteArray method;
        QByteArray path;
        ScriptedResponse response;
    };

    QTcpServer *m_tcpServer; // child of this
    QList<ScriptedConnection *> m_connections;
    QQueue<ScriptedResponse> m_queue;
    QList<Route> m_routes;
    QList<RecordedRequest> m_requests;
    int m_nextConnectionId = 1;
};

/// A loopback port nothing listens on (it was free a moment ago): a connection is refused.
quint16 closedLoopbackPort();

} // namespace versus::test
