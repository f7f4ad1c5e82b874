// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ratelimitheaders.h"
#include "net/requestauthorizer.h"
#include "net/retrypolicy.h"

#include <QTest>

using namespace versus;

class TestNetPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void durations_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<double>("seconds"); // < 0: unreadable
        QTest::addRow("ms") << QByteArray("12ms") << 0.012;
        QTest::addRow("seconds") << QByteArray("7.66s") << 7.66;
        QTest::addRow("minutes zero seconds") << QByteArray("6m0s") << 360.0;
        QTest::addRow("minutes fractional seconds") << QByteArray("2m59.56s") << 179.56;
        QTest::addRow("hours") << QByteArray("1h2m3s") << 3723.0;
        QTest::addRow("bare number") << QByteArray("30") << 30.0;
        QTest::addRow("spaces") << QByteArray(" 1s ") << 1.0;
        QTest::addRow("unknown unit") << QByteArray("5d") << -1.0;
        QTest::addRow("garbage") << QByteArray("soon") << -1.0;
        QTest::addRow("empty") << QByteArray("") << -1.0;
    }
    void durations()
    {
        QFETCH(QByteArray, text);
        QFETCH(double, seconds);
        const auto parsed = net::parseDurationSeconds(text);
        if (seconds < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QVERIFY2(qAbs(*parsed - seconds) < 1e-9, qPrintable(QString::number(*parsed)));
        }
    }

    void rateLimitHeaders()
    {
        const RawHeaders headers{{"X-RateLimit-Limit-Requests", "14400"},     {"x-ratelimit-limit-tokens", "18000"},
                                 {"x-ratelimit-remaining-requests", "14399"}, {"x-ratelimit-remaining-tokens", "17997"},
                                 {"x-ratelimit-reset-requests", "2m59.56s"},  {"x-ratelimit-reset-tokens", "7.66s"},
                                 {"content-type", "text/event-stream"}};
        const RateLimit limit = net::parseRateLimit(headers);
        QCOMPARE(limit.limitRequests, 14400);
        QCOMPARE(limit.limitTokens, 18000);
        QCOMPARE(limit.remainingRequests, 14399);
        QCOMPARE(limit.remainingTokens, 17997);
        QVERIFY(qAbs(*limit.resetRequestsS - 179.56) < 1e-9);
        QVERIFY(qAbs(*limit.resetTokensS - 7.66) < 1e-9);
        QVERIFY(net::parseRateLimit({{"content-type", "x"}}).isEmpty());
    }

    // Anthropic's headers: counts as numbers, resets as RFC 3339 times read against a given "now".
    void anthropicRateLimitHeaders_data()
    {
        QTest::addColumn<RawHeaders>("headers");
        QTest::addColumn<qint64>("remainingRequests"); // -1: absent
        QTest::addColumn<qint64>("remainingTokens");
        QTest::addColumn<qint64>("limitTokens");
        QTest::addColumn<double>("resetRequestsS"); // < 0: absent
        QTest::addColumn<double>("resetTokensS");
        QTest::addRow("combined tokens") << RawHeaders{{"anthropic-ratelimit-requests-limit", "50"},
                                                       {"anthropic-ratelimit-requests-remaining", "49"},
                                                       {"anthropic-ratelimit-requests-reset", "2026-12-01T12:00:07Z"},
                                                       {"Anthropic-RateLimit-Tokens-Limit", "90000"},
                                                       {"anthropic-ratelimit-tokens-remaining", "88500"},
                                                       {"anthropic-ratelimit-tokens-reset", "2026-12-01T12:00:01.500Z"},
                                                       {"anthropic-ratelimit-input-tokens-remaining", "1"}}
                                         << qint64(49) << qint64(88500) << qint64(90000) << 7.0 << 1.5;
        QTest::addRow("input tokens stand in")
            << RawHeaders{{"anthropic-ratelimit-input-tokens-limit", "40000"},
                          {"anthropic-ratelimit-input-tokens-remaining", "39000"},
                          {"anthropic-ratelimit-input-tokens-reset", "2026-12-01T13:00:30+01:00"},
                          {"anthropic-ratelimit-output-tokens-remaining", "7000"}}
            << qint64(-1) << qint64(39000) << qint64(40000) << -1.0 << 30.0;
        QTest::addRow("reset already past")
            << RawHeaders{{"anthropic-ratelimit-requests-reset", "2026-12-01T11:59:00Z"}} << qint64(-1) << qint64(-1)
            << qint64(-1) << 0.0 << -1.0;
        QTest::addRow("unreadable reset") << RawHeaders{{"anthropic-ratelimit-requests-reset", "in a minute"},
                                                        {"anthropic-ratelimit-requests-remaining", "3"}}
                                          << qint64(3) << qint64(-1) << qint64(-1) << -1.0 << -1.0;
    }
    void anthropicRateLimitHeaders()
    {
        QFETCH(RawHeaders, headers);
        QFETCH(qint64, remainingRequests);
        QFETCH(qint64, remainingTokens);
        QFETCH(qint64, limitTokens);
        QFETCH(double, resetRequestsS);
        QFETCH(double, resetTokensS);
        const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
        const RateLimit limit = net::parseRateLimit(headers, now);
        const auto count = [](qint64 v) { return v < 0 ? std::optional<qint64>() : std::optional<qint64>(v); };
        QCOMPARE(limit.remainingRequests, count(remainingRequests));
        QCOMPARE(limit.remainingTokens, count(remainingTokens));
        QCOMPARE(limit.limitTokens, count(limitTokens));
        QCOMPARE(limit.resetRequestsS.has_value(), resetRequestsS >= 0);
        if (limit.resetRequestsS)
            QVERIFY2(qAbs(*limit.resetRequestsS - resetRequestsS) < 1e-9,
                     qPrintable(QString::number(*limit.resetRequestsS)));
        QCOMPARE(limit.resetTokensS.has_value(), resetTokensS >= 0);
        if (limit.resetTokensS)
            QVERIFY2(qAbs(*limit.resetTokensS - resetTokensS) < 1e-9, qPrintable(QString::number(*limit.resetTokensS)));
    }

    void retryPolicy_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<RawHeaders>("headers");
        QTest::addColumn<double>("expected"); // < 0: no retry
        QTest::addRow("first backoff") << 0 << true << RawHeaders{} << 0.5;
        QTest::addRow("second backoff") << 1 << true << RawHeaders{} << 1.0;
        QTest::addRow("no third retry") << 2 << true << RawHeaders{} << -1.0;
        QTest::addRow("not retryable") << 0 << false << RawHeaders{} << -1.0;
        QTest::addRow("retry-after seconds") << 0 << true << RawHeaders{{"Retry-After", "3"}} << 3.0;
        QTest::addRow("retry-after-ms wins")
            << 0 << true << RawHeaders{{"retry-after", "3"}, {"retry-after-ms", "250"}} << 0.25;
        QTest::addRow("retry-after too long") << 0 << true << RawHeaders{{"retry-after", "121"}} << -1.0;
        QTest::addRow("x-should-retry false") << 0 << true << RawHeaders{{"x-should-retry", "false"}} << -1.0;
        QTest::addRow("x-should-retry true") << 0 << false << RawHeaders{{"x-should-retry", "true"}} << 0.5;
    }
    void retryPolicy()
    {
        QFETCH(int, attempt);
        QFETCH(bool, retryable);
        QFETCH(RawHeaders, headers);
        QFETCH(double, expected);
        net::RetryPolicy policy;
        policy.jitter = [] { return 1.0; };
        const auto delay = policy.delayBeforeRetry(attempt, retryable, headers);
        if (expected < 0) {
            QVERIFY(!delay);
        } else {
            QVERIFY(delay);
            QCOMPARE(*delay, expected);
        }
    }

    void retryJitterStaysInRange()
    {
        net::RetryPolicy policy;
        for (int i = 0; i < 200; ++i) {
            const double d = *policy.delayBeforeRetry(1, true, {});
            QVERIFY2(d >= 0.75 && d <= 1.0, qPrintable(QString::number(d)));
        }
        QVERIFY(*policy.delayBeforeRetry(0, true, {}) <= 0.5);
        policy.maxRetries = 10;
        policy.jitter = [] { return 1.0; };
        QCOMPARE(*policy.delayBeforeRetry(9, true, {}), 8.0); // capped backoff
    }

    void retryableStatuses()
    {
        for (int status : {408, 409, 429, 500, 502, 503, 504, 529})
            QVERIFY2(net::RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
        for (int status : {400, 401, 402, 403, 404, 413, 422})
            QVERIFY2(!net::RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
    }

    void authorizer_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<int>("style");
        QTest::addColumn<bool>("withKey");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QByteArray>("header");
        QTest::addRow("https bearer") << QUrl(QStringLiteral("https://api.groq.com/openai/v1/chat/completions"))
                                      << int(AuthStyle::Bearer) << true << true << QByteArray("Authorization");
        QTest::addRow("https x-api-key") << QUrl(QStringLiteral("https://api.synesia.ai/v1/llm-exec/round/stream"))
                                         << int(AuthStyle::XApiKey) << true << true << QByteArray("x-api-key");
        QTest::addRow("https x-goog-api-key")
            << QUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta/models/"
                                   "gemini-2.5-flash:streamGenerateContent?alt=sse"))
            << int(AuthStyle::XGoogApiKey) << true << true << QByteArray("x-goog-api-key");
        QTest::addRow("http loopback x-goog-api-key")
            << QUrl(QStringLiteral("http://127.0.0.1:8080/v1beta/models")) << int(AuthStyle::XGoogApiKey) << true
            << true << QByteArray("x-goog-api-key");
        QTest::addRow("http remote x-goog-api-key refused")
            << QUrl(QStringLiteral("http://generativelanguage.example/v1beta")) << int(AuthStyle::XGoogApiKey) << true
            << false << QByteArray();
        QTest::addRow("http loopback ip") << QUrl(QStringLiteral("http://127.0.0.1:8080/v1")) << int(AuthStyle::Bearer)
                                          << true << true << QByteArray("Authorization");
        QTest::addRow("http localhost") << QUrl(QStringLiteral("http://localhost:11434/v1")) << int(AuthStyle::Bearer)
                                        << true << true << QByteArray("Authorization");
        QTest::addRow("http ipv6 loopback") << QUrl(QStringLiteral("http://[::1]:1234/v1")) << int(AuthStyle::Bearer)
                                            << true << true << QByteArray("Authorization");
        QTest::addRow("http remote with key refused") << QUrl(QStringLiteral("http://api.example.com/v1"))
                                                      << int(AuthStyle::Bearer) << true << false << QByteArray();
        QTest::addRow("http lan with key refused") << QUrl(QStringLiteral("http://192.168.1.20:11434/v1"))
                                                   << int(AuthStyle::Bearer) << true << false << QByteArray();
        QTest::addRow("http remote without key") << QUrl(QStringLiteral("http://192.168.1.20:11434/v1"))
                                                 << int(AuthStyle::None) << false << true << QByteArray();
        QTest::addRow("user info refused") << QUrl(QStringLiteral("https://user:pw@api.example.com/v1"))
                                           << int(AuthStyle::Bearer) << true << false << QByteArray();
        QTest::addRow("ftp refused") << QUrl(QStringLiteral("ftp://example.com/")) << int(AuthStyle::Bearer) << true
                                     << false << QByteArray();
        QTest::addRow("no key no header") << QUrl(QStringLiteral("https://api.example.com/v1"))
                                          << int(AuthStyle::Bearer) << false << true << QByteArray();
    }
    void authorizer()
    {
        QFETCH(QUrl, url);
        QFETCH(int, style);
        QFETCH(bool, withKey);
        QFETCH(bool, allowed);
        QFETCH(QByteArray, header);
        const ApiKey key = withKey ? ApiKey::fromUtf8("sk-canary-0123456789abcdef") : ApiKey();
        const auto request = net::RequestAuthorizer::build(url, AuthStyle(style), key);
        QCOMPARE(request.has_value(), allowed);
        if (!allowed) {
            QVERIFY(!request.error().isEmpty());
            QVERIFY(!request.error().contains(u"canary"));
            return;
        }
        QCOMPARE(request->attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::SameOriginRedirectPolicy));
        QVERIFY(!request->url().toString().contains(u"canary"));
        // Exactly one auth header, the one the style names.
        for (const QByteArray &other :
             {QByteArray("Authorization"), QByteArray("x-api-key"), QByteArray("x-goog-api-key")}) {
            if (other != header)
                QVERIFY2(!request->hasRawHeader(other), other.constData());
        }
        if (header.isEmpty()) {
            QVERIFY(!request->hasRawHeader("Authorization"));
            QVERIFY(!request->hasRawHeader("x-api-key"));
        } else if (header == "Authorization") {
            QCOMPARE(request->rawHeader(header), QByteArray("Bearer sk-canary-0123456789abcdef"));
        } else {
            QCOMPARE(request->rawHeader(header), QByteArray("sk-canary-0123456789abcdef"));
        }
    }

    void displayUrlDropsSecrets()
    {
        const QString shown = net::displayUrl(QUrl(QStringLiteral("https://u:p@host.example/v1?key=abc#frag")));
        QVERIFY(!shown.contains(u"abc"));
        QVERIFY(!shown.contains(u"u:p"));
        QVERIFY(shown.contains(u"host.example/v1"));
    }

    void apiKeyRedaction_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("shown");
        QTest::addRow("groq") << QByteArray("gsk_abcdefghijklmnopa1b2") << QStringLiteral("gsk_…a1b2");
        QTest::addRow("openai") << QByteArray("sk-proj-abcdefghijk9z8y") << QStringLiteral("sk-…9z8y");
        QTest::addRow("no prefix") << QByteArray("abcdefghijklmnop1234") << QStringLiteral("…1234");
        QTest::addRow("short") << QByteArray("abc123") << QStringLiteral("…");
        QTest::addRow("empty") << QByteArray() << QString();
    }
    void apiKeyRedaction()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, shown);
        QCOMPARE(ApiKey::fromUtf8(key).redacted(), shown);
    }
};

QTEST_GUILESS_MAIN(TestNetPolicy)
#include "tst_netpolicy.moc"
