// SPDX-License-Identifier: GPL-3.0-or-later
// Opening the store: the file created 0600, inspected read-only (version, quick_check) before
// anything writes to it, moved aside when damaged, migrated, and answers left streaming by a
// dead writer marked interrupted — all under the writer lock.
#include "history/historyschema.h"
#include "history/historystore_p.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace versus::history {

using namespace detail;

namespace {

constexpr QFileDevice::Permissions kOwnerReadWrite = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

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
        return std::unexpected(fromErrno(
            EACCES,
            QCoreApplication::translate("versus::history", "cannot move the corrupt history aside to %1").arg(target)));
    // A rollback journal goes too: left behind, it would be rolled back into the new file.
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        if (QFileInfo::exists(path % suffix) && !QFile::rename(path % suffix, target % suffix))
            return std::unexpected(fromErrno(
                EACCES, QCoreApplication::translate("versus::history", "cannot move %1 aside").arg(path % suffix)));
    }
    report.movedAsideTo = target;
    report.corruptionReason = reason;
    return {};
}

std::expected<void, HistoryError> HistoryStore::Private::rollBackHotJournal()
{
    if (auto opened = connect(false); !opened)
        return opened;
    auto read = exec(u"PRAGMA user_version"_s);
    closeConnection();
    if (!read)
        return std::unexpected(read.error());
    return {};
}

std::expected<void, HistoryError> HistoryStore::Private::openConnection(OpenReport &report, bool mayMoveAside,
                                                                        bool mayRollBack)
{
    // Create the file 0600 ourselves: SQLite would create it under the umask (0644), and it
    // creates -wal and -shm with the mode of the database file.
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    else if (errno != EEXIST)
        return std::unexpected(
            fromErrno(errno, QCoreApplication::translate("versus::history", "cannot create %1").arg(path)));
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(path % suffix) && QFile::permissions(path % suffix) != kOwnerReadWrite)
            QFile::setPermissions(path % suffix, kOwnerReadWrite); // may fail on a read-only file; writes will say so
    }

    // Only the process that holds the writer lock may move a damaged file aside or declare
    // answers interrupted: another live Versus may be writing to it right now. The lock file
    // names its owner's pid; one whose process died (a crash, kill -9) is stale and taken over.
    if (!writerLock) {
        writerLock = std::make_unique<QLockFile>(path + u".lock"_s);
        writerLock->setStaleLockTime(0); // only a dead owner makes it stale, however old it is
    }
    const bool soleWriter = writerLock->isLocked() || writerLock->tryLock(0);

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
        // A writer killed in the middle of a transaction before the file was in WAL mode (its
        // very first open, or an older file) leaves a hot rollback journal, which a read-only
        // connection cannot roll back: it says "readonly", and every later open would too. The
        // sole writer rolls it back, as SQLite's own recovery, and inspects the file again.
        if (!version && version.error().kind == HistoryError::Kind::Unwritable && mayRollBack && soleWriter &&
            QFileInfo::exists(path % u"-journal"_s)) {
            closeConnection();
            if (auto rolledBack = rollBackHotJournal(); !rolledBack)
                return rolledBack;
            return openConnection(report, mayMoveAside, false);
        }
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
        return std::unexpected(HistoryError{
            HistoryError::Kind::TooNew,
            QCoreApplication::translate("versus::history",
                                        "the history was written by a newer Versus (schema %1, this one knows %2)")
                .arg(fileVersion)
                .arg(schemaVersion())});
    }
    if (!corruption.isEmpty()) {
        if (!mayMoveAside)
            return std::unexpected(HistoryError{HistoryError::Kind::Corrupt, corruption});
        if (!soleWriter)
            return std::unexpected(
                HistoryError{HistoryError::Kind::Corrupt,
                             corruption + u" (another running Versus has the file open; it is left where it is)"_s});
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

    // Answers left streaming are interrupted only when no other live process writes to this
    // file: the CLI reading the history while the app streams must not cut the app's answers
    // short; the answers of a dead writer are marked at the next open.
    // Also the proof that the file can be written (BEGIN IMMEDIATE on a read-only file fails).
    auto interrupted = transaction([&]() -> std::expected<int, HistoryError> {
        if (!soleWriter)
            return 0;
        auto query = exec(u"UPDATE answers SET state = 'interrupted', updated_at = ? WHERE state = 'streaming'"_s,
                          {QDateTime::currentMSecsSinceEpoch()});
        if (!query)
            return std::unexpected(query.error());
        const int answers = query->numRowsAffected();
        // Benchmarks left running by a dead writer: their finished samples stay.
        auto benches = exec(u"UPDATE bench_runs SET state = 'interrupted', finished_at = ? WHERE state = 'running'"_s,
                            {QDateTime::currentMSecsSinceEpoch()});
        if (!benches)
            return std::unexpected(benches.error());
        report.interruptedBenches = benches->numRowsAffected();
        return answers;
    });
    if (!interrupted) {
        closeConnection();
        return std::unexpected(interrupted.error());
    }
    report.interruptedAnswers = *interrupted;
    return {};
}

} // namespace versus::history
