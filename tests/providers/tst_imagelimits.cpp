// SPDX-License-Identifier: GPL-3.0-or-later
// A provider's image limits: read from the catalog's "images" (provider-wide, a model's
// replacing them), and checked by Provider::validate() before anything is sent.
#include "providers/imagelimits.h"
#include "providers/provider.h"
#include "providers/providerregistry.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus;

namespace {

constexpr qint64 kMb = 1024 * 1024;

ImageInput imageOf(qint64 bytes, const QString &fileName, const QString &type = u"image/png"_s)
{
    ImageInput image;
    image.mimeType = type;
    image.data = QByteArray(bytes, 'x');
    image.fileName = fileName;
    return image;
}

ChatRequest requestWith(const QString &model, const QList<QList<ImageInput>> &turns)
{
    ChatRequest request;
    request.config.model = model;
    for (const QList<ImageInput> &images : turns) {
        request.messages << ChatMessage::user(u"look"_s, images);
        request.messages << ChatMessage::assistant(u"seen"_s);
    }
    request.messages.removeLast();
    return request;
}

/// Problems of the image kind only (validate() may also say other things).
QStringList imageProblems(const Provider &provider, const ChatRequest &request)
{
    QStringList found;
    for (const QString &problem : provider.validate(request)) {
        if (problem.contains(u"image"_s) || problem.contains(u" MB"_s) || problem.contains(u" KB"_s))
            found << problem;
    }
    return found;
}

} // namespace

class TestImageLimits : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void formatBytes_data();
    void formatBytes();
    void validate_data();
    void validate();
    void bundledCatalog();
    void malformedLimitsAreReported_data();
    void malformedLimitsAreReported();

private:
    ProviderRegistry m_registry;
};

void TestImageLimits::initTestCase()
{
    m_registry.loadCatalog(R"({"providers": [
  {"id": "counted", "name": "Counted", "base_url": "https://c.example/v1",
   "images": {"max_count": 2, "max_bytes": 1048576, "types": ["image/png", "image/jpeg"]},
   "models": ["plain", {"id": "roomy", "images": {"max_count": 4}}]},
  {"id": "base64", "name": "Base64 Cloud", "base_url": "https://b.example/v1",
   "images": {"max_total_bytes": 4194304, "base64": true}},
  {"id": "free", "name": "Free", "base_url": "https://f.example/v1"}
]})",
                           u"providers.json"_s, u"user"_s);
    QVERIFY(m_registry.problems().isEmpty());
}

void TestImageLimits::formatBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addRow("5 MB") << 5 * kMb << u"5 MB"_s;
    QTest::addRow("6.2 MB") << qint64(6.2 * kMb) << u"6.2 MB"_s;
    QTest::addRow("just over 1 MB") << kMb + 1 << u"1 MB"_s;
    QTest::addRow("kilobytes") << qint64(1500) << u"2 KB"_s;
}

void TestImageLimits::formatBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(formatImageBytes(bytes), text);
}

void TestImageLimits::validate_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QList<QList<ImageInput>>>("turns");
    QTest::addColumn<QStringList>("expected");

    const ImageInput small = imageOf(1000, u"small.png"_s);
    QTest::addRow("within every limit") << u"counted"_s << u"plain"_s << QList<QList<ImageInput>>{{small, small}}
                                        << QStringList();
    QTest::addRow("too many in one prompt")
        << u"counted"_s << u"plain"_s << QList<QList<ImageInput>>{{small, small, small}}
        << QStringList{u"Counted takes at most 2 images per request; this one has 3."_s};
    QTest::addRow("earlier turns are sent again")
        << u"counted"_s << u"plain"_s << QList<QList<ImageInput>>{{small, small}, {small}}
        << QStringList{u"Counted takes at most 2 images per request; this one has 3."_s};
    QTest::addRow("the model's own limit")
        << u"counted"_s << u"roomy"_s << QList<QList<ImageInput>>{{small, small, small}} << QStringList();
    QTest::addRow("a model the catalog does not know has the provider's")
        << u"counted"_s << u"new-model"_s << QList<QList<ImageInput>>{{small, small, small}}
        << QStringList{u"Counted takes at most 2 images per request; this one has 3."_s};
    QTest::addRow("one image too large") << u"counted"_s << u"plain"_s
                                         << QList<QList<ImageInput>>{{imageOf(qint64(6.2 * kMb), u"photo.png"_s)}}
                                         << QStringList{u"photo.png is 6.2 MB; Counted takes images up to 1 MB."_s};
    QTest::addRow("type not taken") << u"counted"_s << u"plain"_s
                                    << QList<QList<ImageInput>>{{imageOf(10, u"anim.gif"_s, u"image/gif"_s)}}
                                    << QStringList{
                                           u"anim.gif is image/gif; Counted takes only image/png, image/jpeg."_s};
    QTest::addRow("unnamed image") << u"counted"_s << u"plain"_s
                                   << QList<QList<ImageInput>>{{small, imageOf(2 * kMb, QString())}}
                                   << QStringList{u"Image 2 is 2 MB; Counted takes images up to 1 MB."_s};
    // 4 MB of files is 5.3 MB of base64: over a 4 MB request limit counted in base64.
    QTest::addRow("base64 total over")
        << u"base64"_s << u"m"_s
        << QList<QList<ImageInput>>{{imageOf(2 * kMb, u"a.png"_s), imageOf(2 * kMb, u"b.png"_s)}}
        << QStringList{
               u"The images of this request are 5.3 MB as base64; Base64 Cloud takes up to 4 MB in one request."_s};
    QTest::addRow("base64 total under") << u"base64"_s << u"m"_s
                                        << QList<QList<ImageInput>>{{imageOf(3 * kMb - 3, u"a.png"_s)}}
                                        << QStringList();
    QTest::addRow("no limits known") << u"free"_s << u"m"_s
                                     << QList<QList<ImageInput>>{{imageOf(15 * kMb, u"huge.png"_s), small, small}}
                                     << QStringList();
}

void TestImageLimits::validate()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(QList<QList<ImageInput>>, turns);
    QFETCH(QStringList, expected);
    const Provider *p = m_registry.find(provider);
    QVERIFY(p);
    QCOMPARE(imageProblems(*p, requestWith(model, turns)), expected);
}

void TestImageLimits::bundledCatalog()
{
    const auto registry = ProviderRegistry::createDefault();
    const Provider *groq = registry->find(u"groq"_s);
    QVERIFY(groq);
    const ImageLimits limits = effectiveImageLimits(groq->info(), u"meta-llama/llama-4-scout-17b-16e-instruct"_s);
    QCOMPARE(limits.maxCount, std::optional<int>(5));
    QCOMPARE(limits.maxTotalBytes, std::optional<qint64>(4 * kMb));
    QVERIFY(limits.base64Size);
    QCOMPARE(groq->info().findModel(u"meta-llama/llama-4-scout-17b-16e-instruct"_s)->capabilities.vision,
             std::optional<bool>(true));
    QCOMPARE(groq->info().findModel(u"openai/gpt-oss-120b"_s)->capabilities.vision, std::optional<bool>(false));
    const QList<QList<ImageInput>> seven{QList<ImageInput>(7, imageOf(100, u"p.png"_s))};
    QCOMPARE(imageProblems(*groq, requestWith(u"meta-llama/llama-4-scout-17b-16e-instruct"_s, seven)),
             QStringList{u"Groq takes at most 5 images per request; this one has 7."_s});
    // DeepSeek takes no images at all: the capability says so, for every model.
    const Provider *deepseek = registry->find(u"deepseek"_s);
    QVERIFY(deepseek);
    QCOMPARE(deepseek->info().capabilities.vision, std::optional<bool>(false));
    // Anthropic counts its 5 MB on the base64 text: a 4 MB file (5.3 MB as base64) is refused
    // before sending, a 3.5 MB one (4.7 MB) goes.
    const Provider *anthropic = registry->find(u"anthropic"_s);
    QVERIFY(anthropic);
    const QList<QList<ImageInput>> fourMb{{imageOf(4 * kMb, u"big.png"_s)}};
    const QStringList refused = imageProblems(*anthropic, requestWith(u"claude-sonnet-4-5"_s, fourMb));
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.first().contains(u"big.png"_s) && refused.first().contains(u"base64"_s),
             qPrintable(refused.first()));
    QVERIFY(imageProblems(*anthropic, requestWith(u"claude-sonnet-4-5"_s, {{imageOf(qint64(3.5 * kMb), u"ok.png"_s)}}))
                .isEmpty());
    // Synesia: no limit is known, so none is checked.
    QVERIFY(registry->find(u"synesia"_s)->info().imageLimits.isEmpty());
    QVERIFY(registry->problems().isEmpty());
}

void TestImageLimits::malformedLimitsAreReported_data()
{
    QTest::addColumn<QByteArray>("images");
    QTest::addColumn<QString>("reason");
    QTest::addRow("not an object") << QByteArray(R"("5")") << u"\"images\" of the provider must be an object"_s;
    QTest::addRow("zero count") << QByteArray(R"({"max_count": 0})") << u"\"images.max_count\""_s;
    QTest::addRow("text size") << QByteArray(R"({"max_bytes": "5 MB"})") << u"\"images.max_bytes\""_s;
    QTest::addRow("types not a list") << QByteArray(R"({"types": "image/png"})") << u"\"images.types\""_s;
}

void TestImageLimits::malformedLimitsAreReported()
{
    QFETCH(QByteArray, images);
    QFETCH(QString, reason);
    ProviderRegistry registry;
    registry.loadCatalog(R"({"providers": [{"id": "x", "base_url": "https://x.example/v1", "images": )" + images +
                             "}]}",
                         u"providers.json"_s, u"user"_s);
    QVERIFY(!registry.find(u"x"_s));
    QCOMPARE(registry.problems().size(), 1);
    QVERIFY2(registry.problems().first().reason.contains(reason), qPrintable(registry.problems().first().reason));
}

QTEST_APPLESS_MAIN(TestImageLimits)
#include "tst_imagelimits.moc"
