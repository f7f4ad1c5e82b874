// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore's reads: lists, whole conversations and full-text search.
#include "history/historystore_p.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace versus::history {

using namespace detail;

// --- reads ------------------------------------------------------------------------------

std::expected<QList<ConversationSummary>, HistoryError> HistoryStore::conversations() const
{
    auto query = d->exec(u"SELECT c.id, c.title, c.created_at, c.updated_at, "
                         u"(SELECT COUNT(*) FROM turns t WHERE t.conversation_id = c.id) "
                         u"FROM conversations c ORDER BY c.updated_at DESC, c.id DESC"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<ConversationSummary> list;
    QHash<qint64, qsizetype> indexById;
    while (query->next()) {
        ConversationSummary summary;
        summary.id = query->value(0).toLongLong();
        summary.title = query->value(1).toString();
        summary.createdAt = timeFromDb(query->value(2));
        summary.updatedAt = timeFromDb(query->value(3));
        summary.turnCount = query->value(4).toInt();
        indexById.insert(summary.id, list.size());
        list << summary;
    }
    auto lanes =
        d->exec(u"SELECT conversation_id, provider, model FROM lanes ORDER BY conversation_id, position, id"_s);
    if (!lanes)
        return std::unexpected(lanes.error());
    while (lanes->next()) {
        const auto found = indexById.constFind(lanes->value(0).toLongLong());
        if (found == indexById.constEnd())
            continue;
        ConversationSummary &summary = list[*found];
        summary.targets << lanes->value(1).toString() % u':' % lanes->value(2).toString();
        summary.laneCount = int(summary.targets.size());
    }
    return list;
}

std::expected<ConversationRecord, HistoryError> HistoryStore::conversation(qint64 conversationId) const
{
    QHash<qint64, QList<AnswerRecord>> answersOfTurn;
    auto record = readConversation(
        conversationId, [&answersOfTurn](const ConversationRecord &, const TurnRecord &turn, AnswerRecord &&answer) {
            answersOfTurn[turn.id].append(std::move(answer));
        });
    if (!record)
        return record;
    for (TurnRecord &turn : record->turns)
        turn.answers = answersOfTurn.take(turn.id);
    return record;
}

std::expected<QList<LaneRecord>, HistoryError> HistoryStore::Private::lanesOf(qint64 conversationId) const
{
    auto query = exec(u"SELECT id, position, provider, model, parameters, removed FROM lanes "
                      u"WHERE conversation_id = ? ORDER BY position, id"_s,
                      {conversationId});
    if (!query)
        return std::unexpected(query.error());
    QList<LaneRecord> lanes;
    while (query->next()) {
        LaneRecord lane;
        lane.id = query->value(0).toLongLong();
        lane.position = query->value(1).toInt();
        lane.provider = query->value(2).toString();
        lane.model = query->value(3).toString();
        lane.parameters = jsonFromDb(query->value(4)).object();
        lane.removed = query->value(5).toInt() != 0;
        lanes << lane;
    }
    return lanes;
}

std::expected<ConversationRecord, HistoryError> HistoryStore::readConversation(qint64 conversationId,
                                                                               const AnswerVisitor &visit) const
{
    auto head =
        d->exec(u"SELECT id, title, created_at, updated_at FROM conversations WHERE id = ?"_s, {conversationId});
    if (!head)
        return std::unexpected(head.error());
    if (!head->next())
        return std::unexpected(notFound(u"conversation"_s, conversationId));
    ConversationRecord record;
    record.id = head->value(0).toLongLong();
    record.title = head->value(1).toString();
    record.createdAt = timeFromDb(head->value(2));
    record.updatedAt = timeFromDb(head->value(3));

    auto lanes = d->lanesOf(conversationId);
    if (!lanes)
        return std::unexpected(lanes.error());
    record.lanes = *lanes;
    QHash<qint64, int> lanePosition;
    for (const LaneRecord &lane : std::as_const(record.lanes))
        lanePosition.insert(lane.id, lane.position);

    auto turns = d->exec(u"SELECT id, position, prompt, created_at, tags FROM turns WHERE conversation_id = ? "
                         u"ORDER BY position"_s,
                         {conversationId});
    if (!turns)
        return std::unexpected(turns.error());
    QHash<qint64, qsizetype> turnIndex;
    while (turns->next()) {
        TurnRecord turn;
        turn.id = turns->value(0).toLongLong();
        turn.position = turns->value(1).toInt();
        turn.prompt = turns->value(2).toString();
        turn.createdAt = timeFromDb(turns->value(3));
        turn.tags = tagsFromDb(turns->value(4));
        turnIndex.insert(turn.id, record.turns.size());
        record.turns << turn;
    }
    if (auto images = d->loadTurnImages(record.id, record.turns); !images)
        return std::unexpected(images.error());

    auto answers = d->exec(u"SELECT a.id, a.turn_id, a.lane_id, a.state, a.text, a.reasoning, a.tool_calls, "
                           u"a.finish_reason, a.usage, a.metrics, a.cost, a.error, a.started_at, a.finished_at, "
                           u"a.tool_rounds, a.structured_output FROM answers a JOIN turns t ON t.id = a.turn_id JOIN "
                           u"lanes l ON l.id = a.lane_id "
                           u"WHERE t.conversation_id = ? ORDER BY t.position, l.position, a.id"_s,
                           {conversationId});
    if (!answers)
        return std::unexpected(answers.error());
    while (answers->next()) {
        AnswerRecord answer;
        answer.id = answers->value(0).toLongLong();
        answer.turnId = answers->value(1).toLongLong();
        answer.laneId = answers->value(2).toLongLong();
        answer.state = answerStateFromName(answers->value(3).toString()).value_or(AnswerState::Interrupted);
        answer.text = answers->value(4).toString();
        answer.reasoning = answers->value(5).toString();
        answer.toolCalls = jsonFromDb(answers->value(6)).array();
        answer.finishReason = answers->value(7).toString();
        answer.usage = jsonFromDb(answers->value(8)).object();
        answer.metrics = jsonFromDb(answers->value(9)).object();
        answer.cost = jsonFromDb(answers->value(10)).object();
        answer.error = jsonFromDb(answers->value(11)).object();
        answer.startedAt = timeFromDb(answers->value(12));
        answer.finishedAt = timeFromDb(answers->value(13));
        answer.toolRounds = jsonFromDb(answers->value(14)).array();
        answer.structuredOutput = jsonFromDb(answers->value(15)).object();
        visit(record, record.turns.at(turnIndex.value(answer.turnId)), std::move(answer));
    }
    return record;
}

std::expected<QList<SearchHit>, HistoryError> HistoryStore::search(const QString &words, int limit) const
{
    const QString match = ftsQuery(words);
    if (match.isEmpty() || limit <= 0)
        return QList<SearchHit>{};
    // bm25() is lower for better matches; the two indexes are ranked on one scale.
    auto query = d->exec(
        u"SELECT t.conversation_id, t.id, 0, c.title, snippet(prompt_fts, 0, '[', ']', '…', 16), c.updated_at, "
        u"bm25(prompt_fts) AS rank FROM prompt_fts JOIN turns t ON t.id = prompt_fts.rowid "
        u"JOIN conversations c ON c.id = t.conversation_id WHERE prompt_fts MATCH ? "
        u"UNION ALL "
        u"SELECT t.conversation_id, t.id, a.id, c.title, snippet(answer_fts, -1, '[', ']', '…', 16), c.updated_at, "
        u"bm25(answer_fts) AS rank FROM answer_fts JOIN answers a ON a.id = answer_fts.rowid "
        u"JOIN turns t ON t.id = a.turn_id JOIN conversations c ON c.id = t.conversation_id "
        u"WHERE answer_fts MATCH ? ORDER BY rank, 2, 3 LIMIT ?"_s,
        {match, match, limit});
    if (!query)
        return std::unexpected(query.error());
    QList<SearchHit> hits;
    while (query->next()) {
        SearchHit hit;
        hit.conversationId = query->value(0).toLongLong();
        hit.turnId = query->value(1).toLongLong();
        hit.answerId = query->value(2).toLongLong();
        hit.conversationTitle = query->value(3).toString();
        hit.snippet = query->value(4).toString();
        hit.updatedAt = timeFromDb(query->value(5));
        hits << hit;
    }
    return hits;
}

} // namespace versus::history
