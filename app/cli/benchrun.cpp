// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchrun.h"

#include "bench/benchexport.h"
#include "benchoutput.h"
#include "clisupport.h"
#include "interruptnotifier.h"
#include "pricing/pricecatalog.h"

#include <QSet>

#include <unistd.h>

namespace versus::cli {

namespace {
/// The exit status of a process stopped by SIGINT, as shells report it.
constexpr int kExitInterrupted = 130;
} // namespace

BenchRun::BenchRun(CommandContext &context, Done done, BenchOptions options)
    : m_context(context)
    , m_done(std::move(done))
    , m_options(std::move(options))
{
}

BenchRun::~BenchRun() = default;

void BenchRun::start()
{
    EngineOptions engineOptions;
    engineOptions.network = &m_context.network;
    engineOptions.history = m_options.spec.saveHistory;
    m_engine = std::make_unique<Engine>(engineOptions);
    QTextStream &err = m_context.err;
    for (const CatalogProblem &problem : m_engine->catalogProblems())
        err << "versus-cli: warning: " << problem.toString() << '\n';
    for (const PriceError &error : m_engine->priceProblems())
        err << "versus-cli: warning: " << error.toString() << '\n';
    if (m_options.timeoutMs)
        m_engine->transport.firstByteTimeoutMs = m_engine->transport.idleTimeoutMs = *m_options.timeoutMs;
    if (const auto checked = checkTargets(m_engine->registry(), m_engine->prices(), m_options.spec.targets, err);
        !checked) {
        err << "versus-cli bench: " << checked.error() << '\n';
        return finish(ExitUsage);
    }
    if (m_options.spec.saveHistory) {
        if (const auto &report = m_engine->historyReport(); report && !report->movedAsideTo.isEmpty())
            err << "versus-cli: warning: the history file was damaged (" << report->corruptionReason
                << "); it was moved to " << report->movedAsideTo << " and a new one was started.\n";
        if (const auto &error = m_engine->historyError()) {
            err << "versus-cli: the history cannot be opened: " << error->message
                << "\n  Nothing was sent. Free some disk space or fix the permissions of "
                << history::HistoryStore::defaultPath() << ", or add --no-history.\n";
            return finish(ExitFailure);
        }
    }
    err.flush();

    m_runner = std::make_unique<bench::BenchRunner>(*m_engine, m_options.spec);
    m_progressBar = isatty(STDERR_FILENO) == 1;
    connect(m_runner.get(), &bench::BenchRunner::progress, this, [this] { drawProgress(); });
    connect(m_runner.get(), &bench::BenchRunner::sampleFinished, this, [this](const bench::BenchSample &sample) {
        if (!bench::sampleSucceeded(sample))
            ++m_failed;
    });
    connect(m_runner.get(), &bench::BenchRunner::historyFailed, this, [this](const history::HistoryError &error) {
        m_context.err << (m_progressBar ? "\r\033[K" : "") << "versus-cli: warning: the benchmark could not be "
                      << "stored in the history (" << error.message << "); the run goes on.\n";
        m_context.err.flush();
    });
    connect(m_runner.get(), &bench::BenchRunner::finished, this, &BenchRun::onFinished);
    connect(&m_context.interrupt, &InterruptNotifier::interrupted, this, [this] {
        if (!m_runner || m_runner->isFinished())
            return;
        m_context.err << (m_progressBar ? "\r\033[K" : "")
                      << "versus-cli bench: stopping; the requests in flight are cancelled, what finished is kept "
                         "(Ctrl+C again to quit at once).\n";
        m_context.err.flush();
        m_runner->cancel();
    });
    m_runner->start();
}

void BenchRun::drawProgress()
{
    if (!m_progressBar || !m_runner)
        return;
    const int done = m_runner->finishedRequests();
    const int total = std::max(1, m_runner->totalRequests());
    constexpr int kWidth = 30;
    const int filled = done * kWidth / total;
    QString bar = QString(filled, u'#') + QString(kWidth - filled, u'.');
    m_context.err << "\r\033[K[" << bar << "] " << done << '/' << m_runner->totalRequests();
    if (m_failed > 0)
        m_context.err << "  " << m_failed << " failed";
    m_context.err.flush();
}

void BenchRun::onFinished()
{
    QTextStream &err = m_context.err;
    if (m_progressBar)
        err << "\r\033[K";
    const bool cancelled = m_runner->wasCancelled();
    const QList<bench::BenchSample> &samples = m_runner->samples();
    const bench::BenchSpec &spec = m_runner->spec();
    int exitCode = cancelled ? kExitInterrupted : (m_failed > 0 ? ExitFailure : ExitOk);
    if (m_options.json) {
        writeJson(m_context.out, QJsonDocument(bench::benchToJson(spec, samples, m_runner->benchId(), cancelled)));
    } else {
        if (cancelled)
            m_context.out << "Stopped: " << samples.size() << " of " << m_runner->totalRequests()
                          << " requests finished.\n\n";
        printBenchTable(m_context.out, m_runner->summary());
        if (m_runner->benchId() > 0)
            m_context.out << "Stored as benchmark " << m_runner->benchId() << " (versus-cli bench show "
                          << m_runner->benchId() << ").\n";
    }
    if (!m_options.outPath.isEmpty()) {
        const auto written = writeBenchFiles(m_options.outPath, spec, samples, m_runner->benchId(), cancelled);
        if (!written) {
            err << "versus-cli bench: " << written.error() << '\n';
            if (exitCode == ExitOk)
                exitCode = ExitFailure;
        } else if (!m_options.json) {
            m_context.out << "Wrote " << written->join(QStringLiteral(" and ")) << ".\n";
        }
    }
    // Each failing target's first error in the provider's own words; the table counts them all.
    QSet<int> told;
    for (const bench::BenchSample &sample : samples) {
        if (bench::sampleSucceeded(sample) || !sample.result.chat.error || told.contains(sample.targetIndex))
            continue;
        told.insert(sample.targetIndex);
        err << "versus-cli bench: " << sample.result.target << ": " << sample.result.chat.error->message << '\n';
    }
    finish(exitCode);
}

void BenchRun::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_context.out.flush();
    m_context.err.flush();
    m_done(exitCode);
}

} // namespace versus::cli
