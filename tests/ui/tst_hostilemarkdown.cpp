// SPDX-License-Identifier: GPL-3.0-or-later
// Answers are written by a model, and a model repeats what it read: Markdown made to hurt.
// Every payload goes through the path answers take (a LaneConversation shown by a
// ConversationView, streamed in deltas, then finished and rendered as Markdown) and must
// read no file, make no network request, not crash, and render in under 100 ms of the GUI
// thread's CPU time (its own work: a busy machine that keeps it waiting for a core does not
// count, a renderer that goes quadratic on a payload does).
#include "compare/laneconversation.h"
#include "conversationview.h"
#include "richtext.h"
#include "safetextdocument.h"

#include <QMessageBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextFrame>
#include <QTextTable>

#include <atomic>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace versus;
using namespace versus::ui;

namespace {

constexpr double kBudgetMs = 100; // the bound for rendering one answer

/// CPU time of the calling thread, in milliseconds.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

/// A named pipe standing for a file the answer names. Opening a pipe to read it wakes the
/// writer waiting here, so an open by the renderer is seen even if nothing is read.
class CanaryPipe {
public:
    explicit CanaryPipe(const QString &path)
        : m_path(QFile::encodeName(path))
    {
        ::unlink(m_path.constData());
        m_valid = ::mkfifo(m_path.constData(), 0600) == 0;
    }
    ~CanaryPipe() { ::unlink(m_path.constData()); }
    bool isValid() const { return m_valid; }

    void watch()
    {
        m_done = false;
        m_opened = false;
        m_writer = std::thread([this] {
            const int fd = ::open(m_path.constData(), O_WRONLY); // blocks until someone reads
            if (!m_done)
                m_opened = true;
            if (fd >= 0)
                ::close(fd);
        });
    }
    /// Stops watching; true when something opened the pipe meanwhile.
    bool stop()
    {
        if (!m_writer.joinable())
            return m_opened;
        m_done = true;
        const int fd = ::open(m_path.constData(), O_RDONLY | O_NONBLOCK); // releases the writer
        m_writer.join();
        if (fd >= 0)
            ::close(fd);
        return m_opened;
    }

private:
    QByteArray m_path;
    bool m_valid = false;
    std::thread m_writer;
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_opened{false};
};

QString repeated(const QString &text, int times)
{
    QString out;
    out.reserve(text.size() * times);
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

QString hugeTable(int rows, int columns)
{
    QString table;
    for (int c = 0; c < columns; ++c)
        table += QStringLiteral("| h%1 ").arg(c);
    table += QStringLiteral("|\n") + repeated(QStringLiteral("|---"), columns) + QStringLiteral("|\n");
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            table += QStringLiteral("| %1 ").arg(r * columns + c);
        table += QStringLiteral("|\n");
    }
    return table;
}

int imageFragments(const QTextDocument *document)
{
    int images = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                ++images;
        }
    }
    return images;
}

QStringList anchors(const QTextDocument *document)
{
    QStringList hrefs;
    for (QTextBlock block = document->begin(); block.isValid() && hrefs.size() < 200; block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor() && !format.anchorHref().isEmpty())
                hrefs.append(format.anchorHref());
        }
    }
    return hrefs;
}

} // namespace

class tst_HostileMarkdown : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void finishedAnswer_data();
    void finishedAnswer();
    void streamedAnswer_data() { finishedAnswer_data(); }
    void streamedAnswer();
    void ordinaryAnswersStayMarkdown();

private:
    /// No file opened, no connection made, nothing followed, no image kept.
    void checkSafe(ConversationView &view);
    void render(ConversationView &view, LaneConversation &model, const QString &markdown, bool streamed);

    QTemporaryDir m_dir;
    std::unique_ptr<CanaryPipe> m_canary;
    QTcpServer m_server;
    int m_connections = 0;
};

void tst_HostileMarkdown::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_canary = std::make_unique<CanaryPipe>(m_dir.filePath(QStringLiteral("canary")));
    QVERIFY(m_canary->isValid());
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            socket->deleteLater();
        }
    });
}

void tst_HostileMarkdown::init()
{
    m_connections = 0;
    m_canary->watch();
}

void tst_HostileMarkdown::cleanup()
{
    m_canary->stop(); // when a row failed before checkSafe() stopped it
}

void tst_HostileMarkdown::finishedAnswer_data()
{
    const QString canary = m_dir.filePath(QStringLiteral("canary"));
    const QString canaryUrl = QUrl::fromLocalFile(canary).toString();
    const QString local = QStringLiteral("127.0.0.1:%1").arg(m_server.serverPort());
    // A 1×1 PNG, to tell "decoded" from "refused".
    const QString png = QStringLiteral(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    QTest::addColumn<QString>("markdown");
    QTest::addRow("file image") << QStringLiteral("Look: ![secret](%1)").arg(canaryUrl);
    QTest::addRow("path image") << QStringLiteral("![secret](%1) and ![rel](canary)").arg(canary);
    QTest::addRow("reference image") << QStringLiteral("![a][r]\n\n[r]: %1\n").arg(canaryUrl);
    QTest::addRow("dev zero image") << QStringLiteral("![z](/dev/zero) ![z2](file:///dev/zero) ![r](/dev/urandom)");
    QTest::addRow("remote image") << QStringLiteral("![track](http://%1/pixel.png) ![s](https://%1/p.png)").arg(local);
    QTest::addRow("remote image, reference")
        << QStringLiteral("![t][p]\n\n[p]: http://%1/ref.png \"title\"\n").arg(local);
    QTest::addRow("html img") << QStringLiteral("<img src=\"%1\"> <img src=\"http://%2/h.png\">").arg(canaryUrl, local);
    QTest::addRow("html script and style")
        << QStringLiteral("<script>alert(1)</script><style>body{display:none}</style><iframe src=\"http://%1/\">")
               .arg(local);
    QTest::addRow("javascript link") << QStringLiteral("[click me](javascript:alert(document.cookie))");
    QTest::addRow("data link") << QStringLiteral("[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
    QTest::addRow("data image") << QStringLiteral("![dot](data:image/png;base64,%1)").arg(png);
    QTest::addRow("file autolink") << QStringLiteral("<%1> and [here](%1)").arg(canaryUrl);
    QTest::addRow("1 MB single line") << repeated(QStringLiteral("word "), 200 * 1024);
    QTest::addRow("10000-deep list") << repeated(QStringLiteral("- "), 10000) + QStringLiteral("deep");
    QTest::addRow("10000-deep ordered list") << repeated(QStringLiteral("1. "), 10000) + QStringLiteral("deep");
    QTest::addRow("10000-deep blockquote") << repeated(QStringLiteral(">"), 10000) + QStringLiteral(" deep");
    QTest::addRow("10000-deep emphasis") << repeated(QStringLiteral("*_"), 5000) + QStringLiteral("x") +
                                                repeated(QStringLiteral("_*"), 5000);
    QTest::addRow("10000-deep brackets") << repeated(QStringLiteral("["), 10000) + QStringLiteral("x") +
                                                repeated(QStringLiteral("](u)"), 10000);
    QTest::addRow("table 1000x50") << hugeTable(1000, 50);
    QTest::addRow("invalid UTF-8") << QString::fromUtf8(
        "bad \xff\xfe bytes \xc0\xaf overlong \xed\xa0\x80 surrogate \xf4\x90\x80\x80 end [l](http://a.example/\xff)");
    QTest::addRow("lone surrogates") << QStringLiteral("a ") + QChar(0xd800) + QStringLiteral(" b ") + QChar(0xdc00) +
                                            QStringLiteral(" `") + QChar(0xdbff) + QStringLiteral("`");
    QTest::addRow("bidi controls in links")
        << QStringLiteral("[bank.example\u202Egnp.exe](http://evil.example/\u202Emoc.knab) "
                          "[\u2067x\u2069](https://a.example/\u200F\u202B) <http://b.example/\u2066y>");
    QTest::addRow("links to the window's own actions") << QStringLiteral(
        "[Regenerate](versus:regenerate?turn=0&x=1) [copy](versus:copy?turn=0&part=answer&x=1) "
        "[edit](VERSUS:edit?turn=0&x=1) <versus:image?turn=-1&index=0&x=1> "
        "[image](versus:image?turn=-1&index=0&x=1)\n\n| a |\n|---|\n| [r](versus:regenerate?x=1) |\n");
    QTest::addRow("huge code fence") << QStringLiteral("```cpp\n") +
                                            repeated(QStringLiteral("int x = 0; // <script>a</script>\n"), 30000) +
                                            QStringLiteral("```\n");
    QTest::addRow("unclosed code fence") << QStringLiteral("```\n") + repeated(QStringLiteral("<b>x</b>\n"), 5000);
    QTest::addRow("NUL bytes") << QStringLiteral("a") + QChar(0) + QStringLiteral("b [l\0k](http://a.example/") +
                                      QChar(0) + QStringLiteral(") `") + QChar(0) + QStringLiteral("`");
    QTest::addRow("very long URL") << QStringLiteral("[x](http://a.example/") + repeated(QStringLiteral("a"), 200000) +
                                          QStringLiteral(") <https://b.example/") +
                                          repeated(QStringLiteral("b"), 100000) + u'>';
    QTest::addRow("5000 images") << repeated(QStringLiteral("![i](%1) ![j](http://%2/x.png)\n").arg(canaryUrl, local),
                                             2500);
    QTest::addRow("10000 links") << repeated(QStringLiteral("[a](http://a.example/) "), 10000);
    QTest::addRow("100000 lines") << repeated(QStringLiteral("line\n"), 100000);
    QTest::addRow("html entities") << repeated(QStringLiteral("&#x202E;&#0;&lt;&#xFFFF;&#1114112;"), 2000);
}

void tst_HostileMarkdown::render(ConversationView &view, LaneConversation &model, const QString &markdown,
                                 bool streamed)
{
    LaneTurn turn;
    turn.prompt = QStringLiteral("prompt");
    turn.state = history::AnswerState::Streaming;
    model.appendTurn(turn);
    double startedMs = 0;
    if (streamed) {
        // What a lane's flushes show: the answer in pieces, a render after each. A flush
        // brings what came in 33 ms: 4 K characters is more than any provider streams in it.
        constexpr int kPieces = 32;
        const qsizetype piece = std::clamp<qsizetype>(markdown.size() / kPieces, 1, 4096);
        for (qsizetype at = 0; at < markdown.size(); at += piece) {
            ChatDelta delta;
            delta.text = markdown.mid(at, piece);
            startedMs = threadCpuMs();
            model.appendDelta(0, delta);
            view.syncStreaming();
            view.grab();
            const double elapsed = threadCpuMs() - startedMs;
            QVERIFY2(elapsed < kBudgetMs,
                     qPrintable(QStringLiteral("a flush at %1 took %2 ms of CPU").arg(at).arg(elapsed, 0, 'f', 1)));
        }
    }
    LaneResult result;
    result.chat.text = markdown;
    startedMs = threadCpuMs();
    model.finishTurn(0, result, history::AnswerState::Complete);
    view.grab(); // what the user sees: laid out and painted
    const double elapsed = threadCpuMs() - startedMs;
    QVERIFY2(elapsed < kBudgetMs,
             qPrintable(QStringLiteral("the finished answer took %1 ms of CPU").arg(elapsed, 0, 'f', 1)));
}

void tst_HostileMarkdown::checkSafe(ConversationView &view)
{
    QVERIFY(qobject_cast<SafeTextDocument *>(view.document()));
    QTest::qWait(20); // a request would have connected by now
    QVERIFY2(!m_canary->stop(), "the renderer opened the file the answer names");
    QCOMPARE(m_connections, 0);
    QVERIFY(!m_server.hasPendingConnections());
    QCOMPARE(imageFragments(view.document()), 0);
    // The answer's links to the window's own scheme were made plain text (they are marked x=1).
    for (const QString &href : anchors(view.document()))
        QVERIFY2(!href.contains(u"x=1"), qPrintable(href));
    // Links the view does not offer to open are not followed when clicked.
    int opened = 0;
    view.setLinkOpener([&opened](const QUrl &) { ++opened; });
    for (const QString &href : anchors(view.document())) {
        const QUrl url(href);
        if (SafeTextBrowser::isWebLink(url) || url.scheme() == u"versus")
            continue;
        Q_EMIT view.anchorClicked(url);
    }
    QCOMPARE(opened, 0);
    QVERIFY(view.findChildren<QMessageBox *>().isEmpty());
}

void tst_HostileMarkdown::finishedAnswer()
{
    QFETCH(QString, markdown);
    LaneConversation model;
    ConversationView view;
    view.resize(700, 600);
    view.setConversation(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    render(view, model, markdown, false);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!view.document()->isEmpty());
    checkSafe(view);
}

void tst_HostileMarkdown::streamedAnswer()
{
    QFETCH(QString, markdown);
    LaneConversation model;
    ConversationView view;
    view.resize(700, 600);
    view.setConversation(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    render(view, model, markdown, true);
    if (QTest::currentTestFailed())
        return;
    checkSafe(view);
}

// The limits that turn a hostile answer into plain text leave ordinary ones alone.
void tst_HostileMarkdown::ordinaryAnswersStayMarkdown()
{
    const QString answer =
        QStringLiteral("## Results\n\nSome **bold** text, `code` and [a link](https://a.example/).\n\n") +
        hugeTable(20, 5) + QStringLiteral("\n- one\n- two\n  - nested\n\n```cpp\nint x;\n```\n");
    QVERIFY(isCheapMarkdown(answer));
    LaneConversation model;
    ConversationView view;
    view.setConversation(&model);
    LaneTurn turn;
    turn.prompt = QStringLiteral("prompt");
    model.appendTurn(turn);
    LaneResult result;
    result.chat.text = answer;
    model.finishTurn(0, result, history::AnswerState::Complete);
    QTextDocument *document = view.document();
    int tables = 0;
    int lists = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.textList())
            ++lists;
    }
    for (QTextFrame *frame : document->rootFrame()->childFrames())
        tables += qobject_cast<QTextTable *>(frame) ? 1 : 0;
    QCOMPARE(tables, 1);
    QVERIFY(lists >= 3);
    QVERIFY(!document->toPlainText().contains(QStringLiteral("**bold**")));
    QVERIFY(!document->toPlainText().contains(QStringLiteral("Shown as plain text")));

    // The hostile kinds, each past one limit, are not.
    QVERIFY(!isCheapMarkdown(hugeTable(40, 5)));
    QVERIFY(!isCheapMarkdown(QString(repeated(QStringLiteral("- "), 9) + u'x')));
    QVERIFY(isCheapMarkdown(QString(repeated(QStringLiteral("- "), 8) + u'x')));
    QVERIFY(!isCheapMarkdown(QString(repeated(QStringLiteral("*"), 17) + u'x')));
    QVERIFY(!isCheapMarkdown(repeated(QStringLiteral("word "), 500)));
    QVERIFY(!isCheapMarkdown(repeated(QStringLiteral("line\n"), 151)));
    QVERIFY(isCheapMarkdown(repeated(QStringLiteral("line\n\n"), 150)));
    QVERIFY(isCheapMarkdown(
        QString(QStringLiteral("```\n") + repeated(QStringLiteral("|*_[\n"), 1000) + QStringLiteral("```\n"))));
}

QTEST_MAIN(tst_HostileMarkdown)
#include "tst_hostilemarkdown.moc"
