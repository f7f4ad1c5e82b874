// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/customendpoints.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace versus {

namespace {

bool isOpenAiEntry(const QJsonObject &entry)
{
    return entry.value(u"dialect").toString(QStringLiteral("openai")) == u"openai";
}

} // namespace

QString endpointIdFromName(const QString &name)
{
    QString id;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD).toLower()) {
        if (c.category() != QChar::Mark_NonSpacing) // "é" is "e" and an accent: the accent goes
            id += c;
    }
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]+")), QStringLiteral("-"));
    id.replace(QRegularExpression(QStringLiteral("^[-._]+|-+$")), QString());
    return id;
}

QStringList builtInProviderIds()
{
    QFile file(QStringLiteral(":/versus/providers.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList ids;
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll()).object().value(u"providers").toArray();
    for (const QJsonValue &entry : entries)
        ids << entry.toObject().value(u"id").toString();
    return ids;
}

QString validateEndpoint(const CustomEndpoint &endpoint, const QStringList &takenIds)
{
    if (endpoint.name.trimmed().isEmpty())
        return QCoreApplication::translate("versus::CustomEndpoints", "Give the endpoint a name.");
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    if (!idPattern.match(endpoint.id).hasMatch())
        return QCoreApplication::translate(
            "versus::CustomEndpoints",
            "The id must start with a lower-case letter or digit and use only a-z, 0-9, '.', '_' and '-'.");
    if (builtInProviderIds().contains(endpoint.id))
        return QCoreApplication::translate("versus::CustomEndpoints",
                                           "\"%1\" is a built-in provider; choose another id.")
            .arg(endpoint.id);
    if (takenIds.contains(endpoint.id))
        return QCoreApplication::translate("versus::CustomEndpoints", "Another endpoint already has the id \"%1\".")
            .arg(endpoint.id);
    const QUrl &url = endpoint.baseUrl;
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return QCoreApplication::translate(
            "versus::CustomEndpoints",
            "The base URL must be an http:// or https:// URL, e.g. https://api.example.com/v1.");
    if (!url.userInfo().isEmpty() || url.hasQuery())
        return QCoreApplication::translate(
            "versus::CustomEndpoints",
            "The base URL must not hold a user name, password or query: keys belong in the keychain.");
    for (const QString &model : endpoint.models) {
        if (model.trimmed().isEmpty())
            return QCoreApplication::translate("versus::CustomEndpoints", "A model id is empty.");
    }
    return {};
}

std::expected<CustomEndpointFile, QString> CustomEndpointFile::read(const QString &path)
{
    CustomEndpointFile result;
    QFile file(path);
    if (!file.exists())
        return result;
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QCoreApplication::translate("versus::CustomEndpoints", "%1 cannot be read: %2")
                                   .arg(path, file.errorString()));
    const QByteArray data = file.readAll();
    if (data.trimmed().isEmpty())
        return result;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(QCoreApplication::translate("versus::CustomEndpoints",
                                                           "%1 is not valid JSON (%2); fix it or move it aside first.")
                                   .arg(path, error.errorString()));
    if (document.isArray()) {
        result.m_bareArray = true;
        result.m_entries = document.array();
        return result;
    }
    result.m_root = document.object();
    const QJsonValue providers = result.m_root.value(u"providers");
    if (!providers.isUndefined() && !providers.isArray())
        return std::unexpected(
            QCoreApplication::translate("versus::CustomEndpoints",
                                        "%1: \"providers\" must be a list; fix it or move it aside first.")
                .arg(path));
    result.m_entries = providers.toArray();
    return result;
}

QList<CustomEndpoint> CustomEndpointFile::endpoints() const
{
    QList<CustomEndpoint> list;
    for (const QJsonValue &value : m_entries) {
        const QJsonObject entry = value.toObject();
        if (!value.isObject() || !isOpenAiEntry(entry))
            continue;
        CustomEndpoint endpoint;
        endpoint.id = entry.value(u"id").toString();
        endpoint.name = entry.value(u"name").toString(endpoint.id);
        endpoint.baseUrl = QUrl(entry.value(u"base_url").toString());
        endpoint.keyRequired = entry.value(u"key_required").toBool(!entry.value(u"local").toBool(false));
        for (const QJsonValue &model : entry.value(u"models").toArray())
            endpoint.models << (model.isString() ? model.toString() : model.toObject().value(u"id").toString());
        list << endpoint;
    }
    return list;
}

QStringList CustomEndpointFile::ids() const
{
    QStringList list;
    for (const QJsonValue &value : m_entries)
        list << value.toObject().value(u"id").toString();
    return list;
}

void CustomEndpointFile::upsert(const QString &originalId, const CustomEndpoint &endpoint)
{
    qsizetype index = -1;
    for (qsizetype i = 0; i < m_entries.size() && !originalId.isEmpty(); ++i) {
        if (m_entries.at(i).toObject().value(u"id").toString() == originalId)
            index = i;
    }
    QJsonObject entry = index >= 0 ? m_entries.at(index).toObject() : QJsonObject();
    entry.insert(u"id", endpoint.id);
    entry.insert(u"name", endpoint.name.trimmed());
    entry.insert(u"dialect", QStringLiteral("openai"));
    entry.insert(u"base_url", endpoint.baseUrl.toString());
    entry.insert(u"key_required", endpoint.keyRequired);
    // Without a key nothing is sent; with one, keep an auth style the user set by hand.
    if (!endpoint.keyRequired)
        entry.insert(u"auth", QStringLiteral("none"));
    else if (entry.value(u"auth").toString() == u"none" || !entry.contains(u"auth"))
        entry.insert(u"auth", QStringLiteral("bearer"));
    if (endpoint.id != originalId)
        entry.remove(u"key_env"); // derived from the id
    // A model written as an object (capabilities, context window) stays that object.
    QJsonArray models;
    const QJsonArray oldModels = entry.value(u"models").toArray();
    for (const QString &id : endpoint.models) {
        QJsonValue kept = id.trimmed();
        for (const QJsonValue &old : oldModels) {
            if (old.isObject() && old.toObject().value(u"id").toString() == id.trimmed())
                kept = old;
        }
        models.append(kept);
    }
    entry.insert(u"models", models);
    if (index >= 0)
        m_entries.replace(index, entry);
    else
        m_entries.append(entry);
}

bool CustomEndpointFile::remove(const QString &id)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).toObject().value(u"id").toString() == id) {
            m_entries.removeAt(i);
            return true;
        }
    }
    return false;
}

std::expected<void, QString> CustomEndpointFile::write(const QString &path) const
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return std::unexpected(
            QCoreApplication::translate("versus::CustomEndpoints", "The folder of %1 cannot be created.").arg(path));
    QJsonDocument document;
    if (m_bareArray) {
        document.setArray(m_entries);
    } else {
        QJsonObject root = m_root;
        root.insert(u"providers", m_entries);
        document.setObject(root);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(document.toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return std::unexpected(QCoreApplication::translate("versus::CustomEndpoints", "%1 cannot be written: %2")
                                   .arg(path, file.errorString()));
    return {};
}

} // namespace versus
