// SPDX-License-Identifier: GPL-3.0-or-later
// Holds a write transaction open on a history in rollback-journal mode (as a Versus killed
// during its very first open, before the file was in WAL mode, would have it) and waits to be
// killed: what is left is a hot journal.
//   history_journal_holder DATABASE
// Prints "holding" once the transaction has spilled into the file.
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (app.arguments().size() != 2) {
        out << "usage: history_journal_holder DATABASE\n";
        return 2;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s);
    db.setDatabaseName(app.arguments().at(1));
    if (!db.open()) {
        out << "error " << db.lastError().text() << '\n';
        return 1;
    }
    QSqlQuery query(db);
    // A cache of a few pages and more rows than fit: the transaction spills pages into the
    // file, which syncs the journal first. Only a synced journal is hot (an unsynced one has
    // no header yet, and SQLite ignores it): this is a writer killed in its commit.
    for (const QString &statement : {u"PRAGMA journal_mode = DELETE"_s, u"PRAGMA cache_size = 2"_s,
                                     u"BEGIN IMMEDIATE"_s, u"UPDATE conversations SET title = 'never committed'"_s,
                                     u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                                     u"INSERT INTO conversations (title, created_at, updated_at) "
                                     u"SELECT 'never committed ' || hex(randomblob(200)), 0, 0 FROM n"_s}) {
        if (!query.exec(statement)) {
            out << "error " << statement << ": " << query.lastError().text() << '\n';
            return 1;
        }
    }
    out << "holding\n";
    out.flush();
    for (;;)
        QThread::sleep(60);
}
