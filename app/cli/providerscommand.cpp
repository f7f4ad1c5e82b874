// SPDX-License-Identifier: GPL-3.0-or-later
#include "clisupport.h"
#include "commands.h"
#include "secrets/keychainstore.h"
#include "secrets/storedkeyregistry.h"

#include <QJsonArray>
#include <QJsonObject>

#include <iterator>

namespace versus::cli {

namespace {

const QString kUsage = QStringLiteral("versus-cli providers [--json]");
constexpr Capability kCapabilities[] = {Capability::Streaming,    Capability::FunctionCalls,    Capability::Reasoning,
                                        Capability::BuiltinTools, Capability::StructuredOutput, Capability::Vision};

QJsonValue optionalBool(const std::optional<bool> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject capabilitiesToJson(const Capabilities &caps)
{
    QJsonObject json;
    for (Capability c : kCapabilities)
        json.insert(capabilityName(c), optionalBool(capabilityValue(caps, c)));
    return json;
}

// Without asking the keychain (which may prompt or be locked): the environment, else the
// names of the providers whose key was stored (names only, never values).
QString keyStatus(const ProviderInfo &provider, const QStringList &storedInKeychain)
{
    if (!provider.keyRequired)
        return QStringLiteral("not_needed");
    if (keyFromEnvironment(provider))
        return QStringLiteral("env");
    if (storedInKeychain.contains(provider.id))
        return QStringLiteral("keychain");
    return QStringLiteral("missing");
}

QString capabilityMarks(const Capabilities &caps)
{
    // S F R B J V: streaming, function calls, reasoning, built-in tools, JSON schema, images.
    static constexpr char marks[] = {'S', 'F', 'R', 'B', 'J', 'V'};
    static_assert(std::size(marks) == std::size(kCapabilities), "one mark per capability");
    QString text;
    int i = 0;
    for (Capability c : kCapabilities) {
        const auto v = capabilityValue(caps, c);
        text += v == true ? QChar(QLatin1Char(marks[i])) : v == false ? QChar(u'-') : QChar(u'?');
        ++i;
    }
    return text;
}

} // namespace

void runProviders(CommandContext &context, Done done)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the provider catalog, each model's capabilities and "
                                                    "whether a key is available."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document.")});
    if (auto exit = parseArguments(context, parser, kUsage))
        return done(*exit);
    if (!parser.positionalArguments().isEmpty()) {
        context.err << "versus-cli providers: unexpected argument \"" << parser.positionalArguments().first()
                    << "\"\nUsage: " << kUsage << '\n';
        return done(ExitUsage);
    }

    auto registry = loadRegistry(context);
    const QStringList stored = StoredKeyRegistry().providers(KeychainStore::Options().service);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray providers;
        for (const Provider *provider : registry->providers()) {
            const ProviderInfo &info = provider->info();
            QJsonArray models;
            for (const ModelInfo &model : info.models) {
                models.append(QJsonObject{
                    {QStringLiteral("id"), model.id},
                    {QStringLiteral("name"), model.displayName.isEmpty() ? model.id : model.displayName},
                    {QStringLiteral("context_window"),
                     model.contextWindow ? QJsonValue(*model.contextWindow) : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("max_output_tokens"),
                     model.maxOutputTokens ? QJsonValue(*model.maxOutputTokens) : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("capabilities"), capabilitiesToJson(enforcedCapabilities(info, model))},
                });
            }
            providers.append(QJsonObject{
                {QStringLiteral("id"), info.id},
                {QStringLiteral("name"), info.displayName},
                {QStringLiteral("dialect"), info.dialect},
                {QStringLiteral("base_url"), effectiveBaseUrl(info).toString()},
                {QStringLiteral("base_url_env"), baseUrlEnvVar(info.id)},
                {QStringLiteral("local"), info.local},
                {QStringLiteral("key_required"), info.keyRequired},
                {QStringLiteral("key_env"),
                 info.keyEnvVar.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(info.keyEnvVar)},
                {QStringLiteral("key_status"), keyStatus(info, stored)},
                {QStringLiteral("capabilities"), capabilitiesToJson(info.capabilities)},
                {QStringLiteral("reasoning_efforts"), QJsonArray::fromStringList(info.reasoningEfforts)},
                {QStringLiteral("service_tiers"), QJsonArray::fromStringList(info.serviceTiers)},
                {QStringLiteral("models"), models},
                {QStringLiteral("origin"), info.origin},
            });
        }
        QJsonArray problems;
        for (const CatalogProblem &problem : registry->problems())
            problems.append(problem.toString());
        writeJson(context.out, QJsonDocument(QJsonObject{{QStringLiteral("providers"), providers},
                                                         {QStringLiteral("problems"), problems}}));
        return done(ExitOk);
    }

    QTextStream &out = context.out;
    for (const Provider *provider : registry->providers()) {
        const ProviderInfo &info = provider->info();
        out << info.displayName << " (" << info.id << ")  " << effectiveBaseUrl(info).toString();
        if (info.origin != u"bundled")
            out << "  [" << info.origin << ']';
        out << "\n  key: ";
        const QString status = keyStatus(info, stored);
        if (status == u"not_needed")
            out << "not needed";
        else if (status == u"env")
            out << "from " << info.keyEnvVar;
        else if (status == u"keychain")
            out << "stored in the keychain";
        else
            out << "not in the environment (" << info.keyEnvVar << ")";
        out << '\n';
        for (const ModelInfo &model : info.models)
            out << "  " << capabilityMarks(enforcedCapabilities(info, model)) << "  " << model.id << '\n';
        if (info.models.isEmpty())
            out << "  " << capabilityMarks(info.capabilities) << "  (any model the server has loaded)\n";
    }
    out << "\nCapabilities: S streaming, F function calls, R reasoning, B built-in tools, J structured output; "
           "- no, ? unknown.\n";
    done(ExitOk);
}

} // namespace versus::cli
