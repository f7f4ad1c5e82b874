// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/mcpconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cmath>

using namespace Qt::StringLiterals;

namespace versus::mcp {

namespace {

const QString kKeychainBearer = u"Bearer ${keychain}"_s;

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

/// "line L, column C" of @p offset in @p text.
QString position(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QByteArrayView before(text.constData(), offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return QCoreApplication::translate("versus::mcp", "line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

std::expected<QString, QString> optionalString(const QJsonObject &entry, const QString &member)
{
    const QJsonValue value = entry.value(member);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return std::unexpected(QCoreApplication::translate("versus::mcp", "%1 must be a string").arg(quoted(member)));
    return value.toString();
}

std::expected<QMap<QString, QString>, QString> stringMap(const QJsonObject &entry, const QString &member,
                                                         const QString &example)
{
    QMap<QString, QString> map;
    const QJsonValue value = entry.value(member);
    if (value.isUndefined() || value.isNull())
        return map;
    const auto error =
        QCoreApplication::translate("versus::mcp", "%1 must be an object of strings (%2)").arg(quoted(member), example);
    if (!value.isObject())
        return std::unexpected(error);
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return std::unexpected(
                error + QCoreApplication::translate("versus::mcp", "; %1 is not a string").arg(quoted(it.key())));
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

std::expected<void, QString> readStdio(const QJsonObject &entry, ServerConfig &config)
{
    const QJsonValue command = entry.value(u"command"_s);
    if (!command.isString() || command.toString().trimmed().isEmpty())
        return std::unexpected(QCoreApplication::translate(
            "versus::mcp", "\"command\" must be a non-empty string (the program to start)"));
    config.command = command.toString();
    const QJsonValue args = entry.value(u"args"_s);
    if (!args.isUndefined() && !args.isNull()) {
        if (!args.isArray())
            return std::unexpected(QCoreApplication::translate("versus::mcp", "\"args\" must be an array of strings"));
        const QJsonArray array = args.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                return std::unexpected(
                    QCoreApplication::translate("versus::mcp",
                                                "\"args\" must be an array of strings; item %1 is not a string")
                        .arg(i + 1));
            config.args.append(array.at(i).toString());
        }
    }
    auto env = stringMap(entry, u"env"_s, u"\"NAME\": \"value\""_s);
    if (!env)
        return std::unexpected(env.error());
    config.env = *env;
    auto cwd = optionalString(entry, u"cwd"_s);
    if (!cwd)
        return std::unexpected(cwd.error());
    config.cwd = *cwd;
    return {};
}

std::expected<void, QString> readHttp(const QJsonObject &entry, ServerConfig &config)
{
    const QJsonValue url = entry.value(u"url"_s);
    const QUrl parsed = QUrl(url.toString(), QUrl::StrictMode);
    if (!url.isString() || !parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != u"http" && parsed.scheme() != u"https"))
        return std::unexpected(
            QCoreApplication::translate("versus::mcp", "\"url\" must be an http:// or https:// address"));
    config.url = parsed;
    auto headers = stringMap(entry, u"headers"_s, u"\"Name\": \"value\""_s);
    if (!headers)
        return std::unexpected(headers.error());
    for (auto it = headers->cbegin(); it != headers->cend(); ++it) {
        if (it.key().compare(u"Authorization", Qt::CaseInsensitive) == 0 && it.value().trimmed() == kKeychainBearer) {
            config.bearerFromKeychain = true;
            continue;
        }
        if (it.value().contains(u"${"))
            return std::unexpected(
                QCoreApplication::translate(
                    "versus::mcp", "header %1 uses a ${...} placeholder; the only one supported is \"Authorization\": "
                                   "\"Bearer ${keychain}\" (the token is then read from the keychain entry %2)")
                    .arg(quoted(it.key()), quoted(keychainEntryName(config.name))));
        if (it.key().isEmpty() || it.key().contains(u':') || it.key().contains(u' '))
            return std::unexpected(
                QCoreApplication::translate("versus::mcp", "%1 is not a valid header name").arg(quoted(it.key())));
        config.headers.append({it.key().toUtf8(), it.value().toUtf8()});
    }
    return {};
}

std::expected<ServerConfig, QString> readServer(const QString &name, const QJsonValue &value)
{
    if (!value.isObject())
        return std::unexpected(QCoreApplication::translate("versus::mcp", "must be an object"));
    const QJsonObject entry = value.toObject();
    ServerConfig config;
    config.name = name;

    const bool hasCommand = entry.contains(u"command"_s);
    const bool hasUrl = entry.contains(u"url"_s);
    auto type = optionalString(entry, u"type"_s);
    if (!type)
        return std::unexpected(type.error());
    const QString kind = type->toLower();
    if (!kind.isEmpty() && kind != u"stdio" && kind != u"http" && kind != u"streamable-http" &&
        kind != u"streamablehttp" && kind != u"sse")
        return std::unexpected(
            QCoreApplication::translate(
                "versus::mcp", "unknown \"type\" %1 (expected \"stdio\", \"http\", \"streamable-http\" or \"sse\")")
                .arg(quoted(*type)));
    if (hasCommand && hasUrl)
        return std::unexpected(
            QCoreApplication::translate("versus::mcp", "has both \"command\" and \"url\"; keep one"));
    if (!hasCommand && !hasUrl)
        return std::unexpected(QCoreApplication::translate(
            "versus::mcp", "needs \"command\" (a program to start) or \"url\" (a Streamable HTTP endpoint)"));
    if (kind == u"stdio" && !hasCommand)
        return std::unexpected(
            QCoreApplication::translate("versus::mcp", "\"type\" is \"stdio\" but there is no \"command\""));
    if (!kind.isEmpty() && kind != u"stdio" && !hasUrl)
        return std::unexpected(
            QCoreApplication::translate("versus::mcp", "\"type\" is %1 but there is no \"url\"").arg(quoted(*type)));

    config.transport = hasCommand ? ServerConfig::Transport::Stdio : ServerConfig::Transport::Http;
    const auto read = hasCommand ? readStdio(entry, config) : readHttp(entry, config);
    if (!read)
        return std::unexpected(read.error());

    const QJsonValue disabled = entry.value(u"disabled"_s);
    if (!disabled.isUndefined() && !disabled.isNull()) {
        if (!disabled.isBool())
            return std::unexpected(QCoreApplication::translate("versus::mcp", "\"disabled\" must be true or false"));
        config.enabled = !disabled.toBool();
    }
    const QJsonValue timeout = entry.value(u"timeout"_s);
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const double seconds = timeout.toDouble(-1);
        if (!timeout.isDouble() || !std::isfinite(seconds) || seconds <= 0 || seconds > 24 * 3600)
            return std::unexpected(QCoreApplication::translate(
                "versus::mcp", "\"timeout\" must be a number of seconds above 0 (at most a day)"));
        config.timeoutMs = std::max(1, int(std::lround(seconds * 1000)));
    }
    // Tools called without asking each time (the name Cline uses, so files paste over).
    const QJsonValue alwaysAllow = entry.value(u"alwaysAllow"_s);
    if (!alwaysAllow.isUndefined() && !alwaysAllow.isNull()) {
        if (!alwaysAllow.isArray())
            return std::unexpected(
                QCoreApplication::translate("versus::mcp", "\"alwaysAllow\" must be a list of tool names"));
        for (const QJsonValue &tool : alwaysAllow.toArray()) {
            if (!tool.isString() || tool.toString().isEmpty())
                return std::unexpected(
                    QCoreApplication::translate("versus::mcp", "\"alwaysAllow\" must be a list of tool names"));
            config.alwaysAllow << tool.toString();
        }
    }
    return config;
}

} // namespace

QString keychainEntryName(const QString &serverName)
{
    return u"mcp:"_s + serverName;
}

std::expected<QList<ServerConfig>, QString> parseConfig(const QByteArray &json)
{
    QList<ServerConfig> servers;
    if (json.trimmed().isEmpty())
        return servers;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(QCoreApplication::translate("versus::mcp", "not valid JSON: %1 at %2")
                                   .arg(error.errorString(), position(json, error.offset)));
    if (!document.isObject())
        return std::unexpected(
            QCoreApplication::translate("versus::mcp", "expected a JSON object {\"mcpServers\": {\"name\": {...}}}"));
    const QJsonValue all = document.object().value(u"mcpServers"_s);
    if (all.isUndefined() || all.isNull())
        return servers;
    if (!all.isObject())
        return std::unexpected(
            QCoreApplication::translate("versus::mcp", "\"mcpServers\" must be an object of servers by name"));
    const QJsonObject byName = all.toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        if (it.key().trimmed().isEmpty())
            return std::unexpected(
                QCoreApplication::translate("versus::mcp", "a server in \"mcpServers\" has an empty name"));
        auto server = readServer(it.key(), it.value());
        if (!server)
            return std::unexpected(
                QCoreApplication::translate("versus::mcp", "server %1: %2").arg(quoted(it.key()), server.error()));
        servers.append(*server);
    }
    return servers;
}

std::expected<QList<ServerConfig>, QString> readConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QList<ServerConfig>();
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QCoreApplication::translate("versus::mcp", "%1: cannot be read: %2")
                                   .arg(QDir::toNativeSeparators(path), file.errorString()));
    auto servers = parseConfig(file.readAll());
    if (!servers)
        return std::unexpected(
            QCoreApplication::translate("versus::mcp", "%1: %2").arg(QDir::toNativeSeparators(path), servers.error()));
    return servers;
}

QString defaultConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/versus/mcp.json"_s;
}

QByteArray writeConfig(const QList<ServerConfig> &servers)
{
    QJsonObject byName;
    for (const ServerConfig &server : servers) {
        QJsonObject entry;
        if (server.transport == ServerConfig::Transport::Stdio) {
            entry.insert(u"command"_s, server.command);
            if (!server.args.isEmpty())
                entry.insert(u"args"_s, QJsonArray::fromStringList(server.args));
            if (!server.env.isEmpty()) {
                QJsonObject env;
                for (auto it = server.env.cbegin(); it != server.env.cend(); ++it)
                    env.insert(it.key(), it.value());
                entry.insert(u"env"_s, env);
            }
            if (!server.cwd.isEmpty())
                entry.insert(u"cwd"_s, server.cwd);
        } else {
            entry.insert(u"type"_s, u"http"_s);
            entry.insert(u"url"_s, server.url.toString(QUrl::FullyEncoded));
            QJsonObject headers;
            for (const auto &[name, value] : server.headers)
                headers.insert(QString::fromUtf8(name), QString::fromUtf8(value));
            if (server.bearerFromKeychain)
                headers.insert(u"Authorization"_s, kKeychainBearer);
            if (!headers.isEmpty())
                entry.insert(u"headers"_s, headers);
        }
        if (!server.enabled)
            entry.insert(u"disabled"_s, true);
        if (server.timeoutMs != ServerConfig().timeoutMs)
            entry.insert(u"timeout"_s, server.timeoutMs / 1000.0);
        if (!server.alwaysAllow.isEmpty())
            entry.insert(u"alwaysAllow"_s, QJsonArray::fromStringList(server.alwaysAllow));
        byName.insert(server.name, entry);
    }
    return QJsonDocument(QJsonObject{{u"mcpServers"_s, byName}}).toJson(QJsonDocument::Indented);
}

} // namespace versus::mcp
