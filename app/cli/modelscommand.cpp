// SPDX-License-Identifier: GPL-3.0-or-later
#include "clisupport.h"
#include "commands.h"
#include "interruptnotifier.h"
#include "pricing/cost.h"
#include "providers/modelchoices.h"
#include "providers/modellistcache.h"
#include "providers/modellistjob.h"
#include "wording/erroradvice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace versus::cli {

namespace {

const QString kUsage =
    QStringLiteral("versus-cli models PROVIDER [--json] [--cached] [--all] [--base-url URL] [--timeout SECONDS]");

/// The key a model list request uses. The environment only, for now: this is the one place
/// to add the keychain.
QJsonValue errorToJson(const ChatError &error)
{
    return QJsonObject{
        {QStringLiteral("kind"), errorKindName(error.kind)},
        {QStringLiteral("http_status"), error.httpStatus ? QJsonValue(error.httpStatus) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("message"), error.message},
        {QStringLiteral("code"), error.code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error.code)},
    };
}

QString ageText(qint64 seconds)
{
    if (seconds < 90)
        return QStringLiteral("%1 s ago").arg(seconds);
    if (seconds < 90 * 60)
        return QStringLiteral("%1 min ago").arg(seconds / 60);
    if (seconds < 36 * 3600)
        return QStringLiteral("%1 h ago").arg(seconds / 3600);
    return QStringLiteral("%1 days ago").arg(seconds / 86400);
}

QString capabilityMarks(const Capabilities &caps)
{
    // Same letters as "versus-cli providers".
    static const char marks[] = {'S', 'F', 'R', 'B', 'J'};
    const Capability order[] = {Capability::Streaming,    Capability::FunctionCalls,    Capability::Reasoning,
                                Capability::BuiltinTools, Capability::StructuredOutput, Capability::Vision};
    QString text;
    for (int i = 0; i < 5; ++i) {
        const auto v = capabilityValue(caps, order[i]);
        text += v == true ? QChar(QLatin1Char(marks[i])) : v == false ? QChar(u'-') : QChar(u'?');
    }
    return text;
}

/// How one listing is shown: where it comes from and which models it holds.
struct Listing {
    QString source; ///< "live" | "cache" | "catalog"
    QDateTime fetchedAtUtc;
    QList<ModelInfo> models;
    QString note;
    std::optional<ChatError> error;
};

class ModelsPrinter {
public:
    ModelsPrinter(CommandContext &context, const ProviderInfo &provider, bool json, bool all)
        : m_context(context)
        , m_provider(provider)
        , m_json(json)
        , m_all(all)
    {
    }

    // The models shown: chat models unless --all, sorted, with their enforced capabilities.
    QList<ModelInfo> shown(const QList<ModelInfo> &models, int &hidden) const
    {
        return modelChoices(m_provider, models, m_all, &hidden);
    }

    void print(const Listing &listing) const
    {
        int hidden = 0;
        const QList<ModelInfo> models = shown(listing.models, hidden);
        // -1: not from the cache (a plain integer: GCC 12 warns falsely on an optional here)
        const qint64 ageS = listing.source == u"cache" && listing.fetchedAtUtc.isValid()
                                ? qMax<qint64>(0, listing.fetchedAtUtc.secsTo(QDateTime::currentDateTimeUtc()))
                                : -1;
        if (listing.error)
            printError(*listing.error);
        if (m_json) {
            QJsonArray array;
            for (const ModelInfo &model : models)
                array.append(modelInfoToJson(model));
            writeJson(m_context.out,
                      QJsonDocument(QJsonObject{
                          {QStringLiteral("provider"), m_provider.id},
                          {QStringLiteral("fetched_at"), listing.fetchedAtUtc.isValid()
                                                             ? QJsonValue(listing.fetchedAtUtc.toString(Qt::ISODate))
                                                             : QJsonValue(QJsonValue::Null)},
                          {QStringLiteral("source"), listing.source},
                          {QStringLiteral("age_s"), ageS >= 0 ? QJsonValue(ageS) : QJsonValue(QJsonValue::Null)},
                          {QStringLiteral("models"), array},
                          {QStringLiteral("hidden_non_chat"), hidden},
                          {QStringLiteral("note"),
                           listing.note.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(listing.note)},
                          {QStringLiteral("error"),
                           listing.error ? errorToJson(*listing.error) : QJsonValue(QJsonValue::Null)},
                      }));
            return;
        }
        if (listing.error)
            return;
        QTextStream &out = m_context.out;
        out << m_provider.displayName << ": " << models.size() << (models.size() == 1 ? " model" : " models");
        if (listing.source == u"live")
            out << " (live, fetched " << listing.fetchedAtUtc.toString(Qt::ISODate) << ')';
        else if (listing.source == u"cache")
            out << " (cached, fetched " << listing.fetchedAtUtc.toString(Qt::ISODate) << ", "
                << ageText(qMax<qint64>(0, ageS)) << ')';
        else
            out << " (from the catalog)";
        out << '\n';
        if (!listing.note.isEmpty())
            out << listing.note << '\n';
        for (const ModelInfo &model : models) {
            out << "  " << capabilityMarks(model.capabilities) << "  " << model.id;
            if (!model.displayName.isEmpty())
                out << "  \"" << model.displayName << '"';
            if (model.contextWindow)
                out << "  ctx " << *model.contextWindow;
            if (model.maxOutputTokens)
                out << "  out " << *model.maxOutputTokens;
            if (model.pricing) {
                const auto price = [](const std::optional<qint64> &micro) {
                    return micro ? formatUsd(*micro) : QStringLiteral("?");
                };
                out << "  " << price(model.pricing->inputMicroPerMtok) << " in / "
                    << price(model.pricing->outputMicroPerMtok) << " out per Mtok";
            }
            out << '\n';
        }
        if (hidden > 0)
            out << "(" << hidden << " non-chat models hidden; --all shows them)\n";
        out << "Capabilities: S streaming, F function calls, R reasoning, B built-in tools, J structured output; "
               "- no, ? unknown.\n";
        out.flush();
    }

    void printError(const ChatError &e) const
    {
        QTextStream &err = m_context.err;
        err << "versus-cli: " << errorTitle(e.kind) << " (" << errorKindName(e.kind);
        if (e.httpStatus)
            err << ", HTTP " << e.httpStatus;
        err << "): " << e.message << '\n';
        const QString advice = errorAdvice(e, m_provider);
        if (!advice.isEmpty() && e.kind != ErrorKind::NotFound) // its advice points back at this command
            err << "  " << advice << '\n';
        err.flush();
    }

private:
    CommandContext &m_context;
    const ProviderInfo &m_provider;
    bool m_json = false;
    bool m_all = false;
};

class ModelsRun : public QObject {
public:
    ModelsRun(CommandContext &context, Done done, std::unique_ptr<ProviderRegistry> registry, const Provider &provider,
              bool json, bool all, QObject *parent)
        : QObject(parent)
        , m_context(context)
        , m_done(std::move(done))
        , m_registry(std::move(registry))
        , m_provider(provider)
        , m_printer(context, provider.info(), json, all)
    {
    }

    void start(ApiKey key, const QUrl &baseUrl, int timeoutMs)
    {
        m_job = new ModelListJob(m_context.network, m_provider, std::move(key), baseUrl, timeoutMs, this);
        connect(m_job, &ModelListJob::finished, this, [this] { onFinished(); });
        connect(&m_context.interrupt, &InterruptNotifier::interrupted, m_job, &ModelListJob::cancel);
        m_job->start();
    }

private:
    void onFinished()
    {
        Listing listing;
        listing.source = QStringLiteral("live");
        if (!m_job->result()) {
            listing.error = m_job->result().error();
            m_printer.print(listing);
            return m_done(ExitFailure);
        }
        listing.fetchedAtUtc = m_job->fetchedAtUtc();
        listing.models = *m_job->result();
        const ModelListCache cache;
        if (auto written = cache.write(ModelList{m_provider.id(), listing.fetchedAtUtc, listing.models}); !written)
            m_context.err << "versus-cli: warning: the model list was not cached: " << written.error() << '\n';
        m_context.err.flush();
        m_printer.print(listing);
        m_done(ExitOk);
    }

    CommandContext &m_context;
    Done m_done;
    std::unique_ptr<ProviderRegistry> m_registry; // owns m_provider
    const Provider &m_provider;
    ModelsPrinter m_printer;
    ModelListJob *m_job = nullptr;
};

} // namespace

void runModels(CommandContext &context, Done done)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the models a provider offers now, with the catalog's capabilities, and cache the list for offline "
        "use."));
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("Print one JSON document.")},
        {QStringLiteral("cached"), QStringLiteral("Show the last fetched list and its age; nothing is sent.")},
        {QStringLiteral("all"), QStringLiteral("Include embedding, image and other non-chat models.")},
        {QStringLiteral("base-url"), QStringLiteral("Override the provider's base URL."), QStringLiteral("URL")},
        {QStringLiteral("timeout"), QStringLiteral("Seconds to wait for the list (default 30)."),
         QStringLiteral("SECONDS")},
    });
    parser.addPositionalArgument(QStringLiteral("provider"), QStringLiteral("Provider id, e.g. groq."));
    if (auto exit = parseArguments(context, parser, kUsage))
        return done(*exit);
    const auto usageError = [&](const QString &message) {
        context.err << "versus-cli models: " << message << "\nUsage: " << kUsage << '\n';
        done(ExitUsage);
    };
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("give exactly one provider id"));
    const auto timeout = readTimeoutMs(parser, 30'000);
    if (!timeout)
        return usageError(timeout.error());
    const int timeoutMs = *timeout;
    const auto baseOverride = readBaseUrl(parser);
    if (!baseOverride)
        return usageError(baseOverride.error());

    auto registry = loadRegistry(context);
    const auto found = findProvider(*registry, positional.first());
    if (!found)
        return usageError(found.error());
    const Provider *provider = *found;
    const ProviderInfo &info = provider->info();
    const bool json = parser.isSet(QStringLiteral("json"));
    const ModelsPrinter printer(context, info, json, parser.isSet(QStringLiteral("all")));
    const QUrl baseUrl = effectiveBaseUrl(info, *baseOverride);

    if (!provider->buildModelsCall(baseUrl)) {
        // Synesia and other providers without a list endpoint: the catalog's known ids.
        Listing listing;
        listing.source = QStringLiteral("catalog");
        listing.models = info.models;
        listing.note = QStringLiteral("%1 has no model list endpoint: these are the models the catalog knows. "
                                      "Any other model id the provider accepts can be used too.")
                           .arg(info.displayName);
        printer.print(listing);
        return done(ExitOk);
    }

    if (parser.isSet(QStringLiteral("cached"))) {
        const ModelListCache cache;
        const auto cached = cache.read(info.id);
        Listing listing;
        listing.source = QStringLiteral("cache");
        if (!cached) {
            listing.error = ChatError{ErrorKind::Config, 0, cached.error(), {}, {}};
        } else if (!cached->has_value()) {
            listing.error = ChatError{ErrorKind::NotFound,
                                      0,
                                      QStringLiteral("No model list of %1 is cached yet; run \"versus-cli models %2\" "
                                                     "while %1 is reachable.")
                                          .arg(info.displayName, info.id),
                                      {},
                                      {}};
        } else {
            listing.fetchedAtUtc = (*cached)->fetchedAtUtc;
            listing.models = (*cached)->models;
        }
        printer.print(listing);
        return done(listing.error ? ExitFailure : ExitOk);
    }

    auto *run = new ModelsRun(context, done, std::move(registry), *provider, json, parser.isSet(QStringLiteral("all")),
                              &context.network);
    resolveKey(info, run, [run, baseUrl, timeoutMs](KeyResult key) {
        // A keychain failure leaves the key empty; the job then says which key is missing.
        run->start(std::move(key.key), baseUrl, timeoutMs);
    });
}

} // namespace versus::cli
