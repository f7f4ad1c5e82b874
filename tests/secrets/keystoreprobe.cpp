// SPDX-License-Identifier: GPL-3.0-or-later
// keystoreprobe: runs KeychainStore operations one after the other and prints each result,
// so that tests can use the keychain from a child process with another D-Bus environment.
//   keystoreprobe [--service S] [--registry FILE] [--watchdog-ms N] OP PROVIDER [OP PROVIDER]...
// OP is read, write or remove; write reads the key from stdin (one key for all writes).
// For each operation: "status=<id>", "label=", "message=", "detail=" lines and, after a
// read that found a key, "masked=<redacted key>"; never the key itself.
#include "secrets/keychainstore.h"
#include "secrets/keyinput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace versus;

namespace {

struct Run {
    KeychainStore *store = nullptr;
    QStringList steps; // op, provider, op, provider, ...
    ApiKey key;
    qsizetype next = 0;

    void step(QCoreApplication &app)
    {
        if (next >= steps.size()) {
            app.exit(0);
            return;
        }
        const QString operation = steps.at(next);
        const QString provider = steps.at(next + 1);
        next += 2;
        auto report = [this, &app](KeyResult result) {
            QTextStream out(stdout);
            out << "status=" << keyStatusId(result.status) << '\n'
                << "label=" << keyStatusLabel(result.status) << '\n'
                << "message=" << keyStatusMessage(result) << '\n'
                << "detail=" << result.detail << '\n';
            if (result.hasKey())
                out << "masked=" << result.key.redacted() << '\n';
            out.flush();
            step(app);
        };
        if (operation == u"read")
            store->read(provider, &app, report);
        else if (operation == u"write")
            store->write(provider, key, &app, report);
        else
            store->remove(provider, &app, report);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption serviceOption(QStringLiteral("service"), QStringLiteral("keychain service"),
                                           QStringLiteral("name"), QStringLiteral("versus"));
    const QCommandLineOption registryOption(QStringLiteral("registry"), QStringLiteral("registry file"),
                                            QStringLiteral("file"));
    const QCommandLineOption watchdogOption(QStringLiteral("watchdog-ms"), QStringLiteral("watchdog"),
                                            QStringLiteral("ms"), QStringLiteral("10000"));
    parser.addOptions({serviceOption, registryOption, watchdogOption});
    parser.addPositionalArgument(QStringLiteral("operation"), QStringLiteral("read, write or remove"));
    parser.addPositionalArgument(QStringLiteral("provider"), QStringLiteral("provider id"));
    parser.process(app);

    Run run;
    run.steps = parser.positionalArguments();
    if (run.steps.isEmpty() || run.steps.size() % 2 != 0)
        parser.showHelp(2);
    for (qsizetype i = 0; i < run.steps.size(); i += 2) {
        const QString &op = run.steps.at(i);
        if (op != u"read" && op != u"write" && op != u"remove")
            parser.showHelp(2);
        if (op == u"write" && run.key.isEmpty()) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                return 1;
            auto key = parseKeyInput(in.readAll(), KeyInputTrim::Trailing);
            if (!key) {
                QTextStream(stderr) << key.error() << '\n';
                return 2;
            }
            run.key = std::move(*key);
        }
    }

    KeychainStore::Options options;
    options.service = parser.value(serviceOption);
    options.registryPath = parser.value(registryOption);
    options.watchdog = std::chrono::milliseconds(parser.value(watchdogOption).toInt());
    KeychainStore store(options);
    run.store = &store;
    run.step(app);
    return app.exec();
}
