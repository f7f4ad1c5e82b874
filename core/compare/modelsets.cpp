// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelsets.h"

#include "compare/answercodec.h"
#include "compare/comparison.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace versus {

namespace {

qsizetype indexOf(const QList<ModelSet> &sets, const QString &name)
{
    for (qsizetype i = 0; i < sets.size(); ++i)
        if (sets[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

} // namespace

ModelSetFile::ModelSetFile(QString path)
    : m_path(std::move(path))
{
}

QString ModelSetFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/versus/modelsets.json";
}

QJsonObject ModelSetFile::toJson(const ModelSet &set)
{
    QJsonArray lanes;
    for (const ModelSetLane &lane : set.lanes) {
        QJsonObject object{{u"target"_s, lane.target.toString()}};
        const QJsonObject parameters = parametersToJson(lane.parameters);
        if (!parameters.isEmpty())
            object.insert(u"parameters", parameters);
        if (!lane.tools.isEmpty())
            object.insert(u"tools", lane.tools);
        if (!lane.toolsFile.isEmpty())
            object.insert(u"tools_file", lane.toolsFile);
        lanes.append(object);
    }
    return QJsonObject{{u"name"_s, set.name}, {u"lanes"_s, lanes}};
}

std::expected<ModelSet, QString> ModelSetFile::fromJson(const QJsonObject &object)
{
    ModelSet set;
    set.name = object.value(u"name").toString().trimmed();
    if (set.name.isEmpty())
        return std::unexpected(QCoreApplication::translate("versus::ModelSetFile", "a set has no \"name\""));
    const QJsonValue lanes = object.value(u"lanes");
    if (!lanes.isArray() || lanes.toArray().isEmpty() || lanes.toArray().size() > Comparison::kMaxLanes)
        return std::unexpected(QCoreApplication::translate("versus::ModelSetFile",
                                                           "set \"%1\": \"lanes\" must be an array of 1 to %2 lanes")
                                   .arg(set.name)
                                   .arg(Comparison::kMaxLanes));
    int index = 0;
    for (const QJsonValue &value : lanes.toArray()) {
        const QJsonObject lane = value.toObject();
        const auto target = Target::parse(lane.value(u"target").toString());
        if (!value.isObject() || !target)
            return std::unexpected(
                QCoreApplication::translate("versus::ModelSetFile",
                                            "set \"%1\", lane %2: \"target\" must be \"provider:model\"")
                    .arg(set.name)
                    .arg(index + 1));
        const QJsonValue parameters = lane.value(u"parameters");
        const QJsonValue tools = lane.value(u"tools");
        if ((!parameters.isUndefined() && !parameters.isObject()) || (!tools.isUndefined() && !tools.isArray()))
            return std::unexpected(QCoreApplication::translate(
                                       "versus::ModelSetFile",
                                       "set \"%1\", lane %2: \"parameters\" must be an object and \"tools\" an array")
                                       .arg(set.name)
                                       .arg(index + 1));
        ModelSetLane entry;
        entry.target = *target;
        entry.parameters = parametersFromJson(parameters.toObject());
        entry.parameters.model = target->model;
        entry.tools = tools.toArray();
        entry.toolsFile = lane.value(u"tools_file").toString();
        set.lanes.append(entry);
        ++index;
    }
    return set;
}

std::expected<QList<ModelSet>, QString> ModelSetFile::read() const
{
    QFile file(m_path);
    if (!file.exists())
        return QList<ModelSet>();
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QCoreApplication::translate("versus::ModelSetFile", "%1 cannot be read: %2")
                                   .arg(m_path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(
            QCoreApplication::translate("versus::ModelSetFile", "%1 is not valid JSON (at byte %2: %3)")
                .arg(m_path)
                .arg(error.offset)
                .arg(error.errorString()));
    const QJsonValue sets = document.object().value(u"sets");
    if (!document.isObject() || !sets.isArray())
        return std::unexpected(
            QCoreApplication::translate("versus::ModelSetFile", "%1 has no \"sets\" array").arg(m_path));
    QList<ModelSet> result;
    for (const QJsonValue &value : sets.toArray()) {
        auto set = fromJson(value.toObject());
        if (!set)
            return std::unexpected(
                QCoreApplication::translate("versus::ModelSetFile", "%1: %2").arg(m_path, set.error()));
        if (indexOf(result, set->name) >= 0)
            return std::unexpected(QCoreApplication::translate("versus::ModelSetFile", "%1: two sets are named \"%2\"")
                                       .arg(m_path, set->name));
        result.append(*set);
    }
    return result;
}

std::expected<std::optional<ModelSet>, QString> ModelSetFile::find(const QString &name) const
{
    auto sets = read();
    if (!sets)
        return std::unexpected(sets.error());
    const qsizetype i = indexOf(*sets, name);
    return i < 0 ? std::nullopt : std::optional<ModelSet>(sets->at(i));
}

std::expected<void, QString> ModelSetFile::save(const ModelSet &set)
{
    if (set.name.trimmed().isEmpty() || set.lanes.isEmpty() || set.lanes.size() > Comparison::kMaxLanes)
        return std::unexpected(
            QCoreApplication::translate("versus::ModelSetFile", "A model set needs a name and 1 to %1 lanes.")
                .arg(Comparison::kMaxLanes));
    auto sets = read();
    if (!sets)
        return std::unexpected(sets.error());
    ModelSet named = set;
    named.name = set.name.trimmed();
    if (const qsizetype i = indexOf(*sets, named.name); i >= 0)
        (*sets)[i] = named;
    else
        sets->append(named);
    return write(*sets);
}

std::expected<void, QString> ModelSetFile::remove(const QString &name)
{
    auto sets = read();
    if (!sets)
        return std::unexpected(sets.error());
    const qsizetype i = indexOf(*sets, name);
    if (i < 0)
        return std::unexpected(
            QCoreApplication::translate("versus::ModelSetFile", "There is no model set named \"%1\".").arg(name));
    sets->removeAt(i);
    return write(*sets);
}

std::expected<void, QString> ModelSetFile::rename(const QString &name, const QString &newName)
{
    const QString trimmed = newName.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(QCoreApplication::translate("versus::ModelSetFile", "A model set needs a name."));
    auto sets = read();
    if (!sets)
        return std::unexpected(sets.error());
    const qsizetype i = indexOf(*sets, name);
    if (i < 0)
        return std::unexpected(
            QCoreApplication::translate("versus::ModelSetFile", "There is no model set named \"%1\".").arg(name));
    if (const qsizetype other = indexOf(*sets, trimmed); other >= 0 && other != i)
        return std::unexpected(
            QCoreApplication::translate("versus::ModelSetFile", "Another model set is named \"%1\".").arg(trimmed));
    (*sets)[i].name = trimmed;
    return write(*sets);
}

std::expected<void, QString> ModelSetFile::write(const QList<ModelSet> &sets)
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return std::unexpected(
            QCoreApplication::translate("versus::ModelSetFile", "The folder of %1 cannot be created.").arg(m_path));
    QJsonArray array;
    for (const ModelSet &set : sets)
        array.append(toJson(set));
    const QJsonDocument document(QJsonObject{{u"version"_s, 1}, {u"sets"_s, array}});
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(document.toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return std::unexpected(QCoreApplication::translate("versus::ModelSetFile", "%1 cannot be written: %2")
                                   .arg(m_path, file.errorString()));
    // The set may carry a system prompt the user wrote: the owner's alone, as QSaveFile may keep the umask's mode.
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace versus
