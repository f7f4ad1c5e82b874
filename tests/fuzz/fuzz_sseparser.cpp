// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for versus::sse::SseParser.
//
// An input is either a plain SSE stream (the shared seed corpus tests/fixtures/sse-corpus), or
//   0xFF, control, [event cap], [stream cap low, high], split sizes..., stream
// where control bits 0-3 give the number of split sizes, bit 4 says one byte of event cap
// (SseLimits::maxEventBytes, 0-255) follows and bit 5 says a 16-bit stream cap follows.
// 0xFF never occurs in UTF-8 text, so a plain stream is not mistaken for a header.
//
// For every input: no crash or undefined behaviour (ASan/UBSan); feeding the stream whole, in
// the chunks given by the split sizes (cycled), and one byte at a time (short streams) gives
// the same events, error, finish() result, last event id and retry time; that result equals a
// plain model of the WHATWG rules run over the whole input; feed() returns false exactly when
// an error is set and emits nothing after it; bytesSeen() and every event respect the caps.
#include "sse/sseparser.h"

#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using versus::sse::SseError;
using versus::sse::SseEvent;
using versus::sse::SseLimits;
using versus::sse::SseParser;

namespace {

struct Outcome {
    QList<SseEvent> events;
    SseError error = SseError::None;
    bool cut = false; // what finish() returned
    QByteArray lastEventId;
    std::optional<int> retryMs;
    friend bool operator==(const Outcome &, const Outcome &) = default;
};

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_sseparser: invariant violated: %s\n", what);
        std::abort();
    }
}

// Feeds @p stream in chunks whose sizes cycle through @p sizes (all of it at once when there
// is no non-zero size), checking the contract of feed() after every chunk.
Outcome feedInChunks(QByteArrayView stream, const SseLimits &limits, QByteArrayView sizes)
{
    Outcome o;
    SseParser parser(limits);
    auto feedOne = [&](QByteArrayView chunk) {
        const bool failedBefore = parser.error() != SseError::None;
        const qsizetype before = o.events.size();
        const bool ok = parser.feed(chunk, o.events);
        check(ok == (parser.error() == SseError::None), "feed() result disagrees with error()");
        check(!failedBefore || o.events.size() == before, "events came out after an error");
    };

    bool anyNonZero = false;
    for (const char s : sizes)
        anyNonZero = anyNonZero || s != 0;
    if (!anyNonZero) {
        for (qsizetype k = 0; k < sizes.size(); ++k)
            feedOne({}); // empty reads must change nothing
        feedOne(stream);
    } else {
        qsizetype at = 0;
        for (qsizetype k = 0; at < stream.size(); ++k) {
            const qsizetype len =
                std::min<qsizetype>(static_cast<uint8_t>(sizes[k % sizes.size()]), stream.size() - at);
            feedOne(stream.sliced(at, len));
            at += len;
        }
    }

    check(parser.bytesSeen() <= limits.maxStreamBytes, "bytesSeen() beyond the stream cap");
    if (parser.error() == SseError::None)
        check(parser.bytesSeen() == stream.size(), "bytesSeen() differs from the bytes fed");
    if (parser.error() == SseError::StreamTooLarge)
        check(parser.bytesSeen() == limits.maxStreamBytes, "stream cap error before the cap");
    for (const SseEvent &event : std::as_const(o.events)) {
        check(event.data.size() <= limits.maxEventBytes, "event larger than the event cap");
        // Decoding any bytes must work; valid UTF-8 must come back unchanged (nothing dropped,
        // not even a leading U+FEFF).
        const QString text = event.text();
        check(text.size() <= event.data.size(), "decoded text longer than its bytes");
        if (!text.contains(QChar::ReplacementCharacter))
            check(text.toUtf8() == event.data, "text() does not round-trip");
        const QString type = event.typeOrDefault();
        check(!type.isEmpty(), "empty event type");
        if (!event.type.isEmpty() && !type.contains(QChar::ReplacementCharacter))
            check(type.toUtf8() == event.type, "typeOrDefault() does not round-trip");
    }
    o.error = parser.error();
    o.lastEventId = parser.lastEventId();
    o.retryMs = parser.reconnectionTimeMs();
    o.cut = parser.finish();
    return o;
}

// The WHATWG interpretation rules written the obvious way, over the whole input at once, with
// the caps of SseLimits applied as documented in sseparser.h.
Outcome model(QByteArrayView in, const SseLimits &limits)
{
    Outcome o;
    const bool overflow = in.size() > limits.maxStreamBytes;
    if (overflow)
        in = in.first(static_cast<qsizetype>(std::max<qint64>(limits.maxStreamBytes, 0)));
    auto failed = [&o](SseError error) {
        o.error = error;
        o.cut = true;
        return o;
    };

    const QByteArrayView bom("\xEF\xBB\xBF", 3);
    qsizetype pos = 0;
    if (in.startsWith(bom)) {
        pos = bom.size();
    } else if (!in.isEmpty() && in.size() < bom.size() && bom.startsWith(in)) {
        // The input ends inside what may still be a BOM: not yet line content.
        if (overflow)
            return failed(SseError::StreamTooLarge);
        o.cut = true;
        return o;
    }

    QByteArray data;
    QByteArray type;
    bool sawData = false;
    bool block = false;
    qsizetype eventBytes = 0;
    while (pos < in.size()) {
        qsizetype end = pos;
        while (end < in.size() && in[end] != '\r' && in[end] != '\n')
            ++end;
        if (eventBytes + (end - pos) > limits.maxEventBytes)
            return failed(SseError::EventTooLarge);
        if (end == in.size()) {
            o.cut = true; // unterminated last line
            break;
        }
        const QByteArrayView line = in.sliced(pos, end - pos);
        pos = end + 1;
        if (in[end] == '\r' && pos < in.size() && in[pos] == '\n')
            ++pos;

        if (line.isEmpty()) {
            if (sawData) {
                data.chop(1);
                o.events.append(SseEvent{type, data, o.lastEventId});
            }
            data.clear();
            type.clear();
            sawData = false;
            block = false;
            eventBytes = 0;
            continue;
        }
        if (line.front() == ':')
            continue;
        block = true;
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView field = colon < 0 ? line : line.first(colon);
        QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
        if (field == "data") {
            data += value.toByteArray() + '\n';
            eventBytes += value.size() + 1;
            sawData = true;
        } else if (field == "event") {
            type = value.toByteArray();
        } else if (field == "id") {
            if (!value.contains('\0'))
                o.lastEventId = value.toByteArray();
        } else if (field == "retry") {
            bool digits = !value.isEmpty();
            for (const char c : value)
                digits = digits && c >= '0' && c <= '9';
            bool ok = false;
            const qlonglong ms = digits ? value.toByteArray().toLongLong(&ok) : 0;
            if (digits && ok && ms <= INT_MAX)
                o.retryMs = static_cast<int>(ms);
        }
    }
    if (overflow)
        return failed(SseError::StreamTooLarge);
    o.cut = o.cut || block;
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    QByteArrayView input(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size));
    SseLimits limits;
    QByteArrayView sizes("\x01\x02\x03\x05\x08\x0d\x15\x22", 8); // for plain streams
    if (!input.isEmpty() && static_cast<uint8_t>(input.front()) == 0xFF) {
        if (input.size() < 2)
            return 0;
        const auto control = static_cast<uint8_t>(input[1]);
        const qsizetype sizeCount = control & 0x0F;
        const bool eventCap = control & 0x10;
        const bool streamCap = control & 0x20;
        const qsizetype headerSize = 2 + (eventCap ? 1 : 0) + (streamCap ? 2 : 0) + sizeCount;
        if (input.size() < headerSize)
            return 0;
        qsizetype at = 2;
        if (eventCap)
            limits.maxEventBytes = static_cast<uint8_t>(input[at++]);
        if (streamCap) {
            limits.maxStreamBytes = static_cast<uint8_t>(input[at]) | (static_cast<uint8_t>(input[at + 1]) << 8);
            at += 2;
        }
        sizes = input.sliced(at, sizeCount);
        input = input.sliced(headerSize);
    }

    const Outcome whole = feedInChunks(input, limits, {});
    check(whole == model(input, limits), "parser disagrees with the model");
    check(feedInChunks(input, limits, sizes) == whole, "chunked result differs from the whole-stream result");
    // One byte at a time is the harshest chunking but costs one feed() per byte: it is done for
    // short streams (where libFuzzer finds most bugs); longer ones rely on the split sizes.
    constexpr qsizetype kBytewiseLimit = 256;
    if (input.size() <= kBytewiseLimit) {
        check(feedInChunks(input, limits, QByteArrayView("\x01", 1)) == whole,
              "byte-at-a-time result differs from the whole-stream result");
    }
    return 0;
}
