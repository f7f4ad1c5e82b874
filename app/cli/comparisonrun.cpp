// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonrun.h"

#include "chat/chatjson.h"
#include "clisupport.h"
#include "export/laneresultjson.h"
#include "interruptnotifier.h"
#include "laneoutput.h"
#include "mcp/hub.h"
#include "mcp/hubtools.h"
#include "pricing/pricecatalog.h"
#include "tooloutput.h"
#include "tools/toolanswers.h"
#include "wording/erroradvice.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace std::chrono_literals;

namespace versus::cli {

ComparisonRun::ComparisonRun(CommandContext &context, Done done, RunOptions options)
    : m_context(context)
    , m_done(std::move(done))
    , m_options(std::move(options))
{
    m_statusTimer.setInterval(100ms);
    connect(&m_statusTimer, &QTimer::timeout, this, &ComparisonRun::drawStatus);
}

ComparisonRun::~ComparisonRun() = default;

void ComparisonRun::start()
{
    EngineOptions engineOptions;
    engineOptions.network = &m_context.network;
    engineOptions.history = m_options.saveHistory;
    m_engine = std::make_unique<Engine>(engineOptions);
    QTextStream &err = m_context.err;
    for (const CatalogProblem &problem : m_engine->catalogProblems())
        err << "versus-cli: warning: " << problem.toString() << '\n';
    for (const PriceError &error : m_engine->priceProblems())
        err << "versus-cli: warning: " << error.toString() << '\n';
    if (!m_engine->calibrationProblem().isEmpty())
        err << "versus-cli: warning: " << m_engine->calibrationProblem() << '\n';
    if (m_options.timeoutMs)
        m_engine->transport.firstByteTimeoutMs = m_engine->transport.idleTimeoutMs = *m_options.timeoutMs;

    QList<Target> targets;
    for (const RunOptions::Lane &lane : std::as_const(m_options.setLanes))
        targets << lane.target;
    targets << m_options.targets;
    if (const auto checked = checkTargets(m_engine->registry(), m_engine->prices(), targets, err); !checked) {
        err << "versus-cli: " << checked.error() << '\n';
        return finish(ExitUsage);
    }

    if (m_options.saveHistory) {
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
    if (!m_options.mcpConfig.isEmpty())
        return startMcp();
    begin();
}

void ComparisonRun::startMcp()
{
    QTextStream &err = m_context.err;
    if (auto loaded = m_engine->loadMcp(m_options.mcpConfig, true); !loaded) {
        err << "versus-cli: " << loaded.error() << '\n';
        return finish(ExitUsage);
    }
    m_engine->mcpTools()->setOfferOnlyAllowed(true, m_options.allowAllTools, m_options.allowTools);
    // Ctrl-C while the servers start: nothing was sent; stop them and end.
    connect(&m_context.interrupt, &InterruptNotifier::interrupted, this, [this] {
        if (m_begun)
            return;
        m_context.err << "versus-cli: stopped while the MCP servers were starting; nothing was sent.\n";
        finish(ExitFailure);
    });
    for (mcp::Client *client : m_engine->mcpHub()->clients()) {
        connect(client, &mcp::Client::stateChanged, this, [this] {
            if (!m_begun && mcpSettled())
                begin();
        });
    }
    if (mcpSettled())
        begin();
}

bool ComparisonRun::mcpSettled() const
{
    for (const mcp::Client *client : m_engine->mcpHub()->clients()) {
        if (client->config().enabled && client->state() == mcp::Client::State::Starting)
            return false;
        if (client->config().enabled && client->state() == mcp::Client::State::NotRunning &&
            client->stateText() == u"not running")
            return false; // its keychain token is being read: start() has not run yet
    }
    return true;
}

void ComparisonRun::begin()
{
    if (m_finished)
        return;
    m_begun = true;
    QTextStream &err = m_context.err;
    if (mcp::Hub *hub = m_engine->mcpHub()) {
        for (const mcp::Client *client : hub->clients()) {
            if (client->config().enabled && client->state() != mcp::Client::State::Ready)
                err << "versus-cli: warning: MCP server " << client->config().name << " is " << client->stateText()
                    << "; its tools are left out.\n";
        }
        const QList<mcp::HubTools::Listed> listed = m_engine->mcpTools()->listed();
        QStringList names;
        QStringList allowed;
        for (const mcp::HubTools::Listed &tool : listed) {
            names << tool.tool.name;
            if (tool.allowed)
                allowed << tool.tool.name;
        }
        for (const QString &name : std::as_const(m_options.allowTools)) {
            const bool known = std::any_of(listed.begin(), listed.end(), [&](const mcp::HubTools::Listed &tool) {
                return tool.tool.name == name || tool.tool.tool.name == name;
            });
            // Two servers' tools of that name: which one is meant must be said.
            QStringList homonyms;
            for (const mcp::HubTools::Listed &tool : listed) {
                if (tool.tool.tool.name == name && tool.tool.name != name)
                    homonyms << tool.tool.name;
            }
            if (homonyms.size() > 1) {
                err << "versus-cli: --allow-tool " << name << ": several MCP servers offer it; allow "
                    << homonyms.join(u" or ") << '\n';
                return finish(ExitUsage);
            }
            if (!known) {
                err << "versus-cli: --allow-tool " << name << ": no running MCP server offers it"
                    << (names.isEmpty() ? QString() : QStringLiteral(" (they offer: ") + names.join(u", ") + u')')
                    << '\n';
                return finish(ExitUsage);
            }
        }
        if (!names.isEmpty() && allowed.isEmpty()) {
            err << "versus-cli: the MCP servers offer " << names.join(u", ")
                << ", and each call needs your approval, which the CLI cannot ask for.\n"
                << "  Add --allow-tool NAME (repeatable) or --allow-all-tools, or list the tool under "
                   "\"alwaysAllow\" in the server's entry of "
                << m_options.mcpConfig << ".\n";
            return finish(ExitUsage);
        }
        err.flush();
    }

    m_comparison = std::make_unique<Comparison>(*m_engine);
    m_comparison->setExternalTools(m_engine->mcpTools());
    m_comparison->setSaving(m_options.saveHistory);
    m_comparison->setBaseUrlOverride(m_options.baseUrl);
    m_comparison->setMaxToolRounds(m_options.maxToolRounds);
    QList<RunOptions::Lane> specs = m_options.setLanes;
    for (const Target &target : std::as_const(m_options.targets))
        specs.append({target, m_options.parameters, m_options.tools});
    for (const RunOptions::Lane &spec : std::as_const(specs)) {
        ComparisonLane *lane = m_comparison->addLane(spec.target, spec.parameters);
        m_comparison->setLaneTools(lane, spec.tools);
        m_lanes << lane;
        m_results << std::nullopt;
        m_skipped << QString();
        connect(lane, &ComparisonLane::runStarted, this, [this, lane](LaneRun *run) {
            connect(run, &LaneRun::retrying, this, [this, lane](int n, double delay, const ChatError &why) {
                m_context.err << "versus-cli: " << (m_lanes.size() > 1 ? laneTitle(lane) + u' ' : QString())
                              << why.message << " — retry " << n << " in " << QString::number(delay, 'f', 1) << " s\n";
                m_context.err.flush();
            });
            if (m_options.output == RunOptions::Output::StreamOneLane && !m_options.json) {
                connect(run, &LaneRun::deltaReceived, this, &ComparisonRun::onDelta);
                connect(run, &LaneRun::roundFinished, this, [this, run](int number) {
                    const tools::ToolRound &round = run->rounds().at(number - 1);
                    if (round.calls.isEmpty() || !tools::allAnswered(round.calls))
                        return; // an answer follows (or the loop ends, reported then)
                    if (m_inReasoning)
                        m_context.err << (m_context.stdoutIsTerminal ? "\x1b[0m\n" : "\n");
                    m_inReasoning = false;
                    if (m_wroteText)
                        m_context.out << "\n\n";
                    m_context.out.flush();
                    m_wroteText = false;
                    for (const QString &line : roundLines(round))
                        m_context.err << line << '\n';
                    m_context.err.flush();
                });
            }
        });
    }
    connect(m_comparison.get(), &Comparison::laneFinished, this, &ComparisonRun::onLaneFinished);
    connect(m_comparison.get(), &Comparison::laneSkipped, this, [this](ComparisonLane *lane, const QString &message) {
        const qsizetype index = m_lanes.indexOf(lane);
        if (index < 0)
            return;
        m_skipped[index] = message;
        m_context.err << "versus-cli: " << message << '\n'; // the message names the lane
        m_context.err.flush();
    });
    connect(m_comparison.get(), &Comparison::turnFinished, this, &ComparisonRun::onTurnFinished);
    connect(m_comparison.get(), &Comparison::historyFailed, this, [this](const history::HistoryError &error) {
        m_context.err << "versus-cli: warning: the history could not be written: " << error.message
                      << " (the answer below is complete; it may be missing from the history)\n";
        m_context.err.flush();
    });
    connect(&m_context.interrupt, &InterruptNotifier::interrupted, m_comparison.get(), &Comparison::stopAll);

    m_clock.start();
    const bool live = m_options.output == RunOptions::Output::Table && !m_options.json && m_context.stdoutIsTerminal;
    if (live) {
        m_statusTimer.start();
        drawStatus();
    }
    prepareTurn();
    auto sent = m_comparison->send(m_options.prompt, m_options.images);
    if (!sent) {
        m_statusTimer.stop();
        err << "versus-cli: the prompt could not be saved to the history, so nothing was sent: " << sent.error().message
            << "\n  Free some disk space or fix the permissions of " << m_engine->history()->path()
            << ", or add --no-history.\n";
        return finish(ExitFailure);
    }
    afterSend();
    // Every lane skipped (no model sees images): nothing was sent and no turn will finish.
    if (std::none_of(m_skipped.cbegin(), m_skipped.cend(), [](const QString &why) { return why.isEmpty(); }))
        onTurnFinished();
}

void ComparisonRun::onDelta(const ChatDelta &delta)
{
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

void ComparisonRun::drawStatus()
{
    // One line per lane, redrawn in place on the terminal (stderr keeps stdout for the table).
    QTextStream &err = m_context.err;
    if (m_statusLines > 0)
        err << "\x1b[" << m_statusLines << 'F';
    m_statusLines = 0;
    qsizetype width = 0;
    for (const ComparisonLane *lane : std::as_const(m_lanes))
        width = std::max(width, laneTitle(lane).size());
    for (int i : shownOrder()) {
        ComparisonLane *lane = m_lanes.at(i);
        QString state;
        if (m_results.at(i)) {
            state = resultStatusName(m_results.at(i)->chat.status) + QStringLiteral(" · ") +
                    metricsLine(*m_results.at(i), false);
        } else if (const LaneRun *run = lane->run()) {
            if (run->phase() == LaneRun::Phase::ResolvingKey || !run->stream()) {
                state = QStringLiteral("looking up the key…");
            } else {
                const StreamTimeline &timeline = run->stream()->timeline();
                const double elapsed = double(timeline.nowNs() - timeline.startNs()) / 1e9;
                if (timeline.tokenChunkCount() == 0) {
                    state = QStringLiteral("waiting %1 s").arg(elapsed, 0, 'f', 1);
                } else {
                    const auto speed = timeline.liveTokensPerS();
                    state = QStringLiteral("streaming %1 s · ~%2 tokens%3")
                                .arg(elapsed, 0, 'f', 1)
                                .arg(timeline.estimatedUsage().completionTokens.value_or(0))
                                .arg(speed ? QStringLiteral(" · %1 tok/s").arg(*speed, 0, 'f', 0) : QString());
                }
            }
        }
        err << "\x1b[2K" << laneTitle(lane).leftJustified(width) << "  " << state << '\n';
        ++m_statusLines;
    }
    err.flush();
}

void ComparisonRun::onLaneFinished(ComparisonLane *lane, const LaneResult &result)
{
    const int index = int(m_lanes.indexOf(lane));
    if (index >= 0)
        m_results[index] = result;
}

void ComparisonRun::printLaneError(const LaneResult &result)
{
    if (!result.chat.error || result.chat.status == ResultStatus::Ok)
        return;
    const ChatError &e = *result.chat.error;
    QTextStream &err = m_context.err;
    err << "versus-cli: " << (m_lanes.size() > 1 ? result.target + QStringLiteral(": ") : QString())
        << errorTitle(e.kind) << " (" << errorKindName(e.kind);
    if (e.httpStatus)
        err << ", HTTP " << e.httpStatus;
    err << "): " << e.message << '\n';
    if (const Provider *provider = m_engine->registry().find(result.provider)) {
        const QString advice = errorAdvice(e, provider->info());
        if (!advice.isEmpty())
            err << "  " << advice << '\n';
    }
}

namespace {

/// A lane that was not sent the prompt: the lane-result JSON's identity members, status
/// "skipped" and the reason; none of a sent lane's members, which would only be empty.
QJsonObject skippedLaneJson(const Target &target, const QString &message)
{
    return QJsonObject{{QStringLiteral("target"), target.toString()},
                       {QStringLiteral("provider"), target.provider},
                       {QStringLiteral("model"), target.model},
                       {QStringLiteral("status"), QStringLiteral("skipped")},
                       {QStringLiteral("skipped"), message}};
}

} // namespace

void ComparisonRun::onTurnFinished()
{
    m_statusTimer.stop();
    if (startJudge())
        return; // back here when the judge has finished
    QList<LaneResult> results;
    QJsonArray laneJson; // lane order, skipped lanes included
    bool allOk = true;
    bool anySent = false;
    for (int i : shownOrder()) {
        if (!m_skipped.at(i).isEmpty()) {
            laneJson.append(skippedLaneJson(m_lanes.at(i)->target(), m_skipped.at(i)));
            continue;
        }
        const auto &result = m_results.at(i);
        if (!result)
            continue;
        anySent = true;
        results << shownResult(i);
        QJsonObject json = laneResultToJson(*result);
        if (m_options.judge)
            json.insert(u"judge", judgeJson(m_lanes.at(i)));
        laneJson.append(labelled(json, i));
        allOk = allOk && result->chat.status == ResultStatus::Ok;
    }
    // A turn no lane was sent (every model blind to the images) did not succeed.
    allOk = allOk && anySent;
    const QJsonValue conversationId =
        m_comparison->conversationId() ? QJsonValue(m_comparison->conversationId()) : QJsonValue(QJsonValue::Null);
    if (m_options.json) {
        if (m_options.output == RunOptions::Output::StreamOneLane && laneJson.size() == 1) {
            QJsonObject object = laneJson.first().toObject();
            object.insert(u"conversation_id", conversationId);
            writeJson(m_context.out, QJsonDocument(object));
        } else {
            const QJsonArray &array = laneJson;
            QJsonObject document{{QStringLiteral("results"), array},
                                 {QStringLiteral("conversation_id"), conversationId}};
            addBlindMapping(document);
            if (m_options.judge) {
                document.insert(u"judge_error", chatErrorToJson(m_judgeError));
                printJudgeError();
            }
            writeJson(m_context.out, QJsonDocument(document));
        }
        return finish(allOk ? ExitOk : ExitFailure);
    }
    if (m_options.output == RunOptions::Output::StreamOneLane) {
        if (m_inReasoning)
            m_context.err << (m_context.stdoutIsTerminal ? "\x1b[0m\n" : "\n");
        if (m_wroteText)
            m_context.out << '\n';
        m_context.out.flush();
        for (const LaneResult &result : std::as_const(results)) {
            if (!result.toolRounds.isEmpty()) {
                // Rounds with calls were printed as they ended; the last one's are still due.
                const tools::ToolRound &last = result.toolRounds.last();
                if (!last.serverTools.isEmpty() || (!last.calls.isEmpty() && !tools::allAnswered(last.calls)))
                    for (const QString &line : roundLines(last))
                        m_context.err << line << '\n';
                for (const QString &line : toolSummaryLines(result))
                    m_context.err << line << '\n';
            } else {
                for (const ToolCall &call : result.chat.toolCalls)
                    m_context.err << "tool call " << call.name << '(' << call.arguments << ")\n";
            }
            for (const QString &line : structuredOutputLines(result))
                m_context.err << line << '\n';
            printLaneError(result);
            m_context.err << metricsLine(result) << '\n';
        }
        m_context.err.flush();
        return finish(allOk ? ExitOk : ExitFailure);
    }
    if (m_statusLines > 0) {
        // The table replaces the live lines.
        m_context.err << "\x1b[" << m_statusLines << "F\x1b[J";
        m_context.err.flush();
        m_statusLines = 0;
    }
    if (!results.isEmpty()) {              // no table when every lane was skipped: stderr said why
        QList<ComparisonLane *> sentLanes; // the lanes of `results`, in the same (shown) order
        for (int i : shownOrder()) {
            if (m_skipped.at(i).isEmpty() && m_results.at(i))
                sentLanes << m_lanes.at(i);
        }
        for (const QString &line : resultsTable(results, judgeColumn(sentLanes)))
            m_context.out << line << '\n';
    }
    printBlindMapping();
    m_context.out.flush();
    for (const LaneResult &result : std::as_const(results)) {
        const QString prefix = result.target + QStringLiteral(": ");
        for (const QString &line : toolSummaryLines(result))
            m_context.err << prefix << line << '\n';
        for (const QString &line : structuredOutputLines(result))
            m_context.err << prefix << line << '\n';
        printLaneError(result);
    }
    printJudgeError();
    if (m_comparison->conversationId())
        m_context.err << "Saved as conversation " << m_comparison->conversationId() << " (versus-cli history show "
                      << m_comparison->conversationId() << ").\n";
    m_context.err.flush();
    finish(allOk ? ExitOk : ExitFailure);
}

void ComparisonRun::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!m_engine || !m_engine->mcpHub())
        return m_done(exitCode);
    // The process ends right after: its MCP servers end first (bounded), none is left behind —
    // from the event loop, since this may run inside a signal of one of them.
    QTimer::singleShot(0, this, [this, exitCode] {
        m_engine->stopMcp();
        m_done(exitCode);
    });
}

} // namespace versus::cli
