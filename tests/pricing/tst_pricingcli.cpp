// SPDX-License-Identifier: GPL-3.0-or-later
// `versus-cli pricing`, run as a process with a private XDG_CONFIG_HOME.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

QJsonObject findEntry(const QJsonArray &prices, const QString &provider, const QString &model)
{
    for (const QJsonValue &value : prices) {
        const QJsonObject entry = value.toObject();
        if (entry.value(u"provider").toString() == provider && entry.value(u"model").toString() == model)
            return entry;
    }
    return {};
}

} // namespace

class TestPricingCli : public QObject {
    Q_OBJECT

private slots:
    void init();
    void jsonDocumentOfBundledTable();
    void jsonWithUserOverride();
    void malformedOverrideIsReported();
    void badEntryIsReportedOthersKept();
    void readableTable();
    void help();
    void usageErrors_data();
    void usageErrors();

private:
    std::unique_ptr<QTemporaryDir> m_config;
    void writeOverrides(const QByteArray &contents);
    QString overridePath() const { return m_config->filePath(u"versus/pricing.json"_s); }
    Run run(const QStringList &arguments);
};

void TestPricingCli::init()
{
    m_config = std::make_unique<QTemporaryDir>();
    QVERIFY(m_config->isValid());
}

void TestPricingCli::writeOverrides(const QByteArray &contents)
{
    QVERIFY(QDir(m_config->path()).mkpath(u"versus"_s));
    QFile file(overridePath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(contents), contents.size());
}

Run TestPricingCli::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CONFIG_HOME"_s, m_config->path());
    environment.insert(u"HOME"_s, m_config->path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VERSUS_CLI_PATH), QStringList{u"pricing"_s} + arguments);
    Run result;
    if (!process.waitForStarted() || !process.waitForFinished(60000)) {
        qWarning("versus-cli did not run: %s", qPrintable(process.errorString()));
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestPricingCli::jsonDocumentOfBundledTable()
{
    const Run result = run({u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().keys(), QStringList{u"prices"_s});
    const QJsonArray prices = document.object().value(u"prices").toArray();
    QVERIFY(prices.size() >= 10);

    const QSet<QString> required{u"provider"_s,        u"model"_s, u"input_per_mtok"_s, u"cached_input_per_mtok"_s,
                                 u"output_per_mtok"_s, u"tiers"_s, u"source"_s,         u"as_of"_s,
                                 u"origin"_s};
    const QSet<QString> optional{u"base_tier"_s, u"note"_s, u"cache_write_per_mtok"_s};
    for (const QJsonValue &value : prices) {
        const QJsonObject entry = value.toObject();
        const QStringList keyList = entry.keys();
        const QSet<QString> keys(keyList.cbegin(), keyList.cend());
        QVERIFY(keys.contains(required));
        QVERIFY((keys - required - optional).isEmpty());
        QCOMPARE(entry.value(u"origin").toString(), u"bundled"_s);
        QVERIFY(entry.value(u"input_per_mtok").isDouble());
        QVERIFY(entry.value(u"output_per_mtok").isDouble());
        QVERIFY(entry.value(u"cached_input_per_mtok").isDouble() || entry.value(u"cached_input_per_mtok").isNull());
        QVERIFY(entry.value(u"tiers").isArray());
        QVERIFY(QDate::fromString(entry.value(u"as_of").toString(), Qt::ISODate).isValid());
        QVERIFY(entry.value(u"source").toString().startsWith(u"https://"_s));
    }
    // Anthropic bills cache writes at their own price; the others have none.
    const QJsonObject sonnet = findEntry(prices, u"anthropic"_s, u"claude-sonnet-4-5"_s);
    QCOMPARE(sonnet.value(u"cache_write_per_mtok").toDouble(), 3.75);
    QCOMPARE(sonnet.value(u"cached_input_per_mtok").toDouble(), 0.3);
    QVERIFY(!findEntry(prices, u"groq"_s, u"openai/gpt-oss-120b"_s).contains(u"cache_write_per_mtok"_s));

    // USD per Mtok, exactly as the schedule prints them.
    const QJsonObject groq = findEntry(prices, u"groq"_s, u"openai/gpt-oss-20b"_s);
    QCOMPARE(groq.value(u"input_per_mtok").toDouble(), 0.075);
    QCOMPARE(groq.value(u"cached_input_per_mtok").toDouble(), 0.0375);
    QCOMPARE(groq.value(u"output_per_mtok").toDouble(), 0.3);
    QVERIFY(result.out.contains("\"cached_input_per_mtok\": 0.0375"));

    const QJsonObject together = findEntry(prices, u"together"_s, u"openai/gpt-oss-120b"_s);
    QVERIFY(together.value(u"cached_input_per_mtok").isNull());

    const QJsonObject deepseek = findEntry(prices, u"deepseek"_s, u"deepseek-flash"_s);
    QCOMPARE(deepseek.value(u"cached_input_per_mtok").toDouble(), 0.003);
    const QJsonArray tiers = deepseek.value(u"tiers").toArray();
    QCOMPARE(tiers.size(), 1);
    const QJsonObject peak = tiers.first().toObject();
    QCOMPARE(peak.value(u"name").toString(), u"peak"_s);
    QCOMPARE(peak.value(u"days").toArray(), QJsonArray({u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s}));
    QCOMPARE(peak.value(u"windows").toArray(), QJsonArray({u"01:00-04:00"_s, u"06:00-10:00"_s}));
    QCOMPARE(peak.value(u"input_per_mtok").toDouble(), 0.3);
    QCOMPARE(peak.value(u"cached_input_per_mtok").toDouble(), 0.006);
    QCOMPARE(peak.value(u"output_per_mtok").toDouble(), 1.2);

    QVERIFY(findEntry(prices, u"ollama"_s, u"*"_s).value(u"input_per_mtok").isDouble());
    for (const QJsonValue &value : prices)
        QVERIFY(value.toObject().value(u"provider").toString() != u"synesia");
}

void TestPricingCli::jsonWithUserOverride()
{
    const Run bundled = run({u"--json"_s});
    QCOMPARE(bundled.exitCode, 0);
    const QJsonArray before = QJsonDocument::fromJson(bundled.out).object().value(u"prices").toArray();

    writeOverrides(R"({"schema": 1, "prices": [
        {"provider": "groq", "model": "openai/gpt-oss-120b", "input_per_mtok": 0.12, "cached_input_per_mtok": 0.06,
         "output_per_mtok": 0.48, "source": "https://example.com/our-contract", "as_of": "2026-11-20"},
        {"provider": "synesia", "model": "groq/gpt-oss-120b", "input_per_mtok": 0.2, "output_per_mtok": 0.8}
    ]})");
    const Run result = run({u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    const QJsonArray prices = QJsonDocument::fromJson(result.out).object().value(u"prices").toArray();
    QCOMPARE(prices.size(), before.size() + 1);

    const QJsonObject groq = findEntry(prices, u"groq"_s, u"openai/gpt-oss-120b"_s);
    QCOMPARE(groq.value(u"origin").toString(), u"user"_s);
    QCOMPARE(groq.value(u"input_per_mtok").toDouble(), 0.12);
    QCOMPARE(groq.value(u"cached_input_per_mtok").toDouble(), 0.06);
    QCOMPARE(groq.value(u"output_per_mtok").toDouble(), 0.48);
    QCOMPARE(groq.value(u"source").toString(), u"https://example.com/our-contract"_s);
    QCOMPARE(groq.value(u"as_of").toString(), u"2026-11-20"_s);
    QCOMPARE(findEntry(prices, u"groq"_s, u"openai/gpt-oss-20b"_s).value(u"origin").toString(), u"bundled"_s);

    const QJsonObject synesia = findEntry(prices, u"synesia"_s, u"groq/gpt-oss-120b"_s);
    QCOMPARE(synesia.value(u"origin").toString(), u"user"_s);
    QVERIFY(synesia.value(u"as_of").isNull());
    QVERIFY(synesia.value(u"source").isNull());
}

void TestPricingCli::malformedOverrideIsReported()
{
    writeOverrides("{\n  \"prices\": [\n    {\"provider\": \"groq\"},\n  ]\n}\n");
    const Run result = run({u"--json"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(overridePath() + u":4:"), qPrintable(result.err));
    // The table (bundled entries only) is still printed, as one JSON document.
    QJsonParseError error;
    const QJsonArray prices = QJsonDocument::fromJson(result.out, &error).object().value(u"prices").toArray();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(!prices.isEmpty());
    for (const QJsonValue &value : prices)
        QCOMPARE(value.toObject().value(u"origin").toString(), u"bundled"_s);
}

void TestPricingCli::badEntryIsReportedOthersKept()
{
    writeOverrides(R"({"prices": [
        {"provider": "groq", "model": "openai/gpt-oss-20b", "input_per_mtok": -1, "output_per_mtok": 0.3},
        {"provider": "mistral", "model": "mistral-small-latest", "input_per_mtok": 0.1, "output_per_mtok": 0.3}
    ]})");
    const Run result = run({u"--json"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"entry 0 (groq openai/gpt-oss-20b)"_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"negative"_s), qPrintable(result.err));
    const QJsonArray prices = QJsonDocument::fromJson(result.out).object().value(u"prices").toArray();
    QCOMPARE(findEntry(prices, u"mistral"_s, u"mistral-small-latest"_s).value(u"origin").toString(), u"user"_s);
    QCOMPARE(findEntry(prices, u"groq"_s, u"openai/gpt-oss-20b"_s).value(u"origin").toString(), u"bundled"_s);
}

void TestPricingCli::readableTable()
{
    writeOverrides(R"({"prices": [{"provider": "groq", "model": "openai/gpt-oss-120b",
        "input_per_mtok": 0.12, "output_per_mtok": 0.48, "source": "our contract", "as_of": "2026-11-20"}]})");
    const Run result = run({});
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    const QStringList lines = out.split(u'\n');
    QVERIFY(lines.size() > 10);
    const qsizetype headerRow = lines.indexOf(
        QRegularExpression(u"^PROVIDER +MODEL +INPUT +CACHED +CACHE WRITE +OUTPUT +ORIGIN +AS OF +SOURCE$"_s));
    QVERIFY2(headerRow >= 0, qPrintable(out));
    // Columns are aligned: every row's ORIGIN starts where the header's does.
    const qsizetype originColumn = lines[headerRow].indexOf(u"ORIGIN"_s);
    bool sawUser = false;
    for (const QString &line : lines) {
        if (line.startsWith(u"groq ") && line.contains(u"openai/gpt-oss-120b"_s)) {
            QCOMPARE(line.mid(originColumn, 4), u"user"_s);
            QVERIFY(line.contains(u"2026-11-20  our contract"_s));
            QVERIFY(line.contains(u"0.12"_s) && line.contains(u"0.48"_s));
            sawUser = true;
        } else if (line.startsWith(u"deepseek ") && line.contains(u"deepseek-flash"_s)) {
            QCOMPARE(line.mid(originColumn, 7), u"bundled"_s);
            QVERIFY2(line.contains(u"=input"_s), qPrintable(line)); // no cache-write price
        } else if (line.startsWith(u"anthropic ") && line.contains(u"claude-sonnet-4-5"_s)) {
            QVERIFY2(line.contains(QRegularExpression(u" 0.30 +3.75 +15.00 "_s)), qPrintable(line));
            QCOMPARE(line.mid(originColumn, 7), u"bundled"_s);
        }
    }
    QVERIFY(sawUser);
    QVERIFY(out.contains(u"peak (mon-fri 01:00-04:00 06:00-10:00 UTC): 0.30 / 0.006 / 1.20"_s));
    QVERIFY(out.contains(overridePath()));
}

void TestPricingCli::help()
{
    const Run result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("Usage: versus-cli pricing"));
    QVERIFY(result.err.isEmpty());
}

void TestPricingCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("unknown option") << QStringList{u"--csv"_s};
    QTest::addRow("unexpected argument") << QStringList{u"groq"_s};
    QTest::addRow("option with a value") << QStringList{u"--json=yes"_s};
}

void TestPricingCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.contains(u"Usage: versus-cli pricing"_s));
}

QTEST_GUILESS_MAIN(TestPricingCli)
#include "tst_pricingcli.moc"
