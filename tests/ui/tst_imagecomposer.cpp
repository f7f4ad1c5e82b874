// SPDX-License-Identifier: GPL-3.0-or-later
// Images in prompts, in the window: attached with the button (a file-dialog seam), pasted from
// the clipboard, dropped on the box or the window; refused with words (and nothing lost) when
// they are not images; sent to the lane whose model sees images and not to the one that does
// not, over the loopback server; shown as thumbnails in the conversation without the document
// ever loading a file.
#include "appsettings.h"
#include "composer.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "imagepreview.h"
#include "imagestrip.h"
#include "lanecard.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "openaichunks.h"
#include "promptimages.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"
#include "windowharness.h"

#include <QAction>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

// Two OpenAI-compatible endpoints of the user's catalog: one whose model sees images, one
// whose model is known not to.
QJsonObject endpoint(const QString &id, const QString &model, bool vision)
{
    const QJsonObject capabilities{{QStringLiteral("vision"), vision}};
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), id},
            {QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9/v1")},
            {QStringLiteral("local"), true},
            {QStringLiteral("models"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), model}, {QStringLiteral("capabilities"), capabilities}}}}};
}

QByteArray catalog()
{
    const QJsonArray providers{endpoint(QStringLiteral("seer"), QStringLiteral("eyes"), true),
                               endpoint(QStringLiteral("blind"), QStringLiteral("dark"), false)};
    return QJsonDocument(QJsonObject{{QStringLiteral("providers"), providers}}).toJson();
}
const Target kSeer{QStringLiteral("seer"), QStringLiteral("eyes")};
const Target kBlind{QStringLiteral("blind"), QStringLiteral("dark")};

QByteArray pngBytes(const QColor &color, QSize size = QSize(40, 30))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QString messageText(const MainWindow &window)
{
    return window.messageBar()->isVisible() ? window.messageBar()->text() : QString();
}

} // namespace

class tst_ImageComposer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void attachWithTheButtonAndRemove();
    void pasteAnImage();
    void pasteTextStaysText();
    void dropImageFiles_data();
    void dropImageFiles();
    void refusedFiles_data();
    void refusedFiles();
    void atMostTenImages();
    void sendToTheLaneThatSeesImages();
    void noLaneSeesImages();
    void historyFailureKeepsTextAndImages();
    void thumbnailsAreDocumentResources();

private:
    std::unique_ptr<MainWindow> openWindow(Harness &harness, const QList<Target> &targets);
    QTemporaryDir m_home; // XDG_CONFIG_HOME holds the user catalog above
    QTemporaryDir m_files;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_ImageComposer::initTestCase()
{
    QVERIFY(m_home.isValid() && m_files.isValid());
    // A private configuration home (not QStandardPaths' test mode, which ignores XDG_*): the
    // catalog with a vision and a non-vision model is seen by this test only.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
    QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("config/versus"))));
    QVERIFY(!writeFile(m_home, QStringLiteral("config/versus/providers.json"), catalog()).isEmpty());
}

void tst_ImageComposer::init()
{
    // A server per test: its requests are those of the test.
    m_server = std::make_unique<ScriptedServer>();
    ScriptedServer &server = *m_server;
    QVERIFY(server.listen());
    qputenv("VERSUS_SEER_BASE_URL", server.url("/seer/v1").toString().toUtf8());
    qputenv("VERSUS_BLIND_BASE_URL", server.url("/blind/v1").toString().toUtf8());
    const QList<QByteArray> chunks{openAiContentChunk(QStringLiteral("A red square.")), openAiFinishChunk(4, 30)};
    server.route("POST", "/seer/v1/chat/completions", ScriptedResponse::sseData(chunks));
    server.route("POST", "/blind/v1/chat/completions", ScriptedResponse::sseData(chunks));
}

void tst_ImageComposer::cleanup()
{
    m_server.reset();
    QGuiApplication::clipboard()->clear();
}

std::unique_ptr<MainWindow> tst_ImageComposer::openWindow(Harness &harness, const QList<Target> &targets)
{
    harness.settings.setLaneTargets(targets);
    auto window = std::make_unique<MainWindow>(harness.services());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active: shortcuts may not reach it");
    return window;
}

void tst_ImageComposer::attachWithTheButtonAndRemove()
{
    const QString red = writeFile(m_files, QStringLiteral("red.png"), pngBytes(Qt::red));
    const QString blue = writeFile(m_files, QStringLiteral("blue.png"), pngBytes(Qt::blue));
    Harness harness;
    auto window = openWindow(harness, {kSeer});
    Composer *composer = window->composer();
    int asked = 0;
    composer->setAskImagePaths([&] {
        ++asked;
        return QStringList{red, blue};
    });
    QVERIFY(!composer->imageStrip()->isVisible());
    QVERIFY(!composer->sendButton()->isEnabled());

    QTest::mouseClick(composer->attachButton(), Qt::LeftButton);
    QCOMPARE(asked, 1);
    QCOMPARE(composer->images().size(), 2);
    QCOMPARE(composer->images().at(0).mimeType, QStringLiteral("image/png"));
    QCOMPARE(composer->images().at(0).fileName, QStringLiteral("red.png"));
    QVERIFY(composer->imageStrip()->isVisible());
    const QList<QToolButton *> thumbs = composer->imageStrip()->thumbnails();
    QCOMPARE(thumbs.size(), 2);
    QVERIFY2(thumbs.at(1)->toolTip().contains(QStringLiteral("blue.png")), qPrintable(thumbs.at(1)->toolTip()));
    QVERIFY(thumbs.at(1)->toolTip().contains(QStringLiteral("PNG")));
    QVERIFY(!thumbs.at(0)->icon().isNull());
    QVERIFY(thumbs.at(0)->focusPolicy() & Qt::TabFocus); // reachable with the keyboard
    QVERIFY(composer->sendButton()->isEnabled());        // images alone can be sent

    // The window's action (Ctrl+Shift+A) asks too.
    const QAction *action = window->windowActions().attachImage;
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QTest::keyClick(composer->editor(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(asked, 2);
    QCOMPARE(composer->images().size(), 4);

    // The "×" of the first image, and Delete on a focused preview, remove them.
    QTest::mouseClick(composer->imageStrip()->removeButtons().at(0), Qt::LeftButton);
    QCOMPARE(composer->images().size(), 3);
    QCOMPARE(composer->images().at(0).fileName, QStringLiteral("blue.png"));
    QToolButton *first = composer->imageStrip()->thumbnails().at(0);
    QTest::keyClick(first, Qt::Key_Delete);
    QCOMPARE(composer->images().size(), 2);
    QCOMPARE(composer->imageStrip()->count(), 2);
    QCOMPARE(composer->images().at(0).fileName, QStringLiteral("red.png"));
    QVERIFY(!window->messageBar()->isVisible());
}

void tst_ImageComposer::pasteAnImage()
{
    Harness harness;
    auto window = openWindow(harness, {kSeer});
    Composer *composer = window->composer();
    QTest::keyClicks(composer->editor(), QStringLiteral("What is this?"));
    QImage picture(32, 24, QImage::Format_RGB32);
    picture.fill(Qt::green);
    QGuiApplication::clipboard()->setImage(picture);
    QTRY_VERIFY(QGuiApplication::clipboard()->mimeData()->hasImage());

    composer->editor()->setFocus();
    QTest::keyClick(composer->editor(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(composer->images().size(), 1);
    const ImageInput &image = composer->images().first();
    QCOMPARE(image.mimeType, QStringLiteral("image/png")); // encoded as PNG, sniffed as such
    QImage decoded;
    QVERIFY(decoded.loadFromData(image.data, "PNG"));
    QCOMPARE(decoded.size(), QSize(32, 24));
    QCOMPARE(QColor(decoded.pixel(5, 5)), QColor(Qt::green));
    QCOMPARE(composer->text(), QStringLiteral("What is this?")); // the text is untouched
    QCOMPARE(composer->imageStrip()->count(), 1);
}

void tst_ImageComposer::pasteTextStaysText()
{
    Harness harness;
    auto window = openWindow(harness, {kSeer});
    Composer *composer = window->composer();
    QGuiApplication::clipboard()->setText(QStringLiteral("plain words"));
    QTRY_VERIFY(QGuiApplication::clipboard()->mimeData()->hasText());
    composer->editor()->setFocus();
    QTest::keyClick(composer->editor(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(composer->text(), QStringLiteral("plain words"));
    QVERIFY(composer->images().isEmpty());
    QVERIFY(!composer->imageStrip()->isVisible());
}

void tst_ImageComposer::dropImageFiles_data()
{
    QTest::addColumn<QString>("onto");
    QTest::addRow("the text box") << QStringLiteral("editor");
    QTest::addRow("the composer") << QStringLiteral("composer");
    QTest::addRow("the window") << QStringLiteral("window");
}

void tst_ImageComposer::dropImageFiles()
{
    QFETCH(QString, onto);
    const QString red = writeFile(m_files, QStringLiteral("drop-red.png"), pngBytes(Qt::red));
    const QString text = writeFile(m_files, QStringLiteral("drop-notes.txt"), QByteArrayLiteral("just words\n"));
    Harness harness;
    auto window = openWindow(harness, {kSeer});
    Composer *composer = window->composer();
    QTest::keyClicks(composer->editor(), QStringLiteral("Compare these"));

    QWidget *target = onto == u"editor"     ? composer->editor()->viewport()
                      : onto == u"composer" ? static_cast<QWidget *>(composer)
                                            : static_cast<QWidget *>(window.get());
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(red), QUrl::fromLocalFile(text)});
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());

    // The image is attached; the text file is named in the bar and not inserted as text.
    QCOMPARE(composer->images().size(), 1);
    QCOMPARE(composer->images().first().fileName, QStringLiteral("drop-red.png"));
    QCOMPARE(composer->text(), QStringLiteral("Compare these"));
    const QString message = messageText(*window);
    QVERIFY2(message.contains(QStringLiteral("drop-notes.txt")) && message.contains(QStringLiteral("not a PNG")),
             qPrintable(message));
}

void tst_ImageComposer::refusedFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("size"); // grows the file (sparse) beyond its bytes when larger
    QTest::addColumn<QString>("expected");
    QTest::addRow("empty file") << QStringLiteral("empty.png") << QByteArray() << qint64(0)
                                << QStringLiteral("is empty");
    QTest::addRow("text named .png") << QStringLiteral("letter.png") << QByteArrayLiteral("Dear user,\n") << qint64(0)
                                     << QStringLiteral("is not a PNG, JPEG, WebP or GIF image");
    QTest::addRow("30 MB") << QStringLiteral("huge.png") << pngBytes(Qt::red) << qint64(30) * 1024 * 1024
                           << QStringLiteral("images up to");
    QTest::addRow("missing") << QStringLiteral("gone.png") << QByteArray() << qint64(-1)
                             << QStringLiteral("There is no image");
}

void tst_ImageComposer::refusedFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, size);
    QFETCH(QString, expected);
    QString path = m_files.filePath(name);
    if (size >= 0) {
        path = writeFile(m_files, name, bytes);
        QVERIFY(!path.isEmpty());
        if (size > bytes.size())
            QVERIFY(QFile::resize(path, size));
    }
    Harness harness;
    auto window = openWindow(harness, {kSeer});
    Composer *composer = window->composer();
    QTest::keyClicks(composer->editor(), QStringLiteral("Keep me"));
    QSignalSpy changed(composer, &Composer::imagesChanged);
    composer->setAskImagePaths([path] { return QStringList{path}; });
    QTest::mouseClick(composer->attachButton(), Qt::LeftButton);

    QVERIFY(composer->images().isEmpty());
    QVERIFY(!composer->imageStrip()->isVisible());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(composer->text(), QStringLiteral("Keep me"));
    const QString message = messageText(*window);
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(name), qPrintable(message));
}

void tst_ImageComposer::atMostTenImages()
{
    QStringList paths;
    for (int i = 0; i < Composer::kMaxImages + 2; ++i)
        paths << writeFile(m_files, QStringLiteral("many-%1.png").arg(i), pngBytes(QColor(i * 20, 0, 0)));
    Harness harness;
    auto window = openWindow(harness, {kSeer});
    Composer *composer = window->composer();
    composer->setAskImagePaths([paths] { return paths; });
    QTest::mouseClick(composer->attachButton(), Qt::LeftButton);
    QCOMPARE(composer->images().size(), Composer::kMaxImages);
    QCOMPARE(composer->images().last().fileName, QStringLiteral("many-9.png"));
    const QString message = messageText(*window);
    QVERIFY2(message.contains(QStringLiteral("at most 10 images")) && message.contains(QStringLiteral("Left out: 2")),
             qPrintable(message));
}

void tst_ImageComposer::sendToTheLaneThatSeesImages()
{
    ScriptedServer &server = *m_server;
    const QByteArray red = pngBytes(Qt::red);
    const QString path = writeFile(m_files, QStringLiteral("square.png"), red);
    Harness harness;
    auto window = openWindow(harness, {kSeer, kBlind});
    QCOMPARE(window->lanes().size(), 2);
    LaneWidget *seer = window->lanes().at(0);
    LaneWidget *blind = window->lanes().at(1);
    Composer *composer = window->composer();
    QVERIFY(!blind->imageNote()->isVisible());

    // Before sending: the lane whose model cannot see images says it will be skipped.
    composer->setAskImagePaths([path] { return QStringList{path}; });
    QTest::mouseClick(composer->attachButton(), Qt::LeftButton);
    QTest::keyClicks(composer->editor(), QStringLiteral("What colour is it?"));
    QTRY_VERIFY(blind->imageNote()->isVisible());
    QVERIFY2(blind->imageNote()->text().contains(QStringLiteral("dark on blind cannot see images")) &&
                 blind->imageNote()->text().contains(QStringLiteral("will be skipped")),
             qPrintable(blind->imageNote()->text()));
    QVERIFY(!seer->imageNote()->isVisible());
    // The note follows the lane's model: a model that sees images, then back.
    QVERIFY(window->comparison()->setLaneTarget(blind->lane(), kSeer));
    QTRY_VERIFY(!blind->imageNote()->isVisible());
    QVERIFY(window->comparison()->setLaneTarget(blind->lane(), kBlind));
    QTRY_VERIFY(blind->imageNote()->isVisible());

    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(!window->isBusy());
    QTRY_COMPARE(seer->view()->answerText(0), QStringLiteral("A red square."));

    // One request, to the lane that sees images; the other was sent nothing.
    QCOMPARE(server.requestCount(), 1);
    const RecordedRequest request = server.lastRequest();
    QCOMPARE(request.path, QByteArray("/seer/v1/chat/completions"));
    QCOMPARE(seer->conversation()->rowCount(), 1);
    const LaneTurn &turn = seer->conversation()->turn(0);
    QCOMPARE(turn.prompt, QStringLiteral("What colour is it?"));
    QCOMPARE(turn.images.size(), 1);
    QCOMPARE(turn.images.first().data, red);
    QCOMPARE(turn.images.first().mimeType, QStringLiteral("image/png"));
    const QList<ChatMessage> sent = seer->conversation()->requestMessages();
    QCOMPARE(sent.first().images, turn.images);
    // The image on the wire, in the OpenAI dialect's image part.
    QVERIFY2(request.body.contains(red.toBase64()), "the request body does not carry the image");

    // The skipped lane: no turn, no error card, a note that it was not sent the prompt.
    QCOMPARE(blind->conversation()->rowCount(), 0);
    QVERIFY(blind->imageNote()->isVisible());
    QVERIFY2(blind->imageNote()->text().startsWith(QStringLiteral("Not sent: dark on blind cannot see images")),
             qPrintable(blind->imageNote()->text()));
    QVERIFY(!blind->card()->isVisible());

    // The composer is empty again: text and strip.
    QVERIFY(composer->text().isEmpty());
    QVERIFY(composer->images().isEmpty());
    QVERIFY(!composer->imageStrip()->isVisible());

    // The conversation shows the thumbnail from an in-memory resource, and no file or data URL.
    QTextDocument *document = seer->view()->document();
    const QString html = document->toHtml();
    const QString name = PromptImages::resourceName(0, 0).toString();
    QVERIFY2(html.contains(name), qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("file:")) && !html.contains(QStringLiteral("data:")));
    const QImage thumb = qvariant_cast<QImage>(document->resource(QTextDocument::ImageResource, QUrl(name)));
    QVERIFY(!thumb.isNull());
    QCOMPARE(QColor(thumb.pixel(thumb.width() / 2, thumb.height() / 2)), QColor(Qt::red));

    // Clicking the thumbnail opens the larger preview of that image.
    Q_EMIT seer->view()->internalLinkActivated(PromptImages::previewLink(0, 0));
    auto *preview = seer->findChild<ImagePreview *>();
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    QVERIFY2(preview->windowTitle().contains(QStringLiteral("square.png")), qPrintable(preview->windowTitle()));
    const auto *shown = preview->findChild<QLabel *>(QStringLiteral("previewImage"));
    QVERIFY(shown);
    QCOMPARE(shown->pixmap().size(), QSize(40, 30)); // small enough to be shown at its own size
    preview->close();

    // The next prompt, without images, goes to both lanes and the note goes away.
    QTest::keyClicks(composer->editor(), QStringLiteral("Thanks"));
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(server.requestCount(), 3);
    QTRY_VERIFY(!window->isBusy());
    QCOMPARE(blind->conversation()->rowCount(), 1);
    QVERIFY(!blind->imageNote()->isVisible());
}

void tst_ImageComposer::noLaneSeesImages()
{
    ScriptedServer &server = *m_server;
    const QString path = writeFile(m_files, QStringLiteral("alone.png"), pngBytes(Qt::yellow));
    Harness harness;
    auto window = openWindow(harness, {kBlind});
    Composer *composer = window->composer();
    composer->setAskImagePaths([path] { return QStringList{path}; });
    QTest::mouseClick(composer->attachButton(), Qt::LeftButton);
    QTest::keyClicks(composer->editor(), QStringLiteral("Describe it"));
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);

    QCOMPARE(server.requestCount(), 0);
    QVERIFY(!window->isBusy());
    QCOMPARE(composer->text(), QStringLiteral("Describe it"));
    QCOMPARE(composer->images().size(), 1);
    const QString message = messageText(*window);
    QVERIFY2(message.contains(QStringLiteral("can see images")), qPrintable(message));
    QCOMPARE(window->lanes().first()->conversation()->rowCount(), 0);
}

void tst_ImageComposer::historyFailureKeepsTextAndImages()
{
    ScriptedServer &server = *m_server;
    const QString path = writeFile(m_files, QStringLiteral("kept.png"), pngBytes(Qt::cyan));
    Harness harness;
    auto window = openWindow(harness, {kSeer});
    QVERIFY(harness.engine.history()->setMaxPageCountForTesting(1).has_value());
    Composer *composer = window->composer();
    composer->setAskImagePaths([path] { return QStringList{path}; });
    QTest::mouseClick(composer->attachButton(), Qt::LeftButton);
    QString prompt;
    while (prompt.size() < 300 * 1024)
        prompt += QStringLiteral("A long pasted document that a full disk has no room for.\n");
    composer->editor()->setPlainText(prompt);
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);

    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(composer->text(), prompt);
    QCOMPARE(composer->images().size(), 1);
    QCOMPARE(composer->images().first().fileName, QStringLiteral("kept.png"));
    QVERIFY(composer->imageStrip()->isVisible());
    QVERIFY2(messageText(*window).contains(QStringLiteral("Nothing was sent")), qPrintable(messageText(*window)));
}

void tst_ImageComposer::thumbnailsAreDocumentResources()
{
    // A conversation as the history gives it back (LaneTurn::images), shown by the view alone.
    LaneConversation model;
    LaneTurn turn;
    turn.prompt = QStringLiteral("Two pictures");
    ImageInput good;
    good.mimeType = QStringLiteral("image/png");
    good.data = pngBytes(Qt::blue, QSize(400, 200));
    good.fileName = QStringLiteral("wide.png");
    ImageInput broken; // the right magic bytes, nothing decodable after them
    broken.mimeType = QStringLiteral("image/png");
    broken.data = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(64, 'x');
    broken.fileName = QStringLiteral("broken.png");
    turn.images = {good, broken};
    turn.state = history::AnswerState::Complete;
    turn.result.chat.text = QStringLiteral("Blue.");
    model.appendTurn(turn);

    ConversationView view;
    view.setConversation(&model);
    QTextDocument *document = view.document();
    const QUrl name = PromptImages::resourceName(0, 0);
    const QImage thumb = qvariant_cast<QImage>(document->resource(QTextDocument::ImageResource, name));
    QVERIFY(!thumb.isNull());
    QCOMPARE(thumb.width(), PromptImages::kThumbSize); // scaled down, aspect kept
    QCOMPARE(thumb.height(), PromptImages::kThumbSize / 2);
    // The undecodable one is named, not drawn.
    QVERIFY(qvariant_cast<QImage>(document->resource(QTextDocument::ImageResource, PromptImages::resourceName(0, 1)))
                .isNull());
    QVERIFY2(view.toPlainText().contains(QStringLiteral("broken.png")), qPrintable(view.toPlainText()));
    // Still nothing from outside: a file the answer could name is not loaded.
    QVERIFY(document->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/hostname"))).isNull());

    // Re-rendering (a reasoning toggle, a new conversation) keeps the thumbnails.
    model.clear();
    model.appendTurn(turn);
    QVERIFY(!qvariant_cast<QImage>(document->resource(QTextDocument::ImageResource, name)).isNull());

    // Clicking a thumbnail asks for the preview of that image.
    QSignalSpy activated(&view, &ConversationView::imageActivated);
    Q_EMIT view.internalLinkActivated(PromptImages::previewLink(0, 0));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().value<ImageInput>().fileName, QStringLiteral("wide.png"));
}

QTEST_MAIN(tst_ImageComposer)
#include "tst_imagecomposer.moc"
