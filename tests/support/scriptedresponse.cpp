// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedresponse.h"

#include <QFile>

namespace versus::test {

namespace {

using Kind = ScriptedResponse::Step::Kind;

bool isTerminal(Kind kind)
{
    return kind == Kind::Close || kind == Kind::Abort || kind == Kind::Stall;
}

std::optional<ScriptedResponse::Step> terminalStep(const QList<ScriptedResponse::Step> &steps)
{
    for (const auto &step : steps) {
        if (isTerminal(step.kind))
            return step;
    }
    return std::nullopt;
}

QByteArray convertLineEndings(const QByteArray &body, ScriptedResponse::BodyLineEndings endings)
{
    if (endings == ScriptedResponse::BodyLineEndings::AsIs)
        return body;
    QByteArray normalized = body;
    normalized.replace("\r\n", "\n").replace('\r', '\n');
    return endings == ScriptedResponse::BodyLineEndings::Crlf ? normalized.replace("\n", "\r\n")
                                                              : normalized.replace('\n', '\r');
}

} // namespace

ScriptedResponse ScriptedResponse::json(int status, const QByteArray &body, const HeaderList &headers)
{
    ScriptedResponse response;
    response.status = status;
    response.headers = headers;
    if (response.header("Content-Type").isEmpty())
        response.headers.prepend({"Content-Type", "application/json"});
    response.framing = Framing::ContentLength;
    response.write(body);
    return response;
}

ScriptedResponse ScriptedResponse::text(int status, const QByteArray &contentType, const QByteArray &body)
{
    ScriptedResponse response;
    response.status = status;
    response.headers = {{"Content-Type", contentType}};
    response.framing = Framing::ContentLength;
    response.write(body);
    return response;
}

ScriptedResponse ScriptedResponse::sse(const QList<QByteArray> &events, int gapMs)
{
    ScriptedResponse response;
    response.headers = {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}};
    response.framing = Framing::Chunked;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (gapMs > 0 && i > 0)
            response.waitUntil(int(i) * gapMs);
        response.write(events.at(i));
    }
    return response;
}

ScriptedResponse ScriptedResponse::sseData(const QList<QByteArray> &payloads, int gapMs, bool done)
{
    QList<QByteArray> events;
    events.reserve(payloads.size() + 1);
    for (const QByteArray &payload : payloads)
        events.append("data: " + payload + "\n\n");
    if (done)
        events.append(QByteArrayLiteral("data: [DONE]\n\n"));
    return sse(events, gapMs);
}

ScriptedResponse ScriptedResponse::raw(const QByteArray &bytes)
{
    ScriptedResponse response;
    response.framing = Framing::Raw;
    if (!bytes.isEmpty())
        response.write(bytes);
    return response;
}

ScriptedResponse ScriptedResponse::redirect(int status, const QUrl &location)
{
    ScriptedResponse response;
    response.status = status;
    response.headers = {{"Location", location.toEncoded()}};
    response.framing = Framing::ContentLength;
    return response;
}

std::expected<ScriptedResponse, QString> ScriptedResponse::fromRawHttp(const QByteArray &raw, BodyLineEndings endings)
{
    const qsizetype lf = raw.indexOf("\n\n");
    const qsizetype crlf = raw.indexOf("\r\n\r\n");
    qsizetype headEnd = -1;
    qsizetype separator = 0;
    if (lf >= 0 && (crlf < 0 || lf < crlf)) {
        headEnd = lf;
        separator = 2;
    } else if (crlf >= 0) {
        headEnd = crlf;
        separator = 4;
    }
    if (headEnd < 0)
        return std::unexpected(QStringLiteral("no blank line after the head"));

    const QList<QByteArray> lines = raw.left(headEnd).split('\n');
    const QByteArray statusLine = lines.first().trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/"))
        return std::unexpected(QStringLiteral("bad status line: %1").arg(QString::fromUtf8(statusLine)));
    bool ok = false;
    ScriptedResponse response;
    response.status = parts.at(1).toInt(&ok);
    if (!ok || response.status < 100 || response.status > 999)
        return std::unexpected(QStringLiteral("bad status code: %1").arg(QString::fromUtf8(parts.at(1))));
    response.reason = statusLine.mid(parts.at(0).size() + parts.at(1).size() + 2);

    bool chunked = false;
    bool hasLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::unexpected(QStringLiteral("bad header line %1").arg(i + 1));
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            chunked = value.toLower().contains("chunked");
            continue; // the server frames the body itself
        }
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            hasLength = true;
            continue; // recomputed from the body
        }
        response.headers.append({name, value});
    }

    if (chunked)
        response.framing = Framing::Chunked;
    else if (hasLength)
        response.framing = Framing::ContentLength;
    else if (response.header("Connection").toLower() == "close")
        response.framing = Framing::CloseDelimited;
    else if (response.header("Content-Type").toLower().startsWith("text/event-stream"))
        response.framing = Framing::Chunked;
    else
        response.framing = Framing::ContentLength;

    const QByteArray body = convertLineEndings(raw.mid(headEnd + separator), endings);
    if (!body.isEmpty())
        response.write(body);
    return response;
}

std::expected<ScriptedResponse, QString> ScriptedResponse::fromRawHttpFile(const QString &path, BodyLineEndings endings)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("%1: %2").arg(path, file.errorString()));
    auto response = fromRawHttp(file.readAll(), endings);
    if (!response)
        return std::unexpected(QStringLiteral("%1: %2").arg(path, response.error()));
    return response;
}

ScriptedResponse &ScriptedResponse::setStatus(int code, const QByteArray &reasonPhrase)
{
    status = code;
    reason = reasonPhrase;
    return *this;
}

ScriptedResponse &ScriptedResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({name, value});
    return *this;
}

ScriptedResponse &ScriptedResponse::addHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

ScriptedResponse &ScriptedResponse::removeHeader(QByteArrayView name)
{
    headers.removeIf([name](const auto &header) { return name.compare(header.first, Qt::CaseInsensitive) == 0; });
    return *this;
}

QByteArray ScriptedResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedResponse &ScriptedResponse::setFraming(Framing f)
{
    framing = f;
    return *this;
}

ScriptedResponse &ScriptedResponse::firstByteAt(int ms)
{
    headAtMs = ms;
    return *this;
}

ScriptedResponse &ScriptedResponse::neverRespond()
{
    headAtMs = Never;
    return *this;
}

ScriptedResponse &ScriptedResponse::write(const QByteArray &bytes)
{
    steps.append({Kind::Write, bytes, 0});
    return *this;
}

ScriptedResponse &ScriptedResponse::delay(int ms)
{
    steps.append({Kind::Delay, {}, ms});
    return *this;
}

ScriptedResponse &ScriptedResponse::waitUntil(int msFromStart)
{
    steps.append({Kind::WaitUntil, {}, msFromStart});
    return *this;
}

ScriptedResponse &ScriptedResponse::close()
{
    steps.append({Kind::Close, {}, 0});
    return *this;
}

ScriptedResponse &ScriptedResponse::abort()
{
    steps.append({Kind::Abort, {}, 0});
    return *this;
}

ScriptedResponse &ScriptedResponse::stall()
{
    steps.append({Kind::Stall, {}, 0});
    return *this;
}

QByteArray ScriptedResponse::body() const
{
    QByteArray all;
    for (const auto &step : steps) {
        if (step.kind == Kind::Write)
            all += step.bytes;
    }
    return all;
}

ScriptedResponse &ScriptedResponse::splitBodyAt(const QList<qsizetype> &offsets, int gapMs)
{
    const QByteArray all = body();
    const auto terminal = terminalStep(steps);
    steps.clear();
    qsizetype from = 0;
    int index = 0;
    const auto emitPiece = [&](qsizetype to) {
        if (gapMs > 0 && index > 0)
            waitUntil(index * gapMs);
        write(all.mid(from, to - from));
        from = to;
        ++index;
    };
    for (const qsizetype offset : offsets) {
        if (offset > from && offset < all.size())
            emitPiece(offset);
    }
    if (from < all.size())
        emitPiece(all.size());
    if (terminal)
        steps.append(*terminal);
    return *this;
}

ScriptedResponse &ScriptedResponse::splitBodyEvery(qsizetype n, int gapMs)
{
    QList<qsizetype> offsets;
    const qsizetype size = body().size();
    for (qsizetype offset = qMax<qsizetype>(n, 1); offset < size; offset += qMax<qsizetype>(n, 1))
        offsets.append(offset);
    return splitBodyAt(offsets, gapMs);
}

ScriptedResponse &ScriptedResponse::splitBodyAtEvents(int gapMs)
{
    return splitBodyAt(sseEventEnds(body()), gapMs);
}

ScriptedResponse &ScriptedResponse::pace(int firstAtMs, int everyMs)
{
    QList<Step> paced;
    int index = 0;
    for (const auto &step : std::as_const(steps)) {
        if (step.kind == Kind::Delay || step.kind == Kind::WaitUntil)
            continue;
        if (step.kind == Kind::Write)
            paced.append({Kind::WaitUntil, {}, firstAtMs + index++ * everyMs});
        paced.append(step);
    }
    steps = paced;
    return *this;
}

ScriptedResponse &ScriptedResponse::cutBodyAt(qsizetype offset, End end)
{
    if (framing == Framing::ContentLength && !declaredContentLength)
        declaredContentLength = body().size();
    QList<Step> kept;
    qsizetype written = 0;
    for (const auto &step : std::as_const(steps)) {
        if (written >= offset || isTerminal(step.kind))
            break;
        if (step.kind == Kind::Write) {
            const qsizetype take = qMin(step.bytes.size(), offset - written);
            kept.append({Kind::Write, step.bytes.left(take), 0});
            written += take;
        } else {
            kept.append(step);
        }
    }
    switch (end) {
    case End::Close:
        kept.append({Kind::Close, {}, 0});
        break;
    case End::Abort:
        kept.append({Kind::Abort, {}, 0});
        break;
    case End::Stall:
        kept.append({Kind::Stall, {}, 0});
        break;
    }
    steps = kept;
    return *this;
}

QList<qsizetype> ScriptedResponse::sseEventEnds(QByteArrayView body)
{
    QList<qsizetype> ends;
    qsizetype lineStart = 0;
    qsizetype i = 0;
    while (i < body.size()) {
        const char c = body.at(i);
        if (c != '\n' && c != '\r') {
            ++i;
            continue;
        }
        qsizetype next = i + 1;
        if (c == '\r' && next < body.size() && body.at(next) == '\n')
            ++next;
        if (i == lineStart)
            ends.append(next);
        lineStart = i = next;
    }
    return ends;
}

QByteArray ScriptedResponse::standardReason(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 424:
        return "Failed Dependency";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 498:
        return "Flex Tier Capacity Exceeded";
    case 499:
        return "Client Closed Request";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

} // namespace versus::test
