// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/benchrecords.h"
#include "history/historyrecords.h"
#include "history/reviewrecords.h"

#include <QHash>
#include <QMap>
#include <QString>

#include <expected>
#include <functional>

namespace versus::history {

/// What open() found and did, for the window or the CLI to tell the user.
struct OpenReport {
    QString path;
    /// The file was corrupt or unreadable: it (and its -wal/-shm) was moved here and a fresh
    /// store was started. Empty when nothing was moved.
    QString movedAsideTo;
    QString corruptionReason;
    int interruptedAnswers = 0; ///< answers left "streaming" by the last run, now Interrupted
    int interruptedBenches = 0; ///< benchmarks left running by the last run, now Interrupted
    int migratedFrom = -1;      ///< the schema version before a migration; -1 when none ran (or a new file)
};

/// The SQLite history (ARCHITECTURE.md "Storage"): one writer connection on the thread that
/// opened it. Every write is its own small transaction and is on disk (WAL) when the call
/// returns successfully: a user's message is committed before its request is sent; a
/// streaming answer is checkpointed about once a second, never rewritten per token.
///
/// Files: the data directory is created 0700, the database and its -wal/-shm 0600.
/// PRAGMAs: journal_mode=WAL, synchronous=NORMAL, secure_delete=ON, foreign_keys=ON.
/// Schema version in user_version, one transaction per migration, a newer version refused.
class HistoryStore {
public:
    HistoryStore();
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    /// $XDG_DATA_HOME/versus/history.sqlite (QStandardPaths::GenericDataLocation + "/versus").
    static QString defaultPath();
    /// The schema version this build writes.
    static int schemaVersion();
    /// Whether @p path can be chosen as the place of the history: no file there yet (or an
    /// empty one), or a Versus history. Another program's file or database is refused, so that
    /// opening it never moves it aside or adds tables to it. Read only.
    static bool canHoldHistory(const QString &path);

    /// Opens (creating when missing) the store at @p path, runs migrations, checks integrity
    /// (quick_check) and marks answers left streaming as Interrupted — unless another live
    /// process has the file open for writing (a lock file beside it), whose answers may still
    /// be streaming. A corrupt file is moved
    /// aside with a timestamp and a fresh store is opened (see OpenReport). Errors: Unwritable,
    /// DiskFull, TooNew, Other.
    std::expected<OpenReport, HistoryError> open(const QString &path = defaultPath());
    bool isOpen() const;
    QString path() const;
    void close();

    // --- writes -------------------------------------------------------------------------
    /// A new conversation with @p lanes (positions taken from their order). Returns it with ids.
    std::expected<ConversationRecord, HistoryError> createConversation(const QString &title,
                                                                       const QList<LaneRecord> &lanes);
    std::expected<void, HistoryError> renameConversation(qint64 conversationId, const QString &title);
    /// Adds a lane at the end; returns it with its id and position.
    std::expected<LaneRecord, HistoryError> addLane(qint64 conversationId, const LaneRecord &lane);
    /// Updates a lane's provider, model, parameters, position and removed flag.
    std::expected<void, HistoryError> updateLane(const LaneRecord &lane);
    /// Commits the user's prompt as the next turn, with its @p images (each image's bytes
    /// stored once per SHA-256) and one Streaming answer per lane in @p laneIds, in one
    /// transaction. Returns the turn (its answers carry their ids). Durable on return.
    /// The turn's moment (createdAt, ms) is now, but never before @p notBefore and always
    /// after the conversation's last turn: a turn's moment is its key across the lanes, so
    /// two turns sent within one millisecond must not share it.
    std::expected<TurnRecord, HistoryError> addTurn(qint64 conversationId, const QString &prompt,
                                                    const QList<qint64> &laneIds, const QList<ImageInput> &images = {},
                                                    const QDateTime &notBefore = {});
    /// Saves what a streaming answer holds so far (one small transaction).
    std::expected<void, HistoryError> checkpointAnswer(qint64 answerId, const QString &text, const QString &reasoning);
    /// The same with the tool loop's trace so far (a round ended; a call may wait for the user).
    std::expected<void, HistoryError> checkpointAnswer(qint64 answerId, const QString &text, const QString &reasoning,
                                                       const QJsonArray &toolRounds);
    /// Saves the final answer: every member of @p answer except ids and startedAt.
    std::expected<void, HistoryError> finishAnswer(const AnswerRecord &answer);
    /// Empties stored answers for a regenerated turn, in one transaction: each becomes a
    /// Streaming answer again (text, reasoning, tool calls, usage, figures, cost and error
    /// cleared; started now), keeping its id, turn and lane, so the new answer replaces the old
    /// one in place. Returns the answers as they are now. Errors: NotFound when one is unknown
    /// (then none is reset). The vote and the judgements of the turns of those answers go too: a
    /// verdict on an old answer must not count for the new one.
    std::expected<QList<AnswerRecord>, HistoryError> resetAnswers(const QList<qint64> &answerIds);
    /// A new conversation titled @p title that branches off @p conversationId before the turn
    /// @p beforeTurnId (an edited prompt): the same lanes, and copies of the turns before that
    /// one with their images and answers (text, figures, cost as stored), in one transaction.
    /// The copied turns keep their tags, votes, judgements and continued lane (mapped to the
    /// branch's lanes). The original conversation is not changed. Returns the branch with its lanes (no turns).
    std::expected<ConversationRecord, HistoryError> branchConversation(qint64 conversationId, qint64 beforeTurnId,
                                                                       const QString &title);
    // --- verdicts (historyverdicts.cpp) ---------------------------------------------------
    /// Records the user's vote on a turn, replacing the turn's earlier vote. Errors: NotFound
    /// (no such turn, or the best lane is not a lane of the turn's conversation).
    std::expected<void, HistoryError> setVote(qint64 turnId, const VoteRecord &vote);
    /// Removes a turn's vote (none is fine).
    std::expected<void, HistoryError> clearVote(qint64 turnId);
    /// The votes on a conversation's turns, by turn id.
    std::expected<QMap<qint64, VoteRecord>, HistoryError> votes(qint64 conversationId) const;
    /// Replaces a turn's tags (trimmed, empty and repeated ones dropped; none = NULL).
    std::expected<void, HistoryError> setTurnTags(qint64 turnId, const QStringList &tags);
    /// Every vote the filter lets through, oldest first, with what the leaderboard needs.
    std::expected<QList<LeaderboardVote>, HistoryError> leaderboardVotes(const LeaderboardFilter &filter = {}) const;
    /// Every tag used on a turn with a vote, sorted case-insensitively (for the leaderboard's filter).
    std::expected<QStringList, HistoryError> voteTags() const;

    /// Removes the conversation with all its lanes, turns, answers and the images no other
    /// conversation's turn uses, from the tables, the
    /// full-text index and (secure_delete + index merge + WAL checkpoint) the file's bytes —
    /// at once, or, while another process reads the file, when this store is closed.
    std::expected<void, HistoryError> deleteConversation(qint64 conversationId);

    // --- reads --------------------------------------------------------------------------
    /// Newest (updatedAt) first. Lane counts and targets include removed lanes.
    std::expected<QList<ConversationSummary>, HistoryError> conversations() const;
    /// The whole conversation: lanes (removed ones too), turns in order with their answers.
    std::expected<ConversationRecord, HistoryError> conversation(qint64 conversationId) const;
    /// Receives each answer of readConversation() with the conversation read so far (its
    /// lanes and turns, no answers) and the answer's turn.
    using AnswerVisitor =
        std::function<void(const ConversationRecord &conversation, const TurnRecord &turn, AnswerRecord &&answer)>;
    /// The conversation's lanes and turns (without answers), with each answer handed to
    /// @p visit as it is read — turns in order, then lanes in order — so that a long
    /// conversation is never held twice at full size (as records and as what they become).
    std::expected<ConversationRecord, HistoryError> readConversation(qint64 conversationId,
                                                                     const AnswerVisitor &visit) const;
    /// Full-text search over prompts and answers; @p words as a user types them (each word
    /// must occur; quotes and operators are taken literally). Best matches first, at most @p limit.
    /// An answer is indexed once it stops streaming (finished, or Interrupted at open()).
    std::expected<QList<SearchHit>, HistoryError> search(const QString &words, int limit = 50) const;

    // --- merges, judgements, continuations (historymerges.cpp, historyjudgements.cpp) ---
    /// Stores a merge as it starts (its id and, when unset, createdAt filled in). NotFound when
    /// the turn is unknown.
    std::expected<MergeRecord, HistoryError> addMerge(const MergeRecord &merge);
    /// Saves how a merge ended: its state, result and finishedAt (now when unset).
    std::expected<void, HistoryError> finishMerge(const MergeRecord &merge);
    /// The merges of a conversation's turns, turn by turn, oldest first.
    std::expected<QList<MergeRecord>, HistoryError> merges(qint64 conversationId) const;
    /// Replaces the judge's scores of a turn's answers by @p judgements, in one transaction.
    std::expected<void, HistoryError> replaceJudgements(qint64 turnId, const QList<JudgementRecord> &judgements);
    /// The judge's scores of a conversation's turns.
    std::expected<QList<JudgementRecord>, HistoryError> judgements(qint64 conversationId) const;
    /// The lane whose answer to @p turnId every lane's later turns carry; 0 = lanes kept separate.
    std::expected<void, HistoryError> setContinuedLane(qint64 turnId, qint64 laneId);
    /// Turn id -> the lane id it continues from, for a conversation's turns that name one.
    std::expected<QHash<qint64, qint64>, HistoryError> continuedLanes(qint64 conversationId) const;

    // --- benchmarks (historybench.cpp; schema 6) ------------------------------------------
    /// Stores a benchmark as it starts (state as given, normally Running); returns it with its
    /// id and createdAt (now when unset). Its samples are added one by one.
    std::expected<BenchRecord, HistoryError> createBench(const BenchRecord &bench);
    /// Adds one measured request; returns it with its id. NotFound when the benchmark is unknown.
    std::expected<BenchSampleRecord, HistoryError> addBenchSample(qint64 benchId, const BenchSampleRecord &sample);
    /// Sets how the benchmark ended and finishedAt (now). NotFound when it is unknown.
    std::expected<void, HistoryError> finishBench(qint64 benchId, BenchRecord::State state);
    /// Every benchmark, newest first, with its sample and error counts (no samples).
    std::expected<QList<BenchSummaryRecord>, HistoryError> benches() const;
    /// One benchmark with its samples in the order they were added. NotFound when unknown.
    std::expected<BenchRecord, HistoryError> bench(qint64 benchId) const;
    /// Removes the benchmark and its samples (secure_delete; the WAL scrubbed as for a conversation).
    std::expected<void, HistoryError> deleteBench(qint64 benchId);

    /// Test-only: caps the database at @p pages pages (PRAGMA max_page_count) so that a test
    /// can provoke a genuine SQLITE_FULL. Not for production use.
    std::expected<void, HistoryError> setMaxPageCountForTesting(qint64 pages);

private:
    struct Private;
    Private *d;
};

} // namespace versus::history
