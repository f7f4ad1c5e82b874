// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/comparisonlane.h"
#include "compare/judgerun.h"
#include "compare/mergerun.h"
#include "compare/reviewprompts.h"
#include "compare/verdicts.h"
#include "history/historyrecords.h"
#include "pricing/cost.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>

#include <expected>

namespace versus {

class Engine;

/// What sending a prompt to one lane may cost, before sending.
struct LaneEstimate {
    Target target;
    bool priced = false;                  ///< the catalog has a price for the lane's model
    std::optional<CostEstimate> estimate; ///< nothing when unpriced (or the amounts overflow)
    qint64 promptTokens = 0;              ///< estimated: the lane's conversation and the prompt
};

/// A lane that does not get a turn because of what the turn carries (images for a model
/// known not to see them), with the words that say so.
struct LaneSkip {
    ComparisonLane *lane = nullptr;
    QString message;
};

/// One prompt of the comparison as the lanes it was sent to hold it. Lanes' rows of one turn
/// share the moment it was sent (LaneTurn::sentAt), which is the turn's key whether or not the
/// comparison is saved; the history's turn id is there too when it is.
struct ComparisonTurn {
    qint64 key = 0;    ///< LaneTurn::sentAt in ms since the epoch
    qint64 turnId = 0; ///< the history's id; 0 when not saved
    QString prompt;
    QDateTime sentAt;
    /// Each lane that was sent the turn, with the row of the turn in its conversation, in lane order.
    QList<std::pair<ComparisonLane *, int>> rows;
    int rowOf(const ComparisonLane *lane) const; ///< -1 when the lane was not sent the turn
};

/// The live session (ARCHITECTURE.md "The flow of one turn"): 1 to 6 lanes that a prompt is
/// broadcast to (or sent to one of them). Sending makes the user's message durable in the
/// history first, then starts one LaneRun per lane; each lane's answer streams into its
/// LaneConversation and is saved as it streams and when it ends. A conversation opened from
/// the history continues where it stopped. The GUI and versus-cli are views of this object.
class Comparison : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxLanes = 6;
    static constexpr int kDefaultMaxToolRounds = 8;

    explicit Comparison(Engine &engine, QObject *parent = nullptr);
    ~Comparison() override;

    const QList<ComparisonLane *> &lanes() const { return m_lanes; }
    int laneCount() const { return int(m_lanes.size()); }
    ComparisonLane *lane(int index) const { return m_lanes.value(index); }
    int indexOf(const ComparisonLane *lane) const;

    /// Adds a lane at the end; null when there are kMaxLanes already.
    ComparisonLane *addLane(const Target &target, const ProviderConfig &parameters = {});
    /// Removes a lane (stopping its turn first; the partial answer is saved). The last lane stays.
    bool removeLane(ComparisonLane *lane);
    void moveLane(int from, int to);
    /// Changes what a lane asks. Refused (false) while it is busy.
    bool setLaneTarget(ComparisonLane *lane, const Target &target);
    bool setLaneParameters(ComparisonLane *lane, const ProviderConfig &parameters);
    /// The system prompt of every lane whose own system prompt is empty (the app's global one;
    /// empty = none). It is stored with such lanes in the history, when a turn is sent with it, as
    /// the "system" they were sent, marked "system_from_default", so a reopened conversation shows
    /// what the model was told (one prompt per lane: the one its latest turns were sent with).
    void setDefaultSystemPrompt(const QString &prompt);
    QString defaultSystemPrompt() const { return m_defaultSystemPrompt; }
    /// What a lane's next turn sends: its parameters, with the default system prompt when it has none.
    ProviderConfig effectiveParameters(const ComparisonLane *lane) const;
    bool setLaneTools(ComparisonLane *lane, const tools::ToolSet &tools);
    bool setLaneMcpServersOff(ComparisonLane *lane, const QStringList &servers);
    /// The MCP servers' tools (not owned; must outlive the comparison): each lane's turn
    /// offers them beside its own tools, but for the servers the lane has off.
    void setExternalTools(tools::ExternalTools *external) { m_external = external; }
    tools::ExternalTools *externalTools() const { return m_external; }
    /// What a lane's next turn offers: its own tools, then the MCP tools it uses (a name
    /// taken already gets its server's name as prefix).
    tools::ToolSet toolsForTurn(const ComparisonLane *lane) const;
    /// Requests in one lane's turn at most when tools are called (the first included).
    int maxToolRounds() const { return m_maxToolRounds; }
    /// Kept with the comparison's lanes in the history (their parameters' "max_tool_rounds").
    void setMaxToolRounds(int rounds);

    bool isBusy() const;

    /// Sends @p prompt as the next turn of every lane (or only of @p onlyLane). The prompt is
    /// committed to the history before any request leaves; when that fails, nothing is sent
    /// and the error says why (the caller keeps the prompt). Ignored (an empty result) while
    /// busy or for an empty prompt without images. Returns the history turn id (0 when not saving).
    std::expected<qint64, history::HistoryError> send(const QString &prompt, const QList<ImageInput> &images,
                                                      ComparisonLane *onlyLane = nullptr);
    std::expected<qint64, history::HistoryError> send(const QString &prompt, ComparisonLane *onlyLane = nullptr)
    {
        return send(prompt, {}, onlyLane);
    }
    /// Lanes that would not get a turn carrying @p images (the model cannot see images, per
    /// the capability matrix); shown before sending. send() skips them (laneSkipped()), and the
    /// other lanes still get the turn; when every lane would be skipped nothing is sent.
    QList<LaneSkip> imageSkips(const QList<ImageInput> &images, ComparisonLane *onlyLane = nullptr) const;
    /// Sends each lane's last prompt (with its images) again — of every lane that has a turn,
    /// or of @p onlyLane — and the new answer replaces the lane's last one, in its
    /// conversation and in the history (the stored answer is reset in place, one transaction
    /// for all lanes, before any request leaves). A new answer that fails or is stopped before
    /// it says anything (no text, reasoning or tool call) does not replace the old one: the old
    /// answer is put back, in the conversation and in the history, and regenerateFailed() says
    /// why. Ignored (0) while busy; returns the number of lanes that were sent the prompt again.
    std::expected<int, history::HistoryError> regenerate(ComparisonLane *onlyLane = nullptr);
    /// Sends @p prompt in place of the prompt of the turn at @p row of @p lane's conversation
    /// (any turn), to every lane; the turns after it are replaced. The original conversation
    /// stays in the history unchanged: when it is saved, the edit starts a branch — a new
    /// stored conversation titled "<title> (edit)" with copies of the turns before the edited
    /// one (answers and figures included) — and the comparison continues the branch. Unsaved,
    /// the turns from the edited one on are dropped. Ignored (0) while busy or for an empty
    /// prompt; otherwise as send().
    std::expected<qint64, history::HistoryError> editAndResend(ComparisonLane *lane, int row, const QString &prompt);
    /// Stops one lane's turn; partial answers stay (and are saved).
    void stop(ComparisonLane *lane);
    void stopAll();

    /// Pre-send estimate of @p prompt for each lane.
    QList<LaneEstimate> estimate(const QString &prompt) const;

    /// Whether turns are saved to the engine's history (on when it has one).
    bool isSaving() const;
    void setSaving(bool saving);
    /// The history conversation this comparison writes to; 0 before the first saved turn.
    qint64 conversationId() const { return m_conversationId; }
    QString title() const { return m_title; }
    /// The title was changed in the history (renamed): show the new one.
    void setTitle(const QString &title);

    /// Starts a new conversation with the same lanes (their conversations emptied).
    void newConversation();
    /// Starts a new conversation with one lane per target (at most kMaxLanes).
    void replaceLanes(const QList<Target> &targets);
    /// Replaces the lanes and their conversations by a stored conversation; sending again
    /// continues it. Refused while busy.
    std::expected<void, history::HistoryError> open(qint64 conversationId);

    /// Everything answers cost since this object was made (the session), and the open
    /// conversation's total (stored answers included).
    const CostTotals &sessionCost() const { return m_sessionCost; }
    CostTotals conversationCost() const;

    /// The turns of the comparison, oldest first (see ComparisonTurn).
    QList<ComparisonTurn> turns() const;
    /// The turn with @p key; nothing when there is none.
    std::optional<ComparisonTurn> turn(qint64 key) const;
    /// The key of the last turn; 0 before the first one.
    qint64 lastTurnKey() const;

    /// The user's vote on the turn with @p key; nothing when none was cast.
    std::optional<Vote> vote(qint64 turnKey) const;
    /// Records the user's vote on a turn (replacing an earlier one); verdictChanged() follows.
    void castVote(qint64 turnKey, const Vote &vote);
    void clearVote(qint64 turnKey);
    /// A judge's scores of the lanes' answers to a turn (empty when none was asked for).
    QHash<const ComparisonLane *, JudgeScore> judgeScores(qint64 turnKey) const;
    void setJudgeScores(qint64 turnKey, const QHash<const ComparisonLane *, JudgeScore> &scores);

    /// Blind mode: each turn sent gets a shuffled order of the lanes, and provider and model
    /// names are hidden (lanes are "Lane A", "Lane B", …, in that order) until the vote on the
    /// turn is cast, then revealed. Turns sent before it was on keep their names.
    bool isBlind() const { return m_blind; }
    void setBlind(bool blind);
    /// Whether views must hide provider and model names now.
    bool namesHidden() const;
    /// A lane's letter: "A" for the first lane shown (displayOrder()), "B" for the next, …
    QString laneLabel(const ComparisonLane *lane) const;
    /// What views call a lane: "provider:model", or "Lane A" while names are hidden.
    QString displayName(const ComparisonLane *lane) const;
    /// The lanes in the order views show them (shuffled while names are hidden).
    QList<ComparisonLane *> displayOrder() const;
    /// Seeds the blind shuffle (each turn sent in blind mode gets a random order of the lanes),
    /// so that tests see a known order.
    void setShuffleSeed(quint32 seed);

    /// The user's words for a turn (the leaderboard filters by them); stored with the turn.
    QStringList turnTags(qint64 turnKey) const { return m_tags.value(turnKey); }
    void setTurnTags(qint64 turnKey, const QStringList &tags);

    // --- merge, judge, continue with an answer (comparisonreview.cpp) ---------------------
    /// Merges the answers to the turn with @p turnKey: @p target is sent the prompt, each lane's
    /// answer labelled by laneLabel() and @p instruction (reviewprompts.h's default when empty).
    /// The merge streams in the returned MergeRun (mergeStarted() comes first), counts in the
    /// session's and the conversation's cost and is saved with the turn. Null (nothing sent)
    /// when the turn is unknown, still streaming, or has no answer with text.
    MergeRun *merge(qint64 turnKey, const Target &target, const QString &instruction = QString());
    /// The merges of the open conversation (of one turn when @p turnKey is not 0), oldest first.
    QList<MergeRun *> merges(qint64 turnKey = 0) const;
    /// Asks @p judge to score the answers to the turn with @p turnKey against @p rubric (the
    /// default when empty). When it finishes well, its scores go to setJudgeScores() and the
    /// history; judgeFinished() follows either way. Its cost counts. Null as for merge().
    JudgeRun *judge(qint64 turnKey, const Target &judge, const QString &rubric = QString());
    /// From the turn after the one with @p turnKey on, every lane's request carries @p lane's
    /// answer to it instead of its own (a lane that was not sent that turn gets its prompt and
    /// the answer). Null keeps the lanes separate (the default). Stored with the turn. False
    /// when the turn is unknown or @p lane has no answer with text to it.
    bool continueWith(qint64 turnKey, ComparisonLane *lane);
    /// The lane the turn with @p turnKey continues from; null when lanes are kept separate.
    ComparisonLane *continuedFrom(qint64 turnKey) const;

    /// Base URL override for every lane (versus-cli --base-url).
    void setBaseUrlOverride(const QUrl &url) { m_baseUrl = url; }

Q_SIGNALS:
    void laneAdded(versus::ComparisonLane *lane, int index);
    void laneRemoved(versus::ComparisonLane *lane);
    void lanesMoved();
    void busyChanged(bool busy);
    /// A lane's turn ended with @p result.
    void laneFinished(versus::ComparisonLane *lane, const versus::LaneResult &result);
    /// Regenerating @p lane's last answer failed (or was stopped) before the new answer said
    /// anything: the previous answer is back in its place; @p result is the failed attempt.
    void regenerateFailed(versus::ComparisonLane *lane, const versus::LaneResult &result);
    /// @p lane was not sent the turn just sent, and why (see imageSkips()).
    void laneSkipped(versus::ComparisonLane *lane, const QString &message);
    /// Every lane that was sent the last prompt has finished.
    void turnFinished();
    /// The conversation id or title changed (first save, open, new).
    void conversationChanged();
    /// Blind mode was turned on or off, or names were revealed or hidden (a vote, a new turn).
    void blindChanged();
    /// The vote or the judge's scores of the turn with @p turnKey changed.
    void verdictChanged(qint64 turnKey);
    /// A merge started (its first delta has not arrived yet) / ended.
    void mergeStarted(versus::MergeRun *merge);
    void mergeFinished(versus::MergeRun *merge);
    /// A judge started / ended (its scores, or its error, are in @p judge).
    void judgeStarted(versus::JudgeRun *judge);
    void judgeFinished(versus::JudgeRun *judge);
    /// The lane the turn with @p turnKey continues from changed (continueWith()).
    void continuationChanged(qint64 turnKey);
    /// Writing to the history failed; what is on screen is intact.
    void historyFailed(const versus::history::HistoryError &error);

private:
    std::expected<void, history::HistoryError> ensureConversation(const QString &firstPrompt);
    /// Detaches from the history conversation (deleting it when @p deleteStored).
    void forgetConversation(bool deleteStored);
    history::LaneRecord laneRecord(const ComparisonLane *lane) const;
    /// A lane's tools, MCP servers off and the round limit in its stored parameters, both ways.
    void writeToolParameters(QJsonObject &parameters, const ComparisonLane *lane) const;
    void readToolParameters(const QJsonObject &parameters, ComparisonLane *lane);
    void saveLanes(); ///< storeLanes(), a failure reported by historyFailed
    /// Stores the lanes the history does not have yet, then every lane's target, parameters
    /// and position (nothing while the comparison is not saved).
    std::expected<void, history::HistoryError> storeLanes();
    void startRun(ComparisonLane *lane, const QString &prompt, const QList<ImageInput> &images,
                  const history::TurnRecord &turn);
    /// Streams the answer to the turn at @p row of @p lane (its prompt after the turns before it).
    void runTurn(ComparisonLane *lane, int row);
    void onRunFinished(ComparisonLane *lane, LaneRun *run, int row);
    void updateBusy();
    void clearLanes();
    /// Out of the comparison: stopped (its partial answer saved), then deleted.
    void retireLane(ComparisonLane *lane);
    // comparisonvotes.cpp
    /// Writes a turn's vote (or its absence) to the history; a failure is historyFailed().
    void storeVote(qint64 turnKey, const std::optional<Vote> &vote);
    /// The votes and tags of a conversation just opened (its lanes are in place).
    void loadVerdicts(const history::ConversationRecord &record);
    /// Blind orders and tags go with the conversation (votes and scores are cleared beside).
    void forgetBlindAndTags();
    /// A new turn was sent: in blind mode it gets its own shuffled order and names are hidden.
    void shuffleForTurn(qint64 turnKey);
    /// The answers of @p lanes' last turns are being replaced: their verdicts no longer apply.
    void forgetVerdictsOfLastTurns(const QList<ComparisonLane *> &lanes);

    /// The context of the turn at @p row of @p lane: its earlier turns, where a turn continued
    /// from another lane's answer carrying that answer (see continueWith()).
    QList<ChatMessage> contextMessages(const ComparisonLane *lane, int row) const;
    /// The answers to a turn a merge or judge is shown, each with its lane's letter; empty when
    /// the turn is unknown or still streaming.
    QList<std::pair<ComparisonLane *, QString>> reviewedAnswers(qint64 turnKey, QList<LabelledAnswer> *answers) const;
    /// Reads the merges, judgements and continuations of the conversation just opened.
    void loadReviews(const history::ConversationRecord &record);
    /// Stops and forgets merges, judges and continuations (a new or another conversation).
    void dropReviews();

    Engine &m_engine;
    QList<ComparisonLane *> m_lanes;
    qint64 m_conversationId = 0;
    QString m_title;
    bool m_saving = true;
    bool m_busy = false;
    int m_running = 0;
    QHash<const ComparisonLane *, LaneTurn> m_replacing; // a regenerated lane's previous last turn
    CostTotals m_sessionCost;
    QUrl m_baseUrl;
    int m_maxToolRounds = kDefaultMaxToolRounds;
    QString m_defaultSystemPrompt;
    std::optional<QString> m_defaultInHistory; ///< the default the stored lane records were written with
    tools::ExternalTools *m_external = nullptr;
    bool m_blind = false;
    QHash<qint64, Vote> m_votes;                                            ///< by turn key
    QHash<qint64, QHash<const ComparisonLane *, JudgeScore>> m_judgeScores; ///< by turn key
    QHash<qint64, QStringList> m_tags;                                      ///< by turn key
    QSet<qint64> m_revealed;                              ///< turns sent blind whose names were shown (a vote was cast)
    QHash<qint64, QList<ComparisonLane *>> m_blindOrders; ///< by turn key
    QRandomGenerator m_shuffler{QRandomGenerator::global()->generate()};
    QList<MergeRun *> m_merges;
    QList<JudgeRun *> m_judges;
    QHash<qint64, QPointer<ComparisonLane>> m_continuedFrom; ///< by turn key
    CostTotals m_reviewCost;                                 ///< what merges and judges of the open conversation cost
};

/// A conversation title from its first prompt: the first line, at most ~60 characters.
QString titleFromPrompt(const QString &prompt);

/// The lane a new comparison starts with: the first chat model of the catalog's first provider
/// that lists one.
Target defaultLaneTarget(const ProviderRegistry &registry);
/// The lane "Add lane" adds: a provider no lane in @p inUse asks yet, else another lane of the
/// last one.
Target nextLaneTarget(const ProviderRegistry &registry, const QList<Target> &inUse);

} // namespace versus
