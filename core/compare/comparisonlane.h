// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneconversation.h"
#include "compare/lanerun.h"
#include "pricing/costtotals.h"
#include "providers/providerregistry.h"

#include <QObject>
#include <QPointer>

namespace versus {

/// One lane of a Comparison: what it asks (provider:model and parameters), its conversation
/// model, the turn running now (if any) and what its conversation cost.
class ComparisonLane : public QObject {
    Q_OBJECT
public:
    explicit ComparisonLane(Target target, QObject *parent = nullptr);

    const Target &target() const { return m_target; }
    /// Parameters sent with every turn (system prompt, temperature, ...); the model comes from target().
    const ProviderConfig &parameters() const { return m_parameters; }
    /// The function tools this lane's model may call (empty = none); answered by the tool loop.
    const tools::ToolSet &tools() const { return m_tools; }
    /// MCP servers this lane does not use (every other running server's tools join its own).
    const QStringList &mcpServersOff() const { return m_mcpServersOff; }
    LaneConversation *conversation() const { return m_conversation; }
    /// The turn running now, or null.
    LaneRun *run() const { return m_run; }
    bool isBusy() const { return m_run && !m_run->isFinished(); }
    /// What this lane's conversation cost (answers read from history included).
    CostTotals cost() const { return m_conversation->cost(); }
    /// The lane's id in the history; 0 while the comparison is not saved.
    qint64 historyId() const { return m_historyId; }

Q_SIGNALS:
    void targetChanged();
    void busyChanged(bool busy);
    /// A turn started: views connect to the run for live figures.
    void runStarted(versus::LaneRun *run);
    /// The turn in @p row of the conversation ended (its result is in the model).
    void turnFinished(int row);

private:
    friend class Comparison;
    Target m_target;
    ProviderConfig m_parameters;
    tools::ToolSet m_tools;
    QStringList m_mcpServersOff;
    LaneConversation *m_conversation;
    QPointer<LaneRun> m_run;
    qint64 m_historyId = 0;
};

} // namespace versus
