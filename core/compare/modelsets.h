// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "providers/providerregistry.h"

#include <QJsonArray>
#include <QList>
#include <QString>

#include <expected>

namespace versus {

/// One lane of a saved model set: what it asks and how.
struct ModelSetLane {
    Target target;
    ProviderConfig parameters; ///< as parametersToJson() stores them (system prompt included)
    QJsonArray tools;          ///< the lane's tools in the tools-file format; empty = none
    QString toolsFile;         ///< the tools file they were read from, when there was one
    friend bool operator==(const ModelSetLane &, const ModelSetLane &) = default;
};

/// A named set of lanes to start a comparison with (1 to Comparison::kMaxLanes lanes).
struct ModelSet {
    QString name;
    QList<ModelSetLane> lanes;
    friend bool operator==(const ModelSet &, const ModelSet &) = default;
};

/// The user's model sets, in $XDG_CONFIG_HOME/versus/modelsets.json:
/// `{"version": 1, "sets": [{"name", "lanes": [{"target": "provider:model", "parameters": {...},
/// "tools": [...], "tools_file": "..."}]}]}`. Every read validates the whole file; a file that
/// does not read is reported (with where and why) and never overwritten: changes are refused
/// until the user fixes or removes it. Writes go through QSaveFile, the file readable by its
/// owner only.
class ModelSetFile {
public:
    explicit ModelSetFile(QString path = defaultPath());
    static QString defaultPath();
    const QString &path() const { return m_path; }

    /// The sets, in the order saved; none when the file does not exist.
    std::expected<QList<ModelSet>, QString> read() const;
    /// The set named @p name (names compare case-insensitively); nothing when there is none.
    std::expected<std::optional<ModelSet>, QString> find(const QString &name) const;
    /// Adds @p set, or replaces the set of the same name.
    std::expected<void, QString> save(const ModelSet &set);
    std::expected<void, QString> remove(const QString &name);
    /// Refused when @p newName is empty or another set has it.
    std::expected<void, QString> rename(const QString &name, const QString &newName);

    static QJsonObject toJson(const ModelSet &set);
    /// A set read back; the error names the member that is wrong.
    static std::expected<ModelSet, QString> fromJson(const QJsonObject &object);

private:
    std::expected<void, QString> write(const QList<ModelSet> &sets);
    QString m_path;
};

} // namespace versus
