// SPDX-License-Identifier: GPL-3.0-or-later
// Cache-write prices (Anthropic's cache creation): the bundled figures, the catalog member
// "cache_write_per_mtok", the cost arithmetic (misses = prompt − cached − written), its JSON
// and the totals. Expected figures are worked out by hand from the published schedule.
#include "pricing/cost.h"
#include "pricing/costtotals.h"
#include "pricing/pricecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace versus;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(versus::Usage)

namespace {

const QDateTime kSentAt(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());

Usage usage(qint64 prompt, qint64 completion, std::optional<qint64> cached, std::optional<qint64> written)
{
    Usage result;
    result.promptTokens = prompt;
    result.completionTokens = completion;
    result.cachedPromptTokens = cached;
    result.cacheWriteTokens = written;
    return result;
}

PriceEntry bundled(const QString &model)
{
    PriceCatalog catalog;
    catalog.loadBundled();
    const auto entry = catalog.find(u"anthropic"_s, model);
    if (!entry)
        qFatal("no bundled price for anthropic %s", qPrintable(model));
    return *entry;
}

PriceFile parseOne(const QByteArray &entry)
{
    return PriceCatalog::parse("{\"schema\": 1, \"prices\": [" + entry + "]}", u"test.json"_s, PriceOrigin::User);
}

} // namespace

class TestCacheWrite : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bundledAnthropicFigures_data();
    void bundledAnthropicFigures();
    void cost_data();
    void cost();
    void catalogMember_data();
    void catalogMember();
    void jsonOfCost();
    void totals();
};

void TestCacheWrite::bundledAnthropicFigures_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cacheRead");
    QTest::addColumn<qint64>("cacheWrite");
    QTest::addColumn<qint64>("output");
    // USD per Mtok from platform.claude.com (5-minute cache writes) × 10^6.
    QTest::addRow("opus 4.5") << u"claude-opus-4-5"_s << qint64(5000000) << qint64(500000) << qint64(6250000)
                              << qint64(25000000);
    QTest::addRow("sonnet 4.5") << u"claude-sonnet-4-5"_s << qint64(3000000) << qint64(300000) << qint64(3750000)
                                << qint64(15000000);
    QTest::addRow("haiku 4.5") << u"claude-haiku-4-5"_s << qint64(1000000) << qint64(100000) << qint64(1250000)
                               << qint64(5000000);
    QTest::addRow("sonnet 5") << u"claude-sonnet-5"_s << qint64(2000000) << qint64(200000) << qint64(2500000)
                              << qint64(10000000);
}

void TestCacheWrite::bundledAnthropicFigures()
{
    QFETCH(QString, model);
    QFETCH(qint64, input);
    QFETCH(qint64, cacheRead);
    QFETCH(qint64, cacheWrite);
    QFETCH(qint64, output);
    const PriceEntry entry = bundled(model);
    QCOMPARE(entry.model, model);
    QCOMPARE(entry.price.inputMicroPerMtok, input);
    QCOMPARE(entry.price.cachedInputMicroPerMtok, std::optional<qint64>(cacheRead));
    QCOMPARE(entry.price.cacheWriteMicroPerMtok, std::optional<qint64>(cacheWrite));
    QCOMPARE(entry.price.outputMicroPerMtok, output);
    QVERIFY(entry.source.startsWith(u"https://platform.claude.com/"_s));
}

void TestCacheWrite::cost_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<Usage>("counts");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("written");
    QTest::addColumn<qint64>("output");
    // Sonnet 4.5 at 3 / 0.30 / 3.75 / 15: 12 misses = 36; 10240 read = 3072; 2048 written = 7680;
    // 85 out = 1275.
    QTest::addRow("read and write") << u"claude-sonnet-4-5"_s << usage(12300, 85, 10240, 2048) << qint64(36)
                                    << qint64(3072) << qint64(7680) << qint64(1275);
    // Haiku 4.5 at 1 / 0.10 / 1.25 / 5: 1000 misses = 1000; 3000 written = 3750; 200 out = 1000.
    QTest::addRow("write only") << u"claude-haiku-4-5"_s << usage(4000, 200, 0, 3000) << qint64(1000) << qint64(0)
                                << qint64(3750) << qint64(1000);
    // No cache counts at all: every prompt token is a miss. 700 × 3 = 2100; 10 × 15 = 150.
    QTest::addRow("no cache counts") << u"claude-sonnet-4-5"_s << usage(700, 10, std::nullopt, std::nullopt)
                                     << qint64(2100) << qint64(0) << qint64(0) << qint64(150);
    // Inconsistent report (more written than the prompt has left after reads): never bill more
    // tokens than the prompt had. 100 prompt, 60 read (60 × 0.30 = 18), 40 written (40 × 3.75 = 150).
    QTest::addRow("written beyond prompt")
        << u"claude-sonnet-4-5"_s << usage(100, 0, 60, 500) << qint64(0) << qint64(18) << qint64(150) << qint64(0);
}

void TestCacheWrite::cost()
{
    QFETCH(QString, model);
    QFETCH(Usage, counts);
    QFETCH(qint64, input);
    QFETCH(qint64, cached);
    QFETCH(qint64, written);
    QFETCH(qint64, output);
    const auto cost = computeCost(bundled(model), counts, kSentAt);
    QVERIFY(cost.has_value());
    QCOMPARE(cost->inputMicroUsd, input);
    QCOMPARE(cost->cachedInputMicroUsd, cached);
    QCOMPARE(cost->cacheWriteMicroUsd, written);
    QCOMPARE(cost->outputMicroUsd, output);
    QCOMPARE(cost->totalMicroUsd, input + cached + written + output);
}

void TestCacheWrite::catalogMember_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<qint64>("writePrice"); // -1: none (bills at the input price)
    QTest::addColumn<qint64>("writeCost");  // of 1000 written tokens
    QTest::addColumn<QString>("error");     // expected error text; empty: none
    QTest::addRow("given") << QByteArray(R"({"provider": "p", "model": "m", "input_per_mtok": 2,
        "cache_write_per_mtok": "2.5", "output_per_mtok": 8})")
                           << qint64(2500000) << qint64(2500) << QString();
    QTest::addRow("absent: input price") << QByteArray(R"({"provider": "p", "model": "m", "input_per_mtok": 2,
        "output_per_mtok": 8})") << qint64(-1)
                                         << qint64(2000) << QString();
    QTest::addRow("null: input price") << QByteArray(R"({"provider": "p", "model": "m", "input_per_mtok": 2,
        "cache_write_per_mtok": null, "output_per_mtok": 8})")
                                       << qint64(-1) << qint64(2000) << QString();
    QTest::addRow("negative") << QByteArray(R"({"provider": "p", "model": "m", "input_per_mtok": 2,
        "cache_write_per_mtok": -1, "output_per_mtok": 8})")
                              << qint64(-1) << qint64(0) << u"\"cache_write_per_mtok\" is negative"_s;
    QTest::addRow("misspelt") << QByteArray(R"({"provider": "p", "model": "m", "input_per_mtok": 2,
        "cache_writes_per_mtok": 3, "output_per_mtok": 8})")
                              << qint64(-1) << qint64(0) << u"unknown member \"cache_writes_per_mtok\""_s;
}

void TestCacheWrite::catalogMember()
{
    QFETCH(QByteArray, entry);
    QFETCH(qint64, writePrice);
    QFETCH(qint64, writeCost);
    QFETCH(QString, error);
    const PriceFile file = parseOne(entry);
    if (!error.isEmpty()) {
        QCOMPARE(file.errors.size(), 1);
        QVERIFY2(file.errors.first().toString().contains(error), qPrintable(file.errors.first().toString()));
        return;
    }
    QVERIFY(file.errors.isEmpty());
    QCOMPARE(file.entries.size(), 1);
    const PriceEntry &parsed = file.entries.first();
    QCOMPARE(parsed.price.cacheWriteMicroPerMtok, writePrice < 0 ? std::nullopt : std::optional<qint64>(writePrice));
    QCOMPARE(computeCost(parsed, usage(1000, 0, 0, 1000), kSentAt)->cacheWriteMicroUsd, writeCost);
    // What `versus-cli pricing --json` prints reads back as the same entry.
    const PriceFile again = parseOne(QJsonDocument(PriceCatalog::toJson(parsed)).toJson());
    QVERIFY(again.errors.isEmpty());
    QCOMPARE(again.entries.first().price, parsed.price);
}

void TestCacheWrite::jsonOfCost()
{
    const auto cost = computeCost(bundled(u"claude-sonnet-4-5"_s), usage(12300, 85, 10240, 2048), kSentAt);
    QVERIFY(cost);
    const QJsonObject json = costToJson(cost).toObject();
    QCOMPARE(json.value(u"cache_write_usd").toDouble(), 0.00768);
    QCOMPARE(json.value(u"cached_input_usd").toDouble(), 0.003072);
    QCOMPARE(json.value(u"input_usd").toDouble(), 0.010788); // misses + reads + writes
    QCOMPARE(json.value(u"total_usd").toDouble(), 0.012063);
    // Stored exactly, read back the same; and from dollars only.
    QCOMPARE(costFromJson(costToExactJson(cost).toObject()), cost);
    const auto fromDollars = costFromJson(json);
    QVERIFY(fromDollars);
    QCOMPARE(fromDollars->inputMicroUsd, qint64(36));
    QCOMPARE(fromDollars->cacheWriteMicroUsd, qint64(7680));
    // A record from before cache writes existed reads as none.
    const auto old = costFromJson(QJsonDocument::fromJson(R"({"input_usd": 0.00015, "cached_input_usd": 0.00003,
        "output_usd": 0.000036, "total_usd": 0.000186})")
                                      .object());
    QVERIFY(old);
    QCOMPARE(old->cacheWriteMicroUsd, qint64(0));
    QCOMPARE(old->inputMicroUsd, qint64(120));
}

void TestCacheWrite::totals()
{
    CostTotals totals;
    totals.add(computeCost(bundled(u"claude-sonnet-4-5"_s), usage(12300, 85, 10240, 2048), kSentAt));
    totals.add(computeCost(bundled(u"claude-haiku-4-5"_s), usage(4000, 200, 0, 3000), kSentAt));
    QCOMPARE(totals.cacheWriteMicroUsd(), qint64(7680 + 3750));
    QCOMPARE(totals.totalMicroUsd(), qint64(12063 + 5750));
    CostTotals session;
    session.add(totals);
    QCOMPARE(session.cacheWriteMicroUsd(), qint64(7680 + 3750));
}

QTEST_APPLESS_MAIN(TestCacheWrite)
#include "tst_cachewrite.moc"
