// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/imagefiles.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;

namespace {

// Real encoded files, written by Qt's own image writers where it has them.
QByteArray encoded(const char *format)
{
    QImage image(4, 3, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

} // namespace

class TestImageFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sniff_data();
    void sniff();
    void refused_data();
    void refused();
    void fromFile();
};

void TestImageFiles::sniff_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("type");
    QTest::newRow("png written by Qt") << encoded("PNG") << QStringLiteral("image/png");
    QTest::newRow("jpeg written by Qt") << encoded("JPEG") << QStringLiteral("image/jpeg");
    QTest::newRow("gif89a header") << QByteArray("GIF89a\x04\x00\x03\x00", 10) << QStringLiteral("image/gif");
    QTest::newRow("gif87a header") << QByteArray("GIF87a\x01\x00\x01\x00", 10) << QStringLiteral("image/gif");
    QTest::newRow("webp riff header") << QByteArray("RIFF\x24\x00\x00\x00WEBPVP8 ", 16) << QStringLiteral("image/webp");
    QTest::newRow("riff but wave audio") << QByteArray("RIFF\x24\x00\x00\x00WAVEfmt ", 16) << QString();
    QTest::newRow("png signature cut short") << QByteArray("\x89PNG\r\n", 6) << QString();
    QTest::newRow("svg text") << QByteArray("<svg xmlns='http://www.w3.org/2000/svg'/>") << QString();
    QTest::newRow("pdf") << QByteArray("%PDF-1.7\n") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestImageFiles::sniff()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, type);
    QCOMPARE(sniffImageType(data), type);
}

void TestImageFiles::refused_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("words");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty");
    QTest::newRow("text named .png") << QByteArray("not an image") << QStringLiteral("is not a PNG, JPEG, WebP or GIF");
    QByteArray huge = encoded("PNG");
    huge.append(QByteArray(kMaxImageFileBytes, '\0'));
    QTest::newRow("over the size limit") << huge << QStringLiteral("images up to 20.0 MB");
}

void TestImageFiles::refused()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, words);
    const auto image = imageFromBytes(data, QStringLiteral("photo.png"));
    QVERIFY(!image);
    QVERIFY2(image.error().contains(words), qPrintable(image.error()));
    QVERIFY2(image.error().contains(u"photo.png"), qPrintable(image.error()));
}

void TestImageFiles::fromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray png = encoded("PNG");
    const QString path = dir.filePath(QStringLiteral("cat.jpg")); // the extension lies; the bytes decide
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(png);
    file.close();

    const auto image = imageFromFile(path);
    QVERIFY2(image, image ? "" : qPrintable(image.error()));
    QCOMPARE(image->mimeType, QStringLiteral("image/png"));
    QCOMPARE(image->data, png);
    QCOMPARE(image->fileName, QStringLiteral("cat.jpg"));
    QCOMPARE(image->sha256(), QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()));

    const auto missing = imageFromFile(dir.filePath(QStringLiteral("nope.png")));
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(u"nope.png"), qPrintable(missing.error()));
    QVERIFY(!imageFromFile(dir.path())); // a directory is not an image
}

QTEST_MAIN(TestImageFiles)
#include "tst_imagefiles.moc"
