// SPDX-License-Identifier: GPL-3.0-or-later
// `versus-cli chat|compare --image FILE` as a process against the loopback server: the image
// arrives in the request body in OpenAI form, a lane whose model cannot see images is skipped
// with its reason while the others answer, a bad file is a usage error before anything is
// sent, and the image is in the history.
#include "clirun.h"
#include "openaichunks.h"
#include "scriptedserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus;
using namespace versus::test;

namespace {

ScriptedResponse answer(const QString &text)
{
    return ScriptedResponse::sseData({openAiContentChunk(text), openAiFinishChunk(1, 15)}, 0);
}

/// A PNG signature followed by bytes every base64 alphabet letter shows up in.
QByteArray pngBytes()
{
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    for (int i = 0; i < 300; ++i)
        bytes.append(char((i * 37 + 11) & 0xff));
    return bytes;
}

} // namespace

class tst_ImageCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void imageArrivesAsDataUrlAndBlindLaneIsSkipped();
    void oneImageInEachDialectsForm();
    void everyLaneSkippedIsAFailure();
    void chatKeepsTheImageInHistory();
    void badImageIsAUsageError_data();
    void badImageIsAUsageError();

private:
    CliRun run(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_ImageCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    // Two local OpenAI-compatible services: one model that sees images, one that does not.
    const QJsonObject catalog{
        {u"providers"_s,
         QJsonArray{
             QJsonObject{{u"id"_s, u"seer"_s},
                         {u"name"_s, u"Seer"_s},
                         {u"base_url"_s, m_server->url(u"/seer/v1"_s).toString()},
                         {u"auth"_s, u"none"_s},
                         {u"key_required"_s, false},
                         {u"models"_s, QJsonArray{QJsonObject{{u"id"_s, u"eyes-1"_s},
                                                              {u"capabilities"_s, QJsonObject{{u"vision"_s, true}}}}}}},
             QJsonObject{{u"id"_s, u"claude"_s},
                         {u"name"_s, u"Claude here"_s},
                         {u"dialect"_s, u"anthropic"_s},
                         {u"base_url"_s, m_server->url(u"/claude"_s).toString()},
                         {u"auth"_s, u"none"_s},
                         {u"key_required"_s, false},
                         {u"capabilities"_s, QJsonObject{{u"vision"_s, true}}},
                         {u"models"_s, QJsonArray{QJsonObject{{u"id"_s, u"claude-eyes"_s}}}}},
             QJsonObject{{u"id"_s, u"gem"_s},
                         {u"name"_s, u"Gemini here"_s},
                         {u"dialect"_s, u"gemini"_s},
                         {u"base_url"_s, m_server->url(u"/gem/v1beta"_s).toString()},
                         {u"auth"_s, u"none"_s},
                         {u"key_required"_s, false},
                         {u"capabilities"_s, QJsonObject{{u"vision"_s, true}}},
                         {u"models"_s, QJsonArray{QJsonObject{{u"id"_s, u"gem-eyes"_s}}}}},
             QJsonObject{
                 {u"id"_s, u"blind"_s},
                 {u"name"_s, u"Blind"_s},
                 {u"base_url"_s, m_server->url(u"/blind/v1"_s).toString()},
                 {u"auth"_s, u"none"_s},
                 {u"key_required"_s, false},
                 {u"models"_s, QJsonArray{QJsonObject{{u"id"_s, u"text-only"_s},
                                                      {u"capabilities"_s, QJsonObject{{u"vision"_s, false}}}}}}},
         }}};
    QVERIFY(QDir().mkpath(m_home->filePath(u"config/versus"_s)));
    QFile file(m_home->filePath(u"config/versus/providers.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(catalog).toJson());
}

void tst_ImageCli::cleanup()
{
    m_server.reset();
    m_home.reset();
}

CliRun tst_ImageCli::run(const QStringList &arguments)
{
    CliRun result;
    if (!runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, privateCliEnvironment(m_home->path()), result))
        result.exitCode = -1;
    return result;
}

QString tst_ImageCli::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_home->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void tst_ImageCli::imageArrivesAsDataUrlAndBlindLaneIsSkipped()
{
    m_server->route("POST", "/seer/v1/chat/completions", answer(u"a red square"_s));
    m_server->route("POST", "/blind/v1/chat/completions", answer(u"should not be asked"_s));
    const QByteArray png = pngBytes();
    const QString image = writeFile(u"square.png"_s, png);
    QVERIFY(!image.isEmpty());

    const CliRun result = run({u"compare"_s, u"-t"_s, u"seer:eyes-1"_s, u"-t"_s, u"blind:text-only"_s, u"--image"_s,
                               image, u"--json"_s, u"What is this?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));

    // Only the lane that sees images was asked, and its body carries the image in OpenAI form.
    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->requests().first();
    QCOMPARE(request.path, QByteArray("/seer/v1/chat/completions"));
    const QJsonArray messages = QJsonDocument::fromJson(request.body).object().value(u"messages").toArray();
    const QJsonArray content = messages.last().toObject().value(u"content").toArray();
    QCOMPARE(content.size(), 2);
    QCOMPARE(content.at(0).toObject(), (QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"What is this?"_s}}));
    QCOMPARE(content.at(1)[u"type"].toString(), u"image_url"_s);
    QCOMPARE(content.at(1)[u"image_url"][u"url"].toString(),
             QString(u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64())));

    // The skipped lane says why, on stderr and in the document, in the order given.
    QVERIFY2(result.err.contains(u"versus-cli: blind:text-only cannot see images"_s), qPrintable(result.err));
    const QJsonArray results = result.json().value(u"results").toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0)[u"status"].toString(), u"ok"_s);
    QCOMPARE(results.at(0)[u"text"].toString(), u"a red square"_s);
    QVERIFY(!results.at(0).toObject().contains(u"skipped"));
    const QJsonObject skipped = results.at(1).toObject();
    QCOMPARE(skipped.value(u"target").toString(), u"blind:text-only"_s);
    QCOMPARE(skipped.value(u"status").toString(), u"skipped"_s);
    QVERIFY2(skipped.value(u"skipped").toString().contains(u"text-only"),
             qPrintable(skipped.value(u"skipped").toString()));
}

// The acceptance case of the images issue: one comparison, one image, an OpenAI-, an Anthropic-
// and a Gemini-shaped lane; each body the server saw carries the same bytes in its dialect's
// form, before the text, and every lane answers.
void tst_ImageCli::oneImageInEachDialectsForm()
{
    m_server->route("POST", "/seer/v1/chat/completions", answer(u"openai saw it"_s));
    m_server->route(
        "POST", "/claude/v1/messages",
        ScriptedResponse::sse({
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":"
            "\"message\",\"role\":\"assistant\",\"model\":\"claude-eyes\",\"content\":[],\"usage\":{"
            "\"input_tokens\":12,\"output_tokens\":1}}}\n\n",
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{"
            "\"type\":\"text\",\"text\":\"\"}}\n\n",
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
            "\"text_delta\",\"text\":\"anthropic saw it\"}}\n\n",
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
            "\"usage\":{\"output_tokens\":4}}\n\n",
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
        }));
    m_server->route(
        "POST", "/gem/v1beta/models/gem-eyes:streamGenerateContent",
        ScriptedResponse::sseData({R"({"candidates":[{"content":{"role":"model","parts":[{"text":)"
                                   R"("gemini saw it"}]},"finishReason":"STOP"}],"usageMetadata":)"
                                   R"({"promptTokenCount":12,"candidatesTokenCount":4,"totalTokenCount":16}})"},
                                  0, false));
    const QByteArray png = pngBytes();
    const QString base64 = QString::fromLatin1(png.toBase64());
    const QString image = writeFile(u"square.png"_s, png);
    QVERIFY(!image.isEmpty());

    const CliRun result = run({u"compare"_s, u"-t"_s, u"seer:eyes-1"_s, u"-t"_s, u"claude:claude-eyes"_s, u"-t"_s,
                               u"gem:gem-eyes"_s, u"--image"_s, image, u"--json"_s, u"What is this?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonArray results = result.json().value(u"results").toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0)[u"text"].toString(), u"openai saw it"_s);
    QCOMPARE(results.at(1)[u"text"].toString(), u"anthropic saw it"_s);
    QCOMPARE(results.at(2)[u"text"].toString(), u"gemini saw it"_s);

    QCOMPARE(m_server->requestCount(), 3);
    QMap<QByteArray, QJsonObject> bodies;
    for (const RecordedRequest &request : m_server->requests())
        bodies.insert(
            request.path.left(request.path.indexOf('?') < 0 ? request.path.size() : request.path.indexOf('?')),
            QJsonDocument::fromJson(request.body).object());

    // OpenAI: a content array, text then an image_url data URL.
    const QJsonArray openAi =
        bodies.value("/seer/v1/chat/completions")[u"messages"].toArray().last()[u"content"].toArray();
    QCOMPARE(openAi.size(), 2);
    QCOMPARE(openAi.at(1)[u"image_url"][u"url"].toString(), QString(u"data:image/png;base64,"_s + base64));

    // Anthropic: an image block with a base64 source, before the text block.
    const QJsonArray anthropic =
        bodies.value("/claude/v1/messages")[u"messages"].toArray().last()[u"content"].toArray();
    QCOMPARE(anthropic.size(), 2);
    QCOMPARE(
        anthropic.at(0).toObject(),
        (QJsonObject{{u"type"_s, u"image"_s},
                     {u"source"_s,
                      QJsonObject{{u"type"_s, u"base64"_s}, {u"media_type"_s, u"image/png"_s}, {u"data"_s, base64}}}}));
    QCOMPARE(anthropic.at(1)[u"text"].toString(), u"What is this?"_s);

    // Gemini: an inline_data part, before the text part, in a user content.
    const QJsonObject gemini = bodies.value("/gem/v1beta/models/gem-eyes:streamGenerateContent");
    const QJsonObject userTurn = gemini[u"contents"].toArray().last().toObject();
    QCOMPARE(userTurn[u"role"].toString(), u"user"_s);
    const QJsonArray parts = userTurn[u"parts"].toArray();
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).toObject(),
             (QJsonObject{{u"inline_data"_s, QJsonObject{{u"mime_type"_s, u"image/png"_s}, {u"data"_s, base64}}}}));
    QCOMPARE(parts.at(1)[u"text"].toString(), u"What is this?"_s);
}

void tst_ImageCli::everyLaneSkippedIsAFailure()
{
    m_server->route("POST", "/blind/v1/chat/completions", answer(u"should not be asked"_s));
    const QString image = writeFile(u"square.png"_s, pngBytes());
    const CliRun result =
        run({u"chat"_s, u"-t"_s, u"blind:text-only"_s, u"--image"_s, image, u"--json"_s, u"What is this?"_s});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(result.json().value(u"status").toString(), u"skipped"_s);
    QVERIFY(result.json().value(u"conversation_id").isNull());
    QVERIFY2(result.err.contains(u"cannot see images"_s), qPrintable(result.err));

    // For people: the reason on stderr, no empty table.
    const CliRun table = run({u"compare"_s, u"-t"_s, u"blind:text-only"_s, u"--image"_s, image, u"What is this?"_s});
    QCOMPARE(table.exitCode, 1);
    QVERIFY(table.out.isEmpty());
    QCOMPARE(table.err.count(u"cannot see images"_s), 1);
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ImageCli::chatKeepsTheImageInHistory()
{
    m_server->route("POST", "/seer/v1/chat/completions", answer(u"a cat"_s));
    const QByteArray png = pngBytes();
    const QString image = writeFile(u"cat photo.png"_s, png);
    const CliRun result =
        run({u"chat"_s, u"-t"_s, u"seer:eyes-1"_s, u"--image"_s, image, u"--json"_s, u"Who is this?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const qint64 id = result.json().value(u"conversation_id").toInteger();
    QVERIFY(id > 0);

    const CliRun exported = run({u"history"_s, u"export"_s, QString::number(id), u"--format"_s, u"json"_s});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    const QJsonArray turns = exported.json()[u"conversation"][u"turns"].toArray();
    QCOMPARE(turns.size(), 1);
    const QJsonArray images = turns.first()[u"images"].toArray();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.first()[u"file_name"].toString(), u"cat photo.png"_s);
    QCOMPARE(images.first()[u"mime_type"].toString(), u"image/png"_s);
    QCOMPARE(QByteArray::fromBase64(images.first()[u"data"].toString().toLatin1()), png);

    // Markdown to a file: the image is written beside it and linked.
    const QString md = m_home->filePath(u"out/chat.md"_s);
    QVERIFY(QDir().mkpath(m_home->filePath(u"out"_s)));
    const CliRun markdown =
        run({u"history"_s, u"export"_s, QString::number(id), u"--format"_s, u"md"_s, u"--out"_s, md});
    QVERIFY2(markdown.exitCode == 0, qPrintable(markdown.err));
    QFile mdFile(md);
    QVERIFY(mdFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(mdFile.readAll());
    const QString sha = images.first()[u"sha256"].toString();
    const QString relative = u"chat_images/"_s + sha.left(16) + u".png"_s;
    QVERIFY2(text.contains(u"![cat photo.png]("_s + relative + u')'), qPrintable(text));
    QFile written(m_home->filePath(u"out/"_s + relative));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), png);
}

void tst_ImageCli::badImageIsAUsageError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // the file's contents; "missing" writes none
    QTest::addRow("missing") << u"nowhere.png"_s << QByteArray();
    QTest::addRow("not an image") << u"notes.png"_s << QByteArray("just some text, not a picture");
    QTest::addRow("empty") << u"empty.png"_s << QByteArray("");
}

void tst_ImageCli::badImageIsAUsageError()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    m_server->route("POST", "/seer/v1/chat/completions", answer(u"should not be asked"_s));
    const QString path = m_home->filePath(name);
    if (QTest::currentDataTag() != QByteArray("missing"))
        QVERIFY(!writeFile(name, bytes).isEmpty());
    const CliRun result =
        run({u"chat"_s, u"-t"_s, u"seer:eyes-1"_s, u"--image"_s, path, u"--json"_s, u"What is this?"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"--image "_s + path), qPrintable(result.err));
    QVERIFY2(result.err.contains(name), qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY(!QFile::exists(m_home->filePath(u"data/versus/history.sqlite"_s)));
}

QTEST_GUILESS_MAIN(tst_ImageCli)
#include "tst_imagecli.moc"
