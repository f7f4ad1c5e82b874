// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore: the user's verdicts on turns (votes, tags) and the leaderboard's read of them,
// and how verdicts follow a turn that is regenerated (they go) or branched (they are copied).
#include "history/historystore.h"
#include "history/historystore_p.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace versus::history {

using namespace detail;

QString voteKindName(VoteRecord::Kind kind)
{
    switch (kind) {
    case VoteRecord::Kind::Best:
        return u"best"_s;
    case VoteRecord::Kind::Tie:
        return u"tie"_s;
    case VoteRecord::Kind::AllBad:
        return u"all_bad"_s;
    }
    return {};
}

std::optional<VoteRecord::Kind> voteKindFromName(const QString &name)
{
    for (VoteRecord::Kind kind : {VoteRecord::Kind::Best, VoteRecord::Kind::Tie, VoteRecord::Kind::AllBad}) {
        if (voteKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

namespace {

QStringList cleanTags(const QStringList &tags)
{
    QStringList clean;
    for (const QString &tag : tags) {
        const QString word = tag.simplified();
        if (!word.isEmpty() && !clean.contains(word, Qt::CaseInsensitive))
            clean << word;
    }
    return clean;
}

} // namespace

QStringList detail::tagsFromDb(const QVariant &value)
{
    QStringList tags;
    for (const QJsonValue &tag : jsonFromDb(value).array())
        tags << tag.toString();
    return tags;
}

std::expected<void, HistoryError> HistoryStore::setVote(qint64 turnId, const VoteRecord &vote)
{
    return d->transaction([&]() -> std::expected<void, HistoryError> {
        auto turn = d->exec(u"SELECT conversation_id FROM turns WHERE id = ?"_s, {turnId});
        if (!turn)
            return std::unexpected(turn.error());
        if (!turn->next())
            return std::unexpected(notFound(u"turn"_s, turnId));
        const qint64 conversationId = turn->value(0).toLongLong();
        QVariant lane; // NULL unless a best lane is named
        if (vote.kind == VoteRecord::Kind::Best) {
            auto owner =
                d->exec(u"SELECT 1 FROM lanes WHERE id = ? AND conversation_id = ?"_s, {vote.laneId, conversationId});
            if (!owner)
                return std::unexpected(owner.error());
            if (!owner->next())
                return std::unexpected(notFound(u"lane of this conversation"_s, vote.laneId));
            lane = vote.laneId;
        }
        const QDateTime castAt = vote.castAt.isValid() ? vote.castAt : QDateTime::currentDateTimeUtc();
        // One vote per turn (a unique index): the new one replaces the old.
        auto stored =
            d->exec(u"INSERT INTO votes (turn_id, lane_id, note, created_at, kind, blind) "
                    u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(turn_id) DO UPDATE SET lane_id = excluded.lane_id, "
                    u"note = excluded.note, created_at = excluded.created_at, kind = excluded.kind, "
                    u"blind = excluded.blind, copied = 0"_s,
                    {turnId, lane, vote.note.isEmpty() ? QVariant() : QVariant(vote.note), timeToDb(castAt),
                     voteKindName(vote.kind), vote.blind ? 1 : 0});
        if (!stored)
            return std::unexpected(stored.error());
        return {};
    });
}

std::expected<void, HistoryError> HistoryStore::clearVote(qint64 turnId)
{
    auto query = d->exec(u"DELETE FROM votes WHERE turn_id = ?"_s, {turnId});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

std::expected<QMap<qint64, VoteRecord>, HistoryError> HistoryStore::votes(qint64 conversationId) const
{
    auto query = d->exec(u"SELECT v.turn_id, v.kind, v.lane_id, v.blind, v.note, v.created_at FROM votes v "
                         u"JOIN turns t ON t.id = v.turn_id WHERE t.conversation_id = ? ORDER BY t.position"_s,
                         {conversationId});
    if (!query)
        return std::unexpected(query.error());
    QMap<qint64, VoteRecord> votes;
    while (query->next()) {
        VoteRecord vote;
        vote.kind = voteKindFromName(query->value(1).toString()).value_or(VoteRecord::Kind::Best);
        vote.laneId = query->value(2).toLongLong();
        vote.blind = query->value(3).toBool();
        vote.note = query->value(4).toString();
        vote.castAt = timeFromDb(query->value(5));
        votes.insert(query->value(0).toLongLong(), vote);
    }
    return votes;
}

std::expected<void, HistoryError> HistoryStore::setTurnTags(qint64 turnId, const QStringList &tags)
{
    QJsonArray array;
    for (const QString &tag : cleanTags(tags))
        array.append(tag);
    auto query = d->exec(u"UPDATE turns SET tags = ? WHERE id = ?"_s, {jsonToDb(array), turnId});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(notFound(u"turn"_s, turnId));
    return {};
}

std::expected<QList<LeaderboardVote>, HistoryError>
HistoryStore::leaderboardVotes(const LeaderboardFilter &filter) const
{
    // The tag filter runs here rather than in SQL: tags are JSON text, and a case-insensitive
    // match of one word is simplest on the decoded list.
    auto query =
        d->exec(u"SELECT v.turn_id, t.conversation_id, v.kind, v.blind, v.created_at, t.tags, "
                u"(SELECT l.provider || ':' || l.model FROM lanes l WHERE l.id = v.lane_id) "
                u"FROM votes v JOIN turns t ON t.id = v.turn_id "
                u"WHERE v.copied = 0 AND (? IS NULL OR v.created_at >= ?) AND (? IS NULL OR v.created_at < ?) "
                u"ORDER BY v.created_at, v.id"_s,
                {timeToDb(filter.since), timeToDb(filter.since), timeToDb(filter.until), timeToDb(filter.until)});
    if (!query)
        return std::unexpected(query.error());
    QList<LeaderboardVote> votes;
    while (query->next()) {
        LeaderboardVote vote;
        vote.turnId = query->value(0).toLongLong();
        vote.conversationId = query->value(1).toLongLong();
        vote.kind = voteKindFromName(query->value(2).toString()).value_or(VoteRecord::Kind::Best);
        vote.blind = query->value(3).toBool();
        vote.castAt = timeFromDb(query->value(4));
        vote.tags = tagsFromDb(query->value(5));
        if (vote.kind == VoteRecord::Kind::Best)
            vote.best = query->value(6).toString();
        if (!filter.tag.isEmpty() && !vote.tags.contains(filter.tag.simplified(), Qt::CaseInsensitive))
            continue;
        votes << vote;
    }
    // The lanes that answered: not an error, not still streaming, and something said.
    for (LeaderboardVote &vote : votes) {
        auto lanes = d->exec(u"SELECT l.provider || ':' || l.model FROM answers a JOIN lanes l ON l.id = a.lane_id "
                             u"WHERE a.turn_id = ? AND a.state NOT IN ('error', 'streaming') "
                             u"AND (a.text <> '' OR a.tool_calls IS NOT NULL) ORDER BY l.position, a.id"_s,
                             {vote.turnId});
        if (!lanes)
            return std::unexpected(lanes.error());
        while (lanes->next())
            vote.targets << lanes->value(0).toString();
    }
    return votes;
}

std::expected<QStringList, HistoryError> HistoryStore::voteTags() const
{
    auto query = d->exec(u"SELECT t.tags FROM turns t JOIN votes v ON v.turn_id = t.id WHERE t.tags IS NOT NULL"_s);
    if (!query)
        return std::unexpected(query.error());
    QStringList tags;
    while (query->next()) {
        for (const QString &tag : tagsFromDb(query->value(0))) {
            if (!tags.contains(tag, Qt::CaseInsensitive))
                tags << tag;
        }
    }
    std::sort(tags.begin(), tags.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return tags;
}

std::expected<void, HistoryError> HistoryStore::Private::dropVerdicts(qint64 turnId)
{
    for (const QString &statement :
         {u"DELETE FROM votes WHERE turn_id = ?"_s, u"DELETE FROM judgements WHERE turn_id = ?"_s}) {
        if (auto query = exec(statement, {turnId}); !query)
            return std::unexpected(query.error());
    }
    return {};
}

std::expected<void, HistoryError> HistoryStore::Private::copyVerdicts(qint64 fromTurnId, qint64 toTurnId,
                                                                      const QHash<qint64, qint64> &laneIds)
{
    auto turn = exec(u"SELECT tags, continued_lane_id FROM turns WHERE id = ?"_s, {fromTurnId});
    if (!turn)
        return std::unexpected(turn.error());
    if (!turn->next())
        return std::unexpected(notFound(u"turn"_s, fromTurnId));
    const QVariant continued =
        turn->value(1).isNull() ? QVariant() : QVariant(laneIds.value(turn->value(1).toLongLong()));
    if (auto updated = exec(u"UPDATE turns SET tags = ?, continued_lane_id = ? WHERE id = ?"_s,
                            {turn->value(0), continued, toTurnId});
        !updated)
        return std::unexpected(updated.error());

    auto vote = exec(u"SELECT lane_id, note, created_at, kind, blind FROM votes WHERE turn_id = ?"_s, {fromTurnId});
    if (!vote)
        return std::unexpected(vote.error());
    if (vote->next()) {
        const QVariant lane =
            vote->value(0).isNull() ? QVariant() : QVariant(laneIds.value(vote->value(0).toLongLong()));
        // Marked a copy: the leaderboard counts the vote once, where it was cast.
        if (auto copied = exec(u"INSERT INTO votes (turn_id, lane_id, note, created_at, kind, blind, copied) "
                               u"VALUES (?, ?, ?, ?, ?, ?, 1)"_s,
                               {toTurnId, lane, vote->value(1), vote->value(2), vote->value(3), vote->value(4)});
            !copied)
            return std::unexpected(copied.error());
    }

    auto judgements = exec(
        u"SELECT lane_id, judge, score, reason, rubric, created_at FROM judgements WHERE turn_id = ? ORDER BY id"_s,
        {fromTurnId});
    if (!judgements)
        return std::unexpected(judgements.error());
    QList<QVariantList> rows;
    while (judgements->next()) {
        rows.append({toTurnId, laneIds.value(judgements->value(0).toLongLong()), judgements->value(1),
                     judgements->value(2), judgements->value(3), judgements->value(4), judgements->value(5)});
    }
    for (const QVariantList &row : std::as_const(rows)) {
        if (auto copied = exec(u"INSERT INTO judgements (turn_id, lane_id, judge, score, reason, rubric, created_at) "
                               u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                               row);
            !copied)
            return std::unexpected(copied.error());
    }
    return {};
}

} // namespace versus::history
