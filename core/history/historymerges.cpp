// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore: merged answers, and the lane a turn's answer every lane continued from.
#include "history/historystore_p.h"

using namespace Qt::StringLiterals;

namespace versus::history {

using namespace detail;

std::expected<MergeRecord, HistoryError> HistoryStore::addMerge(const MergeRecord &merge)
{
    return d->transaction([&]() -> std::expected<MergeRecord, HistoryError> {
        auto known = d->exists(u"turns"_s, merge.turnId);
        if (!known)
            return std::unexpected(known.error());
        if (!*known)
            return std::unexpected(notFound(u"turn"_s, merge.turnId));
        MergeRecord stored = merge;
        if (!stored.createdAt.isValid())
            stored.createdAt = QDateTime::currentDateTimeUtc();
        auto inserted =
            d->exec(u"INSERT INTO merges (turn_id, target, instruction, state, result, created_at, finished_at) "
                    u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                    {stored.turnId, stored.target, stored.instruction, answerStateName(stored.state),
                     stored.result.isEmpty() ? QVariant() : jsonToDb(stored.result), timeToDb(stored.createdAt),
                     timeToDb(stored.finishedAt)});
        if (!inserted)
            return std::unexpected(inserted.error());
        stored.id = inserted->lastInsertId().toLongLong();
        return stored;
    });
}

std::expected<void, HistoryError> HistoryStore::finishMerge(const MergeRecord &merge)
{
    auto updated =
        d->exec(u"UPDATE merges SET state = ?, result = ?, finished_at = ? WHERE id = ?"_s,
                {answerStateName(merge.state), jsonToDb(merge.result),
                 timeToDb(merge.finishedAt.isValid() ? merge.finishedAt : QDateTime::currentDateTimeUtc()), merge.id});
    if (!updated)
        return std::unexpected(updated.error());
    if (updated->numRowsAffected() == 0)
        return std::unexpected(notFound(u"merge"_s, merge.id));
    return {};
}

std::expected<QList<MergeRecord>, HistoryError> HistoryStore::merges(qint64 conversationId) const
{
    auto query = d->exec(u"SELECT m.id, m.turn_id, m.target, m.instruction, m.state, m.result, m.created_at, "
                         u"m.finished_at FROM merges m JOIN turns t ON t.id = m.turn_id "
                         u"WHERE t.conversation_id = ? ORDER BY t.position, m.id"_s,
                         {conversationId});
    if (!query)
        return std::unexpected(query.error());
    QList<MergeRecord> list;
    while (query->next()) {
        MergeRecord merge;
        merge.id = query->value(0).toLongLong();
        merge.turnId = query->value(1).toLongLong();
        merge.target = query->value(2).toString();
        merge.instruction = query->value(3).toString();
        merge.state = answerStateFromName(query->value(4).toString()).value_or(AnswerState::Interrupted);
        merge.result = jsonFromDb(query->value(5)).object();
        merge.createdAt = timeFromDb(query->value(6));
        merge.finishedAt = timeFromDb(query->value(7));
        list << merge;
    }
    return list;
}

std::expected<void, HistoryError> HistoryStore::setContinuedLane(qint64 turnId, qint64 laneId)
{
    auto updated = d->exec(u"UPDATE turns SET continued_lane_id = ? WHERE id = ?"_s,
                           {laneId ? QVariant(laneId) : QVariant(), turnId});
    if (!updated)
        return std::unexpected(updated.error());
    if (updated->numRowsAffected() == 0)
        return std::unexpected(notFound(u"turn"_s, turnId));
    return {};
}

std::expected<QHash<qint64, qint64>, HistoryError> HistoryStore::continuedLanes(qint64 conversationId) const
{
    auto query = d->exec(u"SELECT id, continued_lane_id FROM turns "
                         u"WHERE conversation_id = ? AND continued_lane_id IS NOT NULL"_s,
                         {conversationId});
    if (!query)
        return std::unexpected(query.error());
    QHash<qint64, qint64> lanes;
    while (query->next())
        lanes.insert(query->value(0).toLongLong(), query->value(1).toLongLong());
    return lanes;
}

} // namespace versus::history
