// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

namespace versus::history {

/// One step of the schema: the statements that take a store from version - 1 to version.
/// HistoryStore runs each step in its own transaction and then sets user_version.
struct Migration {
    int version = 0;
    QStringList statements;
};

/// Every migration in order; the last one's version is HistoryStore::schemaVersion().
/// A released step is never edited: a change is a new step.
const QList<Migration> &migrations();

} // namespace versus::history
