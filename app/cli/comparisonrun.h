// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "compare/comparison.h"
#include "engine/engine.h"
#include "tools/toolset.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
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
    bool blind = false;          ///< compare --blind: lanes shown as Lane A, B, C… until the end
    QStringList tags;            ///< compare --tag, stored on the turn
    std::optional<Target> judge; ///< compare --judge: scores the answers once the lanes finish
    QString rubric;              ///< --rubric FILE's text; empty = the default rubric
    enum class Output { StreamOneLane, Table } output = Output::Table;
};

/// compare --set NAME: the lanes of the saved model set @p name; the error lists the sets there are
/// (or says why the file cannot be read, or which tool the CLI cannot answer).
std::expected<QList<RunOptions::Lane>, QString> readSetLanes(const QString &name);

/// Adds the options of chat and compare (targets, request options, --no-history, --json).
void addRunOptions(QCommandLineParser &parser);
/// Reads them; an error text for a usage error.
std::expected<RunOptions, QString> readRunOptions(CommandContext &context, const QCommandLineParser &parser);

/// compare's --blind and --tag (blindrun.cpp).
void addVerdictOptions(QCommandLineParser &parser);
std::expected<void, QString> readVerdictOptions(const QCommandLineParser &parser, RunOptions &options);
/// compare's --judge P:M and --rubric FILE (comparisonjudge.cpp).
void addJudgeOptions(QCommandLineParser &parser);
std::expected<void, QString> readJudgeOptions(const QCommandLineParser &parser, RunOptions &options);

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
    // blindrun.cpp: what --blind and --tag change
    QString laneTitle(const ComparisonLane *lane) const; ///< "Lane A" when blind, else provider:model
    QList<int> shownOrder() const;                       ///< indexes of m_lanes in the order shown
    void prepareTurn();
    void afterSend();
    LaneResult shownResult(int index) const;
    QJsonObject labelled(QJsonObject laneJson, int index) const;
    void addBlindMapping(QJsonObject &document) const;
    void printBlindMapping();
    // comparisonjudge.cpp
    /// Starts the judge (--judge) once the lanes are done; false when there is none to start.
    bool startJudge();
    /// A lane's "judge" member: its score, or null when judging failed.
    QJsonValue judgeJson(const ComparisonLane *lane) const;
    /// The table's judge column, in lane order of @p lanes; empty without --judge.
    QStringList judgeColumn(const QList<ComparisonLane *> &lanes) const;
    void printJudgeError();

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
    bool m_judgeAsked = false;
    QPointer<JudgeRun> m_judge;
    std::optional<ChatError> m_judgeError; ///< why there are no scores (--judge); nothing when there are
};

} // namespace versus::cli
