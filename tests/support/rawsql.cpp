// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawsql.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace versus::test {

QStringList sql(const QString &path, const QStringList &statements)
{
    QStringList lastRows;
    const QString name = QStringLiteral("tst-raw-") + QString::number(QRandomGenerator::global()->generate64());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return {QStringLiteral("error: ") + db.lastError().text()};
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                lastRows = {QStringLiteral("error: ") + query.lastError().text()};
                break;
            }
            lastRows.clear();
            while (query.next())
                lastRows << query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return lastRows;
}

} // namespace versus::test
