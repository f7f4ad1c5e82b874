// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricecatalog.h"

#include "fixedpoint.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <expected>

namespace versus {

namespace {

constexpr int kMicroScale = 6; // USD per Mtok → micro-USD per Mtok

const QString kInput = QStringLiteral("input_per_mtok");
const QString kCached = QStringLiteral("cached_input_per_mtok");
const QString kOutput = QStringLiteral("output_per_mtok");
const QString kCacheWrite = QStringLiteral("cache_write_per_mtok");

/// 1-based line and column (in characters) of a byte offset into UTF-8 text.
std::pair<int, int> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    const QByteArrayView before(data.constData(), offset);
    const int line = int(before.count('\n')) + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int column = int(QString::fromUtf8(before.sliced(lineStart)).size()) + 1;
    return {line, column};
}

/// A price figure: a JSON number, or a string holding a decimal (the way provider model lists
/// publish theirs). Numbers are read back through their shortest decimal text, which is the
/// literal the file contained, so "0.003" stays 3000 micro-USD per Mtok exactly.
std::expected<qint64, QString> readPrice(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    QString text;
    if (value.isDouble())
        text = shortestDecimalText(value.toDouble());
    else if (value.isString())
        text = value.toString().trimmed();
    else if (value.isUndefined())
        return std::unexpected(QCoreApplication::translate("versus::PriceCatalog", "\"%1\" is missing").arg(key));
    else
        return std::unexpected(
            QCoreApplication::translate("versus::PriceCatalog", "\"%1\" must be a number of USD per million tokens")
                .arg(key));
    auto parsed = parseFixedPoint(text, kMicroScale);
    if (!parsed)
        return std::unexpected(
            QCoreApplication::translate("versus::PriceCatalog", "\"%1\": %2").arg(key, parsed.error()));
    if (*parsed < 0)
        return std::unexpected(
            QCoreApplication::translate("versus::PriceCatalog", "\"%1\" is negative (%2)").arg(key, text));
    return *parsed;
}

std::expected<Price, QString> readPriceTriple(const QJsonObject &object)
{
    Price price;
    auto input = readPrice(object, kInput);
    if (!input)
        return std::unexpected(input.error());
    price.inputMicroPerMtok = *input;
    auto output = readPrice(object, kOutput);
    if (!output)
        return std::unexpected(output.error());
    price.outputMicroPerMtok = *output;
    const QJsonValue cached = object.value(kCached);
    if (!cached.isUndefined() && !cached.isNull()) {
        auto cachedPrice = readPrice(object, kCached);
        if (!cachedPrice)
            return std::unexpected(cachedPrice.error());
        price.cachedInputMicroPerMtok = *cachedPrice;
    }
    const QJsonValue cacheWrite = object.value(kCacheWrite);
    if (!cacheWrite.isUndefined() && !cacheWrite.isNull()) {
        auto writePrice = readPrice(object, kCacheWrite);
        if (!writePrice)
            return std::unexpected(writePrice.error());
        price.cacheWriteMicroPerMtok = *writePrice;
    }
    return price;
}

std::expected<TimeWindow, QString> readWindow(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)$"));
    const QRegularExpressionMatch match = pattern.match(text);
    const QString bad =
        QCoreApplication::translate("versus::PriceCatalog",
                                    "window \"%1\" is not \"HH:MM-HH:MM\" (UTC, start before end, end at most 24:00)")
            .arg(text);
    if (!match.hasMatch())
        return std::unexpected(bad);
    const auto minutes = [&](int hourGroup) -> int {
        const int hour = match.captured(hourGroup).toInt();
        const int minute = match.captured(hourGroup + 1).toInt();
        if (minute > 59 || hour > 24 || (hour == 24 && minute != 0))
            return -1;
        return hour * 60 + minute;
    };
    const int start = minutes(1);
    const int end = minutes(3);
    if (start < 0 || end < 0 || start >= end || start >= 24 * 60)
        return std::unexpected(bad);
    return TimeWindow{start, end};
}

std::expected<PriceTier, QString> readTier(const QJsonValue &value, int index)
{
    const QString where = QCoreApplication::translate("versus::PriceCatalog", "tier %1").arg(index);
    if (!value.isObject())
        return std::unexpected(QCoreApplication::translate("versus::PriceCatalog", "%1 is not an object").arg(where));
    const QJsonObject object = value.toObject();
    static const QSet<QString> known{QStringLiteral("name"),
                                     QStringLiteral("days"),
                                     QStringLiteral("windows"),
                                     kInput,
                                     kCached,
                                     kCacheWrite,
                                     kOutput};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return std::unexpected(
                QCoreApplication::translate("versus::PriceCatalog", "%1: unknown member \"%2\"").arg(where, it.key()));
    }
    PriceTier tier;
    tier.name = object.value(u"name").toString();
    if (tier.name.isEmpty())
        return std::unexpected(
            QCoreApplication::translate("versus::PriceCatalog", "%1: \"name\" is missing").arg(where));
    const QString named = QCoreApplication::translate("versus::PriceCatalog", "tier \"%1\"").arg(tier.name);
    const QJsonValue days = object.value(u"days");
    if (!days.isArray() || days.toArray().isEmpty())
        return std::unexpected(
            QCoreApplication::translate("versus::PriceCatalog", "%1: \"days\" must list weekdays (\"mon\" … \"sun\")")
                .arg(named));
    for (const QJsonValue &day : days.toArray()) {
        const int number = weekdayFromName(day.toString());
        if (number == 0)
            return std::unexpected(
                QCoreApplication::translate("versus::PriceCatalog", "%1: \"%2\" is not a weekday (\"mon\" … \"sun\")")
                    .arg(named, day.toString()));
        if (tier.days.contains(number))
            return std::unexpected(QCoreApplication::translate("versus::PriceCatalog", "%1: \"%2\" is listed twice")
                                       .arg(named, day.toString()));
        tier.days.append(number);
    }
    std::sort(tier.days.begin(), tier.days.end());
    const QJsonValue windows = object.value(u"windows");
    if (!windows.isUndefined()) {
        if (!windows.isArray())
            return std::unexpected(
                QCoreApplication::translate("versus::PriceCatalog", "%1: \"windows\" must be a list of \"HH:MM-HH:MM\"")
                    .arg(named));
        for (const QJsonValue &window : windows.toArray()) {
            auto parsed = readWindow(window.toString());
            if (!parsed)
                return std::unexpected(
                    QCoreApplication::translate("versus::PriceCatalog", "%1: %2").arg(named, parsed.error()));
            tier.windows.append(*parsed);
        }
    }
    auto price = readPriceTriple(object);
    if (!price)
        return std::unexpected(QCoreApplication::translate("versus::PriceCatalog", "%1: %2").arg(named, price.error()));
    tier.price = *price;
    return tier;
}

std::expected<PriceEntry, QString> readEntry(const QJsonObject &object, PriceOrigin origin)
{
    // Strict about member names: a misspelt optional member such as the cached price would
    // otherwise change what is billed without anyone noticing.
    static const QSet<QString> known{QStringLiteral("provider"),
                                     QStringLiteral("model"),
                                     kInput,
                                     kCached,
                                     kCacheWrite,
                                     kOutput,
                                     QStringLiteral("tiers"),
                                     QStringLiteral("base_tier"),
                                     QStringLiteral("source"),
                                     QStringLiteral("as_of"),
                                     QStringLiteral("note"),
                                     QStringLiteral("origin")}; // present in `versus-cli pricing --json`; ignored
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return std::unexpected(
                QCoreApplication::translate("versus::PriceCatalog", "unknown member \"%1\"").arg(it.key()));
    }
    PriceEntry entry;
    entry.origin = origin;
    entry.provider = object.value(u"provider").toString();
    entry.model = object.value(u"model").toString();
    if (entry.provider.isEmpty())
        return std::unexpected(QCoreApplication::translate("versus::PriceCatalog", "\"provider\" is missing"));
    if (entry.model.isEmpty())
        return std::unexpected(QCoreApplication::translate(
            "versus::PriceCatalog", "\"model\" is missing (use \"*\" for every model of the provider)"));
    auto price = readPriceTriple(object);
    if (!price)
        return std::unexpected(price.error());
    entry.price = *price;

    const QJsonValue tiers = object.value(u"tiers");
    if (!tiers.isUndefined() && !tiers.isNull()) {
        if (!tiers.isArray())
            return std::unexpected(QCoreApplication::translate("versus::PriceCatalog", "\"tiers\" must be a list"));
        int index = 0;
        for (const QJsonValue &tierValue : tiers.toArray()) {
            auto tier = readTier(tierValue, index++);
            if (!tier)
                return std::unexpected(tier.error());
            entry.tiers.append(*tier);
        }
    }
    const QJsonValue baseTier = object.value(u"base_tier");
    if (!baseTier.isUndefined() && !baseTier.isNull() && !baseTier.isString())
        return std::unexpected(QCoreApplication::translate("versus::PriceCatalog", "\"base_tier\" must be a name"));
    entry.baseTier = baseTier.toString();

    const QJsonValue source = object.value(u"source");
    if (!source.isUndefined() && !source.isNull() && !source.isString())
        return std::unexpected(
            QCoreApplication::translate("versus::PriceCatalog", "\"source\" must be a URL or a short text"));
    entry.source = source.toString();
    const QJsonValue note = object.value(u"note");
    if (!note.isUndefined() && !note.isNull() && !note.isString())
        return std::unexpected(QCoreApplication::translate("versus::PriceCatalog", "\"note\" must be a text"));
    entry.note = note.toString();

    const QJsonValue asOf = object.value(u"as_of");
    if (!asOf.isUndefined() && !asOf.isNull()) {
        static const QRegularExpression datePattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QString text = asOf.toString();
        entry.asOf = QDate::fromString(text, Qt::ISODate);
        if (!asOf.isString() || !datePattern.match(text).hasMatch() || !entry.asOf.isValid())
            return std::unexpected(
                QCoreApplication::translate("versus::PriceCatalog", "\"as_of\" must be a date written YYYY-MM-DD"));
    }
    return entry;
}

QJsonObject priceToJson(const Price &price)
{
    const auto usd = [](qint64 micro) { return QJsonValue(double(micro) / 1e6); };
    QJsonObject object;
    object.insert(kInput, usd(price.inputMicroPerMtok));
    object.insert(kCached, price.cachedInputMicroPerMtok ? usd(*price.cachedInputMicroPerMtok) : QJsonValue());
    object.insert(kOutput, usd(price.outputMicroPerMtok));
    if (price.cacheWriteMicroPerMtok)
        object.insert(kCacheWrite, usd(*price.cacheWriteMicroPerMtok));
    return object;
}

} // namespace

QString PriceError::toString() const
{
    if (entryIndex < 0) {
        if (line > 0)
            return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(reason);
        return QStringLiteral("%1: %2").arg(file, reason);
    }
    const QString what = provider.isEmpty() && model.isEmpty()
                             ? QCoreApplication::translate("versus::PriceCatalog", "entry %1").arg(entryIndex)
                             : QCoreApplication::translate("versus::PriceCatalog", "entry %1 (%2 %3)")
                                   .arg(entryIndex)
                                   .arg(provider, model);
    return QStringLiteral("%1: %2: %3").arg(file, what, reason);
}

QString PriceCatalog::bundledPath()
{
    return QStringLiteral(":/versus/pricing.json");
}

QString PriceCatalog::defaultOverridePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/versus/pricing.json");
}

PriceFile PriceCatalog::parse(const QByteArray &json, const QString &fileName, PriceOrigin origin)
{
    PriceFile result;
    const auto fileError = [&](const QString &reason, int line = 0, int column = 0) {
        result.errors.append(PriceError{fileName, line, column, -1, {}, {}, reason});
        return result;
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return fileError(parseError.errorString(), line, column);
    }
    if (!document.isObject())
        return fileError(QCoreApplication::translate(
            "versus::PriceCatalog", "the file must hold an object {\"schema\": 1, \"prices\": [...]}"));
    const QJsonObject root = document.object();
    const QJsonValue schema = root.value(u"schema");
    if (!schema.isUndefined() && schema.toInt(-1) != kSchemaVersion)
        return fileError(
            QCoreApplication::translate("versus::PriceCatalog",
                                        "schema %1 is not supported (this version of Versus reads schema %2)")
                .arg(shortestDecimalText(schema.toDouble(-1)))
                .arg(kSchemaVersion));
    const QJsonValue prices = root.value(u"prices");
    if (!prices.isArray())
        return fileError(QCoreApplication::translate("versus::PriceCatalog", "\"prices\" must be a list of entries"));

    QHash<std::pair<QString, QString>, int> seen;   // provider/model → index in result.entries
    QHash<std::pair<QString, QString>, int> seenAt; // provider/model → index in the file
    const QJsonArray array = prices.toArray();
    for (int index = 0; index < array.size(); ++index) {
        const QJsonValue value = array.at(index);
        if (!value.isObject()) {
            result.errors.append(
                PriceError{fileName,
                           0,
                           0,
                           index,
                           {},
                           {},
                           QCoreApplication::translate("versus::PriceCatalog", "the entry is not an object")});
            continue;
        }
        const QJsonObject object = value.toObject();
        auto entry = readEntry(object, origin);
        if (!entry) {
            result.errors.append(PriceError{fileName, 0, 0, index, object.value(u"provider").toString(),
                                            object.value(u"model").toString(), entry.error()});
            continue;
        }
        const std::pair key{entry->provider, entry->model};
        if (const auto previous = seen.constFind(key); previous != seen.cend()) {
            result.errors.append(
                PriceError{fileName, 0, 0, index, entry->provider, entry->model,
                           QCoreApplication::translate("versus::PriceCatalog",
                                                       "duplicate of entry %1; this later entry is the one used")
                               .arg(seenAt.value(key))});
            result.entries[*previous] = *entry;
            seenAt[key] = index;
            continue;
        }
        seen.insert(key, int(result.entries.size()));
        seenAt.insert(key, index);
        result.entries.append(*entry);
    }
    return result;
}

QJsonObject PriceCatalog::toJson(const PriceEntry &entry)
{
    QJsonObject object = priceToJson(entry.price);
    object.insert(u"provider", entry.provider);
    object.insert(u"model", entry.model);
    QJsonArray tiers;
    for (const PriceTier &tier : entry.tiers) {
        QJsonObject tierObject = priceToJson(tier.price);
        tierObject.insert(u"name", tier.name);
        QJsonArray days;
        for (int day : tier.days)
            days.append(weekdayName(day));
        tierObject.insert(u"days", days);
        QJsonArray windows;
        for (const TimeWindow &window : tier.windows)
            windows.append(window.toString());
        tierObject.insert(u"windows", windows);
        tiers.append(tierObject);
    }
    object.insert(u"tiers", tiers);
    if (!entry.baseTier.isEmpty())
        object.insert(u"base_tier", entry.baseTier);
    object.insert(u"source", entry.source.isEmpty() ? QJsonValue() : QJsonValue(entry.source));
    object.insert(u"as_of", entry.asOf.isValid() ? QJsonValue(entry.asOf.toString(Qt::ISODate)) : QJsonValue());
    if (!entry.note.isEmpty())
        object.insert(u"note", entry.note);
    object.insert(u"origin", priceOriginName(entry.origin));
    return object;
}

QList<PriceError> PriceCatalog::loadBundled()
{
    QFile file(bundledPath());
    if (!file.open(QIODevice::ReadOnly)) {
        m_bundled.clear();
        m_bundledErrors = {
            PriceError{bundledPath(),
                       0,
                       0,
                       -1,
                       {},
                       {},
                       QCoreApplication::translate("versus::PriceCatalog", "the bundled price catalog is missing")}};
        rebuildErrors();
        return m_bundledErrors;
    }
    return loadBundledData(file.readAll(), bundledPath());
}

QList<PriceError> PriceCatalog::loadBundledData(const QByteArray &json, const QString &fileName)
{
    PriceFile parsed = parse(json, fileName, PriceOrigin::Bundled);
    m_bundled = std::move(parsed.entries);
    m_bundledErrors = std::move(parsed.errors);
    rebuildErrors();
    return m_bundledErrors;
}

QList<PriceError> PriceCatalog::loadOverrides(const QString &path)
{
    m_user.clear();
    m_userErrors.clear();
    QFile file(path);
    if (!file.exists()) {
        rebuildErrors();
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_userErrors.append(PriceError{
            path,
            0,
            0,
            -1,
            {},
            {},
            QCoreApplication::translate("versus::PriceCatalog", "cannot read the file: %1").arg(file.errorString())});
    } else {
        PriceFile parsed = parse(file.readAll(), path, PriceOrigin::User);
        m_user = std::move(parsed.entries);
        m_userErrors = std::move(parsed.errors);
    }
    rebuildErrors();
    return m_userErrors;
}

void PriceCatalog::setProviderListEntries(const QString &provider, const QList<PriceEntry> &entries)
{
    m_providerList.removeIf([&](const PriceEntry &entry) { return entry.provider == provider; });
    for (PriceEntry entry : entries) {
        if (entry.provider != provider)
            continue;
        entry.origin = PriceOrigin::ProviderList;
        m_providerList.append(entry);
    }
}

std::optional<PriceEntry> PriceCatalog::find(const QString &provider, const QString &model) const
{
    const std::array layers{&m_user, &m_providerList, &m_bundled};
    for (const QString &wanted : {model, QStringLiteral("*")}) {
        for (const QList<PriceEntry> *layer : layers) {
            for (const PriceEntry &entry : *layer) {
                if (entry.provider == provider && entry.model == wanted)
                    return entry;
            }
        }
    }
    return std::nullopt;
}

QList<PriceEntry> PriceCatalog::effective() const
{
    QList<PriceEntry> result = m_bundled;
    for (const QList<PriceEntry> *layer : {&m_providerList, &m_user}) {
        for (const PriceEntry &entry : *layer) {
            const auto same = std::find_if(result.begin(), result.end(), [&](const PriceEntry &existing) {
                return existing.provider == entry.provider && existing.model == entry.model;
            });
            if (same != result.end())
                *same = entry;
            else
                result.append(entry);
        }
    }
    return result;
}

void PriceCatalog::rebuildErrors()
{
    m_errors = m_bundledErrors + m_userErrors;
}

} // namespace versus
