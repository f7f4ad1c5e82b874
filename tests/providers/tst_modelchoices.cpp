// SPDX-License-Identifier: GPL-3.0-or-later
// The models offered for a provider (versus-cli models and the app's model picker): the live
// list completed from the catalog, else the catalog's; and the price shown beside each.
#include "providers/modelchoices.h"
#include "providers/providerregistry.h"

#include <QTest>

#include <algorithm>

using namespace versus;

class TestModelChoices : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void choices_data();
    void choices();
    void prices_data();
    void prices();
};

namespace {
ModelInfo liveModel(const QString &id, const QString &type = {})
{
    ModelInfo model;
    model.id = id;
    model.type = type;
    return model;
}
} // namespace

void TestModelChoices::choices_data()
{
    QTest::addColumn<bool>("live");
    QTest::addColumn<bool>("includeNonChat");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("hidden");

    QTest::newRow("live list, chat models sorted")
        << true << false
        << QStringList{QStringLiteral("a/new-model"), QStringLiteral("openai/gpt-oss-120b"), QStringLiteral("Z/last")}
        << 1;
    QTest::newRow("no live list: the catalog's") << false << false << QStringList() << 0;
    QTest::newRow("live list, all models")
        << true << true
        << QStringList{QStringLiteral("a/new-model"), QStringLiteral("e/embedder"),
                       QStringLiteral("openai/gpt-oss-120b"), QStringLiteral("Z/last")}
        << 0;
}

void TestModelChoices::choices()
{
    QFETCH(bool, live);
    QFETCH(bool, includeNonChat);
    QFETCH(QStringList, ids);
    QFETCH(int, hidden);
    auto registry = ProviderRegistry::createDefault();
    const ProviderInfo &groq = registry->find(QStringLiteral("groq"))->info();
    const QList<ModelInfo> list{liveModel(QStringLiteral("Z/last")), liveModel(QStringLiteral("openai/gpt-oss-120b")),
                                liveModel(QStringLiteral("e/embedder"), QStringLiteral("embedding")),
                                liveModel(QStringLiteral("a/new-model"))};
    int left = -1;
    const QList<ModelInfo> models =
        modelChoices(groq, live ? std::optional(list) : std::nullopt, includeNonChat, &left);
    QStringList got;
    for (const ModelInfo &model : models)
        got << model.id;
    if (live) {
        QCOMPARE(got, ids);
    } else { // every chat model of the catalog, and only those
        qsizetype chat = 0;
        for (const ModelInfo &model : groq.models)
            chat += isChatModel(model) ? 1 : 0;
        QCOMPARE(got.size(), chat);
        for (const QString &id : got)
            QVERIFY2(groq.findModel(id), qPrintable(id));
        QStringList sorted = got;
        sorted.sort(Qt::CaseInsensitive);
        QCOMPARE(got, sorted);
    }
    QCOMPARE(left, hidden);

    // A model the catalog knows gets the catalog's word; one it does not, the provider's.
    const auto known =
        std::find_if(models.cbegin(), models.cend(), [](const ModelInfo &m) { return m.id == u"openai/gpt-oss-120b"; });
    QVERIFY(known != models.cend());
    QCOMPARE(known->capabilities.vision, std::optional<bool>(false));
    QCOMPARE(known->capabilities.functionCalls, std::optional<bool>(true));
    QCOMPARE(known->maxOutputTokens, std::optional<qint64>(65536));
    if (live) {
        const auto unknown =
            std::find_if(models.cbegin(), models.cend(), [](const ModelInfo &m) { return m.id == u"a/new-model"; });
        QVERIFY(unknown != models.cend());
        QCOMPARE(unknown->capabilities.streaming, groq.capabilities.streaming);
        QVERIFY(!unknown->maxOutputTokens);
    }
}

void TestModelChoices::prices_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("listPrice");
    QTest::addColumn<bool>("known");
    QTest::addColumn<bool>("fromCatalog");

    QTest::newRow("bundled price") << "openai/gpt-oss-120b" << false << true << true;
    QTest::newRow("bundled price wins over the list's") << "openai/gpt-oss-120b" << true << true << true;
    QTest::newRow("only the list's price") << "vendor/unknown" << true << true << false;
    QTest::newRow("no price") << "vendor/unknown" << false << false << false;
}

void TestModelChoices::prices()
{
    QFETCH(QString, model);
    QFETCH(bool, listPrice);
    QFETCH(bool, known);
    QFETCH(bool, fromCatalog);
    PriceCatalog catalog;
    QVERIFY(catalog.loadBundled().isEmpty());
    ModelInfo info = liveModel(model);
    if (listPrice)
        info.pricing = ModelPricing{111, 222, std::nullopt};
    const auto price = modelPrice(catalog, QStringLiteral("groq"), info);
    QCOMPARE(price.has_value(), known);
    if (!price)
        return;
    QCOMPARE(price->fromCatalog, fromCatalog);
    if (fromCatalog) {
        const auto entry = catalog.find(QStringLiteral("groq"), model);
        QVERIFY(entry);
        QCOMPARE(price->inputMicroPerMtok, entry->price.inputMicroPerMtok);
        QCOMPARE(price->outputMicroPerMtok, entry->price.outputMicroPerMtok);
        QVERIFY(price->inputMicroPerMtok != 111);
    } else {
        QCOMPARE(price->inputMicroPerMtok, 111);
        QCOMPARE(price->outputMicroPerMtok, 222);
    }
}

QTEST_GUILESS_MAIN(TestModelChoices)
#include "tst_modelchoices.moc"
