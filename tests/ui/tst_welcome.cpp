// SPDX-License-Identifier: GPL-3.0-or-later
// The welcome view on first start, clicked through the real window offscreen: it lists a
// local model server that the test runs on a loopback port (the others' ports refuse), and
// one click opens a lane that gets an answer from it.
#include "conversationview.h"
#include "lanewidget.h"
#include "settingsharness.h"
#include "welcomeview.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

class tst_Welcome : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        for (const char *id : {"groq", "ollama", "llamacpp", "lmstudio"})
            setBaseUrl(QLatin1String(id), closedUrl()); // nothing real is ever reached
    }

    void welcomeListsALocalServerAndOpensALane()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.route(
            "GET", "/ollama/v1/models",
            ScriptedResponse::json(
                200,
                "{\"object\":\"list\",\"data\":[{\"id\":\"llama3:8b\",\"object\":\"model\"},\n"
                "                                                    {\"id\":\"qwen3:4b\",\"object\":\"model\"}]}"));
        server.route("POST", "/ollama/v1/chat/completions", answer(QStringLiteral("Local hello")));
        setBaseUrl(QStringLiteral("ollama"), server.url("/ollama/v1"));
        Harness harness; // nothing saved yet: a first start
        auto window = harness.openWindow();
        WelcomeView *welcome = window->welcomeView();
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        QVERIFY(!window->laneStrip()->isVisible());
        QVERIFY(window->composer()->isVisible()); // usable while the probe runs

        QTRY_VERIFY(welcome->findChild<QPushButton *>(QStringLiteral("openLocal_ollama")));
        QTRY_VERIFY(!welcome->localProbe()->isRunning());
        QVERIFY(!welcome->findChild<QWidget *>(QStringLiteral("localServer_llamacpp"))); // its port is closed
        QVERIFY(!welcome->findChild<QWidget *>(QStringLiteral("localServer_lmstudio")));
        auto *models = part<QComboBox>(welcome, "localModels_ollama");
        QCOMPARE(models->count(), 2);
        models->setCurrentIndex(1);
        QTest::mouseClick(part<QPushButton>(welcome, "openLocal_ollama"), Qt::LeftButton);

        QVERIFY(!welcome->isVisible());
        QVERIFY(window->laneStrip()->isVisible());
        QCOMPARE(window->lanes().size(), 1);
        LaneWidget *lane = window->lanes().first();
        QCOMPARE(lane->target(), (Target{QStringLiteral("ollama"), QStringLiteral("qwen3:4b")}));
        QCOMPARE(harness.settings.laneTargets(), QList<Target>{lane->target()});
        typeAndSend(*window, QStringLiteral("Hello, local"));
        QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Local hello"));
        QCOMPARE(server.lastRequest().json().value(u"model").toString(), QStringLiteral("qwen3:4b"));
    }

    void welcomeOnlyOnFirstStartAndFromHelp()
    {
        Harness harness;
        harness.settings.setLaneTargets({kGroqTarget});
        auto window = harness.openWindow();
        QVERIFY(!window->welcomeView()); // lanes were saved: not a first start
        action(*window, "welcomeAction")->trigger();
        QVERIFY(window->welcomeView() && window->welcomeView()->isVisible());
        QTRY_VERIFY(!window->welcomeView()->localProbe()->isRunning());
        auto *status = part<QLabel>(window->welcomeView(), "welcomeProbeStatus");
        QVERIFY2(status->text().contains(QStringLiteral("None found")), qPrintable(status->text()));
        QSignalSpy keys(window->welcomeView(), &WelcomeView::openKeysRequested);
        QTest::mouseClick(part<QPushButton>(window->welcomeView(), "welcomeKeys"), Qt::LeftButton);
        QCOMPARE(keys.size(), 1);
        QTRY_VERIFY(window->settingsDialog() && window->settingsDialog()->isVisible());
        QCOMPARE(window->settingsDialog()->currentPage(), SettingsDialog::Page::ProviderKeys);
        window->settingsDialog()->close();
        QTest::mouseClick(part<QPushButton>(window->welcomeView(), "welcomeClose"), Qt::LeftButton);
        QVERIFY(!window->welcomeView()->isVisible());
        QVERIFY(window->laneStrip()->isVisible());
        QCOMPARE(window->lanes().first()->target(), kGroqTarget); // closing changes no lane
    }
};

QTEST_MAIN(tst_Welcome)
#include "tst_welcome.moc"
