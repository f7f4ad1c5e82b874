// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricetypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace versus {

/// A problem found in a price file. File-level problems (unreadable file, malformed JSON)
/// carry a line and column; entry-level problems name the entry's index, provider and model.
/// Either way the words say what is wrong; nothing is ignored silently.
struct PriceError {
    QString file;
    int line = 0;        ///< 1-based; 0 when not applicable
    int column = 0;      ///< 1-based, in characters; 0 when not applicable
    int entryIndex = -1; ///< index in "prices"; -1 for a file-level problem
    QString provider;
    QString model;
    QString reason;
    /// "FILE:LINE:COLUMN: REASON" or "FILE: entry N (PROVIDER MODEL): REASON".
    QString toString() const;
    friend bool operator==(const PriceError &, const PriceError &) = default;
};

/// The result of reading one price file: the entries that are valid, and every problem.
struct PriceFile {
    QList<PriceEntry> entries;
    QList<PriceError> errors;
};

/// The dated price table: the bundled catalog, prices read from provider model lists, and
/// the user's overrides, in increasing precedence. Schema and rules: docs/pricing.md.
class PriceCatalog {
public:
    static constexpr int kSchemaVersion = 1;

    /// Qt resource path of the bundled catalog.
    static QString bundledPath();
    /// $XDG_CONFIG_HOME/versus/pricing.json (QStandardPaths::GenericConfigLocation).
    static QString defaultOverridePath();

    /// Parses a price file. @p fileName only labels errors. Invalid entries are left out and
    /// reported; the others are returned.
    static PriceFile parse(const QByteArray &json, const QString &fileName, PriceOrigin origin);
    /// One entry in the file schema (also what `versus-cli pricing --json` prints, plus "origin").
    static QJsonObject toJson(const PriceEntry &entry);

    /// Loads the bundled catalog from the resource; returns its problems (none, normally).
    QList<PriceError> loadBundled();
    /// Replaces the bundled entries with those of @p json (tests, and tools checking a catalog).
    QList<PriceError> loadBundledData(const QByteArray &json, const QString &fileName);
    /// Loads the user's overrides. A missing file is not an error (there is nothing to
    /// override); an unreadable or malformed one is. Replaces earlier overrides.
    QList<PriceError> loadOverrides(const QString &path = defaultOverridePath());
    /// Sets the prices read from @p provider's model list (all entries must be for it),
    /// replacing those read before for that provider.
    void setProviderListEntries(const QString &provider, const QList<PriceEntry> &entries);

    /// Every problem met by the loads above, in order, for the UI to show.
    QList<PriceError> errors() const { return m_errors; }

    /// The entry for provider/model: an exact model match (user over provider list over
    /// bundled), else the provider's "*" entry with the same precedence, else nothing — there
    /// is never a default price.
    std::optional<PriceEntry> find(const QString &provider, const QString &model) const;

    /// The table in force: bundled entries in catalog order, each replaced by a provider-list or
    /// user entry for the same provider and model, then entries that only those sources have.
    QList<PriceEntry> effective() const;

private:
    QList<PriceEntry> m_bundled;
    QList<PriceEntry> m_providerList;
    QList<PriceEntry> m_user;
    QList<PriceError> m_errors;
    QList<PriceError> m_bundledErrors;
    QList<PriceError> m_userErrors;
    void rebuildErrors();
};

} // namespace versus
