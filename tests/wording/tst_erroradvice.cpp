// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/providerregistry.h"
#include "wording/erroradvice.h"

#include <QTest>

using namespace versus;

class TestErrorAdvice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void adviceFitsWhereItIsRead();
};

void TestErrorAdvice::adviceFitsWhereItIsRead()
{
    auto registry = ProviderRegistry::createDefault();
    const ProviderInfo &groq = registry->find(QStringLiteral("groq"))->info();
    const ChatError auth = ChatError::make(ErrorKind::Auth, QStringLiteral("Invalid API Key"), 401);
    const QString cli = errorAdvice(auth, groq);
    QVERIFY2(cli.contains(u"versus-cli keys set groq") && cli.contains(u"GROQ_API_KEY"), qPrintable(cli));
    const QString app = errorAdvice(auth, groq, AdviceFor::App);
    QVERIFY2(app.contains(u"Providers & Keys") && !app.contains(u"versus-cli"), qPrintable(app));
    for (ErrorKind kind : {ErrorKind::NotFound, ErrorKind::Timeout, ErrorKind::RateLimit, ErrorKind::Quota}) {
        const QString text = errorAdvice(ChatError::make(kind, QStringLiteral("x")), groq, AdviceFor::App);
        QVERIFY2(!text.isEmpty() && !text.contains(u"versus-cli") && !text.contains(u"--"), qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(TestErrorAdvice)
#include "tst_erroradvice.moc"
