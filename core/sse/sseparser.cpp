// SPDX-License-Identifier: GPL-3.0-or-later
// Written by hand rather than taken from a library: Qt has no SSE parser, and the few C++
// ones found either split lines per network chunk (breaking CRLF and UTF-8 at chunk
// boundaries) or own the socket. This one is byte-oriented and transport-free.
#include "sse/sseparser.h"

#include <QStringDecoder>

#include <algorithm>
#include <climits>
#include <cstring>

namespace versus::sse {

namespace {
constexpr char kCR = '\r';
constexpr char kLF = '\n';
constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr qsizetype kBomSize = 3;
// A line that spans reads is collected in m_line; its buffer is reused for the next one unless
// it grew past this, so one huge line does not pin its memory for the rest of the stream.
constexpr qsizetype kKeptLineCapacity = 64 * 1024;

// Index of the first @p c in p[from, n), or n. memchr is vectorised, unlike a byte loop.
qsizetype findFrom(const char *p, qsizetype from, qsizetype n, char c)
{
    const void *hit = std::memchr(p + from, c, static_cast<size_t>(n - from));
    return hit ? static_cast<const char *>(hit) - p : n;
}

// `retry:` takes ASCII digits only; anything else (and a value that does not fit) is ignored.
std::optional<int> parseRetry(QByteArrayView value)
{
    if (value.isEmpty())
        return std::nullopt;
    qint64 ms = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        ms = ms * 10 + (c - '0');
        if (ms > INT_MAX)
            return std::nullopt;
    }
    return static_cast<int>(ms);
}
QString decodeUtf8(const QByteArray &bytes)
{
    // QString::fromUtf8 drops a leading BOM; inside an SSE stream it is content.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(bytes);
}
} // namespace

QString SseEvent::typeOrDefault() const
{
    return type.isEmpty() ? QStringLiteral("message") : decodeUtf8(type);
}

QString SseEvent::text() const
{
    return decodeUtf8(data);
}

SseParser::SseParser(SseLimits limits)
    : m_limits(limits)
{
}

bool SseParser::fail(SseError error)
{
    m_error = error;
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
    return false;
}

bool SseParser::feed(QByteArrayView bytes, QList<SseEvent> &out)
{
    if (m_error != SseError::None)
        return false;
    // Only the bytes within the stream cap are parsed: the events that come out before the
    // error must not depend on where the network happened to split the stream.
    const qint64 room = std::max<qint64>(m_limits.maxStreamBytes - m_bytesSeen, 0);
    const bool overflow = bytes.size() > room;
    if (overflow)
        bytes = bytes.first(static_cast<qsizetype>(room));
    m_bytesSeen += bytes.size();
    if (!parse(bytes, out))
        return false;
    return overflow ? fail(SseError::StreamTooLarge) : true;
}

bool SseParser::parse(QByteArrayView bytes, QList<SseEvent> &out)
{
    const char *p = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype i = 0;

    if (m_atStart && n > 0) {
        // The BOM is skipped only at the very start of the stream, even when it arrives in
        // pieces: its first bytes wait in m_line until the next byte confirms or refutes it.
        const qsizetype held = m_line.size();
        while (i < n && held + i < kBomSize && p[i] == kBom[held + i])
            ++i;
        if (held + i == kBomSize) {
            m_line.resize(0);
            m_atStart = false;
        } else if (i == n) {
            m_line.append(p, n);
            return true;
        } else {
            i = 0; // not a BOM: the bytes held back are ordinary line content
            m_atStart = false;
        }
    }

    if (m_pendingCR && i < n) {
        // The previous read ended with CR: a LF here completes the same line ending.
        m_pendingCR = false;
        if (p[i] == kLF)
            ++i;
    }

    // Positions of the next CR and LF, each searched again only once passed, so a read is
    // scanned once in total even when it holds only one kind of line ending.
    qsizetype nextCR = -1;
    qsizetype nextLF = -1;
    while (i < n) {
        if (nextCR < i)
            nextCR = findFrom(p, i, n, kCR);
        if (nextLF < i)
            nextLF = findFrom(p, i, n, kLF);
        const qsizetype end = std::min(nextCR, nextLF);
        const qsizetype segment = end - i;
        // Checked as bytes arrive, so a line without an end cannot grow without bound. The
        // data lines of the event so far count too (m_eventBytes).
        if (m_eventBytes + m_line.size() + segment > m_limits.maxEventBytes)
            return fail(SseError::EventTooLarge);
        if (end == n) {
            m_line.append(p + i, segment);
            break;
        }
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(p + i, segment), out); // the common case: no copy
        } else {
            m_line.append(p + i, segment);
            processLine(m_line, out);
            if (m_line.capacity() > kKeptLineCapacity)
                m_line.clear();
            else
                m_line.resize(0);
        }
        i = end + 1;
        if (p[end] == kCR) {
            if (i == n)
                m_pendingCR = true;
            else if (p[i] == kLF)
                ++i;
        }
    }
    return true;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // comment (keep-alives)
    m_blockPending = true;

    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }

    if (field == "data") {
        // value.size() + 1 <= line.size(), and the caller checked m_eventBytes + line.size()
        // against the cap, so the event stays within it.
        m_eventBytes += value.size() + 1;
        Q_ASSERT(m_eventBytes <= m_limits.maxEventBytes);
        if (m_data.isEmpty())
            m_data.reserve(value.size() + 1);
        m_data.append(value);
        m_data.append(kLF);
        m_sawData = true;
    } else if (field == "event") {
        m_eventType = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        if (const std::optional<int> ms = parseRetry(value))
            m_retryMs = ms;
    }
    // Any other field is ignored.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    if (m_sawData) {
        m_data.chop(1); // the LF after the last data line
        out.append(SseEvent{m_eventType, std::move(m_data), m_lastEventId});
    }
    m_data.clear();
    m_eventType.clear();
    m_sawData = false;
    m_blockPending = false;
    m_eventBytes = 0;
}

bool SseParser::finish()
{
    const bool cut = m_error != SseError::None || !m_line.isEmpty() || m_blockPending;
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
    m_sawData = false;
    m_blockPending = false;
    m_eventBytes = 0;
    m_pendingCR = false;
    return cut;
}

} // namespace versus::sse
