// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedconnection.h"

#include "scriptedserver.h"

#include <QPointer>
#include <QTcpSocket>

#include <chrono>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace versus::test {

namespace {

constexpr qsizetype MaxHeadBytes = 64 * 1024;
constexpr qint64 MaxBodyBytes = 64LL * 1024 * 1024;

using Kind = ScriptedResponse::Step::Kind;

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (name.compare(header.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

ScriptedConnection::ScriptedConnection(int id, QTcpSocket *socket, ScriptedServer *server)
    : QObject(server)
    , m_id(id)
    , m_socket(socket)
    , m_server(server)
{
    m_socket->setParent(this);
    // Each Write step should leave as its own TCP segment instead of waiting for Nagle.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ScriptedConnection::runScript);
    connect(m_socket, &QTcpSocket::readyRead, this, &ScriptedConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &ScriptedConnection::onDisconnected);
    // Bytes may already be waiting when the connection is handed over.
    QMetaObject::invokeMethod(this, &ScriptedConnection::onReadyRead, Qt::QueuedConnection);
}

ScriptedConnection::~ScriptedConnection() = default;

void ScriptedConnection::shutdown()
{
    m_closedEmitted = true;
    m_state = State::Closed;
    m_timer.stop();
    disconnect(m_socket, nullptr, this, nullptr);
    setNoLinger();
    m_socket->abort();
}

void ScriptedConnection::setNoLinger()
{
#ifdef Q_OS_UNIX
    // Linger 0: closing the descriptor sends RST instead of FIN.
    const linger noLinger{1, 0};
    if (m_socket->socketDescriptor() >= 0)
        ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger, sizeof noLinger);
#endif
}

void ScriptedConnection::onReadyRead()
{
    if (m_state == State::Closed)
        return;
    m_input += m_socket->readAll();
    processInput();
}

void ScriptedConnection::processInput()
{
    for (;;) {
        switch (m_state) {
        case State::ReadingHead: {
            // RFC 9112 §2.2: ignore empty lines before a request line.
            while (m_input.startsWith("\r\n"))
                m_input.remove(0, 2);
            const qsizetype headEnd = m_input.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (m_input.size() > MaxHeadBytes)
                    fail(431, "request head too large");
                return;
            }
            if (!parseHead(headEnd))
                return;
            m_input.remove(0, headEnd + 4);
            if (m_bodyRemaining > 0) {
                m_state = State::ReadingBody;
                break;
            }
            dispatchRequest();
            return;
        }
        case State::ReadingBody: {
            const qsizetype take = qsizetype(qMin<qint64>(m_bodyRemaining, m_input.size()));
            m_request.body += m_input.left(take);
            m_input.remove(0, take);
            m_bodyRemaining -= take;
            if (m_bodyRemaining > 0)
                return;
            dispatchRequest();
            return;
        }
        case State::Responding:
        case State::Stalled:
        case State::Closing:
        case State::Closed:
            return; // later requests stay buffered until this response is done
        }
    }
}

bool ScriptedConnection::parseHead(qsizetype headEnd)
{
    const QList<QByteArray> lines = m_input.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(400, "bad request line");
        return false;
    }
    m_request = {};
    m_request.method = requestLine.at(0);
    m_request.path = requestLine.at(1);
    m_request.version = requestLine.at(2);
    m_request.connectionId = m_id;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, "bad header line");
            return false;
        }
        m_request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (m_request.hasHeader("Transfer-Encoding")) {
        fail(501, "chunked request bodies are not supported");
        return false;
    }
    m_bodyRemaining = 0;
    if (m_request.hasHeader("Content-Length")) {
        bool ok = false;
        m_bodyRemaining = m_request.header("Content-Length").toLongLong(&ok);
        if (!ok || m_bodyRemaining < 0 || m_bodyRemaining > MaxBodyBytes) {
            fail(400, "bad Content-Length");
            return false;
        }
    }
    const QByteArray connection = m_request.header("Connection").toLower();
    m_keepAlive = m_request.version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
    return true;
}

void ScriptedConnection::dispatchRequest()
{
    m_state = State::Responding;
    m_request.receivedAtNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    QPointer<ScriptedConnection> self(this);
    auto [index, response] = m_server->takeResponse(m_request);
    // A slot on requestReceived may have torn the connection down.
    if (!self || m_state != State::Responding)
        return;
    startResponse(index, response);
}

void ScriptedConnection::fail(int status, const QByteArray &message)
{
    const QByteArray body = R"({"error":{"message":")" + message + R"(","type":"scripted_server"}})";
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + ScriptedResponse::standardReason(status) +
                    "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                    "\r\nConnection: close\r\n\r\n" + body);
    closeGracefully();
}

void ScriptedConnection::startResponse(int requestIndex, const ScriptedResponse &response)
{
    m_response = response;
    m_requestIndex = requestIndex;
    m_step = 0;
    m_headSent = false;
    m_stepStarted = false;
    const int status = response.status;
    m_bodyAllowed = response.framing == ScriptedResponse::Framing::Raw ||
                    (m_request.method != "HEAD" && status >= 200 && status != 204 && status != 304);
    if (response.framing == ScriptedResponse::Framing::CloseDelimited ||
        response.framing == ScriptedResponse::Framing::Raw || response.header("Connection").toLower().contains("close"))
        m_keepAlive = false;
    m_clock.start();
    runScript();
}

void ScriptedConnection::runScript()
{
    if (m_state != State::Responding)
        return;
    if (!m_headSent) {
        if (m_response.headAtMs == ScriptedResponse::Never) {
            m_state = State::Stalled;
            return;
        }
        const qint64 remaining = m_response.headAtMs - m_clock.elapsed();
        if (remaining > 0) {
            m_timer.start(int(remaining));
            return;
        }
        m_headSent = true;
        if (m_response.framing != ScriptedResponse::Framing::Raw) {
            writeHead();
            m_timer.start(0); // back to the event loop: the head is its own write
            return;
        }
    }
    while (m_step < m_response.steps.size()) {
        const ScriptedResponse::Step &step = m_response.steps.at(m_step);
        switch (step.kind) {
        case Kind::Write:
            ++m_step;
            if (m_bodyAllowed)
                writeBody(step.bytes);
            m_timer.start(0); // one write per event-loop turn, so the client can read in between
            return;
        case Kind::Delay:
            if (!m_stepStarted) {
                m_stepStarted = true;
                m_timer.start(step.ms);
                return;
            }
            m_stepStarted = false;
            ++m_step;
            continue;
        case Kind::WaitUntil: {
            const qint64 remaining = step.ms - m_clock.elapsed();
            if (remaining > 0) {
                m_timer.start(int(remaining));
                return;
            }
            ++m_step;
            continue;
        }
        case Kind::Close:
            emit responseFinished(m_requestIndex);
            closeGracefully();
            return;
        case Kind::Abort:
            if (m_socket->bytesToWrite() > 0) {
                m_timer.start(1); // let the written bytes leave before the reset
                return;
            }
            emit responseFinished(m_requestIndex);
            resetConnection();
            return;
        case Kind::Stall:
            m_state = State::Stalled;
            return;
        }
    }
    finishResponse();
}

void ScriptedConnection::writeHead()
{
    const QByteArray reason =
        m_response.reason.isEmpty() ? ScriptedResponse::standardReason(m_response.status) : m_response.reason;
    const bool closeDelimited = m_response.framing == ScriptedResponse::Framing::CloseDelimited;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(m_response.status) + ' ' + reason + "\r\n";
    for (const auto &[name, value] : std::as_const(m_response.headers)) {
        // A body that ends at close must not announce keep-alive (fixtures often do).
        if (closeDelimited && QByteArrayView("Connection").compare(name, Qt::CaseInsensitive) == 0)
            continue;
        head += name + ": " + value + "\r\n";
    }
    if (m_bodyAllowed) {
        switch (m_response.framing) {
        case ScriptedResponse::Framing::ContentLength:
            if (!hasHeader(m_response.headers, "Content-Length")) {
                const qint64 length = m_response.declaredContentLength.value_or(m_response.body().size());
                head += "Content-Length: " + QByteArray::number(length) + "\r\n";
            }
            break;
        case ScriptedResponse::Framing::Chunked:
            if (!hasHeader(m_response.headers, "Transfer-Encoding"))
                head += "Transfer-Encoding: chunked\r\n";
            break;
        case ScriptedResponse::Framing::CloseDelimited:
        case ScriptedResponse::Framing::Raw:
            break;
        }
    }
    if (!m_keepAlive && (closeDelimited || !hasHeader(m_response.headers, "Connection")))
        head += "Connection: close\r\n";
    head += "\r\n";
    m_socket->write(head);
    m_socket->flush();
}

void ScriptedConnection::writeBody(const QByteArray &bytes)
{
    if (m_response.framing == ScriptedResponse::Framing::Chunked) {
        if (bytes.isEmpty())
            return; // an empty chunk would end the body
        m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    } else {
        m_socket->write(bytes);
    }
    m_socket->flush();
}

void ScriptedConnection::finishResponse()
{
    if (m_bodyAllowed && m_response.framing == ScriptedResponse::Framing::Chunked) {
        m_socket->write("0\r\n\r\n");
        m_socket->flush();
    }
    QPointer<ScriptedConnection> self(this);
    emit responseFinished(m_requestIndex);
    if (!self || m_state != State::Responding)
        return;
    if (!m_keepAlive) {
        closeGracefully();
        return;
    }
    m_state = State::ReadingHead;
    m_request = {};
    m_requestIndex = -1;
    // A pipelined request may already be buffered; handle it from the event loop.
    QMetaObject::invokeMethod(this, &ScriptedConnection::processInput, Qt::QueuedConnection);
}

void ScriptedConnection::closeGracefully()
{
    m_state = State::Closing;
    m_timer.stop();
    m_socket->disconnectFromHost(); // writes what is pending, then FIN; emits disconnected
}

void ScriptedConnection::resetConnection()
{
    m_state = State::Closed;
    m_timer.stop();
    setNoLinger();
    m_socket->abort();
    onDisconnected();
}

void ScriptedConnection::onDisconnected()
{
    m_state = State::Closed;
    m_timer.stop();
    if (!m_closedEmitted) {
        m_closedEmitted = true;
        emit closed(m_id);
    }
    deleteLater();
}

} // namespace versus::test
