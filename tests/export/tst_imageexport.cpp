// SPDX-License-Identifier: GPL-3.0-or-later
// A conversation's images in its exports: whole (base64) in JSON, files beside the Markdown
// that links them, and named in Markdown printed without a folder.
#include "export/conversationexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus;
using namespace versus::history;
using namespace versus::exports;

namespace {

ImageInput image(const QByteArray &marker, const QString &fileName, const QString &type)
{
    ImageInput input;
    input.mimeType = type;
    input.data = QByteArray("\x89PNG\r\n\x1a\n", 8) + marker;
    input.fileName = fileName;
    return input;
}

/// One lane; the first turn carries two images, the second sends the first one again.
ConversationRecord withImages()
{
    ConversationRecord c;
    c.id = 5;
    c.title = u"Pictures"_s;
    c.createdAt = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    c.updatedAt = c.createdAt;
    c.lanes = {LaneRecord{1, 0, u"openai"_s, u"gpt-4.1"_s, {}, false}};
    TurnRecord first;
    first.id = 1;
    first.prompt = u"What are these?"_s;
    first.images = {image("cat", u"my cat [1].png"_s, u"image/png"_s), image("dog", QString(), u"image/jpeg"_s)};
    TurnRecord second;
    second.id = 2;
    second.position = 1;
    second.prompt = u"And this again?"_s;
    second.images = {first.images.at(0)};
    c.turns = {first, second};
    return c;
}

} // namespace

class TestImageExport : public QObject {
    Q_OBJECT

private slots:
    void exportNames_data();
    void exportNames();
    void jsonCarriesTheBytes();
    void markdownLinksFilesBesideIt();
    void markdownWithoutFolderNamesTheImages();
    void noImagesNoFolder();
};

void TestImageExport::exportNames_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("extension");
    QTest::addRow("png") << u"image/png"_s << u".png"_s;
    QTest::addRow("jpeg") << u"image/jpeg"_s << u".jpg"_s;
    QTest::addRow("webp") << u"image/webp"_s << u".webp"_s;
    QTest::addRow("gif") << u"image/gif"_s << u".gif"_s;
    QTest::addRow("unknown") << u"image/tiff"_s << u".bin"_s;
}

void TestImageExport::exportNames()
{
    QFETCH(QString, type);
    QFETCH(QString, extension);
    const ImageInput input = image("x", u"whatever.name"_s, type);
    QCOMPARE(imageExportName(input), QString(input.sha256().left(16) + extension));
    QCOMPARE(markdownImageDir(u"/tmp/out/chat log.md"_s), u"chat log_images"_s);
}

void TestImageExport::jsonCarriesTheBytes()
{
    const ConversationRecord c = withImages();
    const QJsonArray turns = conversationToJson(c)[u"conversation"_s][u"turns"_s].toArray();
    QCOMPARE(turns.size(), 2);
    const QJsonArray images = turns.at(0)[u"images"_s].toArray();
    QCOMPARE(images.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const ImageInput &expected = c.turns.at(0).images.at(i);
        const QJsonObject json = images.at(i).toObject();
        QCOMPARE(json.value(u"sha256").toString(), expected.sha256());
        QCOMPARE(json.value(u"mime_type").toString(), expected.mimeType);
        QCOMPARE(json.value(u"file_name").toString(), expected.fileName);
        QCOMPARE(QByteArray::fromBase64(json.value(u"data").toString().toLatin1()), expected.data);
        QCOMPARE(json.keys().size(), 4);
    }
    QCOMPARE(turns.at(1)[u"images"_s].toArray().size(), 1);
}

void TestImageExport::markdownLinksFilesBesideIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString mdPath = dir.filePath(u"my export.md"_s);
    const ConversationRecord c = withImages();
    QVERIFY(writeMarkdownImages(c, mdPath));
    const QString md = conversationToMarkdown(c, markdownImageDir(mdPath));

    const ImageInput &cat = c.turns.at(0).images.at(0);
    const ImageInput &dog = c.turns.at(0).images.at(1);
    // Link text escapes brackets; the path is percent-encoded so the space keeps it whole.
    const QString catLink = u"![my cat \\[1\\].png](my%20export_images/"_s + imageExportName(cat) + u')';
    const QString dogLink = u"!["_s + imageExportName(dog) + u"](my%20export_images/"_s + imageExportName(dog) + u')';
    QVERIFY2(md.contains(u"> What are these?\n\n"_s + catLink + u'\n' + dogLink + u"\n\n"_s), qPrintable(md));
    QCOMPARE(md.count(catLink), 2); // sent in both turns

    // One file per distinct image, private like the history.
    const QDir images(dir.filePath(u"my export_images"_s));
    QCOMPARE(images.entryList(QDir::Files).size(), 2);
    for (const ImageInput *input : {&cat, &dog}) {
        QFile file(images.filePath(imageExportName(*input)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), input->data);
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    }
}

void TestImageExport::markdownWithoutFolderNamesTheImages()
{
    const ConversationRecord c = withImages();
    const QString md = conversationToMarkdown(c);
    const ImageInput &cat = c.turns.at(0).images.at(0);
    QVERIFY2(md.contains(u"- Image: my cat [1].png (image/png, "_s + QString::number(cat.data.size()) +
                         u" bytes, sha256 "_s + cat.sha256() + u")\n"_s),
             qPrintable(md));
    QVERIFY(!md.contains(u"!["_s));
}

void TestImageExport::noImagesNoFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ConversationRecord c = withImages();
    for (TurnRecord &turn : c.turns)
        turn.images.clear();
    const QString mdPath = dir.filePath(u"plain.md"_s);
    QVERIFY(writeMarkdownImages(c, mdPath));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"plain_images"_s)));
    QVERIFY(!conversationToMarkdown(c, markdownImageDir(mdPath)).contains(u"_images"_s));
}

QTEST_APPLESS_MAIN(TestImageExport)
#include "tst_imageexport.moc"
