// SPDX-License-Identifier: GPL-3.0-or-later
// Written by hand rather than taken from a library: Qt has no SSE parser, and the few C++
// ones found either split lines per network chunk (breaking CRLF and UTF-8 at chunk
// boundaries) or own the socket. This one is byte-oriented and transport-free.
#include "sse/sseparser.h"

namespace versus::sse {

namespace {
constexpr char kCR = '\r';
constexpr char kLF = '\n';
} // namespace

SseParser::SseParser(SseLimits limits) : m_limits(limits) {}

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
    m_bytesSeen += bytes.size();
    if (m_bytesSeen > m_limits.maxStreamBytes)
        return fail(SseError::StreamTooLarge);

    qsizetype i = 0;
    const qsizetype n = bytes.size();
    if (m_atStart && n > 0) {
        // The BOM is only skipped at the very start of the stream, even if it arrives in pieces.
        static constexpr char kBom[] = "\xEF\xBB\xBF";
        while (i < n && m_line.size() + i < 3 && bytes[i] == kBom[m_line.size() + i])
            ++i;
        if (m_line.size() + i < 3 && i == n) {
            m_line.append(bytes.data(), i); // keep the partial BOM until we know
            return true;
        }
        if (m_line.size() + i == 3) {
            m_line.clear();
        } else {
            // Not a BOM after all: what we held back is ordinary line content.
            i = 0;
        }
        m_atStart = false;
    }

    if (m_pendingCR && i < n) {
        if (bytes[i] == kLF)
            ++i;
        m_pendingCR = false;
    }

    while (i < n) {
        // Find the next CR or LF; everything before it belongs to the current line.
        qsizetype j = i;
        while (j < n && bytes[j] != kCR && bytes[j] != kLF)
            ++j;
        if (j > i) {
            if (m_eventBytes + m_line.size() + (j - i) > m_limits.maxEventBytes)
                return fail(SseError::EventTooLarge);
            m_line.append(bytes.data() + i, j - i);
        }
        if (j == n)
            break;
        // Line complete.
        const bool cr = bytes[j] == kCR;
        i = j + 1;
        if (cr) {
            if (i < n) {
                if (bytes[i] == kLF)
                    ++i;
            } else {
                m_pendingCR = true;
            }
        }
        processLine(m_line, out);
        m_line.clear();
        if (m_error != SseError::None)
            return false;
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
        m_eventBytes += value.size() + 1;
        if (m_eventBytes > m_limits.maxEventBytes) {
            fail(SseError::EventTooLarge);
            return;
        }
        m_data.append(value.data(), value.size());
        m_data.append(kLF);
        m_sawData = true;
    } else if (field == "event") {
        m_eventType = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        bool allDigits = !value.isEmpty();
        for (char c : value)
            allDigits = allDigits && c >= '0' && c <= '9';
        if (allDigits) {
            bool ok = false;
            const int ms = value.toByteArray().toInt(&ok);
            if (ok)
                m_retryMs = ms;
        }
    }
    // Any other field is ignored.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    if (m_sawData) {
        SseEvent event;
        event.type = m_eventType;
        m_data.chop(1); // the LF after the last data line
        event.data = m_data;
        event.id = m_lastEventId;
        out.append(std::move(event));
    }
    m_data.clear();
    m_eventType.clear();
    m_sawData = false;
    m_eventBytes = 0;
}

bool SseParser::finish()
{
    const bool pending = !m_line.isEmpty() || m_sawData || !m_eventType.isEmpty();
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
    m_sawData = false;
    m_eventBytes = 0;
    m_pendingCR = false;
    return pending;
}

} // namespace versus::sse
