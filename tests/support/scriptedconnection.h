// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordedrequest.h"
#include "scriptedresponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace versus::test {

class ScriptedServer;

/// One accepted TCP connection of a ScriptedServer: reads requests one after the other
/// (keep-alive and pipelining), asks the server for each response and plays its script
/// from timers, never blocking the event loop. Internal to ScriptedServer.
class ScriptedConnection : public QObject {
    Q_OBJECT
public:
    ScriptedConnection(int id, QTcpSocket *socket, ScriptedServer *server);
    ~ScriptedConnection() override;

    int id() const { return m_id; }
    /// Resets the connection at once without emitting anything (server teardown).
    void shutdown();

signals:
    /// The script of request @p requestIndex ran to its end.
    void responseFinished(int requestIndex);
    /// The connection is gone; emitted once, not after shutdown().
    void closed(int id);

private:
    enum class State { ReadingHead, ReadingBody, Responding, Stalled, Closing, Closed };

    void onReadyRead();
    void processInput();
    bool parseHead(qsizetype headEnd);
    void dispatchRequest();
    void fail(int status, const QByteArray &message);
    void startResponse(int requestIndex, const ScriptedResponse &response);
    void runScript();
    void writeHead();
    void writeBody(const QByteArray &bytes);
    void finishResponse();
    void closeGracefully();
    void resetConnection();
    void setNoLinger();
    void onDisconnected();

    const int m_id;
    QTcpSocket *m_socket; // child of this
    ScriptedServer *m_server;
    QTimer m_timer;
    State m_state = State::ReadingHead;
    QByteArray m_input;
    RecordedRequest m_request;
    qint64 m_bodyRemaining = 0;

    ScriptedResponse m_response;
    int m_requestIndex = -1;
    qsizetype m_step = 0;
    bool m_headSent = false;
    bool m_stepStarted = false; // a Delay step's timer is running
    bool m_keepAlive = true;
    bool m_bodyAllowed = true;
    bool m_closedEmitted = false;
    QElapsedTimer m_clock;
};

} // namespace versus::test
