// SPDX-License-Identifier: GPL-3.0-or-later
// The view that shows model output fetches nothing and follows no link by itself.
#include "safetextbrowser.h"
#include "scriptedserver.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace versus::ui;
using namespace versus::test;

namespace {

// A 1×1 PNG: what a "tiny" data: image looks like.
const char kTinyPng[] =
    "data:image/"
    "png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

QString writeSecretFile(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("secret.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("SECRET-FILE-CONTENT");
    return path;
}

QPoint pointOfText(QTextBrowser &browser, const QString &text)
{
    const QTextCursor found = browser.document()->find(text);
    if (found.isNull())
        return {};
    QTextCursor inside(browser.document());
    inside.setPosition(found.selectionStart() + 1);
    return browser.cursorRect(inside).center();
}

} // namespace

class tst_SafeTextBrowser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesResources_data();
    void refusesResources();
    void markdownImageOfALocalFileIsNotRead();
    void applicationResourcesAreAllowed();
    void remoteImagesAreNotFetched();
    void webLinkOpensOnlyAfterConfirmation();
    void otherLinksAreIgnored_data();
    void otherLinksAreIgnored();
    void versusLinksAreSignalled();

private:
    QTemporaryDir m_dir;
    QString m_secretPath;
};

void tst_SafeTextBrowser::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_secretPath = writeSecretFile(m_dir);
    QVERIFY(!m_secretPath.isEmpty());
}

void tst_SafeTextBrowser::refusesResources_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addRow("/etc/hostname") << QUrl(QStringLiteral("file:///etc/hostname"));
    QTest::addRow("a file of ours") << QUrl::fromLocalFile(m_secretPath);
    QTest::addRow("/dev/zero") << QUrl(QStringLiteral("file:///dev/zero"));
    QTest::addRow("relative path") << QUrl(QStringLiteral("secret.txt"));
    QTest::addRow("http image") << QUrl(QStringLiteral("http://127.0.0.1:9/pixel.png"));
    QTest::addRow("https image") << QUrl(QStringLiteral("https://example.com/track.png?user=1"));
    QTest::addRow("tiny data image") << QUrl(QString::fromLatin1(kTinyPng));
}

void tst_SafeTextBrowser::refusesResources()
{
    QFETCH(QUrl, url);
    SafeTextBrowser browser;
    browser.document()->setBaseUrl(QUrl::fromLocalFile(m_dir.path() + u'/'));
    for (int type : {int(QTextDocument::ImageResource), int(QTextDocument::HtmlResource),
                     int(QTextDocument::StyleSheetResource), int(QTextDocument::MarkdownResource)}) {
        QVERIFY(browser.loadResource(type, url).isNull());
        QVERIFY(browser.document()->resource(type, url).isNull());
    }
}

void tst_SafeTextBrowser::markdownImageOfALocalFileIsNotRead()
{
    const QUrl url = QUrl::fromLocalFile(m_secretPath);
    const QString markdown = QStringLiteral("before ![x](%1) after").arg(url.toString());

    // What a plain QTextBrowser does with the same text: it reads the file, even though
    // the markdown is parsed without HTML. This is what SafeTextBrowser must prevent.
    QTextBrowser plain;
    plain.setMarkdown(markdown);
    plain.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plain));
    QCOMPARE(plain.document()->resource(QTextDocument::ImageResource, url).toByteArray(),
             QByteArray("SECRET-FILE-CONTENT"));

    SafeTextBrowser browser;
    browser.setMarkdown(markdown);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QVERIFY(browser.document()->resource(QTextDocument::ImageResource, url).isNull());
    QVERIFY(browser.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/hostname"))).isNull());
    QVERIFY(browser.toPlainText().contains(QStringLiteral("before")));
}

void tst_SafeTextBrowser::applicationResourcesAreAllowed()
{
    SafeTextBrowser browser;
    const QVariant catalog =
        browser.loadResource(QTextDocument::HtmlResource, QUrl(QStringLiteral("qrc:/versus/providers.json")));
    QVERIFY(catalog.toByteArray().contains("\"providers\""));
    QVERIFY(!browser.document()
                 ->resource(QTextDocument::HtmlResource, QUrl(QStringLiteral("qrc:/versus/providers.json")))
                 .isNull());
}

void tst_SafeTextBrowser::remoteImagesAreNotFetched()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    SafeTextBrowser browser;
    browser.setMarkdown(QStringLiteral("![pixel](%1)").arg(server.url("/pixel.png").toString()));
    browser.setHtml(QStringLiteral("<img src=\"%1\">").arg(server.url("/other.png").toString()));
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTest::qWait(100);
    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(server.connectionsAccepted(), 0);
}

void tst_SafeTextBrowser::webLinkOpensOnlyAfterConfirmation()
{
    SafeTextBrowser browser;
    QList<QUrl> opened;
    browser.setLinkOpener([&opened](const QUrl &url) { opened.append(url); });
    browser.setMarkdown(QStringLiteral("See [the docs](https://example.com/page?q=1) for more."));
    browser.resize(500, 200);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QVERIFY(!browser.openLinks());
    QVERIFY(!browser.openExternalLinks());

    const QPoint link = pointOfText(browser, QStringLiteral("the docs"));
    QVERIFY(!link.isNull());
    QSignalSpy clicked(&browser, &QTextBrowser::anchorClicked);

    // Cancel: nothing opens.
    QTest::mouseClick(browser.viewport(), Qt::LeftButton, {}, link);
    QTRY_COMPARE(clicked.size(), 1);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = browser.findChild<QMessageBox *>(QStringLiteral("confirmOpenLink"))) && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("https://example.com/page?q=1")), qPrintable(box->text()));
    QVERIFY(opened.isEmpty());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!browser.findChild<QMessageBox *>(QStringLiteral("confirmOpenLink")));
    QVERIFY(opened.isEmpty());

    // Open: the address, exactly, goes to the opener.
    QTest::mouseClick(browser.viewport(), Qt::LeftButton, {}, link);
    QTRY_VERIFY((box = browser.findChild<QMessageBox *>(QStringLiteral("confirmOpenLink"))) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Open), Qt::LeftButton);
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(opened.first(), QUrl(QStringLiteral("https://example.com/page?q=1")));
}

void tst_SafeTextBrowser::otherLinksAreIgnored_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addRow("file") << QUrl(QStringLiteral("file:///etc/passwd"));
    QTest::addRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)"));
    QTest::addRow("relative") << QUrl(QStringLiteral("notes.md"));
    QTest::addRow("data") << QUrl(QStringLiteral("data:text/html,hello"));
    QTest::addRow("http without host") << QUrl(QStringLiteral("http:/etc/passwd"));
}

void tst_SafeTextBrowser::otherLinksAreIgnored()
{
    QFETCH(QUrl, url);
    SafeTextBrowser browser;
    QList<QUrl> opened;
    browser.setLinkOpener([&opened](const QUrl &link) { opened.append(link); });
    QSignalSpy internal(&browser, &SafeTextBrowser::internalLinkActivated);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    Q_EMIT browser.anchorClicked(url);
    QTest::qWait(50);
    QVERIFY(!browser.findChild<QMessageBox *>(QStringLiteral("confirmOpenLink")));
    QVERIFY(opened.isEmpty());
    QCOMPARE(internal.size(), 0);
    QVERIFY(browser.source().isEmpty()); // the view did not navigate either
}

void tst_SafeTextBrowser::versusLinksAreSignalled()
{
    SafeTextBrowser browser;
    QList<QUrl> opened;
    browser.setLinkOpener([&opened](const QUrl &link) { opened.append(link); });
    QSignalSpy internal(&browser, &SafeTextBrowser::internalLinkActivated);
    const QUrl url(QStringLiteral("versus:reasoning?turn=2"));
    Q_EMIT browser.anchorClicked(url);
    QCOMPARE(internal.size(), 1);
    QCOMPARE(internal.first().first().toUrl(), url);
    QVERIFY(opened.isEmpty());
    QVERIFY(!browser.findChild<QMessageBox *>(QStringLiteral("confirmOpenLink")));
}

QTEST_MAIN(tst_SafeTextBrowser)
#include "tst_safetextbrowser.moc"
