// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "compare/comparison.h"
#include "engine/engine.h"
#include "tools/toolset.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace versus::cli {

/// What `chat` and `compare` share: the request options, the lanes, and how results are shown.
struct RunOptions {
    QList<Target> targets;
    /// compare --set NAME: these lanes first, each with its own parameters and tools; the -t
    /// lanes (with the command line's parameters) follow.
    struct Lane {
        Target target;
        ProviderConfig parameters;
        tools::ToolSet tools;
    };
    QList<Lane> setLanes;
    ProviderConfig parameters;
    tools::ToolSet tools; ///< --tools
    int maxToolRounds = 8;
    QString mcpConfig; ///< --mcp-config: its servers' tools join every lane's
    bool allowAllTools = false;
    QStringList allowTools;
    QString prompt;
    QList<ImageInput> images; ///< --image, in order
    QUrl baseUrl;
    std::optional<int> timeoutMs;
    bool json = false;
    bool saveHistory = true;
    enum class Output { StreamOneLane, Table } output = Output::Table;
};

/// compare --set NAME: the lanes of the saved model set @p name; the error lists the sets there are
/// (or says why the file cannot be read, or which tool the CLI cannot answer).
std::expected<QList<RunOptions::Lane>, QString> readSetLanes(const QString &name);

/// Adds the options of chat and compare (targets, request options, --no-history, --json).
void addRunOptions(QCommandLineParser &parser);
/// Reads them; an error text for a usage error.
std::expected<RunOptions, QString> readRunOptions(CommandContext &context, const QCommandLineParser &parser);

/// Runs one prompt through a Comparison of the given lanes — the same core objects the window
/// uses — and prints the result: the streamed answer (chat) or a live status line per lane
/// and a table (compare), or one JSON document. Calls done() once with the exit status.
class ComparisonRun : public QObject {
public:
    ComparisonRun(CommandContext &context, Done done, RunOptions options);
    ~ComparisonRun() override;
    void start();

private:
    /// Sends once the MCP servers (if any) have started or failed.
    void begin();
    void startMcp();
    bool mcpSettled() const;
    void onDelta(const ChatDelta &delta);
    void onLaneFinished(ComparisonLane *lane, const LaneResult &result);
    void onTurnFinished();
    void drawStatus();
    void printTable();
    void printLaneError(const LaneResult &result);
    void finish(int exitCode);

    CommandContext &m_context;
    Done m_done;
    RunOptions m_options;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Comparison> m_comparison;
    QList<ComparisonLane *> m_lanes;
    QList<std::optional<LaneResult>> m_results;
    QStringList m_skipped; ///< per lane: why it was not sent the prompt (imageSkips); empty when sent
    QTimer m_statusTimer;
    QElapsedTimer m_clock;
    int m_statusLines = 0;
    bool m_inReasoning = false;
    bool m_wroteText = false;
    bool m_finished = false;
    bool m_begun = false;
};

} // namespace versus::cli
