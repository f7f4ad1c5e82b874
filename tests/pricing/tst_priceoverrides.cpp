// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Prices in core: an override set, replaced and removed in the user's pricing.json,
// read back exactly by PriceCatalog, the rest of the file kept as written.
#include "pricing/pricecatalog.h"
#include "pricing/priceoverrides.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
}

PriceEntry entry(const QString &provider, const QString &model, qint64 input, qint64 output)
{
    PriceEntry e;
    e.provider = provider;
    e.model = model;
    e.price.inputMicroPerMtok = input;
    e.price.outputMicroPerMtok = output;
    e.origin = PriceOrigin::User;
    return e;
}

const QByteArray kHandWritten =
    "{\n"
    "  \"schema\": 1,\n"
    "  \"_comment\": \"my prices\",\n"
    "  \"prices\": [\n"
    "    {\"provider\": \"deepseek\", \"model\": \"deepseek-chat\", \"input_per_mtok\": 0.27, \"output_per_mtok\": "
    "1.1,\n"
    "     \"tiers\": [{\"name\": \"night\", \"days\": [\"mon\"], \"windows\": [\"00:00-08:00\"],\n"
    "                \"input_per_mtok\": 0.135, \"output_per_mtok\": 0.55}],\n"
    "     \"base_tier\": \"day\", \"source\": \"https://example.com\", \"as_of\": \"2026-01-01\", \"note\": "
    "\"hand\"},\n"
    "    {\"provider\": \"groq\", \"model\": \"openai/gpt-oss-120b\", \"input_per_mtok\": 9, \"output_per_mtok\": 9}\n"
    "  ]\n"
    "}";

} // namespace

class tst_PriceOverrides : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void figuresReadBackExactly_data()
    {
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<qint64>("cached"); // -1: none
        QTest::addColumn<qint64>("cacheWrite");
        QTest::addRow("whole") << qint64(3'000'000) << qint64(15'000'000) << qint64(-1) << qint64(-1);
        QTest::addRow("small decimals") << qint64(75'000) << qint64(300'000) << qint64(37'500) << qint64(-1);
        QTest::addRow("one micro") << qint64(1) << qint64(2) << qint64(-1) << qint64(3);
        QTest::addRow("free") << qint64(0) << qint64(0) << qint64(0) << qint64(0);
        QTest::addRow("large") << qint64(150'000'000) << qint64(600'000'000) << qint64(75'000'000)
                               << qint64(187'500'000);
    }
    void figuresReadBackExactly()
    {
        QFETCH(qint64, input);
        QFETCH(qint64, output);
        QFETCH(qint64, cached);
        QFETCH(qint64, cacheWrite);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("versus/pricing.json")); // the folder is made
        PriceEntry set = entry(QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b"), input, output);
        if (cached >= 0)
            set.price.cachedInputMicroPerMtok = cached;
        if (cacheWrite >= 0)
            set.price.cacheWriteMicroPerMtok = cacheWrite;
        QVERIFY(savePriceOverride(path, set));
        PriceCatalog catalog;
        catalog.loadBundled();
        QVERIFY(catalog.loadOverrides(path).isEmpty());
        const auto found = catalog.find(set.provider, set.model);
        QVERIFY(found);
        QCOMPARE(found->origin, PriceOrigin::User);
        QCOMPARE(found->price, set.price);
        QCOMPARE(found->asOf, QDate::currentDate()); // dated when set
    }

    void replaceAndRemoveKeepTheRest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pricing.json"));
        writeAll(path, kHandWritten);
        QVERIFY(savePriceOverride(
            path, entry(QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b"), 1'000'000, 2'000'000)));
        QVERIFY(savePriceOverride(path, entry(QStringLiteral("ollama"), QStringLiteral("*"), 0, 0)));
        const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(root.value(u"_comment").toString(), QStringLiteral("my prices"));
        const QJsonArray prices = root.value(u"prices").toArray();
        QCOMPARE(prices.size(), 3); // replaced in place, one appended
        const QJsonObject deepseek = prices.at(0).toObject();
        QCOMPARE(deepseek.value(u"note").toString(), QStringLiteral("hand"));
        QCOMPARE(deepseek.value(u"tiers").toArray().size(), 1);
        QCOMPARE(prices.at(1).toObject().value(u"input_per_mtok").toDouble(), 1.0);
        QCOMPARE(prices.at(2).toObject().value(u"model").toString(), QStringLiteral("*"));

        PriceCatalog catalog;
        catalog.loadBundled();
        QVERIFY(catalog.loadOverrides(path).isEmpty());
        QCOMPARE(catalog.find(QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b"))->price.inputMicroPerMtok,
                 1'000'000);
        QCOMPARE(catalog.find(QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"))->tiers.size(), 1);

        auto removed = removePriceOverride(path, QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b"));
        QVERIFY(removed && *removed);
        removed = removePriceOverride(path, QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b"));
        QVERIFY(removed && !*removed);
        QVERIFY(catalog.loadOverrides(path).isEmpty());
        const auto groq = catalog.find(QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b"));
        QVERIFY(groq);
        QCOMPARE(groq->origin, PriceOrigin::Bundled); // the catalog's price again
        QVERIFY(catalog.find(QStringLiteral("deepseek"), QStringLiteral("deepseek-chat")));
    }

    void duplicatesAreMergedIntoTheOneSet()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pricing.json"));
        writeAll(
            path,
            "{\"schema\": 1, \"prices\": [\n"
            "            {\"provider\": \"groq\", \"model\": \"m\", \"input_per_mtok\": 1, \"output_per_mtok\": 1},\n"
            "            {\"provider\": \"groq\", \"model\": \"m\", \"input_per_mtok\": 2, \"output_per_mtok\": 2}]}");
        QVERIFY(savePriceOverride(path, entry(QStringLiteral("groq"), QStringLiteral("m"), 5'000'000, 6'000'000)));
        PriceCatalog catalog;
        QVERIFY(catalog.loadOverrides(path).isEmpty()); // no "duplicate" warning left
        QCOMPARE(catalog.find(QStringLiteral("groq"), QStringLiteral("m"))->price.outputMicroPerMtok, 6'000'000);
    }

    void unreadableFileIsLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("not JSON") << QByteArray("{\"prices\": [");
        QTest::addRow("a list") << QByteArray("[]");
        QTest::addRow("prices not a list") << QByteArray("{\"prices\": 3}");
    }
    void unreadableFileIsLeftAlone()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pricing.json"));
        writeAll(path, content);
        const auto saved = savePriceOverride(path, entry(QStringLiteral("groq"), QStringLiteral("m"), 1, 1));
        QVERIFY(!saved);
        QVERIFY2(saved.error().contains(path), qPrintable(saved.error()));
        QVERIFY(!removePriceOverride(path, QStringLiteral("groq"), QStringLiteral("m")));
        QCOMPARE(readAll(path), content);
    }
};

QTEST_GUILESS_MAIN(tst_PriceOverrides)
#include "tst_priceoverrides.moc"
