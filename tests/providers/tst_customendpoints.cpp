// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Custom endpoints in core: the user's providers.json edited in place (every other
// entry and member kept), the validation words, and the registry reading the file again.
#include "providers/customendpoints.h"
#include "providers/providerregistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;

Q_DECLARE_METATYPE(versus::CustomEndpoint)

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
}

CustomEndpoint gateway()
{
    CustomEndpoint endpoint;
    endpoint.id = QStringLiteral("gateway");
    endpoint.name = QStringLiteral("Company gateway");
    endpoint.baseUrl = QUrl(QStringLiteral("https://llm.example.com/v1"));
    endpoint.keyRequired = true;
    endpoint.models = {QStringLiteral("small"), QStringLiteral("large")};
    return endpoint;
}

// A file written by hand: a top-level comment member, an Anthropic-dialect entry, and an
// OpenAI-compatible one with members the editor does not show.
const QByteArray kHandWritten = "{\n"
                                "  \"_comment\": \"mine\",\n"
                                "  \"providers\": [\n"
                                "    {\"id\": \"claude-proxy\", \"name\": \"Claude proxy\", \"dialect\": "
                                "\"anthropic\", \"base_url\": \"https://claude.example.com/v1\"},\n"
                                "    {\"id\": \"gateway\", \"name\": \"Gateway\", \"base_url\": "
                                "\"https://old.example.com/v1\", \"_note\": \"keep me\",\n"
                                "     \"capabilities\": {\"vision\": true},\n"
                                "     \"models\": [{\"id\": \"small\", \"context_window\": 8192}, \"old-model\"]}\n"
                                "  ]\n"
                                "}";

} // namespace

class tst_CustomEndpoints : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void idFromName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::addRow("words") << QStringLiteral("My Proxy (EU)") << QStringLiteral("my-proxy-eu");
        QTest::addRow("accents") << QStringLiteral("Serveur Élysée") << QStringLiteral("serveur-elysee");
        QTest::addRow("kept punctuation") << QStringLiteral("vllm.local_2") << QStringLiteral("vllm.local_2");
        QTest::addRow("leading junk") << QStringLiteral("  --Gateway!") << QStringLiteral("gateway");
        QTest::addRow("nothing usable") << QStringLiteral("!!!") << QString();
    }
    void idFromName()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QCOMPARE(endpointIdFromName(name), id);
    }

    void validation_data()
    {
        QTest::addColumn<CustomEndpoint>("endpoint");
        QTest::addColumn<QString>("problem"); // a word of the message; empty = valid
        CustomEndpoint ok = gateway();
        QTest::addRow("valid") << ok << QString();
        CustomEndpoint http = ok;
        http.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
        QTest::addRow("plain http") << http << QString();
        CustomEndpoint noName = ok;
        noName.name = QStringLiteral("  ");
        QTest::addRow("no name") << noName << QStringLiteral("name");
        CustomEndpoint badId = ok;
        badId.id = QStringLiteral("My Gateway");
        QTest::addRow("bad id") << badId << QStringLiteral("id");
        CustomEndpoint builtIn = ok;
        builtIn.id = QStringLiteral("groq");
        QTest::addRow("built-in id") << builtIn << QStringLiteral("built-in");
        CustomEndpoint taken = ok;
        taken.id = QStringLiteral("taken");
        QTest::addRow("taken id") << taken << QStringLiteral("already");
        CustomEndpoint ftp = ok;
        ftp.baseUrl = QUrl(QStringLiteral("ftp://llm.example.com/v1"));
        QTest::addRow("ftp") << ftp << QStringLiteral("http://");
        CustomEndpoint relative = ok;
        relative.baseUrl = QUrl(QStringLiteral("llm.example.com/v1"));
        QTest::addRow("no scheme") << relative << QStringLiteral("http://");
        CustomEndpoint password = ok;
        password.baseUrl = QUrl(QStringLiteral("https://user:secret@llm.example.com/v1"));
        QTest::addRow("password in URL") << password << QStringLiteral("keychain");
        CustomEndpoint query = ok;
        query.baseUrl = QUrl(QStringLiteral("https://llm.example.com/v1?key=abc"));
        QTest::addRow("query in URL") << query << QStringLiteral("keychain");
        CustomEndpoint emptyModel = ok;
        emptyModel.models << QStringLiteral(" ");
        QTest::addRow("empty model") << emptyModel << QStringLiteral("model");
    }
    void validation()
    {
        QFETCH(CustomEndpoint, endpoint);
        QFETCH(QString, problem);
        const QString words = validateEndpoint(endpoint, {QStringLiteral("taken")});
        if (problem.isEmpty())
            QVERIFY2(words.isEmpty(), qPrintable(words));
        else
            QVERIFY2(words.contains(problem, Qt::CaseInsensitive), qPrintable(words));
    }

    void missingFileReadsEmptyAndIsCreated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/versus/providers.json"));
        auto file = CustomEndpointFile::read(path);
        QVERIFY(file);
        QVERIFY(file->endpoints().isEmpty());
        file->upsert(QString(), gateway());
        QVERIFY(file->write(path));
        auto again = CustomEndpointFile::read(path);
        QVERIFY(again);
        QCOMPARE(again->endpoints(), QList<CustomEndpoint>{gateway()});
        // The registry reads what was written, and no key is in the file.
        ProviderRegistry registry;
        QVERIFY(registry.loadCatalogFile(path, QStringLiteral("user")));
        QVERIFY2(registry.problems().isEmpty(), qPrintable(registry.problems().value(0).toString()));
        const Provider *provider = registry.find(QStringLiteral("gateway"));
        QVERIFY(provider);
        QCOMPARE(provider->info().displayName, QStringLiteral("Company gateway"));
        QCOMPARE(provider->info().defaultBaseUrl, QUrl(QStringLiteral("https://llm.example.com/v1")));
        QVERIFY(provider->info().keyRequired);
        QCOMPARE(provider->info().keyEnvVar, QStringLiteral("GATEWAY_API_KEY"));
        QCOMPARE(provider->info().models.size(), 2);
        QVERIFY(!readAll(path).contains("key\":"));
    }

    void editKeepsWhatTheEditorDoesNotShow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("providers.json"));
        writeAll(path, kHandWritten);
        auto file = CustomEndpointFile::read(path);
        QVERIFY(file);
        QCOMPARE(file->endpoints().size(), 1); // the Anthropic entry is kept, not listed
        QCOMPARE(file->endpoints().first().models, (QStringList{QStringLiteral("small"), QStringLiteral("old-model")}));
        CustomEndpoint edited = gateway();
        edited.keyRequired = false;
        file->upsert(QStringLiteral("gateway"), edited);
        QVERIFY(file->write(path));

        const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(root.value(u"_comment").toString(), QStringLiteral("mine"));
        const QJsonArray entries = root.value(u"providers").toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(u"dialect").toString(), QStringLiteral("anthropic"));
        const QJsonObject entry = entries.at(1).toObject();
        QCOMPARE(entry.value(u"_note").toString(), QStringLiteral("keep me"));
        QVERIFY(entry.value(u"capabilities").toObject().value(u"vision").toBool());
        QCOMPARE(entry.value(u"base_url").toString(), QStringLiteral("https://llm.example.com/v1"));
        QCOMPARE(entry.value(u"auth").toString(), QStringLiteral("none"));
        QVERIFY(!entry.value(u"key_required").toBool(true));
        // "small" keeps its object (context window); "old-model" is gone; "large" is new.
        const QJsonArray models = entry.value(u"models").toArray();
        QCOMPARE(models.size(), 2);
        QCOMPARE(models.at(0).toObject().value(u"context_window").toInt(), 8192);
        QCOMPARE(models.at(1).toString(), QStringLiteral("large"));

        QVERIFY(file->remove(QStringLiteral("gateway")));
        QVERIFY(!file->remove(QStringLiteral("gateway")));
        QVERIFY(file->write(path));
        const QJsonArray left = QJsonDocument::fromJson(readAll(path)).object().value(u"providers").toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).toObject().value(u"id").toString(), QStringLiteral("claude-proxy"));
    }

    void renamedIdForgetsTheDerivedKeyVariable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("providers.json"));
        writeAll(path,
                 "{\"providers\": [{\"id\": \"gw\", \"name\": \"GW\", \"base_url\": \"https://gw.example.com/v1\",\n"
                 "                          \"key_env\": \"GW_API_KEY\"}]}");
        auto file = CustomEndpointFile::read(path);
        QVERIFY(file);
        file->upsert(QStringLiteral("gw"), gateway());
        QVERIFY(file->write(path));
        const QJsonObject entry =
            QJsonDocument::fromJson(readAll(path)).object().value(u"providers").toArray().at(0).toObject();
        QCOMPARE(entry.value(u"id").toString(), QStringLiteral("gateway"));
        QVERIFY(!entry.contains(u"key_env"));
    }

    void unreadableFileIsAnErrorAndLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("not JSON") << QByteArray("{\"providers\": [");
        QTest::addRow("providers not a list") << QByteArray("{\"providers\": {\"id\": \"x\"}}");
    }
    void unreadableFileIsAnErrorAndLeftAlone()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("providers.json"));
        writeAll(path, content);
        const auto file = CustomEndpointFile::read(path);
        QVERIFY(!file);
        QVERIFY2(file.error().contains(path), qPrintable(file.error()));
        QCOMPARE(readAll(path), content);
    }

    void registryReloadsTheUserFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("providers.json"));
        ProviderRegistry registry;
        registry.reload(path);
        const int generation = registry.generation();
        const Provider *groq = registry.find(QStringLiteral("groq"));
        QVERIFY(groq);
        QVERIFY(!registry.find(QStringLiteral("gateway")));

        auto file = CustomEndpointFile::read(path);
        QVERIFY(file);
        file->upsert(QString(), gateway());
        QVERIFY(file->write(path));
        registry.reload(path);
        QCOMPARE(registry.generation(), generation + 1);
        const Provider *added = registry.find(QStringLiteral("gateway"));
        QVERIFY(added);
        QCOMPARE(added->info().origin, QStringLiteral("user"));
        QCOMPARE(registry.find(QStringLiteral("groq")), groq); // unchanged: the same object

        CustomEndpoint renamed = gateway();
        renamed.name = QStringLiteral("Gateway (EU)");
        file->upsert(QStringLiteral("gateway"), renamed);
        QVERIFY(file->write(path));
        registry.reload(path);
        const Provider *changed = registry.find(QStringLiteral("gateway"));
        QVERIFY(changed != added);
        QCOMPARE(changed->info().displayName, QStringLiteral("Gateway (EU)"));
        QCOMPARE(added->info().displayName, QStringLiteral("Company gateway")); // still alive for its holders

        QVERIFY(file->remove(QStringLiteral("gateway")));
        QVERIFY(file->write(path));
        registry.reload(path);
        QVERIFY(!registry.find(QStringLiteral("gateway")));
        QCOMPARE(registry.generation(), generation + 3);
    }
};

QTEST_GUILESS_MAIN(tst_CustomEndpoints)
#include "tst_customendpoints.moc"
