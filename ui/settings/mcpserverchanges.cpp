// SPDX-License-Identifier: GPL-3.0-or-later
// McpServersPage, its changes: Add / Edit / Remove and "Always allow" written to the
// configuration file, bearer tokens to the keychain, and the servers loaded anew.
#include "engine/engine.h"
#include "mcp/client.h"
#include "mcp/hub.h"
#include "secrets/keystore.h"
#include "settings/mcpservereditor.h"
#include "settings/mcpserverspage.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QSignalBlocker>

namespace versus::ui {

void McpServersPage::addServer()
{
    if (m_hub && !m_editor)
        openEditor(mcp::ServerConfig(), true);
}

void McpServersPage::editServer()
{
    if (const mcp::Client *client = selectedClient(); client && !m_editor)
        openEditor(client->config(), false);
}

void McpServersPage::openEditor(const mcp::ServerConfig &server, bool isNew)
{
    QStringList taken;
    for (const mcp::ServerConfig &config : configs())
        if (isNew || config.name != server.name)
            taken.append(config.name);
    m_editor = new McpServerEditor(server, isNew, taken, this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &McpServerEditor::saveRequested, this, &McpServersPage::saveFromEditor);
    m_editor->open();
}

void McpServersPage::saveFromEditor()
{
    const QPointer<McpServerEditor> editor = m_editor;
    if (!editor)
        return;
    mcp::ServerConfig server = editor->server();
    const mcp::ServerConfig original = editor->original();
    const QString oldName = editor->originalName();
    const bool http = server.transport == mcp::ServerConfig::Transport::Http;
    const bool renamed = !oldName.isEmpty() && oldName != server.name;
    const bool hadToken = !oldName.isEmpty() && original.bearerFromKeychain;
    ApiKey token = editor->bearerToken();
    // The old token entry goes once the file no longer points at it.
    const bool dropOldToken = hadToken && (!http || editor->forgetBearerToken() || (renamed && !token.isEmpty()));
    if (!http || editor->forgetBearerToken())
        server.bearerFromKeychain = false;

    auto write = [this, editor, oldName, dropOldToken](const mcp::ServerConfig &edited) {
        QList<mcp::ServerConfig> servers = configs();
        if (oldName.isEmpty())
            servers.append(edited);
        for (mcp::ServerConfig &config : servers)
            if (!oldName.isEmpty() && config.name == oldName)
                config = edited;
        saveServers(servers, [this, editor, oldName, dropOldToken, name = edited.name](const QString &error) {
            if (editor)
                editor->finishSave(error);
            if (!error.isEmpty())
                return;
            if (dropOldToken)
                forgetToken(oldName);
            selectServer(name);
            showMessage(tr("Saved \"%1\"; the servers were started again with the new configuration.").arg(name),
                        false);
        });
    };

    if (http && !token.isEmpty()) {
        server.bearerFromKeychain = true;
        m_engine.keyStore().write(
            mcp::keychainEntryName(server.name), token, this, [this, editor, server, write](KeyResult result) {
                if (result.status == KeyStatus::Stored) {
                    write(server);
                    return;
                }
                const QString error =
                    tr("The token could not be saved in the system keychain: %1").arg(keyStatusMessage(result));
                if (editor)
                    editor->finishSave(error);
                else
                    showMessage(error, true);
            });
        token.clear();
        return;
    }
    if (http && hadToken && renamed && server.bearerFromKeychain) {
        moveToken(oldName, server.name, [write, server] { write(server); });
        return;
    }
    write(server);
}

void McpServersPage::moveToken(const QString &oldName, const QString &newName, std::function<void()> done)
{
    KeyStore &keys = m_engine.keyStore();
    keys.read(mcp::keychainEntryName(oldName), this, [this, &keys, oldName, newName, done](KeyResult found) {
        if (!found.hasKey()) {
            done();
            return;
        }
        keys.write(mcp::keychainEntryName(newName), found.key, this, [this, oldName, newName, done](KeyResult written) {
            if (written.status == KeyStatus::Stored)
                forgetToken(oldName);
            done();
            if (written.status != KeyStatus::Stored)
                showMessage(tr("The bearer token could not be moved to \"%1\": %2 Enter it again.")
                                .arg(mcp::keychainEntryName(newName), keyStatusMessage(written)),
                            true);
        });
    });
}

void McpServersPage::forgetToken(const QString &name)
{
    m_engine.keyStore().remove(mcp::keychainEntryName(name), this, [this, name](KeyResult result) {
        if (!result.succeeded())
            showMessage(tr("The keychain entry \"%1\" could not be removed: %2")
                            .arg(mcp::keychainEntryName(name), keyStatusMessage(result)),
                        true);
    });
}

void McpServersPage::removeServer()
{
    const mcp::Client *client = selectedClient();
    if (!client)
        return;
    const QString name = client->config().name;
    const bool hadToken = client->config().bearerFromKeychain;
    QString question = tr("Remove the MCP server \"%1\" from %2?").arg(name, QDir::toNativeSeparators(m_path));
    if (hadToken)
        question += u' ' + tr("Its bearer token is removed from the system keychain too.");
    // Window-modal and asynchronous: no nested event loop.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove MCP server"), question,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemoveMcpServer"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, name, hadToken](int answer) {
        if (answer != QMessageBox::Yes)
            return;
        QList<mcp::ServerConfig> servers = configs();
        servers.removeIf([&name](const mcp::ServerConfig &config) { return config.name == name; });
        saveServers(servers, [this, name, hadToken](const QString &error) {
            if (!error.isEmpty()) {
                showMessage(error, true);
                return;
            }
            if (hadToken)
                forgetToken(name);
            showMessage(tr("Removed \"%1\".").arg(name), false);
        });
    });
    box->open();
}

void McpServersPage::saveServers(const QList<mcp::ServerConfig> &servers,
                                 const std::function<void(QString error)> &done)
{
    if (const QString error = writeFile(servers); !error.isEmpty()) {
        done(tr("Not saved: %1").arg(error));
        return;
    }
    // The servers running are stopped and started again from the file just written.
    if (m_hub) {
        m_hub->disconnect(this);
        for (mcp::Client *client : m_hub->clients())
            client->disconnect(this);
    }
    const auto loaded = m_engine.loadMcp(m_path);
    m_loadError = loaded ? QString() : loaded.error();
    attachHub();
    rebuildList();
    Q_EMIT serversReloaded();
    done(m_loadError);
}

QList<mcp::ServerConfig> McpServersPage::configs() const
{
    QList<mcp::ServerConfig> servers;
    if (m_hub)
        for (const mcp::Client *client : m_hub->clients())
            servers.append(client->config());
    return servers;
}

void McpServersPage::setAlwaysAllow(const QString &server, const QString &tool, bool allow, QCheckBox *box)
{
    mcp::Client *client = m_hub ? m_hub->client(server) : nullptr;
    if (!client)
        return;
    QStringList allowed = client->config().alwaysAllow;
    allowed.removeAll(tool);
    if (allow)
        allowed.append(tool);
    QList<mcp::ServerConfig> servers = configs();
    for (mcp::ServerConfig &config : servers)
        if (config.name == server)
            config.alwaysAllow = allowed;
    if (const QString error = writeFile(servers); !error.isEmpty()) {
        const QSignalBlocker blocker(box);
        box->setChecked(!allow);
        showMessage(tr("Not saved: %1").arg(error), true);
        return;
    }
    client->setAlwaysAllow(allowed);
    showMessage(allow ? tr("%1 of %2 is now called without asking.").arg(tool, server)
                      : tr("%1 of %2 now asks before each call.").arg(tool, server),
                false);
}

QString McpServersPage::writeFile(const QList<mcp::ServerConfig> &servers) const
{
    const QString native = QDir::toNativeSeparators(m_path);
    const QDir folder = QFileInfo(m_path).absoluteDir();
    if (!folder.exists()) {
        if (!QDir().mkpath(folder.absolutePath()))
            return tr("the folder %1 could not be created").arg(QDir::toNativeSeparators(folder.absolutePath()));
        QFile::setPermissions(folder.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const bool existed = QFileInfo::exists(m_path);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1 could not be written: %2").arg(native, file.errorString());
    const QByteArray data = mcp::writeConfig(servers);
    if (file.write(data) != data.size() || !file.commit())
        return tr("%1 could not be written: %2").arg(native, file.errorString());
    if (!existed)
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

} // namespace versus::ui
