// SPDX-License-Identifier: GPL-3.0-or-later
#include "priceoverrides.h"

#include "fixedpoint.h"
#include "pricecatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace versus {

namespace {

std::expected<QJsonObject, QString> readRoot(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject{{QStringLiteral("schema"), PriceCatalog::kSchemaVersion},
                           {QStringLiteral("prices"), QJsonArray()}};
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QCoreApplication::translate("versus::PriceOverrides", "%1 cannot be read: %2")
                                   .arg(path, file.errorString()));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::unexpected(
            QCoreApplication::translate("versus::PriceOverrides",
                                        "%1 is not a price file Versus can read; fix it or move it aside first.")
                .arg(path));
    QJsonObject root = document.object();
    if (!root.value(u"prices").isUndefined() && !root.value(u"prices").isArray())
        return std::unexpected(
            QCoreApplication::translate("versus::PriceOverrides",
                                        "%1: \"prices\" must be a list; fix it or move it aside first.")
                .arg(path));
    if (!root.contains(u"schema"))
        root.insert(u"schema", PriceCatalog::kSchemaVersion);
    return root;
}

std::expected<void, QString> writeRoot(const QString &path, const QJsonObject &root)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return std::unexpected(
            QCoreApplication::translate("versus::PriceOverrides", "The folder of %1 cannot be created.").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit())
        return std::unexpected(QCoreApplication::translate("versus::PriceOverrides", "%1 cannot be written: %2")
                                   .arg(path, file.errorString()));
    return {};
}

bool sameTarget(const QJsonValue &value, const QString &provider, const QString &model)
{
    const QJsonObject object = value.toObject();
    return object.value(u"provider").toString() == provider && object.value(u"model").toString() == model;
}

// Decimal text, read back exactly by PriceCatalog ("0.075", not 0.07500000000000001).
QJsonValue usd(qint64 micro)
{
    return QJsonValue(formatFixedPoint(micro, 6).toDouble());
}

} // namespace

std::expected<void, QString> savePriceOverride(const QString &path, const PriceEntry &entry)
{
    auto root = readRoot(path);
    if (!root)
        return std::unexpected(root.error());
    QJsonObject object;
    object.insert(u"provider", entry.provider);
    object.insert(u"model", entry.model);
    object.insert(u"input_per_mtok", usd(entry.price.inputMicroPerMtok));
    object.insert(u"output_per_mtok", usd(entry.price.outputMicroPerMtok));
    if (entry.price.cachedInputMicroPerMtok)
        object.insert(u"cached_input_per_mtok", usd(*entry.price.cachedInputMicroPerMtok));
    if (entry.price.cacheWriteMicroPerMtok)
        object.insert(u"cache_write_per_mtok", usd(*entry.price.cacheWriteMicroPerMtok));
    object.insert(u"as_of", (entry.asOf.isValid() ? entry.asOf : QDate::currentDate()).toString(Qt::ISODate));
    if (!entry.source.isEmpty())
        object.insert(u"source", entry.source);
    if (!entry.note.isEmpty())
        object.insert(u"note", entry.note);

    QJsonArray prices = root->value(u"prices").toArray();
    bool replaced = false;
    for (qsizetype i = 0; i < prices.size(); ++i) {
        if (sameTarget(prices.at(i), entry.provider, entry.model)) {
            if (!replaced)
                prices.replace(i, object);
            else
                prices.removeAt(i--); // a duplicate would win over the one just set
            replaced = true;
        }
    }
    if (!replaced)
        prices.append(object);
    root->insert(u"prices", prices);
    return writeRoot(path, *root);
}

std::expected<bool, QString> removePriceOverride(const QString &path, const QString &provider, const QString &model)
{
    if (!QFile::exists(path))
        return false;
    auto root = readRoot(path);
    if (!root)
        return std::unexpected(root.error());
    QJsonArray prices = root->value(u"prices").toArray();
    bool removed = false;
    for (qsizetype i = 0; i < prices.size(); ++i) {
        if (sameTarget(prices.at(i), provider, model)) {
            prices.removeAt(i--);
            removed = true;
        }
    }
    if (!removed)
        return false;
    root->insert(u"prices", prices);
    if (auto written = writeRoot(path, *root); !written)
        return std::unexpected(written.error());
    return true;
}

} // namespace versus
