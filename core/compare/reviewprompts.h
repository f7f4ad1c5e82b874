// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>

namespace versus {

/// One lane's answer to a turn as a merging or judging model reads it: by its letter only
/// ("A", "B", …; Comparison::laneLabel()), never by provider or model, so that the reader is
/// not swayed by names and blind mode stays blind.
struct LabelledAnswer {
    QString label;
    QString text;
    friend bool operator==(const LabelledAnswer &, const LabelledAnswer &) = default;
};

/// What "Merge answers" asks for unless the user writes another instruction.
QString defaultMergeInstruction();
/// What "Judge answers" scores against unless the user writes another rubric (1–10).
QString defaultJudgeRubric();

/// The request of a merge: the question, every answer labelled "Answer A", "Answer B", …, and
/// @p instruction, as one user message.
QList<ChatMessage> mergeMessages(const QString &prompt, const QList<LabelledAnswer> &answers,
                                 const QString &instruction);
/// The request of a judge: the question, the labelled answers, the rubric and the JSON shape
/// of the reply ({"scores": [{"answer": "A", "score": 8, "reason": "…"}]}), as one user message.
QList<ChatMessage> judgeMessages(const QString &prompt, const QList<LabelledAnswer> &answers, const QString &rubric);
/// The reply's shape as a JSON schema (sent as the response schema where the model supports
/// structured output): one entry per label in @p labels.
QJsonObject judgeResponseSchema(const QStringList &labels);

/// One answer's score as the judge gave it.
struct JudgeReplyScore {
    QString answer; ///< the label ("A")
    double score = 0;
    QString reason;
    friend bool operator==(const JudgeReplyScore &, const JudgeReplyScore &) = default;
};

/// Why a judge's reply cannot be used (nothing of it is applied).
struct JudgeReplyError {
    enum class Kind {
        NoJson,          ///< no JSON object in the reply
        NoScores,        ///< JSON, but no "scores" array
        BadEntry,        ///< an entry is not an object with an "answer"
        UnknownAnswer,   ///< an entry scores an answer that was not asked about
        DuplicateAnswer, ///< an answer is scored twice
        MissingAnswer,   ///< an answer is not scored
        BadScore,        ///< a score is not a number
        ScoreOutOfRange, ///< a score is outside the scale
    };
    Kind kind = Kind::NoJson;
    QString answer; ///< the label concerned, when one is
    /// Words for people: what is wrong with the reply.
    QString message() const;
    friend bool operator==(const JudgeReplyError &, const JudgeReplyError &) = default;
};

/// Reads a judge's reply: the JSON object may be the whole reply, in a fenced block or inside
/// prose. Strict about what it holds: every label of @p labels scored exactly once, each score
/// a number from @p minScore to @p maxScore. The scores come in the order of @p labels.
std::expected<QList<JudgeReplyScore>, JudgeReplyError> parseJudgeReply(const QString &reply, const QStringList &labels,
                                                                       double minScore = 1, double maxScore = 10);

} // namespace versus
