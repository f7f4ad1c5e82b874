// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to versus_history: the store's connection and the conversions between records
// and SQLite values, shared by historystore.cpp (open, writes) and historyqueries.cpp (reads).
#pragma once

#include "history/historystore.h"

#include <QHash>
#include <QJsonDocument>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

namespace versus::history {

namespace detail {

HistoryError fromSqlError(const QSqlError &error);
HistoryError fromErrno(int error, const QString &what);
HistoryError notFound(const QString &what, qint64 id);
QVariant timeToDb(const QDateTime &time);
QDateTime timeFromDb(const QVariant &value);
QVariant jsonToDb(const QJsonObject &object);
QVariant jsonToDb(const QJsonArray &array);
QJsonDocument jsonFromDb(const QVariant &value);
QString ftsQuery(const QString &words);
QStringList tagsFromDb(const QVariant &value); ///< a turn's tags column (historyverdicts.cpp)

} // namespace detail

struct HistoryStore::Private {
    QString path;
    QString connectionName;
    QSqlDatabase db;
    /// Held while this store is the one that may declare answers interrupted (see open()).
    std::unique_ptr<QLockFile> writerLock;
    /// A deleted conversation's text is still in the index or the WAL: scrub again at close.
    bool scrubPending = false;
    /// Merges the full-text index and truncates the WAL; false when either could not be done.
    bool scrub();

    /// Prepares and runs @p sql with positional @p values.
    std::expected<QSqlQuery, HistoryError> exec(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return std::unexpected(detail::fromSqlError(query.lastError()));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return std::unexpected(detail::fromSqlError(query.lastError()));
        return query;
    }

    /// Runs @p body inside BEGIN IMMEDIATE ... COMMIT (IMMEDIATE takes the write lock first,
    /// so a read-only file fails here rather than halfway). Rolls back when @p body fails.
    template<typename Body>
    auto transaction(Body &&body) -> decltype(body())
    {
        if (auto begin = exec(QStringLiteral("BEGIN IMMEDIATE")); !begin)
            return std::unexpected(begin.error());
        auto result = body();
        if (!result) {
            (void)exec(QStringLiteral("ROLLBACK")); // SQLite may already have rolled back (e.g. SQLITE_FULL)
            return result;
        }
        if (auto commit = exec(QStringLiteral("COMMIT")); !commit) {
            (void)exec(QStringLiteral("ROLLBACK"));
            return std::unexpected(commit.error());
        }
        return result;
    }

    // historyqueries.cpp
    /// The lanes of @p conversationId in position order, removed ones included.
    std::expected<QList<LaneRecord>, HistoryError> lanesOf(qint64 conversationId) const;

    // historyimages.cpp
    /// Links @p images to @p turnId in order, inserting each image's bytes unless its SHA-256 is stored.
    std::expected<void, HistoryError> storeTurnImages(qint64 turnId, const QList<ImageInput> &images);
    /// Appends to each of @p turns (of @p conversationId) its images, in order.
    std::expected<void, HistoryError> loadTurnImages(qint64 conversationId, QList<TurnRecord> &turns) const;
    /// Unlinks the images of @p conversationId's turns and deletes the images no turn uses any more.
    std::expected<void, HistoryError> deleteConversationImages(qint64 conversationId);

    // historyverdicts.cpp
    /// Deletes the vote and the judgements of @p turnId (its answers were reset).
    std::expected<void, HistoryError> dropVerdicts(qint64 turnId);
    /// Copies @p fromTurnId's tags, continued lane, vote and judgements to @p toTurnId, lanes
    /// mapped by @p laneIds (a branch).
    std::expected<void, HistoryError> copyVerdicts(qint64 fromTurnId, qint64 toTurnId,
                                                   const QHash<qint64, qint64> &laneIds);

    std::expected<void, HistoryError> openConnection(OpenReport &report, bool mayMoveAside, bool mayRollBack = true);
    /// Rolls back the hot journal a writer killed mid-transaction left (a read-only
    /// connection cannot): any read on a read-write connection does it.
    std::expected<void, HistoryError> rollBackHotJournal();
    std::expected<void, HistoryError> moveAside(OpenReport &report, const QString &reason);
    std::expected<void, HistoryError> connect(bool readOnly);
    void closeConnection();
    std::expected<bool, HistoryError> exists(const QString &table, qint64 id) const
    {
        auto query = exec(QStringLiteral("SELECT 1 FROM ") % table % QStringLiteral(" WHERE id = ?"), {id});
        if (!query)
            return std::unexpected(query.error());
        return query->next();
    }
    std::expected<void, HistoryError> touchConversation(qint64 conversationId)
    {
        auto query = exec(QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"),
                          {QDateTime::currentMSecsSinceEpoch(), conversationId});
        if (!query)
            return std::unexpected(query.error());
        return {};
    }
};

} // namespace versus::history
