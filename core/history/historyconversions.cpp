// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/historystore_p.h"

#include <QRegularExpression>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace versus::history::detail {

namespace {

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

} // namespace

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

} // namespace versus::history::detail
