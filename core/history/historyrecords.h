// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace versus::history {

/// State of a stored answer. Streaming answers are checkpointed about once a second; an
/// answer found "streaming" when the store is opened again was cut short by a crash or a
/// kill and becomes Interrupted, keeping the text of its last checkpoint.
enum class AnswerState { Streaming, Complete, Error, Cancelled, Truncated, Interrupted };
QString answerStateName(AnswerState state);
std::optional<AnswerState> answerStateFromName(const QString &name);

/// One lane of a stored comparison: what it asked (provider, model, parameters). A lane
/// closed in the window stays in the record (its answers are history), marked removed.
struct LaneRecord {
    qint64 id = 0;
    int position = 0;
    QString provider;
    QString model;
    QJsonObject parameters; ///< system prompt, temperature, ... as given by the lane (never a key)
    bool removed = false;
    friend bool operator==(const LaneRecord &, const LaneRecord &) = default;
};

/// One lane's answer to one turn. The JSON members are the lane-result JSON's members of the
/// same name (ARCHITECTURE.md), stored as they are: null/empty when not known.
struct AnswerRecord {
    qint64 id = 0;
    qint64 turnId = 0;
    qint64 laneId = 0;
    AnswerState state = AnswerState::Streaming;
    QString text;
    QString reasoning;
    QJsonArray toolCalls;
    QJsonArray toolRounds;        ///< the tool loop's trace; empty when no tools ran
    QJsonObject structuredOutput; ///< {"valid", "errors"} when a response schema was set
    QString finishReason;
    QJsonObject usage;
    QJsonObject metrics;
    QJsonObject cost;
    QJsonObject error;
    QDateTime startedAt;  ///< UTC
    QDateTime finishedAt; ///< UTC; invalid while streaming
    friend bool operator==(const AnswerRecord &, const AnswerRecord &) = default;
};

/// One prompt sent to some lanes of a comparison (all of them, or one), and their answers.
struct TurnRecord {
    qint64 id = 0;
    int position = 0;
    QString prompt;
    QList<ImageInput> images; ///< attached to the prompt, in order (stored once per SHA-256)
    QDateTime createdAt;      ///< UTC
    QList<AnswerRecord> answers;
    QStringList tags; ///< the user's words for the turn (the leaderboard filters by them), in order
    friend bool operator==(const TurnRecord &, const TurnRecord &) = default;
};

/// The user's verdict on one turn: the best lane's answer, a tie, or "all bad". One per turn.
struct VoteRecord {
    enum class Kind { Best, Tie, AllBad };
    Kind kind = Kind::Best;
    qint64 laneId = 0;  ///< the best lane (Kind::Best); 0 otherwise
    bool blind = false; ///< cast while provider and model names were hidden
    QString note;
    QDateTime castAt; ///< UTC
    friend bool operator==(const VoteRecord &, const VoteRecord &) = default;
};
QString voteKindName(VoteRecord::Kind kind); ///< "best", "tie", "all_bad" (as stored)
std::optional<VoteRecord::Kind> voteKindFromName(const QString &name);

/// A vote as the leaderboard counts it: the targets ("provider:model") of the lanes whose
/// answer to the turn was not an error (and said something), and the best one's target.
struct LeaderboardVote {
    qint64 conversationId = 0;
    qint64 turnId = 0;
    VoteRecord::Kind kind = VoteRecord::Kind::Best;
    QString best;        ///< "provider:model" of the best lane (Kind::Best); empty otherwise
    QStringList targets; ///< each answered lane's target, in lane order (a target may repeat)
    bool blind = false;
    QDateTime castAt; ///< UTC
    QStringList tags; ///< the turn's tags
    friend bool operator==(const LeaderboardVote &, const LeaderboardVote &) = default;
};

/// Which votes the leaderboard counts: cast in [since, until) (an invalid bound is open), on
/// a turn tagged @c tag (case-insensitive; empty = any turn).
struct LeaderboardFilter {
    QDateTime since;
    QDateTime until;
    QString tag;
};

/// A stored comparison (a chat is a comparison of one lane).
struct ConversationRecord {
    qint64 id = 0;
    QString title;
    QDateTime createdAt; ///< UTC
    QDateTime updatedAt; ///< UTC; the last turn or answer
    QList<LaneRecord> lanes;
    QList<TurnRecord> turns; ///< filled by HistoryStore::conversation(), empty in lists
    friend bool operator==(const ConversationRecord &, const ConversationRecord &) = default;
};

/// A line of the conversation list.
struct ConversationSummary {
    qint64 id = 0;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    int laneCount = 0;
    int turnCount = 0;
    QStringList targets; ///< "provider:model" of each lane, in lane order
    friend bool operator==(const ConversationSummary &, const ConversationSummary &) = default;
};

/// A full-text search hit: where a word was found and the text around it.
struct SearchHit {
    qint64 conversationId = 0;
    qint64 turnId = 0;
    qint64 answerId = 0; ///< 0 when the hit is in the prompt
    QString conversationTitle;
    QString snippet; ///< plain text with the matched words between [ and ]
    QDateTime updatedAt;
    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

/// Why a store operation failed; core gives the kind and SQLite's words, the UI words advice.
struct HistoryError {
    enum class Kind {
        Unwritable, ///< the directory or file cannot be written (read-only, permissions)
        DiskFull,
        Corrupt,  ///< not a database, or it failed its integrity check
        TooNew,   ///< written by a newer Versus (user_version above what this one knows)
        NotFound, ///< no conversation/turn/answer with that id
        Other,
    };
    Kind kind = Kind::Other;
    QString message;
    friend bool operator==(const HistoryError &, const HistoryError &) = default;
};

} // namespace versus::history
