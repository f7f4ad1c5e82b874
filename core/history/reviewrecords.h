// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/historyrecords.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace versus::history {

/// A merge of a turn's answers by a model the user chose (the "merges" table).
struct MergeRecord {
    qint64 id = 0;
    qint64 turnId = 0;
    QString target;      ///< "provider:model" of the merging model
    QString instruction; ///< what it was asked to do with the answers
    AnswerState state = AnswerState::Streaming;
    /// The merged answer as lane-result JSON members ("text", "reasoning", "finish_reason",
    /// "usage", "metrics", "cost", "error"); empty while streaming.
    QJsonObject result;
    QDateTime createdAt;  ///< UTC
    QDateTime finishedAt; ///< UTC; invalid while streaming
    friend bool operator==(const MergeRecord &, const MergeRecord &) = default;
};

/// A judge model's score of one lane's answer to a turn (the "judgements" table).
struct JudgementRecord {
    qint64 turnId = 0;
    qint64 laneId = 0;
    QString judge; ///< "provider:model"
    double score = 0;
    QString reason;
    QString rubric;
    QDateTime createdAt; ///< UTC
    friend bool operator==(const JudgementRecord &, const JudgementRecord &) = default;
};

} // namespace versus::history
