// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench/benchrunner.h"
#include "command.h"
#include "engine/engine.h"

#include <memory>
#include <optional>

namespace versus::cli {

/// What `versus-cli bench` was asked to do, read and checked before anything is sent.
struct BenchOptions {
    bench::BenchSpec spec;
    std::optional<int> timeoutMs;
    QString outPath; ///< --out F.json | F.csv; empty = none
    bool json = false;
};

/// Runs a benchmark with a BenchRunner and reports it: a progress bar on stderr when it is a
/// terminal, then the table (or the JSON document) and the --out files. Ctrl+C cancels the
/// requests in flight and still reports, writes and stores what finished (exit 130).
class BenchRun : public QObject {
public:
    BenchRun(CommandContext &context, Done done, BenchOptions options);
    ~BenchRun() override;
    void start();

private:
    void drawProgress();
    void onFinished();
    void finish(int exitCode);

    CommandContext &m_context;
    Done m_done;
    BenchOptions m_options;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<bench::BenchRunner> m_runner;
    bool m_progressBar = false;
    bool m_finished = false;
    int m_failed = 0;
};

} // namespace versus::cli
