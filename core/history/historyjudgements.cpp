// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore: a judge model's scores of a turn's answers.
#include "history/historystore_p.h"

using namespace Qt::StringLiterals;

namespace versus::history {

using namespace detail;

std::expected<void, HistoryError> HistoryStore::replaceJudgements(qint64 turnId,
                                                                  const QList<JudgementRecord> &judgements)
{
    return d->transaction([&]() -> std::expected<void, HistoryError> {
        auto known = d->exists(u"turns"_s, turnId);
        if (!known)
            return std::unexpected(known.error());
        if (!*known)
            return std::unexpected(notFound(u"turn"_s, turnId));
        if (auto removed = d->exec(u"DELETE FROM judgements WHERE turn_id = ?"_s, {turnId}); !removed)
            return std::unexpected(removed.error());
        for (const JudgementRecord &judgement : judgements) {
            const QDateTime at = judgement.createdAt.isValid() ? judgement.createdAt : QDateTime::currentDateTimeUtc();
            auto inserted =
                d->exec(u"INSERT INTO judgements (turn_id, lane_id, judge, score, reason, rubric, created_at) "
                        u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                        {turnId, judgement.laneId, judgement.judge, judgement.score, judgement.reason, judgement.rubric,
                         timeToDb(at)});
            if (!inserted)
                return std::unexpected(inserted.error());
        }
        return {};
    });
}

std::expected<QList<JudgementRecord>, HistoryError> HistoryStore::judgements(qint64 conversationId) const
{
    auto query = d->exec(u"SELECT j.turn_id, j.lane_id, j.judge, j.score, j.reason, j.rubric, j.created_at "
                         u"FROM judgements j JOIN turns t ON t.id = j.turn_id "
                         u"WHERE t.conversation_id = ? ORDER BY t.position, j.id"_s,
                         {conversationId});
    if (!query)
        return std::unexpected(query.error());
    QList<JudgementRecord> list;
    while (query->next()) {
        JudgementRecord judgement;
        judgement.turnId = query->value(0).toLongLong();
        judgement.laneId = query->value(1).toLongLong();
        judgement.judge = query->value(2).toString();
        judgement.score = query->value(3).toDouble();
        judgement.reason = query->value(4).toString();
        judgement.rubric = query->value(5).toString();
        judgement.createdAt = timeFromDb(query->value(6));
        list << judgement;
    }
    return list;
}

} // namespace versus::history
