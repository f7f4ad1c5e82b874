// SPDX-License-Identifier: GPL-3.0-or-later
// Price catalog, override loading and cost arithmetic. Expected figures are worked out by hand
// from the providers' published schedules (shown in the comments), never by calling the code
// under test.
#include "pricing/cost.h"
#include "pricing/costtotals.h"
#include "pricing/fixedpoint.h"
#include "pricing/openrouterprices.h"
#include "pricing/pricecatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <limits>

using namespace versus;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(versus::Usage)
Q_DECLARE_METATYPE(std::optional<qint64>)

namespace {

// 2026-11-24 is a Tuesday, 2026-11-28 a Saturday.
QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

const QDateTime kTuesdayOffPeak = utc(2026, 11, 24, 5);

Usage usage(qint64 prompt, qint64 completion, std::optional<qint64> cached = std::nullopt)
{
    Usage result;
    result.promptTokens = prompt;
    result.completionTokens = completion;
    result.cachedPromptTokens = cached;
    return result;
}

PriceEntry bundled(const QString &provider, const QString &model)
{
    PriceCatalog catalog;
    catalog.loadBundled();
    const auto entry = catalog.find(provider, model);
    if (!entry)
        qFatal("no bundled price for %s %s", qPrintable(provider), qPrintable(model));
    return *entry;
}

QString writeFile(const QTemporaryDir &dir, const QByteArray &contents)
{
    const QString path = dir.filePath(QStringLiteral("pricing.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestPriceCatalog : public QObject {
    Q_OBJECT

private slots:
    void fixedPoint_data();
    void fixedPoint();
    void fixedPointRejects_data();
    void fixedPointRejects();
    void formatFixedPoint_data();
    void formatFixedPoint();
    void formatUsdInLocale_data();
    void formatUsdInLocale();
    void jsonNumbersAreReadExactly_data();
    void jsonNumbersAreReadExactly();

    void bundledCatalogIsValid();
    void bundledFiguresMatchSchedules_data();
    void bundledFiguresMatchSchedules();
    void bundledEntriesSurviveJsonRoundTrip();

    void costWithBundledPrices_data();
    void costWithBundledPrices();
    void cachedTokensBilledAtCachedPrice_data();
    void cachedTokensBilledAtCachedPrice();
    void deepSeekPeakAndOffPeak_data();
    void deepSeekPeakAndOffPeak();
    void modelWithoutPrice();
    void usageWithoutCounts();
    void localServersCostNothing();
    void storedCostReadBack_data();
    void storedCostReadBack();

    void userOverrideReplacesEntry();
    void missingOverrideFileIsNotAnError();
    void malformedOverrideReportsLine_data();
    void malformedOverrideReportsLine();
    void badEntryAmongGoodOnes_data();
    void badEntryAmongGoodOnes();
    void duplicateEntryIsReported();

    void rounding_data();
    void rounding();
    void totalsWithMissingPrice();
    void estimateBeforeSending();
    void openRouterModelList();
};

void TestPriceCatalog::fixedPoint_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("scale");
    QTest::addColumn<qint64>("expected");
    QTest::addRow("0.003") << u"0.003"_s << 6 << qint64(3000);
    QTest::addRow("0.0375") << u"0.0375"_s << 6 << qint64(37500);
    QTest::addRow("0.075") << u"0.075"_s << 6 << qint64(75000);
    QTest::addRow("2.01 (binary 2.00999…)") << u"2.01"_s << 6 << qint64(2010000);
    QTest::addRow("integer") << u"2"_s << 6 << qint64(2000000);
    QTest::addRow("zero") << u"0"_s << 6 << qint64(0);
    QTest::addRow("zero with decimals") << u"0.0000000000"_s << 6 << qint64(0);
    QTest::addRow("trailing zeros beyond scale") << u"0.1500000000"_s << 6 << qint64(150000);
    QTest::addRow("leading point") << u".5"_s << 6 << qint64(500000);
    QTest::addRow("trailing point") << u"5."_s << 6 << qint64(5000000);
    QTest::addRow("exponent") << u"7.5e-05"_s << 6 << qint64(75);
    QTest::addRow("positive exponent") << u"1.5E+2"_s << 6 << qint64(150000000);
    QTest::addRow("negative") << u"-3"_s << 6 << qint64(-3000000);
    QTest::addRow("per token at scale 12") << u"0.00000015"_s << 12 << qint64(150000);
    QTest::addRow("per token 0.00000201") << u"0.00000201"_s << 12 << qint64(2010000);
}

void TestPriceCatalog::fixedPoint()
{
    QFETCH(QString, text);
    QFETCH(int, scale);
    QFETCH(qint64, expected);
    const auto parsed = parseFixedPoint(text, scale);
    QVERIFY2(parsed.has_value(), parsed.has_value() ? "" : qPrintable(parsed.error()));
    QCOMPARE(*parsed, expected);
}

void TestPriceCatalog::fixedPointRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::addRow("too precise") << u"0.0000001"_s << u"decimal places"_s;
    QTest::addRow("too precise by exponent") << u"1e-7"_s << u"decimal places"_s;
    QTest::addRow("too large") << u"1e30"_s << u"too large"_s;
    QTest::addRow("just too large") << u"9223372036854.775808"_s << u"too large"_s;
    QTest::addRow("empty") << QString() << u"not a decimal"_s;
    QTest::addRow("word") << u"free"_s << u"not a decimal"_s;
    QTest::addRow("two points") << u"1.2.3"_s << u"not a decimal"_s;
    QTest::addRow("dangling exponent") << u"1e"_s << u"not a decimal"_s;
    QTest::addRow("unit") << u"0.15$"_s << u"not a decimal"_s;
}

void TestPriceCatalog::fixedPointRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const auto parsed = parseFixedPoint(text, 6);
    QVERIFY(!parsed.has_value());
    QVERIFY2(parsed.error().contains(reason), qPrintable(parsed.error()));
}

void TestPriceCatalog::formatFixedPoint_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("expected");
    QTest::addRow("0.075") << qint64(75000) << u"0.075"_s;
    QTest::addRow("2") << qint64(2000000) << u"2"_s;
    QTest::addRow("0.000001") << qint64(1) << u"0.000001"_s;
    QTest::addRow("0") << qint64(0) << u"0"_s;
    QTest::addRow("-1.5") << qint64(-1500000) << u"-1.5"_s;
    QTest::addRow("12.3456") << qint64(12345600) << u"12.3456"_s;
}

void TestPriceCatalog::formatFixedPoint()
{
    QFETCH(qint64, value);
    QFETCH(QString, expected);
    QCOMPARE(versus::formatFixedPoint(value, 6), expected);
    QCOMPARE(parseFixedPoint(expected, 6).value_or(-42), value);
}

void TestPriceCatalog::formatUsdInLocale_data()
{
    QTest::addColumn<qint64>("microUsd");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");
    const QLocale c = QLocale::c();
    const QLocale french(QLocale::French, QLocale::France);
    const QLocale german(QLocale::German, QLocale::Germany);
    QTest::addRow("C 1.5") << qint64(1500000) << c << u"$1.50"_s;
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale dutch(QLocale::Dutch, QLocale::Netherlands);
    // The symbol's place and spacing are the locale's (a no-break space in French and German).
    QTest::addRow("en 1.5") << qint64(1500000) << english << u"$1.50"_s;
    QTest::addRow("fr 1.5") << qint64(1500000) << french << u"1,50\u00a0$"_s;
    QTest::addRow("fr 0.000123") << qint64(123) << french << u"0,000123\u00a0$"_s;
    QTest::addRow("de 0") << qint64(0) << german << u"0,00\u00a0$"_s;
    QTest::addRow("nl 1.5") << qint64(1500000) << dutch << u"$\u00a01,50"_s;
    QTest::addRow("fr -2.25") << qint64(-2250000) << french << french.negativeSign() + u"2,25\u00a0$"_s;
    QTest::addRow("en -2.25") << qint64(-2250000) << english << u"-$2.25"_s;
    QTest::addRow("C -2.25") << qint64(-2250000) << c << u"-$2.25"_s;
}

void TestPriceCatalog::formatUsdInLocale()
{
    QFETCH(qint64, microUsd);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);
    QCOMPARE(formatUsd(microUsd, locale), expected);
}

void TestPriceCatalog::jsonNumbersAreReadExactly_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<qint64>("expected");
    // Multiplying the double by 10^6 and truncating would give 2009999 for 2.01.
    QTest::addRow("0.003") << QByteArray("0.003") << qint64(3000);
    QTest::addRow("0.0375") << QByteArray("0.0375") << qint64(37500);
    QTest::addRow("2.01") << QByteArray("2.01") << qint64(2010000);
    QTest::addRow("1.32") << QByteArray("1.32") << qint64(1320000);
    QTest::addRow("exponent") << QByteArray("3e-3") << qint64(3000);
    QTest::addRow("string") << QByteArray("\"0.0375\"") << qint64(37500);
}

void TestPriceCatalog::jsonNumbersAreReadExactly()
{
    QFETCH(QByteArray, number);
    QFETCH(qint64, expected);
    const QByteArray json = R"({"schema": 1, "prices": [{"provider": "p", "model": "m", "input_per_mtok": )" + number +
                            R"(, "cached_input_per_mtok": )" + number + R"(, "output_per_mtok": )" + number + "}]}";
    const PriceFile file = PriceCatalog::parse(json, u"test.json"_s, PriceOrigin::User);
    QVERIFY(file.errors.isEmpty());
    QCOMPARE(file.entries.size(), 1);
    QCOMPARE(file.entries[0].price.inputMicroPerMtok, expected);
    QCOMPARE(file.entries[0].price.cachedInputMicroPerMtok, std::optional<qint64>(expected));
    QCOMPARE(file.entries[0].price.outputMicroPerMtok, expected);
}

void TestPriceCatalog::bundledCatalogIsValid()
{
    PriceCatalog catalog;
    const QList<PriceError> errors = catalog.loadBundled();
    for (const PriceError &error : errors)
        qWarning("%s", qPrintable(error.toString()));
    QVERIFY(errors.isEmpty());
    const QList<PriceEntry> entries = catalog.effective();
    QVERIFY(entries.size() >= 10);

    QSet<QString> providers;
    for (const PriceEntry &entry : entries) {
        const QString name = entry.provider + u' ' + entry.model;
        providers.insert(entry.provider);
        QCOMPARE(entry.origin, PriceOrigin::Bundled);
        const QUrl source(entry.source);
        QVERIFY2(source.isValid() && source.scheme() == u"https" && !source.host().isEmpty(), qPrintable(name));
        QVERIFY2(entry.asOf.isValid(), qPrintable(name));
        QVERIFY2(entry.asOf >= QDate(2026, 1, 1), qPrintable(name));
        QVERIFY2(entry.asOf <= QDate::currentDate().addDays(1), qPrintable(name)); // never dated in the future
        QList<Price> prices{entry.price};
        for (const PriceTier &tier : entry.tiers) {
            QVERIFY2(!tier.name.isEmpty() && !tier.days.isEmpty(), qPrintable(name));
            prices << tier.price;
        }
        if (!entry.tiers.isEmpty())
            QVERIFY2(!entry.baseTier.isEmpty(), qPrintable(name));
        for (const Price &price : std::as_const(prices)) {
            QVERIFY2(price.inputMicroPerMtok >= 0 && price.outputMicroPerMtok >= 0, qPrintable(name));
            if (price.cachedInputMicroPerMtok) {
                QVERIFY2(*price.cachedInputMicroPerMtok >= 0, qPrintable(name));
                QVERIFY2(*price.cachedInputMicroPerMtok <= price.inputMicroPerMtok, qPrintable(name));
            }
        }
    }
    // The catalog's providers that publish prices, and the local servers; Synesia publishes none.
    for (const char *provider :
         {"groq", "together", "deepseek", "anthropic", "openai", "openrouter", "ollama", "llamacpp", "lmstudio"})
        QVERIFY2(providers.contains(QString::fromLatin1(provider)), provider);
    QVERIFY(!providers.contains(u"synesia"_s));
}

void TestPriceCatalog::bundledFiguresMatchSchedules_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cached"); // -1: no cached price
    QTest::addColumn<qint64>("output");
    // USD per Mtok from the published schedules × 10^6.
    QTest::addRow("groq gpt-oss-120b") << u"groq"_s << u"openai/gpt-oss-120b"_s << qint64(150000) << qint64(75000)
                                       << qint64(600000);
    QTest::addRow("groq gpt-oss-20b") << u"groq"_s << u"openai/gpt-oss-20b"_s << qint64(75000) << qint64(37500)
                                      << qint64(300000);
    QTest::addRow("together llama 3.3") << u"together"_s << u"meta-llama/Llama-3.3-70B-Instruct-Turbo"_s
                                        << qint64(880000) << qint64(-1) << qint64(880000);
    QTest::addRow("deepseek-flash off-peak")
        << u"deepseek"_s << u"deepseek-flash"_s << qint64(150000) << qint64(3000) << qint64(600000);
    QTest::addRow("deepseek-v4-flash alias")
        << u"deepseek"_s << u"deepseek-v4-flash"_s << qint64(150000) << qint64(3000) << qint64(600000);
    QTest::addRow("deepseek-v4-pro off-peak")
        << u"deepseek"_s << u"deepseek-v4-pro"_s << qint64(660000) << qint64(22000) << qint64(1980000);
    QTest::addRow("openai gpt-4o-mini") << u"openai"_s << u"gpt-4o-mini"_s << qint64(150000) << qint64(75000)
                                        << qint64(600000);
    QTest::addRow("openai gpt-4.1") << u"openai"_s << u"gpt-4.1"_s << qint64(2000000) << qint64(500000)
                                    << qint64(8000000);
}

void TestPriceCatalog::bundledFiguresMatchSchedules()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(qint64, input);
    QFETCH(qint64, cached);
    QFETCH(qint64, output);
    const PriceEntry entry = bundled(provider, model);
    QCOMPARE(entry.model, model); // an exact entry, not a wildcard
    QCOMPARE(entry.price.inputMicroPerMtok, input);
    QCOMPARE(entry.price.cachedInputMicroPerMtok, cached < 0 ? std::nullopt : std::optional<qint64>(cached));
    QCOMPARE(entry.price.outputMicroPerMtok, output);
}

void TestPriceCatalog::bundledEntriesSurviveJsonRoundTrip()
{
    // What `versus-cli pricing --json` prints must read back as the same prices: the JSON
    // numbers are exact, and the output is itself a valid override file.
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    QJsonArray array;
    for (const PriceEntry &entry : catalog.effective())
        array.append(PriceCatalog::toJson(entry));
    const QByteArray json = QJsonDocument(QJsonObject{{u"prices"_s, array}}).toJson();
    const PriceFile file = PriceCatalog::parse(json, u"roundtrip.json"_s, PriceOrigin::Bundled);
    QVERIFY(file.errors.isEmpty());
    QCOMPARE(file.entries, catalog.effective());
}

void TestPriceCatalog::costWithBundledPrices_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<Usage>("counts");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("total");
    // Groq's recorded final chunk: 210 prompt, 15 completion tokens at 0.15 / 0.60 USD/Mtok.
    // 210 × 0.15 = 31.5 µ$ → 32 (half up); 15 × 0.60 = 9 µ$.
    QTest::addRow("groq gpt-oss-120b, recorded usage") << u"groq"_s << u"openai/gpt-oss-120b"_s << usage(210, 15)
                                                       << qint64(32) << qint64(0) << qint64(9) << qint64(41);
    // GPT-4.1 at 2.00 / 0.50 / 8.00: 800k misses = 1.60 $, 200k cached = 0.10 $, 500k out = 4.00 $.
    QTest::addRow("openai gpt-4.1, a million prompt tokens")
        << u"openai"_s << u"gpt-4.1"_s << usage(1000000, 500000, 200000) << qint64(1600000) << qint64(100000)
        << qint64(4000000) << qint64(5700000);
    // Together Llama 3.3 at 0.88 / 0.88: 1234 × 0.88 = 1085.92 → 1086; 567 × 0.88 = 498.96 → 499.
    QTest::addRow("together llama 3.3") << u"together"_s << u"meta-llama/Llama-3.3-70B-Instruct-Turbo"_s
                                        << usage(1234, 567) << qint64(1086) << qint64(0) << qint64(499) << qint64(1585);
}

void TestPriceCatalog::costWithBundledPrices()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(Usage, counts);
    QFETCH(qint64, input);
    QFETCH(qint64, cached);
    QFETCH(qint64, output);
    QFETCH(qint64, total);
    const PriceEntry entry = bundled(provider, model);
    const auto cost = computeCost(entry, counts, kTuesdayOffPeak);
    QVERIFY(cost.has_value());
    QCOMPARE(cost->inputMicroUsd, input);
    QCOMPARE(cost->cachedInputMicroUsd, cached);
    QCOMPARE(cost->outputMicroUsd, output);
    QCOMPARE(cost->totalMicroUsd, total);
    QCOMPARE(cost->priceSource, entry.source);
    QCOMPARE(cost->priceAsOf, entry.asOf);
    QVERIFY(!cost->estimated);

    Usage estimatedCounts = counts;
    estimatedCounts.estimated = true;
    QVERIFY(computeCost(entry, estimatedCounts, kTuesdayOffPeak)->estimated);
}

void TestPriceCatalog::cachedTokensBilledAtCachedPrice_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<Usage>("counts");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("output");
    // DeepSeek's recorded usage: 374 prompt of which 256 cache hits (118 misses), 61 completion
    // (17 of them reasoning, already inside the 61). Off-peak 0.15 / 0.003 / 0.60:
    // 118 × 0.15 = 17.7 → 18; 256 × 0.003 = 0.768 → 1; 61 × 0.60 = 36.6 → 37.
    Usage deepseek = usage(374, 61, 256);
    deepseek.reasoningTokens = 17;
    QTest::addRow("deepseek-flash") << u"deepseek"_s << u"deepseek-flash"_s << deepseek << qint64(18) << qint64(1)
                                    << qint64(37);
    // Groq gpt-oss-20b 0.075 / 0.0375 / 0.30: 600k misses = 45000; 400k cached = 15000; 0 out.
    QTest::addRow("groq gpt-oss-20b") << u"groq"_s << u"openai/gpt-oss-20b"_s << usage(1000000, 0, 400000)
                                      << qint64(45000) << qint64(15000) << qint64(0);
    // Together lists no cached price: cached tokens bill at the input price 0.15.
    // 600 × 0.15 = 90; 400 × 0.15 = 60.
    QTest::addRow("together, no cached price")
        << u"together"_s << u"openai/gpt-oss-120b"_s << usage(1000, 0, 400) << qint64(90) << qint64(60) << qint64(0);
    // More cached than prompt tokens (inconsistent report): never bill more than the prompt.
    // 100 cached × 0.003 = 0.3 → 0.
    QTest::addRow("cached above prompt") << u"deepseek"_s << u"deepseek-flash"_s << usage(100, 0, 500) << qint64(0)
                                         << qint64(0) << qint64(0);
}

void TestPriceCatalog::cachedTokensBilledAtCachedPrice()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(Usage, counts);
    QFETCH(qint64, input);
    QFETCH(qint64, cached);
    QFETCH(qint64, output);
    const auto cost = computeCost(bundled(provider, model), counts, kTuesdayOffPeak);
    QVERIFY(cost.has_value());
    QCOMPARE(cost->inputMicroUsd, input);
    QCOMPARE(cost->cachedInputMicroUsd, cached);
    QCOMPARE(cost->outputMicroUsd, output);
    QCOMPARE(cost->totalMicroUsd, input + cached + output);
}

void TestPriceCatalog::deepSeekPeakAndOffPeak_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QDateTime>("sentAt");
    QTest::addColumn<Usage>("counts");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<qint64>("total");
    // deepseek-flash, 1M prompt (no cache) + 1M completion:
    //   off-peak 0.15 + 0.60 = 0.75 $ = 750000 µ$; peak 0.30 + 1.20 = 1.50 $ = 1500000 µ$.
    const Usage million = usage(1000000, 1000000);
    QTest::addRow("tuesday 02:00 peak") << u"deepseek-flash"_s << utc(2026, 11, 24, 2) << million << u"peak"_s
                                        << qint64(1500000);
    QTest::addRow("tuesday 05:00 off-peak")
        << u"deepseek-flash"_s << utc(2026, 11, 24, 5) << million << u"off_peak"_s << qint64(750000);
    QTest::addRow("saturday 02:00 off-peak")
        << u"deepseek-flash"_s << utc(2026, 11, 28, 2) << million << u"off_peak"_s << qint64(750000);
    QTest::addRow("tuesday 04:00 window end is exclusive")
        << u"deepseek-flash"_s << utc(2026, 11, 24, 4) << million << u"off_peak"_s << qint64(750000);
    QTest::addRow("tuesday 09:59 second window")
        << u"deepseek-flash"_s << utc(2026, 11, 24, 9, 59) << million << u"peak"_s << qint64(1500000);
    QTest::addRow("monday 00:59 before peak")
        << u"deepseek-flash"_s << utc(2026, 11, 23, 0, 59) << million << u"off_peak"_s << qint64(750000);
    QTest::addRow("friday 01:00 peak starts")
        << u"deepseek-flash"_s << utc(2026, 11, 27, 1) << million << u"peak"_s << qint64(1500000);
    // 03:00 at UTC+1 is 02:00 UTC, inside the peak window.
    QTest::addRow("local time is converted to UTC")
        << u"deepseek-flash"_s << QDateTime(QDate(2026, 11, 24), QTime(3, 0), QTimeZone(3600)) << million << u"peak"_s
        << qint64(1500000);
    // 11:00 at UTC+10 on Wednesday is 01:00 UTC on Wednesday: peak.
    QTest::addRow("day boundary in another zone")
        << u"deepseek-flash"_s << QDateTime(QDate(2026, 11, 25), QTime(11, 0), QTimeZone(36000)) << million << u"peak"_s
        << qint64(1500000);
    // deepseek-v4-pro at peak 1.32 / 0.044 / 3.96 with the recorded usage (118 misses, 256 hits,
    // 61 out): 118 × 1.32 = 155.76 → 156; 256 × 0.044 = 11.264 → 11; 61 × 3.96 = 241.56 → 242.
    QTest::addRow("v4-pro peak with cache")
        << u"deepseek-v4-pro"_s << utc(2026, 11, 24, 2) << usage(374, 61, 256) << u"peak"_s << qint64(409);
    // Off-peak 0.66 / 0.022 / 1.98: 77.88 → 78; 5.632 → 6; 120.78 → 121.
    QTest::addRow("v4-pro off-peak with cache")
        << u"deepseek-v4-pro"_s << utc(2026, 11, 28, 2) << usage(374, 61, 256) << u"off_peak"_s << qint64(205);
}

void TestPriceCatalog::deepSeekPeakAndOffPeak()
{
    QFETCH(QString, model);
    QFETCH(QDateTime, sentAt);
    QFETCH(Usage, counts);
    QFETCH(QString, tier);
    QFETCH(qint64, total);
    const auto cost = computeCost(bundled(u"deepseek"_s, model), counts, sentAt);
    QVERIFY(cost.has_value());
    QCOMPARE(cost->tier, tier);
    QCOMPARE(cost->totalMicroUsd, total);
}

void TestPriceCatalog::modelWithoutPrice()
{
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    QCOMPARE(catalog.find(u"synesia"_s, u"groq/gpt-oss-120b"_s), std::nullopt);
    QCOMPARE(catalog.find(u"groq"_s, u"a-model-nobody-priced"_s), std::nullopt);
    QCOMPARE(catalog.find(u"no-such-provider"_s, u"*"_s), std::nullopt);
    // Model ids are matched exactly, never by prefix or case-folding.
    QCOMPARE(catalog.find(u"openai"_s, u"gpt-4.1-mini-2025-04-14"_s), std::nullopt);
    QCOMPARE(catalog.find(u"openai"_s, u"GPT-4.1"_s), std::nullopt);

    CostTotals totals;
    const auto entry = catalog.find(u"synesia"_s, u"groq/gpt-oss-120b"_s);
    totals.add(entry ? computeCost(*entry, usage(100, 100), kTuesdayOffPeak) : std::nullopt);
    QCOMPARE(totals.describe(), u"no price"_s);
    QCOMPARE(costToJson(std::nullopt), QJsonValue(QJsonValue::Null));
}

void TestPriceCatalog::usageWithoutCounts()
{
    const PriceEntry entry = bundled(u"groq"_s, u"openai/gpt-oss-120b"_s);
    QCOMPARE(computeCost(entry, Usage{}, kTuesdayOffPeak), std::nullopt);
    Usage promptOnly;
    promptOnly.promptTokens = 100;
    QCOMPARE(computeCost(entry, promptOnly, kTuesdayOffPeak), std::nullopt);
    Usage totalOnly;
    totalOnly.totalTokens = 100;
    QCOMPARE(computeCost(entry, totalOnly, kTuesdayOffPeak), std::nullopt);
}

void TestPriceCatalog::localServersCostNothing()
{
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    for (const char *provider : {"ollama", "llamacpp", "lmstudio"}) {
        const auto entry = catalog.find(QString::fromLatin1(provider), u"llama3:8b"_s);
        QVERIFY2(entry.has_value(), provider);
        QVERIFY(entry->isWildcard());
        const auto cost = computeCost(*entry, usage(5000, 2000, 1000), kTuesdayOffPeak);
        QVERIFY(cost.has_value());
        QCOMPARE(cost->totalMicroUsd, 0);
    }
}

void TestPriceCatalog::storedCostReadBack_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("total"); // -1: no cost

    QTest::newRow("exact members") << QByteArray(R"({"input_micro_usd": 120, "cached_input_micro_usd": 30,
        "output_micro_usd": 36, "total_micro_usd": 186, "total_usd": 0.000186})")
                                   << qint64(120) << qint64(186);
    QTest::newRow("dollars only, input with cached")
        << QByteArray(R"({"input_usd": 0.00015, "cached_input_usd": 0.00003, "output_usd": 0.000036,
        "total_usd": 0.000186})")
        << qint64(120) << qint64(186);
    // fuzz_structured_output, reading stored tool rounds: these amounts were cast to 64-bit
    // integers out of range (undefined behaviour); they are no cost.
    QTest::newRow("huge dollars") << QByteArray(R"({"total_usd": 1e300})") << qint64(0) << qint64(-1);
    QTest::newRow("huge negative input")
        << QByteArray(R"({"input_usd": -1e13, "cached_input_micro_usd": 9223372036854775807, "total_usd": 1})")
        << qint64(0) << qint64(-1);
    QTest::newRow("beyond 2^53 micro-USD")
        << QByteArray(R"({"total_micro_usd": 10000000000000000, "total_usd": 1e10})") << qint64(0) << qint64(-1);
    QTest::newRow("2^53 micro-USD") << QByteArray(R"({"total_micro_usd": 9007199254740992, "total_usd": 1})")
                                    << qint64(0) << qint64(9007199254740992);
}

void TestPriceCatalog::storedCostReadBack()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, input);
    QFETCH(qint64, total);
    const auto cost = costFromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(cost.has_value(), total >= 0);
    if (!cost)
        return;
    QCOMPARE(cost->inputMicroUsd, input);
    QCOMPARE(cost->totalMicroUsd, total);
}

void TestPriceCatalog::userOverrideReplacesEntry()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, R"({
  "schema": 1,
  "prices": [
    {"provider": "groq", "model": "openai/gpt-oss-120b",
     "input_per_mtok": 1.00, "cached_input_per_mtok": 0.25, "output_per_mtok": 2.00,
     "source": "my contract", "as_of": "2026-11-01"},
    {"provider": "synesia", "model": "groq/gpt-oss-120b",
     "input_per_mtok": 0.5, "output_per_mtok": 1.5}
  ]
})");
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    const QList<PriceEntry> before = catalog.effective();
    QVERIFY(catalog.loadOverrides(path).isEmpty());
    QVERIFY(catalog.errors().isEmpty());

    const auto groq = catalog.find(u"groq"_s, u"openai/gpt-oss-120b"_s);
    QVERIFY(groq.has_value());
    QCOMPARE(groq->origin, PriceOrigin::User);
    QCOMPARE(groq->source, u"my contract"_s);
    QCOMPARE(groq->asOf, QDate(2026, 11, 1));
    // 1000 prompt (400 cached), 1000 out: 600 × 1.00 = 600; 400 × 0.25 = 100; 1000 × 2.00 = 2000.
    const auto cost = computeCost(*groq, usage(1000, 1000, 400), kTuesdayOffPeak);
    QVERIFY(cost.has_value());
    QCOMPARE(cost->inputMicroUsd, 600);
    QCOMPARE(cost->cachedInputMicroUsd, 100);
    QCOMPARE(cost->outputMicroUsd, 2000);
    QCOMPARE(cost->priceSource, u"my contract"_s);

    // Synesia has no public prices: only what the user entered.
    const auto synesia = catalog.find(u"synesia"_s, u"groq/gpt-oss-120b"_s);
    QVERIFY(synesia.has_value());
    QCOMPARE(synesia->price.inputMicroPerMtok, 500000);
    QCOMPARE(synesia->asOf, QDate());

    // Entry by entry: the replaced entry keeps its place, the rest are untouched, the new one
    // comes last.
    const QList<PriceEntry> after = catalog.effective();
    QCOMPARE(after.size(), before.size() + 1);
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (before[i].provider == u"groq" && before[i].model == u"openai/gpt-oss-120b")
            QCOMPARE(after[i], *groq);
        else
            QCOMPARE(after[i], before[i]);
    }
    QCOMPARE(after.last(), *synesia);
    // Other groq models still have their bundled price.
    QCOMPARE(catalog.find(u"groq"_s, u"openai/gpt-oss-20b"_s)->origin, PriceOrigin::Bundled);
}

void TestPriceCatalog::missingOverrideFileIsNotAnError()
{
    QTemporaryDir dir;
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    QVERIFY(catalog.loadOverrides(dir.filePath(u"absent.json"_s)).isEmpty());
    QVERIFY(catalog.errors().isEmpty());
}

void TestPriceCatalog::malformedOverrideReportsLine_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<int>("line");
    QTest::addRow("trailing comma") << QByteArray("{\n  \"prices\": [\n    {\"provider\": \"a\"},\n  ]\n}\n") << 4;
    QTest::addRow("missing comma") << QByteArray("{\n  \"schema\": 1\n  \"prices\": []\n}\n") << 3;
    QTest::addRow("single quotes") << QByteArray("{\n\n\n  'prices': []\n}\n") << 4;
    QTest::addRow("truncated") << QByteArray("{\n  \"prices\": [\n    {\"provider\": \"a\"") << 3;
    QTest::addRow("first line") << QByteArray("prices = []\n") << 1;
}

void TestPriceCatalog::malformedOverrideReportsLine()
{
    QFETCH(QByteArray, contents);
    QFETCH(int, line);
    QTemporaryDir dir;
    const QString path = writeFile(dir, contents);
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    const QList<PriceError> errors = catalog.loadOverrides(path);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].file, path);
    QCOMPARE(errors[0].line, line);
    QVERIFY(errors[0].column >= 1);
    QCOMPARE(errors[0].entryIndex, -1);
    QVERIFY(!errors[0].reason.isEmpty());
    QVERIFY(errors[0].toString().startsWith(QString(path + u':' + QString::number(line) + u':')));
    QCOMPARE(catalog.errors(), errors);
    // Nothing from a malformed file is used; the bundled table stays in force.
    for (const PriceEntry &entry : catalog.effective())
        QCOMPARE(entry.origin, PriceOrigin::Bundled);
}

void TestPriceCatalog::badEntryAmongGoodOnes_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<QString>("reason");
    const QByteArray head = R"("provider": "groq", "model": "bad/model", )";
    QTest::addRow("negative price") << QByteArray(head + R"("input_per_mtok": -0.1, "output_per_mtok": 1)")
                                    << u"negative"_s;
    QTest::addRow("missing output price") << QByteArray(head + R"("input_per_mtok": 0.1)") << u"output_per_mtok"_s;
    QTest::addRow("price as a word") << QByteArray(head + R"("input_per_mtok": "cheap", "output_per_mtok": 1)")
                                     << u"not a decimal"_s;
    QTest::addRow("price as a bool") << QByteArray(head + R"("input_per_mtok": true, "output_per_mtok": 1)")
                                     << u"input_per_mtok"_s;
    QTest::addRow("bad date") << QByteArray(head +
                                            R"("input_per_mtok": 0.1, "output_per_mtok": 1, "as_of": "2026-02-30")")
                              << u"as_of"_s;
    QTest::addRow("date not ISO") << QByteArray(head +
                                                R"("input_per_mtok": 0.1, "output_per_mtok": 1, "as_of": "11/24/2026")")
                                  << u"as_of"_s;
    QTest::addRow("misspelt member")
        << QByteArray(head + R"("input_per_mtok": 0.1, "output_per_mtok": 1, "cached_input_per_mtk": 0.01)")
        << u"unknown"_s;
    QTest::addRow("tier window backwards")
        << QByteArray(head +
                      R"("input_per_mtok": 0.1, "output_per_mtok": 1, "tiers": [{"name": "peak", "days": ["mon"],)"
                      R"( "windows": ["10:00-09:00"], "input_per_mtok": 0.2, "output_per_mtok": 2}])")
        << u"10:00-09:00"_s;
    QTest::addRow("tier bad day") << QByteArray(
                                         head +
                                         R"("input_per_mtok": 0.1, "output_per_mtok": 1, "tiers": [{"name": "peak",)"
                                         R"( "days": ["monday"], "input_per_mtok": 0.2, "output_per_mtok": 2}])")
                                  << u"monday"_s;
    QTest::addRow("tier without price")
        << QByteArray(head +
                      R"("input_per_mtok": 0.1, "output_per_mtok": 1, "tiers": [{"name": "peak", "days": ["sat"]}])")
        << u"input_per_mtok"_s;
    QTest::addRow("too precise") << QByteArray(head + R"("input_per_mtok": 0.0000001, "output_per_mtok": 1)")
                                 << u"decimal places"_s;
}

void TestPriceCatalog::badEntryAmongGoodOnes()
{
    QFETCH(QByteArray, entry);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = writeFile(dir, R"({"schema": 1, "prices": [
        {"provider": "groq", "model": "openai/gpt-oss-120b", "input_per_mtok": 1, "output_per_mtok": 2},
        {)" + entry + R"(},
        {"provider": "mistral", "model": "mistral-small-latest", "input_per_mtok": 0.1, "output_per_mtok": 0.3}
    ]})");
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    const QList<PriceError> errors = catalog.loadOverrides(path);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].entryIndex, 1);
    QCOMPARE(errors[0].provider, u"groq"_s);
    QCOMPARE(errors[0].model, u"bad/model"_s);
    QVERIFY2(errors[0].reason.contains(reason), qPrintable(errors[0].reason));
    QVERIFY(errors[0].toString().contains(u"entry 1 (groq bad/model)"_s));
    // The good entries on either side still load.
    QCOMPARE(catalog.find(u"groq"_s, u"openai/gpt-oss-120b"_s)->origin, PriceOrigin::User);
    QCOMPARE(catalog.find(u"mistral"_s, u"mistral-small-latest"_s)->price.outputMicroPerMtok, 300000);
    QCOMPARE(catalog.find(u"groq"_s, u"bad/model"_s), std::nullopt);
}

void TestPriceCatalog::duplicateEntryIsReported()
{
    const PriceFile file = PriceCatalog::parse(R"({"prices": [
        {"provider": "p", "model": "m", "input_per_mtok": 1, "output_per_mtok": 2},
        {"provider": "p", "model": "m", "input_per_mtok": 3, "output_per_mtok": 4}
    ]})",
                                               u"dup.json"_s, PriceOrigin::User);
    QCOMPARE(file.entries.size(), 1);
    QCOMPARE(file.entries[0].price.inputMicroPerMtok, 3000000);
    QCOMPARE(file.errors.size(), 1);
    QCOMPARE(file.errors[0].entryIndex, 1);
    QVERIFY(file.errors[0].reason.contains(u"entry 0"_s));
}

void TestPriceCatalog::rounding_data()
{
    QTest::addColumn<qint64>("tokens");
    QTest::addColumn<qint64>("microPerMtok");
    QTest::addColumn<std::optional<qint64>>("expected");
    using Opt = std::optional<qint64>;
    // µ$ = tokens × price / 10^6, rounded once, half up.
    QTest::addRow("0.003 $/Mtok × 1 token = 0.003 µ$") << qint64(1) << qint64(3000) << Opt(0);
    QTest::addRow("0.003 $/Mtok × 166 = 0.498 µ$") << qint64(166) << qint64(3000) << Opt(0);
    QTest::addRow("0.003 $/Mtok × 167 = 0.501 µ$") << qint64(167) << qint64(3000) << Opt(1);
    QTest::addRow("0.003 $/Mtok × 166666 = 499.998 µ$") << qint64(166666) << qint64(3000) << Opt(500);
    QTest::addRow("exact half rounds up") << qint64(1) << qint64(500000) << Opt(1);
    QTest::addRow("1.5 rounds up") << qint64(3) << qint64(500000) << Opt(2);
    QTest::addRow("just below half") << qint64(1) << qint64(499999) << Opt(0);
    QTest::addRow("0.0375 $/Mtok × 40 = 1.5 µ$") << qint64(40) << qint64(37500) << Opt(2);
    QTest::addRow("zero tokens") << qint64(0) << qint64(3000000) << Opt(0);
    QTest::addRow("free") << qint64(123456789) << qint64(0) << Opt(0);
    QTest::addRow("a trillion tokens at 0.15") << qint64(1000000000000) << qint64(150000) << Opt(150000000000);
    QTest::addRow("9e12 tokens at 1 $/Mtok") << qint64(9000000000000) << qint64(1000000) << Opt(9000000000000);
    // 9·10^12 tokens at a million $/Mtok = 9·10^18 µ$, just under the 64-bit limit (9.22·10^18).
    QTest::addRow("large but fits") << qint64(9000000000000) << qint64(1000000000000) << Opt(9000000000000000000);
    QTest::addRow("just over the limit") << qint64(9300000000000) << qint64(1000000000000) << Opt();
    QTest::addRow("overflow") << std::numeric_limits<qint64>::max() << qint64(2000000) << Opt();
    QTest::addRow("negative tokens") << qint64(-1) << qint64(1000000) << Opt();
}

void TestPriceCatalog::rounding()
{
    QFETCH(qint64, tokens);
    QFETCH(qint64, microPerMtok);
    QFETCH(std::optional<qint64>, expected);
    QCOMPARE(costOfTokens(tokens, microPerMtok), expected);
}

void TestPriceCatalog::totalsWithMissingPrice()
{
    const PriceEntry flash = bundled(u"deepseek"_s, u"deepseek-flash"_s);
    // 56 µ$ off-peak and 110 µ$ at peak for the recorded usage (118 misses, 256 hits, 61 out):
    // peak 118 × 0.30 = 35.4 → 35; 256 × 0.006 = 1.536 → 2; 61 × 1.20 = 73.2 → 73.
    const auto offPeak = computeCost(flash, usage(374, 61, 256), utc(2026, 11, 28, 2));
    const auto peak = computeCost(flash, usage(374, 61, 256), utc(2026, 11, 24, 2));
    QCOMPARE(offPeak->totalMicroUsd, 56);
    QCOMPARE(peak->totalMicroUsd, 110);

    CostTotals laneA; // two priced answers
    laneA.add(offPeak);
    laneA.add(peak);
    QVERIFY(laneA.isComplete());
    QCOMPARE(laneA.describe(), u"$0.000166"_s);

    CostTotals laneB; // a model without price, twice
    laneB.add(std::optional<CostBreakdown>());
    laneB.addUnpriced();
    QCOMPARE(laneB.describe(), u"no price"_s);
    QCOMPARE(laneB.totalMicroUsd(), 0);

    CostTotals conversation;
    conversation.add(laneA);
    conversation.add(laneB);
    QCOMPARE(conversation.totalMicroUsd(), 166);
    QCOMPARE(conversation.inputMicroUsd(), 18 + 35);
    QCOMPARE(conversation.cachedInputMicroUsd(), 1 + 2);
    QCOMPARE(conversation.outputMicroUsd(), 37 + 73);
    QCOMPARE(conversation.pricedCount(), 2);
    QCOMPARE(conversation.unpricedCount(), 2);
    QVERIFY(!conversation.isComplete());
    QCOMPARE(conversation.describe(), u"≥ $0.000166, 2 answers without price"_s);

    CostTotals session;
    session.add(conversation);
    session.add(conversation);
    QCOMPARE(session.totalMicroUsd(), 332);
    QCOMPARE(session.unpricedCount(), 4);

    CostTotals oneMissing = laneA;
    oneMissing.addUnpriced();
    QCOMPARE(oneMissing.describe(), u"≥ $0.000166, 1 answer without price"_s);

    Usage estimatedCounts = usage(1000000, 0);
    estimatedCounts.estimated = true;
    CostTotals estimated;
    estimated.add(computeCost(flash, estimatedCounts, utc(2026, 11, 28, 2))); // 1M × 0.15 = 0.15 $
    QVERIFY(estimated.anyEstimated());
    QCOMPARE(estimated.describe(), u"≈ $0.15"_s);
    // The window's figure, in its locale (the words stay English: no translation is loaded).
    QCOMPARE(estimated.describe(QLocale(QLocale::French, QLocale::France)), u"≈ 0,15\u00a0$"_s);
    QVERIFY(!laneA.anyEstimated());
}

void TestPriceCatalog::estimateBeforeSending()
{
    const PriceEntry flash = bundled(u"deepseek"_s, u"deepseek-flash"_s);
    const QDateTime offPeak = utc(2026, 11, 28, 12);
    // 1000 prompt tokens × 0.15 = 150 µ$; 2000 max output × 0.60 = 1200 µ$.
    auto estimate = estimateCost(flash, 1000, 2000, 131072, offPeak);
    QVERIFY(estimate.has_value());
    QCOMPARE(estimate->minMicroUsd, 150);
    QCOMPARE(estimate->maxMicroUsd, std::optional<qint64>(1350));
    QCOMPARE(estimate->cap, CostEstimate::OutputCap::MaxTokens);
    QCOMPARE(estimate->tier, u"off_peak"_s);

    // No max_tokens: what the context window leaves, 131072 − 1000 = 130072 × 0.60 = 78043.2 → 78043.
    estimate = estimateCost(flash, 1000, std::nullopt, 131072, offPeak);
    QCOMPARE(estimate->cap, CostEstimate::OutputCap::ContextWindow);
    QCOMPARE(estimate->maxOutputTokens, 130072);
    QCOMPARE(estimate->maxMicroUsd, std::optional<qint64>(150 + 78043));

    // Neither known: a low end and no upper bound, never an invented one.
    estimate = estimateCost(flash, 1000, std::nullopt, std::nullopt, offPeak);
    QCOMPARE(estimate->cap, CostEstimate::OutputCap::Unknown);
    QCOMPARE(estimate->minMicroUsd, 150);
    QCOMPARE(estimate->maxMicroUsd, std::nullopt);

    // At peak the same request costs twice as much: 300 … 300 + 2400.
    estimate = estimateCost(flash, 1000, 2000, std::nullopt, utc(2026, 11, 24, 2));
    QCOMPARE(estimate->minMicroUsd, 300);
    QCOMPARE(estimate->maxMicroUsd, std::optional<qint64>(2700));
    QCOMPARE(estimate->tier, u"peak"_s);
}

void TestPriceCatalog::openRouterModelList()
{
    const QByteArray json = R"({"data": [
        {"id": "openai/gpt-4o-mini", "context_length": 128000,
         "pricing": {"prompt": "0.00000015", "completion": "0.0000006", "input_cache_read": "0.000000075",
                     "request": "0", "image": "0.000217"}},
        {"id": "vendor/odd-price", "pricing": {"prompt": "0.00000201", "completion": "0.000002"}},
        {"id": "openrouter/auto", "pricing": {"prompt": "-1", "completion": "-1"}},
        {"id": "vendor/per-request", "pricing": {"prompt": "0.000001", "completion": "0.000002", "request": "0.005"}},
        {"id": "vendor/unpriced", "pricing": {}}
    ]})";
    const OpenRouterPrices prices = openRouterPrices(json, QDate(2026, 11, 25));
    QVERIFY(prices.error.isEmpty());
    QCOMPARE(prices.entries.size(), 2);
    const PriceEntry &mini = prices.entries[0];
    QCOMPARE(mini.provider, u"openrouter"_s);
    QCOMPARE(mini.model, u"openai/gpt-4o-mini"_s);
    QCOMPARE(mini.price.inputMicroPerMtok, 150000); // 0.00000015 $/token = 0.15 $/Mtok
    QCOMPARE(mini.price.cachedInputMicroPerMtok, std::optional<qint64>(75000));
    QCOMPARE(mini.price.outputMicroPerMtok, 600000);
    QCOMPARE(mini.asOf, QDate(2026, 11, 25));
    QCOMPARE(prices.entries[1].price.inputMicroPerMtok, 2010000); // exact, not 2009999
    QCOMPARE(prices.skipped.size(), 3);

    // Precedence: provider list over bundled, user over provider list.
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    QCOMPARE(catalog.find(u"openrouter"_s, u"vendor/odd-price"_s), std::nullopt);
    catalog.setProviderListEntries(u"openrouter"_s, prices.entries);
    QCOMPARE(catalog.find(u"openrouter"_s, u"openai/gpt-4o-mini"_s)->origin, PriceOrigin::ProviderList);
    QCOMPARE(catalog.find(u"openrouter"_s, u"vendor/odd-price"_s)->origin, PriceOrigin::ProviderList);
    QTemporaryDir dir;
    const QString path = writeFile(dir, R"({"prices": [{"provider": "openrouter", "model": "openai/gpt-4o-mini",
        "input_per_mtok": 9, "output_per_mtok": 9}]})");
    QVERIFY(catalog.loadOverrides(path).isEmpty());
    QCOMPARE(catalog.find(u"openrouter"_s, u"openai/gpt-4o-mini"_s)->origin, PriceOrigin::User);
    const QList<PriceEntry> effective = catalog.effective();
    QCOMPARE(std::count_if(effective.cbegin(), effective.cend(),
                           [](const PriceEntry &entry) {
                               return entry.provider == u"openrouter" && entry.model == u"openai/gpt-4o-mini";
                           }),
             1);

    QVERIFY(!openRouterPrices("[]", QDate(2026, 11, 25)).error.isEmpty());
}

QTEST_GUILESS_MAIN(TestPriceCatalog)
#include "tst_pricecatalog.moc"
