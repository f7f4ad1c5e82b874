// SPDX-License-Identifier: GPL-3.0-or-later
// versus-test-mcp: a small MCP server for the tests of core/mcp. stdio by default,
// Streamable HTTP with --http PORT. See testserver.cpp for its tools.
#include "httpfront.h"
#include "testserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using versus::test::McpServerOptions;
using versus::test::McpTestServer;

namespace {

void writeStdout(const QByteArray &line)
{
    const QByteArray data = line + '\n';
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, data.constData() + done, size_t(data.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

/// Newline-delimited JSON-RPC on stdin/stdout; quits at the end of stdin (unless @p stubborn:
/// then it stays, as a badly written server does, until it is killed).
void serveStdio(McpTestServer *server, bool stubborn)
{
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, server);
    auto buffer = std::make_shared<QByteArray>();
    const auto sink = [](const QByteArray &frame, bool) { writeStdout(frame); };
    server->setNotifier(sink);
    QObject::connect(notifier, &QSocketNotifier::activated, server, [server, notifier, buffer, sink, stubborn] {
        char chunk[65536];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            notifier->setEnabled(false);
            if (!stubborn)
                QCoreApplication::quit();
            return;
        }
        buffer->append(chunk, n);
        qsizetype end;
        while ((end = buffer->indexOf('\n')) >= 0) {
            const QByteArray line = buffer->left(end).trimmed();
            buffer->remove(0, end + 1);
            if (line.isEmpty())
                continue;
            server->log(line);
            const QJsonDocument document = QJsonDocument::fromJson(line);
            if (!document.isObject()) {
                std::fprintf(stderr, "not a JSON object: %s\n", line.left(200).constData());
                continue;
            }
            server->handle(document.object(), sink, true);
        }
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption http(u"http"_s, u"Streamable HTTP on 127.0.0.1:PORT (0: any)"_s, u"PORT"_s);
    const QCommandLineOption sse(u"sse"_s, u"HTTP: answer every request with an event stream"_s);
    const QCommandLineOption pageSize(u"page-size"_s, u"tools/list page size"_s, u"N"_s);
    const QCommandLineOption protocol(u"protocol"_s, u"protocol version to answer"_s, u"VERSION"_s);
    const QCommandLineOption listChanged(u"list-changed-after-ms"_s, u"add tool late, send list_changed"_s, u"N"_s);
    const QCommandLineOption stderrLines(u"stderr-lines"_s, u"lines written to stderr at start"_s, u"N"_s);
    const QCommandLineOption log(u"log"_s, u"append every message received to FILE"_s, u"FILE"_s);
    const QCommandLineOption bearer(u"require-bearer"_s, u"HTTP: 401 without this bearer token"_s, u"TOKEN"_s);
    const QCommandLineOption stubborn(u"stubborn"_s,
                                      u"stdio: ignore the end of stdin and SIGTERM (only SIGKILL ends it)"_s);
    const QCommandLineOption logEnvironment(u"log-environment"_s, u"log the environment it was started with"_s);
    parser.addOptions({http, sse, pageSize, protocol, listChanged, stderrLines, log, bearer, stubborn, logEnvironment});
    parser.process(app);

    McpServerOptions options;
    options.httpPort = parser.isSet(http) ? parser.value(http).toInt() : -1;
    options.sse = parser.isSet(sse);
    options.pageSize = parser.value(pageSize).toInt();
    options.protocol = parser.value(protocol);
    options.listChangedAfterMs = parser.isSet(listChanged) ? parser.value(listChanged).toInt() : -1;
    options.stderrLines = parser.value(stderrLines).toInt();
    options.logPath = parser.value(log);
    options.requireBearer = parser.value(bearer).toUtf8();

    for (int i = 1; i <= options.stderrLines; ++i)
        std::fprintf(stderr, "stderr line %d\n", i);
    std::fflush(stderr);

    if (parser.isSet(stubborn))
        std::signal(SIGTERM, SIG_IGN);
    McpTestServer server(options);
    if (parser.isSet(logEnvironment)) {
        QJsonObject environment;
        for (const QString &line : QProcessEnvironment::systemEnvironment().toStringList())
            environment.insert(line.section(u'=', 0, 0), line.section(u'=', 1));
        server.log(QJsonDocument(QJsonObject{{u"environment"_s, environment}}).toJson(QJsonDocument::Compact));
    }
    if (options.httpPort >= 0) {
        auto *front = new versus::test::HttpFront(&server, &server);
        if (!front->listen(quint16(options.httpPort))) {
            std::fprintf(stderr, "cannot listen on port %d\n", options.httpPort);
            return 2;
        }
    } else {
        serveStdio(&server, parser.isSet(stubborn));
    }
    return app.exec();
}
