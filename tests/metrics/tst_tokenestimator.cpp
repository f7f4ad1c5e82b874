// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/tokenestimator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;

namespace {
const QString kGroq = QStringLiteral("groq");
const QString kModel = QStringLiteral("llama-3.3-70b-versatile");

// Latin text of @p tokens tokens by the default method (4 characters each).
CharCounts latinTokens(qint64 tokens)
{
    return CharCounts{tokens * 4, 0, 0};
}

Usage reported(std::optional<qint64> completion, std::optional<qint64> prompt = {})
{
    Usage u;
    u.completionTokens = completion;
    u.promptTokens = prompt;
    return u;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QRegularExpression ignoredFileWarning()
{
    return QRegularExpression(QStringLiteral("^Ignoring token calibration file "));
}
} // namespace

class TestTokenEstimator : public QObject {
    Q_OBJECT

private slots:
    void countChars_data();
    void countChars();
    void baseTokens_data();
    void baseTokens();
    void estimateWithoutCalibration();
    void estimateOfNothing();
    void anyTextIsAtLeastOneToken();
    void calibrationConvergence();
    void calibrationIgnores_data();
    void calibrationIgnores();
    void calibrationClampsOutliers();
    void promptAndCompletionLearnSeparately();
    void modelsLearnSeparately();
    void persistenceRoundTrip();
    void missingFileIsNotAnError();
    void memoryOnlyWithoutPath();
    void corruptFile_data();
    void corruptFile();
    void corruptEntriesAreSkipped();
};

void TestTokenEstimator::countChars_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("latin");
    QTest::addColumn<qint64>("cjk");
    QTest::addColumn<qint64>("other");

    QTest::addRow("ascii") << QStringLiteral("Hello, world!\n") << qint64(14) << qint64(0) << qint64(0);
    QTest::addRow("latin accents") << QStringLiteral("café über") << qint64(9) << qint64(0) << qint64(0);
    QTest::addRow("vietnamese") << QStringLiteral("Tiếng Việt") << qint64(10) << qint64(0) << qint64(0);
    QTest::addRow("chinese") << QStringLiteral("你好世界") << qint64(0) << qint64(4) << qint64(0);
    QTest::addRow("japanese kana and kanji") << QStringLiteral("こんにちは世界") << qint64(0) << qint64(7) << qint64(0);
    QTest::addRow("korean") << QStringLiteral("안녕하세요") << qint64(0) << qint64(5) << qint64(0);
    QTest::addRow("full-width punctuation") << QStringLiteral("，。") << qint64(0) << qint64(2) << qint64(0);
    QTest::addRow("cyrillic") << QStringLiteral("Привет") << qint64(0) << qint64(0) << qint64(6);
    QTest::addRow("emoji: a surrogate pair counts once") << QStringLiteral("😀") << qint64(0) << qint64(0) << qint64(1);
    QTest::addRow("CJK extension B: surrogate pair") << QStringLiteral("𠀀𠀁") << qint64(0) << qint64(2) << qint64(0);
    QTest::addRow("lone surrogate") << QString(QChar(0xD800)) << qint64(0) << qint64(0) << qint64(1);
    QTest::addRow("mixed") << QStringLiteral("Hi 你好 Привет") << qint64(4) << qint64(2) << qint64(6);
    QTest::addRow("empty") << QString() << qint64(0) << qint64(0) << qint64(0);
}

void TestTokenEstimator::countChars()
{
    QFETCH(QString, text);
    QFETCH(qint64, latin);
    QFETCH(qint64, cjk);
    QFETCH(qint64, other);
    QCOMPARE(TokenEstimator::countChars(text), (CharCounts{latin, cjk, other}));
}

void TestTokenEstimator::baseTokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("tokens");

    QTest::addRow("400 latin characters") << QStringLiteral("abcd").repeated(100) << 100.0; // 400 / 4
    QTest::addRow("CJK: one token each") << QStringLiteral("你好世界") << 4.0;
    QTest::addRow("cyrillic: two characters per token") << QStringLiteral("Привет") << 3.0;
    QTest::addRow("mixed") << QStringLiteral("Hi 你好 Привет") << 4 / 4.0 + 2 + 6 / 2.0;
}

void TestTokenEstimator::baseTokens()
{
    QFETCH(QString, text);
    QFETCH(double, tokens);
    QCOMPARE(TokenEstimator::baseTokens(text), tokens);
}

void TestTokenEstimator::estimateWithoutCalibration()
{
    const TokenEstimator estimator;
    const Usage usage =
        estimator.estimate(kGroq, kModel, latinTokens(100) + CharCounts{0, 10, 0}, latinTokens(30), latinTokens(25));
    QVERIFY(usage.estimated);
    QCOMPARE(usage.completionTokens, std::optional<qint64>(110));
    QCOMPARE(usage.reasoningTokens, std::optional<qint64>(30));
    QCOMPARE(usage.promptTokens, std::optional<qint64>(25));
    QCOMPARE(usage.totalTokens, std::optional<qint64>(135));

    const Usage fromText = estimator.estimate(kGroq, kModel, QStringLiteral("abcd").repeated(10), u"你好");
    QCOMPARE(fromText.completionTokens, std::optional<qint64>(10));
    QCOMPARE(fromText.promptTokens, std::optional<qint64>(2));
    QVERIFY(fromText.estimated);
}

void TestTokenEstimator::estimateOfNothing()
{
    const Usage usage = TokenEstimator().estimate(kGroq, kModel, CharCounts{});
    QVERIFY(usage.estimated);
    QVERIFY(usage.isEmpty());
}

void TestTokenEstimator::anyTextIsAtLeastOneToken()
{
    const Usage usage = TokenEstimator().estimate(kGroq, kModel, u"a");
    QCOMPARE(usage.completionTokens, std::optional<qint64>(1));
}

void TestTokenEstimator::calibrationConvergence()
{
    TokenEstimator estimator;
    const CharCounts text = latinTokens(100);

    // The first response sets the factor.
    QVERIFY(estimator.calibrate(kGroq, kModel, reported(130), text));
    QCOMPARE(estimator.completionFactor(kGroq, kModel).value, 1.3);
    QCOMPARE(estimator.completionFactor(kGroq, kModel).samples, qint64(1));

    // Noisy responses around 1.3 keep it there (cumulative mean).
    for (int i = 0; i < 39; ++i)
        estimator.calibrate(kGroq, kModel, reported(i % 2 ? 120 : 140), text);
    QVERIFY(qAbs(estimator.completionFactor(kGroq, kModel).value - 1.3) < 0.01);

    // The provider changes its tokenizer: the factor follows (moving average, α = 1/20).
    for (int i = 0; i < 200; ++i)
        estimator.calibrate(kGroq, kModel, reported(80), text);
    const TokenEstimator::Factor factor = estimator.completionFactor(kGroq, kModel);
    QVERIFY2(qAbs(factor.value - 0.8) < 0.001, qPrintable(QString::number(factor.value)));
    QCOMPARE(factor.samples, qint64(240));
    // After 20 steps of the moving average the old value has weight (1 − 1/20)^20 ≈ 0.36:
    // proof that it is not a plain cumulative mean (which would sit near 0.88 after 40 + 20).
    TokenEstimator windowed;
    for (int i = 0; i < 40; ++i)
        windowed.calibrate(kGroq, kModel, reported(130), text);
    for (int i = 0; i < 20; ++i)
        windowed.calibrate(kGroq, kModel, reported(80), text);
    const double expected = 0.8 + 0.5 * std::pow(1 - 1.0 / TokenEstimator::kWindow, 20);
    QVERIFY(qAbs(windowed.completionFactor(kGroq, kModel).value - expected) < 1e-9);

    // Estimates use the factor.
    QCOMPARE(estimator.estimate(kGroq, kModel, latinTokens(1000)).completionTokens,
             std::optional<qint64>(qRound64(1000 * factor.value)));
}

void TestTokenEstimator::calibrationIgnores_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<qint64>("completion"); // -1 = absent
    QTest::addColumn<bool>("estimated");
    QTest::addColumn<qint64>("textTokens");

    QTest::addRow("estimated usage") << kGroq << qint64(130) << true << qint64(100);
    QTest::addRow("no completion count") << kGroq << qint64(-1) << false << qint64(100);
    QTest::addRow("completion count 0") << kGroq << qint64(0) << false << qint64(100);
    QTest::addRow("text too short to learn from") << kGroq << qint64(30) << false << qint64(7);
    QTest::addRow("no provider") << QString() << qint64(130) << false << qint64(100);
}

void TestTokenEstimator::calibrationIgnores()
{
    QFETCH(QString, provider);
    QFETCH(qint64, completion);
    QFETCH(bool, estimated);
    QFETCH(qint64, textTokens);

    TokenEstimator estimator;
    Usage usage = reported(completion >= 0 ? std::optional<qint64>(completion) : std::nullopt);
    usage.estimated = estimated;
    QVERIFY(!estimator.calibrate(provider, kModel, usage, latinTokens(textTokens)));
    QCOMPARE(estimator.completionFactor(provider, kModel), TokenEstimator::Factor{});
}

void TestTokenEstimator::calibrationClampsOutliers()
{
    TokenEstimator estimator;
    QVERIFY(estimator.calibrate(kGroq, kModel, reported(5000), latinTokens(100)));
    QCOMPARE(estimator.completionFactor(kGroq, kModel).value, TokenEstimator::kMaxFactor);
    TokenEstimator other;
    QVERIFY(other.calibrate(kGroq, kModel, reported(1), latinTokens(100)));
    QCOMPARE(other.completionFactor(kGroq, kModel).value, TokenEstimator::kMinFactor);
}

void TestTokenEstimator::promptAndCompletionLearnSeparately()
{
    TokenEstimator estimator;
    QVERIFY(estimator.calibrate(kGroq, kModel, reported(std::nullopt, 150), {}, latinTokens(100)));
    QCOMPARE(estimator.promptFactor(kGroq, kModel).value, 1.5);
    QCOMPARE(estimator.completionFactor(kGroq, kModel), TokenEstimator::Factor{});
    const Usage usage = estimator.estimate(kGroq, kModel, latinTokens(10), {}, latinTokens(10));
    QCOMPARE(usage.promptTokens, std::optional<qint64>(15));
    QCOMPARE(usage.completionTokens, std::optional<qint64>(10));
}

void TestTokenEstimator::modelsLearnSeparately()
{
    TokenEstimator estimator;
    estimator.calibrate(kGroq, QStringLiteral("a"), reported(200), latinTokens(100));
    estimator.calibrate(kGroq, QStringLiteral("b"), reported(50), latinTokens(100));
    estimator.calibrate(QStringLiteral("together"), QStringLiteral("a"), reported(120), latinTokens(100));
    QCOMPARE(estimator.completionFactor(kGroq, QStringLiteral("a")).value, 2.0);
    QCOMPARE(estimator.completionFactor(kGroq, QStringLiteral("b")).value, 0.5);
    QCOMPARE(estimator.completionFactor(QStringLiteral("together"), QStringLiteral("a")).value, 1.2);
    QCOMPARE(estimator.completionFactor(QStringLiteral("together"), QStringLiteral("b")), TokenEstimator::Factor{});
}

void TestTokenEstimator::persistenceRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("versus/token-calibration.json")); // folder made on save

    TokenEstimator first(path);
    QVERIFY(first.load());
    for (int i = 0; i < 7; ++i)
        first.calibrate(kGroq, kModel, reported(100 + 3 * i, 50 + i), latinTokens(97), latinTokens(41));
    first.calibrate(QStringLiteral("ollama"), QStringLiteral("llama3:8b"), reported(77), latinTokens(70));
    QVERIFY(first.save());

    const QFileInfo info(path);
    QVERIFY(info.exists());
    QCOMPARE(info.permissions() &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    // Numbers and ids only.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    const QJsonArray models = root.value(QStringLiteral("models")).toArray();
    QCOMPARE(models.size(), 2);
    for (const QJsonValue &model : models) {
        QStringList keys = model.toObject().keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("completion"), QStringLiteral("model"), QStringLiteral("prompt"),
                                    QStringLiteral("provider")}));
    }

    TokenEstimator second(path);
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    QVERIFY(second.load());
    QCOMPARE(second.completionFactor(kGroq, kModel), first.completionFactor(kGroq, kModel));
    QCOMPARE(second.promptFactor(kGroq, kModel), first.promptFactor(kGroq, kModel));
    QCOMPARE(second.completionFactor(QStringLiteral("ollama"), QStringLiteral("llama3:8b")).value, 1.1);
    QCOMPARE(second.completionFactor(kGroq, kModel).samples, qint64(7));
    QCOMPARE(second.estimate(kGroq, kModel, latinTokens(500)), first.estimate(kGroq, kModel, latinTokens(500)));
}

void TestTokenEstimator::missingFileIsNotAnError()
{
    QTemporaryDir dir;
    TokenEstimator estimator(dir.filePath(QStringLiteral("none.json")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    QVERIFY(estimator.load());
    QCOMPARE(estimator.completionFactor(kGroq, kModel), TokenEstimator::Factor{});
}

void TestTokenEstimator::memoryOnlyWithoutPath()
{
    TokenEstimator estimator;
    QVERIFY(estimator.calibrate(kGroq, kModel, reported(200), latinTokens(100)));
    QVERIFY(estimator.save());
    QVERIFY(estimator.load()); // nothing to read: forgets what it learnt in memory
    QCOMPARE(estimator.completionFactor(kGroq, kModel), TokenEstimator::Factor{});
}

void TestTokenEstimator::corruptFile_data()
{
    QTest::addColumn<QByteArray>("content");

    QTest::addRow("not JSON") << QByteArray("{{{ not json");
    QTest::addRow("empty file") << QByteArray();
    QTest::addRow("truncated") << QByteArray(R"({"version": 1, "models": [{"provider": "groq", "mod)");
    QTest::addRow("binary") << QByteArray("\x00\xff\xfe\x01garbage", 11);
    QTest::addRow("array, not object") << QByteArray("[]");
    QTest::addRow("unknown version") << QByteArray(R"({"version": 99, "models": []})");
    QTest::addRow("no models array") << QByteArray(R"({"version": 1, "models": {"a": 1}})");
}

void TestTokenEstimator::corruptFile()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("token-calibration.json"));
    writeFile(path, content);

    TokenEstimator estimator(path);
    estimator.calibrate(kGroq, kModel, reported(200), latinTokens(100)); // dropped by load()
    QTest::ignoreMessage(QtWarningMsg, ignoredFileWarning());
    QVERIFY(!estimator.load());
    QCOMPARE(estimator.completionFactor(kGroq, kModel), TokenEstimator::Factor{});
    // Still works: estimates with the default ratio, learns, and replaces the file on save.
    QCOMPARE(estimator.estimate(kGroq, kModel, latinTokens(40)).completionTokens, std::optional<qint64>(40));
    QVERIFY(estimator.calibrate(kGroq, kModel, reported(60), latinTokens(40)));
    QVERIFY(estimator.save());
    TokenEstimator reloaded(path);
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.completionFactor(kGroq, kModel).value, 1.5);
}

void TestTokenEstimator::corruptEntriesAreSkipped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("token-calibration.json"));
    writeFile(path, QByteArray(R"({"version": 1, "models": [
        {"provider": "groq", "model": "good", "completion": {"factor": 1.25, "samples": 3}},
        {"provider": "groq", "model": "nan", "completion": {"factor": "NaN", "samples": 3}},
        {"provider": "groq", "model": "negative", "completion": {"factor": -1, "samples": 3}},
        {"provider": "groq", "model": "huge", "completion": {"factor": 100, "samples": 3}},
        {"provider": "groq", "model": "fractional samples", "prompt": {"factor": 1, "samples": 2.5}},
        {"provider": "groq", "model": "negative samples", "prompt": {"factor": 1, "samples": -4}},
        {"model": "no provider", "completion": {"factor": 1.1, "samples": 1}},
        {"provider": "groq", "model": 7},
        "not an object"
    ]})"));

    TokenEstimator estimator(path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Ignoring 8 malformed entries ")));
    QVERIFY(!estimator.load());
    QCOMPARE(estimator.completionFactor(kGroq, QStringLiteral("good")), (TokenEstimator::Factor{1.25, 3}));
    QCOMPARE(estimator.promptFactor(kGroq, QStringLiteral("good")), TokenEstimator::Factor{});
    for (const char *model : {"nan", "negative", "huge", "fractional samples", "negative samples"})
        QCOMPARE(estimator.completionFactor(kGroq, QString::fromLatin1(model)), TokenEstimator::Factor{});
}

QTEST_GUILESS_MAIN(TestTokenEstimator)
#include "tst_tokenestimator.moc"
