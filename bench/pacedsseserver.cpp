// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacedsseserver.h"

#include <QByteArray>
#include <QList>
#include <QStringBuilder>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace versus::bench {

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

// The size and shape of a Groq chunk (id, model, fingerprint, logprobs), so that the client
// parses as many bytes per token as it does in production.
QByteArray contentChunk(int index)
{
    return QByteArrayLiteral(R"({"id":"chatcmpl-5f0c1d2e-bench-latency","object":"chat.completion.chunk",)"
                             R"("created":1764650000,"model":"openai/gpt-oss-120b","system_fingerprint":"fp_bench01",)"
                             R"("choices":[{"index":0,"delta":{"content":")") +
           QByteArray::number(index) + QByteArrayLiteral(R"( "},"logprobs":null,"finish_reason":null}]})");
}

QByteArray httpChunk(const QByteArray &bytes)
{
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

bool sendAll(int fd, const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

void sleepUntil(qint64 ns)
{
    timespec at{};
    at.tv_sec = time_t(ns / 1'000'000'000);
    at.tv_nsec = long(ns % 1'000'000'000);
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nullptr) == EINTR) {
    }
}

} // namespace

PacedSseServer::PacedSseServer(Schedule schedule)
    : m_schedule(schedule)
{
}

PacedSseServer::~PacedSseServer()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

bool PacedSseServer::start()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listenFd, 16) != 0 ||
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return false;
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve(); });
    return true;
}

std::vector<qint64> PacedSseServer::writeStamps(int index, int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    m_served.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return int(m_streams.size()) > index; });
    return int(m_streams.size()) > index ? m_streams[size_t(index)] : std::vector<qint64>{};
}

void PacedSseServer::serve()
{
    while (!m_stop) {
        pollfd waiting{m_listenFd, POLLIN, 0};
        if (::poll(&waiting, 1, 100) <= 0)
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        std::vector<qint64> stamps;
        serveOne(fd, &stamps);
        ::close(fd);
        {
            std::lock_guard lock(m_mutex);
            m_streams.push_back(std::move(stamps)); // a stream cut short has fewer stamps than events
        }
        m_served.notify_all();
    }
}

bool PacedSseServer::serveOne(int fd, std::vector<qint64> *stamps)
{
    // The request: its head, then as many body bytes as Content-Length says.
    QByteArray request;
    qsizetype headEnd = -1;
    qint64 bodyLength = 0;
    char buffer[16384];
    while (headEnd < 0 || request.size() < headEnd + 4 + bodyLength) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        request.append(buffer, qsizetype(n));
        if (headEnd < 0 && (headEnd = request.indexOf("\r\n\r\n")) >= 0) {
            for (const QByteArray &line : request.left(headEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    bodyLength = line.mid(15).trimmed().toLongLong();
            }
        }
    }
    const qint64 startNs = steadyNs();
    if (!sendAll(fd, QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                       "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n"
                                       "Connection: close\r\n\r\n")))
        return false;
    stamps->reserve(size_t(m_schedule.events));
    for (int i = 0; i < m_schedule.events; ++i) {
        const QByteArray chunk = httpChunk("data: " + contentChunk(i) + "\n\n");
        sleepUntil(startNs + qint64((m_schedule.firstMs + i * m_schedule.gapMs) * 1e6));
        stamps->push_back(steadyNs());
        if (!sendAll(fd, chunk))
            return false;
    }
    const QByteArray finish =
        QByteArrayLiteral(
            R"({"id":"chatcmpl-5f0c1d2e-bench-latency","object":"chat.completion.chunk","created":1764650000,)"
            R"("model":"openai/gpt-oss-120b","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],)"
            R"("usage":{"prompt_tokens":12,"completion_tokens":)") +
        QByteArray::number(m_schedule.events) + "}}";
    return sendAll(fd, httpChunk("data: " + finish + "\n\ndata: [DONE]\n\n") + "0\r\n\r\n");
}

} // namespace versus::bench
