// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/providerregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace versus;

namespace {
ChatRequest requestFor(const QString &provider, const QString &model)
{
    ChatRequest request;
    request.providerId = provider;
    request.config.model = model;
    request.messages.append(ChatMessage::user(QStringLiteral("hi")));
    return request;
}

QJsonObject bodyOf(const HttpCall &call)
{
    return QJsonDocument::fromJson(call.body).object();
}
} // namespace

class TestProviders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bundledCatalogLoads();
    void targets_data();
    void targets();
    void baseUrlOverride();
    void userCatalog();
    void malformedCatalogReportsLine();
    void userEntryReplacesBundled();
    void validation_data();
    void validation();
    void requestBodies();
    void serverToolsInRequestBody();
    void serverToolsInCatalog();
    void httpErrors_data();
    void httpErrors();
};

void TestProviders::bundledCatalogLoads()
{
    auto registry = ProviderRegistry::createDefault();
    for (const CatalogProblem &problem : registry->problems())
        qWarning() << problem.toString();
    QVERIFY(registry->problems().isEmpty());
    for (const char *id :
         {"groq", "together", "deepseek", "openai", "openrouter", "mistral", "ollama", "llamacpp", "lmstudio"}) {
        const Provider *provider = registry->find(QString::fromLatin1(id));
        QVERIFY2(provider, id);
        QVERIFY(provider->info().defaultBaseUrl.isValid());
        QCOMPARE(provider->info().keyRequired, !provider->info().local);
    }
    QCOMPARE(registry->find(QStringLiteral("groq"))->info().keyEnvVar, QStringLiteral("GROQ_API_KEY"));
    QCOMPARE(registry->find(QStringLiteral("deepseek"))->info().keyEnvVar, QStringLiteral("DEEPSEEK_API_KEY"));
    QCOMPARE(registry->find(QStringLiteral("together"))->info().keyEnvVar, QStringLiteral("TOGETHER_API_KEY"));
    QCOMPARE(registry->find(QStringLiteral("ollama"))->info().auth, AuthStyle::None);
}

void TestProviders::targets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("provider"); // empty: invalid
    QTest::addColumn<QString>("model");
    QTest::addRow("simple") << QStringLiteral("groq:openai/gpt-oss-120b") << QStringLiteral("groq")
                            << QStringLiteral("openai/gpt-oss-120b");
    QTest::addRow("colon in model") << QStringLiteral("ollama:llama3:8b") << QStringLiteral("ollama")
                                    << QStringLiteral("llama3:8b");
    QTest::addRow("no colon") << QStringLiteral("groq") << QString() << QString();
    QTest::addRow("no model") << QStringLiteral("groq:") << QString() << QString();
    QTest::addRow("no provider") << QStringLiteral(":model") << QString() << QString();
}

void TestProviders::targets()
{
    QFETCH(QString, text);
    QFETCH(QString, provider);
    QFETCH(QString, model);
    const auto target = Target::parse(text);
    QCOMPARE(target.has_value(), !provider.isEmpty());
    if (target) {
        QCOMPARE(target->provider, provider);
        QCOMPARE(target->model, model);
        QCOMPARE(target->toString(), text);
    }
}

void TestProviders::baseUrlOverride()
{
    QCOMPARE(baseUrlEnvVar(QStringLiteral("groq")), QStringLiteral("VERSUS_GROQ_BASE_URL"));
    QCOMPARE(baseUrlEnvVar(QStringLiteral("my-proxy.v2")), QStringLiteral("VERSUS_MY_PROXY_V2_BASE_URL"));
    auto registry = ProviderRegistry::createDefault();
    const ProviderInfo &groq = registry->find(QStringLiteral("groq"))->info();
    qunsetenv("VERSUS_GROQ_BASE_URL");
    QCOMPARE(effectiveBaseUrl(groq), QUrl(QStringLiteral("https://api.groq.com/openai/v1")));
    qputenv("VERSUS_GROQ_BASE_URL", "http://127.0.0.1:9999/openai/v1");
    QCOMPARE(effectiveBaseUrl(groq), QUrl(QStringLiteral("http://127.0.0.1:9999/openai/v1")));
    QCOMPARE(effectiveBaseUrl(groq, QUrl(QStringLiteral("https://gw.example/v1"))),
             QUrl(QStringLiteral("https://gw.example/v1")));
    qunsetenv("VERSUS_GROQ_BASE_URL");
}

void TestProviders::userCatalog()
{
    ProviderRegistry registry;
    registry.loadCatalog(R"({"providers": [
  {"id": "good", "name": "Good Proxy", "base_url": "https://proxy.example/v1", "models": ["m1"]},
  {"id": "bad url", "base_url": "https://x/v1"},
  {"id": "nourl", "name": "No URL"},
  {"id": "weird", "base_url": "https://w.example/v1", "dialect": "grpc"},
  {"id": "withkey", "base_url": "https://user:secret@w.example/v1"},
  {"id": "local-thing", "base_url": "http://localhost:5000/v1", "local": true}
]})",
                         QStringLiteral("providers.json"), QStringLiteral("user"));
    QVERIFY(registry.find(QStringLiteral("good")));
    QCOMPARE(registry.find(QStringLiteral("good"))->info().keyEnvVar, QStringLiteral("GOOD_API_KEY"));
    QCOMPARE(registry.find(QStringLiteral("good"))->info().origin, QStringLiteral("user"));
    QVERIFY(registry.find(QStringLiteral("local-thing")));
    QVERIFY(!registry.find(QStringLiteral("local-thing"))->info().keyRequired);
    QCOMPARE(registry.problems().size(), 4);
    const QString all = [&] {
        QStringList lines;
        for (const auto &p : registry.problems())
            lines << p.toString();
        return lines.join(u'\n');
    }();
    QVERIFY2(all.contains(u"providers.json:3, providers[1] (bad url)"), qPrintable(all));
    QVERIFY2(all.contains(u"providers[2] (nourl)") && all.contains(u"base_url"), qPrintable(all));
    QVERIFY2(all.contains(u"providers[3] (weird)") && all.contains(u"grpc"), qPrintable(all));
    QVERIFY2(all.contains(u"providers[4] (withkey)") && !all.contains(u"secret"), qPrintable(all));
}

void TestProviders::malformedCatalogReportsLine()
{
    ProviderRegistry registry;
    registry.loadCatalog("{\n  \"providers\": [\n    {\"id\": \"a\",,}\n  ]\n}", QStringLiteral("p.json"),
                         QStringLiteral("user"));
    QCOMPARE(registry.problems().size(), 1);
    QCOMPARE(registry.problems().first().line, 3);
    QVERIFY(registry.providers().isEmpty());
}

void TestProviders::userEntryReplacesBundled()
{
    auto registry = ProviderRegistry::createDefault();
    registry->loadCatalog(
        R"({"providers": [{"id": "groq", "name": "Groq via gateway", "base_url": "https://gw.example/groq/v1"}]})",
        QStringLiteral("user.json"), QStringLiteral("user"));
    QCOMPARE(registry->find(QStringLiteral("groq"))->info().displayName, QStringLiteral("Groq via gateway"));
    QCOMPARE(registry->providers().size(), ProviderRegistry::createDefault()->providers().size());
}

void TestProviders::validation_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected"); // substring of the problems; empty: valid
    QTest::addRow("valid") << QStringLiteral("groq") << QStringLiteral("openai/gpt-oss-120b") << QString() << QString();
    QTest::addRow("unknown model is allowed")
        << QStringLiteral("groq") << QStringLiteral("brand-new-model") << QStringLiteral("tools") << QString();
    QTest::addRow("model without tools") << QStringLiteral("groq") << QStringLiteral("groq/compound")
                                         << QStringLiteral("tools") << QStringLiteral("function calls");
    QTest::addRow("provider without structured output")
        << QStringLiteral("synesia") << QStringLiteral("groq/gpt-oss-120b") << QStringLiteral("schema")
        << QStringLiteral("structured output");
    QTest::addRow("temperature") << QStringLiteral("groq") << QStringLiteral("openai/gpt-oss-120b")
                                 << QStringLiteral("temperature") << QStringLiteral("Temperature");
    QTest::addRow("service tier") << QStringLiteral("groq") << QStringLiteral("openai/gpt-oss-120b")
                                  << QStringLiteral("tier") << QStringLiteral("service tier");
    QTest::addRow("no tiers at deepseek") << QStringLiteral("deepseek") << QStringLiteral("deepseek-flash")
                                          << QStringLiteral("tier") << QStringLiteral("no service tiers");
    QTest::addRow("effort") << QStringLiteral("deepseek") << QStringLiteral("deepseek-flash")
                            << QStringLiteral("effort") << QStringLiteral("reasoning effort");
    QTest::addRow("max tokens over model limit") << QStringLiteral("groq") << QStringLiteral("openai/gpt-oss-120b")
                                                 << QStringLiteral("max") << QStringLiteral("at most 65536");
    // Built-in server-side tools: only where the catalog lists them for the model.
    QTest::addRow("server tool on gpt-oss") << QStringLiteral("groq") << QStringLiteral("openai/gpt-oss-120b")
                                            << QStringLiteral("server:browser_search") << QString();
    QTest::addRow("both server tools on gpt-oss 20b")
        << QStringLiteral("groq") << QStringLiteral("openai/gpt-oss-20b")
        << QStringLiteral("server:browser_search,code_interpreter") << QString();
    QTest::addRow("server tool the catalog does not list")
        << QStringLiteral("groq") << QStringLiteral("openai/gpt-oss-120b") << QStringLiteral("server:web_search")
        << QStringLiteral(
               "does not know the built-in tool \"web_search\"; use one of: browser_search, code_interpreter");
    QTest::addRow("server tool on a model without built-in tools")
        << QStringLiteral("groq") << QStringLiteral("qwen/qwen3-32b") << QStringLiteral("server:browser_search")
        << QStringLiteral("qwen/qwen3-32b on Groq does not support built-in tools");
    QTest::addRow("server tool on a model the catalog does not know")
        << QStringLiteral("groq") << QStringLiteral("llama-3.3-70b-versatile")
        << QStringLiteral("server:browser_search")
        << QStringLiteral("llama-3.3-70b-versatile on Groq has no built-in tools to switch on");
    QTest::addRow("server tool on compound, which runs its own")
        << QStringLiteral("groq") << QStringLiteral("groq/compound") << QStringLiteral("server:code_interpreter")
        << QStringLiteral("groq/compound on Groq has no built-in tools to switch on");
    QTest::addRow("server tool at deepseek")
        << QStringLiteral("deepseek") << QStringLiteral("deepseek-flash") << QStringLiteral("server:browser_search")
        << QStringLiteral("DeepSeek does not support built-in tools");
}

void TestProviders::validation()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(QString, change);
    QFETCH(QString, expected);
    auto registry = ProviderRegistry::createDefault();
    ChatRequest request = requestFor(provider, model);
    if (change == u"tools")
        request.config.tools = QJsonArray{
            QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                        {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), QStringLiteral("f")}}}}};
    else if (change == u"schema")
        request.config.responseSchema = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}};
    else if (change == u"temperature")
        request.config.temperature = 3.5;
    else if (change == u"tier")
        request.config.serviceTier = QStringLiteral("platinum");
    else if (change == u"effort")
        request.config.reasoningEffort = QStringLiteral("medium");
    else if (change == u"max")
        request.config.maxTokens = 100000;
    else if (change.startsWith(u"server:"))
        request.config.serverTools = change.mid(7).split(u',');
    const QStringList problems = registry->find(provider)->validate(request);
    if (expected.isEmpty())
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u' ')));
    else
        QVERIFY2(problems.join(u' ').contains(expected), qPrintable(problems.join(u' ')));
    if (change.startsWith(u"server:") && !expected.isEmpty())
        QCOMPARE(problems.size(), 1); // one refusal, not one per check
}

void TestProviders::requestBodies()
{
    auto registry = ProviderRegistry::createDefault();
    ChatRequest request = requestFor(QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b"));
    request.config.systemPrompt = QStringLiteral("Be brief.");
    request.config.maxTokens = 100;
    request.config.reasoningEffort = QStringLiteral("high");
    request.config.temperature = 0.5;
    const HttpCall groq = registry->find(QStringLiteral("groq"))
                              ->buildChatCall(request, QUrl(QStringLiteral("https://api.groq.com/openai/v1/")));
    QCOMPARE(groq.url, QUrl(QStringLiteral("https://api.groq.com/openai/v1/chat/completions")));
    QCOMPARE(groq.auth, AuthStyle::Bearer);
    QJsonObject body = bodyOf(groq);
    QCOMPARE(body.value(u"stream").toBool(), true);
    QCOMPARE(body.value(u"stream_options").toObject().value(u"include_usage").toBool(), true);
    QCOMPARE(body.value(u"max_completion_tokens").toInt(), 100);
    QVERIFY(!body.contains(u"max_tokens"));
    QCOMPARE(body.value(u"reasoning_effort").toString(), QStringLiteral("high"));
    QCOMPARE(body.value(u"messages").toArray().first().toObject().value(u"role").toString(), QStringLiteral("system"));
    QVERIFY(!groq.body.contains("Authorization"));

    request.config.reasoningEffort = QStringLiteral("high");
    body = bodyOf(registry->find(QStringLiteral("deepseek"))
                      ->buildChatCall(request, QUrl(QStringLiteral("https://api.deepseek.com"))));
    QCOMPARE(body.value(u"thinking").toObject().value(u"type").toString(), QStringLiteral("enabled"));
    QCOMPARE(body.value(u"max_tokens").toInt(), 100);
    request.config.reasoningEffort = QStringLiteral("none");
    body = bodyOf(registry->find(QStringLiteral("deepseek"))
                      ->buildChatCall(request, QUrl(QStringLiteral("https://api.deepseek.com"))));
    QCOMPARE(body.value(u"thinking").toObject().value(u"type").toString(), QStringLiteral("disabled"));
    QVERIFY(!body.contains(u"reasoning_effort"));

    request.config.reasoningEffort = QStringLiteral("low");
    body = bodyOf(registry->find(QStringLiteral("openrouter"))
                      ->buildChatCall(request, QUrl(QStringLiteral("https://openrouter.ai/api/v1"))));
    QCOMPARE(body.value(u"reasoning").toObject().value(u"effort").toString(), QStringLiteral("low"));

    body = bodyOf(registry->find(QStringLiteral("together"))
                      ->buildChatCall(request, QUrl(QStringLiteral("https://api.together.xyz/v1"))));
    QVERIFY(!body.contains(u"stream_options"));
}

// Groq gpt-oss built-in tools go into "tools" as {"type": name}, beside any functions.
void TestProviders::serverToolsInRequestBody()
{
    auto registry = ProviderRegistry::createDefault();
    const Provider *groq = registry->find(QStringLiteral("groq"));
    const QUrl base(QStringLiteral("https://api.groq.com/openai/v1"));
    ChatRequest request = requestFor(QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b"));
    QVERIFY(!bodyOf(groq->buildChatCall(request, base)).contains(u"tools"));

    request.config.serverTools = QStringList{QStringLiteral("browser_search")};
    QVERIFY(groq->validate(request).isEmpty());
    QJsonObject body = bodyOf(groq->buildChatCall(request, base));
    QCOMPARE(body.value(u"tools").toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("browser_search")}}}));
    QVERIFY(!body.contains(u"parallel_tool_calls"));
    QVERIFY(!body.contains(u"tool_choice"));

    const QJsonObject function{
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")}}}};
    request.config.tools = QJsonArray{function};
    request.config.serverTools << QStringLiteral("code_interpreter");
    request.config.parallelToolCalls = false;
    QVERIFY(groq->validate(request).isEmpty());
    body = bodyOf(groq->buildChatCall(request, base));
    QCOMPARE(body.value(u"tools").toArray(),
             (QJsonArray{function, QJsonObject{{QStringLiteral("type"), QStringLiteral("browser_search")}},
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("code_interpreter")}}}));
    QCOMPARE(body.value(u"parallel_tool_calls"), QJsonValue(false));
}

void TestProviders::serverToolsInCatalog()
{
    auto registry = ProviderRegistry::createDefault();
    const QStringList both{QStringLiteral("browser_search"), QStringLiteral("code_interpreter")};
    for (const ModelInfo &model : registry->find(QStringLiteral("groq"))->info().models) {
        const bool offers = model.id == u"openai/gpt-oss-120b" || model.id == u"openai/gpt-oss-20b";
        QCOMPARE(model.serverTools, offers ? both : QStringList());
    }
    for (const Provider *provider : registry->providers()) {
        if (provider->id() == u"groq")
            continue;
        for (const ModelInfo &model : provider->info().models)
            QVERIFY2(model.serverTools.isEmpty(), qPrintable(provider->id() + u':' + model.id));
    }

    ProviderRegistry user;
    user.loadCatalog(R"({"providers": [
  {"id": "gw", "base_url": "https://gw.example/v1", "capabilities": {"builtin_tools": true},
   "models": [{"id": "m", "server_tools": ["web_search"]}]},
  {"id": "bad", "base_url": "https://bad.example/v1", "models": [{"id": "m", "server_tools": "web_search"}]},
  {"id": "worse", "base_url": "https://worse.example/v1", "models": [{"id": "m", "server_tools": [3]}]}
]})",
                     QStringLiteral("providers.json"), QStringLiteral("user"));
    QCOMPARE(user.find(QStringLiteral("gw"))->info().findModel(QStringLiteral("m"))->serverTools,
             QStringList{QStringLiteral("web_search")});
    QVERIFY(!user.find(QStringLiteral("bad")));
    QVERIFY(!user.find(QStringLiteral("worse")));
    QCOMPARE(user.problems().size(), 2);
    for (const CatalogProblem &problem : user.problems())
        QVERIFY2(problem.reason.contains(u"server_tools"), qPrintable(problem.toString()));
}

void TestProviders::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<double>("retryAfter"); // < 0: none
    QTest::addRow("groq 401")
        << 401
        << QByteArray(
               R"({"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}})")
        << RawHeaders{} << QStringLiteral("auth") << QStringLiteral("Invalid API Key") << -1.0;
    QTest::addRow("deepseek 402") << 402
                                  << QByteArray(
                                         R"({"error":{"message":"Insufficient Balance","type":"unknown_error"}})")
                                  << RawHeaders{} << QStringLiteral("quota") << QStringLiteral("Insufficient Balance")
                                  << -1.0;
    QTest::addRow("404") << 404
                         << QByteArray(
                                R"({"error":{"message":"The model `x` does not exist","code":"model_not_found"}})")
                         << RawHeaders{} << QStringLiteral("not_found")
                         << QStringLiteral("The model `x` does not exist") << -1.0;
    QTest::addRow("400 retired model")
        << 400 << QByteArray(R"({"error":{"message":"Model Not Exist","type":"invalid_request_error"}})")
        << RawHeaders{} << QStringLiteral("not_found") << QStringLiteral("Model Not Exist") << -1.0;
    QTest::addRow("422") << 422 << QByteArray(R"({"error":{"message":"temperature too high"}})") << RawHeaders{}
                         << QStringLiteral("bad_request") << QStringLiteral("temperature too high") << -1.0;
    QTest::addRow("413") << 413
                         << QByteArray(R"({"error":{"message":"Request too large","code":"rate_limit_exceeded"}})")
                         << RawHeaders{} << QStringLiteral("bad_request") << QStringLiteral("Request too large")
                         << -1.0;
    QTest::addRow("429 header")
        << 429
        << QByteArray(
               R"({"error":{"message":"Rate limit reached. Please try again in 5.289s.","type":"tokens","code":"rate_limit_exceeded"}})")
        << RawHeaders{{"retry-after", "6"}} << QStringLiteral("rate_limit")
        << QStringLiteral("Rate limit reached. Please try again in 5.289s.") << 6.0;
    QTest::addRow("429 message") << 429 << QByteArray(R"({"error":{"message":"Please try again in 1m3.5s."}})")
                                 << RawHeaders{} << QStringLiteral("rate_limit")
                                 << QStringLiteral("Please try again in 1m3.5s.") << 63.5;
    QTest::addRow("429 insufficient quota")
        << 429 << QByteArray(R"({"error":{"message":"You exceeded your current quota","code":"insufficient_quota"}})")
        << RawHeaders{} << QStringLiteral("quota") << QStringLiteral("You exceeded your current quota") << -1.0;
    QTest::addRow("498 flex")
        << 498 << QByteArray(R"({"error":{"message":"Flex tier capacity exceeded","code":"capacity_exceeded"}})")
        << RawHeaders{} << QStringLiteral("server") << QStringLiteral("Flex tier capacity exceeded") << -1.0;
    QTest::addRow("503 plain text") << 503 << QByteArray("Overloaded") << RawHeaders{} << QStringLiteral("server")
                                    << QStringLiteral("Overloaded") << -1.0;
    QTest::addRow("502 html") << 502 << QByteArray("<html><body>Bad gateway</body></html>") << RawHeaders{}
                              << QStringLiteral("server") << QStringLiteral("HTTP status 502") << -1.0;
    QTest::addRow("synesia shape") << 401 << QByteArray(R"({"error":"Invalid authorization format","statusCode":401})")
                                   << RawHeaders{} << QStringLiteral("auth")
                                   << QStringLiteral("Invalid authorization format") << -1.0;
    QTest::addRow("mistral detail") << 401 << QByteArray(R"({"detail":"Unauthorized"})") << RawHeaders{}
                                    << QStringLiteral("auth") << QStringLiteral("Unauthorized") << -1.0;
    QTest::addRow("openrouter numeric code")
        << 402 << QByteArray(R"({"error":{"code":402,"message":"Insufficient credits"}})") << RawHeaders{}
        << QStringLiteral("quota") << QStringLiteral("Insufficient credits") << -1.0;
}

void TestProviders::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(RawHeaders, headers);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QFETCH(double, retryAfter);
    auto registry = ProviderRegistry::createDefault();
    const ChatError error = registry->find(QStringLiteral("groq"))->errorFromHttp(status, body, headers);
    QCOMPARE(errorKindName(error.kind), kind);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QCOMPARE(error.httpStatus, status);
    if (retryAfter < 0)
        QVERIFY(!error.retryAfterS);
    else
        QCOMPARE(error.retryAfterS.value_or(-1), retryAfter);
}

QTEST_GUILESS_MAIN(TestProviders)
#include "tst_providers.moc"
