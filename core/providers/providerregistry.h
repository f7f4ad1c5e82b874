// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/provider.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace versus {

/// A "provider:model" target, split at the first colon ("ollama:llama3:8b" is model "llama3:8b").
struct Target {
    QString provider;
    QString model;
    QString toString() const { return provider + u':' + model; }
    static std::optional<Target> parse(const QString &text);
    friend bool operator==(const Target &, const Target &) = default;
};

/// A problem found while loading a catalog file; the rest of the file still loads.
struct CatalogProblem {
    QString file;
    int line = 0;  ///< 1-based, 0 when unknown
    QString entry; ///< e.g. "providers[3] (my-proxy)"
    QString reason;
    QString toString() const;
};

/// The providers Versus knows: the bundled catalog (resources/providers.json) plus the
/// user's custom OpenAI-compatible endpoints ($XDG_CONFIG_HOME/versus/providers.json).
class ProviderRegistry {
public:
    ProviderRegistry();
    ~ProviderRegistry();

    /// Bundled catalog plus the user's file when it exists.
    static std::unique_ptr<ProviderRegistry> createDefault();
    static QString userCatalogPath();

    /// Adds the providers of a catalog document. Entries whose id is already known replace
    /// the earlier one (a user entry may override a bundled provider). Problems are kept.
    void loadCatalog(const QByteArray &json, const QString &fileName, const QString &origin);
    bool loadCatalogFile(const QString &path, const QString &origin);

    /// Reads the bundled catalog and the user's file (@p userPath) again, so that endpoints
    /// added or edited in Settings show without a restart. Providers whose entry did not change
    /// stay the same objects; the others are kept alive (retired) until the registry goes,
    /// because lanes and runs hold `const Provider *`. Problems are those of this reading.
    void reload(const QString &userPath = userCatalogPath());
    /// Grows by one at every reload(): views listing providers compare it to know they are stale.
    int generation() const { return m_generation; }

    const Provider *find(const QString &id) const;
    QList<const Provider *> providers() const;
    const QList<CatalogProblem> &problems() const { return m_problems; }

private:
    std::vector<std::unique_ptr<Provider>> m_providers;
    std::vector<std::unique_ptr<Provider>> m_retired;
    QList<CatalogProblem> m_problems;
    int m_generation = 0;
};

/// Parses one catalog entry; an error string names what is wrong.
std::expected<ProviderInfo, QString> parseProviderInfo(const QJsonObject &entry, const QString &origin);
/// Creates the Provider for a parsed entry, by dialect; nullptr for an unknown dialect.
std::unique_ptr<Provider> createProvider(ProviderInfo info);

} // namespace versus
