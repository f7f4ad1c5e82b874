// SPDX-License-Identifier: GPL-3.0-or-later
// Settings clicked through the real window offscreen: the dialog and its pages (custom
// endpoints answering in a lane over a loopback server, prices charged, general settings
// stored and applied). The user's files go to a temporary XDG_CONFIG_HOME; keys to an
// in-memory store.
#include "appsettings.h"
#include "composer.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"
#include "settings/customendpointspage.h"
#include "settings/generalpage.h"
#include "settings/mcpserverspage.h"
#include "settings/pricespage.h"
#include "settings/providerkeyspage.h"
#include "settings/settingsdialog.h"
#include "settingsharness.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

class tst_Settings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        for (const char *id : {"groq", "ollama", "llamacpp", "lmstudio"})
            setBaseUrl(QLatin1String(id), closedUrl()); // nothing real is ever reached
        qunsetenv("GROQ_API_KEY");
    }

    void menuOpensTheDialogAtItsPage_data()
    {
        QTest::addColumn<QByteArray>("actionName");
        QTest::addColumn<int>("page");
        QTest::addRow("general") << QByteArray("settingsAction") << int(SettingsDialog::Page::General);
        QTest::addRow("keys") << QByteArray("providerKeysAction") << int(SettingsDialog::Page::ProviderKeys);
        QTest::addRow("endpoints") << QByteArray("customEndpointsAction") << int(SettingsDialog::Page::CustomEndpoints);
        QTest::addRow("prices") << QByteArray("pricesAction") << int(SettingsDialog::Page::Prices);
        QTest::addRow("mcp") << QByteArray("mcpServersAction") << int(SettingsDialog::Page::McpServers);
    }
    void menuOpensTheDialogAtItsPage()
    {
        QFETCH(QByteArray, actionName);
        QFETCH(int, page);
        Harness harness;
        harness.settings.setLaneTargets({kGroqTarget});
        auto window = harness.openWindow();
        action(*window, actionName.constData())->trigger();
        SettingsDialog *dialog = window->settingsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(int(dialog->currentPage()), page);
        QCOMPARE(part<QListWidget>(dialog, "settingsPages")->currentRow(), page);
        const QList<QWidget *> pages{dialog->generalPage(), dialog->providerKeysPage(), dialog->customEndpointsPage(),
                                     dialog->pricesPage(), dialog->mcpServersPage()};
        for (int i = 0; i < pages.size(); ++i)
            QCOMPARE(pages.at(i)->isVisible(), i == page);
        // One dialog: the other entries show it again at their page.
        window->openMcpServers();
        QCOMPARE(window->settingsDialog(), dialog);
        QCOMPARE(dialog->currentPage(), SettingsDialog::Page::McpServers);
        window->openProviderKeys(QStringLiteral("groq"));
        QCOMPARE(dialog->currentPage(), SettingsDialog::Page::ProviderKeys);
        QCOMPARE(window->providerKeysDialog(), dialog);
        QVERIFY(dialog->providerKeysPage()->findChild<QLineEdit *>(QStringLiteral("entry_groq")));
    }

    void customEndpointAnswersInALane()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.route("POST", "/gw/v1/chat/completions", answer(QStringLiteral("Hello from the gateway")));
        Harness harness;
        harness.settings.setLaneTargets({kGroqTarget});
        auto window = harness.openWindow();
        const int generation = harness.engine->registry().generation();
        window->openSettings(SettingsDialog::Page::CustomEndpoints);
        CustomEndpointsPage *page = window->settingsDialog()->customEndpointsPage();
        QTRY_VERIFY(page->isVisible());

        QTest::keyClicks(part<QLineEdit>(page, "endpointName"), QStringLiteral("Loopback Gateway"));
        QCOMPARE(part<QLineEdit>(page, "endpointId")->text(), QStringLiteral("loopback-gateway")); // derived
        QTest::keyClicks(part<QLineEdit>(page, "endpointUrl"), server.url("/gw/v1").toString());
        part<QCheckBox>(page, "endpointKeyRequired")->setChecked(false);
        QTest::keyClicks(part<QPlainTextEdit>(page, "endpointModels"), QStringLiteral("tiny-model"));
        QTest::mouseClick(part<QPushButton>(page, "endpointSave"), Qt::LeftButton);
        QVERIFY2(part<QLabel>(page, "endpointError")->isHidden(),
                 qPrintable(part<QLabel>(page, "endpointError")->text()));
        QCOMPARE(part<QListWidget>(page, "endpointList")->count(), 1);

        // Saved where the registry reads it, with no key in it.
        QFile file(ProviderRegistry::userCatalogPath());
        QVERIFY(file.fileName().startsWith(harness.dir.path()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject entry = QJsonDocument::fromJson(file.readAll()).object()[u"providers"][0].toObject();
        QCOMPARE(entry.value(u"id").toString(), QStringLiteral("loopback-gateway"));
        QCOMPARE(entry.value(u"base_url").toString(), server.url("/gw/v1").toString());
        QCOMPARE(entry.value(u"models").toArray(), QJsonArray{QStringLiteral("tiny-model")});

        // The engine knows it at once, and the open lane offers it without a restart.
        QCOMPARE(harness.engine->registry().generation(), generation + 1);
        LaneWidget *lane = window->lanes().first();
        const int index = lane->providerBox()->findData(QStringLiteral("loopback-gateway"));
        QVERIFY(index >= 0);
        QCOMPARE(lane->providerBox()->itemText(index), QStringLiteral("Loopback Gateway"));
        QCOMPARE(lane->target(), kGroqTarget); // the lane's choice did not move
        window->settingsDialog()->close();

        lane->providerBox()->setCurrentIndex(index);
        QCOMPARE(lane->target(), (Target{QStringLiteral("loopback-gateway"), QStringLiteral("tiny-model")}));
        typeAndSend(*window, QStringLiteral("Hi gateway"));
        QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Hello from the gateway"));
        // One chat request (the lane's model picker may also have asked for the model list).
        QList<RecordedRequest> chats;
        for (const RecordedRequest &request : server.requests()) {
            if (request.method == "POST")
                chats.append(request);
            else
                QCOMPARE(request.path, QByteArray("/gw/v1/models"));
        }
        QCOMPARE(chats.size(), 1);
        QCOMPARE(chats.first().path, QByteArray("/gw/v1/chat/completions"));
        QCOMPARE(chats.first().json().value(u"model").toString(), QStringLiteral("tiny-model"));
        for (const RecordedRequest &request : server.requests())
            QVERIFY(request.header("authorization").isEmpty()); // no key needed, none sent
    }

    void customEndpointRefusedWithReason_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        const QString url = QStringLiteral("https://llm.example.com/v1");
        QTest::addRow("no name") << QString() << QStringLiteral("x") << url << QStringLiteral("name");
        QTest::addRow("built-in id") << QStringLiteral("Mine") << QStringLiteral("groq") << url
                                     << QStringLiteral("built-in");
        QTest::addRow("taken id") << QStringLiteral("Again") << QStringLiteral("first") << url
                                  << QStringLiteral("already");
        QTest::addRow("ftp") << QStringLiteral("Files") << QStringLiteral("files")
                             << QStringLiteral("ftp://llm.example.com/v1") << QStringLiteral("http://");
        QTest::addRow("no URL") << QStringLiteral("Nowhere") << QStringLiteral("nowhere") << QString()
                                << QStringLiteral("http://");
    }
    void customEndpointRefusedWithReason()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QFETCH(QString, url);
        QFETCH(QString, reason);
        Harness harness;
        CustomEndpointsPage page(*harness.engine);
        page.show();
        part<QLineEdit>(&page, "endpointName")->setText(QStringLiteral("First"));
        part<QLineEdit>(&page, "endpointId")->setText(QStringLiteral("first"));
        part<QLineEdit>(&page, "endpointUrl")->setText(QStringLiteral("https://first.example.com/v1"));
        QVERIFY(page.save());
        QFile file(ProviderRegistry::userCatalogPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        page.startNew();
        part<QLineEdit>(&page, "endpointName")->setText(name);
        QTest::keyClicks(part<QLineEdit>(&page, "endpointId"), id);
        part<QLineEdit>(&page, "endpointUrl")->setText(url);
        QSignalSpy changed(&page, &CustomEndpointsPage::providersChanged);
        QTest::mouseClick(part<QPushButton>(&page, "endpointSave"), Qt::LeftButton);
        QLabel *error = part<QLabel>(&page, "endpointError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(reason, Qt::CaseInsensitive), qPrintable(error->text()));
        QCOMPARE(changed.size(), 0);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before); // nothing written
        // Removing the first one takes it out of the engine too.
        QVERIFY(harness.engine->registry().find(QStringLiteral("first")));
        part<QListWidget>(&page, "endpointList")->setCurrentRow(0);
        QTest::mouseClick(part<QPushButton>(&page, "endpointRemove"), Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!harness.engine->registry().find(QStringLiteral("first")));
    }

    void handWrittenProblemIsShown()
    {
        Harness harness;
        const QString path = ProviderRegistry::userCatalogPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"providers\": [{\"id\": \"files\", \"name\": \"Files\", \"base_url\": \"ftp://files.example.com\"}]}");
        file.close();
        harness.engine->reloadProviders();
        CustomEndpointsPage page(*harness.engine);
        page.show();
        QCOMPARE(part<QListWidget>(&page, "endpointList")->count(), 1); // listed, to be mended
        QLabel *error = part<QLabel>(&page, "endpointError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("base_url")), qPrintable(error->text()));
        QVERIFY2(error->text().contains(QStringLiteral("files")), qPrintable(error->text()));
        // Mended in the page, the problem is gone and the endpoint usable.
        part<QListWidget>(&page, "endpointList")->setCurrentRow(0);
        part<QLineEdit>(&page, "endpointUrl")->setText(QStringLiteral("https://files.example.com/v1"));
        QVERIFY(page.save());
        QVERIFY(error->isHidden());
        QVERIFY(harness.engine->registry().find(QStringLiteral("files")));
    }

    void priceOverrideIsShownAndCharged()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        setBaseUrl(QStringLiteral("groq"), server.url("/groq/v1"));
        server.route("POST", "/groq/v1/chat/completions", answer(QStringLiteral("Priced"), 20, 3));
        Harness harness;
        QVERIFY(harness.storeKey(QStringLiteral("groq"), "gsk_test_key_for_prices_0001"));
        harness.settings.setLaneTargets({kGroqTarget});
        auto window = harness.openWindow();
        window->openSettings(SettingsDialog::Page::Prices);
        PricesPage *page = window->settingsDialog()->pricesPage();
        QTRY_VERIFY(page->isVisible());

        QTest::keyClicks(part<QLineEdit>(page, "priceFilter"), QStringLiteral("gpt-oss-120b"));
        QSortFilterProxyModel *rows = page->filtered();
        QVERIFY(rows->rowCount() >= 1);
        QVERIFY(rows->rowCount() < page->model()->rowCount());
        int groqRow = -1;
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, PricesPage::ProviderColumn).data().toString() == u"groq")
                groqRow = row;
        }
        QVERIFY(groqRow >= 0);
        QCOMPARE(rows->index(groqRow, PricesPage::SourceColumn).data().toString(), QStringLiteral("bundled"));
        QVERIFY(!rows->index(groqRow, PricesPage::DateColumn).data().toString().isEmpty());
        // Picking the row fills the editor.
        auto *table = part<QTableView>(page, "priceTable");
        table->setCurrentIndex(rows->index(groqRow, 0));
        QCOMPARE(part<QLineEdit>(page, "priceModel")->text(), kGroqTarget.model);
        QCOMPARE(part<QComboBox>(page, "priceProvider")->currentData().toString(), QStringLiteral("groq"));
        QVERIFY(!part<QPushButton>(page, "priceRemove")->isEnabled()); // nothing of the user's yet

        part<QLineEdit>(page, "priceInput")->setText(QStringLiteral("1"));
        part<QLineEdit>(page, "priceOutput")->setText(QStringLiteral("2"));
        part<QLineEdit>(page, "priceCached")->clear();
        QSignalSpy changed(page, &PricesPage::pricesChanged);
        QTest::mouseClick(part<QPushButton>(page, "priceSave"), Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        QVERIFY2(part<QLabel>(page, "priceError")->isHidden(), qPrintable(part<QLabel>(page, "priceError")->text()));
        groqRow = -1;
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, PricesPage::ProviderColumn).data().toString() == u"groq")
                groqRow = row;
        }
        QCOMPARE(rows->index(groqRow, PricesPage::SourceColumn).data().toString(), QStringLiteral("user"));
        QCOMPARE(rows->index(groqRow, PricesPage::InputColumn).data().toString(), QStringLiteral("1"));
        QCOMPARE(rows->index(groqRow, PricesPage::DateColumn).data().toString(),
                 QDate::currentDate().toString(Qt::ISODate));
        QVERIFY(part<QPushButton>(page, "priceRemove")->isEnabled());
        QVERIFY(QFile::exists(PriceCatalog::defaultOverridePath()));
        window->settingsDialog()->close();

        // The next answer is charged at 1 and 2 USD per Mtok: 20 × 1 + 3 × 2 micro-USD.
        typeAndSend(*window, QStringLiteral("How much?"));
        LaneWidget *lane = window->lanes().first();
        QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Priced"));
        QTRY_VERIFY(!lane->isBusy());
        QCOMPARE(window->sessionCost().pricedCount(), 1);
        QCOMPARE(window->sessionCost().totalMicroUsd(), 26);

        // Removed, the catalog's price is in force again.
        QTest::mouseClick(part<QPushButton>(page, "priceRemove"), Qt::LeftButton);
        QCOMPARE(harness.engine->prices().find(kGroqTarget.provider, kGroqTarget.model)->origin, PriceOrigin::Bundled);
    }

    void generalSettingsRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("box");
        QTest::addColumn<QString>("value");
        QTest::addRow("send with Ctrl+Enter") << QByteArray("sendKeyBox") << QStringLiteral("ctrl-enter");
        QTest::addRow("send with Enter") << QByteArray("sendKeyBox") << QStringLiteral("enter");
        QTest::addRow("dark") << QByteArray("themeBox") << QStringLiteral("dark");
        QTest::addRow("light") << QByteArray("themeBox") << QStringLiteral("light");
        QTest::addRow("english") << QByteArray("languageBox") << QStringLiteral("en");
    }
    void generalSettingsRoundTrip()
    {
        QFETCH(QByteArray, box);
        QFETCH(QString, value);
        Harness harness;
        harness.settings.setLaneTargets({kGroqTarget});
        auto window = harness.openWindow();
        QSignalSpy theme(window.get(), &MainWindow::themeChanged);
        QSignalSpy sendKey(window.get(), &MainWindow::sendKeyChanged);
        window->openSettings(SettingsDialog::Page::General);
        GeneralPage *page = window->settingsDialog()->generalPage();
        auto *combo = part<QComboBox>(page, box.constData());
        // From the other value, so that the change is a change.
        combo->setCurrentIndex(combo->findData(value) == 0 ? 1 : 0);
        theme.clear();
        sendKey.clear();
        combo->setCurrentIndex(combo->findData(value));
        QVERIFY(combo->currentIndex() >= 0);

        AppSettings reread(
            std::make_unique<QSettings>(harness.dir.filePath(QStringLiteral("versus.ini")), QSettings::IniFormat));
        harness.settings.sync();
        const QString stored = box == "sendKeyBox" ? reread.sendKey()
                               : box == "themeBox" ? reread.theme()
                                                   : reread.language();
        QCOMPARE(stored, value);
        QCOMPARE(theme.size(), box == "themeBox" ? 1 : 0);
        QCOMPARE(sendKey.size(), box == "sendKeyBox" ? 1 : 0);
        if (box == "themeBox")
            QCOMPARE(theme.first().first().toString(), value);
        if (box == "sendKeyBox")
            QCOMPARE(sendKey.first().first().toString(), value);
        // A new page shows what is stored.
        GeneralPage again(*harness.engine, reread);
        QCOMPARE(part<QComboBox>(&again, box.constData())->currentData().toString(), value);
    }

    void defaultsAreSystemAndEnter()
    {
        QTemporaryDir dir;
        AppSettings fresh(std::make_unique<QSettings>(dir.filePath(QStringLiteral("x.ini")), QSettings::IniFormat));
        QCOMPARE(fresh.sendKey(), QStringLiteral("enter"));
        QCOMPARE(fresh.theme(), QStringLiteral("system"));
        QCOMPARE(fresh.language(), QStringLiteral("system"));
        QVERIFY(fresh.historyPath().isEmpty());
        QCOMPARE(fresh.proxy(), net::ProxySettings{});
        fresh.setTheme(QStringLiteral("purple")); // not a theme: the default
        QCOMPARE(fresh.theme(), QStringLiteral("system"));
    }

    void proxyModeIsApplied()
    {
        Harness harness;
        GeneralPage page(*harness.engine, harness.settings);
        page.show();
        auto *mode = part<QComboBox>(&page, "proxyModeBox");
        auto *host = part<QLineEdit>(&page, "proxyHost");
        auto *port = part<QSpinBox>(&page, "proxyPort");
        QCOMPARE(mode->currentData().toString(), QStringLiteral("system"));
        QVERIFY(!host->isEnabled());

        mode->setCurrentIndex(mode->findData(QStringLiteral("manual")));
        QVERIFY(host->isEnabled());
        host->setText(QStringLiteral("proxy.corp"));
        QMetaObject::invokeMethod(host, "editingFinished");
        port->setValue(3128);
        QNetworkAccessManager &network = harness.engine->network();
        QVERIFY(network.proxyFactory());
        const QList<QNetworkProxy> manual =
            network.proxyFactory()->queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://api.groq.com/v1"))));
        QCOMPARE(manual.value(0).type(), QNetworkProxy::HttpProxy);
        QCOMPARE(manual.value(0).hostName(), QStringLiteral("proxy.corp"));
        QCOMPARE(manual.value(0).port(), quint16(3128));
        QCOMPARE(harness.settings.proxy(),
                 (net::ProxySettings{net::ProxySettings::Mode::Manual, QStringLiteral("proxy.corp"), 3128}));

        mode->setCurrentIndex(mode->findData(QStringLiteral("none")));
        QCOMPARE(network.proxy().type(), QNetworkProxy::NoProxy);
        QCOMPARE(harness.settings.proxy().mode, net::ProxySettings::Mode::None);

        qputenv("HTTPS_PROXY", "http://envproxy.corp:8080");
        mode->setCurrentIndex(mode->findData(QStringLiteral("system")));
        QVERIFY(network.proxyFactory());
        const auto chosen =
            network.proxyFactory()->queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://api.groq.com/"))));
        qunsetenv("HTTPS_PROXY");
        QCOMPARE(chosen.value(0).hostName(), QStringLiteral("envproxy.corp"));
        QCOMPARE(harness.settings.proxy().mode, net::ProxySettings::Mode::System);
    }

    void historyLocationTakesEffectAtNextStart()
    {
        Harness harness;
        const QString now = harness.dir.filePath(QStringLiteral("history.sqlite"));
        harness.settings.setHistoryPath(now); // this start opened the history the settings name
        GeneralPage page(*harness.engine, harness.settings);
        page.show();
        QCOMPARE(page.currentHistoryPath(), now);
        QVERIFY(part<QLabel>(&page, "historyPathLabel")->text().contains(QStringLiteral("history.sqlite")));
        QVERIFY(part<QLabel>(&page, "historyNote")->isHidden());
        const QString next = harness.dir.filePath(QStringLiteral("elsewhere/kept.sqlite"));
        QString offered;
        page.setAskHistoryPath([&](const QString &current) {
            offered = current;
            return next;
        });
        QTest::mouseClick(part<QPushButton>(&page, "changeHistoryPath"), Qt::LeftButton);
        QCOMPARE(offered, now);
        QCOMPARE(harness.settings.historyPath(), next);
        QVERIFY(part<QLabel>(&page, "historyNote")->isVisible());
        QVERIFY(part<QLabel>(&page, "historyNote")->text().contains(QStringLiteral("kept.sqlite")));
        QCOMPARE(harness.engine->history()->path(), now); // this run goes on where it was

        // The next start, as app/gui/main.cpp builds it, opens the history there.
        EngineOptions options;
        options.keyStore = &harness.keys;
        options.network = &harness.network;
        options.userFiles = false;
        options.historyPath = harness.settings.historyPath();
        Engine next_start(options);
        QVERIFY(next_start.history());
        QCOMPARE(next_start.history()->path(), next);

        // Another program's file or database is refused, and the choice stays as it was.
        QFile text(harness.dir.filePath(QStringLiteral("notes.sqlite")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a database\n");
        text.close();
        const QString foreignDb = harness.dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(foreignDb);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes (id INTEGER)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        for (const QString &refused : {text.fileName(), foreignDb}) {
            page.setAskHistoryPath([&](const QString &) { return refused; });
            QTest::mouseClick(part<QPushButton>(&page, "changeHistoryPath"), Qt::LeftButton);
            QCOMPARE(harness.settings.historyPath(), next);
            QVERIFY(part<QLabel>(&page, "historyNote")->text().contains(QStringLiteral("not a Versus history")));
        }
        const QByteArray notes = [&] {
            QFile again(text.fileName());
            return again.open(QIODevice::ReadOnly) ? again.readAll() : QByteArray();
        }();
        QCOMPARE(notes, QByteArray("not a database\n")); // untouched
        // A Versus history is accepted.
        page.setAskHistoryPath([&](const QString &) { return now; });
        QTest::mouseClick(part<QPushButton>(&page, "changeHistoryPath"), Qt::LeftButton);
        QCOMPARE(harness.settings.historyPath(), now);

        QTest::mouseClick(part<QPushButton>(&page, "defaultHistoryPath"), Qt::LeftButton);
        QVERIFY(harness.settings.historyPath().isEmpty());
        QVERIFY(part<QLabel>(&page, "historyNote")
                    ->text()
                    .contains(QDir::toNativeSeparators(history::HistoryStore::defaultPath())));
    }
};

QTEST_MAIN(tst_Settings)
#include "tst_settings.moc"
