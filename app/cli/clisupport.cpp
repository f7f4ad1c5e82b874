// SPDX-License-Identifier: GPL-3.0-or-later
#include "clisupport.h"

#include "secrets/apikey.h"
#include "secrets/keychainstore.h"
#include "secrets/keyresolver.h"
#include "tools/jsonschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace versus::cli {

void writeJson(QTextStream &out, const QJsonDocument &document)
{
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out.flush();
}

std::unique_ptr<ProviderRegistry> loadRegistry(CommandContext &context)
{
    auto registry = ProviderRegistry::createDefault();
    for (const CatalogProblem &problem : registry->problems())
        context.err << "versus-cli: warning: " << problem.toString() << '\n';
    context.err.flush();
    return registry;
}

std::optional<int> parseArguments(CommandContext &context, QCommandLineParser &parser, const QString &usage)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("versus-cli")} + context.arguments)) {
        context.err << "versus-cli: " << parser.errorText() << "\nUsage: " << usage << '\n';
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser prints "Usage: versus-cli [options]"; show the real synopsis.
        const qsizetype end = text.indexOf(u'\n');
        text = QStringLiteral("Usage: ") + usage + text.mid(end);
        context.out << text;
        return ExitOk;
    }
    return std::nullopt;
}

void addRequestOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("system"), QStringLiteral("System prompt."), QStringLiteral("S")},
        {QStringLiteral("temperature"), QStringLiteral("Sampling temperature, 0 to 2."), QStringLiteral("X")},
        {QStringLiteral("top-p"), QStringLiteral("Nucleus sampling, (0, 1]."), QStringLiteral("X")},
        {QStringLiteral("max-tokens"), QStringLiteral("Most tokens to generate."), QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("Sampling seed, where the provider supports it."), QStringLiteral("N")},
        {QStringLiteral("stop"), QStringLiteral("Stop sequence (repeatable)."), QStringLiteral("TEXT")},
        {QStringLiteral("reasoning-effort"),
         QStringLiteral("Reasoning effort (provider-specific, e.g. low|medium|high)."), QStringLiteral("E")},
        {QStringLiteral("service-tier"), QStringLiteral("Service tier (e.g. Groq auto|on_demand|flex|performance)."),
         QStringLiteral("T")},
        {QStringLiteral("tools"), QStringLiteral("JSON file with OpenAI-style tool definitions."),
         QStringLiteral("FILE")},
        {QStringLiteral("tool-choice"), QStringLiteral("auto | none | required | a tool name."), QStringLiteral("C")},
        {QStringLiteral("max-tool-rounds"),
         QStringLiteral("Requests in one turn at most when the model calls tools (default 8)."), QStringLiteral("N")},
        {QStringLiteral("server-tool"),
         QStringLiteral("Switch on a tool the provider runs itself, e.g. browser_search, code_interpreter "
                        "(repeatable; where the model offers it)."),
         QStringLiteral("NAME")},
        {QStringLiteral("parallel-tool-calls"), QStringLiteral("Allow parallel tool calls: true | false."),
         QStringLiteral("B")},
        {QStringLiteral("response-schema"), QStringLiteral("JSON schema file for structured output."),
         QStringLiteral("FILE")},
        {QStringLiteral("base-url"), QStringLiteral("Override the provider's base URL (gateways, proxies, tests)."),
         QStringLiteral("URL")},
        {QStringLiteral("timeout"),
         QStringLiteral("Seconds to wait for the first byte and between bytes (default 60 and 90)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON document instead of text.")},
    });
}

namespace {
std::expected<QJsonDocument, QString> readJsonFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("cannot read %1 file %2: %3").arg(what, path, file.errorString()));
    const QByteArray bytes = file.readAll();
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const int line = int(bytes.left(error.offset).count('\n')) + 1;
        return std::unexpected(
            QStringLiteral("%1 file %2, line %3: %4").arg(what, path).arg(line).arg(error.errorString()));
    }
    return doc;
}
} // namespace

std::expected<void, QString> readRequestOptions(const QCommandLineParser &parser, ProviderConfig &config)
{
    auto readDouble = [&](const QString &name, std::optional<double> &into) -> std::expected<void, QString> {
        if (!parser.isSet(name))
            return {};
        bool ok = false;
        const double value = parser.value(name).toDouble(&ok);
        if (!ok)
            return std::unexpected(QStringLiteral("--%1 needs a number, not \"%2\"").arg(name, parser.value(name)));
        into = value;
        return {};
    };
    auto readInt = [&](const QString &name, std::optional<qint64> &into) -> std::expected<void, QString> {
        if (!parser.isSet(name))
            return {};
        bool ok = false;
        const qint64 value = parser.value(name).toLongLong(&ok);
        if (!ok)
            return std::unexpected(
                QStringLiteral("--%1 needs a whole number, not \"%2\"").arg(name, parser.value(name)));
        into = value;
        return {};
    };
    if (auto r = readDouble(QStringLiteral("temperature"), config.temperature); !r)
        return r;
    if (auto r = readDouble(QStringLiteral("top-p"), config.topP); !r)
        return r;
    if (auto r = readInt(QStringLiteral("max-tokens"), config.maxTokens); !r)
        return r;
    if (auto r = readInt(QStringLiteral("seed"), config.seed); !r)
        return r;
    config.systemPrompt = parser.value(QStringLiteral("system"));
    config.stop = parser.values(QStringLiteral("stop"));
    config.reasoningEffort = parser.value(QStringLiteral("reasoning-effort"));
    config.serviceTier = parser.value(QStringLiteral("service-tier"));
    config.serverTools = parser.values(QStringLiteral("server-tool"));
    if (parser.isSet(QStringLiteral("parallel-tool-calls"))) {
        const QString value = parser.value(QStringLiteral("parallel-tool-calls"));
        if (value != u"true" && value != u"false")
            return std::unexpected(QStringLiteral("--parallel-tool-calls takes true or false"));
        config.parallelToolCalls = value == u"true";
    }
    if (parser.isSet(QStringLiteral("tool-choice"))) {
        const QString choice = parser.value(QStringLiteral("tool-choice"));
        if (choice == u"auto" || choice == u"none" || choice == u"required")
            config.toolChoice = choice;
        else
            config.toolChoice =
                QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                            {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), choice}}}};
    }
    if (parser.isSet(QStringLiteral("response-schema"))) {
        auto doc = readJsonFile(parser.value(QStringLiteral("response-schema")), QStringLiteral("response schema"));
        if (!doc)
            return std::unexpected(doc.error());
        if (!doc->isObject())
            return std::unexpected(QStringLiteral("the response schema file must hold a JSON object"));
        // Checked before anything is sent (and paid for): an unusable schema is a usage error.
        if (auto schema = tools::JsonSchema::compile(doc->object()); !schema)
            return std::unexpected(QStringLiteral("the response schema %1 is not a usable JSON Schema: %2")
                                       .arg(parser.value(QStringLiteral("response-schema")), schema.error()));
        config.responseSchema = doc->object();
    }
    return {};
}

std::expected<int, QString> readTimeoutMs(const QCommandLineParser &parser, int fallbackMs)
{
    if (!parser.isSet(QStringLiteral("timeout")))
        return fallbackMs;
    bool ok = false;
    const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 24 * 3600)
        return std::unexpected(QStringLiteral("--timeout needs a positive number of seconds"));
    return int(seconds * 1000);
}

std::expected<QUrl, QString> readBaseUrl(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("base-url")))
        return QUrl();
    const QUrl url(parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
        return std::unexpected(QStringLiteral("--base-url needs a URL like https://host/v1"));
    return url;
}

std::expected<const Provider *, QString> findProvider(const ProviderRegistry &registry, const QString &id)
{
    if (const Provider *provider = registry.find(id))
        return provider;
    QStringList ids;
    for (const Provider *p : registry.providers())
        ids << p->id();
    return std::unexpected(QStringLiteral("unknown provider \"%1\"; known: %2").arg(id, ids.join(u' ')));
}

std::expected<void, QString> checkTargets(const ProviderRegistry &registry, const PriceCatalog &prices,
                                          const QList<Target> &targets, QTextStream &err)
{
    for (const Target &target : targets) {
        const auto found = findProvider(registry, target.provider);
        if (!found)
            return std::unexpected(found.error());
        const ProviderInfo &info = (*found)->info();
        if (!info.findModel(target.model))
            err << "versus-cli: warning: " << info.displayName << " has no catalog entry for \"" << target.model
                << "\": its capabilities are unknown and it has no price.\n";
        else if (!prices.find(target.provider, target.model))
            err << "versus-cli: warning: no price is known for " << target.toString()
                << "; cost will not be shown. Add one to " << PriceCatalog::defaultOverridePath() << '\n';
    }
    return {};
}

std::expected<QString, QString> readPrompt(CommandContext &context, const QStringList &positional)
{
    if (positional.isEmpty())
        return std::unexpected(QStringLiteral("no prompt given (pass it as an argument, or - to read standard input)"));
    if (positional.size() == 1 && positional.first() == u"-") {
        const QString prompt = QString::fromUtf8(context.in.readAll());
        if (prompt.trimmed().isEmpty())
            return std::unexpected(QStringLiteral("the prompt read from standard input is empty"));
        return prompt;
    }
    return positional.join(u' ');
}

std::optional<ApiKey> keyFromEnvironment(const ProviderInfo &provider)
{
    if (provider.keyEnvVar.isEmpty())
        return std::nullopt;
    QByteArray value = qgetenv(provider.keyEnvVar.toLatin1().constData()).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    return ApiKey::fromUtf8(std::move(value));
}

void resolveKey(const ProviderInfo &provider, QObject *context, std::function<void(KeyResult)> done)
{
    if (!provider.keyRequired) {
        KeyStore::deliver(context, std::move(done), KeyResult{});
        return;
    }
    // One store per resolution: a CLI run resolves one or a few keys, and QtKeychain
    // serialises its jobs globally anyway.
    auto *store = new KeychainStore(context);
    auto *resolver = new KeyResolver(store, context);
    resolver->resolve(provider.id, provider.keyEnvVar, context, std::move(done));
}

KeyedProvider keyedProvider(const ProviderInfo &provider)
{
    return KeyedProvider{provider.id, provider.displayName, provider.keyEnvVar, provider.keyRequired};
}

QList<KeyedProvider> keyedProviders(const ProviderRegistry &registry)
{
    QList<KeyedProvider> list;
    for (const Provider *provider : registry.providers()) {
        if (provider->info().keyRequired)
            list << keyedProvider(provider->info());
    }
    return list;
}

} // namespace versus::cli
