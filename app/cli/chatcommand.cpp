// SPDX-License-Identifier: GPL-3.0-or-later
#include "clisupport.h"
#include "commands.h"
#include "compare/laneresult.h"
#include "interruptnotifier.h"
#include "pricing/cost.h"
#include "pricing/pricecatalog.h"
#include "providers/chatstream.h"
#include "providers/modellistprices.h"
#include "wording/erroradvice.h"

#include <QJsonObject>
#include <QLocale>

namespace versus::cli {

namespace {

const QString kUsage = QStringLiteral("versus-cli chat -t PROVIDER:MODEL [options] PROMPT|-");

QString formatMs(const std::optional<double> &ms)
{
    if (!ms)
        return QStringLiteral("–");
    if (*ms >= 10'000)
        return QString::number(*ms / 1000.0, 'f', 1) + QStringLiteral(" s");
    return QString::number(*ms, 'f', 0) + QStringLiteral(" ms");
}

// One line for people: what was measured, what the provider reported, what it cost.
QString metricsLine(const LaneResult &lane)
{
    const StreamMetrics &m = lane.metrics;
    const Usage &u = lane.chat.usage;
    QStringList parts{lane.target};
    parts << QStringLiteral("ttft %1").arg(formatMs(m.ttftMs));
    if (m.ttfatMs && m.ttftMs && *m.ttfatMs - *m.ttftMs > 1)
        parts << QStringLiteral("answer after %1").arg(formatMs(m.ttfatMs));
    if (m.outputTokensPerS)
        parts << QStringLiteral("%1%2 tok/s")
                     .arg(m.estimated ? QStringLiteral("~") : QString())
                     .arg(*m.outputTokensPerS, 0, 'f', 1);
    parts << QStringLiteral("total %1").arg(formatMs(m.e2eMs));
    if (u.promptTokens || u.completionTokens) {
        QString tokens = QStringLiteral("%1%2 → %3 tokens")
                             .arg(u.estimated ? QStringLiteral("~") : QString())
                             .arg(u.promptTokens ? QString::number(*u.promptTokens) : QStringLiteral("?"))
                             .arg(u.completionTokens ? QString::number(*u.completionTokens) : QStringLiteral("?"));
        if (u.reasoningTokens && *u.reasoningTokens > 0)
            tokens += QStringLiteral(" (%1 reasoning)").arg(*u.reasoningTokens);
        if (u.cachedPromptTokens && *u.cachedPromptTokens > 0)
            tokens += QStringLiteral(" (%1 cached)").arg(*u.cachedPromptTokens);
        parts << tokens;
    }
    if (m.server && m.server->outputTokensPerS)
        parts << QStringLiteral("server %1 tok/s").arg(*m.server->outputTokensPerS, 0, 'f', 0);
    if (lane.cost.isObject()) {
        const QJsonObject cost = lane.cost.toObject();
        parts << QStringLiteral("%1$%2")
                     .arg(cost.value(u"estimated").toBool() ? QStringLiteral("~") : QString())
                     .arg(cost.value(u"total_usd").toDouble(), 0, 'f', 6);
    } else {
        parts << QStringLiteral("no price");
    }
    return parts.join(QStringLiteral(" · "));
}

class ChatRun : public QObject {
public:
    ChatRun(CommandContext &context, Done done, std::unique_ptr<ProviderRegistry> registry, const Provider &provider,
            Target target, bool json)
        : m_context(context)
        , m_done(std::move(done))
        , m_registry(std::move(registry))
        , m_provider(provider)
        , m_target(std::move(target))
        , m_json(json)
    {
    }

    /// The key comes from the environment variable, else the OS keychain (only asked when
    /// the provider needs a key and the variable is unset).
    void resolveKeyAndStart(ChatRequest request, const QUrl &baseUrl, const TransportOptions &options)
    {
        const ProviderInfo &info = m_provider.info();
        resolveKey(info, this, [this, request = std::move(request), baseUrl, options](KeyResult result) mutable {
            if (!result.hasKey() && !result.succeeded()) {
                // Locked keyring, no keychain service, ...: say that, not "no key".
                failBeforeSending(ChatError{ErrorKind::Config, 0, keyStatusMessage(result), {}, {}});
                return;
            }
            start(std::move(request), std::move(result.key), baseUrl, options);
        });
    }

    void start(ChatRequest request, ApiKey key, const QUrl &baseUrl, TransportOptions options)
    {
        if (auto loaded = m_estimator.load(); !loaded)
            m_context.err << "versus-cli: warning: " << loaded.error() << '\n';
        QList<PriceError> priceErrors = m_prices.loadBundled();
        applyCachedListPrices(m_prices, m_provider, ModelListCache());
        priceErrors += m_prices.loadOverrides();
        for (const PriceError &error : std::as_const(priceErrors))
            m_context.err << "versus-cli: warning: " << error.toString() << '\n';
        if (m_provider.info().findModel(m_target.model) && !m_prices.find(m_target.provider, m_target.model))
            m_context.err << "versus-cli: warning: no price is known for " << m_target.toString()
                          << "; cost will not be shown. Add one to " << PriceCatalog::defaultOverridePath() << '\n';
        options.estimator = &m_estimator;
        m_stream =
            new ChatStream(m_context.network, m_provider, std::move(request), std::move(key), baseUrl, options, this);
        connect(m_stream, &ChatStream::deltaReceived, this, [this](const ChatDelta &delta) { onDelta(delta); });
        connect(m_stream, &ChatStream::retrying, this, [this](int n, double delay, const ChatError &why) {
            m_context.err << "versus-cli: " << why.message << " — retry " << n << " in "
                          << QString::number(delay, 'f', 1) << " s\n";
            m_context.err.flush();
        });
        connect(m_stream, &ChatStream::finished, this, [this] { onFinished(); });
        connect(&m_context.interrupt, &InterruptNotifier::interrupted, m_stream, &ChatStream::cancel);
        m_stream->start();
    }

private:
    void onDelta(const ChatDelta &delta)
    {
        if (m_json)
            return;
        if (!delta.reasoning.isEmpty()) {
            if (!m_inReasoning && m_context.stdoutIsTerminal)
                m_context.err << "\x1b[2m";
            m_inReasoning = true;
            m_context.err << delta.reasoning;
            m_context.err.flush();
        }
        if (!delta.text.isEmpty()) {
            if (m_inReasoning) {
                m_context.err << (m_context.stdoutIsTerminal ? "\x1b[0m\n" : "\n");
                m_context.err.flush();
                m_inReasoning = false;
            }
            m_context.out << delta.text;
            m_context.out.flush();
            m_wroteText = true;
        }
    }

    void failBeforeSending(const ChatError &error)
    {
        ChatResult result;
        result.status = ResultStatus::Error;
        result.error = error;
        report(result);
    }

    void onFinished() { report(m_stream->result()); }

    void report(const ChatResult &chat)
    {
        LaneResult lane;
        lane.target = m_target.toString();
        lane.provider = m_target.provider;
        lane.model = m_target.model;
        lane.chat = chat;
        if (!m_stream) {
            printLane(lane);
            return;
        }
        lane.metrics = m_stream->metrics();
        if (const auto price = m_prices.find(m_target.provider, m_target.model))
            lane.cost = costToJson(computeCost(*price, lane.chat.usage, m_stream->sentAtUtc()));
        if (auto saved = m_estimator.save(); !saved)
            m_context.err << "versus-cli: warning: " << saved.error() << '\n';
        printLane(lane);
    }

    void printLane(const LaneResult &lane)
    {
        const bool ok = lane.chat.status == ResultStatus::Ok;
        if (m_json) {
            writeJson(m_context.out, QJsonDocument(laneResultToJson(lane)));
        } else {
            if (m_inReasoning)
                m_context.err << (m_context.stdoutIsTerminal ? "\x1b[0m\n" : "\n");
            if (m_wroteText)
                m_context.out << '\n';
            m_context.out.flush();
            for (const ToolCall &call : lane.chat.toolCalls)
                m_context.err << "tool call " << call.name << '(' << call.arguments << ")\n";
            if (lane.chat.error) {
                const ChatError &e = *lane.chat.error;
                m_context.err << "versus-cli: " << errorTitle(e.kind) << " (" << errorKindName(e.kind);
                if (e.httpStatus)
                    m_context.err << ", HTTP " << e.httpStatus;
                m_context.err << "): " << e.message << '\n';
                const QString advice = errorAdvice(e, m_provider.info());
                if (!advice.isEmpty())
                    m_context.err << "  " << advice << '\n';
            }
            m_context.err << metricsLine(lane) << '\n';
            m_context.err.flush();
        }
        m_done(ok ? ExitOk : ExitFailure);
    }

    CommandContext &m_context;
    Done m_done;
    std::unique_ptr<ProviderRegistry> m_registry;
    const Provider &m_provider;
    Target m_target;
    bool m_json = false;
    PriceCatalog m_prices;
    TokenEstimator m_estimator{TokenEstimator::defaultCalibrationPath()};
    ChatStream *m_stream = nullptr;
    bool m_inReasoning = false;
    bool m_wroteText = false;
};

} // namespace

void runChat(CommandContext &context, Done done)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Send one prompt to one provider:model and stream the answer."));
    parser.addOption({{QStringLiteral("t"), QStringLiteral("target")},
                      QStringLiteral("Provider and model, e.g. groq:openai/gpt-oss-120b."),
                      QStringLiteral("PROVIDER:MODEL")});
    addRequestOptions(parser);
    parser.addPositionalArgument(QStringLiteral("prompt"), QStringLiteral("The prompt, or - to read standard input."));
    if (auto exit = parseArguments(context, parser, kUsage))
        return done(*exit);

    auto usageError = [&](const QString &message) {
        context.err << "versus-cli chat: " << message << "\nUsage: " << kUsage << '\n';
        done(ExitUsage);
    };
    const QStringList targets = parser.values(QStringLiteral("target"));
    if (targets.size() != 1)
        return usageError(QStringLiteral("give exactly one -t PROVIDER:MODEL (use compare for several)"));
    const auto target = Target::parse(targets.first());
    if (!target)
        return usageError(QStringLiteral("\"%1\" is not PROVIDER:MODEL").arg(targets.first()));

    ChatRequest request;
    request.providerId = target->provider;
    request.config.model = target->model;
    if (auto ok = readRequestOptions(parser, request.config); !ok)
        return usageError(ok.error());
    auto prompt = readPrompt(context, parser.positionalArguments());
    if (!prompt)
        return usageError(prompt.error());
    request.messages.append(ChatMessage{Role::User, *prompt, {}, {}, {}, {}});

    TransportOptions options;
    const auto timeoutMs = readTimeoutMs(parser, options.firstByteTimeoutMs);
    if (!timeoutMs)
        return usageError(timeoutMs.error());
    if (parser.isSet(QStringLiteral("timeout")))
        options.firstByteTimeoutMs = options.idleTimeoutMs = *timeoutMs;
    const auto baseOverride = readBaseUrl(parser);
    if (!baseOverride)
        return usageError(baseOverride.error());

    auto registry = loadRegistry(context);
    const auto found = findProvider(*registry, target->provider);
    if (!found)
        return usageError(found.error());
    const Provider *provider = *found;
    if (!provider->info().findModel(target->model))
        context.err << "versus-cli: warning: " << provider->info().displayName << " has no catalog entry for \""
                    << target->model << "\": its capabilities are unknown and it has no price.\n";

    auto *run =
        new ChatRun(context, done, std::move(registry), *provider, *target, parser.isSet(QStringLiteral("json")));
    run->resolveKeyAndStart(std::move(request), effectiveBaseUrl(provider->info(), *baseOverride), options);
}

} // namespace versus::cli
