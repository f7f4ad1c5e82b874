// SPDX-License-Identifier: GPL-3.0-or-later
// ChatStream end to end: a real QNetworkAccessManager against the scripted loopback server,
// with every recorded provider fixture and every error class.
#include "fixture.h"
#include "openaichunks.h"
#include "providers/chatstream.h"
#include "providers/providerregistry.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace versus;
using namespace versus::test;
using End = ScriptedResponse::End;

namespace {

const QByteArray kCanary = QByteArrayLiteral("gsk_CANARY_k3y_0123456789abcdefXYZ");
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logLines << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString modelFor(const QString &provider)
{
    if (provider == u"groq")
        return QStringLiteral("openai/gpt-oss-120b");
    if (provider == u"together")
        return QStringLiteral("openai/gpt-oss-120b");
    if (provider == u"deepseek")
        return QStringLiteral("deepseek-flash");
    return QStringLiteral("test-model");
}

ChatRequest requestFor(const QString &provider, const QString &model = {})
{
    ChatRequest request;
    request.providerId = provider;
    request.config.model = model.isEmpty() ? modelFor(provider) : model;
    request.messages.append(ChatMessage::user(QStringLiteral("hi")));
    return request;
}

QByteArray chunk(const QString &text)
{
    return openAiContentChunk(text);
}

const QByteArray kFinish =
    QByteArrayLiteral(R"({"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})");

std::optional<qint64> optInt(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
}

bool near(const std::optional<double> &got, const QJsonValue &want)
{
    if (want.isNull() || want.isUndefined())
        return !got;
    return got && qAbs(*got - want.toDouble()) < 1e-6;
}

} // namespace

class TestChatStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fixtures_data();
    void fixtures();
    void errorClasses_data();
    void errorClasses();
    void retriesBeforeFirstByte();
    void givesUpAfterTwoRetries();
    void longRetryAfterIsNotWaited();
    void noRetryAfterFirstByte();
    void connectionRefused();
    void tlsFailure();
    void crossOriginRedirectSendsNoKey();
    void sameOriginRedirectIsFollowed();
    void redirectLoopStops();
    void plainHttpToRemoteHostSendsNothing();
    void invalidRequestSendsNothing();
    void missingKeySendsNothing();
    void cancelKeepsPartialAnswer();
    void requestCarriesKeyAndUsageOption();

private:
    std::unique_ptr<ChatStream> run(const ChatRequest &request, const QUrl &baseUrl, TransportOptions options = {},
                                    QByteArray key = kCanary);
    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestChatStream::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(captureMessages);
    m_registry = ProviderRegistry::createDefault();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void TestChatStream::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
    for (const QString &line : std::as_const(g_logLines))
        QVERIFY2(!line.contains(QString::fromLatin1(kCanary)), qPrintable(line));
}

std::unique_ptr<ChatStream> TestChatStream::run(const ChatRequest &request, const QUrl &baseUrl,
                                                TransportOptions options, QByteArray key)
{
    const Provider *provider = m_registry->find(request.providerId);
    if (!provider)
        return nullptr;
    auto stream = std::make_unique<ChatStream>(*m_network, *provider, request, ApiKey::fromUtf8(std::move(key)),
                                               baseUrl, options);
    QSignalSpy finished(stream.get(), &ChatStream::finished);
    stream->start();
    if (finished.isEmpty())
        finished.wait(20000);
    // finished exactly once, even after the event loop ran on
    QTest::qWait(20);
    if (finished.size() != 1)
        return nullptr;
    // Nothing in a result may carry the key.
    const ChatResult &r = stream->result();
    if (r.error && r.error->message.contains(QString::fromLatin1(key)) && !key.isEmpty())
        return nullptr;
    return stream;
}

void TestChatStream::fixtures_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("delivery"); // 0 whole, 1 byte by byte, 2 one write per event, 3 CRLF line endings
    for (const QString &provider : {QStringLiteral("groq"), QStringLiteral("together"), QStringLiteral("deepseek")}) {
        for (const QString &name : fixtureNames(provider)) {
            QTest::addRow("%s/%s whole", qPrintable(provider), qPrintable(name)) << provider << name << 0;
            QTest::addRow("%s/%s bytewise", qPrintable(provider), qPrintable(name)) << provider << name << 1;
            QTest::addRow("%s/%s per-event", qPrintable(provider), qPrintable(name)) << provider << name << 2;
            QTest::addRow("%s/%s crlf", qPrintable(provider), qPrintable(name)) << provider << name << 3;
        }
    }
}

void TestChatStream::fixtures()
{
    QFETCH(QString, provider);
    QFETCH(QString, name);
    QFETCH(int, delivery);
    const Fixture fixture =
        loadFixture(provider, name,
                    delivery == 3 ? ScriptedResponse::BodyLineEndings::Crlf : ScriptedResponse::BodyLineEndings::AsIs);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    ScriptedResponse response = fixture.response;
    if (delivery == 1)
        response.splitBodyEvery(1);
    else if (delivery == 2)
        response.splitBodyAtEvents();

    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", "/v1/chat/completions", response);
    TransportOptions options;
    options.retry.maxRetries = 0;
    auto stream = run(requestFor(provider), server.url("/v1"), options);
    QVERIFY(stream);
    QCOMPARE(server.requestCount(), 1);

    const QJsonObject want = fixture.expected;
    const ChatResult &got = stream->result();
    QCOMPARE(resultStatusName(got.status), want.value(u"status").toString());
    QCOMPARE(got.text, want.value(u"text").toString());
    QCOMPARE(got.reasoning, want.value(u"reasoning").toString());
    const QJsonArray wantCalls = want.value(u"tool_calls").toArray();
    QCOMPARE(got.toolCalls.size(), wantCalls.size());
    for (qsizetype i = 0; i < wantCalls.size(); ++i) {
        const QJsonObject call = wantCalls.at(i).toObject();
        QCOMPARE(got.toolCalls.at(i).id, call.value(u"id").toString());
        QCOMPARE(got.toolCalls.at(i).name, call.value(u"name").toString());
        QCOMPARE(got.toolCalls.at(i).arguments, call.value(u"arguments").toString());
    }
    const QJsonValue finish = want.value(u"finish_reason");
    QCOMPARE(got.finishReason.value_or(QString()), finish.isNull() ? QString() : finish.toString());

    const QJsonValue usage = want.value(u"usage");
    if (usage.isObject()) {
        const QJsonObject u = usage.toObject();
        QVERIFY(!got.usage.estimated);
        QCOMPARE(got.usage.promptTokens, optInt(u.value(u"prompt_tokens")));
        QCOMPARE(got.usage.completionTokens, optInt(u.value(u"completion_tokens")));
        QCOMPARE(got.usage.reasoningTokens, optInt(u.value(u"reasoning_tokens")));
        QCOMPARE(got.usage.cachedPromptTokens, optInt(u.value(u"cached_prompt_tokens")));
    } else {
        // No usage on the wire: either nothing was generated, or the counts are marked estimated.
        QVERIFY(got.usage.isEmpty() || got.usage.estimated);
    }

    const QJsonValue server_ = want.value(u"server");
    if (server_.isObject()) {
        QVERIFY(got.server);
        const QJsonObject s = server_.toObject();
        QVERIFY(near(got.server->queueMs, s.value(u"queue_ms")));
        QVERIFY(near(got.server->promptMs, s.value(u"prompt_ms")));
        QVERIFY(near(got.server->completionMs, s.value(u"completion_ms")));
        QVERIFY(stream->metrics().server);
    } else {
        QVERIFY(!got.server);
    }

    const QJsonValue rate = want.value(u"rate_limit");
    if (rate.isObject()) {
        const QJsonObject r = rate.toObject();
        QCOMPARE(got.rateLimit.limitRequests, optInt(r.value(u"limit_requests")));
        QCOMPARE(got.rateLimit.limitTokens, optInt(r.value(u"limit_tokens")));
        QCOMPARE(got.rateLimit.remainingRequests, optInt(r.value(u"remaining_requests")));
        QCOMPARE(got.rateLimit.remainingTokens, optInt(r.value(u"remaining_tokens")));
        QVERIFY(near(got.rateLimit.resetRequestsS, r.value(u"reset_requests_s")));
        QVERIFY(near(got.rateLimit.resetTokensS, r.value(u"reset_tokens_s")));
    }

    const QJsonValue error = want.value(u"error");
    if (error.isObject()) {
        QVERIFY(got.error);
        const QJsonObject e = error.toObject();
        QCOMPARE(errorKindName(got.error->kind), e.value(u"kind").toString());
        QCOMPARE(got.error->httpStatus, e.value(u"http_status").toInt());
        QVERIFY2(got.error->message.contains(e.value(u"message_contains").toString()), qPrintable(got.error->message));
        if (e.contains(u"retry_after_s"))
            QVERIFY(near(got.error->retryAfterS, e.value(u"retry_after_s")));
    } else {
        QVERIFY2(!got.error, got.error ? qPrintable(got.error->message) : "");
    }

    const StreamMetrics metrics = stream->metrics();
    if (!got.text.isEmpty() || !got.reasoning.isEmpty() || !got.toolCalls.isEmpty()) {
        QVERIFY(metrics.ttftMs && *metrics.ttftMs >= 0);
        QVERIFY(metrics.e2eMs && *metrics.e2eMs >= *metrics.ttftMs);
        QVERIFY(metrics.chunks >= 1);
    }
}

void TestChatStream::errorClasses_data()
{
    QTest::addColumn<ScriptedResponse>("response");
    QTest::addColumn<int>("idleTimeoutMs");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("partial");

    const QList<QByteArray> three{chunk(QStringLiteral("Hel")), chunk(QStringLiteral("lo")), kFinish};
    const ScriptedResponse full = ScriptedResponse::sseData(three);
    const qsizetype midThird = ScriptedResponse::sseEventEnds(full.body()).at(1) + 10;

    QTest::addRow("401") << ScriptedResponse::json(
                                401, R"({"error":{"message":"Invalid API Key","code":"invalid_api_key"}})")
                         << 5000 << "error"
                         << "auth" << 401 << "Invalid API Key"
                         << "";
    QTest::addRow("402") << ScriptedResponse::json(402, R"({"error":{"message":"Insufficient Balance"}})") << 5000
                         << "error"
                         << "quota" << 402 << "Insufficient Balance"
                         << "";
    QTest::addRow("404") << ScriptedResponse::json(
                                404, R"({"error":{"message":"model not found","code":"model_not_found"}})")
                         << 5000 << "error"
                         << "not_found" << 404 << "model not found"
                         << "";
    QTest::addRow("400") << ScriptedResponse::json(400, R"({"error":{"message":"bad temperature"}})") << 5000 << "error"
                         << "bad_request" << 400 << "bad temperature"
                         << "";
    QTest::addRow("422") << ScriptedResponse::json(422, R"({"detail":[{"msg":"field required"}]})") << 5000 << "error"
                         << "bad_request" << 422 << "field required"
                         << "";
    QTest::addRow("429") << ScriptedResponse::json(429, R"({"error":{"message":"Rate limit reached"}})",
                                                   {{"retry-after", "7"}})
                         << 5000 << "error"
                         << "rate_limit" << 429 << "Rate limit reached"
                         << "";
    QTest::addRow("500") << ScriptedResponse::json(500, R"({"error":{"message":"Internal error"}})") << 5000 << "error"
                         << "server" << 500 << "Internal error"
                         << "";
    QTest::addRow("498") << ScriptedResponse::json(498, R"({"error":{"message":"capacity exceeded"}})") << 5000
                         << "error"
                         << "server" << 498 << "capacity exceeded"
                         << "";
    QTest::addRow("200 with JSON error body")
        << ScriptedResponse::json(200, R"({"error":{"message":"The model is overloaded"}})") << 5000 << "error"
        << "stream" << 200 << "overloaded"
        << "";
    QTest::addRow("200 with HTML") << ScriptedResponse::text(200, "text/html; charset=utf-8", "<html>Sign in</html>")
                                   << 5000 << "error"
                                   << "stream" << 200 << "text/html"
                                   << "";
    QTest::addRow("error event mid-stream")
        << ScriptedResponse::sseData({chunk(QStringLiteral("Par")), R"({"error":{"message":"upstream died"}})"}, 0,
                                     false)
        << 5000 << "error"
        << "stream" << 200 << "upstream died"
        << "Par";
    QTest::addRow("malformed chunk") << ScriptedResponse::sseData(
                                            {chunk(QStringLiteral("Par")), "{\"choices\":[{\"delta\":"}, 0, false)
                                     << 5000 << "error"
                                     << "stream" << 200 << "malformed"
                                     << "Par";
    QTest::addRow("connection closed mid-event")
        << ScriptedResponse(full).cutBodyAt(midThird, End::Close) << 5000 << "error|truncated"
        << "network|stream" << 200 << ""
        << "Hello";
    QTest::addRow("connection reset mid-event")
        << ScriptedResponse(full).cutBodyAt(midThird, End::Abort) << 5000 << "error|truncated"
        << "network|stream" << 200 << ""
        << "Hello";
    QTest::addRow("stall mid-stream") << ScriptedResponse(full).cutBodyAt(midThird, End::Stall) << 400 << "error"
                                      << "timeout" << 200 << "stopped sending"
                                      << "Hello";
    QTest::addRow("ends without DONE or finish")
        << ScriptedResponse::sseData({chunk(QStringLiteral("Hel")), chunk(QStringLiteral("lo"))}, 0, false)
               .setFraming(ScriptedResponse::Framing::CloseDelimited)
        << 5000 << "truncated"
        << "stream" << 200 << "cut off"
        << "Hello";
    QTest::addRow("data after DONE") << ScriptedResponse::sse({"data: " + chunk(QStringLiteral("ok")) + "\n\n",
                                                               "data: [DONE]\n\n",
                                                               "data: " + chunk(QStringLiteral("late")) + "\n\n"})
                                     << 5000 << "error"
                                     << "stream" << 200 << "after the end"
                                     << "ok";
    QTest::addRow("headers then nothing") << ScriptedResponse::sse({}).stall() << 5000 << "error"
                                          << "timeout" << 200 << "did not start"
                                          << "";
    QTest::addRow("never answers") << ScriptedResponse().neverRespond() << 5000 << "error"
                                   << "timeout" << 0 << "did not start"
                                   << "";
}

void TestChatStream::errorClasses()
{
    QFETCH(ScriptedResponse, response);
    QFETCH(int, idleTimeoutMs);
    QFETCH(QString, status);
    QFETCH(QString, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, message);
    QFETCH(QString, partial);

    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", "/v1/chat/completions", response);
    TransportOptions options;
    options.retry.maxRetries = 0;
    options.firstByteTimeoutMs = 500;
    options.idleTimeoutMs = idleTimeoutMs;
    auto stream = run(requestFor(QStringLiteral("groq")), server.url("/v1"), options);
    QVERIFY(stream);
    const ChatResult &got = stream->result();
    // A cut connection is reported by Qt either as an error or as a clean end, depending on
    // whether the close arrives with the last bytes; both must keep the partial answer.
    QVERIFY2(status.split(u'|').contains(resultStatusName(got.status)), qPrintable(resultStatusName(got.status)));
    QVERIFY(got.error);
    QVERIFY2(kind.split(u'|').contains(errorKindName(got.error->kind)), qPrintable(errorKindName(got.error->kind)));
    QCOMPARE(got.error->httpStatus, httpStatus);
    QVERIFY2(got.error->message.contains(message, Qt::CaseInsensitive), qPrintable(got.error->message));
    QVERIFY(!got.error->message.isEmpty());
    QCOMPARE(got.text, partial);
    if (kind == u"rate_limit")
        QCOMPARE(got.error->retryAfterS.value_or(-1), 7.0);
}

void TestChatStream::retriesBeforeFirstByte()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::json(503, R"({"error":{"message":"Overloaded"}})", {{"retry-after-ms", "20"}}));
    server.enqueue(ScriptedResponse::json(429, R"({"error":{"message":"slow down"}})", {{"retry-after", "0.05"}}));
    server.enqueue(ScriptedResponse::sseData({chunk(QStringLiteral("Done")), kFinish}));
    const Provider *provider = m_registry->find(QStringLiteral("groq"));
    ChatStream stream(*m_network, *provider, requestFor(QStringLiteral("groq")), ApiKey::fromUtf8(kCanary),
                      server.url("/v1"));
    QSignalSpy retrying(&stream, &ChatStream::retrying);
    QSignalSpy finished(&stream, &ChatStream::finished);
    stream.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(stream.result().status, ResultStatus::Ok);
    QCOMPARE(stream.result().text, QStringLiteral("Done"));
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(retrying.size(), 2);
    QCOMPARE(retrying.at(0).at(1).toDouble(), 0.02);
    QCOMPARE(retrying.at(1).at(1).toDouble(), 0.05);
    QCOMPARE(stream.attempts(), 3);
}

void TestChatStream::givesUpAfterTwoRetries()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", "/v1/chat/completions",
                 ScriptedResponse::json(500, R"({"error":{"message":"boom"}})", {{"retry-after-ms", "10"}}));
    auto stream = run(requestFor(QStringLiteral("groq")), server.url("/v1"));
    QVERIFY(stream);
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(stream->result().error->kind, ErrorKind::Server);
}

void TestChatStream::longRetryAfterIsNotWaited()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", "/v1/chat/completions",
                 ScriptedResponse::json(429, R"({"error":{"message":"daily limit"}})", {{"retry-after", "3600"}}));
    auto stream = run(requestFor(QStringLiteral("groq")), server.url("/v1"));
    QVERIFY(stream);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(stream->result().error->kind, ErrorKind::RateLimit);
    QCOMPARE(stream->result().error->retryAfterS.value_or(0), 3600.0);
}

void TestChatStream::noRetryAfterFirstByte()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    ScriptedResponse response = ScriptedResponse::sseData({chunk(QStringLiteral("Half")), kFinish});
    response.cutBodyAt(ScriptedResponse::sseEventEnds(response.body()).first(), End::Abort);
    server.route("POST", "/v1/chat/completions", response);
    auto stream = run(requestFor(QStringLiteral("groq")), server.url("/v1"));
    QVERIFY(stream);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(stream->result().text, QStringLiteral("Half"));
    QVERIFY(stream->result().status == ResultStatus::Error || stream->result().status == ResultStatus::Truncated);
}

void TestChatStream::connectionRefused()
{
    const quint16 port = closedLoopbackPort();
    TransportOptions options;
    options.retry.baseDelayS = 0.01;
    auto stream = run(requestFor(QStringLiteral("ollama"), QStringLiteral("llama3:8b")),
                      QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)), options, {});
    QVERIFY(stream);
    QCOMPARE(stream->result().error->kind, ErrorKind::Network);
    QVERIFY2(
        stream->result().error->message.contains(QStringLiteral("Ollama is not running on 127.0.0.1:%1").arg(port)),
        qPrintable(stream->result().error->message));
    QCOMPARE(stream->attempts(), 1); // a local server that is not running is not retried
}

void TestChatStream::tlsFailure()
{
    NotTlsPeer peer; // answers the TLS ClientHello with plain text, as a plain-HTTP port would
    QVERIFY(peer.isListening());
    TransportOptions options;
    options.retry.maxRetries = 0;
    options.firstByteTimeoutMs = 5000;
    auto stream = run(requestFor(QStringLiteral("groq")), peer.httpsUrl(QStringLiteral("/v1")), options);
    QVERIFY(stream);
    QVERIFY(stream->result().error);
    QCOMPARE(errorKindName(stream->result().error->kind), QStringLiteral("tls"));
    QVERIFY(stream->result().error->message.contains(u"certificate"));
}

void TestChatStream::crossOriginRedirectSendsNoKey()
{
    ScriptedServer first;
    ScriptedServer other; // another port is another origin
    QVERIFY(first.listen());
    QVERIFY(other.listen());
    other.route("", "/v1/chat/completions", ScriptedResponse::sseData({chunk(QStringLiteral("stolen")), kFinish}));
    for (int status : {301, 302, 307, 308}) {
        first.clearRoutes();
        first.route("POST", "/v1/chat/completions",
                    ScriptedResponse::redirect(status, other.url("/v1/chat/completions")));
        auto stream = run(requestFor(QStringLiteral("groq")), first.url("/v1"));
        QVERIFY(stream);
        QCOMPARE(stream->result().status, ResultStatus::Error);
        QVERIFY2(stream->result().error->message.contains(u"redirect"), qPrintable(stream->result().error->message));
        QCOMPARE(other.requestCount(), 0);
        QCOMPARE(stream->result().text, QString());
    }
}

void TestChatStream::sameOriginRedirectIsFollowed()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", "/old/chat/completions", ScriptedResponse::redirect(307, server.url("/v1/chat/completions")));
    server.route("POST", "/v1/chat/completions", ScriptedResponse::sseData({chunk(QStringLiteral("moved")), kFinish}));
    auto stream = run(requestFor(QStringLiteral("groq")), server.url("/old"));
    QVERIFY(stream);
    QVERIFY2(stream->result().status == ResultStatus::Ok,
             stream->result().error ? qPrintable(stream->result().error->message) : "not ok");
    QCOMPARE(stream->result().text, QStringLiteral("moved"));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.request(1).header("authorization"), QByteArray("Bearer " + kCanary));
    QCOMPARE(server.request(1).json().value(u"model").toString(), QStringLiteral("openai/gpt-oss-120b"));
    QCOMPARE(stream->attempts(), 1); // following a redirect is not a retry
}

void TestChatStream::redirectLoopStops()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    // A relative Location, back to itself: followed a few times, then given up.
    server.route("POST", "/loop/chat/completions",
                 ScriptedResponse::redirect(308, QUrl(QStringLiteral("/loop/chat/completions"))));
    auto stream = run(requestFor(QStringLiteral("groq")), server.url("/loop"));
    QVERIFY(stream);
    QCOMPARE(stream->result().status, ResultStatus::Error);
    QVERIFY2(stream->result().error->message.contains(u"kept redirecting"),
             qPrintable(stream->result().error->message));
    QCOMPARE(server.requestCount(), 6);
}

void TestChatStream::plainHttpToRemoteHostSendsNothing()
{
    // ".invalid" never resolves; the request must be refused before any lookup anyway.
    auto stream = run(requestFor(QStringLiteral("groq")), QUrl(QStringLiteral("http://api.example.invalid/v1")));
    QVERIFY(stream);
    QCOMPARE(stream->result().error->kind, ErrorKind::Config);
    QVERIFY2(stream->result().error->message.contains(u"http://"), qPrintable(stream->result().error->message));
    QCOMPARE(stream->attempts(), 0);
}

void TestChatStream::invalidRequestSendsNothing()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    ChatRequest request = requestFor(QStringLiteral("groq"), QStringLiteral("groq/compound"));
    request.config.tools = QJsonArray{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                    {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), QStringLiteral("lookup")}}}}};
    request.config.temperature = 9;
    auto stream = run(request, server.url("/v1"));
    QVERIFY(stream);
    QCOMPARE(stream->result().error->kind, ErrorKind::Config);
    QVERIFY(stream->result().error->message.contains(u"function calls"));
    QVERIFY(stream->result().error->message.contains(u"Temperature"));
    QTest::qWait(50);
    QCOMPARE(server.requestCount(), 0);
}

void TestChatStream::missingKeySendsNothing()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    auto stream = run(requestFor(QStringLiteral("deepseek")), server.url("/v1"), {}, {});
    QVERIFY(stream);
    QCOMPARE(stream->result().error->kind, ErrorKind::Config);
    QVERIFY(stream->result().error->message.contains(u"DEEPSEEK_API_KEY"));
    QTest::qWait(50);
    QCOMPARE(server.requestCount(), 0);
}

void TestChatStream::cancelKeepsPartialAnswer()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    QList<QByteArray> payloads;
    for (int i = 0; i < 50; ++i)
        payloads << chunk(QStringLiteral("t%1 ").arg(i));
    server.route("POST", "/v1/chat/completions", ScriptedResponse::sseData(payloads, 20));
    const Provider *provider = m_registry->find(QStringLiteral("groq"));
    ChatStream stream(*m_network, *provider, requestFor(QStringLiteral("groq")), ApiKey::fromUtf8(kCanary),
                      server.url("/v1"));
    QSignalSpy finished(&stream, &ChatStream::finished);
    int deltas = 0;
    connect(&stream, &ChatStream::deltaReceived, this, [&] {
        if (++deltas == 3)
            stream.cancel(); // from inside a delta handler, as the UI's Stop button may
    });
    stream.start();
    QVERIFY(finished.wait(10000));
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(stream.result().status, ResultStatus::Cancelled);
    QCOMPARE(stream.result().error->kind, ErrorKind::Cancelled);
    QCOMPARE(stream.result().text, QStringLiteral("t0 t1 t2 "));
    stream.cancel(); // harmless after the end
    QCOMPARE(finished.size(), 1);
}

void TestChatStream::requestCarriesKeyAndUsageOption()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", "/openai/v1/chat/completions",
                 ScriptedResponse::sseData({chunk(QStringLiteral("x")), kFinish}));
    ChatRequest request = requestFor(QStringLiteral("groq"));
    request.config.systemPrompt = QStringLiteral("Be brief.");
    auto stream = run(request, server.url("/openai/v1"));
    QVERIFY(stream);
    const RecordedRequest recorded = server.lastRequest();
    QCOMPARE(recorded.method, QByteArray("POST"));
    QCOMPARE(recorded.header("authorization"), QByteArray("Bearer " + kCanary));
    QVERIFY(recorded.header("content-type").startsWith("application/json"));
    const QJsonObject body = recorded.json();
    QCOMPARE(body.value(u"model").toString(), QStringLiteral("openai/gpt-oss-120b"));
    QCOMPARE(body.value(u"stream").toBool(), true);
    QCOMPARE(body.value(u"stream_options").toObject().value(u"include_usage").toBool(), true);
    QCOMPARE(body.value(u"messages").toArray().size(), 2);
    QVERIFY(!recorded.path.contains(kCanary));
    QVERIFY(!recorded.body.contains(kCanary));
}

QTEST_GUILESS_MAIN(TestChatStream)
#include "tst_chatstream.moc"
