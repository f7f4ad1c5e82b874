// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/historystore.h"

#include "history/historyschema.h"

#include <QAtomicInteger>
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

namespace {

constexpr QFileDevice::Permissions kOwnerReadWrite = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// SQLite primary result codes (sqlite3.h); Qt reports them as nativeErrorCode().
enum SqliteCode {
    SqlitePerm = 3,
    SqliteReadOnly = 8,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteAuth = 23,
    SqliteNotADb = 26,
};

HistoryError fromSqlError(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    HistoryError result{HistoryError::Kind::Other, error.text()};
    if (!ok)
        return result;
    switch (code) {
    case SqlitePerm:
    case SqliteReadOnly:
    case SqliteCantOpen:
    case SqliteAuth:
        result.kind = HistoryError::Kind::Unwritable;
        break;
    case SqliteFull:
        result.kind = HistoryError::Kind::DiskFull;
        break;
    case SqliteCorrupt:
    case SqliteNotADb:
        result.kind = HistoryError::Kind::Corrupt;
        break;
    default:
        break;
    }
    return result;
}

HistoryError fromErrno(int error, const QString &what)
{
    HistoryError result{HistoryError::Kind::Other, what % u": "_s % QString::fromLocal8Bit(std::strerror(error))};
    if (error == EACCES || error == EPERM || error == EROFS)
        result.kind = HistoryError::Kind::Unwritable;
    else if (error == ENOSPC || error == EDQUOT)
        result.kind = HistoryError::Kind::DiskFull;
    return result;
}

HistoryError notFound(const QString &what, qint64 id)
{
    return {HistoryError::Kind::NotFound, u"no %1 with id %2"_s.arg(what).arg(id)};
}

QVariant timeToDb(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFromDb(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant jsonToDb(const QJsonObject &object)
{
    return object.isEmpty() ? QVariant()
                            : QVariant(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

QVariant jsonToDb(const QJsonArray &array)
{
    return array.isEmpty() ? QVariant()
                           : QVariant(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

QJsonDocument jsonFromDb(const QVariant &value)
{
    return value.isNull() ? QJsonDocument() : QJsonDocument::fromJson(value.toString().toUtf8());
}

/// @p words as an FTS5 query in which every word is a quoted string, so that NEAR, AND, *,
/// quotes and parentheses are searched for as text, never run as operators. Words without
/// a letter or digit would give the tokenizer nothing to match and are left out.
QString ftsQuery(const QString &words)
{
    QStringList terms;
    for (const QString &word : words.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts)) {
        if (!std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        QString quoted = word;
        quoted.replace(u'"', u"\"\""_s);
        terms << u'"' % quoted % u'"';
    }
    return terms.join(u' ');
}

QString movedAsideName(const QString &path)
{
    const QString base = path % u".corrupt-"_s % QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate) || QFileInfo::exists(candidate % u"-wal"_s); ++n)
        candidate = base % u'-' % QString::number(n);
    return candidate;
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

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

struct HistoryStore::Private {
    QString path;
    QString connectionName;
    QSqlDatabase db;

    /// Prepares and runs @p sql with positional @p values.
    std::expected<QSqlQuery, HistoryError> exec(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return std::unexpected(fromSqlError(query.lastError()));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return std::unexpected(fromSqlError(query.lastError()));
        return query;
    }

    /// Runs @p body inside BEGIN IMMEDIATE ... COMMIT (IMMEDIATE takes the write lock first,
    /// so a read-only file fails here rather than halfway). Rolls back when @p body fails.
    template<typename Body>
    auto transaction(Body &&body) -> decltype(body())
    {
        if (auto begin = exec(u"BEGIN IMMEDIATE"_s); !begin)
            return std::unexpected(begin.error());
        auto result = body();
        if (!result) {
            (void)exec(u"ROLLBACK"_s); // SQLite may already have rolled back (e.g. SQLITE_FULL)
            return result;
        }
        if (auto commit = exec(u"COMMIT"_s); !commit) {
            (void)exec(u"ROLLBACK"_s);
            return std::unexpected(commit.error());
        }
        return result;
    }

    std::expected<void, HistoryError> openConnection(OpenReport &report, bool mayMoveAside);
    std::expected<void, HistoryError> moveAside(OpenReport &report, const QString &reason);
    std::expected<void, HistoryError> connect(bool readOnly);
    void closeConnection();
    std::expected<bool, HistoryError> exists(const QString &table, qint64 id) const
    {
        auto query = exec(u"SELECT 1 FROM "_s % table % u" WHERE id = ?"_s, {id});
        if (!query)
            return std::unexpected(query.error());
        return query->next();
    }
    std::expected<void, HistoryError> touchConversation(qint64 conversationId)
    {
        auto query = exec(u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s,
                          {QDateTime::currentMSecsSinceEpoch(), conversationId});
        if (!query)
            return std::unexpected(query.error());
        return {};
    }
};

void HistoryStore::Private::closeConnection()
{
    if (connectionName.isEmpty())
        return;
    db.close();
    db = QSqlDatabase(); // no handle may outlive removeDatabase()
    QSqlDatabase::removeDatabase(connectionName);
    connectionName.clear();
}

std::expected<void, HistoryError> HistoryStore::Private::connect(bool readOnly)
{
    connectionName = u"versus-history-%1"_s.arg(++connectionCounter); // several stores may be open
    db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    if (readOnly)
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    if (!db.open()) {
        const HistoryError error = fromSqlError(db.lastError());
        closeConnection();
        return std::unexpected(error);
    }
    return {};
}

std::expected<void, HistoryError> HistoryStore::Private::moveAside(OpenReport &report, const QString &reason)
{
    closeConnection();
    const QString target = movedAsideName(path);
    if (!QFile::rename(path, target))
        return std::unexpected(fromErrno(EACCES, u"cannot move the corrupt history aside to "_s % target));
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(path % suffix) && !QFile::rename(path % suffix, target % suffix))
            return std::unexpected(fromErrno(EACCES, u"cannot move "_s % path % suffix % u" aside"_s));
    }
    report.movedAsideTo = target;
    report.corruptionReason = reason;
    return {};
}

std::expected<void, HistoryError> HistoryStore::Private::openConnection(OpenReport &report, bool mayMoveAside)
{
    // Create the file 0600 ourselves: SQLite would create it under the umask (0644), and it
    // creates -wal and -shm with the mode of the database file.
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return std::unexpected(fromErrno(errno, u"cannot create "_s % path));
    ::close(fd);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(path % suffix) && QFile::permissions(path % suffix) != kOwnerReadWrite)
            QFile::setPermissions(path % suffix, kOwnerReadWrite); // may fail on a read-only file; writes will say so
    }

    // Inspect the file through a read-only connection first: a read-write connection, when
    // closed, checkpoints and deletes the -wal, which must travel with a corrupt file
    // untouched (it may hold the last commits), and a file from a newer Versus is refused
    // before anything writes to it.
    if (auto opened = connect(true); !opened)
        return opened;
    int fileVersion = 0;
    QString corruption;
    {
        auto version = exec(u"PRAGMA user_version"_s);
        if (version)
            fileVersion = version->next() ? version->value(0).toInt() : 0;
        auto check = version ? exec(u"PRAGMA quick_check"_s) : std::unexpected(version.error());
        if (!check) {
            if (check.error().kind != HistoryError::Kind::Corrupt) {
                closeConnection();
                return std::unexpected(check.error());
            }
            corruption = check.error().message;
        } else {
            QStringList problems;
            while (check->next())
                problems << check->value(0).toString();
            if (problems != QStringList{u"ok"_s})
                corruption = u"quick_check: "_s % problems.mid(0, 5).join(u"; "_s);
        }
    }
    closeConnection();
    if (fileVersion > schemaVersion()) {
        return std::unexpected(
            HistoryError{HistoryError::Kind::TooNew,
                         u"the history was written by a newer Versus (schema %1, this one knows %2)"_s.arg(fileVersion)
                             .arg(schemaVersion())});
    }
    if (!corruption.isEmpty()) {
        if (!mayMoveAside)
            return std::unexpected(HistoryError{HistoryError::Kind::Corrupt, corruption});
        if (auto moved = moveAside(report, corruption); !moved)
            return moved;
        return openConnection(report, false);
    }

    if (auto opened = connect(false); !opened)
        return opened;
    const QStringList pragmas = {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA secure_delete = ON"_s,
                                 u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s};
    for (const QString &pragma : pragmas) {
        if (auto query = exec(pragma); !query) {
            closeConnection();
            return std::unexpected(query.error());
        }
    }

    for (const Migration &migration : migrations()) {
        if (migration.version <= fileVersion)
            continue;
        auto migrated = transaction([&]() -> std::expected<void, HistoryError> {
            for (const QString &statement : migration.statements) {
                if (auto query = exec(statement); !query)
                    return std::unexpected(query.error());
            }
            if (auto query = exec(u"PRAGMA user_version = %1"_s.arg(migration.version)); !query)
                return std::unexpected(query.error());
            return {};
        });
        if (!migrated) {
            closeConnection();
            return std::unexpected(migrated.error());
        }
    }
    report.migratedFrom = fileVersion > 0 && fileVersion < schemaVersion() ? fileVersion : -1;

    // Also the proof that the file can be written (BEGIN IMMEDIATE on a read-only file fails).
    auto interrupted = transaction([&]() -> std::expected<int, HistoryError> {
        auto query = exec(u"UPDATE answers SET state = 'interrupted', updated_at = ? WHERE state = 'streaming'"_s,
                          {QDateTime::currentMSecsSinceEpoch()});
        if (!query)
            return std::unexpected(query.error());
        return query->numRowsAffected();
    });
    if (!interrupted) {
        closeConnection();
        return std::unexpected(interrupted.error());
    }
    report.interruptedAnswers = *interrupted;
    return {};
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
            return std::unexpected(fromErrno(EACCES, u"cannot create "_s % parent));
        if (::mkdir(QFile::encodeName(dirPath).constData(), 0700) != 0 && errno != EEXIST)
            return std::unexpected(fromErrno(errno, u"cannot create "_s % dirPath));
    }
    if (auto opened = d->openConnection(report, true); !opened)
        return std::unexpected(opened.error());
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
    d->closeConnection();
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
                                                              const QList<qint64> &laneIds)
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
        auto next =
            d->exec(u"SELECT COALESCE(MAX(position) + 1, 0) FROM turns WHERE conversation_id = ?"_s, {conversationId});
        if (!next)
            return std::unexpected(next.error());
        TurnRecord turn;
        turn.position = next->next() ? next->value(0).toInt() : 0;
        turn.prompt = prompt;
        turn.createdAt = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
        auto inserted = d->exec(
            u"INSERT INTO turns (conversation_id, position, prompt, created_at) VALUES (?, ?, COALESCE(?, ''), ?)"_s,
            {conversationId, turn.position, prompt, timeToDb(turn.createdAt)});
        if (!inserted)
            return std::unexpected(inserted.error());
        turn.id = inserted->lastInsertId().toLongLong();
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

std::expected<void, HistoryError> HistoryStore::finishAnswer(const AnswerRecord &answer)
{
    return d->transaction([&]() -> std::expected<void, HistoryError> {
        auto query = d->exec(
            u"UPDATE answers SET state = ?, text = COALESCE(?, ''), reasoning = COALESCE(?, ''), tool_calls = ?, "
            u"finish_reason = ?, usage = ?, metrics = ?, cost = ?, error = ?, finished_at = ?, updated_at = ? "
            u"WHERE id = ?"_s,
            {answerStateName(answer.state), answer.text, answer.reasoning, jsonToDb(answer.toolCalls),
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
        for (const QString &statement : statements) {
            if (auto query = d->exec(statement, {conversationId}); !query)
                return std::unexpected(query.error());
        }
        return {};
    });
    if (!deleted)
        return deleted;
    // The rows are gone and secure_delete zeroed their cells, but FTS5 only marks deleted
    // entries until its segments are merged: 'optimize' rewrites the index into one segment
    // without them. The WAL still holds old page images until it is checkpointed and truncated.
    for (const QString &statement : {u"INSERT INTO prompt_fts(prompt_fts) VALUES ('optimize')"_s,
                                     u"INSERT INTO answer_fts(answer_fts) VALUES ('optimize')"_s}) {
        if (auto query = d->exec(statement); !query)
            return std::unexpected(query.error());
    }
    auto checkpoint = d->exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    if (!checkpoint)
        return std::unexpected(checkpoint.error());
    if (checkpoint->next() && checkpoint->value(0).toInt() != 0)
        return std::unexpected(
            HistoryError{HistoryError::Kind::Other, u"the WAL could not be checkpointed (another reader is open)"_s});
    return {};
}

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

    auto lanes = d->exec(u"SELECT id, position, provider, model, parameters, removed FROM lanes "
                         u"WHERE conversation_id = ? ORDER BY position, id"_s,
                         {conversationId});
    if (!lanes)
        return std::unexpected(lanes.error());
    QHash<qint64, int> lanePosition;
    while (lanes->next()) {
        LaneRecord lane;
        lane.id = lanes->value(0).toLongLong();
        lane.position = lanes->value(1).toInt();
        lane.provider = lanes->value(2).toString();
        lane.model = lanes->value(3).toString();
        lane.parameters = jsonFromDb(lanes->value(4)).object();
        lane.removed = lanes->value(5).toInt() != 0;
        lanePosition.insert(lane.id, lane.position);
        record.lanes << lane;
    }

    auto turns = d->exec(u"SELECT id, position, prompt, created_at FROM turns WHERE conversation_id = ? "
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
        turnIndex.insert(turn.id, record.turns.size());
        record.turns << turn;
    }

    auto answers = d->exec(u"SELECT a.id, a.turn_id, a.lane_id, a.state, a.text, a.reasoning, a.tool_calls, "
                           u"a.finish_reason, a.usage, a.metrics, a.cost, a.error, a.started_at, a.finished_at "
                           u"FROM answers a JOIN turns t ON t.id = a.turn_id JOIN lanes l ON l.id = a.lane_id "
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
        record.turns[turnIndex.value(answer.turnId)].answers << answer;
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
