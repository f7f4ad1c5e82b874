// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison: the turns across lanes, and the verdicts on them (votes, judge scores).
#include "compare/comparison.h"

#include <QMap>

namespace versus {

int ComparisonTurn::rowOf(const ComparisonLane *lane) const
{
    for (const auto &[l, row] : rows) {
        if (l == lane)
            return row;
    }
    return -1;
}

QList<ComparisonTurn> Comparison::turns() const
{
    QMap<qint64, ComparisonTurn> byKey; // ordered by the moment each turn was sent
    for (ComparisonLane *lane : m_lanes) {
        const QList<LaneTurn> &laneTurns = lane->conversation()->turns();
        for (int row = 0; row < laneTurns.size(); ++row) {
            const LaneTurn &laneTurn = laneTurns.at(row);
            const qint64 key = laneTurn.sentAt.toMSecsSinceEpoch();
            ComparisonTurn &turn = byKey[key];
            if (turn.rows.isEmpty()) {
                turn.key = key;
                turn.turnId = laneTurn.turnId;
                turn.prompt = laneTurn.prompt;
                turn.sentAt = laneTurn.sentAt;
            }
            turn.rows.append({lane, row});
        }
    }
    return byKey.values();
}

std::optional<ComparisonTurn> Comparison::turn(qint64 key) const
{
    for (const ComparisonTurn &turn : turns()) {
        if (turn.key == key)
            return turn;
    }
    return std::nullopt;
}

qint64 Comparison::lastTurnKey() const
{
    qint64 last = 0;
    for (const ComparisonLane *lane : m_lanes) {
        const QList<LaneTurn> &laneTurns = lane->conversation()->turns();
        if (!laneTurns.isEmpty())
            last = std::max(last, laneTurns.constLast().sentAt.toMSecsSinceEpoch());
    }
    return last;
}

std::optional<Vote> Comparison::vote(qint64 turnKey) const
{
    const auto it = m_votes.constFind(turnKey);
    return it == m_votes.cend() ? std::nullopt : std::optional(*it);
}

void Comparison::castVote(qint64 turnKey, const Vote &vote)
{
    Vote cast = vote;
    const bool revealing = namesHidden() && turnKey == lastTurnKey();
    // A vote cast without knowing who said what: on a turn sent blind whose names were never shown.
    cast.blind = vote.blind || (m_blind && m_blindOrders.contains(turnKey) && !m_votes.contains(turnKey) &&
                                !m_revealed.contains(turnKey));
    if (m_blindOrders.contains(turnKey))
        m_revealed.insert(turnKey); // once shown, the names stay shown (a cleared vote, a regenerate)
    if (!cast.castAt.isValid())
        cast.castAt = QDateTime::currentDateTimeUtc();
    if (cast.kind != Vote::Kind::Best)
        cast.best = nullptr;
    m_votes.insert(turnKey, cast); // kept on screen even when the history cannot take it
    storeVote(turnKey, cast);
    Q_EMIT verdictChanged(turnKey);
    if (revealing)
        Q_EMIT blindChanged();
}

void Comparison::clearVote(qint64 turnKey)
{
    if (!m_votes.remove(turnKey))
        return;
    storeVote(turnKey, std::nullopt);
    Q_EMIT verdictChanged(turnKey);
    if (m_blind && turnKey == lastTurnKey())
        Q_EMIT blindChanged(); // views look again (names once shown stay shown)
}

QHash<const ComparisonLane *, JudgeScore> Comparison::judgeScores(qint64 turnKey) const
{
    return m_judgeScores.value(turnKey);
}

void Comparison::setJudgeScores(qint64 turnKey, const QHash<const ComparisonLane *, JudgeScore> &scores)
{
    if (scores.isEmpty())
        m_judgeScores.remove(turnKey);
    else
        m_judgeScores.insert(turnKey, scores);
    Q_EMIT verdictChanged(turnKey);
}

void Comparison::setBlind(bool blind)
{
    if (blind == m_blind)
        return;
    m_blind = blind; // from the next turn sent: the answers on screen were seen with their names
    Q_EMIT blindChanged();
}

bool Comparison::namesHidden() const
{
    // Before a turn is sent blind the user is choosing the lanes and sees them (and a turn sent
    // before blind mode was on was seen with its names); from a turn sent blind until its
    // vote, the names are hidden.
    const qint64 last = lastTurnKey();
    return m_blind && m_blindOrders.contains(last) && !m_votes.contains(last) && !m_revealed.contains(last);
}

QList<ComparisonLane *> Comparison::displayOrder() const
{
    if (!namesHidden())
        return m_lanes;
    QList<ComparisonLane *> order;
    for (ComparisonLane *lane : m_blindOrders.value(lastTurnKey())) {
        if (m_lanes.contains(lane))
            order << lane;
    }
    for (ComparisonLane *lane : m_lanes) { // a lane the turn's order does not know (added since)
        if (!order.contains(lane))
            order << lane;
    }
    return order;
}

QString Comparison::laneLabel(const ComparisonLane *lane) const
{
    const QList<ComparisonLane *> order = displayOrder();
    const qsizetype index = order.indexOf(lane);
    return index < 0 ? QString() : QString(QChar(u'A' + int(index)));
}

QString Comparison::displayName(const ComparisonLane *lane) const
{
    if (!lane)
        return QString();
    return namesHidden() ? tr("Lane %1").arg(laneLabel(lane)) : lane->target().toString();
}

} // namespace versus
