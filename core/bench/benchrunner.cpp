// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/benchrunner.h"

#include "bench/benchstore.h"
#include "compare/answercodec.h"
#include "compare/lanerun.h"
#include "engine/engine.h"

#include <QHash>
#include <QTimer>

#include <algorithm>

namespace versus::bench {

/// One request of the plan.
struct BenchRunner::Job {
    int target = 0;
    int prompt = 0;
    int run = 0;
    bool warmup = false;
};

struct BenchRunner::Private {
    explicit Private(Engine &e)
        : engine(e)
    {
    }
    Engine &engine;
    QList<QList<Job>> queues;         ///< per target: what is still to start, in order
    QList<QList<LaneRun *>> inFlight; ///< per target
    QHash<LaneRun *, Job> jobs;
    QList<int> warmupsLeft; ///< per target: warm-ups not finished yet (measured ones wait for them)
    QList<BenchSample> samples;
    qint64 benchId = 0;
    int total = 0;
    bool started = false;
    bool finished = false;
    bool cancelled = false;
    bool scheduled = false;
    bool historyBroken = false;
};

BenchRunner::BenchRunner(Engine &engine, BenchSpec spec, QObject *parent)
    : QObject(parent)
    , d(new Private(engine))
    , m_spec(std::move(spec))
{
    m_spec.runs = std::max(1, m_spec.runs);
    m_spec.concurrency = std::max(1, m_spec.concurrency);
    m_spec.warmup = std::max(0, m_spec.warmup);
    if (m_spec.title.isEmpty())
        m_spec.title = defaultBenchTitle(m_spec);
    d->total = int(m_spec.targets.size() * m_spec.prompts.prompts.size()) * m_spec.runs;
}

BenchRunner::~BenchRunner()
{
    // Runs are children: they go with the runner. Nothing is emitted from here.
    for (const QList<LaneRun *> &runs : std::as_const(d->inFlight)) {
        for (LaneRun *run : runs)
            run->disconnect(this);
    }
    // Destroyed while running (the window or the app closed): the stored benchmark must not
    // stay "running" for ever; it ends here as cancelled, with the samples it holds.
    if (d->started && !d->finished && d->benchId) {
        if (history::HistoryStore *store = d->engine.history())
            (void)store->finishBench(d->benchId, d->historyBroken ? history::BenchRecord::State::Interrupted
                                                                  : history::BenchRecord::State::Cancelled);
    }
    delete d;
}

int BenchRunner::totalRequests() const
{
    return d->total;
}

int BenchRunner::finishedRequests() const
{
    return int(d->samples.size());
}

bool BenchRunner::isRunning() const
{
    return d->started && !d->finished;
}

bool BenchRunner::isFinished() const
{
    return d->finished;
}

bool BenchRunner::wasCancelled() const
{
    return d->cancelled;
}

const QList<BenchSample> &BenchRunner::samples() const
{
    return d->samples;
}

QList<TargetSummary> BenchRunner::summary() const
{
    QStringList targets;
    for (const Target &target : m_spec.targets)
        targets << target.toString();
    return summarize(targets, d->samples);
}

qint64 BenchRunner::benchId() const
{
    return d->benchId;
}

void BenchRunner::start()
{
    if (d->started)
        return;
    d->started = true;
    const int targets = int(m_spec.targets.size());
    const int prompts = int(m_spec.prompts.prompts.size());
    for (int t = 0; t < targets; ++t) {
        QList<Job> queue;
        if (prompts > 0) {
            for (int w = 0; w < m_spec.warmup; ++w)
                queue.append({t, 0, w, true});
        }
        for (int p = 0; p < prompts; ++p) {
            for (int r = 0; r < m_spec.runs; ++r)
                queue.append({t, p, r, false});
        }
        d->queues << queue;
        d->inFlight << QList<LaneRun *>();
        d->warmupsLeft << (prompts > 0 ? m_spec.warmup : 0);
    }

    if (history::HistoryStore *store = m_spec.saveHistory ? d->engine.history() : nullptr) {
        history::BenchRecord record;
        record.title = m_spec.title;
        record.state = history::BenchRecord::State::Running;
        record.spec = benchSpecToJson(m_spec);
        if (auto created = store->createBench(record)) {
            d->benchId = created->id;
        } else {
            d->historyBroken = true;
            Q_EMIT historyFailed(created.error());
        }
    }
    Q_EMIT progress(0, d->total);
    schedule();
}

void BenchRunner::cancel()
{
    if (!d->started || d->finished || d->cancelled)
        return;
    d->cancelled = true;
    for (QList<Job> &queue : d->queues)
        queue.clear();
    QList<LaneRun *> running;
    for (const QList<LaneRun *> &runs : std::as_const(d->inFlight))
        running << runs;
    for (LaneRun *run : std::as_const(running))
        run->cancel(); // finished() follows (now or later); its sample is dropped
    schedule();
}

void BenchRunner::schedule()
{
    if (d->scheduled)
        return;
    d->scheduled = true;
    // From the event loop: a request that fails at once (no key, unknown provider) finishes
    // inside start(), and the next one must not start from inside that call.
    QTimer::singleShot(0, this, [this] {
        d->scheduled = false;
        pump();
    });
}

void BenchRunner::pump()
{
    if (d->finished)
        return;
    for (int t = 0; t < int(d->queues.size()); ++t) {
        QList<Job> &queue = d->queues[t];
        while (!d->cancelled && d->inFlight.at(t).size() < m_spec.concurrency && !queue.isEmpty()) {
            if (!queue.first().warmup && d->warmupsLeft.at(t) > 0)
                break; // measured requests start once the warm-up is over
            launch(queue.takeFirst());
        }
    }
    bool idle = true;
    for (int t = 0; t < int(d->queues.size()); ++t)
        idle = idle && d->queues.at(t).isEmpty() && d->inFlight.at(t).isEmpty();
    if (idle)
        finish();
}

void BenchRunner::launch(const Job &job)
{
    LaneRunSpec spec;
    spec.target = m_spec.targets.at(job.target);
    spec.config = m_spec.parameters;
    spec.messages = {ChatMessage::user(m_spec.prompts.prompts.at(job.prompt))};
    spec.baseUrl = m_spec.baseUrl;
    spec.tools = m_spec.prompts.tools;
    auto *run = new LaneRun(d->engine, std::move(spec), this);
    d->inFlight[job.target] << run;
    d->jobs.insert(run, job);
    connect(run, &LaneRun::finished, this, [this, run] { onRunFinished(run); });
    run->start();
}

void BenchRunner::onRunFinished(LaneRun *run)
{
    const Job job = d->jobs.take(run);
    d->inFlight[job.target].removeOne(run);
    LaneResult result = run->result();
    run->deleteLater();
    if (job.warmup) {
        --d->warmupsLeft[job.target];
        Q_EMIT warmupFinished(job.target);
    } else if (!(d->cancelled && result.chat.status == ResultStatus::Cancelled)) {
        if (result.target.isEmpty()) {
            result.target = m_spec.targets.at(job.target).toString();
            result.provider = m_spec.targets.at(job.target).provider;
            result.model = m_spec.targets.at(job.target).model;
        }
        BenchSample sample;
        sample.targetIndex = job.target;
        sample.promptIndex = job.prompt;
        sample.runIndex = job.run;
        sample.result = result;
        d->samples << sample;
        store(sample);
        Q_EMIT sampleFinished(sample);
        Q_EMIT progress(int(d->samples.size()), d->total);
    }
    schedule();
}

void BenchRunner::store(const BenchSample &sample)
{
    history::HistoryStore *store = d->benchId && !d->historyBroken ? d->engine.history() : nullptr;
    if (!store)
        return;
    history::BenchSampleRecord record;
    record.targetIndex = sample.targetIndex;
    record.promptIndex = sample.promptIndex;
    record.runIndex = sample.runIndex;
    record.answer = answerRecordFor(sample.result, answerStateFor(sample.result.chat.status));
    record.answer.startedAt = sample.result.sentAt; // invalid when never sent: the store says now
    if (auto added = store->addBenchSample(d->benchId, record); !added) {
        d->historyBroken = true;
        Q_EMIT historyFailed(added.error());
    }
}

void BenchRunner::finish()
{
    if (d->finished)
        return;
    d->finished = true;
    if (history::HistoryStore *store = d->benchId ? d->engine.history() : nullptr) {
        // A sample that could not be stored leaves the stored benchmark incomplete: it is not
        // shown as finished (the samples in memory, printed and exported, are whole).
        const auto state = d->historyBroken ? history::BenchRecord::State::Interrupted
                           : d->cancelled   ? history::BenchRecord::State::Cancelled
                                            : history::BenchRecord::State::Finished;
        if (auto done = store->finishBench(d->benchId, state); !done && !d->historyBroken)
            Q_EMIT historyFailed(done.error());
    }
    Q_EMIT finished();
}

} // namespace versus::bench
