// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli bench: run a provider benchmark (every target × prompt × run with bounded
// concurrency per target), and list or show the stored ones.
#include "bench/benchexport.h"
#include "bench/benchstore.h"
#include "benchoutput.h"
#include "benchrun.h"
#include "clisupport.h"
#include "commands.h"

#include <QJsonArray>

namespace versus::cli {

namespace {

const QString kUsage = QStringLiteral("versus-cli bench -t P:M [-t P:M ...] [--runs N] [--concurrency C] [--warmup K] "
                                      "[--prompts NAME | --prompt-file F] [--out F.json|F.csv] [--json] [options]\n"
                                      "       versus-cli bench list [--json]\n"
                                      "       versus-cli bench show ID [--json]");

int usageError(CommandContext &context, const QString &message)
{
    context.err << "versus-cli bench: " << message << "\nUsage: " << kUsage << '\n';
    return ExitUsage;
}

std::expected<int, QString> positiveInt(const QCommandLineParser &parser, const QString &name, int fallback, int min,
                                        int max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return std::unexpected(QStringLiteral("--%1 needs a whole number from %2 to %3, not \"%4\"")
                                   .arg(name)
                                   .arg(min)
                                   .arg(max)
                                   .arg(parser.value(name)));
    return value;
}

QString setNames()
{
    QStringList names;
    for (const bench::PromptSet &set : bench::builtinPromptSets())
        names << set.name;
    return names.join(QStringLiteral(", "));
}

bool openStore(CommandContext &context, history::HistoryStore &store)
{
    const auto report = store.open();
    if (!report)
        context.err << "versus-cli bench: the history cannot be opened: " << report.error().message << '\n';
    return report.has_value();
}

int list(CommandContext &context, bool json)
{
    history::HistoryStore store;
    if (!openStore(context, store))
        return ExitFailure;
    const auto benches = store.benches();
    if (!benches) {
        context.err << "versus-cli bench: " << benches.error().message << '\n';
        return ExitFailure;
    }
    if (json) {
        QJsonArray array;
        for (const history::BenchSummaryRecord &bench : *benches)
            array << QJsonObject{{QStringLiteral("id"), bench.id},
                                 {QStringLiteral("title"), bench.title},
                                 {QStringLiteral("state"), history::benchStateName(bench.state)},
                                 {QStringLiteral("created_at"), bench.createdAt.toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("finished_at"),
                                  bench.finishedAt.isValid() ? QJsonValue(bench.finishedAt.toString(Qt::ISODateWithMs))
                                                             : QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("targets"), QJsonArray::fromStringList(bench.targets)},
                                 {QStringLiteral("samples"), bench.sampleCount},
                                 {QStringLiteral("errors"), bench.errorCount}};
        writeJson(context.out, QJsonDocument(QJsonObject{{QStringLiteral("benches"), array}}));
        return ExitOk;
    }
    if (benches->isEmpty()) {
        context.out << "No stored benchmarks.\n";
        return ExitOk;
    }
    for (const history::BenchSummaryRecord &bench : *benches) {
        context.out << bench.id << "  " << bench.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                    << "  " << history::benchStateName(bench.state).leftJustified(11) << ' ' << bench.sampleCount
                    << " runs, " << bench.errorCount << " failed  " << bench.title << '\n';
    }
    return ExitOk;
}

int show(CommandContext &context, const QString &idText, bool json)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError(context, QStringLiteral("'%1' is not a benchmark ID").arg(idText));
    history::HistoryStore store;
    if (!openStore(context, store))
        return ExitFailure;
    const auto bench = bench::loadBench(store, id);
    if (!bench) {
        if (bench.error().kind == history::HistoryError::Kind::NotFound)
            context.err << "versus-cli bench: no benchmark with id " << id << " (see 'versus-cli bench list')\n";
        else
            context.err << "versus-cli bench: " << bench.error().message << '\n';
        return ExitFailure;
    }
    const bool cancelled = bench->state == history::BenchRecord::State::Cancelled;
    if (json) {
        QJsonObject document = bench::benchToJson(bench->spec, bench->samples, bench->id, cancelled);
        document.insert(QStringLiteral("state"), history::benchStateName(bench->state));
        document.insert(QStringLiteral("created_at"), bench->createdAt.toString(Qt::ISODateWithMs));
        writeJson(context.out, QJsonDocument(document));
        return ExitOk;
    }
    context.out << "Benchmark " << bench->id << ": " << bench->spec.title << " ("
                << history::benchStateName(bench->state) << ", "
                << bench->createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << ")\n"
                << bench->spec.prompts.prompts.size() << " prompts × " << bench->spec.runs << " runs, concurrency "
                << bench->spec.concurrency << ", warm-up " << bench->spec.warmup << "\n\n";
    QStringList targets;
    for (const Target &target : bench->spec.targets)
        targets << target.toString();
    printBenchTable(context.out, bench::summarize(targets, bench->samples));
    return ExitOk;
}

} // namespace

void runBench(CommandContext &context, Done done)
{
    const QString sub = context.arguments.value(0);
    if (sub == u"list" || sub == u"show") {
        QCommandLineParser parser;
        parser.setApplicationDescription(sub == u"list" ? QStringLiteral("List the stored benchmarks, newest first.")
                                                        : QStringLiteral("Show a stored benchmark's summary."));
        parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document instead of text.")});
        parser.addPositionalArgument(sub, QString());
        if (sub == u"show")
            parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The benchmark (see bench list)."));
        if (auto exit = parseArguments(context, parser, kUsage))
            return done(*exit);
        const QStringList positional = parser.positionalArguments().mid(1);
        const bool json = parser.isSet(QStringLiteral("json"));
        if (sub == u"list") {
            if (!positional.isEmpty())
                return done(usageError(context, QStringLiteral("list takes no arguments")));
            return done(list(context, json));
        }
        if (positional.size() != 1)
            return done(usageError(context, QStringLiteral("show needs one benchmark ID")));
        return done(show(context, positional.first(), json));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Benchmark providers on your prompts: every target × prompt × run, at most --concurrency "
                       "requests of a target at once (targets side by side), after --warmup unmeasured requests. "
                       "Prints per target the count, errors by kind and p50/p95/p99/min/max/mean of TTFT, time to "
                       "first answer token, end-to-end time and decode tokens/s, with total tokens and cost; the "
                       "definitions are printed under the table. Stored in the history unless --no-history. "
                       "Ctrl+C stops: requests in flight are cancelled, what finished is printed, written and "
                       "stored (exit 130). Exit 0 when every request succeeded, 1 when any failed, 2 for usage "
                       "errors."));
    parser.addOption({{QStringLiteral("t"), QStringLiteral("target")},
                      QStringLiteral("Provider and model (repeatable), e.g. groq:openai/gpt-oss-120b."),
                      QStringLiteral("PROVIDER:MODEL")});
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("Runs of each prompt per target (default 5)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("concurrency"),
                      QStringLiteral("Requests of one target in flight at once (default 1). Over plain HTTP/1.1 (local "
                                     "servers) at most 6 connections go to one host; more wait in the client."),
                      QStringLiteral("C")});
    parser.addOption({QStringLiteral("warmup"),
                      QStringLiteral("Unmeasured requests per target before the runs (default 0)."),
                      QStringLiteral("K")});
    parser.addOption({QStringLiteral("prompts"),
                      QStringLiteral("A built-in prompt set: %1 (default short).").arg(setNames()),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("prompt-file"),
                      QStringLiteral("Prompts from a file: a JSON list of strings, or one prompt per line."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Write F.json (the --json document) or F.csv (one row per run) and "
                                     "F.summary.csv beside it (one row per target); files are private (0600)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("no-history"), QStringLiteral("Do not store this benchmark in the history.")});
    addRequestOptions(parser);
    if (auto exit = parseArguments(context, parser, kUsage))
        return done(*exit);

    BenchOptions options;
    bench::BenchSpec &spec = options.spec;
    for (const QString &text : parser.values(QStringLiteral("target"))) {
        const auto target = Target::parse(text);
        if (!target)
            return done(usageError(context, QStringLiteral("\"%1\" is not PROVIDER:MODEL").arg(text)));
        spec.targets << *target;
    }
    if (spec.targets.isEmpty())
        return done(usageError(context, QStringLiteral("give at least one -t PROVIDER:MODEL")));
    if (!parser.positionalArguments().isEmpty())
        return done(usageError(context, QStringLiteral("unexpected argument \"%1\" (prompts come from --prompts or "
                                                       "--prompt-file)")
                                            .arg(parser.positionalArguments().first())));
    for (const char *option : {"tools", "tool-choice", "max-tool-rounds"}) {
        if (parser.isSet(QString::fromLatin1(option)))
            return done(usageError(context, QStringLiteral("--%1 does not apply to bench: the tools prompt set "
                                                           "(--prompts tools) brings its own tools")
                                                .arg(QString::fromLatin1(option))));
    }
    const auto runs = positiveInt(parser, QStringLiteral("runs"), 5, 1, 10000);
    const auto concurrency = positiveInt(parser, QStringLiteral("concurrency"), 1, 1, 64);
    const auto warmup = positiveInt(parser, QStringLiteral("warmup"), 0, 0, 100);
    for (const auto *value : {&runs, &concurrency, &warmup}) {
        if (!*value)
            return done(usageError(context, value->error()));
    }
    spec.runs = *runs;
    spec.concurrency = *concurrency;
    spec.warmup = *warmup;
    if (parser.isSet(QStringLiteral("prompts")) && parser.isSet(QStringLiteral("prompt-file")))
        return done(usageError(context, QStringLiteral("give --prompts or --prompt-file, not both")));
    if (parser.isSet(QStringLiteral("prompt-file"))) {
        auto set = bench::readPromptFile(parser.value(QStringLiteral("prompt-file")));
        if (!set)
            return done(usageError(context, set.error()));
        spec.prompts = *set;
    } else {
        const QString name =
            parser.isSet(QStringLiteral("prompts")) ? parser.value(QStringLiteral("prompts")) : QStringLiteral("short");
        auto set = bench::builtinPromptSet(name);
        if (!set)
            return done(
                usageError(context, QStringLiteral("no prompt set \"%1\" (there are %2)").arg(name, setNames())));
        spec.prompts = *set;
    }
    if (auto ok = readRequestOptions(parser, spec.parameters); !ok)
        return done(usageError(context, ok.error()));
    const auto timeoutMs = readTimeoutMs(parser, 0);
    if (!timeoutMs)
        return done(usageError(context, timeoutMs.error()));
    if (parser.isSet(QStringLiteral("timeout")))
        options.timeoutMs = *timeoutMs;
    const auto baseUrl = readBaseUrl(parser);
    if (!baseUrl)
        return done(usageError(context, baseUrl.error()));
    spec.baseUrl = *baseUrl;
    options.outPath = parser.value(QStringLiteral("out"));
    if (parser.isSet(QStringLiteral("out"))) {
        if (auto ok = checkBenchOutPath(options.outPath); !ok)
            return done(usageError(context, ok.error()));
    }
    options.json = parser.isSet(QStringLiteral("json"));
    spec.saveHistory = !parser.isSet(QStringLiteral("no-history"));

    auto *run = new BenchRun(context, std::move(done), std::move(options));
    run->start();
}

} // namespace versus::cli
