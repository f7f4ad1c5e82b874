// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/historystore.h"

#include "history/historyschema.h"
#include "history/historystore_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace versus::history {

using namespace detail;

QString answerStateName(AnswerState state)
{
    switch (state) {
    case AnswerState::Streaming:
        return u"streaming"_s;
    case AnswerState::Complete:
        return u"complete"_s;
    case AnswerState::Error:
        return u"error"_s;
    case AnswerState::Cancelled:
        return u"cancelled"_s;
    case AnswerState::Truncated:
        return u"truncated"_s;
    case AnswerState::Interrupted:
        return u"interrupted"_s;
    }
    return {};
}

std::optional<AnswerState> answerStateFromName(const QString &name)
{
    for (AnswerState state : {AnswerState::Streaming, AnswerState::Complete, AnswerState::Error, AnswerState::Cancelled,
                              AnswerState::Truncated, AnswerState::Interrupted}) {
        if (answerStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

HistoryStore::HistoryStore()
    : d(new Private)
{
}

HistoryStore::~HistoryStore()
{
    close();
    delete d;
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) % u"/versus/history.sqlite"_s;
}

bool HistoryStore::canHoldHistory(const QString &path)
{
    QFile file(path);
    if (!file.exists() || (QFileInfo(path).isFile() && file.size() == 0))
        return true;
    if (!file.open(QIODevice::ReadOnly) || file.read(16) != QByteArray("SQLite format 3\0", 16))
        return false;
    file.close();
    static int probes = 0;
    const QString name = u"versus-history-probe-%1"_s.arg(++probes);
    bool ours = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(db);
            int version = 0;
            if (query.exec(u"PRAGMA user_version"_s) && query.next())
                version = query.value(0).toInt();
            bool tables = false;
            if (query.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                           "('conversations', 'lanes', 'turns', 'answers')"_s) &&
                query.next())
                tables = query.value(0).toInt() == 4;
            ours = version > 0 && tables;
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ours;
}

int HistoryStore::schemaVersion()
{
    return migrations().constLast().version;
}

std::expected<OpenReport, HistoryError> HistoryStore::open(const QString &path)
{
    close();
    OpenReport report;
    d->path = QFileInfo(path).absoluteFilePath();
    report.path = d->path;

    const QString dirPath = QFileInfo(d->path).absolutePath();
    if (!QFileInfo::exists(dirPath)) {
        const QString parent = QFileInfo(dirPath).absolutePath();
        if (!QDir().mkpath(parent))
            return std::unexpected(
                fromErrno(EACCES, QCoreApplication::translate("versus::history", "cannot create %1").arg(parent)));
        if (::mkdir(QFile::encodeName(dirPath).constData(), 0700) != 0 && errno != EEXIST)
            return std::unexpected(
                fromErrno(errno, QCoreApplication::translate("versus::history", "cannot create %1").arg(dirPath)));
    }
    if (auto opened = d->openConnection(report, true); !opened) {
        close(); // and the writer lock goes with the failed open
        return std::unexpected(opened.error());
    }
    return report;
}

bool HistoryStore::isOpen() const
{
    return !d->connectionName.isEmpty() && d->db.isOpen();
}

QString HistoryStore::path() const
{
    return d->path;
}

void HistoryStore::close()
{
    if (d->scrubPending && !d->connectionName.isEmpty())
        d->scrub();
    d->scrubPending = false;
    d->closeConnection();
    if (d->writerLock)
        d->writerLock->unlock();
    d->writerLock.reset();
}

std::expected<void, HistoryError> HistoryStore::setMaxPageCountForTesting(qint64 pages)
{
    if (auto query = d->exec(u"PRAGMA max_page_count = %1"_s.arg(pages)); !query)
        return std::unexpected(query.error());
    return {};
}

// --- writes -----------------------------------------------------------------------------

std::expected<ConversationRecord, HistoryError> HistoryStore::createConversation(const QString &title,
                                                                                 const QList<LaneRecord> &lanes)
{
    return d->transaction([&]() -> std::expected<ConversationRecord, HistoryError> {
        ConversationRecord record;
        record.title = title;
        record.createdAt = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
        record.updatedAt = record.createdAt;
        auto query =
            d->exec(u"INSERT INTO conversations (title, created_at, updated_at) VALUES (COALESCE(?, ''), ?, ?)"_s,
                    {title, timeToDb(record.createdAt), timeToDb(record.updatedAt)});
        if (!query)
            return std::unexpected(query.error());
        record.id = query->lastInsertId().toLongLong();
        for (const LaneRecord &lane : lanes) {
            LaneRecord stored = lane;
            stored.position = int(record.lanes.size());
            auto inserted = d->exec(u"INSERT INTO lanes (conversation_id, position, provider, model, parameters, "
                                    u"removed) VALUES (?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?)"_s,
                                    {record.id, stored.position, stored.provider, stored.model,
                                     jsonToDb(stored.parameters), stored.removed ? 1 : 0});
            if (!inserted)
                return std::unexpected(inserted.error());
            stored.id = inserted->lastInsertId().toLongLong();
            record.lanes << stored;
        }
        return record;
    });
}

std::expected<void, HistoryError> HistoryStore::renameConversation(qint64 conversationId, const QString &title)
{
    auto query = d->exec(u"UPDATE conversations SET title = COALESCE(?, '') WHERE id = ?"_s, {title, conversationId});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(notFound(u"conversation"_s, conversationId));
    return {};
}

std::expected<LaneRecord, HistoryError> HistoryStore::addLane(qint64 conversationId, const LaneRecord &lane)
{
    return d->transaction([&]() -> std::expected<LaneRecord, HistoryError> {
        auto known = d->exists(u"conversations"_s, conversationId);
        if (!known)
            return std::unexpected(known.error());
        if (!*known)
            return std::unexpected(notFound(u"conversation"_s, conversationId));
        auto next =
            d->exec(u"SELECT COALESCE(MAX(position) + 1, 0) FROM lanes WHERE conversation_id = ?"_s, {conversationId});
        if (!next)
            return std::unexpected(next.error());
        LaneRecord stored = lane;
        stored.position = next->next() ? next->value(0).toInt() : 0;
        auto inserted = d->exec(u"INSERT INTO lanes (conversation_id, position, provider, model, parameters, removed) "
                                u"VALUES (?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?)"_s,
                                {conversationId, stored.position, stored.provider, stored.model,
                                 jsonToDb(stored.parameters), stored.removed ? 1 : 0});
        if (!inserted)
            return std::unexpected(inserted.error());
        stored.id = inserted->lastInsertId().toLongLong();
        return stored;
    });
}

std::expected<void, HistoryError> HistoryStore::updateLane(const LaneRecord &lane)
{
    auto query =
        d->exec(u"UPDATE lanes SET position = ?, provider = COALESCE(?, ''), model = COALESCE(?, ''), "
                u"parameters = ?, removed = ? WHERE id = ?"_s,
                {lane.position, lane.provider, lane.model, jsonToDb(lane.parameters), lane.removed ? 1 : 0, lane.id});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(notFound(u"lane"_s, lane.id));
    return {};
}

std::expected<TurnRecord, HistoryError> HistoryStore::addTurn(qint64 conversationId, const QString &prompt,
                                                              const QList<qint64> &laneIds,
                                                              const QList<ImageInput> &images,
                                                              const QDateTime &notBefore)
{
    return d->transaction([&]() -> std::expected<TurnRecord, HistoryError> {
        auto known = d->exists(u"conversations"_s, conversationId);
        if (!known)
            return std::unexpected(known.error());
        if (!*known)
            return std::unexpected(notFound(u"conversation"_s, conversationId));
        for (qint64 laneId : laneIds) {
            auto lane =
                d->exec(u"SELECT 1 FROM lanes WHERE id = ? AND conversation_id = ?"_s, {laneId, conversationId});
            if (!lane)
                return std::unexpected(lane.error());
            if (!lane->next())
                return std::unexpected(notFound(u"lane in this conversation"_s, laneId));
        }
        auto next = d->exec(u"SELECT COALESCE(MAX(position) + 1, 0), MAX(created_at) FROM turns "
                            u"WHERE conversation_id = ?"_s,
                            {conversationId});
        if (!next)
            return std::unexpected(next.error());
        TurnRecord turn;
        qint64 moment = QDateTime::currentMSecsSinceEpoch();
        if (notBefore.isValid())
            moment = std::max(moment, notBefore.toMSecsSinceEpoch());
        if (next->next()) {
            turn.position = next->value(0).toInt();
            if (!next->value(1).isNull())
                moment = std::max(moment, next->value(1).toLongLong() + 1);
        }
        turn.prompt = prompt;
        turn.createdAt = QDateTime::fromMSecsSinceEpoch(moment, Qt::UTC);
        auto inserted = d->exec(
            u"INSERT INTO turns (conversation_id, position, prompt, created_at) VALUES (?, ?, COALESCE(?, ''), ?)"_s,
            {conversationId, turn.position, prompt, timeToDb(turn.createdAt)});
        if (!inserted)
            return std::unexpected(inserted.error());
        turn.id = inserted->lastInsertId().toLongLong();
        if (auto stored = d->storeTurnImages(turn.id, images); !stored)
            return std::unexpected(stored.error());
        turn.images = images;
        for (qint64 laneId : laneIds) {
            AnswerRecord answer;
            answer.turnId = turn.id;
            answer.laneId = laneId;
            answer.state = AnswerState::Streaming;
            answer.startedAt = turn.createdAt;
            auto stored = d->exec(u"INSERT INTO answers (turn_id, lane_id, state, started_at, updated_at) "
                                  u"VALUES (?, ?, 'streaming', ?, ?)"_s,
                                  {turn.id, laneId, timeToDb(answer.startedAt), timeToDb(answer.startedAt)});
            if (!stored)
                return std::unexpected(stored.error());
            answer.id = stored->lastInsertId().toLongLong();
            turn.answers << answer;
        }
        if (auto touched = d->touchConversation(conversationId); !touched)
            return std::unexpected(touched.error());
        return turn;
    });
}

std::expected<void, HistoryError> HistoryStore::checkpointAnswer(qint64 answerId, const QString &text,
                                                                 const QString &reasoning)
{
    // One statement in autocommit mode is its own transaction; no FTS work happens here
    // (streaming answers are not indexed, see historyschema.cpp).
    auto query = d->exec(u"UPDATE answers SET text = COALESCE(?, ''), reasoning = COALESCE(?, ''), updated_at = ? "
                         u"WHERE id = ? AND state = 'streaming'"_s,
                         {text, reasoning, QDateTime::currentMSecsSinceEpoch(), answerId});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(notFound(u"streaming answer"_s, answerId));
    return {};
}

std::expected<void, HistoryError> HistoryStore::checkpointAnswer(qint64 answerId, const QString &text,
                                                                 const QString &reasoning, const QJsonArray &toolRounds)
{
    auto query = d->exec(u"UPDATE answers SET text = COALESCE(?, ''), reasoning = COALESCE(?, ''), tool_rounds = ?, "
                         u"updated_at = ? WHERE id = ? AND state = 'streaming'"_s,
                         {text, reasoning, jsonToDb(toolRounds), QDateTime::currentMSecsSinceEpoch(), answerId});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(notFound(u"streaming answer"_s, answerId));
    return {};
}

std::expected<void, HistoryError> HistoryStore::finishAnswer(const AnswerRecord &answer)
{
    return d->transaction([&]() -> std::expected<void, HistoryError> {
        auto query = d->exec(
            u"UPDATE answers SET state = ?, text = COALESCE(?, ''), reasoning = COALESCE(?, ''), tool_calls = ?, "
            u"tool_rounds = ?, structured_output = ?, finish_reason = ?, usage = ?, metrics = ?, cost = ?, error = ?, "
            u"finished_at = ?, updated_at = ? "
            u"WHERE id = ?"_s,
            {answerStateName(answer.state), answer.text, answer.reasoning, jsonToDb(answer.toolCalls),
             jsonToDb(answer.toolRounds), jsonToDb(answer.structuredOutput),
             answer.finishReason.isEmpty() ? QVariant() : QVariant(answer.finishReason), jsonToDb(answer.usage),
             jsonToDb(answer.metrics), jsonToDb(answer.cost), jsonToDb(answer.error), timeToDb(answer.finishedAt),
             QDateTime::currentMSecsSinceEpoch(), answer.id});
        if (!query)
            return std::unexpected(query.error());
        if (query->numRowsAffected() == 0)
            return std::unexpected(notFound(u"answer"_s, answer.id));
        auto owner = d->exec(
            u"SELECT t.conversation_id FROM answers a JOIN turns t ON t.id = a.turn_id WHERE a.id = ?"_s, {answer.id});
        if (!owner)
            return std::unexpected(owner.error());
        if (owner->next())
            return d->touchConversation(owner->value(0).toLongLong());
        return {};
    });
}

std::expected<void, HistoryError> HistoryStore::deleteConversation(qint64 conversationId)
{
    // Children first and explicitly, so that the FTS delete triggers see every row.
    auto deleted = d->transaction([&]() -> std::expected<void, HistoryError> {
        auto known = d->exists(u"conversations"_s, conversationId);
        if (!known)
            return std::unexpected(known.error());
        if (!*known)
            return std::unexpected(notFound(u"conversation"_s, conversationId));
        const QStringList statements = {
            u"DELETE FROM votes WHERE turn_id IN (SELECT id FROM turns WHERE conversation_id = ?1)"_s,
            u"DELETE FROM answers WHERE turn_id IN (SELECT id FROM turns WHERE conversation_id = ?1)"_s,
            u"DELETE FROM turns WHERE conversation_id = ?1"_s,
            u"DELETE FROM lanes WHERE conversation_id = ?1"_s,
            u"DELETE FROM conversations WHERE id = ?1"_s,
        };
        if (auto images = d->deleteConversationImages(conversationId); !images)
            return std::unexpected(images.error());
        for (const QString &statement : statements) {
            if (auto query = d->exec(statement, {conversationId}); !query)
                return std::unexpected(query.error());
        }
        return {};
    });
    if (!deleted)
        return deleted;
    // The rows are gone; the text leaves the file's bytes now, or — when another process is
    // reading and the WAL cannot be truncated — when this store closes.
    d->scrubPending = !d->scrub();
    return {};
}

bool HistoryStore::Private::scrub()
{
    // secure_delete zeroed the deleted cells, but FTS5 only marks deleted entries until its
    // segments are merged: 'optimize' rewrites the index into one segment without them. The
    // WAL still holds old page images until it is checkpointed and truncated.
    for (const QString &statement : {u"INSERT INTO prompt_fts(prompt_fts) VALUES ('optimize')"_s,
                                     u"INSERT INTO answer_fts(answer_fts) VALUES ('optimize')"_s}) {
        if (!exec(statement))
            return false;
    }
    auto checkpoint = exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    return checkpoint && checkpoint->next() && checkpoint->value(0).toInt() == 0;
}

} // namespace versus::history
