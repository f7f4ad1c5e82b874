// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace versus::sse {

/// One dispatched Server-Sent Event. Fields hold the UTF-8 bytes of complete lines, so a
/// multi-byte character split across network reads is never cut (lines only end at CR/LF).
struct SseEvent {
    QByteArray type; ///< value of the last `event:` field; empty means the default type "message"
    QByteArray data; ///< `data:` lines joined with LF, without the final LF
    QByteArray id;   ///< last event id in force when the event was dispatched

    /// The type as text, "message" when empty. Like text(), keeps a leading U+FEFF.
    QString typeOrDefault() const;
    /// The data as text. Invalid UTF-8 becomes U+FFFD; a leading U+FEFF is kept (only the
    /// BOM at the start of the stream is dropped, by the parser), unlike QString::fromUtf8.
    QString text() const;
    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

struct SseLimits {
    qsizetype maxEventBytes = 16 * 1024 * 1024;  ///< one event (all its lines), bytes
    qint64 maxStreamBytes = 512LL * 1024 * 1024; ///< the whole response, bytes
};

enum class SseError {
    None,
    EventTooLarge,  ///< one event (or one line) grew past SseLimits::maxEventBytes
    StreamTooLarge, ///< the response grew past SseLimits::maxStreamBytes
};

/// Incremental parser for the WHATWG "event stream" format. Pure: no QObject, no I/O.
/// Feed bytes as they arrive in any chunking; the events that come out do not depend on it.
class SseParser {
public:
    explicit SseParser(SseLimits limits = {});

    /// Parses @p bytes and appends every event completed by them to @p out.
    /// Returns false once a limit was exceeded; the parser then ignores further input. The
    /// events that come out before the error are those completed before the byte that
    /// crossed the limit, whatever the chunking.
    bool feed(QByteArrayView bytes, QList<SseEvent> &out);

    /// Marks the end of the stream. Returns true when the stream was cut: an unterminated line,
    /// or field lines (anything but comments and blank lines) not yet closed by a blank line,
    /// were pending and are discarded; also true after a limit error, since the rest of the
    /// stream was not consumed.
    bool finish();

    SseError error() const { return m_error; }
    QByteArray lastEventId() const { return m_lastEventId; }
    std::optional<int> reconnectionTimeMs() const { return m_retryMs; }
    /// Bytes accepted so far; never more than SseLimits::maxStreamBytes.
    qint64 bytesSeen() const { return m_bytesSeen; }

private:
    bool parse(QByteArrayView bytes, QList<SseEvent> &out);
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);
    bool fail(SseError error);

    SseLimits m_limits;
    QByteArray m_line;      // bytes of the current line when it spans feeds (capacity kept)
    QByteArray m_data;      // data buffer of the event being built
    QByteArray m_eventType; // event type buffer
    QByteArray m_lastEventId;
    std::optional<int> m_retryMs;
    qint64 m_bytesSeen = 0;
    qsizetype m_eventBytes = 0;
    bool m_sawData = false;
    bool m_blockPending = false; // a field line was seen since the last blank line
    bool m_pendingCR = false;    // last byte fed was CR: a following LF belongs to the same line ending
    bool m_atStart = true;       // for skipping a BOM at the very start only
    SseError m_error = SseError::None;
};

} // namespace versus::sse
