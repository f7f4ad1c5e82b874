// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace versus::bench {

/// The steady clock (CLOCK_MONOTONIC on Linux) in ns: one clock for every thread and process,
/// so a time stamped by the server thread can be subtracted from one stamped by a client.
qint64 steadyNs();

/// A loopback HTTP/1.1 server on its own thread, for latency measurements: it answers every
/// request (one per connection, in the order they connect) with an OpenAI-compatible event
/// stream of `events` chunks, chunk i written at firstMs + i × gapMs after the request was
/// read (absolute times, so the schedule never drifts), each chunk one send() on a TCP_NODELAY
/// socket, stamped on the steady clock just before that send(). Chunk i carries the content
/// "i " (its index and a space), so a client can tell which event a token came from.
///
/// Plain POSIX sockets and a std::thread rather than an event loop: the server must write on
/// time whatever the client's thread is doing, and add as little as it can to what is measured.
class PacedSseServer {
public:
    struct Schedule {
        int events = 1000;
        double firstMs = 5;
        double gapMs = 1;
    };

    explicit PacedSseServer(Schedule schedule);
    ~PacedSseServer();
    PacedSseServer(const PacedSseServer &) = delete;
    PacedSseServer &operator=(const PacedSseServer &) = delete;

    /// Listens on 127.0.0.1 (an ephemeral port) and starts serving; false when it cannot.
    bool start();
    quint16 port() const { return m_port; }

    /// The write stamps of the @p index-th stream served (0 = the first connection), waiting
    /// up to @p timeoutMs for it to end; empty when it did not.
    std::vector<qint64> writeStamps(int index, int timeoutMs);

private:
    void serve();
    bool serveOne(int fd, std::vector<qint64> *stamps);

    Schedule m_schedule;
    int m_listenFd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_served;
    std::vector<std::vector<qint64>> m_streams; // guarded by m_mutex
};

} // namespace versus::bench
