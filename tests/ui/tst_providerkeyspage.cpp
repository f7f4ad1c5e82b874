// SPDX-License-Identifier: GPL-3.0-or-later
// The Providers & Keys settings page, driven offscreen with mouse clicks and key presses,
// over an in-memory key store.
#include "secrets/memorykeystore.h"
#include "settings/providerkeyspage.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace versus;
using namespace versus::ui;
using namespace std::chrono_literals;

namespace {

const QString kGroqEnv = QStringLiteral("VERSUS_UITEST_GROQ_API_KEY");
const QString kOpenAiEnv = QStringLiteral("VERSUS_UITEST_OPENAI_API_KEY");

QList<KeyedProvider> providers()
{
    return {{QStringLiteral("groq"), QStringLiteral("Groq"), kGroqEnv, true},
            {QStringLiteral("openai"), QStringLiteral("OpenAI"), kOpenAiEnv, true}};
}

ApiKey key(const char *text)
{
    return ApiKey::fromUtf8(QByteArray(text));
}

std::optional<KeyResult> storedKey(MemoryKeyStore &store, const QString &id)
{
    QObject context;
    std::optional<KeyResult> answer;
    store.read(id, &context, [&answer](KeyResult r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
        return std::nullopt;
    return answer;
}

} // namespace

class tst_ProviderKeysPage : public QObject {
    Q_OBJECT

private:
    template<typename T>
    T *part(QWidget &page, const char *name, const QString &id)
    {
        return page.findChild<T *>(QLatin1String(name) + u'_' + id);
    }
    QLabel *status(QWidget &page, const QString &id) { return part<QLabel>(page, "status", id); }
    QLabel *message(QWidget &page, const QString &id) { return part<QLabel>(page, "message", id); }
    QLineEdit *entry(QWidget &page, const QString &id) { return part<QLineEdit>(page, "entry", id); }
    QPushButton *button(QWidget &page, const char *name, const QString &id)
    {
        return part<QPushButton>(page, name, id);
    }

    void store(MemoryKeyStore &keys, const QString &id, const ApiKey &value)
    {
        QObject context;
        bool done = false;
        keys.write(id, value, &context, [&done](KeyResult) { done = true; });
        QVERIFY(QTest::qWaitFor([&done] { return done; }, 5000));
    }

private Q_SLOTS:
    void init()
    {
        qunsetenv(kGroqEnv.toLatin1().constData());
        qunsetenv(kOpenAiEnv.toLatin1().constData());
        QGuiApplication::clipboard()->clear();
    }

    void rowsShowStatus()
    {
        MemoryKeyStore keys;
        store(keys, QStringLiteral("groq"), key("gsk_page_status_key_00001a2b"));
        qputenv(kOpenAiEnv.toLatin1().constData(), "sk-from-environment-0000e1e2");
        ProviderKeysPage page(&keys, providers());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        QVERIFY(status(page, QStringLiteral("groq")));
        QVERIFY(status(page, QStringLiteral("openai")));
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("stored"));
        QTRY_COMPARE(status(page, QStringLiteral("openai"))->text(), QStringLiteral("from environment"));
        // Only the masked form is shown anywhere.
        QVERIFY(entry(page, QStringLiteral("groq"))->placeholderText().contains(QStringLiteral("gsk_…1a2b")));
        QVERIFY(entry(page, QStringLiteral("groq"))->text().isEmpty());
        QVERIFY(status(page, QStringLiteral("openai"))->toolTip().contains(QStringLiteral("sk-…e1e2")));
        QVERIFY(!status(page, QStringLiteral("openai"))->toolTip().contains(QStringLiteral("environment-0000")));
        QCOMPARE(entry(page, QStringLiteral("groq"))->echoMode(), QLineEdit::Password);

        qunsetenv(kOpenAiEnv.toLatin1().constData());
        page.refresh();
        QTRY_COMPARE(status(page, QStringLiteral("openai"))->text(), QStringLiteral("missing"));
        QVERIFY(!button(page, "delete", QStringLiteral("openai"))->isEnabled());
        QVERIFY(button(page, "delete", QStringLiteral("groq"))->isEnabled());
    }

    void typingAndSaveStoresTheKey()
    {
        MemoryKeyStore keys;
        ProviderKeysPage page(&keys, providers());
        QSignalSpy changed(&page, &ProviderKeysPage::keyChanged);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("missing"));
        QPushButton *save = button(page, "save", QStringLiteral("groq"));
        QVERIFY(!save->isEnabled()); // nothing typed yet

        QTest::keyClicks(entry(page, QStringLiteral("groq")), QStringLiteral(" gsk_typed_in_the_page_0000t9t8 "));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);

        QTRY_VERIFY(keys.contains(QStringLiteral("groq")));
        auto stored = storedKey(keys, QStringLiteral("groq"));
        QVERIFY(stored);
        QVERIFY(stored->key.sameKeyAs(key("gsk_typed_in_the_page_0000t9t8")));
        QVERIFY(entry(page, QStringLiteral("groq"))->text().isEmpty());
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("stored"));
        QVERIFY(entry(page, QStringLiteral("groq"))->placeholderText().contains(QStringLiteral("gsk_…t9t8")));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!keys.contains(QStringLiteral("openai")));
    }

    void invalidKeyIsNotSaved_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("problem");
        QTest::addRow("two words") << QStringLiteral("gsk_one two") << QStringLiteral("whitespace");
        QTest::addRow("blank") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::addRow("non-ASCII") << QStringLiteral("gsk_clé") << QStringLiteral("printable");
    }

    void invalidKeyIsNotSaved()
    {
        QFETCH(QString, typed);
        QFETCH(QString, problem);
        MemoryKeyStore keys;
        ProviderKeysPage page(&keys, providers());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("missing"));
        // QTest::keyClicks() types ASCII only; paste the rest.
        bool ascii = true;
        for (QChar c : typed)
            ascii = ascii && c.unicode() < 0x80;
        if (ascii)
            QTest::keyClicks(entry(page, QStringLiteral("groq")), typed);
        else
            entry(page, QStringLiteral("groq"))->insert(typed);
        QTest::mouseClick(button(page, "save", QStringLiteral("groq")), Qt::LeftButton);
        QTRY_VERIFY(message(page, QStringLiteral("groq"))->text().contains(problem, Qt::CaseInsensitive));
        QVERIFY(!keys.contains(QStringLiteral("groq")));
        QCOMPARE(entry(page, QStringLiteral("groq"))->text(), typed); // kept for correcting
    }

    void revealTogglesEchoMode()
    {
        MemoryKeyStore keys;
        ProviderKeysPage page(&keys, providers());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QLineEdit *edit = entry(page, QStringLiteral("groq"));
        auto *reveal = part<QToolButton>(page, "reveal", QStringLiteral("groq"));
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        QCOMPARE(entry(page, QStringLiteral("openai"))->echoMode(), QLineEdit::Password);
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
    }

    void deleteAsksAndRemoves()
    {
        MemoryKeyStore keys;
        store(keys, QStringLiteral("groq"), key("gsk_page_delete_key_00001a2b"));
        ProviderKeysPage page(&keys, providers());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("stored"));
        QPushButton *remove = button(page, "delete", QStringLiteral("groq"));

        // Cancel keeps the key.
        QTest::mouseClick(remove, Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("confirmDelete"))) && box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("gsk_…1a2b")));
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!page.findChild<QMessageBox *>(QStringLiteral("confirmDelete")));
        QVERIFY(keys.contains(QStringLiteral("groq")));

        // Yes deletes it.
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("confirmDelete"))) && box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_VERIFY(!keys.contains(QStringLiteral("groq")));
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("missing"));
        QVERIFY(!remove->isEnabled());
    }

    void importFromEnvironment()
    {
        MemoryKeyStore keys;
        ProviderKeysPage page(&keys, providers());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QPushButton *import = button(page, "import", QStringLiteral("openai"));
        QTRY_COMPARE(status(page, QStringLiteral("openai"))->text(), QStringLiteral("missing"));
        QVERIFY(!import->isEnabled());

        qputenv(kOpenAiEnv.toLatin1().constData(), "  sk-imported-from-env-000i1i2\n");
        page.refresh();
        QTRY_VERIFY(import->isEnabled());
        QTest::mouseClick(import, Qt::LeftButton);
        QTRY_VERIFY(keys.contains(QStringLiteral("openai")));
        auto stored = storedKey(keys, QStringLiteral("openai"));
        QVERIFY(stored->key.sameKeyAs(key("sk-imported-from-env-000i1i2")));
        QTRY_VERIFY(message(page, QStringLiteral("openai"))->text().contains(kOpenAiEnv));
        QVERIFY(!keys.contains(QStringLiteral("groq")));
    }

    void copyMarksSecretAndClears()
    {
        MemoryKeyStore keys;
        ProviderKeysPage page(&keys, providers());
        page.setClipboardClearDelay(300ms);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::keyClicks(entry(page, QStringLiteral("groq")), QStringLiteral("gsk_copied_secret_000000c9c8"));
        QTest::mouseClick(part<QToolButton>(page, "copy", QStringLiteral("groq")), Qt::LeftButton);

        QClipboard *clipboard = QGuiApplication::clipboard();
        QCOMPARE(clipboard->text(), QStringLiteral("gsk_copied_secret_000000c9c8"));
        QCOMPARE(clipboard->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QTRY_VERIFY(clipboard->text().isEmpty());
    }

    void clipboardKeepsWhatTheUserCopiedLater()
    {
        MemoryKeyStore keys;
        ProviderKeysPage page(&keys, providers());
        page.setClipboardClearDelay(200ms);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::keyClicks(entry(page, QStringLiteral("groq")), QStringLiteral("gsk_copied_secret_000000c9c8"));
        QTest::mouseClick(part<QToolButton>(page, "copy", QStringLiteral("groq")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("gsk_copied_secret_000000c9c8"));
        QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
        QTest::qWait(600); // past the clear delay
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("something else"));
    }

    void keyboardCopyIsSecretAndHiddenKeyIsNotCopied()
    {
        MemoryKeyStore keys;
        ProviderKeysPage page(&keys, providers());
        page.setClipboardClearDelay(300ms);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QLineEdit *edit = entry(page, QStringLiteral("groq"));
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("gsk_keyboard_secret_0000k7k6"));

        // Hidden: Ctrl+C copies nothing.
        edit->selectAll();
        QTest::keySequence(edit, QKeySequence::Copy);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

        // Revealed: Ctrl+C copies, marked secret, and is cleared later.
        QTest::mouseClick(part<QToolButton>(page, "reveal", QStringLiteral("groq")), Qt::LeftButton);
        edit->selectAll();
        QTest::keySequence(edit, QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("gsk_keyboard_secret_0000k7k6"));
        QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
                 QByteArray("secret"));
        QTRY_VERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }

    void lockedKeyringIsShown()
    {
        MemoryKeyStore keys;
        store(keys, QStringLiteral("groq"), key("gsk_page_locked_key_00001a2b"));
        keys.setFailure(KeyStatus::Locked);
        ProviderKeysPage page(&keys, providers());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("keyring locked"));
        QVERIFY(status(page, QStringLiteral("groq"))->toolTip().contains(QStringLiteral("Unlock")));

        QTest::keyClicks(entry(page, QStringLiteral("groq")), QStringLiteral("gsk_new_key_while_locked_01"));
        QTest::mouseClick(button(page, "save", QStringLiteral("groq")), Qt::LeftButton);
        QTRY_VERIFY(message(page, QStringLiteral("groq"))->text().contains(QStringLiteral("locked")));
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("keyring locked"));

        keys.setFailure(std::nullopt);
        page.refresh();
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("stored"));
        auto stored = storedKey(keys, QStringLiteral("groq"));
        QVERIFY(stored->key.sameKeyAs(key("gsk_page_locked_key_00001a2b"))); // unchanged
    }

    void testButtonUsesTheKeyCheck()
    {
        MemoryKeyStore keys;
        store(keys, QStringLiteral("groq"), key("gsk_page_tested_key_00001a2b"));
        ProviderKeysPage page(&keys, providers());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QPushButton *test = button(page, "test", QStringLiteral("groq"));
        QTRY_COMPARE(status(page, QStringLiteral("groq"))->text(), QStringLiteral("stored"));
        QVERIFY(!test->isEnabled()); // no transport yet

        QStringList checkedProviders;
        QList<ApiKey> checkedKeys;
        page.setKeyCheck([&](const KeyedProvider &provider, const ApiKey &apiKey, QObject *context,
                             std::function<void(KeyCheckResult)> done) {
            checkedProviders.append(provider.id);
            checkedKeys.append(apiKey);
            KeyCheckResult result;
            result.outcome = apiKey.sameKeyAs(key("gsk_page_tested_key_00001a2b")) ? KeyCheckResult::Outcome::Valid
                                                                                   : KeyCheckResult::Outcome::Invalid;
            result.httpStatus = result.outcome == KeyCheckResult::Outcome::Valid ? 200 : 401;
            QMetaObject::invokeMethod(
                context, [done, result] { done(result); }, Qt::QueuedConnection);
        });
        QTRY_VERIFY(test->isEnabled());

        // The stored key.
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY(message(page, QStringLiteral("groq"))->text().startsWith(QStringLiteral("valid")));
        QCOMPARE(checkedProviders, QStringList{QStringLiteral("groq")});
        QVERIFY(checkedKeys.constFirst().sameKeyAs(key("gsk_page_tested_key_00001a2b")));

        // The key being typed, before saving it.
        QTest::keyClicks(entry(page, QStringLiteral("groq")), QStringLiteral("gsk_wrong_key_typed_000w1w2"));
        QTRY_VERIFY(test->isEnabled());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY(message(page, QStringLiteral("groq"))->text().startsWith(QStringLiteral("invalid")));
        QVERIFY(message(page, QStringLiteral("groq"))->text().contains(QStringLiteral("401")));
        QCOMPARE(checkedKeys.size(), 2);
        QVERIFY(checkedKeys.at(1).sameKeyAs(key("gsk_wrong_key_typed_000w1w2")));
        QVERIFY(!message(page, QStringLiteral("groq"))->text().contains(QStringLiteral("wrong_key")));
    }
};

QTEST_MAIN(tst_ProviderKeysPage)
#include "tst_providerkeyspage.moc"
