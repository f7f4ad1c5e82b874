// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison: votes and tags kept in the history, and blind mode's order of the lanes per turn.
#include "compare/comparison.h"
#include "engine/engine.h"
#include "history/historystore.h"

namespace versus {

namespace {

history::VoteRecord::Kind recordKind(Vote::Kind kind)
{
    switch (kind) {
    case Vote::Kind::Best:
        return history::VoteRecord::Kind::Best;
    case Vote::Kind::Tie:
        return history::VoteRecord::Kind::Tie;
    case Vote::Kind::AllBad:
        return history::VoteRecord::Kind::AllBad;
    }
    return history::VoteRecord::Kind::Best;
}

Vote::Kind voteKind(history::VoteRecord::Kind kind)
{
    switch (kind) {
    case history::VoteRecord::Kind::Best:
        return Vote::Kind::Best;
    case history::VoteRecord::Kind::Tie:
        return Vote::Kind::Tie;
    case history::VoteRecord::Kind::AllBad:
        return Vote::Kind::AllBad;
    }
    return Vote::Kind::Best;
}

} // namespace

void Comparison::storeVote(qint64 turnKey, const std::optional<Vote> &vote)
{
    history::HistoryStore *store = m_engine.history();
    if (!store || !isSaving())
        return;
    const std::optional<ComparisonTurn> turn = this->turn(turnKey);
    if (!turn || turn->turnId == 0)
        return;
    std::expected<void, history::HistoryError> stored;
    if (vote) {
        history::VoteRecord record;
        record.kind = recordKind(vote->kind);
        record.laneId = vote->kind == Vote::Kind::Best && vote->best ? vote->best->historyId() : 0;
        record.blind = vote->blind;
        record.castAt = vote->castAt;
        stored = store->setVote(turn->turnId, record);
    } else {
        stored = store->clearVote(turn->turnId);
    }
    if (!stored)
        Q_EMIT historyFailed(stored.error());
}

void Comparison::loadVerdicts(const history::ConversationRecord &record)
{
    QHash<qint64, qint64> keyOfTurn;
    for (const history::TurnRecord &turn : record.turns) {
        const qint64 key = turn.createdAt.toMSecsSinceEpoch();
        keyOfTurn.insert(turn.id, key);
        if (!turn.tags.isEmpty())
            m_tags.insert(key, turn.tags);
    }
    if (history::HistoryStore *store = m_engine.history()) {
        auto votes = store->votes(record.id);
        if (!votes) {
            Q_EMIT historyFailed(votes.error());
        } else {
            for (auto it = votes->cbegin(); it != votes->cend(); ++it) {
                if (!keyOfTurn.contains(it.key()))
                    continue;
                Vote vote;
                vote.kind = voteKind(it->kind);
                vote.blind = it->blind;
                vote.castAt = it->castAt;
                for (ComparisonLane *lane : std::as_const(m_lanes)) {
                    if (vote.kind == Vote::Kind::Best && lane->historyId() == it->laneId)
                        vote.best = lane;
                }
                m_votes.insert(keyOfTurn.value(it.key()), vote);
            }
        }
    }
}

void Comparison::forgetBlindAndTags()
{
    m_tags.clear();
    m_blindOrders.clear();
    m_revealed.clear();
}

void Comparison::setShuffleSeed(quint32 seed)
{
    m_shuffler.seed(seed);
}

void Comparison::shuffleForTurn(qint64 turnKey)
{
    if (!m_blind || turnKey == 0 || m_blindOrders.contains(turnKey))
        return;
    QList<ComparisonLane *> order = m_lanes;
    for (qsizetype i = order.size() - 1; i > 0; --i) // Fisher–Yates
        order.swapItemsAt(i, qsizetype(m_shuffler.bounded(quint32(i + 1))));
    m_blindOrders.insert(turnKey, order);
    Q_EMIT blindChanged();
}

void Comparison::forgetVerdictsOfLastTurns(const QList<ComparisonLane *> &lanes)
{
    QList<qint64> keys;
    for (const ComparisonLane *lane : lanes) {
        const QList<LaneTurn> &turns = lane->conversation()->turns();
        if (!turns.isEmpty() && !keys.contains(turns.constLast().sentAt.toMSecsSinceEpoch()))
            keys << turns.constLast().sentAt.toMSecsSinceEpoch();
    }
    const bool wasHidden = namesHidden();
    for (qint64 key : std::as_const(keys)) {
        // The history dropped them with the answers (HistoryStore::resetAnswers).
        const bool had = m_votes.remove(key) + m_judgeScores.remove(key) > 0;
        if (had)
            Q_EMIT verdictChanged(key);
    }
    if (namesHidden() != wasHidden)
        Q_EMIT blindChanged();
}

void Comparison::setTurnTags(qint64 turnKey, const QStringList &tags)
{
    QStringList clean;
    for (const QString &tag : tags) {
        const QString word = tag.simplified();
        if (!word.isEmpty() && !clean.contains(word, Qt::CaseInsensitive))
            clean << word;
    }
    if (clean == m_tags.value(turnKey))
        return;
    if (clean.isEmpty())
        m_tags.remove(turnKey);
    else
        m_tags.insert(turnKey, clean);
    if (history::HistoryStore *store = m_engine.history(); store && isSaving()) {
        if (const std::optional<ComparisonTurn> turn = this->turn(turnKey); turn && turn->turnId) {
            if (auto stored = store->setTurnTags(turn->turnId, clean); !stored)
                Q_EMIT historyFailed(stored.error());
        }
    }
    Q_EMIT verdictChanged(turnKey);
}

} // namespace versus
