// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → MCP servers, driven offscreen with clicks and typing: real versus-test-mcp
// processes, a temporary configuration file and an engine over an in-memory key store.
#include "appsettings.h"
#include "engine/engine.h"
#include "mcp/client.h"
#include "mcp/hub.h"
#include "mcp/hubtools.h"
#include "mcp/mcpconfig.h"
#include "secrets/memorykeystore.h"
#include "settings/mcpservereditor.h"
#include "settings/mcpserverspage.h"
#include "windowdialogs.h"

#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <signal.h>

using namespace versus;
using namespace versus::ui;

namespace {

constexpr int kWaitMs = 15000;
const QString kServerPath = QStringLiteral(VERSUS_TEST_MCP_PATH);

/// A temporary folder, an in-memory key store and an engine without history or user files.
struct Harness {
    QTemporaryDir dir;
    QNetworkAccessManager network;
    MemoryKeyStore keys;
    Engine engine{options()};
    QString path = dir.filePath(QStringLiteral("config/versus/mcp.json"));

    EngineOptions options()
    {
        network.setProxy(QNetworkProxy::NoProxy);
        EngineOptions o;
        o.keyStore = &keys;
        o.network = &network;
        o.history = false;
        o.userFiles = false;
        return o;
    }

    bool writeConfig(const QList<mcp::ServerConfig> &servers)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(mcp::writeConfig(servers)) > 0;
    }

    QList<mcp::ServerConfig> readConfig()
    {
        auto servers = mcp::readConfigFile(path);
        if (!servers)
            qWarning("%s", qPrintable(servers.error()));
        return servers.value_or(QList<mcp::ServerConfig>());
    }

    std::optional<KeyResult> storedKey(const QString &entry)
    {
        QObject context;
        std::optional<KeyResult> answer;
        keys.read(entry, &context, [&answer](KeyResult r) { answer = std::move(r); });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            return std::nullopt;
        return answer;
    }
};

mcp::ServerConfig stdioServer(const QString &name, const QString &command)
{
    mcp::ServerConfig server;
    server.name = name;
    server.command = command;
    return server;
}

QTreeWidgetItem *row(McpServersPage &page, const QString &name)
{
    auto *list = page.findChild<QTreeWidget *>(QStringLiteral("mcpServerList"));
    for (int i = 0; list && i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0) == name)
            return list->topLevelItem(i);
    return nullptr;
}

QString stateText(McpServersPage &page, const QString &name)
{
    QTreeWidgetItem *item = row(page, name);
    return item ? item->text(2) : QString();
}

QStringList toolNames(McpServersPage &page)
{
    QStringList names;
    auto *tools = page.findChild<QTreeWidget *>(QStringLiteral("mcpToolList"));
    for (int i = 0; tools && i < tools->topLevelItemCount(); ++i)
        names << tools->topLevelItem(i)->text(0);
    return names;
}

void click(QWidget &parent, const char *name)
{
    auto *button = parent.findChild<QPushButton *>(QLatin1String(name));
    QVERIFY2(button, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

template<typename T>
T *part(QWidget *parent, const char *name)
{
    return parent ? parent->findChild<T *>(QLatin1String(name)) : nullptr;
}

} // namespace

class tst_McpServersPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo(kServerPath).isExecutable(), qPrintable(kServerPath));
    }

    void addStdioServerRunsAndStops()
    {
        Harness h;
        McpServersPage page(h.engine, h.path);
        page.show();
        QVERIFY(h.engine.mcpHub());
        QCOMPARE(h.engine.mcpHub()->clients().size(), 0);

        click(page, "addMcpServer");
        McpServerEditor *editor = page.editor();
        QVERIFY(editor);
        auto *save = part<QPushButton>(editor, "mcpSave");
        QVERIFY(!save->isEnabled()); // no name, no command yet
        QTest::keyClicks(part<QLineEdit>(editor, "mcpName"), QStringLiteral("calc"));
        QVERIFY(!save->isEnabled());
        part<QLineEdit>(editor, "mcpCommand")->setText(kServerPath);
        part<QPlainTextEdit>(editor, "mcpArgs")->setPlainText(QStringLiteral("--stderr-lines\n2"));
        part<QPlainTextEdit>(editor, "mcpEnv")->setPlainText(QStringLiteral("VERSUS_TEST_VALUE=a b=c"));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(!page.editor());

        // In the file, in a folder only the user can enter.
        const QList<mcp::ServerConfig> saved = h.readConfig();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().name, QStringLiteral("calc"));
        QCOMPARE(saved.first().command, kServerPath);
        QCOMPARE(saved.first().args, (QStringList{QStringLiteral("--stderr-lines"), QStringLiteral("2")}));
        QCOMPARE(saved.first().env.value(QStringLiteral("VERSUS_TEST_VALUE")), QStringLiteral("a b=c"));
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                                          QFile::WriteOther | QFile::ExeOther;
        QVERIFY(!(QFileInfo(QFileInfo(h.path).absolutePath()).permissions() & others));
        QVERIFY(!(QFileInfo(h.path).permissions() & others));

        // Started, and its tools listed with their schemas.
        QTRY_VERIFY_WITH_TIMEOUT(stateText(page, QStringLiteral("calc")).startsWith(QStringLiteral("running")),
                                 kWaitMs);
        QTRY_VERIFY(toolNames(page).contains(QStringLiteral("add")));
        QVERIFY(toolNames(page).contains(QStringLiteral("echo")));
        auto *tools = page.findChild<QTreeWidget *>(QStringLiteral("mcpToolList"));
        tools->setCurrentItem(tools->topLevelItem(int(toolNames(page).indexOf(QStringLiteral("add")))));
        const QString schema = page.findChild<QPlainTextEdit *>(QStringLiteral("mcpToolSchema"))->toPlainText();
        QVERIFY2(schema.contains(QStringLiteral("\"a\": {")) && schema.contains(QStringLiteral("\"number\"")),
                 qPrintable(schema));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("mcpToolDescription"))
                    ->text()
                    .contains(QStringLiteral("Adds two numbers")));
        QTRY_VERIFY(page.findChild<QPlainTextEdit *>(QStringLiteral("mcpStderr"))
                        ->toPlainText()
                        .contains(QStringLiteral("stderr line 2")));

        // "Always allow" on add: in the file, and honoured without a restart.
        mcp::Client *client = h.engine.mcpHub()->client(QStringLiteral("calc"));
        auto *allow = page.findChild<QCheckBox *>(QStringLiteral("alwaysAllow_add"));
        QVERIFY(allow);
        QVERIFY(!allow->isChecked());
        QTest::mouseClick(allow, Qt::LeftButton);
        QVERIFY(allow->isChecked());
        QCOMPARE(h.readConfig().first().alwaysAllow, QStringList{QStringLiteral("add")});
        QCOMPARE(h.engine.mcpHub()->client(QStringLiteral("calc")), client);
        QCOMPARE(client->config().alwaysAllow, QStringList{QStringLiteral("add")});
        bool addAllowed = false;
        for (const auto &listed : h.engine.mcpTools()->listed())
            if (listed.tool.tool.name == QStringLiteral("add"))
                addAllowed = listed.allowed;
        QVERIFY(addAllowed);

        // Stop: the process is gone.
        const qint64 pid = client->processId();
        QVERIFY(pid > 0);
        click(page, "stopMcpServer");
        QTRY_COMPARE(stateText(page, QStringLiteral("calc")), QStringLiteral("stopped"));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, kWaitMs);
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("startMcpServer"))->isEnabled());

        // Test: started afresh, the result in the details pane.
        click(page, "testMcpServer");
        auto *result = page.findChild<QLabel *>(QStringLiteral("mcpTestResult"));
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Test passed")), kWaitMs);
        QVERIFY(result->text().contains(QStringLiteral("2025-06-18")));
        QVERIFY(result->text().contains(QStringLiteral("add, echo")));
        QVERIFY(client->processId() > 0 && client->processId() != pid);
    }

    void commandThatDoesNotExist()
    {
        Harness h;
        QVERIFY(
            h.writeConfig({stdioServer(QStringLiteral("ghost"), h.dir.filePath(QStringLiteral("no-such-server")))}));
        McpServersPage page(h.engine, h.path);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            stateText(page, QStringLiteral("ghost")).startsWith(QStringLiteral("not running: could not start")),
            kWaitMs);
        page.selectServer(QStringLiteral("ghost"));
        QTRY_VERIFY(page.findChild<QLabel *>(QStringLiteral("mcpServerDetails"))
                        ->text()
                        .contains(QStringLiteral("could not start")));
        QVERIFY(toolNames(page).isEmpty());
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("startMcpServer"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("stopMcpServer"))->isEnabled());
    }

    void httpBearerTokenGoesToTheKeychainThenRemove()
    {
        Harness h;
        mcp::ServerConfig remote;
        remote.name = QStringLiteral("remote");
        remote.transport = mcp::ServerConfig::Transport::Http;
        remote.url = QUrl(QStringLiteral("http://127.0.0.1:9/mcp"));
        remote.enabled = false; // nothing listens there
        QVERIFY(h.writeConfig({remote}));
        McpServersPage page(h.engine, h.path);
        page.show();
        page.selectServer(QStringLiteral("remote"));
        QTRY_VERIFY(stateText(page, QStringLiteral("remote")).contains(QStringLiteral("disabled")));

        click(page, "editMcpServer");
        McpServerEditor *editor = page.editor();
        QVERIFY(editor);
        QCOMPARE(part<QLineEdit>(editor, "mcpUrl")->text(), remote.url.toString());
        auto *bearer = part<QLineEdit>(editor, "mcpBearer");
        QCOMPARE(bearer->echoMode(), QLineEdit::Password);
        QTest::keyClicks(bearer, QStringLiteral("sekret-token-123"));
        part<QPlainTextEdit>(editor, "mcpHeaders")->setPlainText(QStringLiteral("X-Team: blue"));
        part<QLineEdit>(editor, "mcpUrl")->setText(QStringLiteral("ftp://127.0.0.1/mcp"));
        QVERIFY(!part<QPushButton>(editor, "mcpSave")->isEnabled());
        QVERIFY(part<QLabel>(editor, "mcpEditorError")->text().contains(QStringLiteral("http://")));
        part<QLineEdit>(editor, "mcpUrl")->setText(QStringLiteral("http://127.0.0.1:9/mcp"));
        part<QSpinBox>(editor, "mcpTimeout")->setValue(20);
        QTest::mouseClick(part<QPushButton>(editor, "mcpSave"), Qt::LeftButton);
        QTRY_VERIFY(!page.editor());

        QFile file(h.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("Bearer ${keychain}"), text.constData());
        QVERIFY(!text.contains("sekret"));
        const QList<mcp::ServerConfig> saved = h.readConfig();
        QCOMPARE(saved.size(), 1);
        QVERIFY(saved.first().bearerFromKeychain);
        QCOMPARE(saved.first().timeoutMs, 20000);
        QCOMPARE(saved.first().headers.size(), 1);
        QCOMPARE(saved.first().headers.first().first, QByteArray("X-Team"));
        QVERIFY(h.keys.contains(QStringLiteral("mcp:remote")));
        const auto stored = h.storedKey(QStringLiteral("mcp:remote"));
        QVERIFY(stored && stored->key.sameKeyAs(ApiKey::fromUtf8(QByteArray("sekret-token-123"))));

        // Remove, confirmed: gone from the file and from the keychain.
        page.selectServer(QStringLiteral("remote"));
        click(page, "removeMcpServer");
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("confirmRemoveMcpServer"))));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_VERIFY(h.readConfig().isEmpty());
        QTRY_VERIFY(!h.keys.contains(QStringLiteral("mcp:remote")));
        QVERIFY(!row(page, QStringLiteral("remote")));
    }

    void namesMustBeUniqueAndWriteErrorsKeepTheEditorOpen()
    {
        Harness h;
        // The configuration's folder is a file: it cannot be written.
        QFile blocker(h.dir.filePath(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        McpServersPage page(h.engine, h.dir.filePath(QStringLiteral("blocked/mcp.json")));
        page.show();
        click(page, "addMcpServer");
        McpServerEditor *editor = page.editor();
        QVERIFY(editor);
        part<QLineEdit>(editor, "mcpName")->setText(QStringLiteral("calc"));
        part<QLineEdit>(editor, "mcpCommand")->setText(kServerPath);
        QTest::mouseClick(part<QPushButton>(editor, "mcpSave"), Qt::LeftButton);
        QTRY_VERIFY(part<QLabel>(editor, "mcpEditorError")->text().startsWith(QStringLiteral("Not saved")));
        QVERIFY(page.editor());
        QCOMPARE(part<QLineEdit>(editor, "mcpName")->text(), QStringLiteral("calc"));
        editor->reject();

        // A name in use.
        Harness other;
        QVERIFY(other.writeConfig({stdioServer(QStringLiteral("calc"), kServerPath)}));
        McpServersPage second(other.engine, other.path);
        click(second, "addMcpServer");
        editor = second.editor();
        part<QLineEdit>(editor, "mcpName")->setText(QStringLiteral("calc"));
        part<QLineEdit>(editor, "mcpCommand")->setText(kServerPath);
        QVERIFY(!part<QPushButton>(editor, "mcpSave")->isEnabled());
        QVERIFY(part<QLabel>(editor, "mcpEditorError")->text().contains(QStringLiteral("already")));
    }

    void dialogFromTheWindow()
    {
        Harness h;
        QTemporaryDir dir;
        AppSettings settings(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("versus.ini")), QSettings::IniFormat));
        std::unique_ptr<SettingsDialog> dialog(createSettingsDialog(h.engine, settings, nullptr));
        raiseSettingsDialog(dialog.get(), false, SettingsDialog::Page::McpServers);
        QCOMPARE(dialog->objectName(), QStringLiteral("settingsDialog"));
        QCOMPARE(dialog->currentPage(), SettingsDialog::Page::McpServers);
        auto *page = dialog->findChild<McpServersPage *>();
        QVERIFY(page);
        QVERIFY(page->isVisible()); // the page shown is the MCP servers' one
        QCOMPARE(page->configPath(), mcp::defaultConfigPath());
        QVERIFY(dialog->findChild<QTreeWidget *>(QStringLiteral("mcpServerList")));
    }
};

QTEST_MAIN(tst_McpServersPage)
#include "tst_mcpserverspage.moc"
