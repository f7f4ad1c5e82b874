// SPDX-License-Identifier: GPL-3.0-or-later
#include "openrouterprices.h"

#include "fixedpoint.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <expected>

namespace versus {

namespace {

// USD per token × 10^12 = micro-USD per million tokens.
constexpr int kPerTokenScale = 12;

std::expected<qint64, QString> perTokenPrice(const QJsonObject &pricing, const QString &key)
{
    const QJsonValue value = pricing.value(key);
    const QString text = value.isDouble() ? shortestDecimalText(value.toDouble()) : value.toString().trimmed();
    if (text.isEmpty())
        return std::unexpected(QCoreApplication::translate("versus::OpenRouterPrices", "no \"%1\" price").arg(key));
    auto parsed = parseFixedPoint(text, kPerTokenScale);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (*parsed < 0)
        return std::unexpected(QCoreApplication::translate("versus::OpenRouterPrices", "variable price"));
    return *parsed;
}

} // namespace

OpenRouterPrices openRouterPrices(const QByteArray &json, const QDate &fetchedOn)
{
    OpenRouterPrices result;
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonValue data = document.object().value(u"data");
    if (!data.isArray()) {
        result.error = QCoreApplication::translate("versus::OpenRouterPrices", "the model list has no \"data\" array");
        return result;
    }
    for (const QJsonValue &item : data.toArray()) {
        const QJsonObject model = item.toObject();
        const QString id = model.value(u"id").toString();
        if (id.isEmpty())
            continue;
        const QJsonObject pricing = model.value(u"pricing").toObject();
        const auto skip = [&](const QString &reason) { result.skipped.append({id, reason}); };
        const auto input = perTokenPrice(pricing, QStringLiteral("prompt"));
        if (!input) {
            skip(input.error());
            continue;
        }
        const auto output = perTokenPrice(pricing, QStringLiteral("completion"));
        if (!output) {
            skip(output.error());
            continue;
        }
        if (pricing.contains(u"request")) {
            const auto request = perTokenPrice(pricing, QStringLiteral("request"));
            if (!request || *request != 0) {
                skip(QCoreApplication::translate("versus::OpenRouterPrices", "per-request fee"));
                continue;
            }
        }
        PriceEntry entry;
        entry.provider = QStringLiteral("openrouter");
        entry.model = id;
        entry.price.inputMicroPerMtok = *input;
        entry.price.outputMicroPerMtok = *output;
        if (pricing.contains(u"input_cache_read")) {
            const auto cached = perTokenPrice(pricing, QStringLiteral("input_cache_read"));
            if (!cached) {
                skip(cached.error());
                continue;
            }
            entry.price.cachedInputMicroPerMtok = *cached;
        }
        entry.source = QStringLiteral("https://openrouter.ai/api/v1/models");
        entry.asOf = fetchedOn;
        entry.origin = PriceOrigin::ProviderList;
        result.entries.append(entry);
    }
    return result;
}

} // namespace versus
