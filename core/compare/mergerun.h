// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneconversation.h"
#include "compare/lanerun.h"
#include "history/reviewrecords.h"

#include <QObject>
#include <QPointer>

namespace versus {

namespace history {
class HistoryStore;
}

/// One merge of a turn's answers: the model the user chose is sent the prompt, every lane's
/// answer (by letter only) and the instruction, through a LaneRun like any lane (key, stream,
/// metrics, cost). Its answer streams into conversation(), a one-row LaneConversation that
/// views show as they show a lane. Stored in the history's "merges" table as it starts and
/// when it ends. finished() fires once.
class MergeRun : public QObject {
    Q_OBJECT
public:
    /// A merge of the answers to @p prompt (the turn with @p turnKey), streaming until start()
    /// finishes it or restore() replaces it by a stored one.
    MergeRun(qint64 turnKey, const Target &target, const QString &instruction, const QString &prompt,
             QObject *parent = nullptr);

    qint64 turnKey() const { return m_turnKey; }
    const Target &target() const { return m_target; }
    QString instruction() const { return m_instruction; }
    /// One row: the turn's prompt and the merged answer.
    LaneConversation *conversation() const { return m_conversation; }
    /// The request while it runs; null before and after.
    LaneRun *run() const { return m_run; }
    bool isRunning() const { return m_run && !m_run->isFinished(); }
    /// The merged answer so far (the final one once finished).
    const LaneResult &result() const { return m_conversation->turn(0).result; }
    history::AnswerState state() const { return m_conversation->turn(0).state; }
    /// The history's id of the merge; 0 when not saved.
    qint64 historyId() const { return m_historyId; }

    /// Sends @p spec (its messages are the merge request) and saves the merge under @p turnId
    /// in @p store (none when null or 0).
    void start(Engine &engine, LaneRunSpec spec, qint64 turnId, history::HistoryStore *store);
    /// A merge read back from the history (one left streaming reads as Interrupted).
    void restore(const history::MergeRecord &record);
    /// Stops the merge; finished() follows with the partial answer (saved).
    void cancel();

Q_SIGNALS:
    void deltaReceived(const versus::ChatDelta &delta);
    void finished();
    void historyFailed(const versus::history::HistoryError &error);

private:
    void onRunFinished();

    qint64 m_turnKey = 0;
    Target m_target;
    QString m_instruction;
    LaneConversation *m_conversation;
    QPointer<LaneRun> m_run;
    history::HistoryStore *m_store = nullptr;
    qint64 m_historyId = 0;
};

/// A merged answer as the "merges" table keeps it: the lane-result JSON members of the answer.
QJsonObject mergeResultToJson(const LaneResult &result, history::AnswerState state);
LaneResult mergeResultFromJson(const QJsonObject &json, const Target &target, history::AnswerState state);

} // namespace versus
