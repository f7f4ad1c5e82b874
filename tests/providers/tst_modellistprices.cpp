// SPDX-License-Identifier: GPL-3.0-or-later
// Prices stated in a provider's own model list (OpenRouter, Together) feed the price catalog,
// between the bundled prices and the user's own.
#include "providers/modellistprices.h"
#include "providers/providerregistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;

class TestModelListPrices : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void entries();
    void rankBetweenBundledAndUser();
};

namespace {
ModelList openRouterList()
{
    ModelList list;
    list.providerId = QStringLiteral("openrouter");
    list.fetchedAtUtc = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    ModelInfo priced;
    priced.id = QStringLiteral("openai/gpt-4o-mini");
    priced.pricing = ModelPricing{170000, 650000, std::nullopt}; // differs from the bundled 0.15 / 0.60
    ModelInfo halfPriced;
    halfPriced.id = QStringLiteral("vendor/half");
    halfPriced.pricing = ModelPricing{100000, std::nullopt, std::nullopt};
    ModelInfo unpriced;
    unpriced.id = QStringLiteral("vendor/none");
    list.models = {priced, halfPriced, unpriced};
    return list;
}
} // namespace

void TestModelListPrices::entries()
{
    const QList<PriceEntry> entries = priceEntriesFromModelList(openRouterList(), QStringLiteral("https://x/models"));
    QCOMPARE(entries.size(), 1); // a half-known price is no price
    QCOMPARE(entries.first().model, QStringLiteral("openai/gpt-4o-mini"));
    QCOMPARE(entries.first().price.inputMicroPerMtok, 170000);
    QCOMPARE(entries.first().price.outputMicroPerMtok, 650000);
    QCOMPARE(entries.first().origin, PriceOrigin::ProviderList);
    QCOMPARE(entries.first().asOf, QDate(2026, 11, 20));
    QCOMPARE(entries.first().source, QStringLiteral("https://x/models"));
}

void TestModelListPrices::rankBetweenBundledAndUser()
{
    QTemporaryDir dir;
    const ModelListCache cache(dir.path() + QStringLiteral("/models"));
    QVERIFY(cache.write(openRouterList()).has_value());
    auto registry = ProviderRegistry::createDefault();
    const Provider &openRouter = *registry->find(QStringLiteral("openrouter"));

    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    const auto bundled = catalog.find(QStringLiteral("openrouter"), QStringLiteral("openai/gpt-4o-mini"));
    QVERIFY(bundled);
    QCOMPARE(bundled->origin, PriceOrigin::Bundled);

    QCOMPARE(applyCachedListPrices(catalog, openRouter, cache), 1);
    auto found = catalog.find(QStringLiteral("openrouter"), QStringLiteral("openai/gpt-4o-mini"));
    QVERIFY(found);
    QCOMPARE(found->origin, PriceOrigin::ProviderList);
    QCOMPARE(found->price.outputMicroPerMtok, 650000);
    QVERIFY(found->source.endsWith(u"/models"));

    const QString userFile = dir.path() + QStringLiteral("/pricing.json");
    QFile file(userFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"schema": 1, "prices": [{"provider": "openrouter", "model": "openai/gpt-4o-mini",
                "input_per_mtok": 1, "output_per_mtok": 2, "source": "my contract", "as_of": "2026-11-01"}]})");
    file.close();
    QVERIFY(catalog.loadOverrides(userFile).isEmpty());
    found = catalog.find(QStringLiteral("openrouter"), QStringLiteral("openai/gpt-4o-mini"));
    QCOMPARE(found->origin, PriceOrigin::User);
    QCOMPARE(found->price.outputMicroPerMtok, 2000000);

    // No cached list: nothing changes.
    QCOMPARE(applyCachedListPrices(catalog, *registry->find(QStringLiteral("groq")), cache), 0);
}

QTEST_GUILESS_MAIN(TestModelListPrices)
#include "tst_modellistprices.moc"
