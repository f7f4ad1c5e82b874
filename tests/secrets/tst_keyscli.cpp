// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli keys, run as a process against the throw-away keyring of
// tests/support/with-keyring.sh.
#include "keyringcontrol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QByteArray all() const { return out + err; }
};

const QStringList kEnvVars{QStringLiteral("GROQ_API_KEY"),     QStringLiteral("TOGETHER_API_KEY"),
                           QStringLiteral("DEEPSEEK_API_KEY"), QStringLiteral("SYNESIA_API_KEY"),
                           QStringLiteral("OPENAI_API_KEY"),   QStringLiteral("OPENROUTER_API_KEY"),
                           QStringLiteral("MISTRAL_API_KEY")};

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : kEnvVars)
        env.remove(name);
    return env;
}

CliRun runCli(const QStringList &args, const QByteArray &input = QByteArray(),
              const QProcessEnvironment &env = cliEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VERSUS_CLI), args);
    CliRun run;
    if (!process.waitForStarted())
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/// The row of @p provider in `keys list --json`, or an empty object.
QJsonObject listRow(const QByteArray &json, const QString &provider)
{
    const QJsonArray keys = QJsonDocument::fromJson(json).object().value(QStringLiteral("keys")).toArray();
    for (const QJsonValue &row : keys) {
        if (row.toObject().value(QStringLiteral("provider")).toString() == provider)
            return row.toObject();
    }
    return QJsonObject();
}

} // namespace

class tst_KeysCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (KeyringControl::keyringTestsDisabled())
            QSKIP("VERSUS_NO_KEYRING_TESTS=1: the real-keychain tests were skipped on purpose.");
        const QString problem = KeyringControl::problemWithTestKeyring();
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
    }

    void init()
    {
        for (const char *provider : {"groq", "openai", "together"})
            QCOMPARE(runCli({QStringLiteral("keys"), QStringLiteral("delete"), QString::fromLatin1(provider)}).exitCode,
                     0);
    }

    void cleanup()
    {
        if (KeyringControl::isLoginLocked())
            QVERIFY(KeyringControl::unlockLogin());
    }

    void setListDelete()
    {
        const QByteArray key = "gsk_cli_round_trip_secret_77e1a2b";
        const CliRun set = runCli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("groq")}, key + '\n');
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.contains("gsk_\xe2\x80\xa6"
                                 "1a2b"));
        QVERIFY(!set.all().contains(key));

        const CliRun list = runCli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QJsonParseError error;
        QJsonDocument::fromJson(list.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject groq = listRow(list.out, QStringLiteral("groq"));
        QCOMPARE(groq.value(QStringLiteral("stored")).toBool(), true);
        QCOMPARE(groq.value(QStringLiteral("source")).toString(), QStringLiteral("keychain"));
        QCOMPARE(groq.value(QStringLiteral("masked")).toString(), QStringLiteral("gsk_…1a2b"));
        // Never more of the key than its last four characters.
        QVERIFY(!list.all().contains(key.right(5)));
        const QJsonObject openai = listRow(list.out, QStringLiteral("openai"));
        QCOMPARE(openai.value(QStringLiteral("stored")).toBool(), false);
        QCOMPARE(openai.value(QStringLiteral("source")).toString(), QStringLiteral("none"));
        QVERIFY(openai.value(QStringLiteral("masked")).isNull());

        const CliRun people = runCli({QStringLiteral("keys"), QStringLiteral("list")});
        QCOMPARE(people.exitCode, 0);
        QVERIFY(people.out.contains("gsk_\xe2\x80\xa6"
                                    "1a2b"));
        QVERIFY(!people.all().contains(key.right(5)));

        const CliRun remove = runCli({QStringLiteral("keys"), QStringLiteral("delete"), QStringLiteral("groq")});
        QCOMPARE(remove.exitCode, 0);
        const CliRun after = runCli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject gone = listRow(after.out, QStringLiteral("groq"));
        QCOMPARE(gone.value(QStringLiteral("stored")).toBool(), false);
        QCOMPARE(gone.value(QStringLiteral("source")).toString(), QStringLiteral("none"));
        QVERIFY(gone.value(QStringLiteral("masked")).isNull());
    }

    void environmentWins()
    {
        QCOMPARE(runCli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("groq")},
                        "gsk_keychain_secret_00000k1k2")
                     .exitCode,
                 0);
        QProcessEnvironment env = cliEnvironment();
        env.insert(QStringLiteral("GROQ_API_KEY"), QStringLiteral("gsk_environment_secret_0e1e2"));
        const CliRun list = runCli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")}, {}, env);
        QCOMPARE(list.exitCode, 0);
        const QJsonObject groq = listRow(list.out, QStringLiteral("groq"));
        QCOMPARE(groq.value(QStringLiteral("source")).toString(), QStringLiteral("env"));
        QCOMPARE(groq.value(QStringLiteral("masked")).toString(), QStringLiteral("gsk_…e1e2"));
        QCOMPARE(groq.value(QStringLiteral("stored")).toBool(), true);
        QVERIFY(!list.all().contains("environment_secret"));
        QVERIFY(!list.all().contains("keychain_secret"));

        // Without the variable the stored key is used again.
        const CliRun plain = runCli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listRow(plain.out, QStringLiteral("groq")).value(QStringLiteral("source")).toString(),
                 QStringLiteral("keychain"));
    }

    void keyOnCommandLineIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("positional") << QStringList{QStringLiteral("keys"), QStringLiteral("set"),
                                                   QStringLiteral("groq"),
                                                   QStringLiteral("gsk_argv_secret_00000000a9a9")};
        QTest::addRow("option") << QStringList{QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("groq"),
                                               QStringLiteral("--key=gsk_argv_secret_00000000a9a9")};
        QTest::addRow("before provider") << QStringList{QStringLiteral("keys"), QStringLiteral("set"),
                                                        QStringLiteral("gsk_argv_secret_00000000a9a9"),
                                                        QStringLiteral("groq")};
    }

    void keyOnCommandLineIsRefused()
    {
        QFETCH(QStringList, args);
        // Even with a valid key on stdin, the command must not run.
        const CliRun run = runCli(args, "gsk_stdin_secret_000000000b1b2\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("never from the command line"));
        QVERIFY(!run.all().contains("argv_secret"));
        const CliRun list = runCli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listRow(list.out, QStringLiteral("groq")).value(QStringLiteral("stored")).toBool(), false);
    }

    void standardInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("masked"); // empty when refused
        QTest::addRow("echo") << QByteArray("gsk_input_secret_000000000c1c2\n") << 0 << QStringLiteral("gsk_…c1c2");
        QTest::addRow("printf") << QByteArray("gsk_input_secret_000000000c1c2") << 0 << QStringLiteral("gsk_…c1c2");
        QTest::addRow("CRLF") << QByteArray("gsk_input_secret_000000000c1c2\r\n") << 0 << QStringLiteral("gsk_…c1c2");
        QTest::addRow("empty") << QByteArray() << 2 << QString();
        QTest::addRow("only a newline") << QByteArray("\n") << 2 << QString();
        QTest::addRow("inner space") << QByteArray("gsk_input secret_00000000c1c2\n") << 2 << QString();
        QTest::addRow("two lines") << QByteArray("gsk_input_secret_0000000c1c2\ngsk_second_line_000000d1d2\n") << 2
                                   << QString();
        QTest::addRow("two newlines") << QByteArray("gsk_input_secret_000000000c1c2\n\n") << 2 << QString();
        QTest::addRow("trailing space") << QByteArray("gsk_input_secret_000000000c1c2 \n") << 2 << QString();
        QTest::addRow("leading tab") << QByteArray("\tgsk_input_secret_000000000c1c2") << 2 << QString();
    }

    void standardInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, masked);
        const CliRun set = runCli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("groq")}, input);
        QCOMPARE(set.exitCode, exitCode);
        QVERIFY(!set.all().contains("input_secret"));
        QVERIFY(!set.all().contains("input secret"));
        if (exitCode != 0)
            QVERIFY(!set.err.isEmpty());
        const CliRun list = runCli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject groq = listRow(list.out, QStringLiteral("groq"));
        QCOMPARE(groq.value(QStringLiteral("stored")).toBool(), !masked.isEmpty());
        if (!masked.isEmpty())
            QCOMPARE(groq.value(QStringLiteral("masked")).toString(), masked);
    }

    void hiddenInputOnTerminal()
    {
        // util-linux `script` gives the CLI a pseudo-terminal as stdin; what the terminal
        // echoes comes back on its stdout.
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty())
            QSKIP("util-linux 'script' is not installed: cannot give the CLI a terminal");
        const QByteArray key = "gsk_terminal_secret_0000000t1t2";
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(script, {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
                               QStringLiteral(VERSUS_CLI " keys set groq"), QStringLiteral("/dev/null")});
        QVERIFY(process.waitForStarted());
        QByteArray output;
        // Type only once the prompt is there: echo is off by then.
        QTRY_VERIFY_WITH_TIMEOUT((output += process.readAll()).contains("input hidden"), 20000);
        process.write(key + '\n');
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20000);
        output += process.readAll();
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(!output.contains(key.left(12)), output.constData());
        QVERIFY2(output.contains("gsk_\xe2\x80\xa6t1t2"), output.constData());
    }

    void lockedKeyringIsReportedAsLocked()
    {
        QCOMPARE(runCli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("groq")},
                        "gsk_locked_cli_secret_0000l1l2")
                     .exitCode,
                 0);
        QVERIFY(KeyringControl::lockLogin());
        const CliRun list = runCli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 1);
        const QJsonObject groq = listRow(list.out, QStringLiteral("groq"));
        QCOMPARE(groq.value(QStringLiteral("keychain")).toString(), QStringLiteral("locked"));
        QCOMPARE(groq.value(QStringLiteral("stored")).toBool(), true);
        QCOMPARE(listRow(list.out, QStringLiteral("openai")).value(QStringLiteral("keychain")).toString(),
                 QStringLiteral("not_stored"));
        QVERIFY(list.err.contains("locked"));

        const CliRun people = runCli({QStringLiteral("keys"), QStringLiteral("list")});
        QVERIFY(people.out.contains("keyring locked"));

        const CliRun remove = runCli({QStringLiteral("keys"), QStringLiteral("delete"), QStringLiteral("groq")});
        QCOMPARE(remove.exitCode, 1);
        QVERIFY(remove.err.contains("locked"));
        QVERIFY(KeyringControl::unlockLogin());
        const CliRun after = runCli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listRow(after.out, QStringLiteral("groq")).value(QStringLiteral("masked")).toString(),
                 QStringLiteral("gsk_…l1l2"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("no action") << QStringList{QStringLiteral("keys")};
        QTest::addRow("unknown action") << QStringList{QStringLiteral("keys"), QStringLiteral("show")};
        QTest::addRow("set without provider") << QStringList{QStringLiteral("keys"), QStringLiteral("set")};
        QTest::addRow("unknown provider")
            << QStringList{QStringLiteral("keys"), QStringLiteral("delete"), QStringLiteral("nosuchprovider")};
        QTest::addRow("list extra") << QStringList{QStringLiteral("keys"), QStringLiteral("list"),
                                                   QStringLiteral("groq")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("Usage:"));
        QVERIFY(run.out.isEmpty());
    }

    void testWithoutKeyFails()
    {
        const CliRun run = runCli({QStringLiteral("keys"), QStringLiteral("test"), QStringLiteral("groq")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("keys set groq"));
        QVERIFY(run.err.contains("GROQ_API_KEY"));
    }
};

QTEST_GUILESS_MAIN(tst_KeysCli)
#include "tst_keyscli.moc"
