// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost.h"

#include "fixedpoint.h"

#include <QJsonObject>
#include <QtNumeric>

#include <cmath>

namespace versus {

namespace {

constexpr qint64 kPerMillion = 1'000'000;
/// The largest amount costFromJson() reads, 2^53 micro-USD (about 9 billion dollars): exact in a
/// double, and far enough from 64 bits that the sums made of it cannot overflow.
constexpr qint64 kMaxStoredMicroUsd = qint64(1) << 53;

} // namespace

std::optional<qint64> costOfTokens(qint64 tokens, qint64 microUsdPerMtok)
{
    if (tokens < 0 || microUsdPerMtok < 0)
        return std::nullopt;
    // tokens = q·10^6 + r, so tokens·p/10^6 = q·p + r·p/10^6: the first term is exact and only
    // the second needs rounding, which keeps every intermediate within 64 bits for r < 10^6.
    const qint64 q = tokens / kPerMillion;
    const qint64 r = tokens % kPerMillion;
    qint64 whole = 0;
    qint64 part = 0;
    if (qMulOverflow(q, microUsdPerMtok, &whole) || qMulOverflow(r, microUsdPerMtok, &part) ||
        qAddOverflow(part, kPerMillion / 2, &part))
        return std::nullopt;
    qint64 total = 0;
    if (qAddOverflow(whole, part / kPerMillion, &total))
        return std::nullopt;
    return total;
}

std::optional<CostBreakdown> computeCost(const PriceEntry &entry, const Usage &usage, const QDateTime &sentAt)
{
    if (!usage.promptTokens || !usage.completionTokens)
        return std::nullopt;
    const auto [price, tier] = entry.priceAt(sentAt);
    const qint64 prompt = std::max<qint64>(0, *usage.promptTokens);
    // A provider reporting more cached tokens than prompt tokens is inconsistent; never bill
    // more tokens than the prompt had.
    const qint64 cached = std::clamp<qint64>(usage.cachedPromptTokens.value_or(0), 0, prompt);
    const qint64 written = std::clamp<qint64>(usage.cacheWriteTokens.value_or(0), 0, prompt - cached);
    const qint64 misses = prompt - cached - written;
    const qint64 output = std::max<qint64>(0, *usage.completionTokens);

    const auto input = costOfTokens(misses, price.inputMicroPerMtok);
    const auto cachedInput = costOfTokens(cached, price.cachedInputOrInput());
    const auto cacheWrite = costOfTokens(written, price.cacheWriteOrInput());
    const auto out = costOfTokens(output, price.outputMicroPerMtok);
    if (!input || !cachedInput || !cacheWrite || !out)
        return std::nullopt;
    CostBreakdown cost;
    cost.inputMicroUsd = *input;
    cost.cachedInputMicroUsd = *cachedInput;
    cost.cacheWriteMicroUsd = *cacheWrite;
    cost.outputMicroUsd = *out;
    if (qAddOverflow(*input, *cachedInput, &cost.totalMicroUsd) ||
        qAddOverflow(cost.totalMicroUsd, *cacheWrite, &cost.totalMicroUsd) ||
        qAddOverflow(cost.totalMicroUsd, *out, &cost.totalMicroUsd))
        return std::nullopt;
    cost.estimated = usage.estimated;
    cost.priceSource = entry.source;
    cost.priceAsOf = entry.asOf;
    cost.tier = tier;
    return cost;
}

std::optional<CostEstimate> estimateCost(const PriceEntry &entry, qint64 estimatedPromptTokens,
                                         std::optional<qint64> maxTokens, std::optional<qint64> contextWindow,
                                         const QDateTime &sendAt)
{
    const auto [price, tier] = entry.priceAt(sendAt);
    const qint64 prompt = std::max<qint64>(0, estimatedPromptTokens);
    const auto input = costOfTokens(prompt, price.inputMicroPerMtok);
    if (!input)
        return std::nullopt;
    CostEstimate estimate;
    estimate.minMicroUsd = *input;
    estimate.tier = tier;
    if (maxTokens && *maxTokens >= 0) {
        estimate.cap = CostEstimate::OutputCap::MaxTokens;
        estimate.maxOutputTokens = *maxTokens;
    } else if (contextWindow && *contextWindow >= 0) {
        estimate.cap = CostEstimate::OutputCap::ContextWindow;
        estimate.maxOutputTokens = std::max<qint64>(0, *contextWindow - prompt);
    } else {
        return estimate;
    }
    const auto output = costOfTokens(estimate.maxOutputTokens, price.outputMicroPerMtok);
    qint64 max = 0;
    if (!output || qAddOverflow(*input, *output, &max))
        return std::nullopt;
    estimate.maxMicroUsd = max;
    return estimate;
}

QString formatUsd(qint64 microUsd)
{
    QString text = formatFixedPoint(microUsd, 6);
    const qsizetype point = text.indexOf(u'.');
    if (point < 0)
        text += QStringLiteral(".00");
    else if (text.size() - point - 1 < 2)
        text += QString(2 - (text.size() - point - 1), u'0');
    if (text.startsWith(u'-'))
        return QStringLiteral("-$") + text.mid(1);
    return u'$' + text;
}

UsdAffixes usdAffixes(const QLocale &locale)
{
    // Read from the locale's own currency format; the C locale (and any without one) keeps "$1.50".
    if (locale.language() == QLocale::C)
        return {QStringLiteral("$"), QString()};
    const QString sample = locale.toCurrencyString(7.0, QStringLiteral("$"), 0);
    const QString seven = locale.toString(7);
    const qsizetype at = sample.indexOf(seven);
    if (at < 0 || sample.count(u'$') != 1)
        return {QStringLiteral("$"), QString()};
    return {sample.left(at), sample.mid(at + seven.size())};
}

QString formatUsd(qint64 microUsd, const QLocale &locale)
{
    QString text = formatUsd(microUsd);
    const bool negative = text.startsWith(u'-');
    text.remove(0, negative ? 2 : 1); // the digits alone
    text.replace(u'.', locale.decimalPoint());
    const UsdAffixes affixes = usdAffixes(locale);
    return (negative ? locale.negativeSign() : QString()) + affixes.before + text + affixes.after;
}

QJsonValue costToJson(const std::optional<CostBreakdown> &cost)
{
    if (!cost)
        return QJsonValue(QJsonValue::Null);
    const auto usd = [](qint64 micro) { return QJsonValue(double(micro) / 1e6); };
    QJsonObject object;
    object.insert(u"input_usd", usd(cost->inputMicroUsd + cost->cachedInputMicroUsd + cost->cacheWriteMicroUsd));
    object.insert(u"cached_input_usd", usd(cost->cachedInputMicroUsd));
    object.insert(u"cache_write_usd", usd(cost->cacheWriteMicroUsd));
    object.insert(u"output_usd", usd(cost->outputMicroUsd));
    object.insert(u"total_usd", usd(cost->totalMicroUsd));
    object.insert(u"estimated", cost->estimated);
    object.insert(u"price_source", cost->priceSource.isEmpty() ? QJsonValue() : QJsonValue(cost->priceSource));
    object.insert(u"price_as_of",
                  cost->priceAsOf.isValid() ? QJsonValue(cost->priceAsOf.toString(Qt::ISODate)) : QJsonValue());
    object.insert(u"tier", cost->tier.isEmpty() ? QJsonValue() : QJsonValue(cost->tier));
    return object;
}

QJsonValue costToExactJson(const std::optional<CostBreakdown> &cost)
{
    if (!cost)
        return QJsonValue(QJsonValue::Null);
    QJsonObject object = costToJson(cost).toObject();
    object.insert(u"input_micro_usd", cost->inputMicroUsd);
    object.insert(u"cached_input_micro_usd", cost->cachedInputMicroUsd);
    object.insert(u"cache_write_micro_usd", cost->cacheWriteMicroUsd);
    object.insert(u"output_micro_usd", cost->outputMicroUsd);
    object.insert(u"total_micro_usd", cost->totalMicroUsd);
    return object;
}

std::optional<CostBreakdown> costFromJson(const QJsonObject &object)
{
    if (object.isEmpty())
        return std::nullopt;
    // An amount beyond kMaxStoredMicroUsd is refused before it is converted (a double beyond 64
    // bits cast to an integer is undefined) or added up.
    const auto micro = [&object](QStringView exact, QStringView usd) -> std::optional<qint64> {
        const QJsonValue value = object.value(exact);
        const double amount = value.isDouble() ? double(value.toInteger()) : object.value(usd).toDouble() * 1e6;
        if (!(std::abs(amount) <= double(kMaxStoredMicroUsd)))
            return std::nullopt;
        return value.isDouble() ? value.toInteger() : qRound64(amount);
    };
    const auto cached = micro(u"cached_input_micro_usd", u"cached_input_usd");
    const auto written = micro(u"cache_write_micro_usd", u"cache_write_usd"); // 0 in records older than it
    const auto input = micro(u"input_micro_usd", u"input_usd");
    const auto output = micro(u"output_micro_usd", u"output_usd");
    const auto total = micro(u"total_micro_usd", u"total_usd");
    if (!cached || !written || !input || !output || !total)
        return std::nullopt;
    CostBreakdown cost;
    cost.cachedInputMicroUsd = *cached;
    cost.cacheWriteMicroUsd = *written;
    // input_usd includes cached input and cache writes (see costToJson).
    cost.inputMicroUsd = object.value(u"input_micro_usd").isDouble() ? *input : *input - *cached - *written;
    cost.outputMicroUsd = *output;
    cost.totalMicroUsd = *total;
    cost.estimated = object.value(u"estimated").toBool();
    cost.priceSource = object.value(u"price_source").toString();
    cost.priceAsOf = QDate::fromString(object.value(u"price_as_of").toString(), Qt::ISODate);
    cost.tier = object.value(u"tier").toString();
    return cost;
}

} // namespace versus
