// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordedrequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <expected>
#include <optional>

namespace versus::test {

/// What ScriptedServer sends back for one request: a status line and headers, then a
/// script of steps. Every Write step is ONE socket write (flushed, and the server returns
/// to the event loop after it), so a client sees the bytes arrive in those pieces when
/// there is time between them.
///
/// Times: Step::Kind::WaitUntil and headAtMs are absolute offsets from the moment the
/// request was complete ("response start"), measured on one QElapsedTimer, so a paced
/// schedule never drifts; Delay is relative to when the step is reached.
///
/// Builder methods mutate and return *this: use them on a named value, or in the
/// expression that copies the result (`server.enqueue(ScriptedResponse::sseData(x).splitBodyEvery(1))`).
///
/// Recipes for faults:
///  - close mid-event:     `sseData(p).cutBodyAt(n, End::Close)` (chunked: no terminating chunk)
///  - reset (RST):         `sseData(p).cutBodyAt(n, End::Abort)`
///  - stall mid-body:      `sseData(p).cutBodyAt(n, End::Stall)`
///  - headers then stall:  `sse({}).stall()`
///  - slow first byte:     `json(200, b).firstByteAt(500)`; never answer: `neverRespond()`
///  - close/reset before any byte: `raw().close()` / `raw().abort()`
///  - wrong content type:  `text(200, "text/html; charset=utf-8", "<html>…")`
///  - 200 + JSON error:    `json(200, R"({"error":{…}})")`
///  - redirect:            `redirect(307, otherServer.url("/v1/chat/completions"))`
///  - body ends at close:  `setFraming(Framing::CloseDelimited)` (no length, `Connection: close`)
struct ScriptedResponse {
    /// How the end of the body is told to the client.
    enum class Framing {
        ContentLength,  ///< `Content-Length` = declaredContentLength or the sum of all writes
        Chunked,        ///< `Transfer-Encoding: chunked`, each Write step is one HTTP chunk
        CloseDelimited, ///< neither; `Connection: close`, the body ends when the socket closes
        Raw,            ///< no head is generated: writes go out verbatim, the connection closes at the end
    };

    /// How a cut body ends (cutBodyAt).
    enum class End {
        Close, ///< graceful close (FIN); chunked bodies get no terminating chunk
        Abort, ///< connection reset (RST): SO_LINGER 0, then abort
        Stall, ///< nothing more is written; the socket stays open until the client leaves
    };

    /// Line endings of a raw HTTP file's body (fromRawHttp).
    enum class BodyLineEndings {
        AsIs, ///< body bytes untouched
        Crlf, ///< every LF (and lone CR) in the body becomes CRLF
        Cr,   ///< every LF (and CRLF) in the body becomes CR
    };

    struct Step {
        enum class Kind {
            Write,     ///< write bytes (one socket write; one HTTP chunk when chunked)
            Delay,     ///< wait ms after reaching this step
            WaitUntil, ///< wait until ms after response start (absolute, no drift)
            Close,     ///< flush and close gracefully; ends the script
            Abort,     ///< reset the connection; ends the script
            Stall,     ///< write nothing more, keep the socket open; ends the script
        };
        Kind kind = Kind::Write;
        QByteArray bytes;
        int ms = 0;
        friend bool operator==(const Step &, const Step &) = default;
    };

    static constexpr int Never = -1; ///< headAtMs value: the status line is never sent

    int status = 200;
    QByteArray reason;  ///< empty: the standard phrase for status
    HeaderList headers; ///< sent as given; framing headers are added unless already present
    Framing framing = Framing::ContentLength;
    /// Content-Length to announce instead of the sum of writes (a cut body keeps its full length).
    std::optional<qint64> declaredContentLength;
    int headAtMs = 0; ///< when the status line and headers are written (absolute), or Never
    QList<Step> steps;

    // --- builders ---------------------------------------------------------------------
    /// A JSON body with `Content-Type: application/json` and Content-Length framing.
    static ScriptedResponse json(int status, const QByteArray &body, const HeaderList &headers = {});
    /// Any body with the given content type (e.g. `text/html` for a wrong-content-type fault).
    static ScriptedResponse text(int status, const QByteArray &contentType, const QByteArray &body);
    /// An event stream of already framed events (each must end with its blank line, e.g.
    /// `"data: {...}\n\n"` or `": keep-alive\n\n"`), one write per event, chunked. With
    /// @p gapMs > 0, event i is written at i × gapMs after response start.
    static ScriptedResponse sse(const QList<QByteArray> &events, int gapMs = 0);
    /// OpenAI-style stream: each payload framed as `data: PAYLOAD\n\n`, then `data: [DONE]\n\n`.
    static ScriptedResponse sseData(const QList<QByteArray> &payloads, int gapMs = 0, bool done = true);
    /// Bytes sent verbatim with no status line of our making (Framing::Raw), for malformed
    /// responses and for faults before any byte: `raw().close()`, `raw().abort()`.
    static ScriptedResponse raw(const QByteArray &bytes = {});
    /// A redirect with a Location header and an empty body.
    static ScriptedResponse redirect(int status, const QUrl &location);
    /// A raw HTTP response: status line, headers, blank line, body. The head may use LF or
    /// CRLF; the body is kept byte-exact (see BodyLineEndings). Framing comes from the
    /// head: `transfer-encoding: chunked` → Chunked; `content-length` → ContentLength
    /// (recomputed); neither → CloseDelimited if `connection: close`, else Chunked for
    /// `text/event-stream` and ContentLength otherwise. The body is one write.
    static std::expected<ScriptedResponse, QString> fromRawHttp(const QByteArray &raw,
                                                                BodyLineEndings endings = BodyLineEndings::AsIs);
    static std::expected<ScriptedResponse, QString> fromRawHttpFile(const QString &path,
                                                                    BodyLineEndings endings = BodyLineEndings::AsIs);

    // --- head ---------------------------------------------------------------------------
    ScriptedResponse &setStatus(int code, const QByteArray &reasonPhrase = {});
    /// Replaces every header called @p name (case-insensitive) with one value.
    ScriptedResponse &setHeader(const QByteArray &name, const QByteArray &value);
    ScriptedResponse &addHeader(const QByteArray &name, const QByteArray &value);
    ScriptedResponse &removeHeader(QByteArrayView name);
    QByteArray header(QByteArrayView name) const; ///< first value, case-insensitive; empty when absent
    ScriptedResponse &setFraming(Framing f);
    ScriptedResponse &firstByteAt(int ms); ///< status line written ms after response start
    ScriptedResponse &neverRespond();      ///< accept the request, never write a byte

    // --- steps --------------------------------------------------------------------------
    ScriptedResponse &write(const QByteArray &bytes);
    ScriptedResponse &delay(int ms);
    ScriptedResponse &waitUntil(int msFromStart);
    ScriptedResponse &close();
    ScriptedResponse &abort();
    ScriptedResponse &stall();

    // --- body transformations ------------------------------------------------------------
    /// Concatenation of every Write step: what a client receives when nothing is cut.
    QByteArray body() const;
    /// Rewrites the body as writes that end at the given offsets (ascending, inside the
    /// body; 0 and out-of-range offsets are ignored). Drops Delay/WaitUntil steps, keeps
    /// the final Close/Abort/Stall step. With @p gapMs > 0, write i starts at i × gapMs.
    ScriptedResponse &splitBodyAt(const QList<qsizetype> &offsets, int gapMs = 0);
    /// Writes of @p n bytes (the last one may be shorter); n = 1 delivers byte by byte.
    ScriptedResponse &splitBodyEvery(qsizetype n, int gapMs = 0);
    /// One write per SSE event (cut after each blank line, whatever the line endings).
    ScriptedResponse &splitBodyAtEvents(int gapMs = 0);
    /// Absolute schedule: write i at firstAtMs + i × everyMs after response start.
    /// Replaces earlier Delay/WaitUntil steps. ("first token at 300 ms, then every 5 ms")
    ScriptedResponse &pace(int firstAtMs, int everyMs);
    /// Keeps only the first @p offset body bytes (the write crossing it is shortened; waits
    /// before kept writes stay), then ends as @p end. Content-Length, if used, still
    /// announces the full body.
    ScriptedResponse &cutBodyAt(qsizetype offset, End end);

    /// Offsets just after each SSE event's blank line in @p body.
    static QList<qsizetype> sseEventEnds(QByteArrayView body);
    static QByteArray standardReason(int status);

    friend bool operator==(const ScriptedResponse &, const ScriptedResponse &) = default;
};

} // namespace versus::test
