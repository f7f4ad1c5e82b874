// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/apikey.h"
#include "secrets/keyinput.h"

#include <QTest>

using namespace versus;

class tst_KeyInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("trim");            // KeyInputTrim
        QTest::addColumn<QByteArray>("expected"); // empty: rejected
        QTest::addColumn<QString>("problem");     // a word of the rejection message

        const int trailing = int(KeyInputTrim::Trailing);
        const int surrounding = int(KeyInputTrim::Surrounding);
        QTest::addRow("plain") << QByteArray("gsk_abc123") << trailing << QByteArray("gsk_abc123") << QString();
        QTest::addRow("echo newline") << QByteArray("gsk_abc123\n") << trailing << QByteArray("gsk_abc123")
                                      << QString();
        QTest::addRow("CRLF") << QByteArray("gsk_abc123\r\n") << trailing << QByteArray("gsk_abc123") << QString();
        QTest::addRow("two newlines") << QByteArray("gsk_abc123\n\n") << trailing << QByteArray()
                                      << QStringLiteral("whitespace");
        QTest::addRow("two lines") << QByteArray("gsk_abc\n123\n") << trailing << QByteArray()
                                   << QStringLiteral("line break");
        QTest::addRow("inner space") << QByteArray("gsk_abc 123") << trailing << QByteArray()
                                     << QStringLiteral("whitespace");
        QTest::addRow("trailing space") << QByteArray("gsk_abc123 \n") << trailing << QByteArray()
                                        << QStringLiteral("whitespace");
        QTest::addRow("tab") << QByteArray("gsk_abc\t123") << trailing << QByteArray() << QStringLiteral("whitespace");
        QTest::addRow("empty") << QByteArray() << trailing << QByteArray() << QStringLiteral("empty");
        QTest::addRow("only newline") << QByteArray("\n") << trailing << QByteArray() << QStringLiteral("empty");
        QTest::addRow("control character") << QByteArray("gsk_abc\x01"
                                                         "123")
                                           << trailing << QByteArray() << QStringLiteral("printable");
        QTest::addRow("non-ASCII") << QByteArray("gsk_abc\xc3\xa9") << trailing << QByteArray()
                                   << QStringLiteral("printable");
        QTest::addRow("too long") << QByteArray(5000, 'a') << trailing << QByteArray() << QStringLiteral("too long");
        QTest::addRow("pasted with spaces")
            << QByteArray("  sk-abc123 \t\n") << surrounding << QByteArray("sk-abc123") << QString();
        QTest::addRow("pasted, inner space")
            << QByteArray(" sk-abc 123 ") << surrounding << QByteArray() << QStringLiteral("whitespace");
        QTest::addRow("pasted, blank") << QByteArray(" \n ") << surrounding << QByteArray() << QStringLiteral("empty");
    }

    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, trim);
        QFETCH(QByteArray, expected);
        QFETCH(QString, problem);
        auto result = parseKeyInput(QByteArray(input), KeyInputTrim(trim));
        if (expected.isEmpty()) {
            QVERIFY(!result.has_value());
            QVERIFY2(result.error().contains(problem, Qt::CaseInsensitive), qPrintable(result.error()));
            // The message never repeats the input.
            if (input.size() > 3)
                QVERIFY(!result.error().contains(QString::fromLatin1(input.trimmed())));
        } else {
            QVERIFY2(result.has_value(), result.has_value() ? "" : qPrintable(result.error()));
            QVERIFY(result->sameKeyAs(ApiKey::fromUtf8(expected)));
        }
    }

    void wipeBytesLeavesOtherOwnersAlone()
    {
        const QByteArray original("secret-bytes");
        QByteArray shared = original;
        wipeBytes(shared);
        QVERIFY(shared.isEmpty());
        QCOMPARE(original, QByteArray("secret-bytes"));
    }

    void redacted_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("redacted");
        QTest::addRow("groq") << QByteArray("gsk_0123456789abcdefa1b2") << QStringLiteral("gsk_…a1b2");
        QTest::addRow("openai") << QByteArray("sk-proj-0123456789abcdef9z8y") << QStringLiteral("sk-…9z8y");
        QTest::addRow("no prefix") << QByteArray("0123456789abcdefWXYZ") << QStringLiteral("…WXYZ");
        QTest::addRow("short") << QByteArray("short") << QStringLiteral("…");
        QTest::addRow("empty") << QByteArray() << QString();
    }

    void redacted()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, redacted);
        const ApiKey apiKey = ApiKey::fromUtf8(key);
        QCOMPARE(apiKey.redacted(), redacted);
        if (key.size() >= 12) // the middle of the key never shows
            QVERIFY(!apiKey.redacted().contains(QString::fromLatin1(key.left(key.size() - 4).mid(4))));
    }

    void clearAndMove()
    {
        ApiKey a = ApiKey::fromUtf8(QByteArray("gsk_0123456789abcdefa1b2"));
        ApiKey copy = a;
        a.clear();
        QVERIFY(a.isEmpty());
        QVERIFY(!copy.isEmpty()); // a shared buffer is not wiped under another owner
        ApiKey moved = std::move(copy);
        QVERIFY(copy.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from keys are empty by contract
        QVERIFY(moved.sameKeyAs(ApiKey::fromUtf8(QByteArray("gsk_0123456789abcdefa1b2"))));
    }
};

QTEST_APPLESS_MAIN(tst_KeyInput)
#include "tst_keyinput.moc"
