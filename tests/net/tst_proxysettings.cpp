// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → General → Proxy in core: what the system setting reads from the environment,
// and each mode applied to a QNetworkAccessManager.
#include "net/proxysettings.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

using namespace versus::net;

namespace {
const char *const kVariables[] = {"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"};
} // namespace

class tst_ProxySettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        for (const char *name : kVariables)
            qunsetenv(name);
    }
    void cleanupTestCase() { init(); }

    void environment_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("noProxy");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("type"); // -1: nothing from the environment
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        const int http = QNetworkProxy::HttpProxy;
        const int none = QNetworkProxy::NoProxy;
        const QString api = QStringLiteral("https://api.groq.com/openai/v1/models");
        QTest::addRow("HTTPS_PROXY") << QByteArray("HTTPS_PROXY") << QByteArray("http://proxy.corp:3128")
                                     << QByteArray() << api << http << QStringLiteral("proxy.corp") << 3128;
        QTest::addRow("https_proxy") << QByteArray("https_proxy") << QByteArray("proxy.corp:8080") << QByteArray()
                                     << api << http << QStringLiteral("proxy.corp") << 8080;
        QTest::addRow("no port") << QByteArray("https_proxy") << QByteArray("http://proxy.corp") << QByteArray() << api
                                 << http << QStringLiteral("proxy.corp") << 80;
        QTest::addRow("socks") << QByteArray("https_proxy") << QByteArray("socks5://127.0.0.2:1081") << QByteArray()
                               << api << int(QNetworkProxy::Socks5Proxy) << QStringLiteral("127.0.0.2") << 1081;
        QTest::addRow("http url ignores HTTPS_PROXY")
            << QByteArray("HTTPS_PROXY") << QByteArray("http://proxy.corp:3128") << QByteArray()
            << QStringLiteral("http://example.com/v1") << -1 << QString() << 0;
        QTest::addRow("HTTP_PROXY for http")
            << QByteArray("HTTP_PROXY") << QByteArray("http://proxy.corp:3128") << QByteArray()
            << QStringLiteral("http://example.com/v1") << http << QStringLiteral("proxy.corp") << 3128;
        QTest::addRow("NO_PROXY suffix") << QByteArray("HTTPS_PROXY") << QByteArray("http://proxy.corp:3128")
                                         << QByteArray("example.org, .groq.com") << api << none << QString() << 0;
        QTest::addRow("NO_PROXY other host")
            << QByteArray("HTTPS_PROXY") << QByteArray("http://proxy.corp:3128") << QByteArray("example.org") << api
            << http << QStringLiteral("proxy.corp") << 3128;
        QTest::addRow("NO_PROXY *") << QByteArray("HTTPS_PROXY") << QByteArray("http://proxy.corp:3128")
                                    << QByteArray("*") << api << none << QString() << 0;
        QTest::addRow("localhost direct")
            << QByteArray("HTTP_PROXY") << QByteArray("http://proxy.corp:3128") << QByteArray()
            << QStringLiteral("http://localhost:11434/v1") << none << QString() << 0;
        QTest::addRow("loopback direct") << QByteArray("HTTP_PROXY") << QByteArray("http://proxy.corp:3128")
                                         << QByteArray() << QStringLiteral("http://127.0.0.1:8080/v1") << none
                                         << QString() << 0;
        QTest::addRow("nothing set") << QByteArray() << QByteArray() << QByteArray() << api << -1 << QString() << 0;
    }
    void environment()
    {
        QFETCH(QByteArray, variable);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, noProxy);
        QFETCH(QString, url);
        QFETCH(int, type);
        QFETCH(QString, host);
        QFETCH(int, port);
        if (!variable.isEmpty())
            qputenv(variable.constData(), value);
        if (!noProxy.isEmpty())
            qputenv("NO_PROXY", noProxy);
        const auto proxy = EnvironmentProxyFactory::fromEnvironment(QUrl(url));
        if (type < 0) {
            QVERIFY(!proxy);
            return;
        }
        QVERIFY(proxy);
        QCOMPARE(int(proxy->type()), type);
        QCOMPARE(proxy->hostName(), host);
        QCOMPARE(int(proxy->port()), port);
    }

    void modeNames_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("name");
        QTest::addRow("system") << int(ProxySettings::Mode::System) << QStringLiteral("system");
        QTest::addRow("none") << int(ProxySettings::Mode::None) << QStringLiteral("none");
        QTest::addRow("manual") << int(ProxySettings::Mode::Manual) << QStringLiteral("manual");
    }
    void modeNames()
    {
        QFETCH(int, mode);
        QFETCH(QString, name);
        QCOMPARE(proxyModeName(ProxySettings::Mode(mode)), name);
        QVERIFY(proxyModeFromName(name) == ProxySettings::Mode(mode));
        QVERIFY(!proxyModeFromName(u"socks"));
    }

    void appliedToTheNetwork()
    {
        QNetworkAccessManager network;
        applyProxy(network, ProxySettings{ProxySettings::Mode::Manual, QStringLiteral("proxy.corp"), 3128});
        QVERIFY(network.proxyFactory());
        const QList<QNetworkProxy> manual =
            network.proxyFactory()->queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://api.groq.com/v1"))));
        QCOMPARE(manual.value(0).type(), QNetworkProxy::HttpProxy);
        QCOMPARE(manual.value(0).hostName(), QStringLiteral("proxy.corp"));
        QCOMPARE(manual.value(0).port(), quint16(3128));
        // This machine's model servers are reached directly.
        for (const char *local : {"http://127.0.0.1:11434/v1", "http://localhost:1234/v1", "http://[::1]:8080/v1"}) {
            const QList<QNetworkProxy> direct =
                network.proxyFactory()->queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(local))));
            QCOMPARE(direct.value(0).type(), QNetworkProxy::NoProxy);
        }

        applyProxy(network, ProxySettings{ProxySettings::Mode::None, {}, 0});
        QCOMPARE(network.proxy().type(), QNetworkProxy::NoProxy);

        qputenv("HTTPS_PROXY", "http://proxy.corp:3128");
        applyProxy(network, ProxySettings{});
        QVERIFY(network.proxyFactory());
        QCOMPARE(network.proxy().type(), QNetworkProxy::DefaultProxy); // the factory decides
        const QList<QNetworkProxy> chosen =
            network.proxyFactory()->queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://api.openai.com/v1"))));
        QCOMPARE(chosen.value(0).hostName(), QStringLiteral("proxy.corp"));
        QCOMPARE(chosen.value(0).port(), quint16(3128));

        applyProxy(network, ProxySettings{ProxySettings::Mode::None, {}, 0});
        QVERIFY(!network.proxyFactory()); // the factory is gone with the mode
    }
};

QTEST_GUILESS_MAIN(tst_ProxySettings)
#include "tst_proxysettings.moc"
