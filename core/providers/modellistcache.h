// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerinfo.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace versus {

/// A provider's model list as it was fetched.
struct ModelList {
    QString providerId;
    QDateTime fetchedAtUtc;
    QList<ModelInfo> models;
    friend bool operator==(const ModelList &, const ModelList &) = default;
};

/// One model as JSON: `{"id", "name", "context_window", "max_output_tokens", "capabilities":
/// {"streaming", "function_calls", "reasoning", "builtin_tools", "structured_output"},
/// "pricing": {"input_per_mtok", "output_per_mtok", "cached_input_per_mtok"} | null,
/// "type", "owned_by"}`. Unknown values are null; prices are USD per million tokens.
QJsonObject modelInfoToJson(const ModelInfo &model);
ModelInfo modelInfoFromJson(const QJsonObject &json);
QJsonObject capabilitiesToJson(const Capabilities &capabilities);

/// The last model list fetched from each provider, so that lists can be shown offline:
/// one JSON file per provider, `<directory>/<provider>.json`, holding the list and the time
/// it was fetched. The default directory is `$XDG_CACHE_HOME/versus/models`.
class ModelListCache {
public:
    explicit ModelListCache(QString directory = defaultDirectory());

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    QString filePath(const QString &providerId) const;

    /// The cached list; std::nullopt when there is none yet; an error text when the file
    /// cannot be read or is damaged.
    std::expected<std::optional<ModelList>, QString> read(const QString &providerId) const;
    /// Replaces the provider's cached list (written atomically).
    std::expected<void, QString> write(const ModelList &list) const;

private:
    QString m_directory;
};

} // namespace versus
