// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <expected>

namespace versus {

/// A custom OpenAI-compatible endpoint as Settings → Custom endpoints edits it: one entry of
/// the user's providers.json (the format ProviderRegistry reads). Never a key: keys live in
/// the keychain under the endpoint's id.
struct CustomEndpoint {
    QString id;
    QString name;
    QUrl baseUrl;
    bool keyRequired = true;
    QStringList models;
    friend bool operator==(const CustomEndpoint &, const CustomEndpoint &) = default;
};

/// An id made from a display name: "My Proxy (EU)" → "my-proxy-eu".
QString endpointIdFromName(const QString &name);

/// The ids of the bundled catalog, which a custom endpoint may not take.
QStringList builtInProviderIds();

/// What is wrong with @p endpoint, in words, or an empty string: a name, an id made of
/// lower-case letters, digits, '.', '_', '-' that is neither built in nor in @p takenIds, an
/// http:// or https:// base URL without user name, password or query, non-empty model ids.
QString validateEndpoint(const CustomEndpoint &endpoint, const QStringList &takenIds);

/// The user's providers.json, read whole so that saving keeps every member and entry the
/// editor does not show (other dialects, "_note"s, capabilities, images, request quirks).
class CustomEndpointFile {
public:
    /// A missing file reads as an empty one; a file that is not the registry's format is an
    /// error (and is not to be overwritten).
    static std::expected<CustomEndpointFile, QString> read(const QString &path);

    /// The OpenAI-compatible entries, in file order (others are kept but not listed).
    QList<CustomEndpoint> endpoints() const;
    /// Every id in the file, whatever the dialect.
    QStringList ids() const;
    /// Replaces the entry of @p originalId (members not edited here stay), or appends one
    /// when @p originalId is empty or not found.
    void upsert(const QString &originalId, const CustomEndpoint &endpoint);
    /// Removes the entry of @p id; false when there is none.
    bool remove(const QString &id);
    /// Writes the file atomically (QSaveFile), creating its folder.
    std::expected<void, QString> write(const QString &path) const;

private:
    QJsonObject m_root; // other top-level members, kept
    QJsonArray m_entries;
    bool m_bareArray = false; // the registry also reads a bare [ ... ]
};

} // namespace versus
