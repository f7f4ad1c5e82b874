// SPDX-License-Identifier: GPL-3.0-or-later
// Writes that rework what is stored rather than add to it: an answer reset for a regenerated
// turn, and a conversation branched off at an edited prompt.
#include "history/historystore.h"
#include "history/historystore_p.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace versus::history {

using namespace detail;

std::expected<QList<AnswerRecord>, HistoryError> HistoryStore::resetAnswers(const QList<qint64> &answerIds)
{
    return d->transaction([&]() -> std::expected<QList<AnswerRecord>, HistoryError> {
        QList<AnswerRecord> reset;
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
        for (qint64 answerId : answerIds) {
            // Everything the old answer said goes (its index entry with it, by the update
            // trigger); the row, its turn and its lane stay, so the turn keeps its place.
            auto query =
                d->exec(u"UPDATE answers SET state = 'streaming', text = '', reasoning = '', tool_calls = NULL, "
                        u"tool_rounds = NULL, structured_output = NULL, finish_reason = NULL, usage = NULL, "
                        u"metrics = NULL, cost = NULL, error = NULL, started_at = ?, finished_at = NULL, "
                        u"updated_at = ? WHERE id = ?"_s,
                        {timeToDb(now), timeToDb(now), answerId});
            if (!query)
                return std::unexpected(query.error());
            if (query->numRowsAffected() == 0)
                return std::unexpected(notFound(u"answer"_s, answerId));
            auto owner = d->exec(u"SELECT a.turn_id, a.lane_id, t.conversation_id FROM answers a "
                                 u"JOIN turns t ON t.id = a.turn_id WHERE a.id = ?"_s,
                                 {answerId});
            if (!owner)
                return std::unexpected(owner.error());
            if (!owner->next())
                return std::unexpected(notFound(u"answer"_s, answerId));
            AnswerRecord answer;
            answer.id = answerId;
            answer.turnId = owner->value(0).toLongLong();
            answer.laneId = owner->value(1).toLongLong();
            answer.state = AnswerState::Streaming;
            answer.startedAt = now;
            if (auto dropped = d->dropVerdicts(answer.turnId); !dropped)
                return std::unexpected(dropped.error());
            if (auto touched = d->touchConversation(owner->value(2).toLongLong()); !touched)
                return std::unexpected(touched.error());
            reset << answer;
        }
        return reset;
    });
}

std::expected<ConversationRecord, HistoryError>
HistoryStore::branchConversation(qint64 conversationId, qint64 beforeTurnId, const QString &title)
{
    return d->transaction([&]() -> std::expected<ConversationRecord, HistoryError> {
        auto edited = d->exec(u"SELECT position FROM turns WHERE id = ? AND conversation_id = ?"_s,
                              {beforeTurnId, conversationId});
        if (!edited)
            return std::unexpected(edited.error());
        if (!edited->next())
            return std::unexpected(notFound(u"turn in this conversation"_s, beforeTurnId));
        const int editedPosition = edited->value(0).toInt();

        ConversationRecord record;
        record.title = title;
        record.createdAt = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
        record.updatedAt = record.createdAt;
        auto created =
            d->exec(u"INSERT INTO conversations (title, created_at, updated_at) VALUES (COALESCE(?, ''), ?, ?)"_s,
                    {title, timeToDb(record.createdAt), timeToDb(record.updatedAt)});
        if (!created)
            return std::unexpected(created.error());
        record.id = created->lastInsertId().toLongLong();

        // Lanes as they are (removed ones too: their answers to the copied turns come along).
        QHash<qint64, qint64> laneIds;
        {
            auto found = d->lanesOf(conversationId);
            if (!found)
                return std::unexpected(found.error());
            for (LaneRecord lane : std::as_const(*found)) {
                auto inserted = d->exec(u"INSERT INTO lanes (conversation_id, position, provider, model, parameters, "
                                        u"removed) VALUES (?, ?, ?, ?, ?, ?)"_s,
                                        {record.id, lane.position, lane.provider, lane.model, jsonToDb(lane.parameters),
                                         lane.removed ? 1 : 0});
                if (!inserted)
                    return std::unexpected(inserted.error());
                const qint64 copy = inserted->lastInsertId().toLongLong();
                laneIds.insert(lane.id, copy);
                lane.id = copy;
                record.lanes << lane;
            }
        }

        // The turns before the edited one, with their images and answers (figures included).
        QList<std::pair<qint64, int>> turns;
        {
            auto query = d->exec(u"SELECT id, position FROM turns WHERE conversation_id = ? AND position < ? "
                                 u"ORDER BY position"_s,
                                 {conversationId, editedPosition});
            if (!query)
                return std::unexpected(query.error());
            while (query->next())
                turns.append({query->value(0).toLongLong(), query->value(1).toInt()});
        }
        for (const auto &[turnId, position] : std::as_const(turns)) {
            auto inserted = d->exec(u"INSERT INTO turns (conversation_id, position, prompt, created_at) "
                                    u"SELECT ?, position, prompt, created_at FROM turns WHERE id = ?"_s,
                                    {record.id, turnId});
            if (!inserted)
                return std::unexpected(inserted.error());
            const qint64 copy = inserted->lastInsertId().toLongLong();
            if (auto verdicts = d->copyVerdicts(turnId, copy, laneIds); !verdicts)
                return std::unexpected(verdicts.error());
            if (auto images = d->exec(u"INSERT INTO turn_images (turn_id, position, sha256, file_name) "
                                      u"SELECT ?, position, sha256, file_name FROM turn_images WHERE turn_id = ?"_s,
                                      {copy, turnId});
                !images)
                return std::unexpected(images.error());
            auto answers = d->exec(u"SELECT id, lane_id FROM answers WHERE turn_id = ? ORDER BY id"_s, {turnId});
            if (!answers)
                return std::unexpected(answers.error());
            QList<std::pair<qint64, qint64>> found;
            while (answers->next())
                found.append({answers->value(0).toLongLong(), answers->value(1).toLongLong()});
            for (const auto &[answerId, laneId] : std::as_const(found)) {
                // An answer another process still streams is copied as what it was when it stopped here.
                auto answer = d->exec(
                    u"INSERT INTO answers (turn_id, lane_id, state, text, reasoning, tool_calls, tool_rounds, "
                    u"structured_output, finish_reason, usage, metrics, cost, error, started_at, finished_at, "
                    u"updated_at) SELECT ?, ?, CASE state WHEN 'streaming' THEN 'interrupted' ELSE state END, text, "
                    u"reasoning, tool_calls, tool_rounds, structured_output, finish_reason, usage, metrics, cost, "
                    u"error, started_at, finished_at, updated_at FROM answers WHERE id = ?"_s,
                    {copy, laneIds.value(laneId), answerId});
                if (!answer)
                    return std::unexpected(answer.error());
            }
        }
        return record;
    });
}

} // namespace versus::history
